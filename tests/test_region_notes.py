"""How each region was delineated, in German and English and in our own words, citing the
region's own or an official page: the notes were English in the German UI and cited a
Wikipedia mirror (issue 14)."""

import pytest

from indicators.display import elements as el
from indicators.ingest import regions as region_ingest
from indicators.ingest.errors import IngestError

ENCYCLOPEDIAS = ("wiki", "grokipedia", "de-academic", "askwikinow")


def test_every_region_has_a_german_and_an_english_note(con):
    rows = con.execute("SELECT region_id, note_de, note_en, source FROM regions").fetchall()
    assert len(rows) == 48
    for region_id, de, en, source in rows:
        assert de and en and de != en, region_id
        assert de.startswith(("Dokumentiert:", "Abgeleitet:")), region_id
        assert en.startswith(("Documented:", "Derived:")), region_id
        assert "https://" in source, region_id
        for text in (de, en, source):
            assert not any(bad in text.lower() for bad in ENCYCLOPEDIAS), (region_id, text)


def test_a_derived_note_names_its_planning_region(con):
    de, en = con.execute(
        "SELECT note_de, note_en FROM regions WHERE region_id = 'trier'"
    ).fetchone()
    assert "Raumordnungsregion Trier (0704)" in de and "region Trier (0704)" in en


def test_the_profile_shows_the_note_in_the_readers_language(con, plain):
    from test_view_models_overview_profile import context

    from indicators.display.pages import profile

    for lang, start in (("de", "Dokumentiert: Abgrenzung des Planungsverbands"), ("en", "Doc")):
        parts = profile.similar(
            context(con, plain, lang=lang, region="rostock", year="2021"), "rostock"
        )
        (note,) = [p for p in parts if isinstance(p, el.Text)]
        assert note.text.startswith(start)
        assert "planungsverband-rostock.de" in parts[-1].text


def test_the_ingest_stops_without_a_note():
    with pytest.raises(IngestError, match="no 'de' note"):
        region_ingest.load_notes(["rostock", "atlantis"])
