"""Meeting parts that pages of lower apps show (the institution page), without importing us."""

from django import template

from accounts.rules import meetings_visible_to
from meetings import selectors
from meetings.models import Meeting
from pilkada_portal.rows import rendered_rows

register = template.Library()


def agency_meeting_shows(participation) -> tuple:
    """Everything a row of an institution's meetings shows (_agency_meeting_row.html)."""
    return (
        participation.meeting_id,
        participation.meeting.title,
        participation.meeting.date,
        participation.invitee_label,
        participation.status,
    )


@register.inclusion_tag("meetings/includes/_agency_meetings.html")
def agency_meetings(agency, user, limit: int = 50):
    """The meetings an institution was invited to that this user may see, newest first."""
    visible = meetings_visible_to(user, Meeting.objects.all())
    participations = selectors.participation_list_for_agency(
        agency=agency, meetings=visible, limit=limit
    )
    return {
        "rows": rendered_rows(
            "meetings/includes/_agency_meeting_row.html",
            participations,
            name="p",
            shown=agency_meeting_shows,
        )
    }
