"""Benchmarks: `python bench/run.py` prints a Markdown table (median, p95, target) and
writes bench/results/latest.json.

Sections: database build; the queries behind the typical views; one server-side rerun of
every page (AppTest) and its ratio to a near-empty Streamlit page measured in the same run;
in Chromium, first view (and its ratio to a page with nothing but a two-bar Plotly chart,
the browser's floor) and indicator change on the served app; bytes the browser receives
for the map page; server memory with 1 and 20 live sessions. Measures this machine only.
"""

import argparse
import asyncio
import json
import os
import platform
import statistics
import sys
import tempfile
import time
import tomllib
import zlib
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # `bench` when run as a script

from bench.served import (
    CHROMIUM,
    launch_chromium,
    session_run,
    streamlit_server,
    wait_settled,
)
from indicators import compare, open_db
from indicators.build import build
from indicators.display import pages as registry
from indicators.paths import REPO_ROOT
from indicators.snapshot import snapshot

RESULTS = Path(__file__).with_name("results")
# Every page of the registry but those that show another's content or need a user's input
# first (a slide runs a page measured anyway; the own region page waits for a region).
PAGES = [p.name for p in registry.PAGES if p.name not in ("presentation", "own_region")]
WS_DEFLATE = (
    tomllib.loads((REPO_ROOT / ".streamlit" / "config.toml").read_text())
    .get("server", {})
    .get("enableWebsocketCompression", False)
)
MAP_URL = "/karte?ind=unemployment_rate&year=2021&level=kreis"
PROFILE_URL = "/profil?region=rostock&year=2021"


def percentiles(samples):
    samples = sorted(samples)
    return statistics.median(samples), samples[min(len(samples) - 1, int(0.95 * len(samples)))]


def timed(func, repeat, warmup=1):
    """Milliseconds per call: (median, p95) over `repeat` runs after `warmup` runs."""
    for _ in range(warmup):
        func()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        samples.append((time.perf_counter() - start) * 1000)
    return percentiles(samples)


def bench_build(repeat):
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "bench.duckdb"
        return {"database build from data/": (*timed(lambda: build(target), repeat, 0), "< 10 s")}


def bench_queries(repeat):
    con = open_db()
    snap = snapshot(con)
    regions = list(snap.regions.index)

    def map_query():
        con.execute(
            "SELECT k.ags, v.value FROM kreise k LEFT JOIN kreis_values v ON "
            "v.ags = k.ags AND v.indicator_id = ? AND v.year = ?",
            ["unemployment_rate", 2021],
        ).df()

    def scatter():
        snap.values("gdp_per_capita", 2021, regions)
        snap.values("unemployment_rate", 2021, regions)
        snap.values("population", 2021, regions)

    calls = {
        "query: map (one indicator × year, 400 Kreise)": map_query,
        "query: scatter (two indicators, all regions)": scatter,
        "compare.group_summary": lambda: compare.group_summary(con, "gdp_per_capita", 2021),
        "compare.ranking": lambda: compare.ranking(con, "gdp_per_capita", 2021),
        "compare.peer_gap": lambda: compare.peer_gap(con, "rostock", "gdp_per_capita", 2021),
        "compare.change": lambda: compare.change(con, "population", 2011, 2021),
        "compare.convergence": lambda: compare.convergence(con, "gdp_per_capita"),
        "compare.similar_regions": lambda: compare.similar_regions(con, "trier", 2021),
        "compare.profile": lambda: compare.profile(con, "rostock", 2021),
    }
    return {name: (*timed(call, repeat), "< 50 ms") for name, call in calls.items()}


def bench_pages(repeat):
    """Server time of one rerun per page after warm-up, and the ratio to an empty page."""
    from streamlit.testing.v1 import AppTest

    floor = AppTest.from_string("import streamlit as st\nst.write('Regiopolen-Monitor')")
    floor.run()
    floor_median, floor_p95 = timed(floor.run, repeat)
    results = {"page rerun: near-empty Streamlit page (floor)": (floor_median, floor_p95, "")}
    for page in PAGES:
        app = AppTest.from_file(str(REPO_ROOT / "dashboard.py"), default_timeout=120)
        app.run()
        app.switch_page(f"views/{page}.py")
        median, p95 = timed(app.run, repeat, warmup=2)
        if app.exception:  # a page that fails is fast, and its figure meaningless
            raise RuntimeError(f"page {page} failed: {app.exception[0].stack_trace}")
        results[f"page rerun: {page} (× floor: {median / floor_median:.1f})"] = (
            median,
            p95,
            "p95 ≤ 300 ms",
        )
    return results


def _transfer(page, url):
    """MB received for a page view: HTTP transfer sizes (the browser's own resource timing,
    so cached bundles count as 0) plus websocket frames. The browser reports frames
    decompressed; with permessage-deflate on (.streamlit/config.toml) each counts as its
    deflated size, an upper bound of the wire bytes."""
    frames = [0]

    def received(payload):
        data = payload.encode() if isinstance(payload, str) else payload
        frames[0] += len(zlib.compress(data, 6)) if WS_DEFLATE else len(data)

    page.on("websocket", lambda ws: ws.on("framereceived", received))
    page.goto(url)
    wait_settled(page)
    page.wait_for_timeout(2000)
    http = page.evaluate(
        "performance.getEntriesByType('resource').reduce("
        "(sum, e) => sum + e.transferSize, 0) + "
        "performance.getEntriesByType('navigation')[0].transferSize"
    )
    return (http + frames[0]) / 1e6


