"""The real app served on 127.0.0.1, and the two kinds of clients that measure it:
Debian's Chromium (via Playwright) and bare Streamlit websocket sessions.

Loopback only: nothing here talks to any other address.
"""

import asyncio
import contextlib
import logging
import os
import subprocess
import time
from dataclasses import dataclass

from deploy.cluster import LOOPBACK as HOST
from deploy.cluster import free_port, worker

_LOG = logging.getLogger(__name__)
CHROMIUM = os.environ.get("REGIOPOLE_CHROMIUM", "/usr/bin/chromium")  # Debian's package
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@dataclass
class Server:
    url: str
    port: int
    process: subprocess.Popen

    def memory_mb(self):
        """(current, peak) resident memory of the server process in MB, from /proc."""
        fields = {}
        with open(f"/proc/{self.process.pid}/status", encoding="ascii") as status:
            for line in status:
                key, _, value = line.partition(":")
                fields[key] = value.strip()
        return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024


@contextlib.contextmanager
def streamlit_server(script="serve.py", options=()):
    """`streamlit run serve.py` (as deployed; or another `script` of the repository, with
    further command-line `options`) on a free loopback port; stopped afterwards."""
    port = free_port()
    with worker(port, script, options=options) as process:
        yield Server(f"http://{HOST}:{port}", port, process)


def launch_chromium(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def wait_settled(page, timeout=45_000):
    """Wait until Streamlit has finished its run (no 'running' status widget)."""
    page.wait_for_selector("[data-testid='stApp']", timeout=timeout)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=timeout
    )


@dataclass
class Run:
    seconds: float
    received_bytes: int
    exceptions: int  # exception elements shown
    download: tuple = None  # (kind, bytes, as expected) of a file fetched after the run


# What a downloaded file must start with, by the download button's key (views/outputs.py,
# the profile's PDF): a spreadsheet is a zip archive, the German CSV has a byte order mark.
DOWNLOADS = {"pdf": b"%PDF-", "xlsx": b"PK\x03\x04", "csv": "\ufeff".encode()}


def _download_kind(button_id):
    return next((k for k in ("pdf", "xlsx") if button_id.endswith(k)), "csv")


async def _http_get(url, cookie=None):
    """(status, body, Set-Cookie worker cookie or None) of a GET, off the event loop."""
    import urllib.error
    import urllib.request

    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # loopback only

    def get():
        request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
        try:
            with opener.open(request, timeout=60) as response:
                return response.status, response.read(), response.headers.get("Set-Cookie")
        except urllib.error.HTTPError as exc:
            return exc.code, b"", None

    return await asyncio.to_thread(get)


async def browser_session(port, page, query, download=None, timeout=120):
    """A new visitor through a balancer: the page's HTML first (where the balancer sets its
    worker cookie), then the session's websocket and any download with that cookie, as a
    browser sends them. `download`: 'csv', 'xlsx' or 'pdf' (if the page offers it)."""
    status, _, cookie = await _http_get(f"http://{HOST}:{port}/{page}?{query}")
    if status != 200:
        raise RuntimeError(f"page request answered {status}")
    cookie = cookie.split(";")[0] if cookie else None
    return await session_run(port, page, query, timeout=timeout, cookie=cookie, download=download)


async def _fetch(ws, port, session_id, file_id, kind, cookie, timeout):
    """Ask the session for a deferred file (as the browser does on a click), then GET it."""
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    message = BackMsg()
    message.backend_operation_request.request_id = "download"
    message.backend_operation_request.session_id = session_id
    message.backend_operation_request.deferred_file.file_id = file_id
    await ws.send(message.SerializeToString())
    while True:
        forward = ForwardMsg.FromString(await asyncio.wait_for(ws.recv(), timeout))
        if forward.WhichOneof("type") == "backend_operation_response":
            break
    url = forward.backend_operation_response.deferred_file.url
    if not url:
        return (kind, 0, False)
    status, body, _ = await _http_get(f"http://{HOST}:{port}{url}", cookie)
    return (kind, len(body), status == 200 and body.startswith(DOWNLOADS[kind]))


async def session_run(
    port, page, query, hold=None, finished=None, timeout=120, cookie=None, download=None
):
    """One Streamlit session over a websocket: run `page` with `query` until the script
    finishes. Counts bytes and exception elements. With `hold` (an asyncio.Event) the
    connection stays open until the event is set, to measure many live sessions; the run is
    then appended to `finished` as soon as the script has finished. `cookie` goes with the
    websocket and the download (a balancer's affinity); `download` as in browser_session."""
    import websockets
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    uri = f"ws://{HOST}:{port}/_stcore/stream"
    headers = {"Cookie": cookie} if cookie else None
    async with websockets.connect(uri, max_size=None, additional_headers=headers, proxy=None) as ws:
        message = BackMsg()
        message.rerun_script.query_string = query
        message.rerun_script.page_name = page
        start = time.perf_counter()
        await ws.send(message.SerializeToString())
        received, exceptions, session_id, files = 0, 0, "", {}
        while True:
            raw = await asyncio.wait_for(ws.recv(), timeout)
            received += len(raw)
            forward = ForwardMsg.FromString(raw)
            kind = forward.WhichOneof("type")
            if kind == "new_session":
                session_id = forward.new_session.initialize.session_id
            elif kind == "delta" and forward.delta.WhichOneof("type") == "new_element":
                element = forward.delta.new_element
                if element.WhichOneof("type") == "exception":
                    exceptions += 1
                    _LOG.warning("%s?%s: %s", page, query, element.exception.message[:300])
                if element.WhichOneof("type") == "download_button":
                    button = element.download_button
                    files.setdefault(_download_kind(button.id), button.deferred_file_id)
            elif kind == "script_finished":
                break
        run = Run(time.perf_counter() - start, received, exceptions)
        if download in files:
            run.download = await _fetch(
                ws, port, session_id, files[download], download, cookie, timeout
            )
        if hold is not None:
            finished.append(run)
            await hold.wait()
        return run
