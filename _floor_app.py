import os
import streamlit as st
from indicators import open_db
from indicators.display import context, deckmap
names = dict(open_db().execute("SELECT ags, name FROM kreise").fetchall())
geo = deckmap.geometry(context.read_geojson("kreise.geojson", overview=True), names)
members = {"13003": 1.0, "13072": 1.0}
d = deckmap.deck(geo, members)
if os.environ.get("NOHL"):
    d.layers[0].auto_highlight = False
    d._tooltip = False
if os.environ.get("LINES"):
    import pydeck as pdk
    d.layers = d.layers[:2] + [pdk.Layer("LineLayer", data="/app/static/own_map/segments_tmp.json", id="kreis_borders",
        get_source_position="s", get_target_position="t", get_color=[145,145,145], get_width=1, width_units='"pixels"', pickable=False)]
if os.environ.get("NOBORDER"):
    d.layers = d.layers[:2]
key = "m"
if os.environ.get("REKEY"):
    st.session_state.setdefault("n", 0)
    key = f"m{st.session_state.n}"
from pathlib import Path
if os.environ.get("APPCSS"):
    st.html(f"<style>{Path('views/app.css').read_text()}</style>")
box = st
if os.environ.get("FIXCSS"):
    st.html("<style>" + os.environ["FIXCSS"] + "</style>")
if os.environ.get("TABS"):
    tab, _ = st.tabs(["a", "b"])
    box = tab
if os.environ.get("COLS"):
    _, box = box.columns((2, 3))
kw = {"width": int(os.environ["W"])} if os.environ.get("W") else {}
ev = box.pydeck_chart(d, on_select="rerun", selection_mode="multi-object", key=key, height=560, **kw)
objs = ev.selection["objects"].get("kreise", [])
if os.environ.get("REKEY") and objs:
    st.session_state.setdefault("seen", [])
    st.session_state.seen += [o["properties"]["ags"] for o in objs]
    st.session_state.n += 1
    st.rerun()
shown = st.session_state.get("seen", []) if os.environ.get("REKEY") else [o["properties"]["ags"] for o in objs]
st.caption("chosen: " + ",".join(["x"] + shown))
