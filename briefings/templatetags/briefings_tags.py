"""Briefing parts that pages of lower apps show (the meeting page), without importing us."""

from django import template

from briefings import selectors

register = template.Library()


@register.inclusion_tag("briefings/includes/_meeting_briefings.html", takes_context=True)
def meeting_briefings(context, meeting):
    """The readiness briefings of a meeting, as cards (the meeting page caches the result)."""
    # Drafts for readers of the whole record (the organizer's staff, supervisors): the page
    # computed it from accounts.rules.
    staff = bool(context.get("reads_record"))
    return {
        "meeting": meeting,
        # Cached per meeting and per kind of reader (the page's cache key says which).
        "briefings": selectors.briefing_list_for_meeting(meeting=meeting, drafts=staff),
        # Institution names link to their page for readers allowed to open it.
        "perms": context.get("perms"),
    }
