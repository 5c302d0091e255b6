"""Serve the dashboard with compressed front-end bundles: `streamlit run serve.py`.

Streamlit sends its JavaScript uncompressed (it leaves compression to a reverse proxy,
because gzipping on every request costs CPU). A first visit then downloads ~10 MB, most of
it Plotly's and Streamlit's bundles. Their file names carry a content hash and never change,
so each bundle is compressed once here and the bytes are kept: 10 MB become ~3 MB on the
wire, at no recurring CPU cost. `streamlit run dashboard.py` still works, uncompressed.
"""

import gzip
from pathlib import Path

import streamlit as st
from starlette.middleware import Middleware

HERE = Path(__file__).parent
COMPRESSIBLE = (b"javascript", b"css", b"json", b"html", b"svg", b"text/")


class CompressedBundles:
    """ASGI middleware: gzip responses under /static/ once, keep them, serve the bytes."""

    def __init__(self, app, prefix="/static/", minimum=1024, level=9):
        self.app, self.prefix, self.minimum, self.level = app, prefix, minimum, level
        self.cache = {}

    async def __call__(self, scope, receive, send):
        if (
            scope["type"] != "http"
            or scope["method"] != "GET"
            or not scope["path"].startswith(self.prefix)
            or b"gzip" not in dict(scope["headers"]).get(b"accept-encoding", b"")
            or any(name == b"range" for name, _ in scope["headers"])
        ):
            await self.app(scope, receive, send)
            return
        if scope["path"] not in self.cache:
            response = await self._respond(scope, receive)
            if response is None:  # not cacheable: let the app answer as usual
                await self.app(scope, receive, send)
                return
            self.cache[scope["path"]] = response
        status, headers, body = self.cache[scope["path"]]
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})

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
        kind = headers.get(b"content-type", b"")
        if (
            start.get("status") != 200
            or b"content-encoding" in headers
            or len(body) < self.minimum
            or not any(k in kind for k in COMPRESSIBLE)
        ):
            return None
        packed = gzip.compress(body, self.level, mtime=0)
        headers.pop(b"etag", None)  # the ETag named the uncompressed bytes
        headers |= {
            b"content-encoding": b"gzip",
            b"content-length": str(len(packed)).encode(),
            b"vary": b"Accept-Encoding",
        }
        return 200, list(headers.items()), packed


class PageHead:
    """ASGI middleware: adds to the HTML page's head what should not wait for the websocket.

    - A modulepreload link for the chart bundle: Streamlit fetches Plotly's bundle (4.7 MB;
      1.4 MB compressed) only once the first chart arrives, ~2.5 s after the request; the
      link lets the browser fetch and compile it while the app starts.
    - The presentation stylesheet (scoped to slides, see views/presentation.css): the page
      itself adds it with st.html, which Streamlit renders seconds after the slide, so a
      projector would first show small type and the sidebar."""

    def __init__(self, app, bundles=("PlotlyChart",), styles=("views/presentation.css",)):
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
        self.head = (links + sheets).encode()

    async def __call__(self, scope, receive, send):
        if (
            scope["type"] != "http"
            or scope["method"] != "GET"
            or scope["path"].startswith(("/static/", "/_stcore/", "/media/", "/component/"))
            or not self.head
        ):
            await self.app(scope, receive, send)
            return
        # The page itself (8 kB) uncompressed, so that the head can be added to.
        headers = [(k, v) for k, v in scope["headers"] if k != b"accept-encoding"]
        scope = {**scope, "headers": headers}
        start = {}

        async def patched(message):
            if message["type"] == "http.response.start":
                start.update(message)
                return
            headers = dict(start["headers"])
            body = message.get("body", b"")
            page = headers.get(b"content-type", b"").startswith(b"text/html")
            if page and b"content-encoding" not in headers and not message.get("more_body"):
                body = body.replace(b"</head>", self.head + b"</head>", 1)
                headers[b"content-length"] = str(len(body)).encode()
                start["headers"] = list(headers.items())
            await send(start)
            await send({**message, "body": body})

        await self.app(scope, receive, patched)


app = st.App("dashboard.py", middleware=[Middleware(CompressedBundles), Middleware(PageHead)])
