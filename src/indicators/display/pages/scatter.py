"""Zusammenhänge: two indicators against each other, bubbles sized by population, optional
movement from an earlier year."""

import pandas as pd

from indicators import groups
from indicators.display import charts, i18n, summaries
from indicators.display import elements as el
from indicators.display.pages.common import indicator_control, regions_control, year_choice

SIZE = "population"  # the indicator the bubbles are sized by
SIZE_FROM = 2010  # bubbles of earlier years are sized by the population of this year


def build(ctx):
    t, state = ctx.t, ctx.state
    x_id, y_id = state["x"], state["y"]
    parts = [
        el.Title(t("page_scatter")),
        el.Columns(
            (
                (indicator_control(ctx, "x", t("scatter_x")),),
                (indicator_control(ctx, "y", t("scatter_y")),),
            )
        ),
    ]
    common = sorted(set(ctx.options.years[x_id]) & set(ctx.options.years[y_id]))
    if not common:
        reason = f"{ctx.indicator_label(x_id)} / {ctx.indicator_label(y_id)}"
        return [*parts, el.Stop(t("no_data_year", reason=reason))]
    year, year_part = year_choice(ctx, [x_id, y_id])
    earlier = [y for y in common if y < year]
    start = ctx.ensure("start", [None, *earlier])
    ids = [
        *groups.regiopole_ids(ctx.snap.regions, **ctx.group_args(), distinct=False),
        *groups.member_ids(ctx.snap.regions, groups.METROPOLITAN, distinct=False),
    ]
    parts.append(
        el.Columns(
            (
                (year_part,),
                (
                    el.Control(
                        "selectbox",
                        "start",
                        t("scatter_move"),
                        tuple(earlier),
                        str,
                        none_label=t("scatter_move_none"),
                    ),
                ),
                (regions_control(ctx, t("scatter_labels"), ids),),
            ),
            (2, 2, 3),
        )
    )
    return parts + _chart(ctx, x_id, y_id, year, start, ids)


def points(ctx, x_id, y_id, year, ids, population_year):
    """One row per region: name, kind, x, y, size (population) and its label if chosen."""
    t, snap = ctx.t, ctx.snap
    labelled = ctx.state["regions"]
    frame = pd.DataFrame(
        {
            "region_id": ids,
            "name": [ctx.region_label(r) for r in ids],
            "kind": [snap.regions.at[r, "kind"] for r in ids],
            "x": snap.values(x_id, year, ids).to_numpy(),
            "y": snap.values(y_id, year, ids).to_numpy(),
            "size": snap.values(SIZE, population_year, ids).to_numpy(),
        }
    )
    frame["kind_label"] = [t(f"kind_{k}") for k in frame["kind"]]
    frame["label"] = [
        n if r in labelled else "" for r, n in zip(frame["region_id"], frame["name"], strict=True)
    ]
    return frame


def moves(ctx, frame, x_id, y_id, start):
    """Arrows from `start` to the year shown, for the regions with all four values."""
    snap, ids = ctx.snap, list(frame["region_id"])
    return pd.DataFrame(
        {
            "name": frame["name"],
            "x0": snap.values(x_id, start, ids).to_numpy(),
            "y0": snap.values(y_id, start, ids).to_numpy(),
            "x1": frame["x"],
            "y1": frame["y"],
        }
    ).dropna()


def _chart(ctx, x_id, y_id, year, start, ids):
    t = ctx.t
    population_year = max(y for y in ctx.options.years[SIZE] if y <= max(year, SIZE_FROM))
    frame = points(ctx, x_id, y_id, year, ids, population_year)
    arrows = None if start is None else moves(ctx, frame, x_id, y_id, start)
    source = ctx.source_line([x_id, y_id, SIZE], [year] if start is None else [start, year])
    fig = ctx.figure(
        charts.scatter_chart,
        frame.dropna(subset=["x", "y"]),
        f"{ctx.indicator_label(x_id)} ({ctx.unit_label(x_id)})",
        f"{ctx.indicator_label(y_id)} ({ctx.unit_label(y_id)})",
        t(
            "scatter_title",
            x=ctx.indicator_label(x_id),
            y=ctx.indicator_label(y_id),
            year=year if start is None else f"{start} → {year}",  # arrows: both years named
        ),
        source,
        ctx.lang,
        arrows,
    )
    # a column named by each indicator; one indicator on both axes, or the population on
    # one (which then also sizes the bubbles): one column
    same = (["y"] if x_id == y_id else []) + (["size"] if SIZE in (x_id, y_id) else [])
    data = frame.drop(columns=["label", "kind_label", *same]).rename(
        columns={"x": x_id, "y": y_id, "size": SIZE}
    )
    stem = f"zusammenhang_{x_id}_{y_id}_{year}"
    return [
        el.Chart(
            fig,
            data.assign(year=year),
            stem,
            "scatter",
            (x_id, y_id),
            summary=words(ctx, fig, frame, x_id, y_id),
        ),
        el.Caption(f"{t('scatter_size')} ({population_year}). {ctx.group_caption()}"),
    ]


def words(ctx, fig, frame, x_id, y_id):
    """The scatter plot in words: its correlation, and the catalogue's warning on either
    indicator (a distance-learning university's students counted at its seat make one
    region an outlier that carries the correlation)."""
    text = summaries.correlation(ctx.lang, fig.layout.meta["title"], frame["x"], frame["y"])
    notes = [i18n.field(ctx.meta(i), "ranking_note", ctx.lang) for i in dict.fromkeys([x_id, y_id])]
    note = ctx.t("note")
    return " ".join([text, *[f"{note}: {n}" for n in notes if n]])
