from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MinutesConfig(AppConfig):
    """The minutes workflow above the documents: approval seals a Notula; public verification.

    Its models (MinutesEvent, NotulaRevision) stay in `meetings`, where their tables were made.
    """

    name = "minutes"
    verbose_name = _("Minutes approval")
