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
    """The institution a user acts for: liaisons and attendees see that institution's meetings."""

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
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("profile")
        verbose_name_plural = _("profiles")
        ordering = ["user__username"]

    def __str__(self) -> str:
        return f"{self.user} – {self.agency or '-'}"
