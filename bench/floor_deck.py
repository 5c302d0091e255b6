"""The floor for `bench/own_map_click.py`: Streamlit with nothing but a small pydeck chart
(80 squares over Germany) whose clicks are selected, and a caption naming them. What a
click costs the framework and software WebGL before any work of ours."""

import pydeck as pdk
import streamlit as st

SQUARES = [
    {"polygon": [[x, y], [x + 1, y], [x + 1, y + 1], [x, y + 1]], "id": f"q{x}_{y}"}
    for x in range(5, 15)
    for y in range(47, 55)
]
layer = pdk.Layer(
    "PolygonLayer",
    data=SQUARES,
    id="squares",
    pickable=True,
    stroked=False,
    get_polygon="polygon",
    get_fill_color=[232, 232, 232],
)
view = pdk.ViewState(longitude=10.45, latitude=51.25, zoom=4.9)
chart = pdk.Deck(layers=[layer], initial_view_state=view, map_provider=None)
event = st.pydeck_chart(chart, on_select="rerun", selection_mode="multi-object", key="floor")
chosen = event.selection["objects"].get("squares", [])
st.caption("chosen: " + " ".join(obj["id"] for obj in chosen))
