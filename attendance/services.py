"""Writes of attendance: each public function is one transaction and validates with
full_clean(). Adding a person marks the invitation they fill as attended."""

import secrets
import uuid

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from agencies.models import Agency, Official
from meetings.guards import ensure_editable, lock_meeting
from meetings.models import Meeting, MinutesStatus, Participation
from meetings.services import participation_set_status
from pilkada_portal.tasks import enqueue_once
from pilkada_portal.writes import assign_fields, save_validated

from .models import AgendaShare, Attendee, CheckInDesk

# What the operator's form sets, in its order (the form uses these).
ATTENDEE_FIELDS = (
    "name",
    "position",
    "participation",
    "institution_name",
    "on_behalf",
    "phone",
)


def _status_of(*, in_person: bool) -> str:
    return Participation.Status.PRESENT if in_person else Participation.Status.REPRESENTED


def _mark_invitation(participation: Participation | None, added: Attendee | None = None) -> None:
    """An invitation someone fills counts as attended: present, or represented when only
    stand-ins came (who stood in is the people's link to it, not a text of its own).
    `added` is a person just added (the latest to arrive)."""
    if participation is None:
        return
    # Under the meeting's lock: the stored status, not the one loaded with the form (with
    # the columns a check-in did not load, in the same query, should the status be saved).
    participation.refresh_from_db(
        fields=["status", "note", "checked_in_at", *participation.get_deferred_fields()]
    )
    # A later person of an invitation already marked: one in person finds it present; a
    # stand-in finds it represented (which means no one came in person, as it follows the
    # people). Then nothing changes, and the other people need not be read.
    if (
        added is not None
        and participation.note == ""
        and participation.checked_in_at
        and participation.status == _status_of(in_person=not added.on_behalf)
    ):
        return
    people = list(participation.attendees.order_by().values_list("checked_in_at", "on_behalf"))
    if not people:
        if participation.attended:
            participation_set_status(
                participation=participation, status=Participation.Status.INVITED
            )
        return
    # The invitation's check-in time is its first person's (set once, by the service).
    first = min(checked_in_at for checked_in_at, _on_behalf in people)
    status = _status_of(in_person=any(not on_behalf for _checked_in_at, on_behalf in people))
    if participation.status == status and participation.note == "" and participation.checked_in_at:
        return  # already marked so (the second person of an invitation): no write, no history
    participation_set_status(participation=participation, status=status, note="", now=first)


# What the operator may set on an invitation by hand; "represented" follows from the people.
INVITATION_STATUSES = (
    Participation.Status.INVITED,
    Participation.Status.PRESENT,
    Participation.Status.EXCUSED,
    Participation.Status.ABSENT,
)


@transaction.atomic
def invitation_set_status(
    *, participation: Participation, status: str, note: str = ""
) -> Participation:
    """Mark an invitation nobody was recorded for: excused (with the reason), absent,
    present without a name, or back to invited. Once people are recorded for it, its status
    follows from them."""
    ensure_editable(participation.meeting)
    if status not in INVITATION_STATUSES:
        raise ValidationError(
            {"status": _("Someone stands in for the invitee: add that person to the list.")},
            code="derived",
        )
    if participation.attendees.exists():
        raise ValidationError(
            {
                "status": _(
                    "People are recorded for this invitation, so it counts as attended. "
                    "Remove them or move them to another invitation first."
                )
            },
            code="has_people",
        )
    return participation_set_status(participation=participation, status=status, note=note.strip())


def _check_participation(meeting: Meeting, participation: Participation | None) -> None:
    if participation is not None and participation.meeting_id != meeting.pk:
        raise ValidationError(
            {"participation": _("The invitation belongs to another meeting.")}, code="other"
        )


