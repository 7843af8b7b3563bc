"""Generates meetings of a given size for the benchmarks (no test libraries needed)."""

import datetime
import itertools
from decimal import Decimal

from django.db import transaction

from agencies.models import Agency, Official
from attendance.models import Attendee
from briefings.models import Briefing, ReadinessIndicator, Risk
from meetings.models import AgendaItem, FollowUp, Meeting, Participation

_counter = itertools.count(1)
KINDS = [kind for kind, _label in Agency.Kind.choices]
STATUSES = ["present", "present", "present", "represented", "excused", "absent"]


@transaction.atomic
def generate_meeting(
    *,
    participants: int,
    agenda_items: int,
    briefings: int,
    indicators: int = 5,
    risks: int = 2,
    follow_ups: int = 5,
    organizer: Agency | None = None,
) -> Meeting:
    """A held meeting with that many invited institutions, agenda items and briefings,
    organized by `organizer` (by default the first invited institution)."""
    run = next(_counter)
    agencies = Agency.objects.bulk_create(
        Agency(
            name=f"Instansi Bench {run}-{i:04d} Kabupaten Konawe Utara",
            short_name=f"IB{run}-{i:04d}",
            kind=KINDS[i % len(KINDS)],
            head_title=f"Kepala Instansi Bench {i}",
        )
        for i in range(participants)
    )
    officials = Official.objects.bulk_create(
        Official(
            agency=agency,
            name=f"Pejabat Bench {i}",
            title_prefix="Drs." if i % 3 == 0 else "",
            title_suffix="M.Si" if i % 2 == 0 else "",
            position=f"Kepala Instansi Bench {i}",
        )
        for i, agency in enumerate(agencies)
    )
    meeting = Meeting(
        organizer=organizer or agencies[0],
        title=f"Rapat Koordinasi Kesiapan Pilkada (bench {run})",
        date=datetime.date(2024, 11, 12),
        start_time=datetime.time(9, 0),
        venue="Hotel Plaza Inn Kendari",
        venue_address="Kendari, Sulawesi Tenggara",
        chair=officials[0],
        minute_taker=officials[1 % len(officials)],
        status=Meeting.Status.HELD,
        opening_remarks="Sambutan pembukaan.\n" * 5,
        conclusions="\n".join(f"{i}. Kesimpulan rapat nomor {i}." for i in range(1, 8)),
    )
    meeting.full_clean()
    meeting.save()
    Participation.objects.bulk_create(
        Participation(
            meeting=meeting,
            agency=agency,
            invitee=official,
            status=STATUSES[i % len(STATUSES)],
            position=i + 1,
        )
        for i, (agency, official) in enumerate(zip(agencies, officials, strict=True))
    )
    # Who stood in for a represented invitee is a person on the list.
    Attendee.objects.bulk_create(
        Attendee(
            meeting=meeting,
            participation=p,
            agency=p.agency,
            name="Wakil Bench",
            position="Sekretaris",
            on_behalf=True,
        )
        for p in meeting.participations.filter(status="represented").select_related("agency")
    )
    items = AgendaItem.objects.bulk_create(
        AgendaItem(
            meeting=meeting,
            position=i + 1,
            title=f"Pemaparan kesiapan bagian {i + 1}",
            description="Uraian singkat mata acara.",
            kind="opening" if i == 0 else "presentation",
            duration_minutes=15,
            presenter_agency=agencies[i % len(agencies)],
            presenter=officials[i % len(officials)],
            discussion_notes="Catatan pembahasan dan tanya jawab. " * 4,
        )
        for i in range(agenda_items)
    )
    briefing_rows = Briefing.objects.bulk_create(
        Briefing(
            meeting=meeting,
            agency=agencies[i],
            agenda_item=items[i % len(items)] if items else None,
            topic=f"Kesiapan instansi {i + 1}",
            summary="Ringkasan paparan kesiapan. " * 3,
            readiness=["ready", "ready_with_notes", "not_ready"][i % 3],
            status="submitted",
        )
        for i in range(briefings)
    )
    ReadinessIndicator.objects.bulk_create(
        ReadinessIndicator(
            briefing=briefing,
            aspect=ReadinessIndicator.Aspect.values[j % len(ReadinessIndicator.Aspect.values)],
            label=f"Indikator {j + 1}",
            status=ReadinessIndicator.Status.values[j % 4],
            value=Decimal(80 + j),
            target=Decimal(100),
            unit="%",
        )
        for briefing in briefing_rows
        for j in range(indicators)
    )
    Risk.objects.bulk_create(
        Risk(
            briefing=briefing,
            location=f"Kecamatan Bench {j}",
            category=Risk.Category.values[j % len(Risk.Category.values)],
            level=Risk.Level.values[j % 3],
            description="Uraian kerawanan.",
            mitigation="Langkah mitigasi.",
        )
        for briefing in briefing_rows
        for j in range(risks)
    )
    FollowUp.objects.bulk_create(
        FollowUp(meeting=meeting, text=f"Tindak lanjut {i + 1}", responsible_agency=agencies[i])
        for i in range(min(follow_ups, len(agencies)))
    )
    return meeting
