"""List and detail pages at national scale against the demo data, on PostgreSQL.

BENCH_DATABASE_URL names the national database (filled by bench/national.py); the demo data
goes into BENCH_DEMO_DATABASE_URL (default: the same server, database <name>_demo, created
and loaded when empty). Each page is requested in-process by a national supervisor (who
reads every organizer's meetings) or by the operator of one organizer, 3 times to warm up
and 20 times timed, in BENCH_ROUNDS (2) rounds that alternate between the two databases;
EXPLAIN ANALYZE runs on every query of the list pages, and any sequential scan over
participations or meetings that reads more than BOUNDED_SCAN_ROWS rows is reported (a scan
under a LIMIT that stops early, as the capped count of a broad search, reads a few hundred).
Pages are compared at the same length: the detail pages are those of a meeting of the
national data's size (100 invitations) in both databases (meeting_of_national_size), and the
institution search finds the same number of institutions in both
(institutions_of_national_search). Last
line:

    worst_ratio=<national p50 / demo p50 of the worst page> page=<its name>

Run: BENCH_DATABASE_URL=postgres://.../pilkada_national .venv/bin/python bench/scale.py
"""

import json
import os
import secrets
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TIMED, WARM = 20, 3
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "2"))
# A sequential scan over these tables is reported when it reads more rows than this: one under
# a LIMIT that stops early (the capped count of a broad search reads about 230 meetings) costs
# less than an index lookup, and PostgreSQL rightly chooses it.
SCANNED_TABLES = ("meetings_participation", "meetings_meeting")
BOUNDED_SCAN_ROWS = 2000


def sequential_reads(node: dict):
    """(table, rows read) of each sequential scan in an EXPLAIN ANALYZE plan (JSON format)."""
    if node.get("Node Type") == "Seq Scan":
        per_loop = node.get("Actual Rows", 0) + node.get("Rows Removed by Filter", 0)
        yield node.get("Relation Name"), int(per_loop * node.get("Actual Loops", 1))
    for child in node.get("Plans", []):
        yield from sequential_reads(child)


