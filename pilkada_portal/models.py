"""Model behaviour shared by the apps."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class VersionedModel(models.Model):
    """A record edited in forms: its version guards against lost updates.

    Every save through pilkada_portal.writes.save_validated() raises the version; a form
    sends the version it was opened with, and a save over a newer one is refused
    (StaleVersionError) with the newer values shown.
    """

    version = models.PositiveIntegerField(
        _("version"), default=1, editable=False, help_text=_("Raised by every save.")
    )

    class Meta:
        abstract = True
