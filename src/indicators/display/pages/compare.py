"""Vergleich: two to eight regions side by side – one indicator, many indicators, over time."""

import pandas as pd

from indicators import compare
from indicators.display import charts
from indicators.display import elements as el
from indicators.display.pages.common import indicator_control, regions_control, year_choice

MAX_INDICATORS = 12  # in the index chart


def build(ctx):
    t, state = ctx.t, ctx.state
    parts = [el.Title(t("page_compare")), regions_control(ctx, t("compare_regions"))]
    regions = list(state["regions"])
    if len(regions) < 2:
        return [*parts, el.Stop(t("choose_regions"))]
    indicator_id = state["ind"]
    year, year_part = year_choice(ctx, [indicator_id])
    parts.append(el.Columns(((indicator_control(ctx),), (year_part,))))
    parts += _bars(ctx, regions, indicator_id, year)
    parts += _index(ctx, regions)
    parts += _lines(ctx, regions, indicator_id)
    return parts


def _bars(ctx, regions, indicator_id, year):
    """One indicator as bars with reference lines, and a ranking sentence per region."""
    t = ctx.t
    summary = ctx.compare(compare.group_summary, indicator_id, year, **ctx.group_args())
    frame = ctx.value_frame(regions, indicator_id, year)
    frame["text"] = [ctx.number(indicator_id, v) for v in frame["value"]]
    styles = ctx.region_styles(frame["region_id"])
    frame["color"] = [
        charts.COLORS["germany"] if r == "de" else styles[r][0] for r in frame["region_id"]
    ]
    references = ctx.references(indicator_id, year, summary)
    source = ctx.source_line([indicator_id], [year])
    fig = ctx.figure(
        charts.bar_chart,
        frame,
        t("compare_bar_title", indicator=ctx.indicator_label(indicator_id), year=year),
        ctx.unit_label(indicator_id),
        references,
        source,
        ctx.lang,
        ctx.decimals(indicator_id),
    )
    reference_rows = pd.DataFrame(
        [
            {"region_id": key, "name": name, "kind": "reference", "value": value}
            for key, name, (_, value, _, _) in zip(
                ["de", "regiopole_median", "metropolitan_median"],
                [t("germany"), t("regiopole_median"), t("metropolitan_median")],
                references,  # their labels carry the value ("Deutschland: 5,7"), rows do not
                strict=True,
            )
        ]
    )
    shown = pd.concat([frame.drop(columns=["text", "color"]), reference_rows])
    shown["unit"], shown["year"] = ctx.unit_label(indicator_id), year
    words = ctx.bars_in_words(frame, indicator_id, year, references)
    stem = f"vergleich_{indicator_id}_{year}"
    parts = [
        el.Chart(fig, shown, stem, "compare_bar", (indicator_id,), summary=words),
        el.Caption(ctx.group_caption() + " " + source),
    ]
    texts = []
    for kind in ("regiopole", "metropolitan_region"):
        members = [r for r in regions if r != "de" and ctx.snap.regions.at[r, "kind"] == kind]
        if members:
            ranked = ctx.compare(compare.ranking, indicator_id, year, kind=kind, **ctx.group_args())
            texts += [
                ctx.rank_sentence(ranked, r, kind, indicator_id, year)
                for r in members
                if ctx.in_ranking(ranked, r)
            ]
    if texts:
        germany = ctx.snap.value(indicator_id, year, "de")
        texts.append(t("compare_germany", value=ctx.fmt(indicator_id, germany), year=year))
        parts.append(el.Sentence("\n\n".join(texts)))
    return parts


def _index(ctx, regions):
    """Many indicators at once, each in its latest year, Germany = 100."""
    t = ctx.t
    parts = [
        el.Subheader(t("compare_index_title")),
        el.Control(
            "multiselect",
            "inds",
            t("compare_indicators"),
            tuple(ctx.snap.indicators.index),
            ctx.indicator_label,
            extra={"max_selections": MAX_INDICATORS, "placeholder": ctx.t("choose_placeholder")},
        ),
    ]
    indicator_ids = list(ctx.state["inds"])
    if not indicator_ids:
        return [*parts, el.Notice(t("choose_indicators"))]
    rows = []
    styles = ctx.region_styles([r for r in regions if r != "de"])
    for ind in indicator_ids:
        latest = ctx.options.latest(ind)
        index = ctx.compare(compare.germany_index, ind, latest, regions)
        direction = t(f"direction_{ctx.meta(ind)['polarity']}")
        for row in index.itertuples():
            colour, symbol = styles.get(row.region_id, (charts.COLORS["germany"], "square"))
            rows.append(
                {
                    "label": f"{ctx.indicator_label(ind)} ({latest}) · {direction}",
                    "series": ctx.region_label(row.region_id),
                    "color": colour,
                    "symbol": symbol,
                    "value": row.index_de,
                    "indicator_id": ind,
                    "year": latest,
                    "region_id": row.region_id,
                    "raw_value": row.value,
                }
            )
    frame = pd.DataFrame(rows)
    years = sorted(frame["year"].unique())
    fig = ctx.figure(
        charts.dot_chart,
        frame,
        t("compare_index_title"),
        ctx.source_line(indicator_ids, years),
        ctx.lang,
        reference_label=t("germany"),
    )
    data = frame.drop(columns=["color", "symbol"]).rename(columns={"value": "index_de"})
    words = ctx.index_in_words(frame, t("compare_index_title"))
    chart = el.Chart(fig, data, "vergleich_index", "compare_index", summary=words)
    return [*parts, chart, el.Sentence(values_sentence(ctx, frame))]


def values_sentence(ctx, frame):
    """The compared regions' and Germany's values of every indicator, each with its year:
    'GDP per capita (2021): Rostock 34,120 EUR, Hamburg …; Germany 43,271 EUR.'"""
    texts = []
    for indicator_id, part in frame.groupby("indicator_id", sort=False):
        year = int(part["year"].iloc[0])
        shown = [
            f"{row.series} {ctx.fmt(indicator_id, row.raw_value)}" for row in part.itertuples()
        ]
        germany = ctx.fmt(indicator_id, ctx.snap.value(indicator_id, year, "de"))
        texts.append(
            f"{ctx.indicator_label(indicator_id)} ({year}): {', '.join(shown)}; "
            f"{ctx.t('germany')} {germany}."
        )
    return " ".join(texts)


def _lines(ctx, regions, indicator_id):
    """The same regions and Germany over time (not for an index rescaled every year)."""
    t = ctx.t
    years = list(ctx.options.years[indicator_id])
    if len(years) < 2 or not ctx.meta(indicator_id)["over_time"]:
        return []
    frame = pd.DataFrame(
        [
            {
                "year": y,
                "series": ctx.region_label(r),
                "value": ctx.snap.value(indicator_id, y, r),
            }
            for r in [*regions, "de"]
            for y in years
        ]
    )
    fig = ctx.figure(
        charts.line_chart,
        frame,
        t("compare_time_title", indicator=ctx.indicator_label(indicator_id)),
        ctx.unit_label(indicator_id),
        ctx.source_line([indicator_id], years),
        ctx.lang,
        breaks=ctx.break_marks(indicator_id),
        styles=ctx.series_styles(regions),
    )
    stem = f"vergleich_{indicator_id}_zeitreihe"
    words = ctx.lines_in_words(frame, indicator_id)
    return [el.Chart(fig, frame, stem, "compare_lines", (indicator_id,), summary=words)]
