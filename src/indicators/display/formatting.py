"""Numbers as Germans and English readers expect them: 1.234,5 · 12,3 % vs 1,234.5 · 12.3%."""

import math
import re

MISSING = "–"
PLAIN_LIMIT = 200  # characters of a reason or name from outside shown in a message
_CONTROL = re.compile(r"[\x00-\x1f\x7f]+")


def _missing(value):
    return value is None or (isinstance(value, float) and math.isnan(value))


def number(value, lang="de", decimals=1, sign=False):
    """Format a number with the language's separators; missing values become '–'."""
    if _missing(value):
        return MISSING
    try:
        value = float(value)
    except (TypeError, ValueError):
        return MISSING
    text = f"{value:{'+' if sign else ''},.{decimals}f}"
    if lang == "de":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text.replace("-", "−")


def percent(value, lang="de", decimals=1, sign=False):
    """12,3 % in German, 12.3% in English."""
    if _missing(value):
        return MISSING
    return number(value, lang, decimals, sign) + (" %" if lang == "de" else "%")


def with_unit(value, unit_label, lang="de", decimals=1):
    """Value and its unit in the reader's language, e.g. '34.120 EUR je Einwohner', '7,5 %'."""
    if _missing(value):
        return MISSING
    if unit_label == "%":
        return percent(value, lang, decimals)
    return f"{number(value, lang, decimals)} {unit_label}"


def difference_unit(unit_label, lang="de"):
    """The unit of a difference between two values: percentage points for rates and shares
    in % ('%', '% der Haushalte'), otherwise the unit itself."""
    if unit_label.startswith("%"):
        return "Prozentpunkte" if lang == "de" else "percentage points"
    return unit_label


def approximation_bound(declared, unit_label, decimals, lang="de"):
    """How far our region and Germany values may lie from BBSR's own, in words: '4 %' for a
    relative bound, '0,2 Prozentpunkte' for one in the indicator's unit (the catalogue's
    `approximate`, measured by tests/test_inkar_reference.py)."""
    if "relative_error" in declared:
        return percent(100 * declared["relative_error"], lang, 1)
    unit = difference_unit(unit_label, lang)
    return f"{number(declared['error'], lang, max(decimals, 1))} {unit}"


def plain(text, limit=PLAIN_LIMIT):
    """Text from a URL, a file or an exception, for a place that renders markdown (a
    message, a heading): one line of at most `limit` characters as a code span, the one
    markdown construct whose content is taken literally. Escaping with backslashes is not
    enough: Streamlit turns `www.…` and `https://…` into links after the markdown is parsed,
    escapes or not. So a link, an image, emphasis or HTML in it shows as typed."""
    flat = " ".join(_CONTROL.sub(" ", str(text)).split()) or MISSING
    cut = flat[:limit] + "…" if len(flat) > limit else flat
    fence = "`" * (1 + max(map(len, re.findall("`+", cut)), default=0))
    pad = " " if cut.startswith("`") or cut.endswith("`") else ""
    return f"{fence}{pad}{cut}{pad}{fence}"


def plotly_separators(lang):
    """Plotly's `separators` layout setting: decimal mark first, then thousands."""
    return ",." if lang == "de" else ".,"


def today(lang="de"):
    """Today's date as readers write it: 22.11.2026 or 2026-11-22."""
    import datetime

    now = datetime.date.today()
    return now.strftime("%d.%m.%Y") if lang == "de" else now.isoformat()
