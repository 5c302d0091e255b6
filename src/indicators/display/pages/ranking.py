"""Rangliste: all regions on one indicator and year, with change, group and overlaps."""

from indicators import compare
from indicators.display import charts, formatting
from indicators.display import elements as el
from indicators.display.pages.common import indicator_control, note_text, year_control
from indicators.display.urlstate import start_default

KINDS = ("regiopole", "metropolitan_region", "all")


def controls(ctx):
    """Indicator, year, group and (where the indicator has earlier years) the start year."""
    state, t = ctx.state, ctx.t
    indicator_id = state["ind"]
    years = ctx.years([indicator_id])
    year = ctx.ensure("year", years, years[-1])
    # No change column for an index rescaled every year (its changes mean nothing).
    over_time = ctx.meta(indicator_id)["over_time"]
    earlier = [y for y in years if y < year and over_time]
    if earlier:
        ctx.ensure("start", earlier, start_default(ctx.options, indicator_id, year))
    return el.Columns(
        (
            (indicator_control(ctx),),
            (year_control(ctx, years),),
            (
                el.Control(
                    "segmented_control",
                    "kind",
                    t("ranking_kind"),
                    KINDS,
                    lambda v: t(f"kind_{v}"),
                    extra={"required": True},
                ),
            ),
            (el.Control("selectbox", "start", t("ranking_change_since"), tuple(earlier)),)
            if earlier
            else (),
        ),
        widths=(5, 3, 9, 3),  # the three groups side by side, "All" too, at 1280 px
    )


def overlap_text(ctx, overlaps):
    """'Metropolregion Nürnberg (18 %), …'; '' where the region shares no Kreis."""
    if not hasattr(overlaps, "__len__"):  # no overlap: NULL in the database
        return ""
    return ", ".join(f"{ctx.region_label(o['region'])} ({o['percent']} %)" for o in overlaps)


def build(ctx):
    t, state = ctx.t, ctx.state
    parts = [el.Title(t("page_ranking")), controls(ctx)]
    indicator_id, year, kind = state["ind"], state["year"], state["kind"]
    group = None if kind == "all" else kind
    start = state["start"] if parts[1].parts[3] else None
    ranked = ctx.compare(compare.ranking, indicator_id, year, kind=group, **ctx.group_args())
    notes = list(ranked.attrs.get("notes", []))
    if start is not None:
        change = ctx.compare(
            compare.change, indicator_id, start, year, region_ids=list(ranked["region_id"])
        )
        ranked = ranked.merge(change[["region_id", "abs_change", "pct_change"]], on="region_id")
        notes += change.attrs.get("notes", [])
    ranked = ranked.assign(overlaps=[overlap_text(ctx, o) for o in ranked["overlaps"]])
    parts.append(_table(ctx, ranked, indicator_id, year, start))
    parts += [el.Caption("ℹ️ " + note_text(ctx, note)) for note in notes]
    parts += _sentence(ctx, ranked, indicator_id, year, group, start)
    parts += _chart(ctx, ranked, indicator_id, year, kind, start, ctx.state["region"])
    return parts


def _table(ctx, ranked, indicator_id, year, start):
    t = ctx.t
    view = ranked.assign(
        kind_label=[t(f"kind_{k}") for k in ranked["kind"]],
        core=[
            ctx.region_label(r) if isinstance(r, str) else ""
            for r in ranked["core_in_metropolitan_region"]
        ],
    )
    columns = {
        "rank": t("rank"),
        "name": t("region"),
        "kind_label": t("kind"),
        "value": f"{t('value')} ({ctx.unit_label(indicator_id)})",
        "percentile": t("percentile"),
        "index_de": f"{t('germany')} = 100",
        "core": t("core_in"),
        "overlaps": t("overlaps"),
    }
    if start is not None:
        columns["pct_change"] = f"{t('change')} {start}–{year} (%)"
    digits = {columns["value"]: ctx.decimals(indicator_id), columns["percentile"]: 0}
    digits[columns["index_de"]] = 0
    if start is not None:
        digits[columns["pct_change"]] = 1
    shown = view[list(columns)].rename(columns=columns)
    return el.Table(shown, "ranking_table", digits, height=520)


def _sentence(ctx, ranked, indicator_id, year, group, start):
    ranked_ids = list(ranked["region_id"])
    names = dict(zip(ranked_ids, ranked["name"], strict=True))  # a shared territory: one row
    row = ctx.row_id(ranked, ctx.state["region"])  # Salzgitter → the Braunschweig row
    region_id = ctx.ensure("region", ranked_ids, row)
    name = names[region_id]
    text = ctx.rank_sentence(ranked, region_id, group, indicator_id, year, name)
    if start is not None:
        text += " " + ctx.change_sentence(indicator_id, region_id, start, year, name)
    control = el.Control(
        "selectbox", "region", ctx.t("sentence_region"), tuple(ranked_ids), names.get
    )
    headline = ctx.rank_headline(ranked, region_id, group, indicator_id, year, name)
    return [control, el.Sentence(text, headline)]


def _chart(ctx, ranked, indicator_id, year, kind, start, picked):
    t, digits = ctx.t, ctx.decimals(indicator_id)
    source = ctx.source_line([indicator_id], [year] if start is None else [start, year])
    summary = ctx.compare(compare.group_summary, indicator_id, year, **ctx.group_args())
    bars = ranked[["region_id", "name", "kind", "value"]].copy()
    bars["text"] = [formatting.number(v, ctx.lang, digits) for v in bars["value"]]
    bars["highlight"] = bars["region_id"] == picked
    kinds = ["regiopole", "metropolitan_region"]  # both medians, whichever group is ranked
    fig = ctx.figure(
        charts.bar_chart,
        bars,
        t("ranking_title", indicator=ctx.indicator_label(indicator_id), year=year),
        ctx.unit_label(indicator_id),
        ctx.references(indicator_id, year, summary, kinds),
        source,
        ctx.lang,
        digits,
    )
    table = ranked.drop(columns=["core_in_metropolitan_region"]).assign(
        unit=ctx.unit_label(indicator_id), year=year, regiopole_set=ctx.state["set"]
    )
    stem = f"rangliste_{indicator_id}_{year}"
    words = ctx.bars_in_words(
        bars, indicator_id, year, ctx.references(indicator_id, year, summary, kinds)
    )
    return [
        el.Chart(fig, table, stem, "ranking_bars", (indicator_id,), summary=words),
        el.Caption(ctx.group_caption() + " " + source),
    ]
