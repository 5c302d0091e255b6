"""Regionsprofil: one region on one page – figures, all indicators against peers, trends,
similar regions, member Kreise and the region's definition. Prints cleanly."""

import pandas as pd
import streamlit as st

from indicators.display import charts, exports, formatting, i18n, maps
from views import shared

SINCE = 2011  # sizes are compared with 2011, the first year on the current census base
DELTA_COLOR = {"higher_better": "normal", "lower_better": "inverse", "neutral": "off"}

t = shared.t
s = shared.snap()
lang = shared.lang()

left, right = st.columns([3, 2])
with left:
    order = shared.region_order()
    region_id = shared.bound(
        st.selectbox, "region", t("profile_region"), options=order, format_func=shared.region_label
    )
with right:
    year = shared.year_select(["population"])

shared.print_style()  # only here: this page is made to be printed
region = s.regions.loc[region_id]
st.title(region["name"])
caption = (
    f"{t('kind_' + region['kind'])} · {region['core_city'].replace(';', ',')} · "
    f"{region['states'].replace(';', ', ')} · {shared.group_caption()}"
)
st.caption(caption)

profile = shared.call("profile", region_id, year, **shared.group_args())
rows = profile.set_index("indicator_id")

# key figures with a sparkline each
st.subheader(t("profile_headlines"))
cards = st.columns(3)
for position, indicator_id in enumerate(shared.HEADLINES):
    row = rows.loc[indicator_id]
    history = [s.value(indicator_id, y, region_id) for y in shared.options().years[indicator_id]]
    history = [v for v in history if v == v]
    delta = None
    if s.meta[indicator_id]["aggregation"] == "sum":  # a size: its own change
        since = s.value(indicator_id, SINCE, region_id)
        if pd.notna(row["value"]) and pd.notna(since) and row["year"] > SINCE:
            delta = shared.delta_text(100 * (row["value"] / since - 1), f"{t('since')} {SINCE}")
    elif pd.notna(row["value"]) and pd.notna(row["peer_median"]) and row["peer_median"]:
        gap = 100 * (row["value"] / row["peer_median"] - 1)
        delta = shared.delta_text(gap, t("vs_peers"))
    with cards[position % 3]:
        st.metric(
            shared.metric_label(indicator_id, row["year"]),
            shared.metric_value(indicator_id, row["value"]),
            delta=delta,
            delta_color=DELTA_COLOR[s.meta[indicator_id]["polarity"]],
            chart_data=history if len(history) > 1 else None,
            border=True,
        )

# citable: the headline rates' ranks among the region's own kind, and the population change
texts = []
for indicator_id in shared.HEADLINES:
    row = rows.loc[indicator_id]
    if pd.isna(row["value"]):
        continue
    if s.meta[indicator_id]["aggregation"] == "sum":
        if row["year"] > SINCE:
            texts.append(shared.change_sentence(indicator_id, region_id, SINCE, int(row["year"])))
        continue
    kind = region["kind"]
    ranked = shared.call(
        "ranking", indicator_id, int(row["year"]), kind=kind, **shared.group_args()
    )
    if shared.in_ranking(ranked, region_id):
        texts.append(shared.rank_sentence(ranked, region_id, kind, indicator_id, int(row["year"])))
if texts:
    shared.sentence("\n\n".join(texts))

# every rate against peers and Germany (counts are left out: an index of sizes says little)
st.subheader(t("profile_all"))
# Only levels can be indexed to Germany: no sizes (sums) and no balances (which may be
# negative or, for Germany as a whole, close to zero).
indexable = (s.indicators["aggregation"] != "sum") & (s.indicators["valid_min"] >= 0)
rates = profile[
    profile["indicator_id"].map(indexable) & profile["value"].notna() & (profile["germany"] > 0)
]
topics = list(dict.fromkeys(s.indicators["topic"]))
rates = rates.assign(order=rates["topic"].map(topics.index)).sort_values("order", kind="stable")
label_col = "label_de" if lang == "de" else "label_en"
dots = pd.concat(
    [
        pd.DataFrame(
            {
                "label": rates[label_col] + " (" + rates["year"].astype(str) + ")",
                "series": shared.region_label(region_id),
                "value": 100 * rates["value"] / rates["germany"],
                "color": charts.COLORS["highlight"],
                "symbol": "circle",
            }
        ),
        pd.DataFrame(
            {
                "label": rates[label_col] + " (" + rates["year"].astype(str) + ")",
                "series": t("peer_median"),
                "value": 100 * rates["peer_median"] / rates["germany"],
                "color": charts.COLORS[
                    "regiopole" if region["kind"] == "regiopole" else "metropolitan_region"
                ],
                "symbol": "diamond",
            }
        ),
    ]
)
years_used = sorted({int(y) for y in rates["year"]})
source = shared.source_line(list(rates["indicator_id"]), years_used)
fig = shared.figure(
    "dot_chart",
    dots,
    f"{region['name']}: {t('profile_all')} ({t('germany')} = 100)",
    source,
    lang,
    reference_label=t("germany"),
    log=True,
)
st.plotly_chart(fig, key="profile_dots", config=shared.chart_config(f"profil_{region_id}"))
st.caption(t("profile_all_help"))

