"""Main user paths in a real browser: shared links to the map and the Rostock profile,
changing the indicator, at laptop (1280×800) and projector (1920×1080) size; switching
pages keeps the view."""

import re

import pytest
from playwright.sync_api import expect

from bench.served import wait_settled

SIZES = {"1280x800": (1280, 800), "1920x1080": (1920, 1080)}
TIMEOUT = 45_000


def _page(browser, size):
    width, height = SIZES[size]
    context = browser.new_context(viewport={"width": width, "height": height}, locale="de-DE")
    return context.new_page()


def _settled(page):
    wait_settled(page, TIMEOUT)
    page.wait_for_timeout(500)


@pytest.mark.parametrize("size", SIZES)
def test_shared_map_link_and_indicator_change(server, browser, screenshot_dir, size):
    page = _page(browser, size)
    page.goto(f"{server}/karte?ind=unemployment_rate&year=2021&level=kreis")
    _settled(page)
    expect(page.get_by_role("heading", name="Karte")).to_be_visible(timeout=TIMEOUT)
    expect(page.locator("[data-testid='stPlotlyChart'] .choroplethlocation").first).to_be_visible(
        timeout=TIMEOUT
    )
    expect(page.get_by_text("Arbeitslosenquote (%), 2021").first).to_be_visible(timeout=TIMEOUT)
    page.screenshot(path=screenshot_dir / f"map_{size}.png")

    box = page.get_by_label("Indikator").first
    box.click()
    box.fill("Ärzte je 10")
    page.get_by_role("option", name="Ärzte je 10.000 Einwohner", exact=True).click()
    _settled(page)
    expect(
        page.get_by_text(
            re.compile(
                r"Ärzte je 10\.000 Einwohner \(je 10\.000 Einwohner\), "
                r"20\d\d"
            )
        ).first
    ).to_be_visible(timeout=TIMEOUT)
    page.wait_for_url(re.compile(r"ind=physicians_per_10000"), timeout=TIMEOUT)
    page.screenshot(path=screenshot_dir / f"map_changed_{size}.png")
    page.context.close()


@pytest.mark.parametrize("size", SIZES)
def test_shared_rostock_profile_link(server, browser, screenshot_dir, size):
    page = _page(browser, size)
    page.goto(f"{server}/profil?region=rostock&year=2021")
    _settled(page)
    expect(page.get_by_role("heading", name="Regiopolregion Rostock")).to_be_visible(
        timeout=TIMEOUT
    )
    expect(page.get_by_text("34.120", exact=True).first).to_be_visible(timeout=TIMEOUT)
    page.screenshot(path=screenshot_dir / f"profile_{size}.png", full_page=True)
    page.context.close()


def test_page_switch_keeps_the_view(server, browser):
    """The indicator and year chosen on the map are those the ranking opens with."""
    page = _page(browser, "1280x800")
    page.goto(f"{server}/karte?ind=gdp_per_capita&year=2021&level=region")
    _settled(page)
    page.get_by_role("link", name="Rangliste").first.click()
    page.wait_for_url(re.compile(r"/rangliste\?.*ind=gdp_per_capita&year=2021"), timeout=TIMEOUT)
    _settled(page)
    expect(page.locator(".st-key-w_ind input")).to_have_value("BIP je Einwohner", timeout=TIMEOUT)
    page.get_by_role("link", name="Karte").first.click()
    page.wait_for_url(
        re.compile(r"/karte\?.*ind=gdp_per_capita&year=2021&level=region"), timeout=TIMEOUT
    )
    page.context.close()
