from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReadinessConfig(AppConfig):
    """Readiness across a series to voting day: the dashboard per election and its exports."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "readiness"
    verbose_name = _("Readiness dashboard")
