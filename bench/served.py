"""The real app served on 127.0.0.1, and the two kinds of clients that measure it:
Debian's Chromium (via Playwright) and bare Streamlit websocket sessions.

Loopback only: nothing here talks to any other address.
"""

import asyncio
import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass

from indicators.paths import REPO_ROOT

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
HOST = "127.0.0.1"


def free_port():
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


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
def streamlit_server(script="serve.py", timeout=60):
    """Start `streamlit run serve.py` (as deployed; or another `script` of the repository) on
    a free loopback port; stop it afterwards."""
    port = free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(REPO_ROOT / script),
            "--server.address",
            HOST,
            "--server.port",
            str(port),
            "--server.headless",
            "true",
        ],
        cwd=REPO_ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://{HOST}:{port}"
    deadline = time.monotonic() + timeout
    try:
        while True:
            try:
                urllib.request.urlopen(f"{url}/_stcore/health", timeout=2)
                break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise RuntimeError("Streamlit did not start") from None
                time.sleep(0.3)
        yield Server(url, port, process)
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


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
    exceptions: int


async def session_run(port, page, query, hold=None, finished=None, timeout=120):
    """One Streamlit session over a websocket: run `page` with `query` until the script
    finishes. Counts bytes and exception elements. With `hold` (an asyncio.Event) the
    connection stays open until the event is set, to measure many live sessions; the run is
    then appended to `finished` as soon as the script has finished."""
    import websockets
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    uri = f"ws://{HOST}:{port}/_stcore/stream"
    async with websockets.connect(uri, max_size=None) as ws:
        message = BackMsg()
        message.rerun_script.query_string = query
        message.rerun_script.page_name = page
        start = time.perf_counter()
        await ws.send(message.SerializeToString())
        received, exceptions = 0, 0
        while True:
            raw = await asyncio.wait_for(ws.recv(), timeout)
            received += len(raw)
            forward = ForwardMsg.FromString(raw)
            kind = forward.WhichOneof("type")
            if (
                kind == "delta"
                and forward.delta.WhichOneof("type") == "new_element"
                and forward.delta.new_element.WhichOneof("type") == "exception"
            ):
                exceptions += 1
            if kind == "script_finished":
                break
        run = Run(time.perf_counter() - start, received, exceptions)
        if hold is not None:
            finished.append(run)
            await hold.wait()
        return run
