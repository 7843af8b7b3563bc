import datetime

from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.views.generic import TemplateView

from ..history import meeting_history
from .common import MeetingMixin, RuleRequiredMixin

PAGE_SIZE = 50


def parse_before(value: str) -> datetime.datetime | None:
    """The ?before= of the "older changes" link; anything unusable means "from the newest"."""
    try:
        parsed = parse_datetime(value or "")
        if parsed is None:
            return None
        if timezone.is_naive(parsed):
            parsed = timezone.make_aware(parsed)
        # Offsets at the edge of the calendar would overflow in the database instead.
        return parsed.astimezone(datetime.UTC)
    except (ValueError, OverflowError):
        return None


class MeetingHistoryView(RuleRequiredMixin, MeetingMixin, TemplateView):
    """Who changed what in a meeting, and when: old and new values, newest first (the
    organizer's staff and supervisors: accounts.rules)."""

    permission_required = "meetings.can_see_history"
    template_name = "meetings/meeting_history.html"

    def get_context_data(self, **kwargs):
        before = parse_before(self.request.GET.get("before", ""))
        entries = meeting_history(meeting=self.meeting, before=before, limit=PAGE_SIZE)
        return super().get_context_data(
            entries=entries,
            older=entries[-1].when.isoformat() if len(entries) == PAGE_SIZE else "",
            **kwargs,
        )
