"""Meeting parts that pages of lower apps show (the institution page), without importing us."""

from django import template

from meetings import selectors

register = template.Library()


@register.inclusion_tag("meetings/includes/_agency_meetings.html")
def agency_meetings(agency, limit: int = 50):
    """The meetings an institution was invited to, newest first."""
    return {"participations": selectors.participation_list_for_agency(agency=agency, limit=limit)}