def first_views(browser, url, selector, repeat):
    """Milliseconds from the request to `selector` being visible, each in a fresh context
    (a first visit: no cache, no session)."""
    samples = []
    for _ in range(repeat):
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        page = context.new_page()
        start = time.perf_counter()
        page.goto(url)
        page.wait_for_selector(selector, state="visible", timeout=60_000)
        samples.append((time.perf_counter() - start) * 1000)
        context.close()
    return samples


def bench_browser_floor(repeat):
    """First view of a page with only a two-bar Plotly chart (bench/floor_app.py): what
    Streamlit and Plotly cost before any of our code runs."""
    from playwright.sync_api import sync_playwright

    with streamlit_server("bench/floor_app.py") as server, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        samples = first_views(
            browser, server.url, "[data-testid='stPlotlyChart'] .bars path", repeat
        )
        browser.close()
    return {
        "browser: first view, Streamlit page with a two-bar Plotly chart (floor)": (
            *percentiles(samples),
            "",
        )
    }


def bench_browser(server, repeat, floor_ms):
    from playwright.sync_api import sync_playwright

    results = {}
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        for label, url, selector in (
            ("map", MAP_URL, "[data-testid='stPlotlyChart'] .choroplethlocation"),
            ("profile", PROFILE_URL, "[data-testid='stMetric']"),
        ):
            median, p95 = percentiles(first_views(browser, server.url + url, selector, repeat))
            name = f"browser: first view of the {label} (request → chart visible)"
            results[f"{name} (× floor: {median / floor_ms:.1f})"] = (median, p95, "≤ 3 s")

        context = browser.new_context(viewport={"width": 1280, "height": 800})
        page = context.new_page()
        page.goto(server.url + MAP_URL)
        wait_settled(page)
        samples = []
        for step in range(repeat):
            label, query = (
                ("Ärzte je 10.000 Einwohner", "Ärzte je 10")
                if step % 2 == 0
                else ("Arbeitslosenquote", "Arbeitslosen")
            )
            box = page.get_by_label("Indikator").first
            box.click()
            box.fill(query)
            start = time.perf_counter()
            page.get_by_role("option", name=label, exact=True).click()
            page.get_by_text(f"{label} (").first.wait_for(state="visible", timeout=30_000)
            samples.append((time.perf_counter() - start) * 1000)
            wait_settled(page)
        results["browser: change indicator on the map → updated legend"] = (
            *percentiles(samples),
            "median ≤ 1 s",
        )
        context.close()

        context = browser.new_context(viewport={"width": 1280, "height": 800})
        first = _transfer(context.new_page(), server.url + MAP_URL)
        again = _transfer(context.new_page(), server.url + MAP_URL)
        results["browser: MB received for the map page, first visit"] = (first, first, "≤ 3 MB")
        results["browser: MB received for the map page, returning visitor"] = (
            again,
            again,
            "≤ 3 MB",
        )
        context.close()
        browser.close()
    return results


def bench_memory(server, sessions=20):
    """Resident memory of the server with 1 and with `sessions` live sessions (map and
    profile views, connections kept open while measuring)."""
    views = [("karte", MAP_URL.split("?")[1]), ("profil", PROFILE_URL.split("?")[1])]

    async def live(count):
        hold, finished = asyncio.Event(), []
        tasks = [
            asyncio.create_task(session_run(server.port, *views[n % 2], hold, finished))
            for n in range(count)
        ]
        while len(finished) < count:
            failed = [t for t in tasks if t.done() and t.exception()]
            if failed:
                raise failed[0].exception()
            await asyncio.sleep(0.2)
        usage = server.memory_mb()
        hold.set()
        await asyncio.gather(*tasks)
        return usage

    one = asyncio.run(live(1))
    many = asyncio.run(live(sessions))
    return {
        "server memory, 1 session (MB; median column: current, p95 column: peak)": (*one, ""),
        f"server memory, {sessions} sessions (MB; current, peak)": (*many, "≤ 1,500 MB"),
    }


def report(results):
    for name, (median, p95, target) in results.items():
        unit = "" if "MB" in name else " ms"
        print(f"| {name} | {median:,.1f}{unit} | {p95:,.1f}{unit} | {target} |", flush=True)
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=20, help="runs per measurement")
    parser.add_argument("--skip-browser", action="store_true")
    args = parser.parse_args()
    header = (
        f"Measured {date.today().isoformat()} on {platform.machine()}, "
        f"{os.cpu_count()} cores, Python {platform.python_version()}; "
        f"{args.repeat} runs per query and page."
    )
    print(
        header,
        "",
        "| measurement | median | p95 | target |",
        "| --- | --- | --- | --- |",
        sep="\n",
        flush=True,
    )
    results = {
        **report(bench_build(5)),
        **report(bench_queries(args.repeat)),
        **report(bench_pages(args.repeat)),
    }
    if os.path.exists(CHROMIUM) and not args.skip_browser:
        views = max(5, args.repeat // 4)
        floor = report(bench_browser_floor(views))
        results.update(floor)
        with streamlit_server() as server:
            results.update(report(bench_browser(server, views, next(iter(floor.values()))[0])))
            results.update(report(bench_memory(server)))
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "latest.json").write_text(
        json.dumps({"header": header, "results": results}, indent=2, ensure_ascii=False)
    )


if __name__ == "__main__":
    main()
