from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    """Official documents of a meeting: data, print templates, PDF. No models of its own."""

    name = "documents"
    verbose_name = _("Official documents")

    def ready(self) -> None:
        from django.core import checks

        from meetings import cache

        from .background import meetings_changed
        from .seal import check_certificate

        checks.register(check_certificate)

        # A change to a meeting's record schedules its documents' render in the background.
        cache.on_change(meetings_changed)
