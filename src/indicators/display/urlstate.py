"""The URL is the state: parse, validate and write the query parameters of every view.

Only known parameter names and known values are accepted; anything else falls back to the
default and is reported by name (values are never echoed back). Lists are comma-separated
and capped, so a hostile or very long link costs nothing.
"""

from dataclasses import dataclass, field

from indicators import catalogue, own_region
from indicators.display.pages import PAGES
from indicators.groups import DEFAULT_SET, REGIOPOLE_SETS

MAX_REGIONS = 8
MAX_INDICATORS = 12
MAX_VALUE_LENGTH = 500
DEFAULTS = {
    "lang": "de",
    "set": DEFAULT_SET,
    "outside": False,
    "ind": "gdp_per_capita",
    "year": None,  # latest year of the indicator
    "region": "rostock",
    "regions": ["rostock", "bielefeld", "trier", "muenchen"],
    "level": "kreis",
    "kind": "regiopole",
    "x": "household_income_per_capita",
    "y": "unemployment_rate",
    "start": None,  # indicator-dependent; see `start_default`
    "base": None,
    "own": None,  # a user's own region, in the compact form of own_region.encode
    "deck": "netzwerk",
    "slide": 1,
    "field": "mobility",
    "inds": [
        "gdp_per_capita",
        "unemployment_rate",
        "household_income_per_capita",
        "physicians_per_10000",
        "broadband_1000_share",
        "share_65_plus",
    ],
}
# Which parameters each page writes into its URL (besides the global lang/set/outside).
PAGE_KEYS = {page.path: list(page.state_keys) for page in PAGES}
GLOBAL_KEYS = ["lang", "set", "outside"]
LEVELS = ("kreis", "region", "tiles")
KINDS = ("regiopole", "metropolitan_region", "all")


@dataclass(frozen=True)
class Options:
    """What is valid: ids from the database and the years each indicator has."""

    indicators: tuple
    regions: tuple
    years: dict = field(default_factory=dict)  # indicator_id -> sorted tuple of years
    decks: tuple = ()  # names of the presentations
    kreise: tuple = ()  # AGS keys of all Kreise

    def latest(self, indicator_id):
        return self.years[indicator_id][-1]


def _text(raw):
    if isinstance(raw, list):
        raw = raw[-1] if raw else ""
    return str(raw)[:MAX_VALUE_LENGTH]


def _int(raw):
    text = _text(raw).strip()
    return int(text) if text.isdigit() and len(text) == 4 else None


def _list(raw, valid, cap):
    items = [i.strip() for i in _text(raw).split(",") if i.strip()]
    kept = list(dict.fromkeys(i for i in items if i in valid))
    return kept[:cap], len(kept) != len(items) or len(kept) > cap


def parse(params, options):
    """(state, invalid names, number of unknown names) from a dict of query parameters.

    Every key of DEFAULTS is present in the returned state, with year-like values resolved
    against the chosen indicator.
    """
    state, invalid = dict(DEFAULTS), []
    choices = {
        "lang": ("de", "en"),
        "set": tuple(REGIOPOLE_SETS),
        "level": LEVELS,
        "kind": KINDS,
        "ind": options.indicators,
        "x": options.indicators,
        "y": options.indicators,
        "region": options.regions,
        "deck": options.decks,
        "field": tuple(catalogue.load().fields),
    }
    for name, valid in choices.items():
        if name in params:
            value = _text(params[name])
            if value in valid:
                state[name] = value
            else:
                invalid.append(name)
    if "outside" in params:
        value = _text(params["outside"]).lower()
        if value in ("1", "true", "0", "false"):
            state["outside"] = value in ("1", "true")
        else:
            invalid.append("outside")
    for name, valid, cap in (
        ("regions", options.regions, MAX_REGIONS),
        ("inds", options.indicators, MAX_INDICATORS),
    ):
        if name in params:
            kept, dropped = _list(params[name], set(valid), cap)
            if kept:
                state[name] = kept
            if dropped:
                invalid.append(name)
    all_years = {y for years in options.years.values() for y in years}
    for name in ("year", "start", "base"):
        if name in params:
            year = _int(params[name])
            if year not in all_years:
                invalid.append(name)
                year = None
            state[name] = year
    if "own" in params:
        try:
            name, members = own_region.decode(_text(params["own"]), options.kreise)
            state["own"] = own_region.encode(name, members, options.kreise)
        except ValueError:
            invalid.append("own")
    if "slide" in params:
        text = _text(params["slide"]).strip()
        if text.isdigit() and 1 <= int(text) <= 99:
            state["slide"] = int(text)
        else:
            invalid.append("slide")
    unknown = len([k for k in params if k not in DEFAULTS])
    return state, invalid, unknown


def start_default(options, indicator_id, end):
    """Default start of a change or movement: ten years back, or the first year there is."""
    years = [y for y in options.years[indicator_id] if y < end]
    if not years:
        return None
    earlier = [y for y in years if y <= end - 10]
    return earlier[-1] if earlier else years[0]


def serialize(state, page):
    """Query parameters for a page: global keys plus the page's own, as plain strings."""
    params = {}
    for name in [*GLOBAL_KEYS, *PAGE_KEYS.get(page, [])]:
        value = state.get(name)
        if value is None or value == [] or (name == "outside" and not value):
            continue
        if isinstance(value, bool):
            value = "1"
        params[name] = ",".join(value) if isinstance(value, list) else str(value)
    return params
