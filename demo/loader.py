"""Loads the demo data (demo/data.py) idempotently: running it twice changes nothing (the
meetings dated from today move with the day they are loaded)."""

import datetime
import io
from dataclasses import dataclass
from decimal import Decimal
from typing import TypeVar

from django.db import models, transaction
from django.utils import timezone
from PIL import Image, ImageDraw

from agencies.models import Agency, Official, Region
from attendance import services as attendance_services
from attendance.models import Attendee
from briefings.models import Briefing, ReadinessIndicator, Risk
from letters import services as letter_services
from letters.models import Classification
from meetings import services as meeting_services
from meetings.models import AgendaItem, Election, FollowUp, Meeting, Participation

from . import data

M = TypeVar("M", bound=models.Model)


@dataclass(frozen=True)
class DemoResult:
    seed_meeting: Meeting
    example_meeting: Meeting
    today_meeting: Meeting | None = None
    upcoming_meeting: Meeting | None = None


def _upsert(model: type[M], lookup: dict, **fields) -> M:
    """Find the row by its natural key, set the fields, validate and save it if it changed.

    Unchanged rows are not saved again, so loading the demo twice adds no audit history.
    """
    obj = model.objects.filter(**lookup).first()
    changed = obj is None
    obj = obj or model(**lookup)
    for name, value in fields.items():
        if changed or getattr(obj, name) != value:
            setattr(obj, name, value)
            changed = True
    if changed:
        obj.full_clean()
        obj.save()
    return obj


def _decimal(text: str) -> Decimal | None:
    return Decimal(text) if text else None


def _regions() -> tuple[Region, dict[str, Region]]:
    province = _upsert(
        Region, {"code": data.PROVINCE["code"]}, name=data.PROVINCE["name"], kind="provinsi"
    )
    regency = _upsert(
        Region,
        {"code": data.REGENCY["code"]},
        name=data.REGENCY["name"],
        kind="kabupaten",
        parent=province,
    )
    districts = {
        name: _upsert(Region, {"parent": regency, "kind": "kecamatan", "name": name})
        for name in data.KECAMATAN
    }
    return regency, districts


def _agencies(regency: Region, districts: dict[str, Region]) -> dict[str, Agency]:
    agencies: dict[str, Agency] = {}
    for name, short_name, kind, head_title, parent in data.AGENCIES:
        agencies[name] = _upsert(
            Agency,
            {"name": name},
            short_name=short_name,
            kind=kind,
            level="desa" if kind == "kelurahan_desa" else "kabkota",
            head_title=head_title,
            region=regency,
            parent=agencies.get(parent) if parent else None,
            **(data.ORGANIZER_LETTERHEAD if name == data.KESBANGPOL else {}),
        )
    for district in data.KECAMATAN:
        name = f"Kecamatan {district}"
        agencies[name] = _upsert(
            Agency,
            {"name": name},
            kind="kecamatan",
            level="kecamatan",
            head_title=f"Camat {district}",
            region=districts[district],
            parent=agencies[data.PEMKAB],
        )
    name, short_name, head_title = data.PROVINCE_KESBANGPOL
    agencies[name] = _upsert(
        Agency,
        {"name": name},
        short_name=short_name,
        kind="opd",
        level="provinsi",
        head_title=head_title,
        region=regency.parent,
    )
    # The demo regency's Kesbangpol registered them all: its operators may change them.
    organizer = agencies[data.KESBANGPOL]
    Agency.objects.filter(pk__in=[a.pk for a in agencies.values()], owner=None).update(
        owner=organizer
    )
    return agencies


def _seed_meeting(agencies: dict[str, Agency], election: Election) -> Meeting:
    chair_fields = dict(data.CHAIR)
    chair = _upsert(
        Official,
        {"agency": agencies[chair_fields.pop("agency")], "name": chair_fields.pop("name")},
        **chair_fields,
    )
    meeting = _upsert(
        Meeting,
        {"title": data.SEED_MEETING["title"], "date": data.SEED_MEETING["date"]},
        organizer=agencies[data.KESBANGPOL],
        election=election,
        chair=chair,
        **{k: v for k, v in data.SEED_MEETING.items() if k not in {"title", "date"}},
    )
    # Keyed by institution: an older demo database may hold the same institution under
    # another invited position.
    for agency_name, position, status, representative in data.SEED_PARTICIPANTS:
        participation = _upsert(
            Participation,
            {"meeting": meeting, "agency": agencies[agency_name], "invitee": None},
            invitee_position=position,
            status=status,
        )
        if representative:
            # The seed names only who stood in (its position); everyone else by institution.
            _stand_in(participation, representative, "")
    _agenda(
        meeting,
        agencies,
        [(kind, title, agency, topic, "") for kind, title, agency, topic in data.SEED_AGENDA],
        presenters={data.PEMKAB: chair},
    )
    return meeting


