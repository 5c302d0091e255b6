"""Karte: any indicator and year as a choropleth per Kreis or per region (no map tiles), or
as an equal-area tile map with one square per region."""

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from indicators import groups
from indicators.display import charts, formatting, i18n, maps
from views import shared

t = shared.t
s = shared.snap()
st.title(t("page_map"))

left, middle, right = st.columns([3, 3, 3])
with left:
    indicator_id = shared.indicator_select()
with middle:
    year = shared.year_select([indicator_id])
with right:
    level = shared.bound(
        st.segmented_control,
        "level",
        t("map_level"),
        options=["kreis", "region", "tiles"],
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


def _with_texts(frame, indicator_id, language):
    """Tooltip texts (value with unit, 'Rang r / n') and the class breaks with labels."""
    n = int(frame["value"].notna().sum())
    show = shared.formatter(indicator_id)
    rank_label = i18n.t("map_tooltip_rank", language)
    frame["value_text"] = [show(v) for v in frame["value"]]
    frame["rank_text"] = [f"{rank_label} {r} / {n}" if pd.notna(r) else "" for r in frame["rank"]]
    breaks = maps.class_breaks(frame["value"])
    digits = shared.decimals(indicator_id)
    return breaks, maps.legend_labels(breaks, lambda v: formatting.number(v, language, digits))


def _title(indicator_id, year):
    return f"{shared.indicator_label(indicator_id)} ({shared.unit_label(indicator_id)}), {year}"


@st.cache_resource(show_spinner=False, max_entries=48)
def build_map(indicator_id, year, level, kind, regiopole_set, outside, language, day):
    """The map for one view state: its data frame, class breaks and figure. Shared by all
    sessions showing the same view (callers must not modify them). `day`: the date printed
    under the map, so a cached map is redrawn the next day."""
    regiopoles = groups.regiopole_ids(s.regions, regiopole_set, outside, distinct=False)
    outlines = shared.geojson("region_outlines.geojson", overview=True)["features"]
    if level == "kreis":
        frame = shared.kreis_values(indicator_id, year)
        sign = {"lower_better": 1}.get(s.meta[indicator_id]["polarity"], -1)
        frame["rank"] = (sign * frame["value"]).rank(method="min").astype("Int64")
        frame = frame.rename(columns={"ags": "id"})
        base, key = shared.geojson("kreise.geojson", overview=True), "ags"
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
        # Large regions first, so that smaller ones inside them stay visible on top.
        size = s.values("population", 2022, list(frame["id"])).sort_values(ascending=False)
        position = {r: k for k, r in enumerate(size.index)}
        base = {
            "features": sorted(
                (f for f in outlines if f["properties"]["region_id"] in position),
                key=lambda f: position[f["properties"]["region_id"]],
            )
        }
        key = "region_id"

    breaks, labels = _with_texts(frame, indicator_id, language)
    kinds = s.regions["kind"]
    cores = shared.core_points(regiopoles)
    fig = maps.geo_figure(
        maps.cores_trace(cores, i18n.t("map_cores", language)),
        [
            maps.background_trace(shared.geojson("laender.geojson", overview=True)),
            *maps.value_traces(base, key, frame, breaks, labels, i18n.t("missing_data", language)),
            maps.outline_trace(
                [
                    f
                    for f in outlines
                    if kinds[f["properties"]["region_id"]] == "metropolitan_region"
                ],
                "region_id",
                maps.OUTLINE["metropolitan_region"],
                2.5,
                i18n.t("kind_metropolitan_region", language),
            ),
            maps.outline_trace(
                [f for f in outlines if f["properties"]["region_id"] in regiopoles],
                "region_id",
                maps.OUTLINE["regiopole"],
                2,
                i18n.t("kind_regiopole", language),
            ),
        ],
        maps.bounds(shared.geojson("laender.geojson")["features"], pad=0.02),
    )
    source = shared.source_line([indicator_id], [year]) + ". © GeoBasis-DE / BKG 2021"
    charts.finish(fig, _title(indicator_id, year), source, language, height=700)
    return frame, labels, maps.side_legend(fig).freeze()


@st.cache_resource(show_spinner=False, max_entries=48)
def build_tiles(indicator_id, year, regiopole_set, outside, language, day):
    """Equal tiles for all regiopole and metropolitan regions, placed like their cores."""
    ranked = shared.call(
        "ranking",
        indicator_id,
        year,
        kind=None,
        regiopole_set=regiopole_set,
        exclude_overlapping=outside,
    )
    frame = ranked[["region_id", "name", "kind", "value", "rank"]].rename(
        columns={"region_id": "id"}
    )
    cores = shared.core_points(frame["id"])
    frame["lon"], frame["lat"] = cores["lon"].to_numpy(), cores["lat"].to_numpy()
    cells = maps.tile_positions(frame)
    frame["x"] = [cells[r][0] for r in frame["id"]]
    frame["y"] = [cells[r][1] for r in frame["id"]]
    breaks, labels = _with_texts(frame, indicator_id, language)
    digits = shared.decimals(indicator_id)
    frame["label"] = [
        f"{city[:10]}<br>{formatting.number(v, language, digits)}"
        for city, v in zip(cores["name"], frame["value"], strict=True)
    ]
    traces, tiles = maps.tile_traces(frame, breaks, labels, i18n.t("missing_data", language))
    fig = go.Figure(traces)
    source = shared.source_line([indicator_id], [year])
    charts.finish(fig, _title(indicator_id, year), source, language, height=820)
    maps.side_legend(fig)
    return frame, labels, maps.tile_layout(fig, tiles)


if level == "tiles":
    frame, labels, fig = build_tiles(
        indicator_id,
        year,
        shared.state()["set"],
        shared.state()["outside"],
        shared.lang(),
        formatting.today(),
    )
    st.plotly_chart(fig, key="tile_chart", config=shared.chart_config(f"kacheln_{indicator_id}"))
    st.caption(t("map_tiles_help"))
    table = frame[["id", "name", "kind", "value", "rank"]].rename(columns={"id": "region_id"})
    table["unit"], table["year"] = shared.unit_label(indicator_id), year
    shared.download(
        table, f"kacheln_{indicator_id}_{year}", key="dl_tiles", indicators=[indicator_id]
    )
    shared.stop()

frame, labels, fig = build_map(
    indicator_id,
    year,
    level,
    kind if level == "region" else None,
    shared.state()["set"],
    shared.state()["outside"],
    shared.lang(),
    formatting.today(),
)
st.plotly_chart(
    fig,
    key="map_chart",
    config=shared.chart_config(f"karte_{indicator_id}_{year}") | {"scrollZoom": True},
)
st.caption(t("map_classes", breaks=" | ".join(labels)) + " " + t("map_outlines"))
table = frame[["id", "name", "value", "rank"]].rename(
    columns={"id": "ags" if level == "kreis" else "region_id"}
)
table["unit"] = shared.unit_label(indicator_id)
table["year"] = year
shared.download(
    table, f"karte_{indicator_id}_{year}_{level}", key="dl_map", indicators=[indicator_id]
)
