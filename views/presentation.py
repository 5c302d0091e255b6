"""Präsentation: a saved sequence of views for the meeting room – full width, large type,
high contrast, no sidebar; "slide 3 of 8", previous/next buttons and arrow keys."""

from pathlib import Path

import streamlit as st

from indicators.display import formatting
from views import shared

t = shared.t
lang = shared.lang()
try:
    deck, number, slide = shared.slide()
except ValueError as exc:
    shared.stop_with(t("presentation_broken", reason=formatting.plain(exc)))
slides = deck["slides"]


def go(step):
    shared.state()["slide"] = min(max(1, number + step), len(slides))


# serve.py already puts this sheet into the page head (in effect from the first frame);
# added here as well for `streamlit run dashboard.py`.
st.html(f"<style>{Path(__file__).with_name('presentation.css').read_text()}</style>")
head, position, back, forward = st.columns([8, 2, 1, 1], vertical_alignment="center")
head.caption(deck["title"][lang])
position.markdown(f"**{t('slide_of', n=number, total=len(slides))}**")
back.button(
    "←",
    key="slide_back",
    on_click=go,
    args=(-1,),
    disabled=number == 1,
    shortcut="left",
    help=t("slide_back"),
)
forward.button(
    "→",
    key="slide_next",
    on_click=go,
    args=(1,),
    disabled=number == len(slides),
    shortcut="right",
    help=t("slide_next"),
)
st.markdown(f"# {slide['title'][lang]}")
st.container(key="slide_note").markdown(slide["note"][lang])
file = {path: name for path, name, *_ in shared.PAGES}[slide["page"]]
script = Path(__file__).with_name(f"{file}.py")
with st.container(key="slide"):  # the slide's page, run as Streamlit runs a page
    exec(compile(script.read_text(encoding="utf-8"), str(script), "exec"), {"__name__": "slide"})
