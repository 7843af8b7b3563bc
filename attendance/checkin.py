"""The self check-in's signed links and its time window (no writes here)."""

import datetime
import zoneinfo

from django.conf import settings
from django.core import signing
from django.utils import timezone
from django.utils.translation import gettext as _

from meetings import formatting
from meetings.models import Meeting

from .models import CheckInDesk

QR_SALT = "attendance.checkin.qr"
FORM_SALT = "attendance.checkin.form"
# Time to fill in the form after scanning: name, position, signature.
FORM_SECONDS = 30 * 60
# What the check-in pages show of the meeting, and what its window and the page caches need:
# its other columns (the minutes' text...) are not loaded for every phone.
MEETING_FIELDS = ("title", "date", "start_time", "end_time", "time_zone", "venue", "updated_at")


class CheckInRefused(Exception):
    """The check-in cannot go on; `message` says why, in the reader's language."""

    def __init__(self, message: str, code: str):
        super().__init__(message)
        self.message, self.code = message, code


def _value(desk: CheckInDesk) -> str:
    return f"{desk.meeting_id}.{desk.secret.hex}"


def qr_token(desk: CheckInDesk) -> str:
    """The token of the QR code shown at the door (valid CHECKIN_QR_SECONDS)."""
    return signing.TimestampSigner(salt=QR_SALT).sign(_value(desk))


def form_token(desk: CheckInDesk) -> str:
    """The token of an opened check-in form (valid FORM_SECONDS)."""
    return signing.TimestampSigner(salt=FORM_SALT).sign(_value(desk))


def desk_from_token(token: str, *, form: bool = False) -> CheckInDesk:
    """The desk a token was signed for; CheckInRefused when it is forged or expired."""
    salt, max_age = (FORM_SALT, FORM_SECONDS) if form else (QR_SALT, settings.CHECKIN_QR_SECONDS)
    try:
        value = signing.TimestampSigner(salt=salt).unsign(token[:300], max_age=max_age)
    except signing.SignatureExpired:
        raise CheckInRefused(_("The QR code has expired; scan it again."), "expired") from None
    except signing.BadSignature:
        raise CheckInRefused(_("This check-in link is not valid."), "invalid") from None
    meeting_id, _dot, secret = value.partition(".")
    desk = (
        CheckInDesk.objects.select_related("meeting")
        .only("meeting_id", "is_open", "secret", *(f"meeting__{name}" for name in MEETING_FIELDS))
        .filter(meeting_id=meeting_id)
        .order_by()  # one row: no ORDER BY through the meeting's ordering
        .first()
    )
    if desk is None or desk.secret.hex != secret:
        # The operator closed and reopened the desk: earlier links no longer work.
        raise CheckInRefused(_("The QR code has expired; scan it again."), "expired")
    return desk


def window(meeting: Meeting) -> tuple[datetime.datetime, datetime.datetime]:
    """When the self check-in is open: on the meeting's day, from a while before the start
    (or the morning) until the end (or the end of the day)."""
    zone = zoneinfo.ZoneInfo(meeting.time_zone)
    day_start = datetime.datetime.combine(meeting.date, datetime.time(0, 0), tzinfo=zone)
    opens = day_start
    if meeting.start_time:
        opens = max(
            day_start,
            meeting.starts_at - datetime.timedelta(minutes=settings.CHECKIN_OPENS_MINUTES),
        )
    closes = datetime.datetime.combine(
        meeting.date, meeting.end_time or datetime.time(23, 59, 59), tzinfo=zone
    )
    return opens, closes


def ensure_open(desk: CheckInDesk, now: datetime.datetime | None = None) -> None:
    """Refuse a check-in while the desk is closed or outside the meeting's window."""
    if not desk.is_open:
        raise CheckInRefused(_("Check-in for this meeting is closed."), "closed")
    opens, closes = window(desk.meeting)
    now = now or timezone.now()
    if not opens <= now <= closes:
        raise CheckInRefused(
            _("Check-in is open on %(day)s from %(opens)s to %(closes)s %(zone)s.")
            % {
                "day": formatting.long_date(desk.meeting.date),
                "opens": formatting.clock(opens.timetz()),
                "closes": formatting.clock(closes.timetz()),
                "zone": desk.meeting.zone_abbreviation,
            },
            "outside",
        )
