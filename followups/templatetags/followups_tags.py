"""The follow-up parts of the meeting page (a lower app's page), without it importing us."""

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from accounts.rules import allows
from meetings.models import FollowUp
from meetings.selectors import earlier_follow_ups, series_meetings
from pilkada_portal.versioned import records_state, remembered

from ..views import STANDING_ITEM

register = template.Library()


def _series_state(meeting) -> str | None:
    """Names the state of the earlier meetings of the series (None: there are none). Every
    change to a follow-up or a step of its progress touches its meeting (meetings.cache)."""
    series = series_meetings(meeting=meeting).filter(date__lt=meeting.date).order_by("pk")
    versions = list(series.values_list("pk", "updated_at"))
    return records_state(versions) if versions else None


def _shown(row) -> dict:
    """What _earlier.html shows of a row, as plain values: model instances took 5.6 ms to
    read back from the cache for 54 rows, these a fraction of one."""
    follow_up = row.follow_up
    agency = follow_up.responsible_agency
    return {
        "follow_up": {
            "pk": follow_up.pk,
            "text": follow_up.text,
            "responsible_agency": {"name": agency.name} if agency is not None else None,
            "due_date": follow_up.due_date,
            "meeting": {"date": follow_up.meeting.date},
        },
        "status": row.status,
        "status_label": row.status_label,
        "note": row.note,
        "reviewed": row.reviewed,
        "overdue": row.overdue,
    }


@register.simple_tag(takes_context=True)
def meeting_earlier_follow_ups(context, meeting):
    """ "Tindak lanjut rapat sebelumnya": the open follow-ups of earlier meetings of the
    series, each with its status at this meeting (recorded here by the organizer's staff).

    Remembered under the series' state and this meeting's: the rows (a regency's series of
    46 meetings has 54, 18 ms to work out), and for a reader without its forms (a
    supervisor) the section itself."""
    state = _series_state(meeting)
    if state is None:
        return ""
    user = context["request"].user
    language = get_language()
    rows = remembered(
        meeting,
        "earlier-follow-ups",
        language,
        state,
        compute=lambda: [_shown(row) for row in earlier_follow_ups(meeting=meeting)],
    )
    can_review = allows(user, "meetings.can_review_follow_ups", meeting)
    can_add_item = (
        allows(user, "meetings.can_add_agenda_item", meeting)
        and rows
        and not meeting.agenda_items.filter(title=STANDING_ITEM).exists()
    )
    section = {
        "meeting": meeting,
        "rows": rows,
        "can_review": can_review,
        "can_add_item": can_add_item,
        "statuses": FollowUp.Status.choices,
        "csrf_token": context.get("csrf_token"),
    }

    def render():
        return render_to_string(EARLIER_TEMPLATE, section)

    if can_review or can_add_item:
        return render()  # with forms and the reader's CSRF token
    return mark_safe(  # rendered (and escaped) by the template engine
        remembered(meeting, "earlier-follow-ups-html", language, state, compute=render)
    )


EARLIER_TEMPLATE = "followups/includes/_earlier.html"
