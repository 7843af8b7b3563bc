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


class FormSubmission(models.Model):
    """A create form that was sent once: its one-time token and where its result is.

    A second POST of the same form (a double click, a reload, a retry over a slow network)
    finds the token taken and is sent to the first result instead of creating a second row.
    """

    token = models.UUIDField(_("token"), unique=True)
    url = models.CharField(_("address of the result"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        verbose_name = _("form submission")
        verbose_name_plural = _("form submissions")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return str(self.token)
