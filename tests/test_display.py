"""Presentation helpers: number formats, URL state, map classes."""

import math

import pytest

from indicators.display import formatting, maps, urlstate

OPTIONS = urlstate.Options(
    indicators=("gdp_per_capita", "population", "unemployment_rate"),
    regions=("rostock", "trier", "muenchen"),
    years={
        "gdp_per_capita": tuple(range(2010, 2022)),
        "population": tuple(range(2010, 2023)),
        "unemployment_rate": (2021, 2022),
    },
)


@pytest.mark.parametrize(
    ("value", "lang", "decimals", "text"),
    [
        (1234.5, "de", 1, "1.234,5"),
        (1234.5, "en", 1, "1,234.5"),
        (-0.25, "de", 2, "−0,25"),
        (20112949, "de", 0, "20.112.949"),
        (float("nan"), "de", 1, "–"),
        (None, "en", 1, "–"),
    ],
)
def test_numbers(value, lang, decimals, text):
    assert formatting.number(value, lang, decimals) == text


def test_percent_and_units():
    assert formatting.percent(12.345, "de") == "12,3 %"
    assert formatting.percent(12.345, "en") == "12.3%"
    assert formatting.percent(3.0, "de", 1, sign=True) == "+3,0 %"
    assert formatting.with_unit(34119.7, "EUR je Einwohner", "de", 0) == "34.120 EUR je Einwohner"
    assert formatting.with_unit(7.5, "%", "de") == "7,5 %"


def test_url_state_accepts_known_values():
    state, invalid, unknown = urlstate.parse(
        {
            "lang": "en",
            "ind": "population",
            "regions": "trier,rostock",
            "year": "2015",
            "outside": "1",
            "set": "network",
        },
        OPTIONS,
    )
    assert (invalid, unknown) == ([], 0)
    assert state["lang"] == "en" and state["regions"] == ["trier", "rostock"]
    assert state["year"] == 2015 and state["outside"] is True


def test_url_state_rejects_and_caps_without_echo():
    hostile = "<script>alert(1)</script>"
    state, invalid, unknown = urlstate.parse(
        {
            "lang": hostile,
            "ind": "'; DROP TABLE x; --",
            "regions": "rostock," * 500 + "x",
            "year": "99999",
            "evil": hostile,
        },
        OPTIONS,
    )
    assert sorted(invalid) == ["ind", "lang", "regions", "year"]
    assert unknown == 1
    assert state["lang"] == "de" and state["ind"] == "gdp_per_capita"
    assert state["regions"] == ["rostock"] and state["year"] is None


def test_serialize_writes_only_the_pages_keys():
    state = dict(urlstate.DEFAULTS, ind="population", year=2020, outside=True)
    assert urlstate.serialize(state, "karte") == {
        "lang": "de",
        "set": "aring_reuther",
        "outside": "1",
        "ind": "population",
        "year": "2020",
        "level": "kreis",
        "kind": "regiopole",
    }
    assert urlstate.serialize(state, "daten") == {
        "lang": "de",
        "set": "aring_reuther",
        "outside": "1",
    }


def test_default_start_year():
    options = urlstate.Options(("a",), (), {"a": tuple(range(2010, 2022))})
    assert urlstate.start_default(options, "a", 2021) == 2011
    assert urlstate.start_default(options, "a", 2012) == 2010
    assert urlstate.start_default(options, "a", 2010) is None


def test_quintile_classes_and_missing():
    values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, math.nan]
    breaks = maps.class_breaks(values)
    assert len(breaks) == 4
    assert maps.classify(1, breaks) == 0 and maps.classify(10, breaks) == 4
    assert maps.colour(math.nan, breaks) == maps.MISSING
    labels = maps.legend_labels(breaks, lambda v: f"{v:.1f}")
    assert labels[0].startswith("< ") and labels[-1].startswith("≥ ") and len(labels) == 5
