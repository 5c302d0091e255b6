"""Vergleich: two to eight regions side by side – one indicator, many indicators, over time."""

import pandas as pd
import streamlit as st

from indicators.display import charts
from views import shared

t = shared.t
s = shared.snap()
st.title(t("page_compare"))

regions = shared.regions_select(t("compare_regions"))
if len(regions) < 2:
    shared.stop_with(t("choose_regions"))

left, right = st.columns(2)
with left:
    indicator_id = shared.indicator_select()
with right:
    year = shared.year_select([indicator_id])

# 1. one indicator as bars with reference lines
summary = shared.call("group_summary", indicator_id, year, **shared.group_args())
frame = shared.value_frame(regions, indicator_id, year)
frame["text"] = [shared.number(indicator_id, v) for v in frame["value"]]
references = shared.references(indicator_id, year, summary)
source = shared.source_line([indicator_id], [year])
title = t("compare_bar_title", indicator=shared.indicator_label(indicator_id), year=year)
fig = shared.figure(
    "bar_chart",
    frame,
    title,
    shared.unit_label(indicator_id),
    references,
    source,
    shared.lang(),
    shared.decimals(indicator_id),
)
reference_rows = pd.DataFrame(
    [
        {"region_id": key, "name": label, "kind": "reference", "value": value}
        for key, (label, value, _, _) in zip(
            ["de", "regiopole_median", "metropolitan_median"], references, strict=True
        )
    ]
)
shown = pd.concat([frame.drop(columns=["text"]), reference_rows])
shown["unit"], shown["year"] = shared.unit_label(indicator_id), year
shared.chart(fig, shown, f"vergleich_{indicator_id}_{year}", "compare_bar", [indicator_id])
st.caption(shared.group_caption() + " " + source)
texts = []
for kind in ("regiopole", "metropolitan_region"):
    members = [r for r in regions if r != "de" and s.regions.loc[r, "kind"] == kind]
    if members:
        ranked = shared.call("ranking", indicator_id, year, kind=kind, **shared.group_args())
        texts += [
            shared.rank_sentence(ranked, r, kind, indicator_id, year)
            for r in members
            if shared.in_ranking(ranked, r)
        ]
if texts:
    shared.sentence("\n\n".join(texts))

# 2. many indicators at once, Germany = 100
st.subheader(t("compare_index_title"))
inds = shared.bound(
    st.multiselect,
    "inds",
    t("compare_indicators"),
    options=list(s.indicators.index),
    format_func=shared.indicator_label,
    max_selections=12,
)
rows = []
for ind in inds:
    latest = shared.options().latest(ind)
    base = s.value(ind, latest, "de")
    for region_id in regions:
        value = s.value(ind, latest, region_id)
        rows.append(
            {
                "label": f"{shared.indicator_label(ind)} ({latest})",
                "series": shared.region_label(region_id),
                "value": 100 * value / base if base else float("nan"),
                "indicator_id": ind,
                "year": latest,
                "region_id": region_id,
                "raw_value": value,
            }
        )
if not inds:
    st.info(t("choose_indicators"))
if rows:
    index_frame = pd.DataFrame(rows)
    years = sorted(index_frame["year"].unique())
    source_many = shared.source_line(inds, years)
    fig = shared.figure(
        "dot_chart",
        index_frame,
        t("compare_index_title"),
        source_many,
        shared.lang(),
        reference_label=t("germany"),
    )
    shared.chart(fig, index_frame, "vergleich_index", "compare_index")

# 3. the same regions over time
years = list(shared.options().years[indicator_id])
if len(years) > 1 and s.meta[indicator_id]["over_time"]:
    series = [
        {"year": y, "series": shared.region_label(r), "value": s.value(indicator_id, y, r)}
        for r in [*regions, "de"]
        for y in years
    ]
    line_frame = pd.DataFrame(series)
    breaks = shared.break_marks(indicator_id)
    styles = {t("germany"): {"color": charts.COLORS["germany"], "dash": "dash"}}
    fig = shared.figure(
        "line_chart",
        line_frame,
        t("compare_time_title", indicator=shared.indicator_label(indicator_id)),
        shared.unit_label(indicator_id),
        shared.source_line([indicator_id], years),
        shared.lang(),
        breaks=breaks,
        styles=styles,
    )
    shared.chart(
        fig, line_frame, f"vergleich_{indicator_id}_zeitreihe", "compare_lines", [indicator_id]
    )
