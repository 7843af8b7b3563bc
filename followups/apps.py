from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FollowupsConfig(AppConfig):
    """The follow-up register across a series of meetings, to voting day."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "followups"
    verbose_name = _("Follow-up register")
