"""Eigene Region: Kreise chosen from a list or uploaded as CSV, aggregated by the official
rules and compared with the regiopole regions. Kept in the session and the link only."""

import numpy as np
import pandas as pd
import streamlit as st

from indicators import groups, own_region
from indicators.display import formatting
from views import shared

t = shared.t
s = shared.snap()
lang = shared.lang()
state = shared.state()
st.title(t("page_own"))
st.caption(t("own_intro"))

kreise = shared.table("kreise").set_index("ags")["name"]
known = set(shared.options().kreise)
name, members = own_region.decode(state["own"], known) if state["own"] else ("", {})


def use(new_name, new_members):
    shared.state()["own"] = own_region.encode(new_name, new_members, known)


pick, upload = st.tabs([t("own_tab_list"), t("own_tab_upload")])
with pick:
    typed = st.text_input(t("own_name"), value=name, max_chars=own_region.MAX_NAME)
    chosen = st.multiselect(
        t("own_pick"),
        options=list(kreise.index),
        default=list(members),
        format_func=lambda a: f"{kreise[a]} ({a})",
    )
    if st.button(t("own_apply"), type="primary", disabled=not chosen):
        use(typed, {a: members.get(a, 1.0) for a in chosen})
        st.rerun()
with upload:
    file = st.file_uploader(t("own_upload"), type=["csv", "txt"], key="own_file")
    if file is not None and st.session_state.get("own_file_used") != file.file_id:
        try:
            parsed = own_region.parse_csv(file.getvalue(), known)
        except own_region.UploadError as exc:
            listed = "\n".join(f"- {formatting.plain(p[lang])}" for p in exc.problems)
            st.error(t("own_upload_error") + "\n\n" + listed)
        else:
            st.session_state["own_file_used"] = file.file_id
            use(typed or file.name.rsplit(".", 1)[0], parsed)
            st.rerun()

if not members:
    shared.stop_with(t("own_empty"))


@st.cache_data(show_spinner=False, max_entries=64)
def own_values(encoded):
    _, chosen = own_region.decode(encoded, known)
    return own_region.values(shared.con(), chosen)


values = own_values(state["own"]).set_index(["indicator_id", "year"])["value"]
partial = sum(share < 1 for share in members.values())
st.subheader(formatting.plain(name))
st.caption(t("own_members", n=len(members), partial=partial))

indicator_id = shared.indicator_select()
year = shared.year_select([indicator_id])
ids = groups.regiopole_ids(s.regions, **shared.group_args())
peers = s.values(indicator_id, year, ids)
own = values.get((indicator_id, year), np.nan)
rank, n = own_region.rank_among(own, peers.to_numpy(), s.meta[indicator_id]["polarity"])
frame = pd.DataFrame(
    {
        "region_id": [own_region.OWN_ID, *ids],
        "name": [name, *[shared.region_label(r) for r in ids]],
        "kind": ["highlight", *["regiopole"] * len(ids)],
        "value": [own, *peers.to_numpy()],
    }
)
frame["text"] = [shared.number(indicator_id, v) for v in frame["value"]]
summary = shared.call("group_summary", indicator_id, year, **shared.group_args())
fig = shared.figure(
    "bar_chart",
    frame,
    t("own_bar_title", indicator=shared.indicator_label(indicator_id), year=year, name=name),
    shared.unit_label(indicator_id),
    shared.references(indicator_id, year, summary, ["regiopole"]),
    shared.source_line([indicator_id], [year]),
    lang,
    shared.decimals(indicator_id),
)
shared.chart(fig, frame.drop(columns=["text"]), f"eigene_region_{indicator_id}_{year}", "own_bar")
if rank is not None:
    st.metric(t("own_rank"), f"{rank} / {n}")

st.subheader(t("own_table_title"))
rows = []
latest_years = values.dropna().reset_index().groupby("indicator_id")["year"].max()
for ind in s.indicators.index:
    if ind not in latest_years.index:
        continue
    latest = int(latest_years[ind])
    group_values = s.values(ind, latest, ids).dropna()
    rows.append(
        {
            "indicator_id": ind,
            t("indicator"): shared.indicator_label(ind),
            t("year"): latest,
            name: shared.fmt(ind, values[(ind, latest)]),
            t("regiopole_median"): shared.fmt(ind, group_values.median()),
            t("germany"): shared.fmt(ind, s.value(ind, latest, "de")),
        }
    )
table = pd.DataFrame(rows)
st.dataframe(table.drop(columns=["indicator_id"]), hide_index=True, height=420, key="own_table")
raw = values.reset_index().assign(region=name)
shared.download(raw, "eigene_region", key="dl_own")