@transaction.atomic
def attendee_add(
    *,
    meeting: Meeting,
    name: str,
    position: str = "",
    participation: Participation | None = None,
    agency: Agency | None = None,
    institution_name: str = "",
    on_behalf: bool = False,
    phone: str = "",
    method: str = Attendee.Method.OPERATOR,
    signature_png: bytes | None = None,
    device: uuid.UUID | None = None,
) -> Attendee:
    """Record a person present; with an invitation, their institution is the invited one."""
    _check_participation(meeting, participation)
    attendee = Attendee(
        meeting=meeting,
        name=name.strip(),
        position=position.strip(),
        participation=participation,
        agency=participation.agency if participation is not None else agency,
        institution_name="" if (participation or agency) else institution_name.strip(),
        on_behalf=on_behalf and participation is not None,
        phone=phone.strip(),
        method=method,
        device=device,
    )
    ensure_editable(meeting)
    attendee.checked_in_at = timezone.now()  # in the order the lock lets people in
    if signature_png:
        attendee.signature.save(f"{uuid.uuid4().hex}.png", ContentFile(signature_png), save=False)
    try:
        # The meeting is locked above; the invitation and its institution were read in this
        # transaction, so their existence is not queried again.
        save_validated(attendee, loaded=("meeting", "participation", "agency"))
    except ValidationError:
        if attendee.signature:
            attendee.signature.delete(save=False)  # no image left behind for a refused entry
        raise
    _mark_invitation(participation, added=attendee)
    _register_later(attendee)
    return attendee


def _registrable(attendee: Attendee) -> bool:
    """Whether the person can join their institution's officials: an institution in the
    registry, a position, and a name the registry takes."""
    return attendee.agency_id is not None and bool(attendee.position) and len(attendee.name) <= 120


def _register_later(attendee: Attendee) -> None:
    """After the commit, queue the registry pass that adds the person to the officials (the
    phone at the door does not wait for it). Robust: a queue that is down delays the entry
    until the next check-in's pass, which takes every person still missing."""
    if attendee.official_id is None and _registrable(attendee):
        meeting_id = attendee.meeting_id
        transaction.on_commit(lambda: registry_schedule(meeting_id), robust=True)


@transaction.atomic
def attendees_register(*, meeting_id: int) -> int:
    """Find or add each person of the meeting who is not linked to the registry among their
    institution's officials, and link them: the minute taker then picks them as speakers,
    and a representative is typed only once, at the door. Returns how many were linked.

    Runs in a task worker, a few seconds after check-ins (register_attendees). Under
    the meeting's lock, so that two passes add one official for one name. A final record is
    left as it is. The link is bookkeeping, not what the record says: it is set without a
    history row of its own."""
    meeting = Meeting.objects.filter(pk=meeting_id).only("pk").first()
    if meeting is None or lock_meeting(meeting) == MinutesStatus.FINAL:
        return 0
    pending = (
        meeting.attendees.filter(official=None, agency__isnull=False)
        .exclude(position="")
        .select_related("agency")
        .order_by("checked_in_at", "pk")
    )
    linked = 0
    for attendee in pending:
        official = _find_or_add_official(attendee) if _registrable(attendee) else None
        if official is not None:
            Attendee.objects.filter(pk=attendee.pk).update(official=official)
            linked += 1
    return linked


# The people checked in within a few seconds of each other join the registry in one pass.
REGISTRY_DELAY_SECONDS = 5


def registry_marker(meeting_id: int) -> str:
    """The name of the cache keys that say a registry pass of this meeting is queued."""
    return f"attendance:registry:{meeting_id}"


# The queue of the work that follows a change to a meeting's record (the documents'
# pre-renders too): every task worker listens to it.
@task(queue_name="prerender")
def register_attendees(meeting_id: int) -> int:
    """The registry pass (attendees_register) as a task of a worker."""
    return attendees_register(meeting_id=meeting_id)


def registry_schedule(meeting_id: int) -> None:
    """Queue a registry pass of the meeting to run when the current window of
    REGISTRY_DELAY_SECONDS has ended (once per window: a burst of check-ins makes one)."""
    enqueue_once(
        register_attendees,
        meeting_id,
        marker=registry_marker(meeting_id),
        delay=REGISTRY_DELAY_SECONDS,
    )


