"""The gunicorn server the benchmarks measure, run as README's production recipe does."""

import http.client
import os
import secrets
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


def portal_env(workdir: Path, **extra: str) -> dict:
    """The environment of a portal served as README's production recipe does: DEBUG off, a
    throw-away secret key, BENCH_DATABASE_URL or an SQLite file in workdir, static files in
    workdir; `extra` adds or overrides variables. It is also set in this process, which may
    then call django.setup() to prepare the data the benchmark serves."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "pilkada_portal.settings.base",
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(40),
        "ALLOWED_HOSTS": "127.0.0.1,testserver",
        "DATABASE_URL": os.environ.get(
            "BENCH_DATABASE_URL", f"sqlite:///{workdir / 'bench.sqlite3'}"
        ),
        "STATIC_ROOT": str(workdir / "static"),
        "LOG_LEVEL": "WARNING",
        **extra,
    }
    os.environ.update(env)
    return env


def session_cookie(user) -> str:
    """A signed-in session of user, as a Cookie header value (after django.setup())."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[-1]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"


def bench_user(role, agency=None):
    """A new account with this role (accounts.roles.Role) acting for `agency` (staff see the
    meetings it organizes, accounts.rules), for a benchmark's requests."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from accounts.models import Profile

    user = get_user_model().objects.create_user(f"bench-{secrets.token_hex(4)}")
    user.groups.set(Group.objects.filter(name=role.value))
    if agency is not None:
        Profile.objects.create(user=user, agency=agency)
    return user


def timed_get(port: int, path: str, cookie: str = "") -> tuple[int, str, float, int]:
    """One GET on a fresh connection (gunicorn's sync workers close each one): status, content
    type, milliseconds, body size."""
    start = time.perf_counter()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    connection.request("GET", path, headers={"Cookie": cookie, "Host": "127.0.0.1"})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    elapsed = (time.perf_counter() - start) * 1000
    return response.status, response.getheader("Content-Type", ""), elapsed, len(body)
