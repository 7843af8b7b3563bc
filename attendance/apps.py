from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AttendanceConfig(AppConfig):
    """The people in the room: who attended, how they checked in, and their signature."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "attendance"
    verbose_name = _("Attendance")

    def ready(self) -> None:
        # Attendees are part of a meeting's record: they refresh its page and its history.
        from meetings import cache, history

        from .models import Attendee

        cache.watch(Attendee)
        history.history_source_register(lambda meeting: [(Attendee, {"meeting_id": meeting.pk})])
