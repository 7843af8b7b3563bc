"""Fill a PostgreSQL database with a national-scale data set, by COPY (a few minutes).

The 552 shipped regions (38 provinces, 514 kabupaten/kota with their Kemendagri codes), 100
institutions per region (55,200), 46 meetings per regency or city (23,644, most past, some
upcoming, one election per region) plus 1,426 of the provinces (25,070 in all), and 100
invitations per meeting (2,507,000 participations), a tenth of them present; three follow-ups
and three briefings of two indicators per meeting (75,210 follow-ups, 150,420 indicators). Runs the
migrations first; refuses a database that already holds meetings unless --append.

Run: BENCH_DATABASE_URL=postgres://user:pw@127.0.0.1:5432/pilkada_national \\
     .venv/bin/python bench/national.py
"""

import argparse
import csv
import datetime
import io
import os
import random
import secrets
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

NULL = r"\N"
AGENCIES_PER_REGION = 100
MEETINGS_PER_REGENCY, MEETINGS_PER_PROVINCE = 46, 46
INVITATIONS_PER_MEETING = 100
FOLLOW_UPS_PER_MEETING = 3
BRIEFINGS_PER_MEETING = 3
INDICATORS_PER_BRIEFING = 2


def _cell(value):
    if value is None:
        return NULL
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (datetime.date, datetime.time, datetime.datetime)):
        return value.isoformat()
    return value


def copy_rows(model, columns: list[str], rows) -> int:
    """COPY rows (tuples in the order of columns) into the model's table; returns the count."""
    from django.db import connection

    fields = {field.column: field for field in model._meta.concrete_fields}
    missing = [
        field for column, field in fields.items() if column not in columns and not field.primary_key
    ]
    defaults = [field.get_default() for field in missing]
    all_columns = columns + [field.column for field in missing]
    quoted = ", ".join('"' + column + '"' for column in all_columns)
    sql = f"COPY \"{model._meta.db_table}\" ({quoted}) FROM STDIN WITH (FORMAT csv, NULL '{NULL}')"
    count = 0
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    with connection.cursor() as cursor:
        for row in rows:
            writer.writerow([_cell(v) for v in (*row, *defaults)])
            count += 1
            if count % 200_000 == 0:
                buffer.seek(0)
                cursor.copy_expert(sql, buffer)
                buffer = io.StringIO()
                writer = csv.writer(buffer)
        buffer.seek(0)
        cursor.copy_expert(sql, buffer)
    return count


def next_id(model) -> int:
    from django.db.models import Max

    return (model.objects.aggregate(top=Max("pk"))["top"] or 0) + 1


