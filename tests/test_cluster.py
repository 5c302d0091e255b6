"""Several workers behind HAProxy on one machine (deploy/cluster.py): the balancer keeps each
browser on one worker, so its session and its downloads are found; the one command of the
README starts and stops it all."""

import asyncio
import signal
import subprocess
import sys
import time
import urllib.request
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
    assert "    bind :::80\n" in text
    deployed = HAPROXY_CFG.read_text(encoding="utf-8")
    for setting in ("cookie REGIOPOLE_WORKER insert", "option httpchk GET /_stcore/health"):
        assert setting in deployed and setting in text


def _cookie(url):
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.headers["Set-Cookie"].split(";")[0]


@needs_haproxy
def test_each_browser_stays_on_its_worker_and_gets_its_downloads():
    with cluster(2) as running:
        port = int(running.url.rsplit(":", 1)[1])
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
            run = asyncio.run(browser_session(port, page, query, kind))
            assert run.exceptions == 0
            assert run.download[0] == kind and run.download[2], run.download
            assert run.download[1] > size
        # Without the cookie the download request goes to the worker with fewer
        # connections: the other one, which has no such file. This is why affinity is needed.
        run = asyncio.run(session_run(port, "rangliste", "ind=gdp_per_capita", download="csv"))
        assert run.download == ("csv", 0, False)


@needs_haproxy
def test_one_command_starts_workers_and_balancer_and_stops_them():
    port = free_port()
    command = [sys.executable, "-m", "deploy.cluster", "--workers", "2", "--port", str(port)]
    with subprocess.Popen(
        command, cwd=REPO_ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    ) as process:
        try:
            wait_healthy(f"http://127.0.0.1:{port}", process)
            lines = [process.stdout.readline() for _ in range(3)]  # the access log's too
            assert any(line.startswith("2 workers behind HAProxy: http://") for line in lines)
            with open(f"/proc/{process.pid}/task/{process.pid}/children", encoding="ascii") as f:
                children = f.read().split()
            assert len(children) == 3  # two workers, one balancer
        finally:
            process.send_signal(signal.SIGTERM)
            assert process.wait(timeout=60) == 0
    time.sleep(0.5)
    for pid in children:  # all gone with it
        assert not Path(f"/proc/{pid}").exists()
