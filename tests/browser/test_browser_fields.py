"""The field view and the profile's "Was auffällt" in a real browser, German and English:
a shared link opens the field for the region, switching the field updates link and table."""

import re

import pytest
from playwright.sync_api import expect
from test_browser_audit import drawn

TIMEOUT = 45_000


@pytest.mark.parametrize("lang", ["de", "en"])
def test_field_view_link_and_switch(server, page_at, screenshot_dir, lang):
    page = page_at("1280x800")
    suffix = "&lang=en" if lang == "en" else ""
    page.goto(f"{server}/handlungsfelder?field=health_care&region=trier{suffix}")
    drawn(page)
    de = lang == "de"
    expect(page.get_by_role("heading", name="Gesundheitsversorgung" if de else "Health care"))
    grid = page.locator("[data-testid='stDataFrame'], [data-testid='stTable']").first
    expect(grid).to_be_visible(timeout=TIMEOUT)
    expect(page.get_by_text("Im RegioPole-Netzwerk federführend" if de else "Lead in the"))
    page.screenshot(path=screenshot_dir / f"fields_{lang}.png", full_page=True)

    box = page.locator(".st-key-w_field input")
    box.click()
    box.fill("Mobil")
    page.get_by_role("option", name="Mobilität" if de else "Mobility", exact=True).click()
    page.wait_for_url(re.compile(r"field=mobility"), timeout=TIMEOUT)
    drawn(page)
    expect(page.get_by_role("heading", name="Mobilität" if de else "Mobility")).to_be_visible(
        timeout=TIMEOUT
    )
    assert "region=trier" in page.url


@pytest.mark.parametrize("lang", ["de", "en"])
def test_profile_says_what_stands_out(server, page_at, lang):
    page = page_at("1280x800")
    suffix = "&lang=en" if lang == "en" else ""
    page.goto(f"{server}/profil?region=rostock{suffix}")
    drawn(page)
    heading = "Was auffällt" if lang == "de" else "What stands out"
    expect(page.get_by_role("heading", name=heading)).to_be_visible(timeout=TIMEOUT)
    words = "die stärkste Verbesserung" if lang == "de" else "the largest improvement"
    expect(page.get_by_text(re.compile(words)).first).to_be_visible(timeout=TIMEOUT)
