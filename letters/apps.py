from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LettersConfig(AppConfig):
    """Letter numbers: the archive classification and each organizer's register of numbers."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "letters"
    verbose_name = _("Letter numbers")

    def ready(self) -> None:
        # The classification picker is one more kind of the registry's typed pickers.
        from agencies import pickers

        from .models import Classification
        from .pickers import classification_label, classification_search

        pickers.KINDS["classification"] = (
            Classification.objects.all,
            classification_label,
            classification_search,
        )
