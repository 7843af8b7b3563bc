"""Writes for meetings: each public function is one transaction and validates with full_clean()."""

import datetime
from collections.abc import Iterable

from django.db import transaction
from django.db.models import Max, Q
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from agencies.models import Agency, Official
from pilkada_portal.writes import assign_fields, save_validated

from .cache import meetings_touch
from .guards import ensure_editable, lock_meeting
from .models import AgendaItem, FollowUp, Meeting, MinutesStatus, Participation

# The fields each write accepts, in the order their forms show them (the forms use these).
MEETING_FIELDS = (
    "title",
    "kind",
    "organizer",
    "election",
    "reference_number",
    "date",
    "start_time",
    "end_time",
    "time_zone",
    "venue",
    "venue_address",
    "dress_code",
    "contact_name",
    "contact_phone",
    "chair",
    "minute_taker",
    "status",
    "letter_date",
    "letter_nature",
    "letter_subject",
    "letter_signer",
    "copies_to",
)
AGENDA_FIELDS = (
    "title",
    "kind",
    "planned_start",
    "duration_minutes",
    "presenter_agency",
    "presenter",
    "description",
)
FOLLOW_UP_FIELDS = (
    "text",
    "responsible_agency",
    "due_date",
    "status",
    "progress_note",
)
# What may still change once the minutes are final: how far the follow-up has come.
FOLLOW_UP_PROGRESS_FIELDS = frozenset({"status", "progress_note"})


# --- Meetings ---------------------------------------------------------------------------


@transaction.atomic
def meeting_create(
    *, organizer: Agency, title: str, date: datetime.date, venue: str, **fields
) -> Meeting:
    """Create a meeting."""
    meeting = Meeting(organizer=organizer, title=title, date=date, venue=venue)
    assign_fields(meeting, fields, MEETING_FIELDS)
    return save_validated(meeting)


@transaction.atomic
def meeting_update(*, meeting: Meeting, expected_version: int | None = None, **fields) -> Meeting:
    """Change a meeting's schedule, venue, people or status."""
    ensure_editable(meeting)
    assign_fields(meeting, fields, MEETING_FIELDS)
    return save_validated(meeting, expected_version=expected_version)


@transaction.atomic
def meeting_minutes_save(
    *,
    meeting: Meeting,
    opening_remarks: str,
    conclusions: str,
    items: Iterable[tuple] = (),
    expected_version: int | None = None,
) -> Meeting:
    """Save the minutes text: remarks, conclusions and each item's discussion and speakers.

    items: (agenda item, notes, speakers) or (agenda item, notes, speakers, no_notes), where
    no_notes says that the item was held with nothing to record ("tidak ada catatan").
    """
    ensure_editable(meeting)
    meeting.opening_remarks = opening_remarks
    meeting.conclusions = conclusions
    save_validated(meeting, expected_version=expected_version)
    for item, notes, speakers, *rest in items:
        if item.meeting_id != meeting.pk:
            raise ValueError("The agenda item belongs to another meeting.")
        # The meeting was checked once above; each item need not ask again.
        _write_item_minutes(item, notes, speakers, no_notes=bool(rest and rest[0]))
    return meeting


def meeting_deletion_summary(*, meeting: Meeting) -> dict[str, int]:
    """What deleting the meeting would delete with it, to state it before asking."""
    return {
        "agenda_items": meeting.agenda_items.count(),
        "participations": meeting.participations.count(),
        "briefings": meeting.briefings.count(),
        "follow_ups": meeting.follow_ups.count(),
    }


@transaction.atomic
def meeting_delete(*, meeting: Meeting) -> None:
    """Delete a meeting with its agenda, invitations, briefings and follow-ups."""
    ensure_editable(meeting)
    meeting.delete()


