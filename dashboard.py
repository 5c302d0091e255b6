"""Regiopolen-Monitor: entry point (`streamlit run dashboard.py`).

Sets up the frame every page shares – language, regiopole list, URL state, navigation –
and runs the chosen page from views/. The view state is written back to the URL after
every run, so any view can be bookmarked and shared.
"""

import contextlib

import streamlit as st

from indicators.compare import NoAnswer
from indicators.display import formatting
from indicators.display import pages as registry
from views import shared

st.set_page_config(page_title="Regiopolen-Monitor", page_icon="📊", layout="wide")

try:
    shared.options()
except shared.DATA_FAULTS as exc:
    shared.data_fault(exc)
    st.stop()

shared.begin_run()
shared.language_switch()
pages = {
    st.Page(
        f"views/{page.name}.py",
        title=shared.t(page.title_key),
        url_path=page.path,
        default=page is registry.DEFAULT,
    ): page.path
    for page in registry.PAGES
}
current = st.navigation(list(pages), position="top")
shared.enter_page(pages[current])
shared.absorb_widgets()
# On the projector the sidebar must not show while the slide's stylesheet (which hides it)
# is still loading; elsewhere Streamlit's default.
presenting = pages[current] == "praesentation"
st.set_page_config(initial_sidebar_state="collapsed" if presenting else "auto")
shared.show_url_notices()  # before a slide changes the state it compares with
if presenting:
    with contextlib.suppress(ValueError):  # the page itself explains a broken file
        shared.slide()
shared.group_controls()
st.sidebar.caption(shared.t("app_tagline"))
finished = False  # stays False when a rerun cuts the run short (see shared.begin_run)
try:
    current.run()
    finished = True
except shared.DATA_FAULTS as exc:  # the database broke or vanished while serving
    shared.data_fault(exc)
    finished = True
except NoAnswer as exc:  # the engine's "the data cannot answer this"; nothing else
    st.info(shared.t("no_data_year", reason=formatting.plain(exc)))
    finished = True
except Exception:
    finished = True  # the page shows the error; the browser drops what it did not draw
    raise
finally:
    shared.end_run(pages[current], finished)
