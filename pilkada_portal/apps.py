from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    """Shared helpers of every app (the one-time form tokens have a table)."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "pilkada_portal"
    verbose_name = _("Portal")
