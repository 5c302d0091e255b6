"""The load-test client works against the served app: a short, bounded run without errors
(the real load test is `python bench/load.py`)."""

from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlparse

from bench.load import load, summary, views
from bench.served import session_run


def test_short_load_run_has_no_errors(server):
    port = urlparse(server).port
    # In its own thread: the Playwright session of the other browser tests keeps an event
    # loop running in this one.
    with ThreadPoolExecutor(1) as pool:
        results = pool.submit(
            load, lambda page, query, _: session_run(port, page, query), views, 3, 8, 3
        ).result()
    report = summary(results, 8, 3, (0.0, 0.0))
    assert report["views"] >= 3
    assert report["errors"] == 0, report["error_details"]
