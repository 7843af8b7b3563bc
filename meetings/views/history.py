from django.contrib.auth.mixins import PermissionRequiredMixin
from django.utils.dateparse import parse_datetime
from django.views.generic import TemplateView

from ..history import meeting_history
from .common import MeetingMixin

PAGE_SIZE = 50


class MeetingHistoryView(PermissionRequiredMixin, MeetingMixin, TemplateView):
    """Who changed what in a meeting, and when: old and new values, newest first."""

    permission_required = "meetings.view_meeting"
    template_name = "meetings/meeting_history.html"

    def get_context_data(self, **kwargs):
        before = parse_datetime(self.request.GET.get("before", "") or "")
        entries = meeting_history(meeting=self.meeting, before=before, limit=PAGE_SIZE)
        return super().get_context_data(
            entries=entries,
            older=entries[-1].when.isoformat() if len(entries) == PAGE_SIZE else "",
            **kwargs,
        )
