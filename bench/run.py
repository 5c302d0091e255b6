"""Benchmarks: `python bench/run.py` prints a Markdown table of medians and p95.

Measures on the machine it runs on (the README quotes the 2-core CI machine). Timed parts:
the database build from data/, and every comparison function on a typical indicator/year.
"""

import argparse
import json
import platform
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

from indicators import compare, open_db
from indicators.build import build

RESULTS = Path(__file__).with_name("results")


def timed(func, repeat, warmup=1):
    """Milliseconds per call: (median, p95) over `repeat` runs after `warmup` runs."""
    for _ in range(warmup):
        func()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return statistics.median(samples), samples[min(len(samples) - 1, int(0.95 * len(samples)))]


def bench_build(repeat):
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "bench.duckdb"
        return {"database build from data/": timed(lambda: build(target), repeat, warmup=0)}


def bench_compare(repeat):
    con = open_db()
    calls = {
        "compare.group_summary (gdp_per_capita, 2021)": lambda: compare.group_summary(
            con, "gdp_per_capita", 2021
        ),
        "compare.ranking (gdp_per_capita, 2021)": lambda: compare.ranking(
            con, "gdp_per_capita", 2021
        ),
        "compare.peer_gap (rostock)": lambda: compare.peer_gap(
            con, "rostock", "gdp_per_capita", 2021
        ),
        "compare.change (population, 2011→2021)": lambda: compare.change(
            con, "population", 2011, 2021
        ),
        "compare.convergence (gdp_per_capita)": lambda: compare.convergence(con, "gdp_per_capita"),
        "compare.similar_regions (trier, 2021)": lambda: compare.similar_regions(
            con, "trier", 2021, n=5
        ),
        "compare.profile (rostock, 2021)": lambda: compare.profile(con, "rostock", 2021),
    }
    return {name: timed(call, repeat) for name, call in calls.items()}


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=30, help="runs per measurement")
    args = parser.parse_args()
    results = {**bench_build(max(5, args.repeat // 6)), **bench_compare(args.repeat)}
    header = (
        f"Measured {date.today().isoformat()} on {platform.machine()} "
        f"({platform.python_implementation()} {platform.python_version()}, "
        f"{__import__('os').cpu_count()} cores), {args.repeat} runs each."
    )
    print(header, "", "| measurement | median | p95 |", "| --- | --- | --- |", sep="\n")
    for name, (median, p95) in results.items():
        print(f"| {name} | {median:,.1f} ms | {p95:,.1f} ms |")
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "latest.json").write_text(
        json.dumps({"header": header, "results": results}, indent=2)
    )


if __name__ == "__main__":
    main()
