"""Regiopolen-Monitor: entry point (`streamlit run dashboard.py`).

Sets up the frame every page shares – language, regiopole list, URL state, navigation –
and runs the chosen page from views/. The view state is written back to the URL after
every run, so any view can be bookmarked and shared.
"""

import contextlib
from pathlib import Path

import streamlit as st

from indicators.compare import NoAnswer
from indicators.display import formatting
from indicators.display import pages as registry
from views import cache, state

st.set_page_config(page_title="Regiopolen-Monitor", page_icon="📊", layout="wide")

try:
    cache.options()
except cache.DATA_FAULTS as exc:
    cache.data_fault(exc)
    st.stop()

# serve.py puts the sheet into the page head; added here for `streamlit run dashboard.py`.
st.html(f"<style>{Path(__file__).with_name('views').joinpath('app.css').read_text()}</style>")
state.begin_run()
state.language_switch()
pages = {
    st.Page(
        f"views/{page.name}.py",
        title=state.t(page.title_key),
        url_path=page.path,
        default=page is registry.DEFAULT,
        visibility="visible" if page.menu else "hidden",
    ): page.path
    for page in registry.PAGES
}
current = st.navigation(list(pages), position="top")
state.enter_page(pages[current])
state.absorb_widgets()
# On the projector the sidebar must not show while the slide's stylesheet (which hides it)
# is still loading; elsewhere Streamlit's default.
presenting = pages[current] == "praesentation"
st.set_page_config(initial_sidebar_state="collapsed" if presenting else "auto")
state.show_url_notices()  # before a slide changes the state it compares with
if presenting:
    with contextlib.suppress(ValueError):  # the page itself explains a broken file
        state.slide()
state.group_controls()
st.sidebar.caption(state.t("app_tagline"))
state.accessibility_link()  # last in the sidebar: the pages draw only in the main area
finished = False  # stays False when a rerun cuts the run short (see state.begin_run)
try:
    current.run()
    finished = True
except cache.DATA_FAULTS as exc:  # the database broke or vanished while serving
    cache.data_fault(exc)
    finished = True
except NoAnswer as exc:  # the engine's "the data cannot answer this"; nothing else
    st.info(state.t("no_data_year", reason=formatting.plain(exc)))
    finished = True
except Exception:
    finished = True  # the page shows the error; the browser drops what it did not draw
    raise
finally:
    state.end_run(pages[current], finished)
