from django.conf import settings
from django.contrib.auth.models import User
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history import register
from simple_history.models import HistoricalRecords

# Accounts keep their history too (who was given which role, who was deactivated), without
# the password hash or the sign-in times.
register(User, app="accounts", excluded_fields=["password", "last_login"], m2m_fields=["groups"])


class Profile(models.Model):
    """The institution a user acts for. Staff (operator, notulis, pimpinan) work on the meetings
    that institution organizes; a supervisor reads those of organizers under it; liaisons and
    attendees see the meetings their institution is invited to (accounts.rules)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="profile",
    )
    agency = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("institution"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="members",
    )
    official = models.ForeignKey(
        "agencies.Official",
        verbose_name=_("official"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="accounts",
        help_text=_(
            "The person this account is in the registry: the minute taker who submits is "
            "named on the Notula."
        ),
    )
    approves_minutes = models.BooleanField(
        _("approves every meeting's minutes"),
        default=False,
        help_text=_(
            "A chair (pimpinan) approves the minutes of the meetings they chair; with this, "
            "of every meeting of their institution."
        ),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("profile")
        verbose_name_plural = _("profiles")
        ordering = ["user__username"]

    def __str__(self) -> str:
        return f"{self.user} – {self.agency or '-'}"
