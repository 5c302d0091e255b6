"""Präsentation: drawn from its view model (indicators.display.pages.presentation)."""

from pathlib import Path

import streamlit as st

from indicators.display.pages import presentation
from views import render

# serve.py already puts this sheet into the page head (in effect from the first frame);
# added here as well for `streamlit run dashboard.py`.
st.html(f"<style>{Path(__file__).with_name('presentation.css').read_text()}</style>")
render.page(presentation.build)
