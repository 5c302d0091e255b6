"""Präsentation: drawn from its view model (indicators.display.pages.presentation)."""

from pathlib import Path

import streamlit as st

from indicators.display import elements as el
from indicators.display.pages import presentation
from views import render

# serve.py already puts this sheet into the page head (in effect from the first frame);
# added here as well for `streamlit run dashboard.py`.
st.html(f"<style>{Path(__file__).with_name('presentation.css').read_text()}</style>")


def _scripts_until_converted(build):
    """TEMPORARY (issue 13): a slide whose page has no view model yet (its content is a
    presentation.Script) has its frame drawn here and the page's script run inside the
    slide's container, as before the view models. Remove this function once every page
    is converted, and call render.page(presentation.build)."""

    def built(ctx):
        parts = build(ctx)
        slide = parts[-1]
        if not (isinstance(slide, el.Container) and slide.parts):
            return parts
        if not isinstance(script := slide.parts[0], presentation.Script):
            return parts
        render.draw(parts[:-1])
        path = Path(__file__).with_name(f"{script.name}.py")
        code = compile(path.read_text(encoding="utf-8"), str(path), "exec")
        with st.container(key=slide.key):
            exec(code, {"__name__": "slide"})
        return []

    return built


render.page(_scripts_until_converted(presentation.build))
