"""Zusammenhänge: two indicators against each other, bubbles sized by population, optional
movement from an earlier year."""

import pandas as pd
import streamlit as st

from indicators import groups
from views import shared

t = shared.t
s = shared.snap()
lang = shared.lang()
st.title(t("page_scatter"))

c1, c2 = st.columns(2)
with c1:
    x_id = shared.indicator_select("x", t("scatter_x"))
with c2:
    y_id = shared.indicator_select("y", t("scatter_y"))
common = sorted(set(shared.options().years[x_id]) & set(shared.options().years[y_id]))
if not common:
    shared.stop_with(
        t("no_data_year", reason=f"{shared.indicator_label(x_id)} / {shared.indicator_label(y_id)}")
    )
c3, c4, c5 = st.columns([2, 2, 3])
with c3:
    year = shared.year_select([x_id, y_id])
with c4:
    earlier = [y for y in common if y < year]
    shared.ensure_choice("start", [None, *earlier], None)
    start = shared.bound(
        st.selectbox,
        "start",
        t("scatter_move"),
        options=earlier,
        none_label=t("scatter_move_none"),
        format_func=str,
    )
with c5:
    ids = [
        *groups.regiopole_ids(s.regions, **shared.group_args(), distinct=False),
        *groups.member_ids(s.regions, groups.METROPOLITAN, distinct=False),
    ]
    labelled = shared.regions_select(t("scatter_labels"), ids)

population_year = max(y for y in shared.options().years["population"] if y <= max(year, 2010))
frame = pd.DataFrame(
    {
        "region_id": ids,
        "name": [shared.region_label(r) for r in ids],
        "kind": [s.regions.loc[r, "kind"] for r in ids],
        "x": s.values(x_id, year, ids).to_numpy(),
        "y": s.values(y_id, year, ids).to_numpy(),
        "size": s.values("population", population_year, ids).to_numpy(),
    }
)
frame["kind_label"] = [t(f"kind_{k}") for k in frame["kind"]]
frame["label"] = [
    n if r in labelled else "" for r, n in zip(frame["region_id"], frame["name"], strict=True)
]
moves = None
if start is not None:
    moves = pd.DataFrame(
        {
            "name": frame["name"],
            "x0": s.values(x_id, start, ids).to_numpy(),
            "y0": s.values(y_id, start, ids).to_numpy(),
            "x1": frame["x"],
            "y1": frame["y"],
        }
    ).dropna()
shown = frame.dropna(subset=["x", "y"])
years_shown = [year] if start is None else [start, year]
source = shared.source_line([x_id, y_id, "population"], years_shown)
x_title = f"{shared.indicator_label(x_id)} ({shared.unit_label(x_id)})"
y_title = f"{shared.indicator_label(y_id)} ({shared.unit_label(y_id)})"
fig = shared.figure(
    "scatter_chart",
    shown,
    x_title,
    y_title,
    t(
        "scatter_title",
        x=shared.indicator_label(x_id),
        y=shared.indicator_label(y_id),
        year=year if start is None else f"{start} → {year}",  # arrows: both years named
    ),
    source,
    lang,
    moves,
)
data = frame.drop(columns=["label", "kind_label"]).rename(
    columns={"x": x_id, "y": y_id, "size": "population"}
)
shared.chart(
    fig, data.assign(year=year), f"zusammenhang_{x_id}_{y_id}_{year}", "scatter", [x_id, y_id]
)
st.caption(f"{t('scatter_size')} ({population_year}). {shared.group_caption()}")
