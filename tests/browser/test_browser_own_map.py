"""Eigene Region's Kreis map in a real browser (software WebGL): a click on a Kreis adds it
to the list, the summary and the link, a second click removes it, a change of the list
redraws the map; nothing is fetched beyond the app's own server, and axe finds nothing
serious. Timings: bench/own_map_click.py (not asserted here: the machine may be shared)."""

import re
import urllib.parse

from audit import axe_findings
from playwright.sync_api import expect

from bench.own_map_click import LINK, MAP, click_kreis, geometry, map_ready, summary_has
from indicators import own_region

TIMEOUT = 60_000


def _members(page):
    """The Kreise the link names (own_region.decode)."""
    own = urllib.parse.parse_qs(urllib.parse.urlparse(page.url).query)["own"][-1]
    return own_region.decode(own, geometry().ags)[1]


def test_clicks_toggle_kreise_in_list_summary_and_link(server, page_at, screenshot_dir):
    geo = geometry()
    page = page_at("1280x800")
    outside = []
    page.on(
        "request",
        lambda r: outside.append(r.url) if not r.url.startswith((server, "data:", "blob:")) else 0,
    )
    page.goto(f"{server}/{LINK}")
    page.locator(MAP).scroll_into_view_if_needed(timeout=TIMEOUT)
    map_ready(page)
    expect(page.locator(MAP)).to_have_attribute("aria-label", re.compile("Karte der Kreise"))
    page.screenshot(path=screenshot_dir / "own_map_link.png")

    click_kreis(page, geo, "13071")  # Mecklenburgische Seenplatte
    summary_has(page, "13071")
    page.wait_for_url(re.compile(r"own="), timeout=TIMEOUT)
    map_ready(page)
    expect(page.locator(".st-key-own_chosen")).to_contain_text("Mecklenburgische Seenplatte")
    assert set(_members(page)) == {"13003", "13072", "13073", "13071"}
    assert _members(page)["13073"] == 0.5  # the share of the link is kept
    page.screenshot(path=screenshot_dir / "own_map_clicked.png")

    click_kreis(page, geo, "13071")  # again: removed
    summary_has(page, "13071", present=False)
    map_ready(page)
    expect(page.locator(".st-key-own_chosen")).not_to_contain_text("Mecklenburgische")
    assert set(_members(page)) == {"13003", "13072", "13073"}

    # the list: removing a Kreis there takes it off the map, the summary and the link
    page.locator(".st-key-own_chosen [aria-label^='Remove'][aria-label*='13003']").first.click()
    summary_has(page, "13003", present=False)
    map_ready(page)
    assert set(_members(page)) == {"13072", "13073"}
    click_kreis(page, geo, "13003")  # a small city, but its point lies inside it
    summary_has(page, "13003")
    map_ready(page)
    assert set(_members(page)) == {"13003", "13072", "13073"}
    assert not outside, outside  # no tiles, no fonts, nothing from the network


def test_own_map_page_has_no_serious_axe_findings(server, page_at):
    page = page_at("1280x800")
    page.goto(f"{server}/{LINK}")
    page.locator(MAP).scroll_into_view_if_needed(timeout=TIMEOUT)
    map_ready(page)
    assert not axe_findings(page)
