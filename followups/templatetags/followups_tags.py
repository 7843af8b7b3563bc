"""The follow-up parts of the meeting page (a lower app's page), without it importing us."""

from django import template
from django.utils.translation import get_language

from accounts.rules import allows
from meetings.models import FollowUp
from meetings.selectors import earlier_follow_ups, series_meetings
from pilkada_portal.versioned import remembered

from ..views import STANDING_ITEM

register = template.Library()


def _earlier_rows(meeting) -> list:
    """earlier_follow_ups(), remembered under the state of the earlier meetings of the series
    and of this one: every change to a follow-up or a step of its progress touches its
    meeting (meetings.cache). A regency's series of 46 meetings had 54 rows to work out
    (18 ms) on every view of the page."""
    series = list(
        series_meetings(meeting=meeting)
        .filter(date__lt=meeting.date)
        .order_by("pk")
        .values_list("pk", "updated_at")
    )
    if not series:
        return []
    return remembered(
        meeting,
        "earlier-follow-ups",
        get_language(),
        ";".join(f"{pk}:{stamp.isoformat()}" for pk, stamp in series),
        compute=lambda: earlier_follow_ups(meeting=meeting),
    )


@register.inclusion_tag("followups/includes/_earlier.html", takes_context=True)
def meeting_earlier_follow_ups(context, meeting):
    """ "Tindak lanjut rapat sebelumnya": the open follow-ups of earlier meetings of the
    series, each with its status at this meeting (recorded here by the organizer's staff)."""
    user = context["request"].user
    rows = _earlier_rows(meeting)
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
