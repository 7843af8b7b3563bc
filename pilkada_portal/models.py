"""Model behaviour shared by the apps."""

import functools

from django.db import models
from django.utils.encoding import force_str
from django.utils.translation import gettext_lazy as _


@functools.cache
def _choice_labels(field) -> dict:
    return dict(field.flatchoices)


class ChoiceLabelsMixin:
    """get_<field>_display() from the field's choices read once into a dict.

    Django's own builds that dict on every call and hashes each label on the way, which
    translates every choice of the field: a list page calls it for each row (an attendance
    screen of 100 invitations, 20 institutions with their kind and region). The labels stay
    lazy here, so the answer is still in the reader's language."""

    def _get_FIELD_display(self, field):
        value = getattr(self, field.attname)
        return force_str(_choice_labels(field).get(value, value), strings_only=True)


class VersionedModel(ChoiceLabelsMixin, models.Model):
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
