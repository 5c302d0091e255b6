"""Controls and note texts that several pages' view models share."""

from indicators.display import charts
from indicators.display import elements as el
from indicators.display.urlstate import MAX_REGIONS


def indicator_control(ctx, name="ind", label=None, topic_order=True):
    """Selectbox over all indicators, labelled in the current language, grouped by topic
    (topic_order=False: in the catalogue's order)."""
    ids = ctx.indicators_by_topic() if topic_order else list(ctx.snap.indicators.index)
    return el.Control(
        "selectbox", name, label or ctx.t("indicator"), tuple(ids), ctx.indicator_label
    )


def year_control(ctx, years, name="year", label=None):
    """A year picker, or a caption where there is one year only. A select box, not a
    slider: Streamlit's slider thumb cannot be reached by keyboard or named by a screen
    reader (no role, no tab stop)."""
    if len(years) == 1:
        return el.Caption(f"{label or ctx.t('year')}: {years[0]}")
    return el.Control("selectbox", name, label or ctx.t("year"), tuple(years))


def year_choice(ctx, indicator_ids, name="year", label=None):
    """(year, its control): the years all given indicators have (else those of the first),
    the state's year kept if it is one of them, otherwise the latest."""
    years = ctx.years(indicator_ids)
    return ctx.ensure(name, years, years[-1]), year_control(ctx, years, name, label)


def regions_control(ctx, label, options=None):
    """Multiselect of up to eight regions (state `regions`), regiopole regions first."""
    return el.Control(
        "multiselect",
        "regions",
        label,
        tuple(options or ctx.region_order()),
        lambda r: charts.short_name(ctx.region_label(r)),  # a chip shows ~45 characters
        extra={"max_selections": MAX_REGIONS, "placeholder": ctx.t("choose_placeholder")},
    )


def note_text(ctx, note):
    """A note of the engine in the reader's language (by its code, never its English); a
    note without a translation as the engine wrote it."""
    code = getattr(note, "code", None)
    if code == "neutral_ranking":
        return ctx.t("rank_neutral_note")
    if code in ("break_in_change", "break_in_series", "earlier_years"):
        return ctx.t(f"note_{code}", **note.params)
    return str(note)
