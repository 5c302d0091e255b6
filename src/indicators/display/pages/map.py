"""Karte: any indicator and year as a choropleth per Kreis or per region (no map tiles), or
as an equal-area tile map with one square per region."""

import pandas as pd
import plotly.graph_objects as go

from indicators import catalogue, compare, groups
from indicators.display import charts, formatting, maps
from indicators.display import elements as el
from indicators.display.pages.common import indicator_control, year_choice

LEVELS = ("kreis", "region", "tiles")
KINDS = ("regiopole", "metropolitan_region")
TILE_HEIGHT = 820


def kreis_values(con, indicator_id, year):
    """Name and value of every Kreis (NaN where it has none) for one indicator and year."""
    return con.execute(
        "SELECT k.ags, k.name, v.value FROM kreise k LEFT JOIN kreis_values v "
        "ON v.ags = k.ags AND v.indicator_id = ? AND v.year = ?",
        [indicator_id, year],
    ).df()


def controls(ctx):
    """Indicator, year and level; for the region level also which regions."""
    t = ctx.t
    _, year_part = year_choice(ctx, [ctx.state["ind"]])
    level = el.Control(
        "segmented_control",
        "level",
        t("map_level"),
        LEVELS,
        lambda v: t(f"level_{v}"),
        extra={"required": True},
    )
    right = (level,)
    if ctx.state["level"] == "region":
        ctx.ensure("kind", KINDS)
        kind = el.Control(
            "segmented_control",
            "kind",
            t("map_regions_of"),
            KINDS,
            lambda v: t(f"kind_{v}"),
            extra={"required": True},
        )
        right = (level, kind)
    # The segmented controls' column wide enough for "Regiopole region | Metropolitan
    # region" at 1280 px with the sidebar open.
    return el.Columns(((indicator_control(ctx),), (year_part,), right), widths=(3, 2, 4))


def build(ctx):
    state = ctx.state
    parts = [el.Title(ctx.t("page_map")), controls(ctx)]
    indicator_id, year, level = state["ind"], state["year"], state["level"]
    if level == "tiles":
        return parts + _tiles(ctx, indicator_id, year)
    kind = state["kind"] if level == "region" else None
    return parts + _map(ctx, indicator_id, year, level, kind)


def _map(ctx, indicator_id, year, level, kind):
    t = ctx.t
    frame, labels, fig = ctx.keep(
        ("map", *_view(ctx, indicator_id, year), level, kind),
        lambda: _choropleth(ctx, indicator_id, year, level, kind),
    )
    table = frame[["id", "name", "value", "rank"]].rename(
        columns={"id": "ags" if level == "kreis" else "region_id"}
    )
    table["unit"] = ctx.unit_label(indicator_id)
    table["year"] = year
    germany = ctx.snap.value(indicator_id, year, "de")
    words = ctx.bars_in_words(
        frame, indicator_id, year, [(f"{t('germany')}: {ctx.fmt(indicator_id, germany)}", germany)]
    )
    return [
        el.Figure(
            fig,
            "map_chart",
            f"karte_{indicator_id}_{year}",
            {"scrollZoom": True},
            summary=words,
            data=table,
        ),
        el.Caption(t("map_classes", breaks=" | ".join(labels)) + " " + t("map_outlines")),
        el.Download(table, f"karte_{indicator_id}_{year}_{level}", "dl_map", (indicator_id,)),
    ]


def _tiles(ctx, indicator_id, year):
    frame, _, fig = ctx.keep(
        ("tiles", *_view(ctx, indicator_id, year)), lambda: _tile_map(ctx, indicator_id, year)
    )
    table = frame[["id", "name", "kind", "value", "rank"]].rename(columns={"id": "region_id"})
    table["unit"], table["year"] = ctx.unit_label(indicator_id), year
    return [
        el.Figure(
            fig,
            "tile_chart",
            f"kacheln_{indicator_id}",
            summary=ctx.bars_in_words(frame, indicator_id, year),
            data=table,
        ),
        el.Caption(ctx.t("map_tiles_help")),
        el.Download(table, f"kacheln_{indicator_id}_{year}", "dl_tiles", (indicator_id,)),
    ]


def _view(ctx, indicator_id, year):
    """All a map depends on besides its level: kept maps are shared by all sessions showing
    the same view, and redrawn the next day (the date is printed under them)."""
    state = ctx.state
    return indicator_id, year, state["set"], state["outside"], ctx.lang, formatting.today()


def _with_texts(ctx, frame, indicator_id):
    """Tooltip texts (value with unit, 'Rang r / n') and the class breaks with labels."""
    n = int(frame["value"].notna().sum())
    show = ctx.formatter(indicator_id)
    rank_label = ctx.t("map_tooltip_rank")
    frame["value_text"] = [show(v) for v in frame["value"]]
    frame["rank_text"] = [f"{rank_label} {r} / {n}" if pd.notna(r) else "" for r in frame["rank"]]
    breaks = maps.class_breaks(frame["value"])
    return breaks, maps.legend_labels(breaks, lambda v: ctx.number(indicator_id, v))


def _title(ctx, indicator_id, year):
    return f"{ctx.indicator_label(indicator_id)} ({ctx.unit_label(indicator_id)}), {year}"