def _find_or_add_official(attendee: Attendee) -> Official | None:
    """The official of the person's institution with the person's name, added when missing;
    None when the registry refuses the entry."""
    official = (
        Official.objects.filter(agency_id=attendee.agency_id, name__iexact=attendee.name)
        .order_by("pk")
        .first()
    )
    if official is None:
        official = Official(agency=attendee.agency, name=attendee.name, position=attendee.position)
        try:
            # A refusal comes from full_clean() before any SQL, or from an INSERT undone to
            # save_validated's own savepoint: the transaction goes on either way.
            save_validated(official, loaded=("agency",))
        except ValidationError:
            return None  # a name the registry refuses: the person stays on the list all the same
    return official


@transaction.atomic
def attendee_update(
    *, attendee: Attendee, expected_version: int | None = None, **fields
) -> Attendee:
    """Correct a person's entry (name, position, the invitation they fill...)."""
    ensure_editable(attendee.meeting)
    before = Attendee.objects.get(pk=attendee.pk)
    previous = before.participation
    assign_fields(attendee, fields, ATTENDEE_FIELDS)
    _check_participation(attendee.meeting, attendee.participation)
    if attendee.participation is not None:
        attendee.agency = attendee.participation.agency
        attendee.institution_name = ""
    else:
        attendee.on_behalf = False
    if attendee.agency_id != before.agency_id or attendee.name != before.name:
        attendee.official = None  # another person or institution: the registry pass links again
    save_validated(attendee, expected_version=expected_version)
    _mark_invitation(previous)
    if attendee.participation != previous:
        _mark_invitation(attendee.participation)
    _register_later(attendee)
    return attendee


@transaction.atomic
def attendee_remove(*, attendee: Attendee) -> None:
    """Remove a person's entry and its signature image (the history keeps that it existed)."""
    ensure_editable(attendee.meeting)
    participation = attendee.participation
    signature = attendee.signature
    attendee.delete()
    if signature:
        transaction.on_commit(lambda: signature.storage.delete(signature.name))
    _mark_invitation(participation)


@transaction.atomic
def desk_get_or_open(*, meeting: Meeting) -> CheckInDesk:
    """The meeting's self check-in desk, opened the first time it is asked for."""
    desk, _created = CheckInDesk.objects.get_or_create(meeting=meeting)
    return desk


@transaction.atomic
def desk_set_open(*, meeting: Meeting, is_open: bool) -> CheckInDesk:
    """Open or close the self check-in; closing also invalidates every QR link handed out."""
    desk = desk_get_or_open(meeting=meeting)
    desk.is_open = is_open
    if not is_open:
        desk.secret = uuid.uuid4()
    desk.full_clean()
    desk.save()
    return desk


@transaction.atomic
def agenda_share_renew(*, meeting: Meeting, publish_invitation: bool | None = None) -> AgendaShare:
    """Create the public agenda link, or replace its token (the old link stops working)."""
    share = AgendaShare.objects.filter(meeting=meeting).first() or AgendaShare(meeting=meeting)
    share.token = secrets.token_urlsafe(24)
    if publish_invitation is not None:
        share.publish_invitation = publish_invitation
    share.full_clean()
    share.save()
    return share


@transaction.atomic
def agenda_share_set(*, meeting: Meeting, publish_invitation: bool) -> AgendaShare:
    """Publish the invitation letter on the link, or take it back, keeping the link."""
    if publish_invitation and meeting.letter_is_confidential:
        raise ValidationError(
            _("A secret invitation letter is never published on the share link."),
            code="confidential",
        )
    share = AgendaShare.objects.filter(meeting=meeting).first()
    if share is None:
        return agenda_share_renew(meeting=meeting, publish_invitation=publish_invitation)
    share.publish_invitation = publish_invitation
    share.full_clean()
    share.save()
    return share


@transaction.atomic
def agenda_share_revoke(*, meeting: Meeting) -> None:
    """Stop sharing: the link no longer opens anything."""
    AgendaShare.objects.filter(meeting=meeting).delete()
