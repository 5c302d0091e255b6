"""Entwicklung: one indicator over time – group medians, chosen regions, and whether the gap
between regiopole and metropolitan regions is closing (the engine's verdict)."""

import pandas as pd

from indicators import compare, sentences
from indicators.display import charts, formatting, summaries
from indicators.display import elements as el
from indicators.display.pages.common import indicator_control, note_text, regions_control


def build(ctx):
    t, state = ctx.t, ctx.state
    parts = [el.Title(t("page_trends"))]
    indicator_id = state["ind"]
    years = list(ctx.options.years[indicator_id])
    stop = (
        t("one_year_only")
        if len(years) < 2
        else t("not_over_time")
        if not ctx.meta(indicator_id)["over_time"]
        else None
    )
    if stop:
        return [*parts, el.Columns(((indicator_control(ctx),), ()), (2, 3)), el.Stop(stop)]
    regions_part = regions_control(ctx, t("trend_regions"))
    parts.append(el.Columns(((indicator_control(ctx),), (regions_part,)), (2, 3)))
    base = ctx.ensure("base", [None, *years])
    base_part = el.Control(
        "selectbox",
        "base",
        t("trend_index"),
        tuple(years),
        lambda y: f"{t('trend_base')} {y}",
        none_label=t("trend_no_index"),
    )
    parts.append(el.Columns(((base_part,), ()), (1, 3)))
    convergence = ctx.compare(
        compare.convergence, indicator_id, **ctx.group_args(), digits=ctx.decimals(indicator_id)
    )
    source = ctx.source_line([indicator_id], years)
    parts += _lines(ctx, convergence, indicator_id, years, base, source)
    parts.append(el.Caption(ctx.group_caption()))
    parts += [el.Caption("ℹ️ " + note_text(ctx, note)) for note in convergence.attrs["notes"]]
    parts += _gap(ctx, convergence, indicator_id, source)
    return parts


def series(ctx, convergence, indicator_id, years, region_ids):
    """Long frame (year, series, value): the group medians, Germany (not for a size, which
    would dwarf the regions) and the chosen regions."""
    t, snap = ctx.t, ctx.snap
    rows = []
    for row in convergence.itertuples():
        rows.append(
            {"year": row.year, "series": t("regiopole_median"), "value": row.regiopole_median}
        )
        rows.append(
            {"year": row.year, "series": t("metropolitan_median"), "value": row.metropolitan_median}
        )
    is_size = ctx.meta(indicator_id)["aggregation"] == "sum"
    for year in years:
        if not is_size:
            rows.append(
                {
                    "year": year,
                    "series": t("germany"),
                    "value": snap.value(indicator_id, year, "de"),
                }
            )
        for region_id in region_ids:
            rows.append(
                {
                    "year": year,
                    "series": ctx.region_label(region_id),
                    "value": snap.value(indicator_id, year, region_id),
                }
            )
    return pd.DataFrame(rows)


def _lines(ctx, convergence, indicator_id, years, base, source):
    t = ctx.t
    frame = series(ctx, convergence, indicator_id, years, list(ctx.state["regions"]))
    unit = ctx.unit_label(indicator_id)
    if base is not None:
        frame, unit = compare.index_to_base(frame, base), f"{base} = 100"
    styles = ctx.series_styles(ctx.state["regions"]) | {
        t("regiopole_median"): {"color": charts.COLORS["median"], "dash": "dash", "width": 4},
        t("metropolitan_median"): {"color": charts.COLORS["median"], "dash": "dot", "width": 4},
    }
    fig = ctx.figure(
        charts.line_chart,
        frame,
        t("trend_title", indicator=ctx.indicator_label(indicator_id)),
        unit,
        source,
        ctx.lang,
        breaks=ctx.break_marks(indicator_id),
        styles=styles,
    )
    stem = f"entwicklung_{indicator_id}"
    data = frame.assign(unit=unit)
    if base is not None:  # an index, not the indicator's values
        data = data.rename(columns={"value": "index"})
    words = ctx.lines_in_words(frame, indicator_id, None if base is None else unit)
    return [el.Chart(fig, data, stem, "trend_lines", (indicator_id,), summary=words)]


def gap_text(ctx, convergence, indicator_id):
    """The engine's verdict on the gap (compare.convergence, judged on the differences as
    shown) as a sentence: one measure, the difference of the medians in the indicator's unit
    (rates in percentage points)."""
    verdict, digits = convergence.attrs["verdict"], ctx.decimals(indicator_id)
    unit = formatting.difference_unit(ctx.unit_label(indicator_id), ctx.lang)
    return sentences.gap_sentence(
        ctx.lang,
        start=verdict.params["start"],
        end=verdict.params["end"],
        before=verdict.params["before"],
        after=verdict.params["after"],
        digits=digits,
        show=lambda v: formatting.with_unit(v, unit, ctx.lang, digits),
        polarity=ctx.meta(indicator_id)["polarity"],
        verdict=verdict.params["verdict"],
    )


def _gap(ctx, convergence, indicator_id, source):
    t = ctx.t
    gap_unit = formatting.difference_unit(ctx.unit_label(indicator_id), ctx.lang)
    gap = pd.DataFrame(
        {"year": convergence["year"], "series": t("gap_title"), "value": convergence["gap"]}
    )
    gap_fig = ctx.figure(
        charts.line_chart,
        gap,
        t("gap_title"),
        gap_unit,
        source,
        ctx.lang,
        breaks=ctx.break_marks(indicator_id),
        styles={t("gap_title"): {"color": charts.COLORS["highlight"]}},
    )
    cv = pd.DataFrame(
        {"year": convergence["year"], "series": t("cv_label"), "value": convergence["cv"]}
    )
    cv_fig = ctx.figure(
        charts.line_chart,
        cv,
        t("cv_label"),
        "CV",
        source,
        ctx.lang,
        styles={t("cv_label"): {"color": charts.COLORS["germany"]}},
    )
    stem = f"abstand_{indicator_id}"
    return [
        el.Subheader(t("gap_title")),
        el.Text(gap_text(ctx, convergence, indicator_id)),
        el.Chart(
            gap_fig,
            convergence,
            stem,
            "trend_gap",
            (indicator_id,),
            notes=False,
            summary=ctx.lines_in_words(gap, indicator_id, gap_unit),
        ),
        el.Figure(
            cv_fig,
            "chart_trend_cv",
            summary=summaries.series(
                ctx.lang, t("cv_label"), cv, lambda v: formatting.number(v, ctx.lang, 3)
            ),
            data=cv,
        ),
    ]
