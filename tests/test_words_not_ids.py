"""Readers see words, not identifiers: similar regions name the indicators that differ, the
catalogue names topics and weights, and lists invite a choice in the reader's language."""

import re

import pytest
from helpers import flat, open_app

from indicators import compare

SNAKE = re.compile(r"\b[a-z]+(?:_[a-z0-9]+)+\b")


def test_similar_regions_say_which_indicators_differ_in_words(con):
    found = compare.similar_regions(con, "trier", 2021, n=5)
    first = found["different"].iloc[0][0]
    assert set(first) == {"indicator", "higher"}
    at = open_app("profile", region="trier", year="2021")
    (table,) = [d.value for d in at.dataframe if "Größte Unterschiede" in d.value.columns]
    text = " ".join(table["Größte Unterschiede"])
    assert not SNAKE.search(text), text
    assert "höher" in text or "niedriger" in text


def test_methods_catalogue_names_topics_and_weights():
    at = open_app("methods", lang="de")
    table = at.dataframe[0].value
    assert "demography" not in set(table["Thema"]) and "Bevölkerung" in set(table["Thema"])
    rules = " ".join(table["Berechnung für Regionen"])
    assert "gewichtet mit Zivile Erwerbspersonen" in rules
    assert not SNAKE.search(rules), rules


def test_multiselects_invite_a_choice_in_german():
    at = open_app("compare", lang="de")
    assert all(m.placeholder == "Bitte auswählen" for m in at.multiselect)


SHOWN = re.compile(r"[a-z0-9]+_[a-z0-9_]+")


def _pages(con, plain, lang):
    """Every page's view model (the presentation is made of these), with a chosen own region
    and two indicators in the comparison's index chart."""
    import importlib

    from indicators.display import urlstate
    from indicators.display.context import Context
    from indicators.display.pages import PAGES

    snap, options, kreise = plain
    for page in PAGES:
        if page.name == "presentation":
            continue
        params = {"lang": lang, "inds": "gdp_per_capita~unemployment_rate", "base": "2015"}
        if page.name == "own_region":
            params["own"] = "13003~13072"
        state = urlstate.parse(params, options)[0]
        ctx = Context(snap, options, state, con.cursor, kreise=kreise)
        module = importlib.import_module(f"indicators.display.pages.{page.name}")
        yield page.name, module.build(ctx)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_no_identifier_heads_a_table_or_a_download(con, plain, lang):
    """Tables showed "ags" and "id", the methods page the labels region_values.csv …, and
    every chart's CSV the headers region_id, indicator_id, value, kind."""
    from indicators.display import elements as el
    from indicators.display import exports

    snap = plain[0]
    for name, parts in _pages(con, plain, lang):
        for part in flat(parts):
            if isinstance(part, el.Table):
                shown = list(part.frame.columns)
            elif isinstance(part, el.Chart | el.Download) and not getattr(part, "raw", False):
                frame = part.data if isinstance(part, el.Chart) else part.frame
                indicators = part.indicators or (
                    tuple(frame["indicator_id"].unique()) if "indicator_id" in frame else ()
                )
                shown = list(exports.publishable(frame, snap, lang, indicators).columns)
            else:
                shown = []
            bad = [c for c in shown if SHOWN.fullmatch(str(c)) or str(c) in ("ags", "id")]
            assert not bad, (name, part.key, bad)
            texts = [getattr(part, a, None) for a in ("text", "label")]
            for text in filter(None, texts):
                assert "region_values" not in text and "region_members" not in text, text
