"""Load test: `python bench/load.py` runs the real server on 127.0.0.1 and drives
concurrent Streamlit sessions (websocket clients) through the main views for a fixed time.

Each client opens a new session per view (map, profile, ranking, compare, trends, scatter,
overview) with varying indicators, regions and years, and waits for the run to finish. It
reports the number of views, errors (exceptions shown, failed connections: must be 0) and
latency percentiles. Bounded in count and time; it stops by itself.
"""

import argparse
import asyncio
import itertools
import json
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # `bench` when run as a script

from bench.served import session_run, streamlit_server

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


def views(rng):
    """An endless, varied sequence of (page, query) the main user paths go through."""
    while True:
        ind = rng.choice(INDICATORS)
        regions = ",".join(rng.sample(REGIONS, 3))
        yield rng.choice(
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


async def client(port, number, deadline, max_views, results):
    rng = random.Random(number)
    for page, query in itertools.islice(views(rng), max_views):
        if time.monotonic() > deadline:
            return
        try:
            run = await session_run(port, page, query, timeout=120)
            results.append(
                {"page": page or "ueberblick", "seconds": run.seconds, "error": run.exceptions > 0}
            )
        except Exception as exc:  # a refused or broken connection counts as an error
            results.append(
                {
                    "page": page or "ueberblick",
                    "seconds": None,
                    "error": True,
                    "detail": repr(exc)[:200],
                }
            )


async def load(port, sessions, seconds, max_views):
    deadline = time.monotonic() + seconds
    results = []
    await asyncio.gather(*(client(port, n, deadline, max_views, results) for n in range(sessions)))
    return results


def summary(results, seconds, sessions, memory):
    times = sorted(r["seconds"] for r in results if r["seconds"] is not None)

    def pct(q):
        return times[min(len(times) - 1, int(q * len(times)))] if times else float("nan")

    return {
        "sessions": sessions,
        "seconds": seconds,
        "views": len(results),
        "errors": sum(r["error"] for r in results),
        "views_per_second": len(results) / seconds,
        "latency_ms": {
            "median": 1000 * statistics.median(times) if times else None,
            "p90": 1000 * pct(0.90),
            "p95": 1000 * pct(0.95),
            "p99": 1000 * pct(0.99),
            "max": 1000 * times[-1] if times else None,
        },
        "server_memory_mb": {"current": memory[0], "peak": memory[1]},
        "error_details": [r.get("detail") for r in results if r.get("detail")][:5],
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--max-views", type=int, default=500, help="per session")
    args = parser.parse_args()
    with streamlit_server() as server:
        asyncio.run(session_run(server.port, "karte", "ind=gdp_per_capita"))  # warm-up
        results = asyncio.run(load(server.port, args.sessions, args.seconds, args.max_views))
        report = summary(results, args.seconds, args.sessions, server.memory_mb())
    print(json.dumps(report, indent=2))
    out = Path(__file__).with_name("results")
    out.mkdir(exist_ok=True)
    (out / "load.json").write_text(json.dumps(report, indent=2))
    return 1 if report["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
