"""Writes for meetings: each public function is one transaction and validates with full_clean()."""

import datetime
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from agencies.models import Agency, Official, protocol_key
from letters import services as letter_services
from pilkada_portal.writes import assign_fields, save_validated

from .cache import meetings_touch
from .guards import ensure_editable, lock_meeting
from .models import (
    AgendaItem,
    Election,
    FollowUp,
    FollowUpProgress,
    Meeting,
    MinutesStatus,
    Participation,
)

# The fields each write accepts, in the order their forms show them (the forms use these).
MEETING_FIELDS = (
    "title",
    "kind",
    "organizer",
    "election",
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
    "letter_classification",
    "letter_date",
    "letter_security",
    "letter_urgency",
    "letter_subject",
    "letter_signer",
    "letter_signing_capacity",
    "letter_signed_for",
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
# The Laporan Hasil Rakor's own texts, written with the minutes.
REPORT_FIELDS = ("report_purpose", "report_basis", "report_obstacles", "report_suggestions")
# What may still change once the minutes are final: how far the follow-up has come.
FOLLOW_UP_PROGRESS_FIELDS = frozenset({"status", "progress_note"})


# --- Elections --------------------------------------------------------------------------

ELECTION_FIELDS = ("kind", "name", "voting_day", "region")


@transaction.atomic
def election_create(
    *,
    kind: str,
    name: str,
    voting_day: datetime.date,
    region,
    owner: Agency | None = None,
) -> Election:
    """Register an election; `owner` is the organizer whose staff registered it."""
    election = Election(kind=kind, name=name, voting_day=voting_day, region=region, owner=owner)
    election.full_clean()
    election.save()
    return election


@transaction.atomic
def election_update(*, election: Election, **fields) -> Election:
    """Correct an election's kind, name, voting day or region."""
    assign_fields(election, fields, ELECTION_FIELDS)
    election.full_clean()
    election.save()
    return election


# --- Meetings ---------------------------------------------------------------------------


@transaction.atomic
def meeting_create(
    *, organizer: Agency, title: str, date: datetime.date, venue: str, **fields
) -> Meeting:
    """Create a meeting."""
    meeting = Meeting(organizer=organizer, title=title, date=date, venue=venue)
    assign_fields(meeting, fields, MEETING_FIELDS)
    save_validated(meeting)
    meeting_hosts_sync(meeting=meeting)
    return meeting


@transaction.atomic
def meeting_update(*, meeting: Meeting, expected_version: int | None = None, **fields) -> Meeting:
    """Change a meeting's schedule, venue, people or status. Once the invitation has a
    number, the parts of the number (its classification code, the letter's date) stay."""
    ensure_editable(meeting)
    stored = (
        Meeting.objects.filter(pk=meeting.pk)
        .values("reference_number", "letter_classification", "letter_date")
        .first()
    )
    if stored and stored["reference_number"]:
        changed = {
            name: _("The invitation is numbered %(number)s: its %(part)s is part of the number.")
            % {"number": stored["reference_number"], "part": label}
            for name, label in (
                ("letter_classification", _("classification code")),
                ("letter_date", _("date")),
            )
            if name in fields and getattr(fields[name], "pk", fields[name]) != stored[name]
        }
        if changed:
            raise ValidationError(changed, code="numbered")
    assign_fields(meeting, fields, MEETING_FIELDS)
    save_validated(meeting, expected_version=expected_version)
    meeting_hosts_sync(meeting=meeting)
    return meeting


def _without_number(meeting: Meeting) -> None:
    if meeting.reference_number:
        raise ValidationError(
            _(
                "The invitation already has the number %(number)s: a letter number never "
                "changes once given."
            )
            % {"number": meeting.reference_number},
            code="numbered",
        )


def _number_invitation(meeting: Meeting, number_with) -> Meeting:
    """Lock the record, refuse a second number, date the letter today when it had no date,
    take a number from `number_with(current)` and keep it on the meeting."""
    ensure_editable(meeting)
    current = Meeting.objects.select_related("organizer", "letter_classification").get(
        pk=meeting.pk
    )
    _without_number(current)
    current.letter_date = current.letter_date or timezone.localdate()
    issued = number_with(current)
    current.letter_number = issued
    current.reference_number = issued.number
    save_validated(current)
    return current


@transaction.atomic
def meeting_letter_number_issue(*, meeting: Meeting, user=None) -> Meeting:
    """Give the invitation the next number of its organizer's register (the letter's year;
    the letter is dated today when it had no date)."""

    def issue(current: Meeting):
        if current.letter_classification is None:
            raise ValidationError(
                _("Choose the invitation's classification code first (in the meeting's data)."),
                code="no_classification",
            )
        return letter_services.number_issue(
            organizer=current.organizer,
            classification=current.letter_classification,
            year=current.letter_date.year,
            subject=current.letter_subject or current.title,
            user=user,
        )

    return _number_invitation(meeting, issue)


@transaction.atomic
def meeting_letter_number_record(*, meeting: Meeting, number: str, user=None) -> Meeting:
    """Record the number the invitation was given elsewhere (SRIKANDI)."""
    number = letter_services.clean_number(number)
    if not number:
        raise ValidationError(_("Type the letter number."), code="required")

    def record(current: Meeting):
        return letter_services.number_record(
            organizer=current.organizer,
            number=number,
            year=current.letter_date.year,
            classification=current.letter_classification,
            subject=current.letter_subject or current.title,
            user=user,
        )

    return _number_invitation(meeting, record)


@transaction.atomic
def meeting_minutes_save(
    *,
    meeting: Meeting,
    opening_remarks: str,
    conclusions: str,
    items: Iterable[tuple] = (),
    expected_version: int | None = None,
    **report: str,
) -> Meeting:
    """Save the minutes text: remarks, conclusions and each item's discussion and speakers.

    items: (agenda item, notes, speakers) or (agenda item, notes, speakers, no_notes), where
    no_notes says that the item was held with nothing to record ("tidak ada catatan").
    report: the Laporan Hasil Rakor's texts (REPORT_FIELDS), when the form sends them.
    """
    ensure_editable(meeting)
    meeting.opening_remarks = opening_remarks
    meeting.conclusions = conclusions
    assign_fields(meeting, report, REPORT_FIELDS)
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
        # The letter's settings carry over; its number and date belong to the new letter.
        letter_classification=meeting.letter_classification,
        letter_security=meeting.letter_security,
        letter_urgency=meeting.letter_urgency,
        letter_signer=meeting.letter_signer,
        letter_signing_capacity=meeting.letter_signing_capacity,
        letter_signed_for=meeting.letter_signed_for,
        copies_to=meeting.copies_to,
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
                position=p.position,
                is_host=p.is_host,
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


def _protocol_rank(participation: Participation) -> tuple:
    """Hosts first, then by level and kind of institution (agencies.models.protocol_key)."""
    return (not participation.is_host, *protocol_key(participation.agency))


def _lock_invitations(meeting: Meeting) -> list[Participation]:
    """Lock the meeting row so that concurrent invitations are numbered one after the other."""
    Meeting.objects.select_for_update().filter(pk=meeting.pk).first()
    return list(
        meeting.participations.select_related("agency", "invitee").order_by("position", "id")
    )


def _number_invitations(rows: list[Participation]) -> None:
    """Store positions 1..n in the given order (history only for the rows that moved)."""
    changed = [row for index, row in enumerate(rows, start=1) if row.position != index]
    for index, row in enumerate(rows, start=1):
        row.position = index
    if changed:
        # The order is a property of the list, not of one invitation: recorded in no
        # invitation's history (each move would add a line per row it shifts).
        Participation.objects.bulk_update(changed, ["position"])
        meetings_touch(Q(pk=rows[0].meeting_id))


def _insert_in_protocol_order(rows: list[Participation], new: Participation) -> None:
    """Place a new invitation before the first one of a lower protocol rank: the order the
    operator arranged by hand stays as it is around it."""
    rank = _protocol_rank(new)
    index = next((i for i, row in enumerate(rows) if _protocol_rank(row) > rank), len(rows))
    rows.insert(index, new)


@transaction.atomic
def participation_invite(
    *,
    meeting: Meeting,
    agency: Agency,
    invitee: Official | None = None,
    invitee_position: str = "",
    is_host: bool = False,
) -> Participation:
    """Invite an institution (its official, or a position such as "Camat Asera"), placed in
    protocol order."""
    ensure_editable(meeting)
    if invitee is None and not invitee_position:
        invitee_position = agency.head_title or agency.name
    rows = _lock_invitations(meeting)
    wanted = (invitee.position if invitee else invitee_position).strip().casefold()
    for row in rows:
        if row.agency_id != agency.pk:
            continue
        same_person = invitee is not None and row.invitee_id == invitee.pk
        if same_person or row.held_position.strip().casefold() == wanted:
            raise ValidationError(
                {
                    "agency": ValidationError(
                        _("%(agency)s is already on the list for this position%(host)s.")
                        % {
                            "agency": agency.display_name,
                            "host": _(" (as host)") if row.is_host else "",
                        },
                        code="already_invited",
                    )
                }
            )
    participation = Participation(
        meeting=meeting,
        agency=agency,
        invitee=invitee,
        invitee_position=invitee_position,
        is_host=is_host,
        position=len(rows) + 1,
    )
    save_validated(participation)
    _insert_in_protocol_order(rows, participation)
    _number_invitations(rows)
    return participation


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
def participation_move(*, participation: Participation, offset: int) -> Participation:
    """Move an invitation up (offset -1) or down (+1) the protocol order; past either end
    nothing moves."""
    ensure_editable(participation.meeting)
    rows = _lock_invitations(participation.meeting)
    index = next(i for i, row in enumerate(rows) if row.pk == participation.pk)
    target = min(max(index + offset, 0), len(rows) - 1)
    rows.insert(target, rows.pop(index))
    _number_invitations(rows)
    participation.refresh_from_db()
    return participation


@transaction.atomic
def participations_sort(*, meeting: Meeting) -> None:
    """Put every invitation back in protocol order: hosts, then by level and kind of
    institution, then by name (the order invitations take by default)."""
    ensure_editable(meeting)
    rows = _lock_invitations(meeting)
    rows.sort(key=lambda row: (*_protocol_rank(row), row.agency.name, row.pk))
    _number_invitations(rows)


@transaction.atomic
def meeting_hosts_sync(*, meeting: Meeting) -> None:
    """Put the chair and the organizer on the attendance list as hosts, without inviting them.

    The chair's row is the chair's invitation when one exists (by person, or by the position
    the chair holds), else a new row; the organizer's is its invitation, else a new row for
    its head, unless the chair already stands for the organizer. A row that was a host of an
    earlier chair stays on the list as an ordinary invitation (the operator withdraws it).
    Host rows print on the Daftar Hadir and not among the letter's recipients.
    """
    if meeting.is_final:
        return
    rows = _lock_invitations(meeting)
    hosts: set[int] = set()
    chair = meeting.chair
    if chair is not None:
        position = chair.position.strip().casefold()
        row = next((r for r in rows if r.invitee_id == chair.pk), None) or next(
            (
                r
                for r in rows
                if r.agency_id == chair.agency_id and r.held_position.strip().casefold() == position
            ),
            None,
        )
        if row is not None and row.invitee_id not in (None, chair.pk):
            # The position's earlier holder was invited by name: the chair holds it now.
            row.invitee = chair
            save_validated(row)
        if row is None:
            row = participation_invite(
                meeting=meeting,
                agency=chair.agency,
                invitee=chair,
                invitee_position=chair.position,
                is_host=True,
            )
            rows = _lock_invitations(meeting)
        hosts.add(row.pk)
    if chair is None or chair.agency_id != meeting.organizer_id:
        row = next((r for r in rows if r.agency_id == meeting.organizer_id), None)
        if row is None:
            row = participation_invite(meeting=meeting, agency=meeting.organizer, is_host=True)
            rows = _lock_invitations(meeting)
        hosts.add(row.pk)
    changed = [r for r in rows if r.is_host != (r.pk in hosts)]
    for row in changed:
        row.is_host = row.pk in hosts
    if changed:
        bulk_update_with_history(changed, Participation, ["is_host"])
        # Hosts lead the list, in the order they had among themselves.
        rows.sort(key=lambda r: (not r.is_host, r.position, r.pk))
        _number_invitations(rows)
        meetings_touch(Q(pk=meeting.pk))


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
    *, follow_up: FollowUp, expected_version: int | None = None, user=None, **fields
) -> FollowUp:
    """Change a follow-up's text, responsible institution, due date or status.

    After the minutes are final only its progress (status and progress note) may change:
    the other fields are compared with the row as stored, never with the instance handed
    in (a ModelForm has already copied the new values onto it).
    """
    status = lock_meeting(follow_up.meeting)
    if status == MinutesStatus.FINAL:
        stored = FollowUp.objects.get(pk=follow_up.pk)
        changed = {name for name, value in fields.items() if getattr(stored, name) != value}
        if changed - FOLLOW_UP_PROGRESS_FIELDS:
            ensure_editable(follow_up.meeting)
    elif status == MinutesStatus.IN_REVIEW:
        ensure_editable(follow_up.meeting)  # the Notula lists it: back to draft
    before = FollowUp.objects.filter(pk=follow_up.pk).values("status", "progress_note").first()
    assign_fields(follow_up, fields, FOLLOW_UP_FIELDS)
    save_validated(follow_up, expected_version=expected_version)
    if before and (before["status"], before["progress_note"]) != (
        follow_up.status,
        follow_up.progress_note,
    ):
        # Every change of progress is a dated step of the follow-up's log.
        save_validated(
            FollowUpProgress(
                follow_up=follow_up,
                status=follow_up.status,
                note=follow_up.progress_note,
                recorded_by=user,
            )
        )
    return follow_up


