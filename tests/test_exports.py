"""Exports: PNG settings and dated source lines on charts, Excel with a metadata sheet, the
region profile as a one-page PDF."""

import io
import json
import re

import openpyxl
import pandas as pd
import pytest
from helpers import of, open_app, plotly_specs

from indicators.display import elements as el
from indicators.display import exports, formatting, urlstate
from indicators.display.context import Context
from indicators.display.pages import compare as compare_page
from indicators.snapshot import snapshot


def test_charts_save_as_png_with_source_and_date():
    at = open_app("ranking", ind="unemployment_rate", year="2021")
    config = json.loads(at.get("plotly_chart")[0].proto.config)
    assert config["toImageButtonOptions"] == {
        "format": "png",
        "filename": "rangliste_unemployment_rate_2021",
        "scale": 2,
    }
    source = plotly_specs(at)[0]["layout"]["annotations"][-1]["text"]
    assert "BBSR" in source and f"abgerufen\u00a0{formatting.today('de')}" in source
    labels = [b.label for b in at.get("download_button")]
    assert "Daten als CSV" in labels and "Excel" in labels


def test_profile_offers_a_pdf():
    at = open_app("profile", region="rostock", year="2021")
    assert "Profil als PDF (1 Seite)" in [b.label for b in at.get("download_button")]


def test_excel_has_data_and_metadata_sheets(con):
    snap = snapshot(con)
    frame = pd.DataFrame(
        {"region_id": ["rostock"], "indicator_id": ["unemployment_rate"], "year": [2021]}
    ).assign(value=[6.725915291252308])
    meta = exports.metadata(snap, ["unemployment_rate", "gdp_per_capita"], "de")
    published = exports.publishable(frame, snap, "de")
    data = exports.excel_bytes(published, meta, ("Daten", "Indikatoren"), "Export vom 22.11.2026")
    sheets = pd.read_excel(io.BytesIO(data), sheet_name=None, engine="openpyxl")
    assert list(sheets) == ["Daten", "Indikatoren"]
    row = sheets["Daten"].iloc[0]
    assert row["Wert"] == 6.7 and row["Region"] == "Regiopolregion Rostock"  # a number
    assert row["Indikator"] == "Arbeitslosenquote" and row["Jahr"] == 2021
    described = pd.read_excel(
        io.BytesIO(data), sheet_name="Indikatoren", header=2, engine="openpyxl"
    )
    row = described.set_index("Indikator").loc["BIP je Einwohner"]
    assert row["Lizenz"] == "dl-de/by-2-0" and row["Nachkommastellen"] == 0
    assert "INKAR" in row["Quelle"]
    assert not any(SNAKE.fullmatch(str(c)) for c in [*sheets["Daten"], *described])


SNAKE = re.compile(r"[a-z0-9]+_[a-z0-9_]+")


def _compare_bar(con, plain, lang):
    snap, options, _ = plain
    params = {"lang": lang, "regions": "rostock~hamburg", "ind": "unemployment_rate"}
    ctx = Context(snap, options, urlstate.parse(params | {"year": "2021"}, options)[0], con.cursor)
    (chart,) = [c for c in of(el.Chart, compare_page.build(ctx)) if c.key == "compare_bar"]
    return exports.publishable(chart.data, snap, lang, chart.indicators)


@pytest.mark.parametrize(("lang", "sep", "rostock", "germany"), [("de", ";", "6,7", "5,7")])
def test_csv_is_rounded_named_in_words_and_citable(con, plain, lang, sep, rostock, germany):
    """Hand-checked in region_values: Rostock's unemployment rate 2021 is 6.725915291252308,
    Germany's 5.698716569566717; the catalogue declares one decimal. The CSV had 15
    decimals, the headers region_id/name/kind/value and a row named "Deutschland: 5,7"."""
    text = exports.csv_bytes(_compare_bar(con, plain, lang), lang).decode("utf-8-sig")
    lines = text.splitlines()
    assert lines[0] == sep.join(["Name", "Art", "Wert", "Einheit", "Jahr", "Quelle", "Lizenz"])
    rows = {line.split(sep)[0]: line.split(sep) for line in lines[1:]}
    assert rows["Regiopolregion Rostock"][1:5] == ["Regiopolregion", rostock, "%", "2021"]
    assert rows["Deutschland"][1:3] == ["Vergleichswert", germany]
    assert "Median Regiopolregionen" in rows and "Median Metropolregionen" in rows
    assert not any(":" in name for name in rows)  # no "Deutschland: 5,7"
    assert all("INKAR" in r[5] and r[6] == "dl-de/by-2-0" for r in rows.values())
    assert re.search(r"\d[,.]\d{2,}", text) is None  # one decimal at most


