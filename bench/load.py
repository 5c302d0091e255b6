"""Load test: `python bench/load.py` serves the real app on 127.0.0.1 and drives concurrent
Streamlit sessions (websocket clients, every view a new session) for a fixed time, in five
phases measured in one run, so that the machine's speed of the moment cancels out:

1. floor: Streamlit itself, a page with one small Plotly chart (bench/floor_app.py), with
   Streamlit's default settings for every run (a full garbage collection after each run,
   the source files watched), as the issue that set the target measured it;
2. floor_tuned: the same page with the app's settings (.streamlit/config.toml: neither);
3. app: the dashboard, one worker, the main views with varying indicators, regions, years;
   its new views per second as a ratio to each floor's is the per-view cost;
4. and 5. the dashboard through HAProxy (deploy/cluster.py) with 1 and with 2 workers, each
   view also downloading one file (CSV, Excel or the profile's PDF) with the balancer's
   cookie, as a browser does; 2 workers' views per second over 1 worker's is the scaling.

Errors (exceptions shown, failed connections, downloads that fail or are not the file
type) must be 0. With --profile, py-spy samples the app's server during phase 3 (only while
a thread holds the GIL, i.e. where the CPU goes) and the report lists the top entries.
Bounded in count and time; it stops by itself. Phases 4 and 5 need HAProxy
(Debian: `apt-get install haproxy`) and are skipped, with a note, without it.
"""

import argparse
import asyncio
import contextlib
import itertools
import json
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # `bench` when run as a script

from bench.served import browser_session, session_run, streamlit_server
from deploy.cluster import cluster, haproxy_binary

INDICATORS = [
    "gdp_per_capita",
    "unemployment_rate",
    "household_income_per_capita",
    "physicians_per_10000",
    "broadband_1000_share",
    "population",
    "share_65_plus",
]
REGIONS = [
    "rostock",
    "trier",
    "bielefeld",
    "erfurt",
    "siegen",
    "koblenz",
    "wuerzburg",
    "paderborn",
    "muenchen",
    "ruhr",
    "hamburg",
]
RESULTS = Path(__file__).with_name("results")


def views(rng):
    """An endless, varied sequence of (page, query, download) the main user paths go
    through; the download is the file a visitor of that view takes (the profile's PDF, else
    the data as CSV or Excel)."""
    while True:
        ind = rng.choice(INDICATORS)
        regions = ",".join(rng.sample(REGIONS, 3))
        page, query = rng.choice(
            [
                ("karte", f"ind={ind}&level={rng.choice(['kreis', 'region'])}"),
                ("profil", f"region={rng.choice(REGIONS)}"),
                ("rangliste", f"ind={ind}&kind={rng.choice(['regiopole', 'all'])}"),
                ("vergleich", f"ind={ind}&regions={regions}"),
                ("entwicklung", f"ind={ind}&regions={regions}"),
                ("zusammenhaenge", f"x={ind}&y=unemployment_rate&regions={regions}"),
                ("", f"set={rng.choice(['aring_reuther', 'regiostar', 'network'])}"),
            ]
        )
        yield page, query, "pdf" if page == "profil" else rng.choice(["csv", "xlsx"])


def floor_views(_rng):
    return itertools.repeat(("", "", None))


async def client(visit, sequence, deadline, max_views, results):
    for page, query, download in itertools.islice(sequence, max_views):
        if time.monotonic() > deadline:
            return
        name = page or "ueberblick"
        try:
            run = await visit(page, query, download)
        except Exception as exc:  # a refused or broken connection counts as an error
            results.append({"page": name, "seconds": None, "error": True, "detail": repr(exc)})
            continue
        failed = run.download is not None and not run.download[2]
        detail = f"{page}?{query}: " + ("download failed" if failed else "exception shown")
        results.append(
            {
                "page": name,
                "seconds": run.seconds,
                "in_time": time.monotonic() <= deadline,  # finished within the phase
                "error": run.exceptions > 0 or failed,
                "download": run.download,
                # a view that shows no data (e.g. too few years) offers no download
                "not_offered": download is not None and run.download is None,
                **({"detail": detail} if failed or run.exceptions else {}),
            }
        )


def load(visit, make_views, sessions, seconds, max_views):
    """Run `sessions` clients for `seconds`; each client's views from its own seed."""
    deadline = time.monotonic() + seconds

    async def all_clients():
        results = []
        await asyncio.gather(
            *(
                client(visit, make_views(random.Random(n)), deadline, max_views, results)
                for n in range(sessions)
            )
        )
        return results

    return asyncio.run(all_clients())


def summary(results, seconds, sessions, memory=None):
    times = sorted(r["seconds"] for r in results if r["seconds"] is not None)

    def ms(q):  # the q-quantile in milliseconds
        return round(1000 * times[min(len(times) - 1, int(q * len(times)))]) if times else None

    downloads = [r["download"] for r in results if r.get("download")]
    served = sum(r.get("in_time", False) and not r["error"] for r in results)
    return {
        "sessions": sessions,
        "seconds": seconds,
        "views": len(results),
        "errors": sum(r["error"] for r in results),
        # views finished without error within the phase (not those it was still waiting for)
        "views_per_second": round(served / seconds, 2),
        "latency_ms": {
            "median": round(1000 * statistics.median(times)) if times else None,
            "p90": ms(0.90),
            "p95": ms(0.95),
            "max": ms(1.0),
        },
        "downloads": {
            kind: sum(d[0] == kind and d[2] for d in downloads) for kind in ("csv", "xlsx", "pdf")
        },
        "failed_downloads": sum(not d[2] for d in downloads),
        "views_without_the_download": sum(r.get("not_offered", False) for r in results),
        **({"server_memory_mb": {"current": memory[0], "peak": memory[1]}} if memory else {}),
        "error_details": [r["detail"][:200] for r in results if r.get("detail")][:5],
    }


