"""Serve the dashboard with compressed front-end bundles and security headers:
`streamlit run serve.py`.

Streamlit sends its JavaScript uncompressed (it leaves compression to a reverse proxy,
because gzipping on every request costs CPU). A first visit then downloads ~10 MB, most of
it Plotly's and Streamlit's bundles. Their file names carry a content hash and never change,
so each bundle is compressed once here and the bytes are kept: 10 MB become ~3 MB on the
wire, at no recurring CPU cost. `streamlit run dashboard.py` still works, uncompressed and
without the headers.
"""

import asyncio
import base64
import gc
import gzip
import hashlib
import posixpath
import re
import threading
import time
import urllib.parse
from collections import OrderedDict
from pathlib import Path

import streamlit as st
from starlette.middleware import Middleware
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.runtime.media_file_storage import MediaFileStorageError

from indicators.display import pages as registry

HERE = Path(__file__).parent
STATIC = Path(st.__file__).parent / "static"  # Streamlit's front end: index.html, static/
COMPRESSIBLE = {".js", ".css", ".json", ".svg"}
CACHE_LIMIT = 48_000_000  # bytes of compressed bundles kept (all 214 of Streamlit's: 6.9 MB)
# The document's language follows the UI's (`?lang=en`, German otherwise), also when the app
# changes the URL without a reload (language or page switch) and on the browser's back
# button: screen readers pronounce the text by it. In the page head (see PageHead), allowed
# by its hash in the Content-Security-Policy.
LANG_SCRIPT = (
    "(()=>{const set=()=>{document.documentElement.lang="
    "new URLSearchParams(location.search).getAll('lang').pop()==='en'?'en':'de'};"
    "for(const name of ['pushState','replaceState']){const original=history[name];"
    "history[name]=function(...args){const result=original.apply(this,args);set();"
    "return result}}"
    "addEventListener('popstate',set);set()})();"
)
# Top-level paths that are Streamlit's own, not pages (see PagePaths).
RESERVED = {"_stcore", "static", "media", "component", "app", "auth", "oauth2callback"}


def page_language(query_string):
    """`en` if the raw query string (bytes) asks for English (its last `lang`), else `de`,
    as the app reads it."""
    values = urllib.parse.parse_qs(query_string.decode("latin-1"), keep_blank_values=True)
    return "en" if values.get("lang", [""])[-1] == "en" else "de"


def script_hash(script):
    """A CSP source allowing one inline script."""
    return f"'sha256-{base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()}'"


def accepts_gzip(header):
    """Whether an Accept-Encoding header value (bytes) allows gzip: named, or `*`, with a
    quality above 0 (`gzip;q=0` refuses it)."""
    quality = {}
    for item in header.decode("latin-1").lower().split(","):
        name, *params = (part.strip() for part in item.split(";"))
        q = next((p[2:] for p in params if p.startswith("q=")), "1")
        try:
            quality[name] = float(q)
        except ValueError:
            quality[name] = 0.0
    return quality.get("gzip", quality.get("*", 0.0)) > 0


class CompressedBundles:
    """ASGI middleware: Streamlit's own bundle files gzipped, each compressed once and kept.

    Only files present when the server starts are cached, looked up by their normalised
    path: spelling variants (`/static//js/…`) share one entry, and an unknown path (which
    Streamlit answers with its HTML page and a 200) is never cached. So the cache holds at
    most one copy of each bundle and never more than `limit` bytes. Compression runs in a
    worker thread, once per file, so the event loop keeps serving the sessions meanwhile."""

    def __init__(self, app, folder=STATIC, prefix="/static/", minimum=1024, level=9):
        self.app, self.level = app, level
        self.files = {
            f"/{path.relative_to(folder).as_posix()}"
            for path in (folder / prefix.strip("/")).rglob("*")
            if path.suffix in COMPRESSIBLE and path.stat().st_size >= minimum
        }
        self.limit, self.size = CACHE_LIMIT, 0
        self.cache, self.locks = {}, {}

    async def __call__(self, scope, receive, send):
        path = self._bundle(scope)
        if path is None:
            await self.app(scope, receive, send)
            return
        async with self.locks.setdefault(path, asyncio.Lock()):  # one compression per file
            response = self.cache.get(path) or await self._respond({**scope, "path": path}, receive)
        if response is None:  # not worth keeping: let the app answer as usual
            await self.app(scope, receive, send)
            return
        self._keep(path, response)
        status, headers, body = response
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})

    def _bundle(self, scope):
        """The normalised path of a bundle file this request may get from the cache."""
        if scope["type"] != "http" or scope["method"] != "GET":
            return None
        headers = dict(scope["headers"])
        if b"range" in headers or not accepts_gzip(headers.get(b"accept-encoding", b"")):
            return None
        path = posixpath.normpath(scope["path"])
        return path if path in self.files else None

    def _keep(self, path, response):
        if path not in self.cache and self.size + len(response[2]) <= self.limit:
            self.cache[path] = response
            self.size += len(response[2])

    async def _respond(self, scope, receive):
        """(status, headers, gzipped body) of a complete 200 response worth compressing."""
        start, chunks = {}, []

        async def collect(message):
            if message["type"] == "http.response.start":
                start.update(message)
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))

        await self.app(scope, receive, collect)
        body = b"".join(chunks)
        headers = dict(start.get("headers", []))
        if (
            start.get("status") != 200
            or b"content-encoding" in headers
            or headers.get(b"content-type", b"").startswith(b"text/html")  # never the page
        ):
            return None
        packed = await asyncio.to_thread(gzip.compress, body, self.level, mtime=0)
        headers.pop(b"etag", None)  # the ETag named the uncompressed bytes
        headers |= {
            b"content-encoding": b"gzip",
            b"content-length": str(len(packed)).encode(),
            b"vary": b"Accept-Encoding",
        }
        return 200, list(headers.items()), packed


