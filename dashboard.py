"""Regiopolen-Monitor: entry point (`streamlit run dashboard.py`).

Sets up the frame every page shares – language, regiopole list, URL state, navigation –
and runs the chosen page from views/. The view state is written back to the URL after
every run, so any view can be bookmarked and shared.
"""

import duckdb
import streamlit as st

from indicators.build import BuildError
from indicators.display import i18n
from views import shared

# (URL path, file in views/, text key, icon). The folder is deliberately not called pages/:
# Streamlit scans a folder of that name before the entry script runs and then breaks deep
# links (a "Page not found" dialog or the page run without this frame).
PAGES = [
    ("ueberblick", "overview", "page_overview", ":material/dashboard:"),
    ("karte", "map", "page_map", ":material/map:"),
    ("vergleich", "compare", "page_compare", ":material/compare_arrows:"),
    ("rangliste", "ranking", "page_ranking", ":material/format_list_numbered:"),
    ("profil", "profile", "page_profile", ":material/location_city:"),
    ("entwicklung", "trends", "page_trends", ":material/timeline:"),
    ("zusammenhaenge", "scatter", "page_scatter", ":material/scatter_plot:"),
    ("daten", "methods", "page_methods", ":material/description:"),
]

st.set_page_config(page_title="Regiopolen-Monitor", page_icon="📊", layout="wide")

try:
    shared.options()
except (BuildError, duckdb.Error, OSError) as exc:
    st.error(i18n.t("db_error", "de", error=exc) + "\n\n" + i18n.t("db_error", "en", error=exc))
    st.stop()

shared.init_state()
shared.language_switch()
pages = {
    st.Page(
        f"views/{file}.py",
        title=shared.t(text),
        icon=icon,
        url_path=path,
        default=path == "ueberblick",
    ): path
    for path, file, text, icon in PAGES
}
current = st.navigation(list(pages), position="top")
shared.group_controls()
st.sidebar.caption(shared.t("app_tagline"))
shared.show_url_notices()
try:
    current.run()
except ValueError as exc:  # the comparison engine's clear "cannot answer this" messages
    st.info(shared.t("no_data_year", reason=exc))
finally:
    shared.write_url(pages[current])
