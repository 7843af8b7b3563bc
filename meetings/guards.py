"""Whether a meeting's record may still change: a record whose minutes are final is read-only.

The minutes workflow (the `minutes` app) makes a record final; every write to the record, in
this app and the ones above it, asks here first.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .models import Meeting, MinutesStatus


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
    """Refuse any change to the record of a meeting whose minutes are final.

    Call it inside the write's transaction, before reading what the write changes: it locks
    the meeting's row until the transaction ends.
    """
    if lock_meeting(meeting) == MinutesStatus.FINAL:
        raise ValidationError(final_record_message(), code="final")
