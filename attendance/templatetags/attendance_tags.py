"""Attendance parts that pages of lower apps show (the meeting page), without importing us."""

from django import template

from accounts.rules import allows
from attendance.share import share_panel_context

register = template.Library()


@register.inclusion_tag("attendance/includes/_share_panel.html", takes_context=True)
def agenda_share_panel(context, meeting):
    """The share link of the public agenda, for those who may share it."""
    request = context["request"]
    if not allows(request.user, "meetings.can_share_agenda", meeting):
        return {"show": False}
    return {
        "show": True,
        "csrf_token": context.get("csrf_token"),
        **share_panel_context(request, meeting),
    }
