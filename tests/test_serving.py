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
    sheets = head.split("<style>")[1:]
    assert len(sheets) == 2  # the app's own (views/app.css) and the slides' one
    slides = [line for line in sheets[1].splitlines() if line.endswith("{")]
    assert slides and all(r.startswith("body:has(.st-key-slide_note) ") for r in slides)
    assert 'body:has(.st-key-slide_note) [data-testid="stSidebar"],' in head
    status, headers, body = _get(PageHead(app), "/_stcore/health")
    assert body == page


STREAMLIT_PAGE = (
    b'<!DOCTYPE html>\n<html lang="en">\n  <head><title>x</title></head><body></body></html>'
)


def _request(middleware, path, query=b"", method="GET"):
    """(status, headers, body) of one request with a query string."""
    messages = []

    async def send(message):
        messages.append(message)

    scope = {"type": "http", "method": method, "path": path, "query_string": query, "headers": []}
    with ThreadPoolExecutor(1) as pool:
        pool.submit(asyncio.run, middleware(scope, None, send)).result()
    headers = dict(messages[0]["headers"])
    return messages[0]["status"], headers, b"".join(m.get("body", b"") for m in messages[1:])


async def _streamlit_page(scope, receive, send):
    """Streamlit's answer to any page path: its index.html, which always says lang="en"."""
    headers = [(b"content-type", b"text/html"), (b"content-length", b"%d" % len(STREAMLIT_PAGE))]
    await send({"type": "http.response.start", "status": 200, "headers": headers})
    await send({"type": "http.response.body", "body": STREAMLIT_PAGE})


@pytest.mark.parametrize(
    ("query", "lang"),
    [
        (b"", "de"),
        (b"lang=de&ind=population", "de"),
        (b"ind=population&lang=en", "en"),
        (b"lang=de&lang=en", "en"),  # the last one counts, as in the app
        (b"lang=EN", "de"),  # not a language of the app: German, as the app falls back
        (b"lang=%3Cscript%3E", "de"),
    ],
)
def test_page_declares_the_language_of_its_link(query, lang):
    status, headers, body = _request(PageHead(_streamlit_page), "/rangliste", query)
    assert status == 200 and int(headers[b"content-length"]) == len(body)
    assert f'<html lang="{lang}">'.encode() in body and body.count(b"<html") == 1


def test_language_script_in_the_head_is_allowed_by_its_hash():
    """The script that keeps `lang` in step with the URL is in the head, and the policy
    allows exactly it (and index.html's own inline script)."""
    _, _, body = _request(PageHead(_streamlit_page), "/karte")
    head = body.split(b"</head>")[0].decode()
    assert f"<script>{serve.LANG_SCRIPT}</script>" in head
    for script in ("pushState", "replaceState", "popstate", "location.search"):
        assert script in serve.LANG_SCRIPT
    policy = serve.content_security_policy()
    assert serve.script_hash(serve.LANG_SCRIPT) in policy.split("script-src")[1].split(";")[0]
    assert serve.script_hash(serve.LANG_SCRIPT + " ") not in policy
    assert policy.count("'sha256-") == 2  # index.html's inline script and ours


@pytest.fixture
def paths(tmp_path):
    """PagePaths over a front end whose folder holds index.html and favicon.png."""
    (tmp_path / "index.html").write_bytes(STREAMLIT_PAGE)
    (tmp_path / "favicon.png").write_bytes(b"png")
    (tmp_path / "static").mkdir()
    calls = []

    async def app(scope, receive, send):
        calls.append(scope["path"])
        await _streamlit_page(scope, receive, send)

    return serve.PagePaths(app, folder=tmp_path), calls


