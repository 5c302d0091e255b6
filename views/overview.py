"""Überblick: regiopole regions against metropolitan regions and Germany at a glance."""

import pandas as pd
import streamlit as st

from indicators.display import charts
from indicators.groups import METROPOLITAN
from views import shared

POPULATION_SINCE = 2011  # first year on the 2011-census base: no break up to 2022
DELTA_COLOR = {"higher_better": "normal", "lower_better": "inverse", "neutral": "off"}

t = shared.t
s = shared.snap()
st.title(t("app_title"))
st.write(t("overview_intro"))
st.caption(shared.group_caption())


def group_values(indicator_id, year):
    summary = shared.call("group_summary", indicator_id, year, **shared.group_args())
    by_group = summary.set_index("group")["aggregate"]
    return by_group.iloc[0], by_group[METROPOLITAN], by_group["de"]


rows, years = [], {}
cards = st.columns(3)
for position, indicator_id in enumerate(shared.HEADLINES):
    year = years[indicator_id] = shared.options().latest(indicator_id)
    regiopoles, metropolitan, germany = group_values(indicator_id, year)
    info = s.meta[indicator_id]
    if info["aggregation"] == "sum":  # a size: show how it changed, not a ratio to Germany
        earlier = group_values(indicator_id, POPULATION_SINCE)[0]
        delta = shared.delta_text(
            100 * (regiopoles / earlier - 1), f"{t('since')} {POPULATION_SINCE}"
        )
    else:
        delta = shared.delta_text(100 * (regiopoles / germany - 1), t("vs_germany_short"))
        for label, kind, value in (
            (t("kind_regiopole"), "regiopole", regiopoles),
            (t("kind_metropolitan_region"), "metropolitan_region", metropolitan),
        ):
            rows.append(
                {
                    "label": f"{shared.indicator_label(indicator_id)} ({year})",
                    "series": label,
                    "value": 100 * value / germany,
                    "color": charts.COLORS[kind],
                    "indicator_id": indicator_id,
                    "year": year,
                    "group_value": value,
                    "germany": germany,
                }
            )
    with cards[position % 3]:
        st.metric(
            shared.metric_label(indicator_id, year),
            shared.metric_value(indicator_id, regiopoles),
            delta=delta,
            delta_color=DELTA_COLOR[info["polarity"]],
            border=True,
            help=t("vs_metropolitan", value=shared.fmt(indicator_id, metropolitan)),
        )

frame = pd.DataFrame(rows)
source = shared.source_line(shared.HEADLINES, sorted(set(years.values()) | {POPULATION_SINCE}))
fig = shared.figure(
    "dot_chart",
    frame,
    t("overview_chart_title"),
    source,
    shared.lang(),
    reference_label=t("germany"),
)
shared.chart(
    fig, frame.drop(columns=["color"]), "regiopolen_ueberblick", "overview", shared.HEADLINES
)
st.caption(source)

st.subheader(t("overview_guide"))
guide = st.columns(2)
for position, key in enumerate(
    ["map", "compare", "ranking", "profile", "trends", "scatter", "methods"]
):
    with guide[position % 2]:
        st.page_link(f"views/{key}.py", label=f"{t('page_' + key)} – {t('guide_' + key)}")
