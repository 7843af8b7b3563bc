from django.shortcuts import get_object_or_404, redirect

from ..models import Meeting


class MeetingMixin:
    """Loads the meeting named by the URL (pk or meeting_pk) once, as self.meeting."""

    meeting_url_kwarg = "pk"

    def dispatch(self, request, *args, **kwargs):
        self.meeting = get_object_or_404(Meeting, pk=kwargs[self.meeting_url_kwarg])
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(meeting=self.meeting, **kwargs)


def back_to_meeting(meeting: Meeting, anchor: str = ""):
    """Redirect to the meeting page (post/redirect/get), optionally at a section."""
    return redirect(meeting.get_absolute_url() + (f"#{anchor}" if anchor else ""))
