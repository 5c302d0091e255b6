"""Exports: PNG settings and dated source lines on charts, Excel with a metadata sheet, the
region profile as a one-page PDF."""

import io
import json

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