def _stand_in(participation: Participation, name: str, position: str) -> None:
    """The person who stood in for the invitee, on the list of people present."""
    _upsert(
        Attendee,
        {"meeting": participation.meeting, "participation": participation, "name": name},
        agency=participation.agency,
        position=position,
        on_behalf=True,
        # Recorded at the start of the meeting (a past meeting of the demo, not the day loaded).
        checked_in_at=participation.meeting.starts_at
        or timezone.make_aware(
            datetime.datetime.combine(participation.meeting.date, datetime.time(9, 0))
        ),
    )


def _agenda(
    meeting: Meeting, agencies: dict[str, Agency], items, presenters=None, durations=()
) -> None:
    """Create agenda items at positions 1..n and a submitted briefing for each topic."""
    presenters = presenters or {}
    durations = list(durations) + [None] * len(items)
    # Items beyond the demo's own (left by an earlier version of the data) are removed so
    # that positions stay unique when the list shrinks.
    meeting.agenda_items.filter(position__gt=len(items)).delete()
    for position, (kind, title, agency_name, topic, readiness) in enumerate(items, start=1):
        agency = agencies.get(agency_name)
        item = _upsert(
            AgendaItem,
            {"meeting": meeting, "position": position},
            kind=kind,
            title=title,
            presenter_agency=agency,
            presenter=presenters.get(agency_name),
            duration_minutes=durations[position - 1],
        )
        if topic:
            _upsert(
                Briefing,
                {"meeting": meeting, "agency": agency},
                agenda_item=item,
                topic=topic,
                readiness=readiness,
                status=Briefing.Status.SUBMITTED,
            )


def _example_meeting(agencies: dict[str, Agency], election: Election) -> Meeting:
    officials = {}
    for agency_name, name, before, after, position, rank, nip in data.EXAMPLE_OFFICIALS:
        officials[agency_name] = _upsert(
            Official,
            {"agency": agencies[agency_name], "name": name},
            title_prefix=before,
            title_suffix=after,
            position=position,
            rank=rank,
            nip=nip,
        )
    meeting = _upsert(
        Meeting,
        {"title": data.EXAMPLE_MEETING["title"], "date": data.EXAMPLE_MEETING["date"]},
        organizer=agencies[data.KESBANGPOL],
        election=election,
        chair=officials[data.SETDA],
        minute_taker=officials[data.KESBANGPOL],
        letter_signer=officials[data.SETDA],
        letter_classification=Classification.objects.get(code=data.MEETING_CLASSIFICATION),
        **{k: v for k, v in data.EXAMPLE_MEETING.items() if k not in {"title", "date"}},
    )
    for agency_name, position, status, rep_name, rep_position, note in data.EXAMPLE_PARTICIPANTS:
        participation = _upsert(
            Participation,
            {
                "meeting": meeting,
                "agency": agencies[agency_name],
                "invitee_position": position,
                "invitee": None,
            },
            status=status,
            note=note,
        )
        if rep_name:
            _stand_in(participation, rep_name, rep_position)
    items = [("opening", "Pembukaan oleh Sekretaris Daerah (contoh)", data.SETDA, "", "")]
    items += [
        (
            "presentation",
            f"Pemaparan {agencies[agency_name].name}: {topic}",
            agency_name,
            topic,
            readiness,
        )
        for agency_name, topic, readiness, _indicators, _risks in data.EXAMPLE_BRIEFINGS
    ]
    items += [
        ("discussion", "Diskusi dan tanggapan (contoh)", "", "", ""),
        ("closing", "Penutupan (contoh)", data.SETDA, "", ""),
    ]
    _agenda(
        meeting,
        agencies,
        items,
        presenters={data.SETDA: officials[data.SETDA], data.KPU: officials[data.KPU]},
        durations=data.EXAMPLE_AGENDA_MINUTES,
    )
    for agency_name, _topic, _readiness, indicators, risks in data.EXAMPLE_BRIEFINGS:
        briefing = Briefing.objects.get(meeting=meeting, agency=agencies[agency_name])
        # Rows the demo no longer has (from an older version of it) are removed.
        briefing.indicators.exclude(label__in=[row[1] for row in indicators]).delete()
        briefing.risks.exclude(location__in=[row[0] for row in risks]).delete()
        for aspect, label, status, value, target, unit, note in indicators:
            _upsert(
                ReadinessIndicator,
                {"briefing": briefing, "label": label},
                aspect=aspect,
                status=status,
                value=_decimal(value),
                target=_decimal(target),
                unit=unit,
                note=note,
            )
        for location, category, level, description, mitigation in risks:
            _upsert(
                Risk,
                {"briefing": briefing, "location": location, "category": category},
                level=level,
                description=description,
                mitigation=mitigation,
            )
    for text, agency_name, due_date in data.EXAMPLE_FOLLOW_UPS:
        _upsert(
            FollowUp,
            {"meeting": meeting, "text": text},
            responsible_agency=agencies[agency_name],
            due_date=due_date,
        )
    if not meeting.reference_number:
        meeting = meeting_services.meeting_letter_number_issue(meeting=meeting)
    return meeting


