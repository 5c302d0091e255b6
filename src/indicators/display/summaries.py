"""Charts in words: the finding of each chart as one or two sentences with its numbers.

A screen-reader user hears it in place of the picture (with the chart's data as a table
beside it), a slide states it as its headline, and whoever cannot see colours reads it. The
sentences only restate the values the chart shows.
"""

import math

from indicators.display import formatting, i18n


def extremes(lang, what, pairs, show):
    """'<what>: highest value <name> (<value>), lowest <name> (<value>).' over (name, value)
    pairs; regions without a value are left out and counted."""
    known = [(name, value) for name, value in pairs if _known(value)]
    if not known:
        return i18n.t("summary_none", lang, what=what)
    top = max(known, key=lambda p: p[1])
    low = min(known, key=lambda p: p[1])
    text = i18n.t(
        "summary_extremes",
        lang,
        what=what,
        n=len(known),
        top=top[0],
        top_value=show(top[1]),
        low=low[0],
        low_value=show(low[1]),
    )
    missing = len(pairs) - len(known)
    return text + (" " + i18n.t("summary_missing", lang, n=missing) if missing else "")


def series(lang, what, frame, show, most=8):
    """'<what>: <series> from <a> (<year>) to <b> (<year>); …' – each line's first and last
    value (columns series, year, value), at most `most` lines."""
    parts = []
    for name, part in list(frame.dropna(subset=["value"]).groupby("series", sort=False))[:most]:
        part = part.sort_values("year")
        first, last = part.iloc[0], part.iloc[-1]
        parts.append(
            i18n.t(
                "summary_line",
                lang,
                series=name,
                start=show(first["value"]),
                start_year=int(first["year"]),
                end=show(last["value"]),
                end_year=int(last["year"]),
            )
        )
    if not parts:
        return i18n.t("summary_none", lang, what=what)
    return f"{what}: " + "; ".join(parts) + "."


def dots(lang, what, frame, show):
    """For each series (region or group) of a dot chart: where it lies highest and lowest
    (columns series, label, value)."""
    parts = []
    for name, part in frame.dropna(subset=["value"]).groupby("series", sort=False):
        top, low = part.loc[part["value"].idxmax()], part.loc[part["value"].idxmin()]
        parts.append(
            i18n.t(
                "summary_dots",
                lang,
                series=name,
                top=top["label"],
                top_value=show(top["value"]),
                low=low["label"],
                low_value=show(low["value"]),
            )
        )
    return f"{what}. " + " ".join(parts) if parts else i18n.t("summary_none", lang, what=what)


def correlation(lang, what, x, y, digits=2):
    """'<what>: n regions, Pearson correlation r = 0.45.' (pairs with both values only)."""
    pairs = [(a, b) for a, b in zip(x, y, strict=True) if _known(a) and _known(b)]
    if len(pairs) < 3:
        return i18n.t("summary_none", lang, what=what)
    n = len(pairs)
    mx, my = sum(a for a, _ in pairs) / n, sum(b for _, b in pairs) / n
    sxy = sum((a - mx) * (b - my) for a, b in pairs)
    sxx, syy = sum((a - mx) ** 2 for a, _ in pairs), sum((b - my) ** 2 for _, b in pairs)
    if not sxx or not syy:
        return i18n.t("summary_none", lang, what=what)
    r = sxy / math.sqrt(sxx * syy)
    shown = formatting.number(r, lang, digits)
    return i18n.t("summary_correlation", lang, what=what, n=n, r=shown)


def _known(value):
    return value is not None and value == value
