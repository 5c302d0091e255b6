"""Every page and every slide as a reader sees it, in German and English at 1280×800 and
1920×1080: no text cut or spilling out of its box, no legend on a chart's title, no raw
identifier in visible text, and no serious or critical WCAG 2.1 A/AA violation (axe-core).
Also: the pages reflow at 320 px without horizontal scrolling, and the controls can be
reached by keyboard with a visible focus."""

import pytest
from audit import axe_findings, identifier_findings, layout_findings
from playwright.sync_api import expect

from bench.served import wait_settled
from indicators.display import presentations
from indicators.display.pages import PAGES

TIMEOUT = 60_000
SLIDES = len(presentations.load("netzwerk")["slides"])
VIEWS = [page.path for page in PAGES if page.name != "presentation"] + [
    f"praesentation?deck=netzwerk&slide={n}" for n in range(1, SLIDES + 1)
]


def drawn(page):
    """Wait until the page has its heading, the run is over and every chart is drawn (not
    just its placeholder)."""
    page.wait_for_selector(".stMain h1, .stMain h2", timeout=TIMEOUT)
    wait_settled(page, TIMEOUT)
    page.wait_for_function(
        """() => !document.querySelector('[data-testid="stSkeleton"]')
              && [...document.querySelectorAll('[data-testid="stPlotlyChart"]')]
                   .every(c => c.querySelector('.main-svg'))""",
        timeout=TIMEOUT,
    )
    page.wait_for_timeout(800)


def url(server, view, lang):
    joiner = "&" if "?" in view else "?"
    return f"{server}/{view}" + (f"{joiner}lang=en" if lang == "en" else "")


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("size", ["1280x800", "1920x1080"])
def test_every_page_and_slide_reads_cleanly(server, page_at, size, lang):
    page = page_at(size)
    problems = {}
    for view in VIEWS:
        page.goto(url(server, view, lang))
        drawn(page)
        found = layout_findings(page) + identifier_findings(page) + axe_findings(page)
        if found:
            problems[view] = found
    assert not problems, "\n".join(f"{v}: {f}" for v, fs in problems.items() for f in fs)


def test_pages_reflow_at_320_px(server, page_at):
    """WCAG 1.4.10: at 320 CSS px (a 1280 px window at 400 % zoom) no text needs
    horizontal scrolling of the page; a data table (the exception the criterion makes for
    two-dimensional content) scrolls inside its own box, and the page does not."""
    page = page_at("320x800")
    wide = {}
    for view in VIEWS[: len(PAGES) - 1]:
        page.goto(url(server, view, "de"))
        drawn(page)
        overflow = page.evaluate(
            """() => [...document.querySelectorAll(
                   '.stMain p, .stMain h1, .stMain h2, .stMain h3, .stMain label')]
                 .filter(e => e.innerText.trim()
                   && !e.closest('[data-testid="stTable"]')
                   && e.getBoundingClientRect().right > window.innerWidth + 1)
                 .map(e => e.innerText.slice(0, 40))"""
        )
        if overflow:
            wide[view] = overflow[:5]
    assert not wide, wide


def test_controls_by_keyboard_with_visible_focus(server, page_at):
    """Tab reaches the ranking's controls in reading order, each with a visible focus."""
    page = page_at("1280x800")
    page.goto(f"{server}/rangliste")
    drawn(page)
    expect(page.locator(".st-key-w_ind input")).to_be_visible(timeout=TIMEOUT)
    page.locator(".stMain h1").first.click()
    reached = []
    for _ in range(40):
        page.keyboard.press("Tab")
        page.wait_for_timeout(100)
        reached.append(
            page.evaluate(
                """() => {
                  const e = document.activeElement;
                  const s = getComputedStyle(e);
                  const ring = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0
                    || s.boxShadow !== 'none';
                  const own = e.closest('.stElementContainer')
                    ?.querySelector('[data-testid="stWidgetLabel"], label');
                  const label = (own ? own.innerText : '') || e.getAttribute('aria-label')
                    || e.innerText || e.value || '';
                  const inMain = !!e.closest('.stMain');
                  return {label: label.slice(0, 40), ring, inMain, tag: e.tagName};
                }"""
            )
        )
    main = [r for r in reached if r["inMain"] and r["tag"] != "MAIN"]  # not the page itself
    labels = " | ".join(f"{r['tag']}:{r['label']}" for r in main)
    for control in ("Indikator", "Jahr", "Regionen", "Veränderung seit", "Satz für Region"):
        assert control in labels, labels
    hidden = [r for r in main if not r["ring"]]
    assert not hidden, hidden