@transaction.atomic
def meeting_duplicate(
    *, meeting: Meeting, date: datetime.date, title: str | None = None
) -> Meeting:
    """Start the next Rakor from this one: same agenda and invitations, no attendance or minutes."""
    copy = Meeting(
        organizer=meeting.organizer,
        election=meeting.election,
        title=title or meeting.title,
        kind=meeting.kind,
        date=date,
        start_time=meeting.start_time,
        end_time=meeting.end_time,
        time_zone=meeting.time_zone,
        venue=meeting.venue,
        venue_address=meeting.venue_address,
        chair=meeting.chair,
        minute_taker=meeting.minute_taker,
        status=Meeting.Status.DRAFT,
    )
    save_validated(copy)
    bulk_create_with_history(
        [
            AgendaItem(
                meeting=copy,
                position=item.position,
                planned_start=item.planned_start,
                duration_minutes=item.duration_minutes,
                title=item.title,
                description=item.description,
                kind=item.kind,
                presenter_agency_id=item.presenter_agency_id,
                presenter_id=item.presenter_id,
            )
            for item in meeting.agenda_items.all()
        ],
        AgendaItem,
    )
    bulk_create_with_history(
        [
            Participation(
                meeting=copy,
                agency_id=p.agency_id,
                invitee_id=p.invitee_id,
                invitee_position=p.invitee_position,
            )
            for p in meeting.participations.all()
        ],
        Participation,
    )
    # Bulk creates send no signals; the copy's page must not be cached from before these rows.
    meetings_touch(Q(pk=copy.pk))
    return copy


# --- Agenda -----------------------------------------------------------------------------


def _lock_agenda(meeting: Meeting) -> list[AgendaItem]:
    """Lock the meeting row so that concurrent agenda edits renumber one after the other."""
    Meeting.objects.select_for_update().filter(pk=meeting.pk).first()
    return list(meeting.agenda_items.order_by("position"))


def _renumber(items: list[AgendaItem]) -> None:
    """Store positions 1..n in the given order without tripping the unique constraint."""
    changed = [item for index, item in enumerate(items, start=1) if item.position != index]
    if not changed:
        return
    # Move the changed rows out of the way first (positions above any in use), then home.
    offset = max(item.position for item in items) + len(items)
    for item in changed:
        item.position += offset
    AgendaItem.objects.bulk_update(changed, ["position"])
    for index, item in enumerate(items, start=1):
        item.position = index
    # Only the final positions are worth a line in the audit history.
    bulk_update_with_history(changed, AgendaItem, ["position"])
    # Bulk updates send no signals: mark the meeting changed for the page cache ourselves.
    meetings_touch(Q(pk=items[0].meeting_id))


@transaction.atomic
def agenda_item_create(*, meeting: Meeting, title: str, kind: str, **fields) -> AgendaItem:
    """Append an item at the end of the meeting's agenda."""
    ensure_editable(meeting)
    _lock_agenda(meeting)
    last = meeting.agenda_items.aggregate(last=Max("position"))["last"] or 0
    item = AgendaItem(meeting=meeting, position=last + 1, title=title, kind=kind)
    assign_fields(item, fields, AGENDA_FIELDS)
    return save_validated(item)


@transaction.atomic
def agenda_item_update(
    *, item: AgendaItem, expected_version: int | None = None, **fields
) -> AgendaItem:
    """Change an agenda item's text, kind, timing or presenter."""
    ensure_editable(item.meeting)
    assign_fields(item, fields, AGENDA_FIELDS)
    return save_validated(item, expected_version=expected_version)


@transaction.atomic
def agenda_item_delete(*, item: AgendaItem) -> None:
    """Remove an item and close the gap in the numbering."""
    ensure_editable(item.meeting)
    meeting = item.meeting
    _lock_agenda(meeting)
    item.delete()
    _renumber(list(meeting.agenda_items.order_by("position")))


@transaction.atomic
def agenda_item_move(*, item: AgendaItem, offset: int) -> AgendaItem:
    """Move an item up (offset -1) or down (offset +1); moving past either end does nothing."""
    ensure_editable(item.meeting)
    items = _lock_agenda(item.meeting)
    index = next(i for i, other in enumerate(items) if other.pk == item.pk)
    target = min(max(index + offset, 0), len(items) - 1)
    items.insert(target, items.pop(index))
    _renumber(items)
    item.refresh_from_db()
    return item