@transaction.atomic
def demo_load() -> DemoResult:
    """Create or update the demo regions, institutions, election and both demo meetings."""
    regency, districts = _regions()
    letter_services.classifications_load_shipped()
    agencies = _agencies(regency, districts)
    election = _upsert(
        Election,
        {"name": data.ELECTION["name"], "region": regency},
        voting_day=data.ELECTION["voting_day"],
        kind=Election.Kind.SIMULTANEOUS,
        owner=agencies[data.KESBANGPOL],
    )
    today = timezone.localdate()
    series = _upsert(
        Election,
        {"name": data.SERIES_ELECTION, "region": regency},
        voting_day=today + datetime.timedelta(days=data.SERIES_VOTING_IN_DAYS),
        kind=Election.Kind.SIMULTANEOUS,
        owner=agencies[data.KESBANGPOL],
    )
    result = DemoResult(
        seed_meeting=_seed_meeting(agencies, election),
        example_meeting=_example_meeting(agencies, election),
        today_meeting=_today_meeting(agencies, series, today),
        upcoming_meeting=_upcoming_meeting(agencies, series, today),
    )
    _series(agencies, series, today, result.today_meeting)
    # The chair and the organizer as hosts, every invitation in protocol order.
    meetings = (result.seed_meeting, result.example_meeting)
    for meeting in (*meetings, result.today_meeting, result.upcoming_meeting):
        if not meeting.is_final:
            meeting_services.meeting_hosts_sync(meeting=meeting)
            meeting_services.participations_sort(meeting=meeting)
    return result


def _series(agencies, election, today: datetime.date, today_meeting: Meeting) -> Meeting:
    """The earlier meeting of the fictional series (its follow-ups, readiness at risk) and
    today's readiness (demo_series_progress adds what people did)."""
    earlier = _dated_meeting(
        agencies,
        election,
        data.SERIES_EARLIER,
        today - datetime.timedelta(days=data.SERIES_EARLIER_DAYS_AGO),
    )
    for agency_name, aspect, label, before, now, value, target, unit in data.SERIES_INDICATORS:
        for meeting, status, figure in ((earlier, before, value), (today_meeting, now, target)):
            agency = agencies[agency_name]
            briefing = _upsert(
                Briefing,
                {"meeting": meeting, "agency": agency},
                topic=f"Kesiapan {agency.name} (contoh)",
                readiness="ready" if status == "achieved" else "ready_with_notes",
                status=Briefing.Status.SUBMITTED,
            )
            _upsert(
                ReadinessIndicator,
                {"briefing": briefing, "label": label},
                aspect=aspect,
                status=status,
                value=_decimal(figure),
                target=_decimal(target),
                unit=unit,
            )
    for text, agency_name, due_in, _progress, _closed in data.SERIES_FOLLOW_UPS:
        _upsert(
            FollowUp,
            {"meeting": earlier, "text": text},
            responsible_agency=agencies[agency_name],
            due_date=today + datetime.timedelta(days=due_in),
        )
    return earlier


