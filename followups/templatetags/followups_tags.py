"""The follow-up parts of the meeting page (a lower app's page), without it importing us."""

from django import template

from accounts.rules import allows
from meetings.models import FollowUp
from meetings.selectors import earlier_follow_ups

from ..views import STANDING_ITEM

register = template.Library()


@register.inclusion_tag("followups/includes/_earlier.html", takes_context=True)
def meeting_earlier_follow_ups(context, meeting):
    """ "Tindak lanjut rapat sebelumnya": the open follow-ups of earlier meetings of the
    series, each with its status at this meeting (recorded here by the organizer's staff)."""
    user = context["request"].user
    rows = earlier_follow_ups(meeting=meeting)
    can_add_item = allows(user, "meetings.can_add_agenda_item", meeting)
    return {
        "meeting": meeting,
        "rows": rows,
        "can_review": allows(user, "meetings.can_review_follow_ups", meeting),
        "can_add_item": can_add_item
        and rows
        and not meeting.agenda_items.filter(title=STANDING_ITEM).exists(),
        "statuses": FollowUp.Status.choices,
        "csrf_token": context.get("csrf_token"),
    }