@transaction.atomic
def agenda_item_minutes_update(
    *, item: AgendaItem, discussion_notes: str, speakers: Iterable[Official]
) -> AgendaItem:
    """Record the discussion of an agenda item and who spoke."""
    ensure_editable(item.meeting)
    return _write_item_minutes(item, discussion_notes, speakers)


def _write_item_minutes(
    item: AgendaItem, notes: str, speakers: Iterable[Official], *, no_notes: bool = False
) -> AgendaItem:
    item.discussion_notes = notes
    item.no_notes = no_notes and not notes.strip()
    save_validated(item)
    item.speakers.set(speakers)
    return item


# --- Invitations and attendance -----------------------------------------------------------


@transaction.atomic
def participation_invite(
    *,
    meeting: Meeting,
    agency: Agency,
    invitee: Official | None = None,
    invitee_position: str = "",
) -> Participation:
    """Invite an institution (its official, or a position such as "Camat Asera")."""
    ensure_editable(meeting)
    if invitee is None and not invitee_position:
        invitee_position = agency.head_title or agency.name
    participation = Participation(
        meeting=meeting, agency=agency, invitee=invitee, invitee_position=invitee_position
    )
    return save_validated(participation)


@transaction.atomic
def participation_invite_group(
    *, meeting: Meeting, agencies: Iterable[Agency]
) -> list[Participation]:
    """Invite several institutions by their head's position, skipping those already invited."""
    ensure_editable(meeting)
    already = set(meeting.participations.values_list("agency_id", flat=True))
    created = []
    for agency in agencies:
        if agency.pk in already:
            continue
        created.append(participation_invite(meeting=meeting, agency=agency))
    return created


@transaction.atomic
def participation_remove(*, participation: Participation) -> None:
    """Withdraw an invitation."""
    ensure_editable(participation.meeting)
    participation.delete()


@transaction.atomic
def participation_set_status(
    *,
    participation: Participation,
    status: str,
    note: str | None = None,
    now: datetime.datetime | None = None,
) -> Participation:
    """Record how an invitee attended; the first arrival sets the check-in time."""
    ensure_editable(participation.meeting)
    from django.utils import timezone

    participation.status = status
    if note is not None:
        participation.note = note
    if participation.attended and participation.checked_in_at is None:
        participation.checked_in_at = now or timezone.now()
    if not participation.attended:
        participation.checked_in_at = None
    return save_validated(participation)


# --- Follow-ups -------------------------------------------------------------------------


@transaction.atomic
def follow_up_create(*, meeting: Meeting, text: str, **fields) -> FollowUp:
    """Record an action agreed in the meeting."""
    ensure_editable(meeting)
    follow_up = FollowUp(meeting=meeting, text=text)
    assign_fields(follow_up, fields, FOLLOW_UP_FIELDS)
    return save_validated(follow_up)


@transaction.atomic
def follow_up_update(
    *, follow_up: FollowUp, expected_version: int | None = None, **fields
) -> FollowUp:
    """Change a follow-up's text, responsible institution, due date or status.

    After the minutes are final only its progress (status and progress note) may change:
    the other fields are compared with the row as stored, never with the instance handed
    in (a ModelForm has already copied the new values onto it).
    """
    if lock_meeting(follow_up.meeting) == MinutesStatus.FINAL:
        stored = FollowUp.objects.get(pk=follow_up.pk)
        changed = {name for name, value in fields.items() if getattr(stored, name) != value}
        if changed - FOLLOW_UP_PROGRESS_FIELDS:
            ensure_editable(follow_up.meeting)
    assign_fields(follow_up, fields, FOLLOW_UP_FIELDS)
    return save_validated(follow_up, expected_version=expected_version)


@transaction.atomic
def follow_up_delete(*, follow_up: FollowUp) -> None:
    """Remove a follow-up."""
    ensure_editable(follow_up.meeting)
    follow_up.delete()