@transaction.atomic
def demo_series_progress(*, submitter, approver, liaison=None) -> None:
    """What people did in the fictional series (needs the demo users): the earlier meeting's
    minutes approved, its liaison's progress report, a follow-up closed at today's meeting."""
    from minutes import services as minutes_services

    today = timezone.localdate()
    earlier = Meeting.objects.get(title=data.SERIES_EARLIER["title"])
    today_meeting = Meeting.objects.get(title=data.TODAY_MEETING["title"])
    if not earlier.is_final:
        agencies = {
            a.name: a for a in Agency.objects.filter(name__in=[data.SETDA, data.KESBANGPOL])
        }
        earlier = _upsert(
            Meeting,
            {"pk": earlier.pk},
            chair=Official.objects.filter(agency=agencies[data.SETDA]).first(),
            minute_taker=Official.objects.filter(agency=agencies[data.KESBANGPOL]).first(),
        )
        meeting_services.meeting_hosts_sync(meeting=earlier)
        earlier.participations.update(status=Participation.Status.PRESENT)
        if not earlier.agenda_items.exists():
            meeting_services.agenda_item_create(
                meeting=earlier, title="Pembahasan kesiapan (contoh)", kind="discussion"
            )
        earlier.agenda_items.update(no_notes=True)
        if earlier.minutes_status == "draft":
            minutes_services.minutes_submit(meeting=earlier, user=submitter)
        minutes_services.minutes_approve(
            meeting=earlier, user=approver, verify_url="/verifikasi/{code}/"
        )
    for text, _agency, _due, progress, closed in data.SERIES_FOLLOW_UPS:
        follow_up = FollowUp.objects.get(meeting=earlier, text=text)
        if progress and not follow_up.progress.filter(meeting__isnull=True).exists():
            meeting_services.follow_up_progress_add(
                follow_up=follow_up, status="in_progress", note=progress, user=liaison
            )
        if (
            closed
            and today_meeting.date == today
            and not today_meeting.is_final
            and not follow_up.progress.filter(meeting=today_meeting).exists()
        ):
            meeting_services.follow_up_progress_add(
                follow_up=follow_up,
                status="done",
                note="Dilaporkan tuntas dalam rapat hari ini (contoh)",
                user=submitter,
                meeting=today_meeting,
            )


def _upcoming_meeting(agencies, election, today: datetime.date) -> Meeting:
    """A fictional meeting in a few days, its agenda shared by link."""
    meeting = _dated_meeting(
        agencies,
        election,
        data.UPCOMING_MEETING,
        today + datetime.timedelta(days=data.UPCOMING_DAYS),
    )
    if not hasattr(meeting, "agenda_share"):
        attendance_services.agenda_share_renew(meeting=meeting)
    if meeting.letter_classification_id is None:
        # Classified but not numbered yet: the operator gives it its number in the demo.
        meeting.letter_classification = Classification.objects.get(code=data.MEETING_CLASSIFICATION)
        meeting.save(update_fields=["letter_classification"])
    return meeting


def _dated_meeting(agencies, election, fields: dict, date: datetime.date) -> Meeting:
    """A fictional meeting on the given day, with the usual institutions invited."""
    meeting = _upsert(
        Meeting,
        {"title": fields["title"]},
        organizer=agencies[data.KESBANGPOL],
        election=election,
        date=date,
        **{k: v for k, v in fields.items() if k != "title"},
    )
    for agency_name in data.TODAY_INVITED:
        agency = agencies[agency_name]
        _upsert(
            Participation,
            {"meeting": meeting, "agency": agency, "invitee": None},
            invitee_position=agency.head_title or agency.name,
        )
    return meeting


def _signature(seed: int) -> bytes:
    """A drawn-looking signature (fictional), as a phone would send it."""
    image = Image.new("RGBA", (600, 200), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    points = [(40 + i * 45, 120 + ((i * (seed + 3)) % 5 - 2) * 28) for i in range(12)]
    draw.line(points, fill=(11, 31, 77, 255), width=4, joint="curve")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def _today_meeting(agencies, election, today: datetime.date) -> Meeting:
    """Today's fictional meeting: self check-in open, three people already checked in."""
    meeting = _dated_meeting(agencies, election, data.TODAY_MEETING, today)
    attendance_services.desk_get_or_open(meeting=meeting)
    for seed, (agency_name, name, position, on_behalf) in enumerate(data.TODAY_ATTENDEES):
        if meeting.attendees.filter(name=name).exists():
            continue
        attendance_services.attendee_add(
            meeting=meeting,
            name=name,
            position=position,
            participation=meeting.participations.get(agency=agencies[agency_name]),
            on_behalf=on_behalf,
            method="self",
            signature_png=_signature(seed),
        )
    # The registry pass a task worker makes after check-ins, made now: the demo's minute
    # taker finds today's people among the speakers at once.
    attendance_services.attendees_register(meeting_id=meeting.pk)
    return meeting
