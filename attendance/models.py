import uuid

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from agencies.models import Agency, Official
from meetings.models import Meeting, Participation
from pilkada_portal.models import VersionedModel
from pilkada_portal.storage import private_storage


class Attendee(VersionedModel):
    """A person present at a meeting: name, position, institution, whom they stand for, when
    and how they checked in, and their drawn signature."""

    class Method(models.TextChoices):
        SELF = "self", _("Self check-in (QR code)")
        OPERATOR = "operator", _("Recorded by the operator")

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="attendees"
    )
    participation = models.ForeignKey(
        Participation,
        verbose_name=_("invitation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="attendees",
        help_text=_("The invitation this person fills; empty for a walk-in institution."),
    )
    agency = models.ForeignKey(
        Agency,
        verbose_name=_("institution"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="attendees",
    )
    institution_name = models.CharField(_("institution (not invited)"), max_length=200, blank=True)
    name = models.CharField(_("name with titles"), max_length=160)
    position = models.CharField(_("position"), max_length=200, blank=True)
    on_behalf = models.BooleanField(
        _("stands in for the invitee"),
        default=False,
        help_text=_("Attends in place of the invited official (diwakili)."),
    )
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    checked_in_at = models.DateTimeField(_("check-in time"), default=timezone.now)
    method = models.CharField(
        _("recorded by"), max_length=10, choices=Method.choices, default=Method.OPERATOR
    )
    signature = models.ImageField(
        _("signature"), storage=private_storage, upload_to="signatures/%Y/%m/", blank=True
    )
    device = models.UUIDField(_("device"), null=True, blank=True, editable=False)
    official = models.ForeignKey(
        Official,
        verbose_name=_("official in the registry"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="attendances",
        help_text=_("The same person in the registry, so that minutes name them as a speaker."),
    )

    # The history keeps that an entry existed and was changed or removed, not the image.
    history = HistoricalRecords(excluded_fields=["signature"])

    class Meta:
        verbose_name = _("attendee")
        verbose_name_plural = _("attendees")
        ordering = ["meeting", "checked_in_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(name=""),
                name="attendee_named",
                violation_error_message=_("Give the name."),
            ),
            models.CheckConstraint(
                condition=Q(agency__isnull=False) | ~Q(institution_name=""),
                name="attendee_institution_given",
                violation_error_message=_("Choose the institution or type its name."),
            ),
            models.UniqueConstraint(
                fields=["meeting", "device"],
                condition=Q(device__isnull=False),
                name="attendee_one_check_in_per_device",
                violation_error_message=_("This phone was already used to check in."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.institution_label})"

    @property
    def institution_label(self) -> str:
        return self.agency.display_name if self.agency_id else self.institution_name

    @property
    def remark(self) -> str:
        """Keterangan of the Daftar Hadir: present in person, or in place of the invitee."""
        if self.on_behalf and self.participation_id:
            return f"Mewakili {self.participation.invitee_label}"
        return "Hadir"


class CheckInDesk(models.Model):
    """The self check-in of a meeting: open or closed by the operator, with the secret that
    its QR links are signed with (a new one invalidates every link handed out)."""

    meeting = models.OneToOneField(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="checkin_desk"
    )
    is_open = models.BooleanField(_("open"), default=True)
    secret = models.UUIDField(_("secret"), default=uuid.uuid4, editable=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    history = HistoricalRecords(excluded_fields=["secret"])

    class Meta:
        verbose_name = _("check-in desk")
        verbose_name_plural = _("check-in desks")
        ordering = ["meeting"]

    def __str__(self) -> str:
        return f"{self.meeting} – {'open' if self.is_open else 'closed'}"


class AgendaShare(models.Model):
    """A meeting's public agenda link: unguessable, revocable (a new token ends the old one)."""

    meeting = models.OneToOneField(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="agenda_share"
    )
    token = models.CharField(_("token"), max_length=43, unique=True)
    publish_invitation = models.BooleanField(
        _("publish the invitation letter"),
        default=False,
        help_text=_("Anyone with the link may then read the Surat Undangan too."),
    )
    created_at = models.DateTimeField(_("created"), auto_now=True)

    history = HistoricalRecords(excluded_fields=["token"])

    class Meta:
        verbose_name = _("agenda share link")
        verbose_name_plural = _("agenda share links")
        ordering = ["meeting"]

    def __str__(self) -> str:
        return f"{self.meeting}"
