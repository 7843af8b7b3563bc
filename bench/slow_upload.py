"""Another user's page while two anonymous clients upload slowly (20 KB/s) to the public
verification page: straight to gunicorn, and through the nginx of deploy/nginx/rakor.conf.

A sync gunicorn worker reads a request body as slowly as the client sends it, so two slow
uploads hold both workers of the default recipe. nginx receives the whole body before it
passes the request on (proxy_request_buffering), and drops a client that stalls
(client_body_timeout). Each upload is bounded: it sends at most --upload-seconds of data at
20 KB/s. The page (a meeting page of a signed-in operator) is timed idle and during the
uploads, once without and once with nginx. Needs nginx (`apt-get install nginx-light`).
Last line (with nginx, the production recipe):

    page_p50_idle_ms=<x> page_p50_during_slow_uploads_ms=<y> ratio=<y/x> direct_ratio=<z>

Run: .venv/bin/python bench/slow_upload.py [--upload-seconds 20]
"""

import argparse
import http.client
import os
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.server import (  # noqa: E402
    bench_user,
    free_port,
    gunicorn,
    portal_env,
    session_cookie,
    timed_get,
)

NGINX_MAIN = """
daemon off;
worker_processes 1;
pid {work}/nginx.pid;
error_log {work}/nginx-error.log warn;
events {{ worker_connections 256; }}
http {{
    access_log off;
    client_body_temp_path {work}/body;
    proxy_temp_path {work}/proxy;
    fastcgi_temp_path {work}/fastcgi;
    uwsgi_temp_path {work}/uwsgi;
    scgi_temp_path {work}/scgi;
    include {work}/rakor.conf;
}}
"""


def nginx_site(work: Path, listen: int, upstream: int, static_root: str) -> str:
    """deploy/nginx/rakor.conf with this run's ports and static folder."""
    site = (ROOT / "deploy" / "nginx" / "rakor.conf").read_text(encoding="utf-8")
    for old, new in (
        ("server 127.0.0.1:8000;", f"server 127.0.0.1:{upstream};"),
        ("listen 80;", f"listen 127.0.0.1:{listen};"),
        ("/srv/rakor/app/staticfiles/", static_root.rstrip("/") + "/"),
    ):
        if old not in site:
            raise SystemExit(f"deploy/nginx/rakor.conf no longer contains {old!r}")
        site = site.replace(old, new)
    return site


def get(port: int, path: str, cookie: str) -> float:
    """Milliseconds of one GET that must answer 200."""
    status, _type, ms, _size = timed_get(port, path, cookie)
    if status != 200:
        raise SystemExit(f"GET {path} answered {status}")
    return ms


def slow_upload(port: int, path: str, seconds: float, stop: threading.Event) -> None:
    """An anonymous multipart POST of 1 MB, sent at 20 KB/s for at most `seconds`."""
    # As a browser: a form page first (its CSRF cookie and token), then the upload, so that
    # the server reads the body (the CSRF check does) instead of refusing at once.
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    connection.request("GET", "/accounts/login/", headers={"Host": "127.0.0.1"})
    response = connection.getresponse()
    page = response.read().decode()
    cookie = response.getheader("Set-Cookie", "").split(";", 1)[0]
    connection.close()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    boundary = "bench" + secrets.token_hex(8)
    head = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="csrfmiddlewaretoken"\r\n\r\n'
        f"{token}\r\n"
        f'--{boundary}\r\nContent-Disposition: form-data; name="document"; '
        f'filename="notula.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-'
    ).encode()
    total = 1024 * 1024
    request = (
        f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: {cookie}\r\n"
        f"Content-Type: multipart/form-data; boundary={boundary}\r\n"
        f"Content-Length: {total}\r\nConnection: close\r\n\r\n"
    ).encode()
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=120) as sock:
            sock.sendall(request + head)
            started = time.perf_counter()
            while not stop.is_set() and time.perf_counter() - started < seconds:
                sock.sendall(b"0" * 2048)  # 2 KB every 0.1 s: 20 KB/s
                time.sleep(0.1)
    except OSError:
        pass  # dropped by the server: what a stalled client should get


def measure(port: int, page: str, cookie: str, seconds: float, verify: str) -> tuple:
    idle = [get(port, page, cookie) for _ in range(100)]
    stop = threading.Event()
    uploads = [
        threading.Thread(target=slow_upload, args=(port, verify, seconds, stop)) for _ in range(2)
    ]
    for thread in uploads:
        thread.start()
    time.sleep(1)  # both uploads are under way
    during, started = [], time.perf_counter()
    while time.perf_counter() - started < seconds - 2:
        during.append(get(port, page, cookie))
        time.sleep(0.05)
    stop.set()
    for thread in uploads:
        thread.join()
    return statistics.median(idle), statistics.median(during), len(during)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--upload-seconds", type=float, default=20)
    args = parser.parse_args()
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(nginx).exists():
        raise SystemExit("needs nginx: apt-get install nginx-light")

    work = Path(tempfile.mkdtemp(prefix="pilkada-bench-"))
    env = portal_env(work, LOG_LEVEL="ERROR", AXES_IPWARE_PROXY_COUNT="0")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from accounts.roles import Role
    from bench.generate import generate_meeting

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    meeting = generate_meeting(participants=30, agenda_items=8, briefings=5)
    cookie = session_cookie(bench_user(Role.OPERATOR, agency=meeting.organizer))
    connection.close()
    page, verify = f"/meetings/{meeting.pk}/", "/verifikasi/BENCH0001/"

    with gunicorn(env) as upstream:
        for _ in range(20):
            get(upstream, page, cookie)
        direct = measure(upstream, page, cookie, args.upload_seconds, verify)
        print(
            f"straight to gunicorn: page p50 {direct[0]:.1f} ms idle, {direct[1]:.1f} ms during "
            f"two slow uploads ({direct[2]} pages in {args.upload_seconds:.0f} s)",
            flush=True,
        )
        listen = free_port()
        (work / "rakor.conf").write_text(nginx_site(work, listen, upstream, str(work / "static")))
        (work / "nginx.conf").write_text(NGINX_MAIN.format(work=work))
        proxy = subprocess.Popen(
            [nginx, "-c", str(work / "nginx.conf"), "-p", str(work)], start_new_session=True
        )
        try:
            deadline = time.monotonic() + 10
            while True:
                try:
                    get(listen, page, cookie)
                    break
                except (OSError, SystemExit):
                    if time.monotonic() > deadline or proxy.poll() is not None:
                        raise SystemExit("nginx did not start") from None
                    time.sleep(0.2)
            proxied = measure(listen, page, cookie, args.upload_seconds, verify)
        finally:
            os.killpg(proxy.pid, signal.SIGTERM)
            proxy.wait(timeout=30)
    shutil.rmtree(work, ignore_errors=True)
    print(
        f"through nginx: page p50 {proxied[0]:.1f} ms idle, {proxied[1]:.1f} ms during two "
        f"slow uploads ({proxied[2]} pages)"
    )
    print(
        f"page_p50_idle_ms={proxied[0]:.1f} page_p50_during_slow_uploads_ms={proxied[1]:.1f} "
        f"ratio={proxied[1] / proxied[0]:.2f} direct_ratio={direct[1] / direct[0]:.2f}"
    )


if __name__ == "__main__":
    main()
