"""serve.py: front-end bundles are gzipped once and then served from memory, with bounded
memory whatever is asked; every response carries the security headers; the page head names
the chart bundle and carries the slide stylesheet."""

import asyncio
import gzip
import threading
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest

import serve
from bench.attack import cache_attack
from bench.served import streamlit_server
from serve import CompressedBundles, PageHead, SecurityHeaders

BUNDLE = b"function plot(){return 1}\n" * 400
PAGE = b"<!doctype html><html><head></head><body>Streamlit</body></html>"


def _app(calls):
    """Streamlit's static files in short: a bundle, or its HTML page (200) for any other
    path, as Streamlit answers unknown paths."""

    async def app(scope, receive, send):
        calls.append(scope["path"])
        bundle = scope["path"].endswith(".js")
        kind = b"text/javascript" if bundle else b"text/html"
        await send(
            {
                "type": "http.response.start",
                "status": 200,
                "headers": [(b"content-type", kind), (b"etag", b'"abc"')],
            }
        )
        await send({"type": "http.response.body", "body": BUNDLE if bundle else PAGE * 40})

    return app


@pytest.fixture
def bundles(tmp_path):
    """CompressedBundles over a static folder holding one bundle, /static/js/index.abc.js."""
    (tmp_path / "static" / "js").mkdir(parents=True)
    (tmp_path / "static" / "js" / "index.abc.js").write_bytes(BUNDLE)
    calls = []
    return CompressedBundles(_app(calls), folder=tmp_path), calls


def _get(middleware, path, encoding=b"gzip, br", extra=()):
    messages = []

    async def send(message):
        messages.append(message)

    scope = {
        "type": "http",
        "method": "GET",
        "path": path,
        "headers": [(b"accept-encoding", encoding), *extra],
    }
    # In a thread of its own: Playwright's sync API may hold an event loop in this one.
    with ThreadPoolExecutor(1) as pool:
        pool.submit(asyncio.run, middleware(scope, None, send)).result()
    headers = dict(messages[0]["headers"])
    return messages[0]["status"], headers, b"".join(m.get("body", b"") for m in messages[1:])


def test_bundle_compressed_once_and_cached(bundles):
    middleware, calls = bundles
    for _ in range(3):
        status, headers, body = _get(middleware, "/static/js/index.abc.js")
        assert status == 200 and headers[b"content-encoding"] == b"gzip"
        assert gzip.decompress(body) == BUNDLE
        assert int(headers[b"content-length"]) == len(body) < len(BUNDLE) / 10
        assert b"etag" not in headers
    assert calls == ["/static/js/index.abc.js"]  # the app answered once


def test_other_requests_pass_through_unchanged(bundles):
    middleware, _ = bundles
    for path, encoding, extra in (
        ("/_stcore/health", b"gzip", ()),  # not a bundle
        ("/static/js/index.abc.js", b"identity", ()),  # client does not accept gzip
        ("/static/js/index.abc.js", b"gzip;q=0", ()),  # refuses gzip explicitly
        ("/static/js/index.abc.js", b"br, gzip;q=0, *", ()),
        ("/static/js/index.abc.js", b"gzip", ((b"range", b"bytes=0-10"),)),
    ):
        status, headers, body = _get(middleware, path, encoding, extra)
        assert status == 200 and b"content-encoding" not in headers, (path, encoding)
        assert body in (BUNDLE, PAGE * 40)
    assert not middleware.cache
    for encoding in (b"gzip;q=0.5", b"*", b"deflate, GZIP"):
        _, headers, _ = _get(middleware, "/static/js/index.abc.js", encoding)
        assert headers[b"content-encoding"] == b"gzip", encoding


