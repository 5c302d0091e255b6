"""serve.py: front-end bundles are gzipped once and then served from memory; the page
head names the chart bundle and carries the slide stylesheet."""

import asyncio
import gzip
from concurrent.futures import ThreadPoolExecutor

from serve import CompressedBundles, PageHead

BUNDLE = b"function plot(){return 1}\n" * 400


def _app(calls):
    async def app(scope, receive, send):
        calls.append(scope["path"])
        found = scope["path"] != "/static/missing.js"
        await send(
            {
                "type": "http.response.start",
                "status": 200 if found else 404,
                "headers": [(b"content-type", b"text/javascript"), (b"etag", b'"abc"')],
            }
        )
        await send({"type": "http.response.body", "body": BUNDLE if found else b"no"})

    return app


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


def test_bundle_compressed_once_and_cached():
    calls = []
    middleware = CompressedBundles(_app(calls))
    for _ in range(3):
        status, headers, body = _get(middleware, "/static/js/index.abc.js")
        assert status == 200 and headers[b"content-encoding"] == b"gzip"
        assert gzip.decompress(body) == BUNDLE
        assert int(headers[b"content-length"]) == len(body) < len(BUNDLE) / 10
        assert b"etag" not in headers
    assert calls == ["/static/js/index.abc.js"]  # the app answered once


def test_other_requests_pass_through_unchanged():
    calls = []
    middleware = CompressedBundles(_app(calls))
    for path, encoding, extra in (
        ("/_stcore/health", b"gzip", ()),  # not a bundle
        ("/static/js/a.js", b"identity", ()),  # client does not accept gzip
        ("/static/js/a.js", b"gzip", ((b"range", b"bytes=0-10"),)),
    ):
        status, headers, body = _get(middleware, path, encoding, extra)
        assert status == 200 and b"content-encoding" not in headers and body == BUNDLE
    status, headers, body = _get(middleware, "/static/missing.js")
    assert status == 404 and body == b"no" and not middleware.cache


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