def _choropleth(ctx, indicator_id, year, level, kind):
    """The map for one view: its data frame, class labels and frozen figure (callers must
    not modify them)."""
    t, snap = ctx.t, ctx.snap
    regiopoles = groups.regiopole_ids(snap.regions, **ctx.group_args(), distinct=False)
    outlined = maps.feature_ids(ctx.geojson("region_outlines.geojson")["features"], "region_id")
    if level == "kreis":
        frame = kreis_values(ctx.con(), indicator_id, year)
        polarity = ctx.meta(indicator_id)["polarity"]
        frame["rank"] = compare.rank_order(frame["value"], polarity).astype("Int64")
        frame = frame.rename(columns={"ags": "id"})
        base, key = "kreise.geojson", "ags"
        ids = maps.feature_ids(ctx.geojson(base)["features"], key)
    else:
        ranked = ctx.compare(compare.ranking, indicator_id, year, kind=kind, **ctx.group_args())
        frame = ranked[["region_id", "name", "value", "rank"]].rename(columns={"region_id": "id"})
        # Large regions first, so that smaller ones inside them stay visible on top.
        size = snap.values(
            "population", catalogue.load().reference_year, list(frame["id"])
        ).sort_values(ascending=False)
        base, key = "region_outlines.geojson", "region_id"
        ids = [r for r in size.index if r in outlined]

    breaks, labels = _with_texts(ctx, frame, indicator_id)
    kinds = snap.regions["kind"]
    laender = ctx.geojson("laender.geojson")["features"]
    url = maps.overview_url
    # The larger cities' names are placed first (maps.label_cores).
    cores = ctx.core_points(regiopoles)
    population = snap.values("population", catalogue.load().reference_year, list(cores.index))
    cores = cores.loc[population.sort_values(ascending=False, kind="stable").index]
    fig = maps.geo_figure(
        maps.cores_trace(cores, t("map_cores")),
        [
            maps.background_trace(url("laender.geojson"), maps.feature_ids(laender, "land")),
            *maps.value_traces(url(base), ids, key, frame, breaks, labels, t("missing_data")),
            maps.outline_trace(
                url("region_outlines.geojson"),
                [r for r in outlined if kinds[r] == "metropolitan_region"],
                "region_id",
                maps.OUTLINE["metropolitan_region"],
                2.5,
                t("kind_metropolitan_region"),
            ),
            maps.outline_trace(
                url("region_outlines.geojson"),
                [r for r in outlined if r in regiopoles],
                "region_id",
                maps.OUTLINE["regiopole"],
                2,
                t("kind_regiopole"),
            ),
            maps.outline_key(maps.OUTLINE["regiopole"], 2, t("kind_regiopole")),
            maps.outline_key(
                maps.OUTLINE["metropolitan_region"], 2.5, t("kind_metropolitan_region")
            ),
        ],
        maps.bounds(laender, pad=0.02),
    )
    source = ctx.source_line([indicator_id], [year]) + ". © GeoBasis-DE / BKG 2021"
    charts.finish(fig, _title(ctx, indicator_id, year), source, ctx.lang, height=700)
    # The legend on the left: where a slide's zoom cuts the figure, it cuts the right.
    maps.side_legend(fig, title=_legend_title(ctx, indicator_id), side="left")
    return frame, labels, maps.label_cores(fig).freeze()


def _legend_title(ctx, indicator_id):
    return maps.legend_title(ctx.indicator_label(indicator_id), ctx.unit_label(indicator_id))


def _tile_map(ctx, indicator_id, year):
    """Equal tiles for all regiopole and metropolitan regions, placed like their cores."""
    ranked = ctx.compare(compare.ranking, indicator_id, year, kind=None, **ctx.group_args())
    frame = ranked[["region_id", "name", "kind", "value", "rank"]].rename(
        columns={"region_id": "id"}
    )
    cores = ctx.core_points(frame["id"])
    frame["lon"], frame["lat"] = cores["lon"].to_numpy(), cores["lat"].to_numpy()
    cells = maps.tile_positions(frame)
    frame["x"] = [cells[r][0] * maps.WIDE for r in frame["id"]]
    frame["y"] = [cells[r][1] for r in frame["id"]]
    breaks, labels = _with_texts(ctx, frame, indicator_id)
    # Names that do not fit their tile are abbreviated (the full name is in the tooltip).
    # The plot area at 1280 px (820 px wide less the legend's 170 px).
    columns = (frame["x"].max() - frame["x"].min()) / maps.WIDE + 1
    rows = frame["y"].max() - frame["y"].min() + 1
    room = maps.tile_room(650, TILE_HEIGHT - 70 - 105, columns, rows)
    frame["label"] = [
        f"{maps.tile_name(city, room)}<br>{ctx.number(indicator_id, v)}"
        for city, v in zip(cores["name"], frame["value"], strict=True)
    ]
    rims = {kind: ctx.t(f"kind_{kind}") for kind in KINDS}
    traces, tiles = maps.tile_traces(frame, breaks, labels, ctx.t("missing_data"), rims)
    fig = go.Figure(traces)
    source = ctx.source_line([indicator_id], [year])
    charts.finish(fig, _title(ctx, indicator_id, year), source, ctx.lang, height=TILE_HEIGHT)
    maps.side_legend(fig, title=_legend_title(ctx, indicator_id))
    return frame, labels, maps.tile_layout(fig, tiles)