def measure() -> None:
    """In a child process whose DATABASE_URL is the database to measure: JSON on stdout."""
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from accounts.roles import Role
    from accounts.services import role_groups_sync
    from meetings.models import Meeting

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    if not Meeting.objects.exists():
        call_command("load_demo", "--no-users", verbosity=0)
    role_groups_sync()
    # A national supervisor reads every organizer's meetings (accounts.rules): the lists at
    # their largest. An organizer's own staff see only its few dozen.
    from accounts.models import Profile
    from agencies.models import Agency

    ministry, _created = Agency.objects.get_or_create(
        name="Kementerian Dalam Negeri (bench)",
        defaults={"kind": "kementerian", "level": "nasional"},
    )
    user, _created = get_user_model().objects.get_or_create(username="bench-scale")
    user.groups.set(Group.objects.filter(name=Role.SUPERVISOR.value))
    Profile.objects.update_or_create(user=user, defaults={"agency": ministry})
    supervisor_client = Client()
    supervisor_client.force_login(user)
    meeting = meeting_of_national_size()
    institutions_of_national_search(INSTITUTION_SEARCH)
    pages = {
        "meeting list": (reverse("meetings:list"), {}),
        "meeting list, search": (reverse("meetings:list"), {"q": "Rakor Persiapan"}),
        "meeting list, organizer": (
            reverse("meetings:list"),
            {"organizer": str(meeting.organizer_id)},
        ),
        "meeting list, page 40": (reverse("meetings:list"), {"page": "40"}),
        "institution list": (reverse("agencies:list"), {}),
        "institution list, search": (reverse("agencies:list"), {"q": INSTITUTION_SEARCH}),
        "meeting page": (reverse("meetings:detail", args=[meeting.pk]), {}),
        "institution page": (reverse("agencies:detail", args=[meeting.organizer_id]), {}),
    }
    # And an operator of one organizer (the tenancy rule's scoping filters).
    operator, _created = get_user_model().objects.get_or_create(username="bench-scale-operator")
    operator.groups.set(Group.objects.filter(name=Role.OPERATOR.value))
    Profile.objects.update_or_create(user=operator, defaults={"agency_id": meeting.organizer_id})
    operator_client = Client()
    operator_client.force_login(operator)
    pages["operator: meeting list"] = (reverse("meetings:list"), {}, operator_client)
    pages["operator: home"] = (reverse("home"), {}, operator_client)
    pages["attendance screen"] = (
        reverse("attendance:people", args=[meeting.pk]),
        {},
        operator_client,
    )
    pages["supervisor: home"] = (reverse("home"), {})
    # The search over everything, and the series to voting day: the follow-up register and
    # an election's readiness dashboard.
    pages["search"] = (reverse("search:results"), {"q": "rakor persiapan"})
    pages["operator: search"] = (reverse("search:results"), {"q": "tindak lanjut"}, operator_client)
    pages["follow-up register"] = (reverse("followups:register"), {})
    pages["operator: follow-up register"] = (reverse("followups:register"), {}, operator_client)
    election = (
        Meeting.objects.filter(organizer_id=meeting.organizer_id)
        .exclude(election=None)
        .values_list("election", flat=True)
        .first()
    )
    if election:
        pages["operator: readiness dashboard"] = (
            reverse("readiness:dashboard", args=[election]),
            {},
            operator_client,
        )
    results, scans = {}, {}
    for name, (path, query, *who) in pages.items():
        client = who[0] if who else supervisor_client
        for _ in range(WARM):
            status = client.get(path, query).status_code
            if status != 200:
                raise SystemExit(f"{name}: {path} answered {status}")
        timings = []
        for _ in range(TIMED):
            started = time.perf_counter()
            client.get(path, query)
            timings.append((time.perf_counter() - started) * 1000)
        results[name] = timings
        if "list" in name or "home" in name or "register" in name:
            with CaptureQueriesContext(connection) as queries:
                client.get(path, query)
            for captured in queries.captured_queries:
                sql = captured["sql"]
                if not sql.lstrip().startswith("SELECT"):
                    continue
                with connection.cursor() as cursor:
                    cursor.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + sql)
                    plan = cursor.fetchone()[0]
                    if isinstance(plan, str):
                        plan = json.loads(plan)
                for table, read in sequential_reads(plan[0]["Plan"]):
                    if table in SCANNED_TABLES and read > BOUNDED_SCAN_ROWS:
                        scans.setdefault(name, []).append(f"{table}: {read} rows: {sql[:120]}")
    print(json.dumps({"timings": results, "seq_scans": scans}))


# The institution search measured: a regency's code, which every institution of that regency
# in the national data set carries in its name (bench/national.py).
INSTITUTION_SEARCH = "74.09"


def institutions_of_national_search(term: str) -> None:
    """Make the institution search find as many institutions here as in the national data
    set (those of one regency: two pages), so that its ratio tells what searching a larger
    database costs, not what rendering 50 rows costs against rendering none: the demo's names
    carry no codes. The demo database gets the national data's institutions of that regency
    (same names, kinds and region) the first time."""
    from agencies.models import Agency, Region
    from agencies.selectors import agency_search
    from bench.national import AGENCIES_PER_REGION

    found = agency_search(Agency.objects.all(), query=term).count()
    if found >= AGENCIES_PER_REGION:
        return
    region = Region.objects.filter(code=term).first()
    kinds = [value for value, _label in Agency.Kind.choices]
    names = (f"Instansi Uji {term}-{number:03d}" for number in range(10 * AGENCIES_PER_REGION))
    taken = set(
        Agency.objects.filter(name__startswith=f"Instansi Uji {term}-").values_list(
            "name", flat=True
        )
    )
    missing = [name for name in names if name not in taken][: AGENCIES_PER_REGION - found]
    Agency.objects.bulk_create(
        Agency(name=name, kind=kinds[number % len(kinds)], region=region)
        for number, name in enumerate(missing)
    )


