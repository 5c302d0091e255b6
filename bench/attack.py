"""Memory under the bundle-cache attack: `python bench/attack.py`.

Asks a served app (loopback only) for spelling variants of the largest front-end bundle
(`/static//js/…`, `/static///js/…`) and for unknown paths under /static/ (answered with
Streamlit's HTML page), all with `Accept-Encoding: gzip`, and reports the server's resident
memory before and after. Before serve.py cached by normalised path only, each variant kept
another compressed copy (~1.4 MB) and each unknown path the HTML page.
"""

import argparse
import http.client
import sys
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # `bench` when run as a script

from bench.served import HOST, streamlit_server

BUNDLES = Path(__import__("streamlit").__file__).parent / "static" / "static" / "js"


def attack_paths(variants, unknown):
    """The request paths: `variants` spellings of the largest bundle, then `unknown` paths."""
    largest = max(BUNDLES.glob("*.js"), key=lambda path: path.stat().st_size).name
    spelled = [f"/static/{'/' * n}js/{largest}" for n in range(variants)]
    return spelled + [f"/static/{uuid.uuid4().hex}" for _ in range(unknown)]


def fetch_all(port, paths, connections=8):
    """GET every path, over `connections` keep-alive connections in parallel (each request
    waits ~40 ms for a delayed ACK on loopback); (status counts, bytes received)."""
    with ThreadPoolExecutor(connections) as pool:
        parts = list(pool.map(lambda n: _fetch(port, paths[n::connections]), range(connections)))
    statuses = {}
    for counted, _ in parts:
        for status, count in counted.items():
            statuses[status] = statuses.get(status, 0) + count
    return statuses, sum(received for _, received in parts)


def _fetch(port, paths):
    statuses, received = {}, 0
    connection = http.client.HTTPConnection(HOST, port, timeout=60)
    try:
        for path in paths:
            connection.request("GET", path, headers={"Accept-Encoding": "gzip"})
            response = connection.getresponse()
            received += len(response.read())
            statuses[response.status] = statuses.get(response.status, 0) + 1
    finally:
        connection.close()
    return statuses, received


def cache_attack(server, variants=200, unknown=20_000):
    """Resident memory (MB) of the server before and after the attack, and what it answered."""
    fetch_all(server.port, ["/", "/static/" + "x"])  # the first page and fallback, warm
    before, _ = server.memory_mb()
    statuses, received = fetch_all(server.port, attack_paths(variants, unknown))
    after, peak = server.memory_mb()
    return {
        "before_mb": round(before, 1),
        "after_mb": round(after, 1),
        "peak_mb": round(peak, 1),
        "growth_mb": round(after - before, 1),
        "statuses": statuses,
        "received_mb": round(received / 1e6, 1),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--variants", type=int, default=200, help="spellings of the bundle")
    parser.add_argument("--unknown", type=int, default=20_000, help="unknown /static/ paths")
    parser.add_argument("--script", default="serve.py", help="the app script to serve")
    args = parser.parse_args()
    with streamlit_server(args.script) as server:
        print(cache_attack(server, args.variants, args.unknown))


if __name__ == "__main__":
    main()