@transaction.atomic
def follow_up_progress_add(
    *,
    follow_up: FollowUp,
    status: str,
    note: str = "",
    user=None,
    meeting: Meeting | None = None,
) -> FollowUpProgress:
    """Record how far a follow-up has come (by its institution's liaison or the organizer's
    staff): between meetings, or at a later meeting of its series (`meeting`, whose record
    must still be open), which is then where it was reviewed, or closed."""
    if meeting is not None:
        ensure_editable(meeting)
        origin = follow_up.meeting
        if (
            meeting.organizer_id != origin.organizer_id
            or meeting.election_id != origin.election_id
            or meeting.date <= origin.date
        ):
            raise ValidationError(
                _("A follow-up is reviewed at a later meeting of its own series."),
                code="series",
            )
    current = FollowUp.objects.select_for_update().get(pk=follow_up.pk)
    current.status = status
    if note.strip():
        current.progress_note = note.strip()
    save_validated(current)
    entry = FollowUpProgress(
        follow_up=current, status=status, note=note.strip(), recorded_by=user, meeting=meeting
    )
    save_validated(entry)
    return entry


@transaction.atomic
def follow_up_delete(*, follow_up: FollowUp) -> None:
    """Remove a follow-up."""
    ensure_editable(follow_up.meeting)
    follow_up.delete()
