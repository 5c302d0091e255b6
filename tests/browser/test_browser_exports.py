"""Exports in a real browser: a chart's PNG (title, source and date drawn in), the region
profile as a one-page PDF, and a table as Excel with its metadata sheet."""

import io

import pandas as pd
import pypdfium2
from playwright.sync_api import expect

from bench.served import wait_settled
from indicators.display import formatting

TIMEOUT = 45_000


def _download(page, click):
    with page.expect_download(timeout=TIMEOUT) as info:
        click()
    return info.value


def test_chart_png_has_title_source_and_date(server, page_at, screenshot_dir):
    page = page_at()
    page.goto(f"{server}/rangliste?ind=unemployment_rate&year=2021&kind=regiopole")
    wait_settled(page, TIMEOUT)
    chart = page.locator("[data-testid='stPlotlyChart']").first
    chart.hover()
    download = _download(
        page, lambda: chart.get_by_role("button", name="Download plot as a PNG").click()
    )
    assert download.suggested_filename == "rangliste_unemployment_rate_2021.png"
    target = screenshot_dir / "export_chart.png"
    download.save_as(target)
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and target.stat().st_size > 20_000
    # The same figure in the page carries the texts that the PNG is drawn from.
    expect(chart.locator(".gtitle")).to_contain_text("Arbeitslosenquote, 2021")
    source = chart.locator(".annotation-text").last
    expect(source).to_contain_text("abgerufen")  # the day the chart was retrieved
    expect(source).to_contain_text(formatting.today("de"))


def test_profile_pdf_is_one_page(server, page_at, screenshot_dir):
    page = page_at()
    page.goto(f"{server}/profil?region=rostock&year=2021")
    wait_settled(page, TIMEOUT)
    button = page.get_by_role("button", name="Profil als PDF (1 Seite)")
    download = _download(page, button.click)
    target = screenshot_dir / "profil_rostock_2021.pdf"
    download.save_as(target)
    pdf = pypdfium2.PdfDocument(target)
    assert len(pdf) == 1
    picture = pdf[0].render(scale=80 / 72).to_pil()  # for a look at it, as a PNG
    picture.save(screenshot_dir / "profil_pdf.png")
    assert picture.size == (662, 936)  # A4 at 80 dpi
    pdf.close()


def test_table_as_excel_with_metadata(server, page_at):
    page = page_at()
    page.goto(f"{server}/rangliste?ind=unemployment_rate&year=2021&kind=regiopole")
    wait_settled(page, TIMEOUT)
    button = page.get_by_role("button", name="Excel").first
    download = _download(page, button.click)
    sheets = pd.read_excel(
        io.BytesIO(download.path().read_bytes()), sheet_name=None, engine="openpyxl"
    )
    data, meta = sheets["Daten"], sheets["Indikatoren und Quellen"]
    rostock = data.loc[data["Name"] == "Regiopolregion Rostock"].iloc[0]  # columns in words
    assert rostock["Wert"] == 6.7 and len(data) == 24  # rounded as declared; Gera/Jena: one row
    assert (rostock["Jahr"], rostock["Lizenz"]) == (2021, "dl-de/by-2-0")
    assert "Export vom" in meta.columns[0]
    assert "Bundesagentur" in meta.to_string() or "INKAR" in meta.to_string()
