"""Readers see words, not identifiers: similar regions name the indicators that differ, the
catalogue names topics and weights, and lists invite a choice in the reader's language."""

import re

from helpers import open_app

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
