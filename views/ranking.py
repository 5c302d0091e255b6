"""Rangliste: all regions on one indicator and year, with change, group and overlaps."""

import re

import streamlit as st

from indicators.display import formatting
from indicators.display.urlstate import start_default
from views import shared

t = shared.t
s = shared.snap()
st.title(t("page_ranking"))

c1, c2, c3, c4 = st.columns([3, 2, 3, 2])
with c1:
    indicator_id = shared.indicator_select()
with c2:
    year = shared.year_select([indicator_id])
with c3:
    kind = shared.bound(
        st.segmented_control,
        "kind",
        t("ranking_kind"),
        options=["regiopole", "metropolitan_region", "all"],
        format_func=lambda v: t(f"kind_{v}"),
        required=True,
    )
# No change column for an index rescaled every year (its changes mean nothing).
over_time = s.meta[indicator_id]["over_time"]
earlier = [y for y in shared.options().years[indicator_id] if y < year and over_time]
with c4:
    if earlier:
        shared.ensure_choice("start", earlier, start_default(shared.options(), indicator_id, year))
        start = shared.bound(st.selectbox, "start", t("ranking_change_since"), options=earlier)
    else:
        start = None

ranked = shared.call(
    "ranking", indicator_id, year, kind=None if kind == "all" else kind, **shared.group_args()
)
notes = list(ranked.attrs.get("notes", []))
if start is not None:
    change = shared.call("change", indicator_id, start, year, region_ids=list(ranked["region_id"]))
    ranked = ranked.merge(change[["region_id", "abs_change", "pct_change"]], on="region_id")
    notes += change.attrs.get("notes", [])

lang = shared.lang()


def overlap_names(text):
    """'muenchen (100 %), …' from the engine, with region names for readers; '' if none."""
    if not isinstance(text, str):
        return ""
    return re.sub(r"[a-z_]+(?= \()", lambda m: shared.region_label(m.group(0)), text)


view = ranked.assign(
    kind_label=[t(f"kind_{k}") for k in ranked["kind"]],
    core=[
        shared.region_label(r) if isinstance(r, str) else ""
        for r in ranked["core_in_metropolitan_region"]
    ],
    overlap_text=[overlap_names(text) for text in ranked["overlaps"]],
)
columns = {
    "rank": t("rank"),
    "name": t("region"),
    "kind_label": t("kind"),
    "value": f"{t('value')} ({shared.unit_label(indicator_id)})",
    "percentile": t("percentile"),
    "index_de": f"{t('germany')} = 100",
    "core": t("core_in"),
    "overlap_text": t("overlaps"),
}
if start is not None:
    columns["pct_change"] = f"{t('change')} {start}–{year} (%)"
digits = shared.decimals(indicator_id)
shown = view[list(columns)].rename(columns=columns)
number_digits = {columns["value"]: digits, columns["percentile"]: 0, columns["index_de"]: 0}
if start is not None:
    number_digits[columns["pct_change"]] = 1
st.dataframe(shared.styled(shown, number_digits), hide_index=True, height=520, key="ranking_table")
for note in notes:
    st.caption("ℹ️ " + (t("rank_neutral_note") if "no better or worse" in note else note))

ranked_ids = list(ranked["region_id"])
names = dict(zip(ranked_ids, ranked["name"], strict=True))  # a shared territory: one row
row = shared.row_id(ranked, shared.state()["region"])  # Salzgitter → the Braunschweig row
shared.ensure_choice("region", ranked_ids, row)
region_id = shared.bound(
    st.selectbox,
    "region",
    t("sentence_region"),
    options=ranked_ids,
    format_func=names.get,
)
name = names[region_id]
text = shared.rank_sentence(
    ranked, region_id, None if kind == "all" else kind, indicator_id, year, name
)
if start is not None:
    text += " " + shared.change_sentence(indicator_id, region_id, start, year, name)
shared.sentence(text)

source = shared.source_line([indicator_id], [year] if start is None else [start, year])
summary = shared.call("group_summary", indicator_id, year, **shared.group_args())
bars = ranked[["region_id", "name", "kind", "value"]].copy()
bars["text"] = [formatting.number(v, lang, digits) for v in bars["value"]]
kinds = ["regiopole", "metropolitan_region"] if kind == "all" else [kind]
references = shared.references(indicator_id, year, summary, kinds)
fig = shared.figure(
    "bar_chart",
    bars,
    t("ranking_title", indicator=shared.indicator_label(indicator_id), year=year),
    shared.unit_label(indicator_id),
    references,
    source,
    lang,
    digits,
)
table = ranked.drop(columns=["core_in_metropolitan_region"]).assign(
    unit=shared.unit_label(indicator_id), year=year, regiopole_set=shared.state()["set"]
)
shared.chart(fig, table, f"rangliste_{indicator_id}_{year}", "ranking_bars", [indicator_id])
st.caption(shared.group_caption() + " " + source)
