"""Karte: any indicator and year as a choropleth, per Kreis or per region, without tiles."""

import pandas as pd
import streamlit as st

from indicators import groups
from indicators.display import charts, formatting, maps
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

info = s.indicators.loc[indicator_id]
regiopoles = groups.regiopole_ids(s.regions, **shared.group_args())
outlines = shared.geojson("region_outlines.geojson")


def rank_text(rank, n):
    return f"{t('map_tooltip_rank')} {rank} / {n}" if pd.notna(rank) else ""


if level == "kreis":
    frame = shared.kreis_values(indicator_id, year)
    sign = {"lower_better": 1}.get(info["polarity"], -1)
    frame["rank"] = (sign * frame["value"]).rank(method="min").astype("Int64")
    frame = frame.rename(columns={"ags": "id"})
    base = shared.geojson("kreise.geojson")
    key = "ags"
else:
    ranked = shared.call("ranking", indicator_id, year, kind=kind, **shared.group_args())
    frame = ranked[["region_id", "name", "value", "rank"]].rename(columns={"region_id": "id"})
    population = s.values("population", 2022, list(frame["id"]))
    order = population.sort_values(ascending=False).index
    base = {
        "type": "FeatureCollection",
        "features": sorted(
            (f for f in outlines["features"] if f["properties"]["region_id"] in set(frame["id"])),
            key=lambda f: list(order).index(f["properties"]["region_id"]),
        ),
    }
    key = "region_id"

n = int(frame["value"].notna().sum())
values = dict(zip(frame["id"], frame["value"], strict=True))
texts = {
    row.id: {
        "name": row.name,
        "value_text": shared.fmt(indicator_id, row.value),
        "rank_text": rank_text(row.rank, n),
    }
    for row in frame.itertuples()
}
breaks = maps.class_breaks(frame["value"])
filled = maps.painted(base, key, values, texts, breaks)

layers = [
    maps.background_layer(shared.geojson("laender.geojson")),
    maps.fill_layer(filled, "values"),
]
layers.append(
    maps.outline_layer(
        {
            "type": "FeatureCollection",
            "features": [
                f
                for f in outlines["features"]
                if s.regions.loc[f["properties"]["region_id"], "kind"] == "metropolitan_region"
            ],
        },
        maps.OUTLINE["metropolitan_region"],
        "metropolitan_outlines",
        width=2.5,
    )
)
layers.append(
    maps.outline_layer(
        {
            "type": "FeatureCollection",
            "features": [
                f for f in outlines["features"] if f["properties"]["region_id"] in regiopoles
            ],
        },
        maps.OUTLINE["regiopole"],
        "regiopole_outlines",
        width=2,
    )
)
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
layers += maps.point_layers(cores)

st.pydeck_chart(
    maps.deck(layers, "<b>{name}</b><br/>{value_text}<br/>{rank_text}"), height=640, key="map_chart"
)

digits = shared.decimals(indicator_id)
labels = maps.legend_labels(breaks, lambda v: formatting.number(v, shared.lang(), digits))
colours = [*maps.VIRIDIS_5[: len(labels)], maps.MISSING]
st.plotly_chart(
    charts.legend_chart(
        colours,
        [*labels, t("missing_data")],
        f"{shared.indicator_label(indicator_id)} ({shared.unit_label(indicator_id)}), {year}",
        shared.lang(),
    ),
    key="map_legend",
    config={"displayModeBar": False},
)
st.caption(t("map_classes", breaks=" | ".join(labels)) + " " + t("map_outlines"))
source = shared.source_line([indicator_id], [year])
st.caption(source + ". " + "© GeoBasis-DE / BKG 2021 (Daten verändert).")
table = frame.rename(columns={"id": "ags" if level == "kreis" else "region_id"})
table["unit"] = shared.unit_label(indicator_id)
table["year"] = year
shared.download(table, f"karte_{indicator_id}_{year}_{level}", key="dl_map")
