"""Exports stream: 100,000 people of one meeting downloaded as .csv and as .xlsx, each in a
fresh process, with the process's peak RSS before and after the download.

The meeting and its people are written into BENCH_DATABASE_URL (PostgreSQL; by COPY, once)
or, without it, into a throw-away SQLite file. Last line:

    rows=100000 baseline_rss_mb=... csv_peak_rss_mb=... xlsx_peak_rss_mb=... csv_s=... xlsx_s=...

Run: .venv/bin/python bench/export.py   (BENCH_DATABASE_URL=postgres://... to use PostgreSQL)
"""

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
ROWS = 100_000
TITLE = "Rakor ekspor 100 ribu orang (bench)"


def _setup(url: str) -> None:
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "pilkada_portal.settings.base",
            "DEBUG": "0",
            "SECRET_KEY": "bench-export",
            "ALLOWED_HOSTS": "testserver",
            "DATABASE_URL": url,
            "LOG_LEVEL": "WARNING",
            "DOCUMENT_PRERENDER_SECONDS": "0",
            "STATIC_ROOT": str(Path(tempfile.gettempdir()) / "bench-export-static"),
        }
    )
    import django

    django.setup()


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def prepare(url: str) -> int:
    """The meeting with ROWS people (made once); returns its id."""
    _setup(url)
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.utils import timezone

    from attendance.models import Attendee
    from bench.national import copy_rows
    from meetings.models import Meeting
    from tests.agencies.factories import home_organizer

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    meeting = Meeting.objects.filter(title=TITLE).first()
    if meeting is None:
        meeting = Meeting.objects.create(
            title=TITLE, organizer=home_organizer(), date=timezone.localdate(), venue="Aula"
        )
    missing = ROWS - Attendee.objects.filter(meeting=meeting).count()
    if missing > 0:
        now = timezone.now()
        rows = (
            (
                1,
                meeting.pk,
                f"Peserta Uji {n}, S.H.",
                f"Jabatan {n % 50}",
                f"Instansi {n % 500}",
                now,
            )
            for n in range(missing)
        )
        if connection.vendor == "postgresql":
            with transaction.atomic():
                copy_rows(
                    Attendee,
                    [
                        "version",
                        "meeting_id",
                        "name",
                        "position",
                        "institution_name",
                        "checked_in_at",
                    ],
                    rows,
                )
        else:
            Attendee.objects.bulk_create(
                (
                    Attendee(
                        meeting=meeting,
                        name=name,
                        position=position,
                        institution_name=institution,
                        checked_in_at=at,
                    )
                    for _v, _m, name, position, institution, at in rows
                ),
                batch_size=5000,
            )
    return meeting.pk


def download(url: str, meeting_id: int, fmt: str) -> None:
    """In a child process: download one export as its first user would; JSON on stdout."""
    _setup(url)
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.test import Client

    from accounts.models import Profile
    from accounts.roles import Role
    from accounts.services import role_groups_sync
    from meetings.models import Meeting

    role_groups_sync()
    meeting = Meeting.objects.get(pk=meeting_id)
    user, _created = get_user_model().objects.get_or_create(username="bench-export")
    user.groups.set(Group.objects.filter(name=Role.OPERATOR.value))
    Profile.objects.update_or_create(user=user, defaults={"agency_id": meeting.organizer_id})
    client = Client()
    client.force_login(user)
    baseline = _rss_mb()
    started = time.perf_counter()
    response = client.get(f"/meetings/{meeting_id}/people/unduh.{fmt}")
    size = 0
    for chunk in response.streaming_content:
        size += len(chunk)
    seconds = time.perf_counter() - started
    print(
        json.dumps(
            {
                "status": response.status_code,
                "bytes": size,
                "baseline": baseline,
                "peak": _rss_mb(),
                "seconds": seconds,
            }
        )
    )


def main() -> None:
    if len(sys.argv) == 4 and sys.argv[1] == "--download":
        download(os.environ["BENCH_URL"], int(sys.argv[2]), sys.argv[3])
        return
    url = os.environ.get("BENCH_DATABASE_URL") or (
        "sqlite:///" + str(Path(tempfile.gettempdir()) / "bench-export.sqlite3")
    )
    meeting_id = prepare(url)
    results = {}
    for fmt in ("csv", "xlsx"):
        output = (
            subprocess.run(
                [sys.executable, __file__, "--download", str(meeting_id), fmt],
                env={**os.environ, "BENCH_URL": url},
                capture_output=True,
                text=True,
                check=True,
            )
            .stdout.strip()
            .splitlines()[-1]
        )
        results[fmt] = json.loads(output)
        figures = results[fmt]
        print(
            f"{fmt}: status {figures['status']}, {figures['bytes'] / 1e6:.1f} MB in "
            f"{figures['seconds']:.1f} s, RSS {figures['baseline']:.0f} -> {figures['peak']:.0f} MB"
        )
    print(
        f"rows={ROWS} baseline_rss_mb={results['csv']['baseline']:.0f} "
        f"csv_peak_rss_mb={results['csv']['peak']:.0f} "
        f"xlsx_peak_rss_mb={results['xlsx']['peak']:.0f} "
        f"csv_s={results['csv']['seconds']:.1f} xlsx_s={results['xlsx']['seconds']:.1f}"
    )


if __name__ == "__main__":
    main()
