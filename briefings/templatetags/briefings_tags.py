"""Briefing parts that pages of lower apps show (the meeting page), without importing us."""

from django import template

from briefings import selectors

register = template.Library()


@register.inclusion_tag("briefings/includes/_meeting_briefings.html", takes_context=True)
def meeting_briefings(context, meeting):
    """The readiness briefings of a meeting, as cards (the meeting page caches the result)."""
    return {
        "meeting": meeting,
        "briefings": selectors.briefing_list_for_meeting(meeting=meeting),
        # Institution names link to their page for readers allowed to open it.
        "perms": context.get("perms"),
    }
