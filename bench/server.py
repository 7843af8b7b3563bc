"""The gunicorn server the benchmarks measure, run as README's production recipe does."""

import http.client
import os
import signal
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _healthy(port: int) -> bool:
    try:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        connection.request("GET", "/healthz", headers={"Host": "127.0.0.1"})
        ok = connection.getresponse().status == 200
        connection.close()
        return ok
    except OSError:
        return False


@contextmanager
def gunicorn(env: dict, workers: int = 2):
    """Serve the portal on a free loopback port with `workers` sync workers; yields the port."""
    port = free_port()
    server = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "--config=gunicorn.conf.py",
            "pilkada_portal.wsgi",
            f"--workers={workers}",
            f"--bind=127.0.0.1:{port}",
            "--log-level=warning",
        ],
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 30
        while not _healthy(port):
            if time.monotonic() > deadline or server.poll() is not None:
                raise SystemExit("gunicorn did not start")
            time.sleep(0.2)
        yield port
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


@contextmanager
def task_worker(env: dict, workers: int = 1, nice: int = 0):
    """`workers` database task workers (documents) as docs/DEPLOY.md runs them, at `nice`."""
    processes = [
        subprocess.Popen(
            [
                *(["nice", "-n", str(nice)] if nice else []),
                sys.executable,
                "manage.py",
                "db_worker",
                "--queue-name=documents,prerender",
                "--no-reload",
                "--interval=0.2",
            ],
            cwd=ROOT,
            env=env,
            start_new_session=True,
        )
        for _ in range(workers)
    ]
    try:
        yield processes
    finally:
        for process in processes:
            os.killpg(process.pid, signal.SIGTERM)
        for process in processes:
            process.wait(timeout=60)
