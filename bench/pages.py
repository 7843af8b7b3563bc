"""Latency of the meeting page against a hello-world view of the same gunicorn server.

Builds a "medium" meeting (100 participants, 15 agenda items, 15 briefings with 5 indicators
and 2 risks each) in a throw-away SQLite database (or BENCH_DATABASE_URL), serves the portal
with gunicorn (gunicorn.conf.py, 2 workers, DEBUG off) on 127.0.0.1, and times the meeting
page (signed in as an attendee) and /healthz under 16 concurrent connections, in rounds that
alternate which goes first. Last line:

    meeting_p50_ms=<x> hello_p50_ms=<y> ratio=<x/y> queries=<n>

Run: .venv/bin/python bench/pages.py [--requests N]
"""

import argparse
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.server import (  # noqa: E402
    bench_user,
    gunicorn,
    portal_env,
    session_cookie,
    timed_get,
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=640, help="requests per URL")
    parser.add_argument("--connections", type=int, default=16, help="concurrent clients")
    parser.add_argument("--rounds", type=int, default=4, help="alternating rounds")
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="pilkada-bench-"))
    env = portal_env(workdir)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from accounts.roles import Role
    from bench.generate import generate_meeting

    print(f"database: {settings.DATABASES['default']['ENGINE']}", flush=True)
    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    started = time.perf_counter()
    meeting = generate_meeting(participants=100, agenda_items=15, briefings=15)
    print(f"generated the medium meeting in {time.perf_counter() - started:.1f} s", flush=True)

    # An attendee of one of the invited institutions, the portal's most common reader.
    user = bench_user(Role.PESERTA, agency=meeting.participations.first().agency)
    cookie = session_cookie(user)
    meeting_path = f"/meetings/{meeting.pk}/"

    # Queries of a warm meeting page, counted in-process on the same database.
    client = Client()
    client.force_login(user)
    client.get(meeting_path)
    with CaptureQueriesContext(connection) as queries:
        status = client.get(meeting_path).status_code
    if status != 200:
        raise SystemExit(f"the meeting page answered {status} to the bench user")
    connection.close()

    def phase(port: int, path: str, into: list[float]) -> None:
        """args.connections clients at once, each sending its share of the requests."""
        per_client = max(1, args.requests // args.connections // args.rounds)

        def client() -> None:
            for _ in range(per_client):
                status, _type, ms, _size = timed_get(port, path, cookie)
                if status != 200:
                    raise SystemExit(f"GET {path} answered {status}")
                into.append(ms)

        threads = [threading.Thread(target=client) for _ in range(args.connections)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

    with gunicorn(env) as port:
        # Warm both workers (imports, template loading, the page cache of each process).
        for _ in range(30):
            for path in (meeting_path, "/healthz"):
                status, *_rest = timed_get(port, path, cookie)
                if status != 200:
                    raise SystemExit(f"GET {path} answered {status}")
        # The goal is defined under --connections concurrent clients. Rounds alternate which
        # URL goes first, so that a change in the machine's load touches both alike.
        meeting_ms, hello_ms = [], []
        for round_ in range(args.rounds):
            order = [(meeting_path, meeting_ms), ("/healthz", hello_ms)]
            for path, into in order if round_ % 2 == 0 else reversed(order):
                phase(port, path, into)
    shutil.rmtree(workdir, ignore_errors=True)

    meeting_p50 = statistics.median(meeting_ms)
    hello_p50 = statistics.median(hello_ms)
    print(
        f"requests per URL: {len(meeting_ms)} from {args.connections} connections; meeting p90 "
        f"{statistics.quantiles(meeting_ms, n=10)[-1]:.2f} ms, hello p90 "
        f"{statistics.quantiles(hello_ms, n=10)[-1]:.2f} ms"
    )
    print(
        f"meeting_p50_ms={meeting_p50:.2f} hello_p50_ms={hello_p50:.2f} "
        f"ratio={meeting_p50 / hello_p50:.2f} queries={len(queries)}"
    )


if __name__ == "__main__":
    main()
