"""Meeting parts that pages of lower apps show (the institution page), without importing us."""

from django import template

from accounts.rules import meetings_visible_to
from meetings import selectors
from meetings.models import Meeting

register = template.Library()


@register.inclusion_tag("meetings/includes/_agency_meetings.html")
def agency_meetings(agency, user, limit: int = 50):
    """The meetings an institution was invited to that this user may see, newest first."""
    visible = meetings_visible_to(user, Meeting.objects.all())
    return {
        "participations": selectors.participation_list_for_agency(
            agency=agency, meetings=visible, limit=limit
        )
    }
