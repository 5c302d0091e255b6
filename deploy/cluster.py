"""Several dashboard workers behind HAProxy on one machine:
`python -m deploy.cluster --workers 2` (Ctrl-C stops all).

One Streamlit process computes on one core at most (Python's GIL), so a machine with N cores
serves about N times as many people with N processes. Each keeps its sessions in memory;
HAProxy (Debian's `haproxy` package) sends every request of a browser to the worker that
served its first one, by a cookie (see deploy/haproxy.cfg, the single place of the balancer's
settings). The database is built once before the workers start, so they never race to
build it.
"""

import argparse
import contextlib
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parent
HAPROXY_CFG = HERE / "haproxy.cfg"
LOOPBACK = "127.0.0.1"
# Seconds each worker and the balancer get to answer their health check after starting.
START_TIMEOUT = 90


def haproxy_config(workers, address, port, template=HAPROXY_CFG):
    """deploy/haproxy.cfg with its `server` lines replaced by `workers` ((name, host, port)
    triples) and the balancer listening on address:port."""
    text = template.read_text(encoding="utf-8")
    text = re.sub(r"^\s*server .*\n", "", text, flags=re.MULTILINE)
    text = re.sub(r"^(\s*)bind \S+", rf"\1bind {address}:{port}", text, flags=re.MULTILINE)
    servers = "".join(
        f"    server {name} {host}:{worker_port} cookie {name}\n"
        for name, host, worker_port in workers
    )
    return text.rstrip("\n") + "\n" + servers


def wait_healthy(url, process, timeout=START_TIMEOUT):
    """Wait until `url`/_stcore/health answers 200; fail early if `process` ends."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        if process.poll() is not None:
            raise RuntimeError(f"{url}: the process ended with code {process.returncode}")
        if time.monotonic() > deadline:
            raise RuntimeError(f"{url}: no healthy answer within {timeout} s")
        time.sleep(0.3)


def free_port(host=LOOPBACK):
    import socket

    with socket.socket() as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


def _stop(process):
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _start(port, script, host, quiet, options):
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(REPO_ROOT / script),
            "--server.address",
            host,
            "--server.port",
            str(port),
            "--server.headless",
            "true",
            *options,
        ],
        cwd=REPO_ROOT,
        stdout=subprocess.DEVNULL,  # Streamlit's banner names the worker's port, not ours
        stderr=subprocess.DEVNULL if quiet else None,
    )


@contextlib.contextmanager
def workers(ports, script="serve.py", host=LOOPBACK, quiet=True, options=()):
    """`streamlit run` of a script of the repository on host:port for each of `ports`
    (with further command-line `options`), all started at once and healthy when yielded;
    stopped afterwards."""
    processes = []
    try:
        for port in ports:
            processes.append(_start(port, script, host, quiet, options))
        for port, process in zip(ports, processes, strict=True):
            wait_healthy(f"http://{host}:{port}", process)
        yield processes
    finally:
        for process in processes:
            _stop(process)


@contextlib.contextmanager
def worker(port, script="serve.py", host=LOOPBACK, quiet=True, options=()):
    """One worker (see `workers`)."""
    with workers([port], script, host, quiet, options) as (process,):
        yield process


@dataclass
class Cluster:
    url: str  # the balancer's address, for browsers
    workers: list  # the workers' processes, in the balancer's order (app1, app2, …)
    balancer: subprocess.Popen


def haproxy_binary():
    """The `haproxy` command, or None where it is not installed."""
    return shutil.which("haproxy") or next(
        (p for p in ("/usr/sbin/haproxy", "/usr/local/sbin/haproxy") if os.path.exists(p)), None
    )


@contextlib.contextmanager
def cluster(count=2, port=None, address=LOOPBACK, script="serve.py", quiet=True):
    """`count` Streamlit processes on free loopback ports behind HAProxy on address:port
    (a free loopback port if None); all healthy when yielded, all stopped afterwards."""
    binary = haproxy_binary()
    if binary is None:
        raise RuntimeError("HAProxy is not installed (Debian: apt-get install haproxy)")
    from indicators import open_db

    open_db().close()  # built here once (when missing or outdated), not by each worker
    port = port or free_port()
    with contextlib.ExitStack() as stack:
        ports = [free_port() for _ in range(count)]
        processes = stack.enter_context(workers(ports, script, quiet=quiet))
        folder = Path(stack.enter_context(tempfile.TemporaryDirectory()))
        config = folder / "haproxy.cfg"
        named = [(f"app{n + 1}", LOOPBACK, p) for n, p in enumerate(ports)]
        config.write_text(haproxy_config(named, address, port), encoding="utf-8")
        balancer = subprocess.Popen(
            [binary, "-db", "-f", str(config)],
            stdout=subprocess.DEVNULL if quiet else None,  # the access log
            stderr=subprocess.DEVNULL if quiet else None,
        )
        stack.callback(_stop, balancer)
        url = f"http://{LOOPBACK if address in ('0.0.0.0', '') else address}:{port}"
        wait_healthy(url, balancer)
        yield Cluster(url, processes, balancer)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--workers", type=int, default=os.cpu_count() or 1, help="default: one per core"
    )
    parser.add_argument("--port", type=int, default=8501, help="the balancer's port")
    parser.add_argument(
        "--address", default="0.0.0.0", help="the balancer's address (workers: loopback only)"
    )
    args = parser.parse_args(argv)
    if args.workers < 1:
        parser.error("--workers must be at least 1")
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))  # stop the workers on SIGTERM too
    with cluster(args.workers, args.port, args.address, quiet=False) as running:
        print(f"{args.workers} workers behind HAProxy: {running.url}", flush=True)
        processes = [*running.workers, running.balancer]
        with contextlib.suppress(KeyboardInterrupt):
            while all(p.poll() is None for p in processes):
                time.sleep(1)
            print("a worker or the balancer ended: stopping all", file=sys.stderr, flush=True)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
