"""Self check-ins under load: 300 phones from 32 concurrent clients against gunicorn.

Serves the portal as README's production recipe does (gunicorn, 2 sync workers, DEBUG off)
on 127.0.0.1, with PostgreSQL when BENCH_DATABASE_URL is set (else a throw-away SQLite file,
which serialises every write). Each simulated phone opens the QR link, then sends its name,
position, invitation and a drawn signature (a 10-30 KB PNG). The rate limit per address is
raised for the run (every phone here has the same address). hello-world (/healthz) is timed
under the same number of concurrent clients, before the check-ins. Last line:

    checkins=<n> lost=<n> duplicates=<n> p50_ms=<x> p99_ms=<y> hello_p50_ms=<z> ratio_p50=<x/z>

Run: .venv/bin/python bench/checkin.py [--checkins 300] [--clients 32]
"""

import argparse
import base64
import http.client
import io
import random
import re
import shutil
import statistics
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.server import gunicorn, portal_env  # noqa: E402


def signature(seed: int) -> str:
    """A signature-like PNG of 10-30 KB, as a phone's canvas sends it."""
    from PIL import Image, ImageDraw

    rng = random.Random(seed)
    image = Image.new("RGBA", (900, 300), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    for _ in range(rng.randint(25, 60)):
        points = [(rng.randint(10, 890), rng.randint(10, 290)) for _ in range(rng.randint(3, 8))]
        draw.line(points, fill=(11, 31, 77, 255), width=rng.randint(2, 4))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()


class Phone:
    """One phone: its own cookies, one connection per request (sync workers close them)."""

    def __init__(self, port: int):
        self.port, self.cookies = port, {}

    def request(self, method: str, path: str, body: str | None = None):
        headers = {"Host": "127.0.0.1"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Referer"] = f"http://127.0.0.1:{self.port}/"
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        start = time.perf_counter()
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        content = response.read().decode("utf-8", "replace")
        elapsed = (time.perf_counter() - start) * 1000
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _eq, rest = value.partition("=")
                self.cookies[name] = rest.split(";", 1)[0]
        connection.close()
        return response.status, content, elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--checkins", type=int, default=300)
    parser.add_argument("--clients", type=int, default=32)
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="pilkada-bench-"))
    env = portal_env(
        workdir,
        ALLOWED_HOSTS="127.0.0.1",
        CSRF_TRUSTED_ORIGINS="http://127.0.0.1",
        PRIVATE_MEDIA_ROOT=str(workdir / "private"),
        CHECKIN_QR_SECONDS="3600",
        CHECKIN_RATE_PER_ADDRESS="1000000",
    )
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone

    from attendance import checkin, services
    from attendance.models import Attendee
    from tests.agencies.factories import AgencyFactory
    from tests.meetings.factories import MeetingFactory, ParticipationFactory

    print(f"database: {settings.DATABASES['default']['ENGINE']}", flush=True)
    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    meeting = MeetingFactory(date=timezone.localdate(), start_time=None, title="Bench Rakor")
    invitations = [
        ParticipationFactory(meeting=meeting, agency=AgencyFactory(), status="invited").pk
        for _ in range(40)
    ]
    desk = services.desk_get_or_open(meeting=meeting)
    link = f"/hadir/{checkin.qr_token(desk)}/"
    signatures = [signature(seed) for seed in range(20)]
    encoded = [urllib.parse.quote_plus(s) for s in signatures]
    sizes = [len(base64.b64decode(s.split(",", 1)[1])) // 1024 for s in signatures]
    print(f"signature sizes {min(sizes)}-{max(sizes)} KB", flush=True)
    connection.close()

    latencies, failures, hello = [], [], []
    lock = threading.Lock()
    counter = iter(range(args.checkins))

    def phone_worker():
        while True:
            with lock:
                number = next(counter, None)
            if number is None:
                return
            phone = Phone(port)
            status, page, _ms = phone.request("GET", link)
            token = re.search(r'name="desk" value="([^"]+)"', page)
            csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
            if status != 200 or not token or not csrf:
                with lock:
                    failures.append(f"GET {status}")
                continue
            body = urllib.parse.urlencode(
                {
                    "csrfmiddlewaretoken": csrf.group(1),
                    "desk": token.group(1),
                    "invitation": str(invitations[number % len(invitations)]),
                    "name": f"Peserta Bench {number:03d}",
                    "position": "Staf",
                }
            )
            # The signature was URL-encoded once, up front: the client shares the server's
            # two cores, and re-encoding 30 KB per request would take CPU from the server.
            body += "&signature=" + encoded[number % len(encoded)]
            status, page, elapsed = phone.request("POST", "/hadir/", body)
            with lock:
                if status == 200 and "checkin-done" in page:
                    latencies.append(elapsed)
                else:
                    failures.append(f"POST {status}")

    def hello_worker(count: int):
        for _ in range(count):
            elapsed = Phone(port).request("GET", "/healthz")[2]
            with lock:
                hello.append(elapsed)

    with gunicorn(env) as port:
        for _ in range(20):  # warm both workers
            Phone(port).request("GET", link)
        alone = [Phone(port).request("GET", "/healthz")[2] for _ in range(100)]
        # The goal compares like with like: hello-world under the same number of concurrent
        # clients as the check-ins (one request at a time would compare a queue to no queue).
        threads = [
            threading.Thread(target=hello_worker, args=(max(10, args.checkins // args.clients),))
            for _ in range(args.clients)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(600)
        threads = [threading.Thread(target=phone_worker) for _ in range(args.clients)]
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(600)
        wall = time.perf_counter() - started

    names = list(Attendee.objects.filter(meeting=meeting).values_list("name", flat=True))
    stored = len(names)
    duplicates = stored - len(set(names))
    lost = args.checkins - len(set(names))
    shutil.rmtree(workdir, ignore_errors=True)
    if failures:
        print(f"failed requests: {len(failures)} ({sorted(set(failures))})")
    p50 = statistics.median(latencies) if latencies else float("nan")
    p99 = statistics.quantiles(latencies, n=100)[-1] if len(latencies) > 1 else float("nan")
    hello_p50 = statistics.median(hello)
    print(f"{args.checkins} check-ins from {args.clients} clients in {wall:.1f} s")
    print(
        f"hello-world one at a time: p50 {statistics.median(alone):.2f} ms; "
        f"under {args.clients} clients: p50 {hello_p50:.2f} ms"
    )
    print(
        f"checkins={len(latencies)} lost={lost} duplicates={duplicates} p50_ms={p50:.1f} "
        f"p99_ms={p99:.1f} hello_p50_ms={hello_p50:.2f} ratio_p50={p50 / hello_p50:.1f}"
    )


if __name__ == "__main__":
    main()