def test_unknown_path_goes_to_the_overview_naming_it(paths):
    middleware, calls = paths
    for path, query, target in (
        ("/irgendwas", b"", b"/?missing=irgendwas"),
        ("/irgendwas", b"lang=en&set=network", b"/?lang=en&set=network&missing=irgendwas"),
        ("/a b/c", b"", b"/?missing=a+b%2Fc"),
        ("/x", b"q=\xc3\xa4 b", b"/?q=%C3%A4%20b&missing=x"),  # raw bytes escaped
        ("/" + "y" * 300, b"", b"/?missing=" + b"y" * 100),  # cut short
        ("/ueberblick", b"lang=en&ind=population", b"/?lang=en&ind=population"),
        ("/ueberblick/", b"", b"/"),
    ):
        status, headers, body = _request(middleware, path, query)
        assert (status, headers[b"location"], body) == (302, target, b""), path
        assert headers[b"cache-control"] == b"no-store"
    assert calls == []


def test_pages_and_streamlit_paths_pass_through(paths):
    middleware, calls = paths
    passed = [
        "/",
        "/rangliste",
        "/barrierefreiheit",
        "/praesentation",
        "/favicon.png",
        "/index.html",
        "/static/js/index.abc.js",
        "/_stcore/health",
        "/_stcore/stream",
        "/media/abc.png",
        "/component/x/index.html",
        "/rangliste/_stcore/health",  # the front end looking for its server
        "/irgendwas/_stcore/host-config",
    ]
    for path in passed:
        status, _, _ = _request(middleware, path)
        assert status == 200, path
    status, _, _ = _request(middleware, "/irgendwas", method="POST")
    assert status == 200
    assert calls == [*passed, "/irgendwas"]


def test_a_generated_download_outlives_other_sessions_runs(monkeypatch):
    """A file made by a click on a download button is unreferenced; Streamlit's sweep after
    any session's run deletes it at the second sweep, which under load came before the
    browser fetched it. serve.py keeps it DOWNLOAD_GRACE_SECONDS."""
    from streamlit.runtime.media_file_manager import MediaFileManager
    from streamlit.runtime.media_file_storage import MediaFileStorageError
    from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage

    assert MediaFileManager.keeps_downloads  # patched when serve.py is imported
    storage = MemoryMediaFileStorage("/media")
    manager = MediaFileManager(storage)
    deferred = manager.add_deferred(lambda: b"a;b\n1;2\n", "text/csv", "1.2.3", "data.csv")
    url = manager.execute_deferred(deferred)
    made = url.rsplit("/", 1)[1].removesuffix(".csv")
    for _ in range(5):  # five other runs end
        manager.remove_orphaned_files()
    assert storage.get_file(made).content == b"a;b\n1;2\n"
    assert serve.DOWNLOAD_GRACE_BYTES == 64_000_000  # the limit docs/deployment.md states
    later = serve.time.monotonic() + serve.DOWNLOAD_GRACE_SECONDS + 1
    monkeypatch.setattr(serve.time, "monotonic", lambda: later)
    manager.remove_orphaned_files()
    with pytest.raises(MediaFileStorageError):
        storage.get_file(made)


def test_kept_downloads_are_bounded_in_bytes(monkeypatch):
    """Beyond DOWNLOAD_GRACE_BYTES the oldest kept files lose their protection."""
    from streamlit.runtime.media_file_manager import MediaFileManager
    from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage

    monkeypatch.setattr(serve, "DOWNLOAD_GRACE_BYTES", 15)
    storage = MemoryMediaFileStorage("/media")
    manager = MediaFileManager(storage)
    made = []
    for content in (b"first;file", b"second;file"):  # 10 and 11 bytes
        deferred = manager.add_deferred(lambda c=content: c, "text/csv", "1.2.3", "data.csv")
        made.append(manager.execute_deferred(deferred).rsplit("/", 1)[1].removesuffix(".csv"))
    manager.remove_orphaned_files()
    manager.remove_orphaned_files()
    assert [_stored(storage, m) for m in made] == [False, True]


def _stored(storage, file_id):
    from streamlit.runtime.media_file_storage import MediaFileStorageError

    try:
        storage.get_file(file_id)
    except MediaFileStorageError:
        return False
    return True