def reset_sequences(*models) -> None:
    from django.core.management.color import no_style
    from django.db import connection

    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(statement)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--append", action="store_true", help="add to a database with meetings")
    parser.add_argument("--seed", type=int, default=2024)
    args = parser.parse_args()
    url = os.environ.get("BENCH_DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        raise SystemExit("Set BENCH_DATABASE_URL to an empty PostgreSQL database of its own.")
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "pilkada_portal.settings.base",
            "DEBUG": "0",
            "SECRET_KEY": secrets.token_urlsafe(40),
            "DATABASE_URL": url,
            "DOCUMENT_PRERENDER_SECONDS": "0",
            "LOG_LEVEL": "WARNING",
        }
    )
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.utils import timezone

    from agencies.models import Agency, Region
    from briefings.models import Briefing, ReadinessIndicator
    from meetings.models import Election, FollowUp, Meeting, Participation

    call_command("migrate", verbosity=0)
    if Meeting.objects.exists() and not args.append:
        raise SystemExit("This database already holds meetings (use --append to add more).")
    rng = random.Random(args.seed)
    started = time.perf_counter()
    now = timezone.now()
    today = timezone.localdate()
    kinds = [kind for kind, _label in Agency.Kind.choices]

    with transaction.atomic():
        # Regions: the 38 provinces and 514 kabupaten/kota shipped with the portal.
        provinces = list(
            Region.objects.filter(kind="provinsi").order_by("code").values_list("pk", "code")
        )
        regencies = list(
            Region.objects.filter(kind__in=["kabupaten", "kota"])
            .order_by("code")
            .values_list("pk", "code")
        )
        region_rows = provinces + regencies

        # Institutions: 100 per region; the first of each region organizes its meetings.
        agency_id = next_id(Agency)
        agencies_of: dict[int, list[int]] = {}
        agency_rows = []
        for region, code in provinces + regencies:
            ids = []
            for number in range(AGENCIES_PER_REGION):
                kind = kinds[number % len(kinds)]
                agency_rows.append(
                    (agency_id, 1, f"Instansi Uji {code}-{number:03d}", "", kind, None, region)
                )
                ids.append(agency_id)
                agency_id += 1
            agencies_of[region] = ids
        copy_rows(
            Agency,
            ["id", "version", "name", "short_name", "kind", "parent_id", "region_id"],
            agency_rows,
        )
        print(f"{len(region_rows)} regions, {len(agency_rows)} institutions", flush=True)

        # One election per region, meetings before it and a few after today.
        election_id = next_id(Election)
        election_rows, elections = [], {}
        for region, code in provinces + regencies:
            election_rows.append(
                (election_id, f"Pilkada Uji {code}", datetime.date(2024, 11, 27), region)
            )
            elections[region] = election_id
            election_id += 1
        copy_rows(Election, ["id", "name", "voting_day", "region_id"], election_rows)

        meeting_id = next_id(Meeting)
        meeting_rows, meeting_regions = [], []
        extra = max(0, 25_070 - len(regencies) * MEETINGS_PER_REGENCY) // MEETINGS_PER_PROVINCE
        for region, code in regencies + provinces[:extra]:
            for number in range(MEETINGS_PER_REGENCY):
                day = today + datetime.timedelta(days=rng.randint(-720, 60))
                meeting_rows.append(
                    (
                        meeting_id,
                        1,
                        agencies_of[region][0],
                        elections[region],
                        f"Rakor Persiapan Pilkada {code} ke-{number + 1}",
                        day,
                        datetime.time(9, 0),
                        datetime.time(12, 0),
                        "Asia/Makassar",
                        f"Aula Kantor {code}",
                        "held" if day < today else "scheduled",
                        now,
                        now,
                    )
                )
                meeting_regions.append((meeting_id, region))
                meeting_id += 1
        copy_rows(
            Meeting,
            [
                "id",
                "version",
                "organizer_id",
                "election_id",
                "title",
                "date",
                "start_time",
                "end_time",
                "time_zone",
                "venue",
                "status",
                "created_at",
                "updated_at",
            ],
            meeting_rows,
        )
        print(f"{len(meeting_rows)} meetings", flush=True)

        def participations():
            statuses = ["present"] * 10 + ["invited"] * 85 + ["excused"] * 3 + ["absent"] * 2
            for meeting, region in meeting_regions:
                for agency in agencies_of[region]:
                    yield (meeting, agency, f"Kepala {agency}", rng.choice(statuses))

        count = copy_rows(
            Participation,
            ["meeting_id", "agency_id", "invitee_position", "status"],
            participations(),
        )
        print(f"{count} participations", flush=True)

        # The series to voting day: three follow-ups and three briefings (two indicators
        # each) per meeting, for the register and the readiness dashboard.
        follow_up_statuses = ["open", "in_progress", "done", "done", "cancelled"]
        meeting_days = {row[0]: row[5] for row in meeting_rows}

        def follow_ups():
            for meeting, region in meeting_regions:
                for number in range(FOLLOW_UPS_PER_MEETING):
                    due = meeting_days[meeting] + datetime.timedelta(days=rng.randint(3, 30))
                    yield (
                        1,
                        meeting,
                        f"Tindak lanjut uji {meeting}-{number}",
                        agencies_of[region][1 + number],
                        due,
                        rng.choice(follow_up_statuses),
                    )

        count = copy_rows(
            FollowUp,
            ["version", "meeting_id", "text", "responsible_agency_id", "due_date", "status"],
            follow_ups(),
        )
        print(f"{count} follow-ups", flush=True)
        briefing_id = next_id(Briefing)
        briefing_rows = []
        for meeting, region in meeting_regions:
            for number in range(BRIEFINGS_PER_MEETING):
                briefing_rows.append(
                    (
                        briefing_id,
                        1,
                        meeting,
                        agencies_of[region][1 + number],
                        f"Kesiapan uji {number}",
                        "submitted",
                    )
                )
                briefing_id += 1
        copy_rows(
            Briefing,
            ["id", "version", "meeting_id", "agency_id", "topic", "status"],
            briefing_rows,
        )
        aspects = ["logistics", "security", "voter_data", "vulnerability"]
        indicator_statuses = ["achieved", "on_track", "at_risk", "blocked", "unassessed"]

        def indicators():
            for row in briefing_rows:
                for number in range(INDICATORS_PER_BRIEFING):
                    yield (
                        row[0],
                        aspects[(row[0] + number) % len(aspects)],
                        f"Indikator uji {number}",
                        rng.choice(indicator_statuses),
                        rng.randint(0, 100),
                        100,
                        "%",
                    )

        count = copy_rows(
            ReadinessIndicator,
            ["briefing_id", "aspect", "label", "status", "value", "target", "unit"],
            indicators(),
        )
        print(f"{len(briefing_rows)} briefings, {count} indicators", flush=True)
        reset_sequences(
            Region, Agency, Election, Meeting, Participation, FollowUp, Briefing, ReadinessIndicator
        )
    # As autovacuum leaves a live database: planner statistics, and visibility maps so that
    # index-only scans need no heap fetches (a fresh COPY has neither).
    with connection.cursor() as cursor:
        for model in (
            Region,
            Agency,
            Election,
            Meeting,
            Participation,
            FollowUp,
            Briefing,
            ReadinessIndicator,
        ):
            cursor.execute(f'VACUUM ANALYZE "{model._meta.db_table}"')
    print(f"generated in {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
