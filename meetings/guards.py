"""Whether a meeting's record may still change: a record whose minutes are final is read-only.

The minutes workflow (the `minutes` app) makes a record final; every write to the record, in
this app and the ones above it, asks here first.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _
from simple_history.models import HistoricalRecords

from .cache import meetings_touch
from .models import Meeting, MinutesEvent, MinutesStatus


def is_final(meeting: Meeting) -> bool:
    """Whether the meeting's minutes are final, as stored now (not as loaded earlier)."""
    status = Meeting.objects.filter(pk=meeting.pk).values_list("minutes_status", flat=True).first()
    return status == MinutesStatus.FINAL


def final_record_message() -> str:
    return _(
        "The minutes of this meeting are final: its record can no longer be changed. "
        "A correction starts a new revision."
    )


def lock_meeting(meeting: Meeting) -> str:
    """Lock the meeting's row for this transaction and return its stored minutes status.

    The approval takes the same lock, so a write that checked the status here cannot commit
    after an approval that began before it: it waits, then sees the record final.
    """
    status = (
        Meeting.objects.select_for_update()
        .filter(pk=meeting.pk)
        .order_by()  # one row: no ORDER BY
        .values_list("minutes_status", flat=True)
        .first()
    )
    return status


def ensure_editable(meeting: Meeting) -> None:
    """Refuse any change to the record of a meeting whose minutes are final; a change while
    the minutes are in review sends them back to draft (`back_to_draft`).

    Call it inside the write's transaction, before reading what the write changes: it locks
    the meeting's row until the transaction ends.
    """
    status = lock_meeting(meeting)
    if status == MinutesStatus.FINAL:
        raise ValidationError(final_record_message(), code="final")
    if status == MinutesStatus.IN_REVIEW:
        back_to_draft(meeting)


def back_to_draft(meeting: Meeting) -> None:
    """The record changes while the chair reviews its minutes: what was submitted is no
    longer what the record says, so the minutes go back to draft with an event naming who
    changed it (its details are in the meeting's history), and are submitted again. The
    chair never approves a text that changed after it was submitted without being told.

    The caller holds the meeting's row lock. The instance given is updated too, so that a
    service that saves it afterwards does not write the old status back.
    """
    request = getattr(HistoricalRecords.context, "request", None)
    user = getattr(request, "user", None)
    if user is not None and not user.is_authenticated:
        user = None  # an attendee checking in on a phone: nobody to name or to tell
    Meeting.objects.filter(pk=meeting.pk).update(minutes_status=MinutesStatus.DRAFT)
    meeting.minutes_status = MinutesStatus.DRAFT
    MinutesEvent.objects.create(
        meeting=meeting,
        action=MinutesEvent.Action.CHANGED,
        user=user,
    )
    meetings_touch(Q(pk=meeting.pk))
    if user is not None:
        # Told only if the change is kept (a refused write rolls all of this back).
        message = _(
            "The minutes were in review: they are a draft again and must be submitted again."
        )
        transaction.on_commit(lambda: messages.warning(request, message, fail_silently=True))