show = {i: shared.formatter(i) for i in profile["indicator_id"]}
table = pd.DataFrame(
    {
        t("indicator"): profile[label_col],
        t("year"): profile["year"],
        t("value"): [
            show[i](v) for i, v in zip(profile["indicator_id"], profile["value"], strict=True)
        ],
        t("rank"): [
            f"{r} / {n}" if pd.notna(r) else formatting.MISSING
            for r, n in zip(profile["rank"], profile["n"], strict=True)
        ],
        t("peer_median"): [
            show[i](v) for i, v in zip(profile["indicator_id"], profile["peer_median"], strict=True)
        ],
        t("germany"): [
            show[i](v) for i, v in zip(profile["indicator_id"], profile["germany"], strict=True)
        ],
        "±": [t(d) if isinstance(d, str) else "" for d in profile["direction"]],
        # the change since the previous year with data, which may lie years back: both named
        f"{t('change')} (%)": [
            formatting.percent(v, lang, 1, sign=True) + (f" ({p}–{y})" if pd.notna(v) else "")
            for v, p, y in zip(
                profile["change_pct"], profile["previous_year"], profile["year"], strict=True
            )
        ],
    }
)
st.dataframe(table, hide_index=True, height=420, key="profile_table")
for indicator_id in profile.loc[profile["value"].notna(), "indicator_id"]:
    if s.meta[indicator_id][f"ranking_note_{lang}"]:
        note = s.meta[indicator_id][f"ranking_note_{lang}"]
        st.caption(f"⚠️ {shared.indicator_label(indicator_id)}: {note}")
shared.download(profile, f"profil_{region_id}_{year}", key="dl_profile")
all_source = shared.source_line(
    list(profile["indicator_id"]), sorted({int(y) for y in profile["year"].dropna()})
)
subtitle = f"{caption} · {t('year')} {year}"
st.download_button(
    t("download_pdf"),
    lambda: exports.profile_pdf(
        region["name"],
        subtitle,
        table[profile["value"].notna().to_numpy()],
        texts,
        [all_source, f"Regiopolen-Monitor · {t('as_of')} {formatting.today(lang)}"],
    ),
    file_name=f"profil_{region_id}_{year}.pdf",
    mime="application/pdf",
    key="dl_profile_pdf",
    icon="📄",
)


@st.cache_resource(show_spinner=False, max_entries=64)
def member_map(region_id, language):
    """The region's member Kreise (darker: whole, lighter: partly included), built once."""
    members = shared.table("region_members")
    shares = dict(members.loc[members["region_id"] == region_id, ["ags", "share"]].to_numpy())
    features = [
        f for f in shared.geojson("kreise.geojson")["features"] if f["properties"]["ags"] in shares
    ]
    traces = [maps.background_trace(shared.geojson("laender.geojson"))]
    for whole, colour, label in (
        (True, "#0072B2", "share_whole"),
        (False, "#56B4E9", "share_part"),
    ):
        part = [f for f in features if (shares[f["properties"]["ags"]] >= 1) == whole]
        if part:
            info = [
                [
                    f["properties"]["name"],
                    i18n.t("share", language)
                    + ": "
                    + formatting.percent(100 * shares[f["properties"]["ags"]], language, 0),
                    "",
                ]
                for f in part
            ]
            traces.append(
                maps.area_trace(part, "ags", colour, i18n.t(label, language), customdata=info)
            )
    city = shared.core_points([region_id])
    fig = maps.geo_figure(
        maps.cores_trace(city, i18n.t("map_cores", language)), traces, maps.bounds(features)
    )
    fig.update_layout(font=charts.FONT, height=400, paper_bgcolor="white")
    return maps.side_legend(fig, top=10).freeze()


left, right = st.columns(2)
with left:
    st.subheader(t("profile_similar"))
    similar = shared.call("similar_regions", region_id, year, n=5)
    st.dataframe(
        shared.styled(
            similar[["name", "distance", "most_different"]].rename(
                columns={
                    "name": t("region"),
                    "distance": t("distance"),
                    "most_different": t("most_different"),
                }
            ),
            {t("distance"): 2},
        ),
        hide_index=True,
        key="profile_similar",
    )
    st.caption(t("profile_similar_help", n=len(similar.attrs["indicators"])))
    st.subheader(t("profile_definition"))
    st.write(t(f"definition_{region['definition']}"))
    st.caption(f"{t('source')}: {region['source']}")
with right:
    st.subheader(t("profile_members"))
    members = shared.table("region_members")
    members = members[members["region_id"] == region_id].merge(
        shared.table("kreise")[["ags", "name"]], on="ags"
    )
    st.plotly_chart(member_map(region_id, lang), key="profile_map", config={"displaylogo": False})
    st.dataframe(
        shared.styled(
            members[["ags", "name", "share"]].rename(
                columns={"name": t("members"), "share": t("share")}
            ),
            {t("share"): 3},
        ),
        hide_index=True,
        key="profile_members",
    )
st.caption(t("profile_print"))
