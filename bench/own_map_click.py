"""Click benchmark of the own region's Kreis map: `python bench/own_map_click.py` runs the
real server on 127.0.0.1 and Debian's Chromium (headless, software WebGL), opens
/eigene-region with a shared link, and clicks Kreise on the map: first each is added, then
each removed again. It reports, per click, the time from the click to the page naming the
new selection in words (the summary under the map), and the median (goal: ≤ 1 s).

Also used by tests/browser/test_browser_own_map.py: where to click on a Kreis
(`click_kreis`) and when the page names a Kreis (`summary_has`). Timings are not asserted
in tests: the machine may be shared.
"""

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # `bench` when run as a script

from bench.served import launch_chromium, streamlit_server, wait_settled

LINK = "eigene-region?own=Rostock-Kreise~13003,13072,13073*0.5&ind=population&year=2021"
# Large Kreise across Germany (easy to hit at the map's zoom), none in the link's region.
KREISE = ("13071", "03454", "05958", "09187", "14626", "15081", "08136", "12073")
MAP = "[data-testid='stDeckGlJsonChart']"
SUMMARY = ".stMain [data-testid='stCaptionContainer']"
TIMEOUT = 60_000


def geometry():
    """The map's geometry as the page draws it (display.deckmap)."""
    from indicators import open_db
    from indicators.display import context, deckmap

    names = dict(open_db().execute("SELECT ags, name FROM kreise").fetchall())
    return deckmap.geometry(context.read_geojson("kreise.geojson", overview=True), names)


def map_ready(page):
    """Wait until the page's run is over and the map's canvas is there (a changed selection
    gives the map a new key: the browser draws it anew)."""
    wait_settled(page, TIMEOUT)
    page.wait_for_selector(f"{MAP} canvas", timeout=TIMEOUT)
    page.wait_for_timeout(400)  # deck.gl draws in the next animation frames


def click_kreis(page, geo, ags):
    """Click the point inside the Kreis, projected as deck.gl does at the map's view."""
    from indicators.display import deckmap

    box = page.locator(MAP).bounding_box()
    lon, lat = geo.points[ags]
    x, y = deckmap.pixel(lon, lat, box["width"], box["height"])
    page.mouse.click(box["x"] + x, box["y"] + y)


def summary_has(page, ags, present=True, timeout=TIMEOUT):
    """Wait until the summary under the map names the Kreis (or no longer does)."""
    page.wait_for_function(
        """([selector, ags, present]) => {
             const words = [...document.querySelectorAll(selector)]
               .map(e => e.innerText).find(t => /Kreis(e)? (gewählt|chosen)/.test(t)) || '';
             return words.includes(`(${ags})`) === present;
           }""",
        arg=[SUMMARY, ags, present],
        timeout=timeout,
        polling=20,
    )


def measure(url, kreise=KREISE):
    """Seconds from each click to the summary showing it: all added, then all removed."""
    from playwright.sync_api import sync_playwright

    geo = geometry()
    timings = []
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        page = browser.new_page(viewport={"width": 1280, "height": 800}, locale="de-DE")
        page.goto(f"{url}/{LINK}")
        page.locator(MAP).scroll_into_view_if_needed(timeout=TIMEOUT)
        map_ready(page)
        for present in (True, False):
            for ags in kreise:
                start = time.perf_counter()
                click_kreis(page, geo, ags)
                summary_has(page, ags, present)
                timings.append((ags, present, time.perf_counter() - start))
                map_ready(page)
        browser.close()
    return timings


def measure_floor(url, clicks=8):
    """Seconds from a click on a square of bench/floor_deck.py to its caption naming it."""
    from playwright.sync_api import sync_playwright

    from indicators.display import deckmap

    timings = []
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        page = browser.new_page(viewport={"width": 1280, "height": 800}, locale="de-DE")
        page.goto(url)
        map_ready(page)
        for n in range(clicks):
            x, y = 5 + n % 10, 47 + n % 8
            box = page.locator(MAP).bounding_box()
            px, py = deckmap.pixel(x + 0.5, y + 0.5, box["width"], box["height"])
            start = time.perf_counter()
            page.mouse.click(box["x"] + px, box["y"] + py)
            page.wait_for_function(
                "id => document.body.innerText.includes(id)", arg=f"q{x}_{y}", polling=20
            )
            timings.append(time.perf_counter() - start)
            map_ready(page)
        browser.close()
    return timings


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kreise", type=int, default=len(KREISE), help="Kreise to click")
    args = parser.parse_args()
    with streamlit_server("bench/floor_deck.py") as server:
        floor = statistics.median(measure_floor(server.url))
    with streamlit_server() as server:
        timings = measure(server.url, KREISE[: args.kreise])
    for ags, present, seconds in timings:
        print(f"{'add' if present else 'remove':6} {ags}: {seconds:.3f} s")
    values = [seconds for _, _, seconds in timings]
    median = statistics.median(values)
    print(f"floor (bench/floor_deck.py, a bare pydeck chart): median {floor:.3f} s")
    print(f"clicks: {len(values)}, median {median:.3f} s = {median / floor:.1f}× the floor, ")
    print(f"min {min(values):.3f} s, max {max(values):.3f} s (goal: median ≤ 1 s)")


if __name__ == "__main__":
    main()
