"""Other users' pages while eight people export uncached Notulas of 300-participant meetings.

Serves the portal as docs/DEPLOY.md does: gunicorn (gunicorn.conf.py, 2 sync workers, DEBUG
off) beside one database task worker at lower CPU priority (nice 10), on PostgreSQL when
BENCH_DATABASE_URL is set (else a throw-away SQLite file). Builds 8 meetings of 300
participants (each Notula a different, never rendered document) and one medium meeting whose
page "other users" read. First the meeting page is timed idle; then 8 clients each ask for
their Notula and poll its address every 0.5 s until the PDF arrives (as portal.js does) while
the page is timed again. Last line:

    page_p99_idle_ms=<x> page_p99_during_exports_ms=<y> ratio=<y/x> errors=<n> exports=<done>/8

Run: .venv/bin/python bench/load.py [--page-clients 4] [--exports 8]
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
    task_worker,
    timed_get,
)


def p99(values: list[float]) -> float:
    return statistics.quantiles(values, n=100)[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--page-clients", type=int, default=4)
    parser.add_argument("--exports", type=int, default=8)
    parser.add_argument("--idle-requests", type=int, default=400)
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="pilkada-bench-"))
    env = portal_env(
        workdir,
        DOCUMENT_CACHE_DIR=str(workdir / "documents"),
        TASKS_BACKEND="database",
        # Only the exports are rendered: nothing ahead of them.
        DOCUMENT_PRERENDER_SECONDS="0",
    )
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    from accounts.roles import Role
    from bench.generate import generate_meeting

    print(f"database: {settings.DATABASES['default']['ENGINE']}", flush=True)
    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    started = time.perf_counter()
    page_meeting = generate_meeting(participants=100, agenda_items=15, briefings=15)
    organizer = page_meeting.organizer  # one organizer, whose operator requests them all
    exported = [
        generate_meeting(participants=300, agenda_items=20, briefings=20, organizer=organizer)
        for _ in range(args.exports)
    ]
    print(f"generated the meetings in {time.perf_counter() - started:.1f} s", flush=True)
    cookie = session_cookie(bench_user(Role.OPERATOR, agency=organizer))
    page_path = f"/meetings/{page_meeting.pk}/"
    export_paths = [f"/meetings/{m.pk}/documents/notula/pdf/" for m in exported]
    connection.close()

    errors: list[str] = []
    lock = threading.Lock()

    def timed_pages(count: int | None, stop: threading.Event, into: list[float]):
        done = 0
        while (count is None and not stop.is_set()) or (count is not None and done < count):
            status, _type, ms, _size = timed_get(port, page_path, cookie)
            done += 1
            with lock:
                if status == 200:
                    into.append(ms)
                else:
                    errors.append(f"page {status}")

    export_seconds: list[float] = []
    pages_of: list[int] = []

    def export(path: str):
        start = time.perf_counter()
        while time.perf_counter() - start < 600:
            status, content_type, _ms, size = timed_get(port, path, cookie)
            if status == 200 and content_type.startswith("application/pdf"):
                with lock:
                    export_seconds.append(time.perf_counter() - start)
                    pages_of.append(size)
                return
            if status != 202:
                with lock:
                    errors.append(f"export {status}")
                return
            time.sleep(0.5)
        with lock:
            errors.append("export timed out")

    worker_env = {**env}
    with gunicorn(env) as port:
        for _ in range(40):  # warm both workers (imports, templates, the page cache)
            timed_get(port, page_path, cookie)
        idle: list[float] = []
        per_client = args.idle_requests // args.page_clients
        threads = [
            threading.Thread(target=timed_pages, args=(per_client, threading.Event(), idle))
            for _ in range(args.page_clients)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

        with task_worker(worker_env):
            time.sleep(3)  # the worker's start-up (imports) is not part of the measurement
            during: list[float] = []
            stop = threading.Event()
            page_threads = [
                threading.Thread(target=timed_pages, args=(None, stop, during))
                for _ in range(args.page_clients)
            ]
            export_threads = [threading.Thread(target=export, args=(p,)) for p in export_paths]
            started = time.perf_counter()
            for thread in page_threads + export_threads:
                thread.start()
            for thread in export_threads:
                thread.join()
            wall = time.perf_counter() - started
            stop.set()
            for thread in page_threads:
                thread.join()
    shutil.rmtree(workdir, ignore_errors=True)

    idle_p99, during_p99 = p99(idle), p99(during)
    print(
        f"idle: {len(idle)} pages, p50 {statistics.median(idle):.1f} ms; during: {len(during)} "
        f"pages, p50 {statistics.median(during):.1f} ms; exports took {wall:.1f} s in all, "
        f"each {min(export_seconds or [0]):.1f}-{max(export_seconds or [0]):.1f} s; "
        f"PDF sizes {min(pages_of or [0]) // 1024}-{max(pages_of or [0]) // 1024} KB"
    )
    if errors:
        print("errors:", sorted(set(errors)))
    print(
        f"page_p99_idle_ms={idle_p99:.1f} page_p99_during_exports_ms={during_p99:.1f} "
        f"ratio={during_p99 / idle_p99:.2f} errors={len(errors)} "
        f"exports={len(export_seconds)}/{args.exports}"
    )


if __name__ == "__main__":
    main()
