"""Entwicklung: one indicator over time – group medians, chosen regions, and whether the gap
between regiopole and metropolitan regions is closing."""

import pandas as pd
import streamlit as st

from indicators import sentences
from indicators.display import charts, formatting
from views import shared

t = shared.t
s = shared.snap()
lang = shared.lang()
st.title(t("page_trends"))

left, right = st.columns([2, 3])
with left:
    indicator_id = shared.indicator_select()
years = list(shared.options().years[indicator_id])
if len(years) < 2:
    shared.stop_with(t("one_year_only"))
if not s.meta[indicator_id]["over_time"]:
    shared.stop_with(t("not_over_time"))
with right:
    regions = shared.regions_select(t("trend_regions"))
c1, c2 = st.columns([1, 3])
with c1:
    shared.ensure_choice("base", [None, *years])
    base = shared.bound(
        st.selectbox,
        "base",
        t("trend_index"),
        options=years,
        none_label=t("trend_no_index"),
        format_func=lambda y: f"{t('trend_base')} {y}",
    )

convergence = shared.call("convergence", indicator_id, **shared.group_args())
rows = []
for row in convergence.itertuples():
    rows.append({"year": row.year, "series": t("regiopole_median"), "value": row.regiopole_median})
    rows.append(
        {"year": row.year, "series": t("metropolitan_median"), "value": row.metropolitan_median}
    )
is_size = s.meta[indicator_id]["aggregation"] == "sum"  # Germany would dwarf regions
for year in years:
    if not is_size:
        rows.append(
            {"year": year, "series": t("germany"), "value": s.value(indicator_id, year, "de")}
        )
    for region_id in regions:
        rows.append(
            {
                "year": year,
                "series": shared.region_label(region_id),
                "value": s.value(indicator_id, year, region_id),
            }
        )
frame = pd.DataFrame(rows)
unit = shared.unit_label(indicator_id)
if base is not None:
    base_values = frame[frame["year"] == base].set_index("series")["value"]
    frame["value"] = 100 * frame["value"] / frame["series"].map(base_values)
    unit = f"{base} = 100"
styles = {
    t("regiopole_median"): {"color": charts.COLORS["regiopole"], "width": 4},
    t("metropolitan_median"): {"color": charts.COLORS["metropolitan_region"], "width": 4},
    t("germany"): {"color": charts.COLORS["germany"], "dash": "dash", "width": 3},
}
source = shared.source_line([indicator_id], years)
fig = shared.figure(
    "line_chart",
    frame,
    t("trend_title", indicator=shared.indicator_label(indicator_id)),
    unit,
    source,
    lang,
    breaks=shared.break_marks(indicator_id),
    styles=styles,
)
shared.chart(
    fig, frame.assign(unit=unit), f"entwicklung_{indicator_id}", "trend_lines", [indicator_id]
)
st.caption(shared.group_caption())
for note in convergence.attrs.get("notes", []):
    st.caption("ℹ️ " + note)

st.subheader(t("gap_title"))
# One measure in the sentence, the chart and its download: the difference of the medians in
# the indicator's unit (rates in percentage points), judged on the values as shown.
first, last = convergence.iloc[0], convergence.iloc[-1]
digits = shared.decimals(indicator_id)
gap_unit = formatting.difference_unit(shared.unit_label(indicator_id), lang)
st.write(
    sentences.gap_sentence(
        lang,
        start=int(first["year"]),
        end=int(last["year"]),
        before=first["gap"],
        after=last["gap"],
        digits=digits,
        show=lambda v: formatting.with_unit(v, gap_unit, lang, digits),
        polarity=s.meta[indicator_id]["polarity"],
    )
)
gap = pd.DataFrame(
    {"year": convergence["year"], "series": t("gap_title"), "value": convergence["gap"]}
)
fig = shared.figure(
    "line_chart",
    gap,
    t("gap_title"),
    gap_unit,
    source,
    lang,
    breaks=shared.break_marks(indicator_id),
    styles={t("gap_title"): {"color": charts.COLORS["highlight"]}},
)
shared.chart(fig, convergence, f"abstand_{indicator_id}", "trend_gap", [indicator_id], notes=False)
cv = pd.DataFrame(
    {"year": convergence["year"], "series": t("cv_label"), "value": convergence["cv"]}
)
fig = shared.figure(
    "line_chart",
    cv,
    t("cv_label"),
    "CV",
    source,
    lang,
    styles={t("cv_label"): {"color": charts.COLORS["germany"]}},
)
st.plotly_chart(fig, key="chart_trend_cv", config={"displaylogo": False})
