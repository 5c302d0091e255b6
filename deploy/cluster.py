"""Several dashboard workers behind HAProxy on one machine:
`python -m deploy.cluster --workers 2` (Ctrl-C or SIGTERM stops all).

One Streamlit process computes on one core at most (Python's GIL), so a machine with N cores
serves about N times as many people with N processes. Each keeps its sessions in memory;
HAProxy (Debian's `haproxy` package) sends every request of a browser to the worker that
served its first one, by a cookie (see deploy/haproxy.cfg, the single place of the balancer's
settings). The database is built once before the workers start, so they never race to
build it.
"""

import argparse
import contextlib
import functools
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
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
    """deploy/haproxy.cfg with its `server` lines replaced, where they stand, by `workers`
    ((name, host, port) triples), and the balancer listening on address:port."""
    lines = template.read_text(encoding="utf-8").splitlines(keepends=True)
    servers = [n for n, line in enumerate(lines) if line.lstrip().startswith("server ")]
    lines[servers[0] : servers[-1] + 1] = [
        f"    server {name} {host}:{worker_port} cookie {name}\n"
        for name, host, worker_port in workers
    ]
    text = "".join(lines)
    host = f"[{address}]" if ":" in address else address
    return re.sub(r"^(\s*)bind \S+", rf"\1bind {host}:{port}", text, flags=re.MULTILINE)


def wait_healthy(url, process, timeout=START_TIMEOUT):
    """Wait until `url`/_stcore/health answers 200 while `process` runs (so that another
    server on the same port cannot pass for it); fail when it ends or after `timeout` s."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200 and process.poll() is None:
                    return
        except OSError:
            pass
        if process.poll() is not None:
            raise RuntimeError(f"{url}: the process ended with code {process.returncode}")
        if time.monotonic() > deadline:
            raise RuntimeError(f"{url}: no healthy answer within {timeout} s")
        time.sleep(0.3)


def free_port(host=LOOPBACK):
    with socket.socket() as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


def _stop(processes, timeout=20):
    """Ask all to end at once, give them `timeout` seconds together, then kill the rest."""
    for process in processes:
        if process.poll() is None:
            process.terminate()
    deadline = time.monotonic() + timeout
    for process in processes:
        try:
            process.wait(timeout=max(0.1, deadline - time.monotonic()))
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
        _stop(processes)


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
    ports: list  # the workers' ports, in the same order
    start: object  # port -> a new worker process on it

    @property
    def port(self):
        """The balancer's port."""
        return urllib.parse.urlsplit(self.url).port

    def restart_ended(self):
        """Start again each worker that has ended (HAProxy's health check takes it back);
        the names of those restarted. Its sessions are lost: their browsers reconnect to
        another worker, and the URL brings them back to their view."""
        restarted = []
        for n, process in enumerate(self.workers):
            if process.poll() is not None:
                self.workers[n] = self.start(self.ports[n])
                restarted.append(f"app{n + 1}")
        return restarted


def haproxy_binary():
    """The `haproxy` command, or None where it is not installed."""
    return shutil.which("haproxy") or next(
        (p for p in ("/usr/sbin/haproxy", "/usr/local/sbin/haproxy") if os.path.exists(p)), None
    )


def _local_url(address, port):
    """Where this machine reaches a server listening on address:port."""
    if address in ("0.0.0.0", "", "::"):
        address = LOOPBACK
    return f"http://[{address}]:{port}" if ":" in address else f"http://{address}:{port}"


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
        errors = stack.enter_context(open(folder / "haproxy.err", "w+b"))
        balancer = subprocess.Popen(
            [binary, "-db", "-f", str(config)],
            stdout=subprocess.DEVNULL if quiet else None,  # the access log
            stderr=errors if quiet else None,
        )
        stack.callback(_stop, [balancer])
        url = _local_url(address, port)
        try:
            wait_healthy(url, balancer)
        except RuntimeError as exc:
            errors.seek(0)
            said = errors.read().decode("utf-8", "replace").strip()[-600:]
            raise RuntimeError(f"{exc}. HAProxy: {said or '(see its output above)'}") from None
        start = functools.partial(_start, script=script, host=LOOPBACK, quiet=quiet, options=())
        yield Cluster(url, processes, balancer, ports, start)


def _shutdown(*_):
    """On the first SIGTERM or Ctrl-C: leave through the context managers, which stop every
    process; further signals are ignored, so that they cannot cut that clean-up short."""
    for number in (signal.SIGTERM, signal.SIGINT):
        signal.signal(number, signal.SIG_IGN)
    raise SystemExit(0)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    cores = len(os.sched_getaffinity(0))  # the cores this process may use (a container's)
    parser.add_argument("--workers", type=int, default=cores, help="default: one per core")
    parser.add_argument("--port", type=int, default=8501, help="the balancer's port")
    parser.add_argument(
        "--address", default="0.0.0.0", help="the balancer's address (workers: loopback only)"
    )
    args = parser.parse_args(argv)
    if args.workers < 1:
        parser.error("--workers must be at least 1")
    for number in (signal.SIGTERM, signal.SIGINT):
        signal.signal(number, _shutdown)
    with cluster(args.workers, args.port, args.address, quiet=False) as running:
        print(f"{args.workers} workers behind HAProxy: {running.url}", flush=True)
        while running.balancer.poll() is None:
            for name in running.restart_ended():
                print(f"{name} had ended: started again", file=sys.stderr, flush=True)
            time.sleep(5)
        print("the balancer ended: stopping the workers", file=sys.stderr, flush=True)
        return 1


if __name__ == "__main__":
    sys.exit(main())