def test_spellings_and_unknown_paths_add_nothing_to_the_cache(bundles):
    """Each spelling of a bundle's path kept another copy (200 of them: +266 MB), and each
    unknown path Streamlit's HTML page (20,000: +63 MB)."""
    middleware, calls = bundles
    for slashes in range(1, 50):
        path = "/static/" + "/" * slashes + "js/./index.abc.js"
        status, headers, body = _get(middleware, path)
        assert status == 200 and gzip.decompress(body) == BUNDLE
    for n in range(200):
        status, headers, body = _get(middleware, f"/static/unknown{n}")
        assert body.startswith(b"<!doctype html>") and b"content-encoding" not in headers
    assert list(middleware.cache) == ["/static/js/index.abc.js"]
    assert calls.count("/static/js/index.abc.js") == 1  # compressed once
    assert middleware.size == len(middleware.cache["/static/js/index.abc.js"][2])


def test_cache_is_bounded(bundles):
    middleware, _ = bundles
    middleware.limit = 10
    _, headers, _ = _get(middleware, "/static/js/index.abc.js")
    assert headers[b"content-encoding"] == b"gzip" and not middleware.cache


def test_compression_runs_off_the_event_loop(bundles, monkeypatch):
    """gzip on the event loop (~150 ms per bundle) held up every session meanwhile."""
    middleware, _ = bundles
    threads = []
    compress = gzip.compress

    def recorded(*args, **kwargs):
        threads.append(threading.get_ident())
        return compress(*args, **kwargs)

    monkeypatch.setattr(serve.gzip, "compress", recorded)
    loop_threads = []

    async def app(scope, receive, send):
        loop_threads.append(threading.get_ident())
        await _app([])(scope, receive, send)

    middleware.app = app
    _get(middleware, "/static/js/index.abc.js")
    assert threads and loop_threads and threads[0] != loop_threads[0]


def test_security_headers_on_every_response():
    async def app(scope, receive, send):
        headers = [(b"content-type", b"text/html"), (b"x-frame-options", b"SAMEORIGIN")]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": PAGE})

    _, headers, body = _get(SecurityHeaders(app), "/karte")
    policy = headers[b"content-security-policy"].decode()
    assert "frame-ancestors 'none'" in policy and "default-src 'self'" in policy
    assert "'unsafe-eval'" not in policy and "'unsafe-inline'" not in policy.split("style")[0]
    assert headers[b"x-content-type-options"] == b"nosniff"
    assert headers[b"x-frame-options"] == b"DENY" and body == PAGE


@pytest.fixture(scope="module")
def served():
    with streamlit_server() as server:
        yield server


def test_served_app_sends_security_headers(served):
    for path in ("/", "/karte", "/_stcore/health", "/static/js/missing.js"):
        with urllib.request.urlopen(served.url + path) as response:
            assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
            assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_memory_under_the_cache_attack_stays_bounded(served):
    """200 spellings of the largest bundle and 2,000 unknown paths (the benchmark,
    `python bench/attack.py`, sends 20,000): the server grew by 340 MB before."""
    result = cache_attack(served, variants=200, unknown=2_000)
    assert result["statuses"] == {200: 2_200}
    assert result["growth_mb"] < 50, result


def test_page_head_gets_chart_preload_and_slide_styles():
    """The HTML page names Plotly's bundle and carries the presentation stylesheet, scoped
    to slides, so that a projector never shows the sidebar or small type first."""
    page = b"<html><head><title>x</title></head><body></body></html>"

    async def app(scope, receive, send):
        html = scope["path"] == "/praesentation"
        assert not html or b"accept-encoding" not in dict(scope["headers"])  # uncompressed
        kind = b"text/html" if html else b"text/javascript"
        await send(
            {
                "type": "http.response.start",
                "status": 200,
                "headers": [(b"content-type", kind), (b"content-length", b"%d" % len(page))],
            }
        )
        await send({"type": "http.response.body", "body": page})

    status, headers, body = _get(PageHead(app), "/praesentation")
    head = body.split(b"</head>")[0].decode()
    assert status == 200 and int(headers[b"content-length"]) == len(body)
    assert 'rel="modulepreload"' in head and "PlotlyChart." in head
    rules = [line for line in head.splitlines() if line.endswith("{")]
    assert rules and all(r.startswith("body:has(.st-key-slide_note) ") for r in rules)
    assert 'body:has(.st-key-slide_note) [data-testid="stSidebar"],' in head
    status, headers, body = _get(PageHead(app), "/_stcore/health")
    assert body == page
