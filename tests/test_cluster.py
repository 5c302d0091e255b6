"""Several workers behind HAProxy on one machine (deploy/cluster.py): the balancer keeps each
browser on one worker, so its session and its downloads are found; the one command of the
README starts and stops it all."""

import asyncio
import os
import signal
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from bench.served import browser_session, session_run
from deploy.cluster import (
    HAPROXY_CFG,
    REPO_ROOT,
    cluster,
    free_port,
    haproxy_binary,
    haproxy_config,
    wait_healthy,
)

needs_haproxy = pytest.mark.skipif(
    haproxy_binary() is None,
    reason="HAProxy is not installed (Debian: apt-get install haproxy; .ci/run installs it)",
)


def test_local_config_is_the_deployed_one_with_local_workers():
    text = haproxy_config([("app1", "127.0.0.1", 9101), ("app2", "127.0.0.1", 9102)], "::", 80)
    servers = [line.split() for line in text.splitlines() if line.strip().startswith("server ")]
    assert servers == [
        ["server", "app1", "127.0.0.1:9101", "cookie", "app1"],
        ["server", "app2", "127.0.0.1:9102", "cookie", "app2"],
    ]
    assert "    bind [::]:80\n" in text
    deployed = HAPROXY_CFG.read_text(encoding="utf-8")
    for setting in ("cookie REGIOPOLE_WORKER insert", "option httpchk GET /_stcore/health"):
        assert setting in deployed and setting in text


def _run(coroutine_function, *args, **kwargs):
    """Run a client coroutine to its end in a thread of its own: after the browser tests,
    Playwright keeps an event loop running in the main thread."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(lambda: asyncio.run(coroutine_function(*args, **kwargs))).result()


def _cookie(url):
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.headers["Set-Cookie"].split(";")[0]


@needs_haproxy
def test_each_browser_stays_on_its_worker_and_gets_its_downloads():
    with cluster(2) as running:
        port = running.port
        # new browsers are spread over both workers, each told its worker by the cookie
        assert {_cookie(running.url + "/") for _ in range(4)} == {
            "REGIOPOLE_WORKER=app1",
            "REGIOPOLE_WORKER=app2",
        }
        for page, query, kind, size in (
            ("profil", "region=rostock", "pdf", 5_000),
            ("rangliste", "ind=gdp_per_capita", "csv", 2_000),
            ("vergleich", "ind=unemployment_rate&regions=trier,rostock", "xlsx", 5_000),
        ):
            run = _run(browser_session, port, page, query, kind)
            assert run.exceptions == 0
            assert run.download[0] == kind and run.download[2], run.download
            assert run.download[1] > size
        # Without the cookie the download request goes to the worker with fewer
        # connections: the other one, which has no such file. This is why affinity is needed.
        run = _run(session_run, port, "rangliste", "ind=gdp_per_capita", download="csv")
        assert run.download == ("csv", 0, False)


def _wait_for(text, log, seconds=30):
    deadline = time.monotonic() + seconds
    while text not in log.read_text() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert text in log.read_text()


def _cmdline(pid):
    return Path(f"/proc/{pid}/cmdline").read_bytes()


def _children(pid):
    with open(f"/proc/{pid}/task/{pid}/children", encoding="ascii") as f:
        return set(f.read().split())


@needs_haproxy
def test_one_command_starts_restarts_and_stops_workers_and_balancer(tmp_path):
    port = free_port()
    command = [sys.executable, "-m", "deploy.cluster", "--workers", "2", "--port", str(port)]
    log = tmp_path / "out.txt"
    with (
        log.open("w") as out,
        subprocess.Popen(command, cwd=REPO_ROOT, stdout=out, stderr=out) as process,
    ):
        try:
            wait_healthy(f"http://127.0.0.1:{port}", process)
            _wait_for(f"2 workers behind HAProxy: http://127.0.0.1:{port}", log)
            children = _children(process.pid)
            assert len(children) == 3  # two workers, one balancer
            worker = next(
                p for p in children if "streamlit" in Path(f"/proc/{p}/cmdline").read_text()
            )
            os.kill(int(worker), signal.SIGKILL)  # a worker crashes: it is started again
            deadline = time.monotonic() + 60
            while len(_children(process.pid) - children) < 1 and time.monotonic() < deadline:
                time.sleep(0.5)
            assert len(_children(process.pid)) == 3
            _wait_for("had ended: started again", log)
            wait_healthy(f"http://127.0.0.1:{port}", process)
            children = _children(process.pid)
        finally:
            process.send_signal(signal.SIGTERM)
            assert process.wait(timeout=60) == 0
    for pid in children:  # all gone with it
        assert not Path(f"/proc/{pid}").exists()