# Streamlit's defaults for what .streamlit/config.toml turns off (see there).
STREAMLIT_DEFAULTS = ("--runner.postScriptGC", "true", "--server.fileWatcherType", "auto")


# Frames that carry every sample of their thread, whatever the work: the threads, the
# server's loop, Streamlit's script run and our entry script and page runner.
SCAFFOLD = (
    "(threading.py)",
    "(<frozen runpy>)",
    "(click/",
    "(asyncio/",
    "(uvicorn/",
    "(streamlit/__main__.py)",
    "(streamlit/web/",
    "ScriptRunner._run_script",
    "(streamlit/runtime/scriptrunner/exec_code.py)",
    "(streamlit/navigation/page.py)",
    "CachedFunc.__call__",
    "CachedFunc._get_or_create_cached_value",
    "<module> (dashboard.py)",
    "page (render.py)",
)


def top_entries(raw, count=15):
    """The functions most samples of a py-spy raw profile are in (inclusive, in percent),
    without the SCAFFOLD frames."""
    inclusive, total = Counter(), 0
    for line in raw.splitlines():
        stack, _, samples = line.rpartition(" ")
        total += int(samples)
        for frame in {re.sub(r":\d+\)$", ")", f) for f in stack.split(";")}:
            inclusive[frame] += int(samples)
    shares = [
        (frame, round(100 * n / total, 1))
        for frame, n in inclusive.most_common()
        if not any(part in frame for part in SCAFFOLD)
    ]
    return shares[:count]


@contextlib.contextmanager
def profiled(pid, seconds, report):
    """py-spy on process `pid` for `seconds` (GIL-holding threads only); its top entries
    into the dict `report`, under "profile". Skipped, with a note, without py-spy."""
    if shutil.which("py-spy") is None:
        report["profile"] = "skipped: py-spy is not installed (pip install py-spy)"
        yield
        return
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "profile.txt"
        command = ["py-spy", "record", "--gil", "--format", "raw", "--rate", "50"]
        command += ["--duration", str(seconds), "--pid", str(pid), "--output", str(out)]
        spy = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        yield
        spy.wait(timeout=seconds + 60)
        report["profile"] = top_entries(out.read_text()) if out.exists() else "no samples"


def _warm_up(visit, make_views, workers=1):
    """One view of each page, before the clock runs: what a server loads once (the
    database snapshot, the geometry, each page's modules) is not a new view's cost. Behind
    the balancer (least connections) each worker gets each of them."""
    pages = {}
    for page, query, download in itertools.islice(make_views(random.Random(-1)), 200):
        pages.setdefault(page, (page, query, download))
    for _ in range(workers):
        for view in pages.values():
            asyncio.run(visit(*view))


def direct(script, make_views, args, options=(), profile=False):
    """One worker, no balancer, no downloads: the per-view cost (`profile`: with py-spy's
    top entries)."""
    with streamlit_server(script, options) as server:

        def visit(page, query, _download):  # none asked for: see no_downloads
            return session_run(server.port, page, query, timeout=120)

        def no_downloads(rng):
            return ((page, query, None) for page, query, _ in make_views(rng))

        _warm_up(visit, no_downloads)
        found = {}
        spy = profiled(server.process.pid, args.seconds, found) if profile else None
        with spy or contextlib.nullcontext():
            results = load(visit, no_downloads, args.sessions, args.seconds, args.max_views)
        return summary(results, args.seconds, args.sessions, server.memory_mb()) | found


def balanced(workers, args):
    """`workers` behind HAProxy, every view through the balancer with a download."""
    with cluster(workers) as running:

        def visit(page, query, download):
            return browser_session(running.port, page, query, download, timeout=120)

        _warm_up(visit, views, workers)
        results = load(visit, views, args.sessions, args.seconds, args.max_views)
        return summary(results, args.seconds, args.sessions)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--seconds", type=int, default=45, help="per phase")
    parser.add_argument("--max-views", type=int, default=500, help="per session and phase")
    parser.add_argument(
        "--phases", default="floor,app,balanced", help="comma-separated: floor, app, balanced"
    )
    parser.add_argument("--profile", action="store_true", help="py-spy on the app phase")
    args = parser.parse_args()
    phases = args.phases.split(",")
    report = {}
    if "floor" in phases:
        report["floor"] = direct("bench/floor_app.py", floor_views, args, STREAMLIT_DEFAULTS)
        report["floor_tuned"] = direct("bench/floor_app.py", floor_views, args)
    if "app" in phases:
        report["app"] = direct("serve.py", views, args, profile=args.profile)
    if "balanced" in phases:
        if haproxy_binary() is None:
            report["balanced"] = "skipped: HAProxy is not installed (apt-get install haproxy)"
        else:
            report["balanced_1_worker"] = balanced(1, args)
            report["balanced_2_workers"] = balanced(2, args)
    rate = {
        name: part["views_per_second"] for name, part in report.items() if isinstance(part, dict)
    }
    if {"floor", "app"} <= rate.keys():
        report["app_to_floor"] = round(rate["app"] / rate["floor"], 2)
        report["app_to_floor_tuned"] = round(rate["app"] / rate["floor_tuned"], 3)
    if {"balanced_1_worker", "balanced_2_workers"} <= rate.keys():
        report["scaling_2_to_1"] = round(rate["balanced_2_workers"] / rate["balanced_1_worker"], 2)
    print(json.dumps(report, indent=2))
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "load.json").write_text(json.dumps(report, indent=2))
    errors = sum(part["errors"] for part in report.values() if isinstance(part, dict))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