def test_csv_in_english_and_every_heading_in_words(con, plain):
    published = _compare_bar(con, plain, "en")
    assert list(published.columns) == ["Name", "Type", "Value", "Unit", "Year", "Source", "Licence"]
    text = exports.csv_bytes(published, "en").decode("utf-8-sig")
    assert "Regiopolregion Rostock,Regiopole region,6.7,%,2021," in text
    assert "\nGermany,Reference value,5.7,%,2021," in text


def test_every_indicator_value_column_takes_the_catalogues_decimals(con):
    """GDP per capita has 0 decimals (Rostock 2021: 34119.74 -> 34120), a percentage change
    one, a Kreis key stays a key (leading zero) and the column is called Kreisschlüssel."""
    snap = snapshot(con)
    frame = pd.DataFrame(
        {
            "ags": ["01001"],
            "name": ["Flensburg"],
            "value": [34119.73964930199],
            "pct_change": [1.04511],
            "year": [2021],
        }
    )
    published = exports.publishable(frame, snap, "de", ("gdp_per_capita",))
    text = exports.csv_bytes(published, "de").decode("utf-8-sig").splitlines()
    assert text[0] == "Kreisschlüssel;Name;Wert;Veränderung (%);Jahr;Einheit;Quelle;Lizenz"
    assert text[1].startswith("01001;Flensburg;34120;1,0;2021;EUR je Einwohner;INKAR")


FORMULAS = ["-SUM(1)", "=1+1", "+cmd|' /C calc'!A0", "@SUM(A1)", "\tx"]


def test_csv_text_cells_never_become_formulas():
    """`?own=-SUM(1)~13003` wrote the cell -SUM(1) unquoted into both CSV downloads."""
    frame = pd.DataFrame(
        {"region": [*FORMULAS, "-1.5", "Rostock"], "value": [-1.5, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0]}
    )
    for language, separator in (("de", ";"), ("en", ",")):
        data = exports.csv_bytes(frame.rename(columns={"value": "=x"}), language)
        read = pd.read_csv(io.BytesIO(data), sep=separator, encoding="utf-8-sig", dtype=str)
        assert read.columns.tolist() == ["region", "'=x"]
        assert read["region"].tolist() == [*(f"'{f}" for f in FORMULAS), "-1.5", "Rostock"]
        assert read["'=x"].iloc[0] == ("-1,5" if language == "de" else "-1.5")  # still a number


def test_own_region_csv_downloads_are_neutralised(deferred_downloads):
    open_app("own_region", own="-SUM(1)~13003", ind="population", year="2021")
    files = {n: f for n, f in deferred_downloads.items() if n.startswith("eigene_region")}
    texts = [make().decode("utf-8-sig") for n, make in files.items() if n.endswith(".csv")]
    assert len(texts) == 2  # the chart's data and the table of all indicators
    for text in texts:
        assert "'-SUM(1)" in text and not re.search(r"(^|[;\n])-SUM", text)


def test_excel_keeps_text_as_text():
    """openpyxl stored a text starting with '=' as a formula."""
    frame = pd.DataFrame({"region": FORMULAS, "value": [-1.5, 2.0, 3.0, 4.0, 5.0]})
    data = exports.excel_bytes(frame, pd.DataFrame({"a": [1]}), ("Daten", "Meta"), "Export")
    sheet = openpyxl.load_workbook(io.BytesIO(data))["Daten"]
    cells = list(sheet.iter_rows(min_row=2))
    assert [(c[0].value, c[0].data_type) for c in cells] == [(f, "s") for f in FORMULAS]
    assert cells[0][1].value == -1.5 and cells[0][1].data_type == "n"


def test_profile_pdf_fits_one_page_even_with_every_indicator():
    table = pd.DataFrame(
        {
            "Indikator": [f"Indikator „{k}“ mit langem Namen – Länge" for k in range(72)],
            "Wert": ["34.120 EUR je Einwohner"] * 72,
        }
    )
    pdf = exports.profile_pdf(
        "Regiopolregion Rostock",
        "Regiopolregion · Rostock · MV",
        table,
        ["Im Jahr 2021 lag „BIP je Einwohner“ in der Regiopolregion Rostock bei 34.120 EUR."],
        ["Quelle: BBSR, INKAR (2021). Lizenz: dl-de/by-2-0"],
    )
    assert pdf.startswith(b"%PDF") and pdf.count(b"/Type /Page\n") == 1