def meeting_of_national_size():
    """The meeting whose pages are measured: one with as many invitations as every meeting of
    the national data set, the most recent. A detail page is compared with the same page of
    a meeting of the same size, so that the ratio tells what the size of the database costs,
    not what a longer list of invitations costs; the demo database, whose largest meeting is
    smaller, gets one such meeting (of its organizer, with the national data's mix of
    statuses) the first time."""
    import random

    from django.db.models import Count

    from agencies.models import Agency
    from bench.national import INVITATIONS_PER_MEETING
    from meetings.models import Meeting, Participation

    size = INVITATIONS_PER_MEETING
    sized = Meeting.objects.annotate(people=Count("participations")).filter(people=size)
    meeting = sized.order_by("-date").only("pk", "organizer_id").first()
    if meeting is not None:
        return meeting
    largest = (
        Meeting.objects.annotate(people=Count("participations"))
        .order_by("-people", "-date")
        .first()
    )
    meeting = Meeting.objects.create(
        organizer_id=largest.organizer_id,
        election_id=largest.election_id,
        title=f"[BENCH] Rakor dengan {size} undangan",
        date=largest.date,
        start_time=largest.start_time,
        venue=largest.venue,
    )
    agencies = list(Agency.objects.order_by("pk")[:size])
    region = agencies[0].region_id if agencies else None
    for number in range(size - len(agencies)):
        agencies.append(
            Agency.objects.create(name=f"Instansi Bench {number:03d}", kind="opd", region_id=region)
        )
    rng = random.Random(2024)
    statuses = ["present"] * 10 + ["invited"] * 85 + ["excused"] * 3 + ["absent"] * 2
    Participation.objects.bulk_create(
        Participation(
            meeting=meeting,
            agency=agency,
            invitee_position=f"Kepala {agency.pk}",
            status=rng.choice(statuses),
        )
        for agency in agencies
    )
    return meeting


def run(url: str, static_root: str) -> dict:
    env = {
        "STATIC_ROOT": static_root,
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "pilkada_portal.settings.base",
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(40),
        "ALLOWED_HOSTS": "testserver",
        "DATABASE_URL": url,
        "DOCUMENT_PRERENDER_SECONDS": "0",
        "LOG_LEVEL": "ERROR",
    }
    result = subprocess.run(
        [sys.executable, __file__, "--measure"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise SystemExit(result.stderr[-3000:])
    return json.loads(result.stdout.strip().splitlines()[-1])


def ensure_database(url: str) -> None:
    import psycopg2

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    server = urlunsplit(parts._replace(path="/postgres"))
    connection = psycopg2.connect(server)
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if cursor.fetchone() is None:
            cursor.execute(f'CREATE DATABASE "{name}"')
    connection.close()


def main() -> None:
    if "--measure" in sys.argv:
        measure()
        return
    national = os.environ.get("BENCH_DATABASE_URL", "")
    if not national.startswith(("postgres://", "postgresql://")):
        raise SystemExit("Set BENCH_DATABASE_URL to the database bench/national.py filled.")
    parts = urlsplit(national)
    demo = os.environ.get("BENCH_DEMO_DATABASE_URL") or urlunsplit(
        parts._replace(path=parts.path + "_demo")
    )
    ensure_database(demo)
    import tempfile

    static_root = tempfile.mkdtemp(prefix="pilkada-bench-static-")
    # Rounds alternate between the two databases, so that a change in the machine's speed
    # (these cores are shared) touches both alike; each page's p50 is over all rounds.
    small, large = {"timings": {}}, {"timings": {}, "seq_scans": {}}
    for _round in range(ROUNDS):
        for url, into in ((demo, small), (national, large)):
            result = run(url, static_root)
            for name, timings in result["timings"].items():
                into["timings"].setdefault(name, []).extend(timings)
            into["seq_scans"] = result["seq_scans"]
    small["p50"] = {name: statistics.median(t) for name, t in small["timings"].items()}
    large["p50"] = {name: statistics.median(t) for name, t in large["timings"].items()}
    worst_name, worst_ratio = "", 0.0
    print(f"{'page':28} {'demo ms':>9} {'national ms':>12} {'ratio':>6}")
    for name, demo_ms in small["p50"].items():
        national_ms = large["p50"][name]
        ratio = national_ms / demo_ms
        print(f"{name:28} {demo_ms:9.1f} {national_ms:12.1f} {ratio:6.2f}")
        if ratio > worst_ratio:
            worst_name, worst_ratio = name, ratio
    for name, queries in large["seq_scans"].items():
        print(f"sequential scan over participations or meetings in {name}: {queries}")
    if not large["seq_scans"]:
        print(
            "no sequential scan over participations or meetings reads more than "
            f"{BOUNDED_SCAN_ROWS} rows in any list query"
        )
    print(f"worst_ratio={worst_ratio:.2f} page={worst_name.replace(' ', '_')}")


if __name__ == "__main__":
    main()
