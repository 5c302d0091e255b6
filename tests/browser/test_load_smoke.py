"""The load-test client works against the served app: a short, bounded run without errors
(the real load test is `python bench/load.py`)."""

import asyncio
from urllib.parse import urlparse

from bench.load import load, summary


def test_short_load_run_has_no_errors(server):
    port = urlparse(server).port
    results = asyncio.run(load(port, sessions=3, seconds=8, max_views=3))
    report = summary(results, 8, 3, (0.0, 0.0))
    assert report["views"] >= 3
    assert report["errors"] == 0, report["error_details"]
