"""Daten & Methodik page: catalogue, regions, lists, downloads, citation."""

from helpers import open_app

from indicators import catalogue as cat


def test_methods_page_lists_catalogue_and_regions():
    at = open_app("methods")
    catalogue, regions = at.dataframe[0].value, at.dataframe[1].value
    assert len(catalogue) == len(cat.load()) >= 130 and len(regions) == 48
    assert "BIP je Einwohner" in set(catalogue["Indikator"]) and "id" not in catalogue
    labels = [b.proto.label for b in at.get("download_button")]
    assert "regiopole.duckdb" not in labels and "DuckDB-Datei (alle Tabellen)" in labels
    assert "Werte der Regionen (CSV)" in labels and "region_values.csv" not in labels
    assert "Regiopolen-Monitor (" in at.code[0].value


def test_methods_page_in_english():
    at = open_app("methods", lang="en")
    assert at.title[0].value == "Data & methods"
    assert "Indicator" in at.dataframe[0].value.columns
