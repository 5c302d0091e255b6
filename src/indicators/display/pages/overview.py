"""Überblick: regiopole regions against metropolitan regions and Germany at a glance."""

import pandas as pd

from indicators import catalogue, compare, groups
from indicators.display import charts
from indicators.display import elements as el
from indicators.display.pages import PAGES
from indicators.groups import METROPOLITAN

# The lead indicators and the year sizes are compared with, both declared in the catalogue.
HEADLINES = catalogue.load().headlines()
POPULATION_SINCE = catalogue.load().sizes_since  # first year on the current census base
DELTA_COLOR = {"higher_better": "normal", "lower_better": "inverse", "neutral": "off"}


def build(ctx):
    t = ctx.t
    years = {i: ctx.options.latest(i) for i in HEADLINES}
    cards, rows = [], []
    for indicator_id in HEADLINES:
        metric, dots = card(ctx, indicator_id, years[indicator_id])
        cards.append(metric)
        rows += dots
    return [
        el.Title(t("app_title")),
        el.Text(t("overview_intro")),
        el.Caption(ctx.group_caption()),
        el.Columns(tuple(tuple(cards[column::3]) for column in range(3))),
        *chart(ctx, pd.DataFrame(rows), sorted(set(years.values()) | {POPULATION_SINCE})),
        el.Subheader(t("overview_guide")),
        guide(ctx),
    ]


def group_values(ctx, indicator_id, year):
    """(regiopole regions, metropolitan regions, Germany) of one indicator and year."""
    summary = ctx.compare(compare.group_summary, indicator_id, year, **ctx.group_args())
    by_group = summary.set_index("group")["aggregate"]
    regiopoles = groups.group_id(**ctx.group_args())
    return by_group[regiopoles], by_group[METROPOLITAN], by_group["de"]


def card(ctx, indicator_id, year):
    """A headline's card and its dots for the chart (both groups, Germany = 100).

    A size (a sum) says how it changed since POPULATION_SINCE instead: a ratio of the
    group's population to Germany's means nothing, so it has no dots either."""
    t = ctx.t
    regiopoles, metropolitan, germany = group_values(ctx, indicator_id, year)
    info, dots = ctx.meta(indicator_id), []
    if info["aggregation"] == "sum":
        earlier = group_values(ctx, indicator_id, POPULATION_SINCE)[0]
        pct, suffix = 100 * (regiopoles / earlier - 1), f"{t('since')} {POPULATION_SINCE}"
    else:
        pct, suffix = 100 * (regiopoles / germany - 1), t("vs_germany_short")
        for kind, value in (("regiopole", regiopoles), ("metropolitan_region", metropolitan)):
            dots.append(
                {
                    # the direction in the row's name: the chart says what "above 100" means
                    "label": f"{ctx.indicator_label(indicator_id)} ({year}) · "
                    + t(f"direction_{info['polarity']}"),
                    "series": t(f"kind_{kind}"),
                    "value": 100 * value / germany,
                    "color": charts.COLORS[kind],
                    "indicator_id": indicator_id,
                    "year": year,
                    "group_value": value,
                    "germany": germany,
                }
            )
    metric = el.Metric(
        ctx.metric_label(indicator_id, year),
        ctx.metric_value(indicator_id, regiopoles),
        delta=ctx.delta_text(pct, suffix),
        delta_color=DELTA_COLOR[info["polarity"]],
        help=t("vs_metropolitan", value=ctx.fmt(indicator_id, metropolitan)),
    )
    return metric, dots


def chart(ctx, frame, years):
    """Both groups against Germany on every headline rate, with its data and source."""
    source = ctx.source_line(HEADLINES, years)
    fig = ctx.figure(
        charts.dot_chart,
        frame,
        ctx.t("overview_chart_title"),
        source,
        ctx.lang,
        reference_label=ctx.t("germany"),
    )
    data = frame.drop(columns=["color"]).rename(columns={"value": "index_de"})
    return [
        el.Chart(
            fig,
            data,
            "regiopolen_ueberblick",
            "overview",
            tuple(HEADLINES),
            summary=ctx.index_in_words(frame, ctx.t("overview_chart_title")),
        ),
        el.Caption(source),
    ]


def guide(ctx):
    """A link to every page listed in the registry as part of the guide, in its order."""
    links = [
        el.PageLink(page.name, f"{ctx.t(page.title_key)} – {ctx.t('guide_' + page.name)}")
        for page in PAGES
        if page.guide
    ]
    return el.Columns((tuple(links[0::2]), tuple(links[1::2])))
