"""Which meetings and briefings a user may see or touch, beyond model permissions.

Staff roles (operator, minute taker, chair) hold meetings.view_meeting and see every meeting.
Liaisons and attendees are tied to one institution (Profile.agency) and see only the meetings
it is invited to; a liaison edits only that institution's briefing, before the meeting.
"""

from django.db.models import QuerySet
from django.utils import timezone

from agencies.models import Agency
from meetings.models import Meeting, MinutesStatus


def user_agency(user) -> Agency | None:
    profile = getattr(user, "profile", None) if user.is_authenticated else None
    return profile.agency if profile is not None else None


def sees_all_meetings(user) -> bool:
    return user.has_perm("meetings.view_meeting")


def meetings_visible_to(user, meetings: QuerySet[Meeting]) -> QuerySet[Meeting]:
    """The meetings of `meetings` that this user may open."""
    if sees_all_meetings(user):
        return meetings
    agency = user_agency(user)
    if agency is None:
        return meetings.none()
    return meetings.filter(participations__agency=agency).distinct()


def can_see_meeting(user, meeting: Meeting) -> bool:
    if sees_all_meetings(user):
        return True
    agency = user_agency(user)
    return agency is not None and meeting.participations.filter(agency=agency).exists()


def briefing_agencies_for(user, meeting: Meeting) -> QuerySet[Agency] | None:
    """Institutions whose briefing this user may write in the meeting; None means any.

    A liaison (no staff permission) writes only its own institution's briefing, only while
    the meeting has not taken place and its minutes are not final.
    """
    if user.has_perm("meetings.change_meeting"):
        return None
    agency = user_agency(user)
    before = meeting.date >= timezone.localdate()
    open_minutes = meeting.minutes_status != MinutesStatus.FINAL
    if agency is None or not (before and open_minutes) or not can_see_meeting(user, meeting):
        return Agency.objects.none()
    return Agency.objects.filter(pk=agency.pk)
