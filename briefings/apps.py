from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BriefingsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "briefings"
    verbose_name = _("Readiness briefings")

    def ready(self) -> None:
        # Briefings are part of a meeting's record: they refresh its cached page and appear
        # in its history. Meetings does not import us; we register with it.
        from meetings import cache, history

        from .models import Briefing, ReadinessIndicator, Risk

        cache.watch(Briefing, ReadinessIndicator, Risk)
        history.history_source_register(_history_sources)


def _history_sources(meeting) -> list:
    from .models import Briefing, ReadinessIndicator, Risk

    briefing_ids = Briefing.history.filter(meeting_id=meeting.pk).values("id")
    return [
        (Briefing, {"meeting_id": meeting.pk}),
        (ReadinessIndicator, {"briefing_id__in": briefing_ids}),
        (Risk, {"briefing_id__in": briefing_ids}),
    ]
