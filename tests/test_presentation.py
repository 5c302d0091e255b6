"""Presentation mode: the shipped files are valid, slides apply their views, the URL keeps
the slide, and a broken file or slide number is explained."""

import json

import pytest
from helpers import open_app, warnings_text

from indicators.display import presentations


def test_shipped_presentations_are_valid():
    assert "netzwerk" in presentations.available()
    deck = presentations.load("netzwerk")
    assert len(deck["slides"]) == 8
    network = "bielefeld,erfurt,koblenz,paderborn,rostock,siegen,trier,wuerzburg"
    assert all(s["params"].get("set") == "network" for s in deck["slides"])
    assert any(s["params"].get("regions") == network for s in deck["slides"])


def test_broken_file_is_named(tmp_path, monkeypatch):
    monkeypatch.setattr(presentations, "FOLDER", tmp_path)
    (tmp_path / "kaputt.json").write_text(
        json.dumps({"title": {"de": "x", "en": "x"}, "slides": [{"view": "nirgends"}]})
    )
    with pytest.raises(ValueError, match=r"kaputt\.json, slide 1: title"):
        presentations.load("kaputt")


def test_slides_apply_their_view_and_step():
    at = open_app("presentation", deck="netzwerk", slide="2")
    assert "**Folie 2 von 8**" in [m.value for m in at.markdown]
    assert at.table[0].value.shape[0] == 8  # the chart as a table: the 8 network regions
    assert at.query_params["slide"] in ("2", ["2"])
    at.button(key="slide_next").click().run()
    assert "Mobilität: Nahverkehr mit gutem Takt" in [c.value for c in at.caption]
    assert at.query_params["slide"] in ("3", ["3"])
    at.button(key="slide_back").click().run()
    at.button(key="slide_back").click().run()
    assert at.button(key="slide_back").disabled  # slide 1: no way back


def test_bad_slide_number_and_language():
    at = open_app("presentation", deck="netzwerk", slide="99", lang="en")
    assert "**Slide 8 of 8**" in [m.value for m in at.markdown]
    assert "has no slide 99 – showing slide 8 of 8" in warnings_text(at)
    assert at.button(key="slide_next").disabled
    at = open_app("presentation", deck="nope", slide="-1")
    assert "deck" in warnings_text(at) and "slide" in warnings_text(at)
    assert "**Folie 1 von 8**" in [m.value for m in at.markdown]


def test_every_slide_of_every_shipped_deck_shows_data():
    """A deck whose slide shows only a notice would fail in front of the committee."""
    from helpers import open_app

    from indicators.display import presentations

    for deck in presentations.available():
        for number in range(1, len(presentations.load(deck)["slides"]) + 1):
            at = open_app("presentation", deck=deck, slide=str(number))
            notices = [i.value for i in at.info] + [w.value for w in at.warning]
            assert not notices, (deck, number, notices)
            assert at.get("plotly_chart") or at.dataframe, (deck, number)
