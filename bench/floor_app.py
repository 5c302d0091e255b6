"""The browser floor for `bench/run.py`: Streamlit with nothing but a two-bar Plotly chart.

Any first view of a Plotly chart in Streamlit pays for Streamlit's own front end and for
loading and evaluating Plotly's bundle; this page measures that cost alone.
"""

import plotly.graph_objects as go
import streamlit as st

st.plotly_chart(go.Figure(go.Bar(x=["a", "b"], y=[1, 2])))