def content_security_policy(index=STATIC / "index.html", scripts=(LANG_SCRIPT,)):
    """What Streamlit's front end needs and nothing more: its own scripts (the inline
    scripts of its page and ours in its head, by hash), WebAssembly (long.js in its protobuf bundle
    compiles a tiny module for 64-bit numbers; JavaScript eval stays forbidden), inline
    styles (emotion, our slide styles), images and fonts from itself or data:/blob: URLs
    (Plotly's PNG export), the websocket to itself; no frames around it, no plugins, no
    foreign base or form targets."""
    inline = re.findall(r"<script>(.*?)</script>", index.read_text(encoding="utf-8"), re.S)
    hashes = " ".join(script_hash(script) for script in [*inline, *scripts])
    return (
        "default-src 'self'; "
        f"script-src 'self' 'wasm-unsafe-eval' {hashes}; "
        "style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data: blob:; "
        "font-src 'self' data:; "
        "connect-src 'self'; "
        "worker-src 'self' blob:; "
        "frame-src 'self'; "
        "object-src 'none'; "
        "base-uri 'self'; "
        "form-action 'self'; "
        "frame-ancestors 'none'"
    )


class SecurityHeaders:
    """ASGI middleware: every HTTP response says how a browser may use it."""

    def __init__(self, app):
        self.app = app
        self.headers = [
            (b"content-security-policy", content_security_policy().encode()),
            (b"x-content-type-options", b"nosniff"),
            (b"x-frame-options", b"DENY"),
            (b"referrer-policy", b"same-origin"),
        ]
        self.names = {name for name, _ in self.headers}

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message):
            if message["type"] == "http.response.start":
                own = [(k, v) for k, v in message.get("headers", []) if k not in self.names]
                message = {**message, "headers": own + self.headers}
            await send(message)

        await self.app(scope, receive, with_headers)


class PageHead:
    """ASGI middleware: adds to the HTML page's head what should not wait for the websocket.

    - A modulepreload link for the chart bundle: Streamlit fetches Plotly's bundle (4.7 MB;
      1.4 MB compressed) only once the first chart arrives, ~2.5 s after the request; the
      link lets the browser fetch and compile it while the app starts.
    - The app's stylesheets (views/app.css; views/presentation.css, scoped to slides): the
      pages add them with st.html as well, which Streamlit renders seconds after the page, so
      a projector would first show small type and the sidebar.
    - The page's language: `<html lang>` as the link asks (Streamlit's page always says
      `en`), and LANG_SCRIPT, which keeps it in step with the URL afterwards."""

    STYLES = ("views/app.css", "views/presentation.css")

    def __init__(self, app, bundles=("PlotlyChart",), styles=STYLES):
        self.app = app
        folder = Path(st.__file__).parent / "static" / "static" / "js"
        links = "".join(
            f'<link rel="modulepreload" crossorigin href="./static/js/{path.name}">'
            for name in bundles
            for path in sorted(folder.glob(f"{name}.*.js"))
        )
        sheets = "".join(
            f"<style>{(HERE / name).read_text(encoding='utf-8')}</style>" for name in styles
        )
        self.head = (f"<script>{LANG_SCRIPT}</script>" + links + sheets).encode()

    async def __call__(self, scope, receive, send):
        if (
            scope["type"] != "http"
            or scope["method"] != "GET"
            or scope["path"].startswith(
                ("/static/", "/_stcore/", "/media/", "/component/", "/app/static/")
            )
        ):
            await self.app(scope, receive, send)
            return
        # The page itself (8 kB) uncompressed, so that the head can be added to.
        headers = [(k, v) for k, v in scope["headers"] if k != b"accept-encoding"]
        scope = {**scope, "headers": headers}
        lang = f'<html lang="{page_language(scope.get("query_string", b""))}"'.encode()
        start = {}

        async def patched(message):
            if message["type"] == "http.response.start":
                start.update(message)
                return
            if not start:  # a later part of a body sent in parts (its start went out)
                await send(message)
                return
            headers = dict(start["headers"])
            body = message.get("body", b"")
            page = headers.get(b"content-type", b"").startswith(b"text/html")
            if page and b"content-encoding" not in headers and not message.get("more_body"):
                body = body.replace(b'<html lang="en"', lang, 1)
                body = body.replace(b"</head>", self.head + b"</head>", 1)
                headers[b"content-length"] = str(len(body)).encode()
                start["headers"] = list(headers.items())
            await send(dict(start))  # a copy: the server may still hold the message
            start.clear()  # sent once: a response in parts had it repeated (a broken file)
            await send({**message, "body": body})

        await self.app(scope, receive, patched)


