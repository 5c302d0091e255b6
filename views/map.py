"""Karte: any indicator and year as a choropleth, per Kreis or per region, without tiles."""

import pandas as pd
import streamlit as st

from indicators import groups
from indicators.display import formatting, i18n, maps
from views import shared

t = shared.t
s = shared.snap()
st.title(t("page_map"))

left, middle, right = st.columns([3, 3, 2])
with left:
    indicator_id = shared.indicator_select()
with middle:
    year = shared.year_select([indicator_id])
with right:
    level = shared.bound(
        st.segmented_control,
        "level",
        t("map_level"),
        options=["kreis", "region"],
        format_func=lambda v: t(f"level_{v}"),
        required=True,
    )
    if level == "region":
        shared.ensure_choice("kind", ["regiopole", "metropolitan_region"])
        kind = shared.bound(
            st.segmented_control,
            "kind",
            t("map_regions_of"),
            options=["regiopole", "metropolitan_region"],
            format_func=lambda v: t(f"kind_{v}"),
            required=True,
        )


@st.cache_resource(show_spinner=False, max_entries=48)
def build_map(indicator_id, year, level, kind, regiopole_set, outside, language):
    """The map for one view state: its data frame, class breaks and the deck (whose JSON is
    serialised once). Shared by all sessions showing the same view."""
    regiopoles = groups.regiopole_ids(s.regions, regiopole_set, outside)
    outlines = shared.geojson("region_outlines.geojson")
    if level == "kreis":
        frame = shared.kreis_values(indicator_id, year)
        sign = {"lower_better": 1}.get(s.meta[indicator_id]["polarity"], -1)
        frame["rank"] = (sign * frame["value"]).rank(method="min").astype("Int64")
        frame = frame.rename(columns={"ags": "id"})
        base, key = shared.geojson("kreise.geojson"), "ags"
    else:
        ranked = shared.call(
            "ranking",
            indicator_id,
            year,
            kind=kind,
            regiopole_set=regiopole_set,
            exclude_overlapping=outside,
        )
        frame = ranked[["region_id", "name", "value", "rank"]].rename(columns={"region_id": "id"})
        size = s.values("population", 2022, list(frame["id"])).sort_values(ascending=False)
        position = {r: k for k, r in enumerate(size.index)}
        base = {
            "type": "FeatureCollection",
            "features": sorted(
                (f for f in outlines["features"] if f["properties"]["region_id"] in position),
                key=lambda f: position[f["properties"]["region_id"]],
            ),
        }
        key = "region_id"

    n = int(frame["value"].notna().sum())
    show = shared.formatter(indicator_id)
    rank_label = i18n.t("map_tooltip_rank", language)
    texts = {
        row.id: {
            "name": row.name,
            "value_text": show(row.value),
            "rank_text": f"{rank_label} {row.rank} / {n}" if pd.notna(row.rank) else "",
        }
        for row in frame.itertuples()
    }
    breaks = maps.class_breaks(frame["value"])
    filled = maps.painted(
        base, key, dict(zip(frame["id"], frame["value"], strict=True)), texts, breaks
    )

    def outline(keep):
        return {
            "type": "FeatureCollection",
            "features": [f for f in outlines["features"] if keep(f["properties"]["region_id"])],
        }

    kinds = s.regions["kind"]
    kreise = shared.table("kreise").set_index("ags")
    cores = pd.DataFrame(
        [
            {
                "name": s.regions.loc[r, "core_city"].split(";")[0],
                "lon": kreise.loc[s.regions.loc[r, "core_ags"].split(";")[0], "lon"],
                "lat": kreise.loc[s.regions.loc[r, "core_ags"].split(";")[0], "lat"],
            }
            for r in regiopoles
        ]
    )
    layers = [
        maps.background_layer(shared.geojson("laender.geojson")),
        maps.fill_layer(filled, "values"),
        maps.outline_layer(
            outline(lambda r: kinds[r] == "metropolitan_region"),
            maps.OUTLINE["metropolitan_region"],
            "metropolitan_outlines",
            2.5,
        ),
        maps.outline_layer(
            outline(lambda r: r in regiopoles), maps.OUTLINE["regiopole"], "regiopole_outlines", 2
        ),
        *maps.point_layers(cores),
    ]
    deck = maps.deck(layers, "<b>{name}</b><br/>{value_text}<br/>{rank_text}")
    return frame, breaks, deck


@st.cache_resource(show_spinner=False, max_entries=48)
def legend_image(colours, labels):
    return maps.legend_png(colours, labels)


frame, breaks, deck = build_map(
    indicator_id,
    year,
    level,
    kind if level == "region" else None,
    shared.state()["set"],
    shared.state()["outside"],
    shared.lang(),
)
st.pydeck_chart(deck, height=640, key="map_chart")

digits = shared.decimals(indicator_id)
labels = maps.legend_labels(breaks, lambda v: formatting.number(v, shared.lang(), digits))
colours = [*maps.VIRIDIS_5[: len(labels)], maps.MISSING]
legend_title = f"{shared.indicator_label(indicator_id)} ({shared.unit_label(indicator_id)}), {year}"
st.markdown(f"**{legend_title}**")
st.image(legend_image(tuple(map(tuple, colours)), (*labels, t("missing_data"))), width="stretch")
st.caption(t("map_classes", breaks=" | ".join(labels)) + " " + t("map_outlines"))
source = shared.source_line([indicator_id], [year])
st.caption(source + ". " + "© GeoBasis-DE / BKG 2021 (Daten verändert).")
table = frame.rename(columns={"id": "ags" if level == "kreis" else "region_id"})
table["unit"] = shared.unit_label(indicator_id)
table["year"] = year
shared.download(table, f"karte_{indicator_id}_{year}_{level}", key="dl_map")
