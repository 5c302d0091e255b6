"""Exports: PNG settings and dated source lines on charts, Excel with a metadata sheet, the
region profile as a one-page PDF."""

import io
import json
import re

import openpyxl
import pandas as pd
from helpers import open_app, plotly_specs

from indicators.display import exports, formatting
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
    assert "BBSR" in source and f"Stand {formatting.today('de')}" in source
    labels = [b.label for b in at.get("download_button")]
    assert "Daten als CSV" in labels and "Excel" in labels


def test_profile_offers_a_pdf():
    at = open_app("profile", region="rostock", year="2021")
    assert "Profil als PDF (1 Seite)" in [b.label for b in at.get("download_button")]


def test_excel_has_data_and_metadata_sheets(con):
    frame = pd.DataFrame({"region_id": ["rostock"], "value": [6.7]})
    meta = exports.metadata(snapshot(con), ["unemployment_rate", "gdp_per_capita"], "de")
    data = exports.excel_bytes(frame, meta, ("Daten", "Indikatoren"), "Export vom 22.11.2026")
    sheets = pd.read_excel(io.BytesIO(data), sheet_name=None, engine="openpyxl")
    assert list(sheets) == ["Daten", "Indikatoren"]
    assert sheets["Daten"]["value"].tolist() == [6.7]
    described = pd.read_excel(
        io.BytesIO(data), sheet_name="Indikatoren", header=2, engine="openpyxl"
    )
    row = described.set_index("indicator_id").loc["gdp_per_capita"]
    assert row["label"] == "BIP je Einwohner" and row["licence"] == "dl-de/by-2-0"
    assert "INKAR" in row["source"]


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