class PagePaths:
    """ASGI middleware: links to pages that are not the app's.

    Streamlit answers any path with its page and then shows an English "Page not found"
    box. An unknown path (not a page of the registry, not a file of its front end, no
    segment of Streamlit's own routes) is redirected to the default page, with the link's
    query and the path in the parameter `missing`; the app names it in a notice, as plain
    text. The default page's own path (`/ueberblick`, which Streamlit serves at `/`) goes
    to `/`."""

    def __init__(self, app, folder=STATIC):
        self.app = app
        self.pages = {page.path for page in registry.PAGES} - {registry.DEFAULT.path}
        self.files = {path.name for path in folder.iterdir() if path.is_file()}

    async def __call__(self, scope, receive, send):
        target = self._target(scope)
        if target is None:
            await self.app(scope, receive, send)
            return
        headers = [
            (b"location", target),
            (b"content-length", b"0"),
            (b"cache-control", b"no-store"),
        ]
        await send({"type": "http.response.start", "status": 302, "headers": headers})
        await send({"type": "http.response.body", "body": b""})

    def _target(self, scope):
        """Where to send this request (bytes), or None to let the app answer it."""
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD"):
            return None
        name = scope["path"].strip("/")
        # Streamlit's front end finds its server by asking /<path>/_stcore/health and the
        # like, walking up the path: those must get Streamlit's answer (a 404), not a page.
        if not name or name in self.pages or name in self.files or RESERVED & {*name.split("/")}:
            return None
        # The query as the browser sent it, any byte outside printable ASCII escaped.
        query = re.sub(
            rb"[^\x21-\x7e]", lambda m: b"%%%02X" % m[0][0], scope.get("query_string", b"")
        )
        if name != registry.DEFAULT.path:
            missing = urllib.parse.urlencode({registry.MISSING: name[:100]}).encode()
            query = query + b"&" + missing if query else missing
        return b"/?" + query if query else b"/"


# A file made by a click on a download button stays fetchable this many seconds, for the
# most recent files up to this many bytes together (see keep_downloads).
DOWNLOAD_GRACE_SECONDS = 120
DOWNLOAD_GRACE_BYTES = 64_000_000


def keep_downloads(manager=MediaFileManager, grace=DOWNLOAD_GRACE_SECONDS):
    """Streamlit makes a download's file when its button is clicked and then leaves it to no
    session, so the end of the next two runs of any session deletes it. Under load that can
    come before the browser fetches the file, which then gets a 404 (measured: 54 of 92
    downloads with 20 concurrent sessions). Files made by a click are kept `grace` seconds;
    the oldest lose that protection beyond DOWNLOAD_GRACE_BYTES (each file is new: a PDF or
    workbook carries the time it was made). Streamlit's own clean-up deletes them at its
    first sweep afterwards."""
    if getattr(manager, "keeps_downloads", False):
        return  # wrapped already (this module imported again)
    made = OrderedDict()  # file id -> (when made in monotonic seconds, bytes)
    execute, delete = manager.execute_deferred, manager._delete_file

    def execute_deferred(self, file_id):
        url = execute(self, file_id)
        made_id = posixpath.basename(url).split(".")[0]
        try:
            stored = self.read_file(made_id)
        except MediaFileStorageError:  # a storage that cannot say: counted as empty
            stored = None
        size = len(stored.content) if stored is not None else 0
        made[made_id] = (time.monotonic(), size)
        made.move_to_end(made_id)
        while sum(size for _, size in made.values()) > DOWNLOAD_GRACE_BYTES:
            made.popitem(last=False)
        return url

    def delete_file(self, file_id):
        kept = made.get(file_id)
        if kept is not None and time.monotonic() - kept[0] < grace:
            return  # fetched soon, by the browser that asked for it
        made.pop(file_id, None)
        delete(self, file_id)

    manager.execute_deferred, manager._delete_file = execute_deferred, delete_file
    manager.keeps_downloads = True


# Streamlit's full garbage collection after every run is off (.streamlit/config.toml: it
# took a third of the CPU under load); one a minute frees the reference cycles that Plotly
# figures and finished sessions leave, whatever Python's own collection has left.
COLLECT_EVERY_SECONDS = 60


def collect_periodically(every=COLLECT_EVERY_SECONDS):
    def collect():
        while True:
            time.sleep(every)
            gc.collect()

    threading.Thread(target=collect, name="periodic-gc", daemon=True).start()


keep_downloads()
collect_periodically()
app = st.App(
    "dashboard.py",
    middleware=[
        Middleware(SecurityHeaders),
        Middleware(PagePaths),
        Middleware(CompressedBundles),
        Middleware(PageHead),
    ],
)
