import uuid

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from agencies.models import Agency, Official
from meetings.models import AgendaItem, Meeting
from pilkada_portal.models import ChoiceLabelsMixin, VersionedModel
from pilkada_portal.storage import private_storage


class Briefing(VersionedModel):
    """One institution's readiness briefing (paparan) in a meeting."""

    class Readiness(models.TextChoices):
        READY = "ready", _("Ready")
        READY_WITH_NOTES = "ready_with_notes", _("Ready with notes")
        NOT_READY = "not_ready", _("Not ready")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="briefings"
    )
    agency = models.ForeignKey(
        Agency, verbose_name=_("institution"), on_delete=models.PROTECT, related_name="briefings"
    )
    agenda_item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("agenda item"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="briefings",
    )
    presenter = models.ForeignKey(
        Official,
        verbose_name=_("presenter"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="briefings",
    )
    topic = models.CharField(_("topic"), max_length=250)
    summary = models.TextField(_("summary"), blank=True)
    readiness = models.CharField(
        _("overall readiness"),
        max_length=20,
        choices=Readiness.choices,
        blank=True,
        help_text=_("Leave empty until the institution has stated it."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("briefing")
        verbose_name_plural = _("briefings")
        ordering = ["meeting", "agenda_item__position", "agency__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "agency"],
                name="briefing_one_per_agency",
                violation_error_message=_(
                    "This institution already has a briefing in this meeting."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.agency}: {self.topic}"

    def clean(self) -> None:
        errors = {}
        if self.agenda_item_id is not None and self.agenda_item.meeting_id != self.meeting_id:
            errors["agenda_item"] = _("The agenda item belongs to another meeting.")
        if (
            self.presenter_id is not None
            and self.agency_id is not None
            and self.presenter.agency_id != self.agency_id
        ):
            errors["presenter"] = _("The presenter must belong to the institution.")
        if errors:
            raise ValidationError(errors)


class ReadinessIndicator(ChoiceLabelsMixin, models.Model):
    """A measurable readiness item of a briefing (e.g. ballots received: 98 of 100 %)."""

    class Aspect(models.TextChoices):
        LOGISTICS = "logistics", _("Logistics")
        VOTER_DATA = "voter_data", _("Voter data")
        SECURITY = "security", _("Security")
        ASN_NEUTRALITY = "asn_neutrality", _("ASN neutrality")
        LAW_ENFORCEMENT = "law_enforcement", _("Law enforcement")
        VULNERABILITY = "vulnerability", _("Vulnerability")
        HUMAN_RESOURCES = "human_resources", _("Human resources")
        BUDGET = "budget", _("Budget")
        OUTREACH = "outreach", _("Outreach")
        OTHER = "other", _("Other")

    class Status(models.TextChoices):
        ACHIEVED = "achieved", _("Achieved")
        ON_TRACK = "on_track", _("On track")
        AT_RISK = "at_risk", _("At risk")
        BLOCKED = "blocked", _("Blocked")
        # A figure reported without a judgement (or nothing reported yet): no invented status.
        UNASSESSED = "unassessed", _("Not assessed")

    briefing = models.ForeignKey(
        Briefing, verbose_name=_("briefing"), on_delete=models.CASCADE, related_name="indicators"
    )
    aspect = models.CharField(_("aspect"), max_length=20, choices=Aspect.choices)
    label = models.CharField(_("indicator"), max_length=200)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.UNASSESSED
    )
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=2, null=True, blank=True)
    target = models.DecimalField(
        _("target"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    unit = models.CharField(_("unit"), max_length=40, blank=True)
    note = models.TextField(_("note"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("readiness indicator")
        verbose_name_plural = _("readiness indicators")
        ordering = ["briefing", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(value__isnull=True) | Q(value__gte=0),
                name="indicator_value_not_negative",
                violation_error_message=_("A value cannot be negative."),
            ),
            models.CheckConstraint(
                condition=Q(target__isnull=True) | Q(target__gt=0),
                name="indicator_target_positive",
                violation_error_message=_("A target must be greater than zero."),
            ),
        ]

    def __str__(self) -> str:
        return self.label

    def clean(self) -> None:
        # The check constraints say the same, but a constraint's error belongs to no field;
        # here the message lands next to the value or target that breaks it.
        errors = {}
        if self.value is not None and self.value < 0:
            errors["value"] = _("A value cannot be negative.")
        if self.target is not None and self.target <= 0:
            errors["target"] = _("A target must be greater than zero.")
        if errors:
            raise ValidationError(errors)

    @property
    def percent_of_target(self) -> int | None:
        if self.value is None or not self.target:
            return None
        return round(self.value * 100 / self.target)


class Risk(ChoiceLabelsMixin, models.Model):
    """A risk (kerawanan) reported in a briefing, with where it is and how it is mitigated."""

    class Category(models.TextChoices):
        VOTER_RIGHTS = "voter_rights", _("Voter rights")
        SECURITY = "security", _("Security")
        MONEY_POLITICS = "money_politics", _("Money politics")
        SARA = "sara", _("Ethnic, religious or group tension (SARA)")
        NEUTRALITY = "neutrality", _("Neutrality (organizers, ASN, TNI-Polri, village heads)")
        LOGISTICS = "logistics", _("Logistics")
        TPS_LOCATION = "tps_location", _("Polling station location")
        INFRASTRUCTURE = "infrastructure", _("Power and internet")
        DISASTER = "disaster", _("Natural disaster")
        OTHER = "other", _("Other")

    class Level(models.TextChoices):
        LOW = "low", _("Low")
        MEDIUM = "medium", _("Medium")
        HIGH = "high", _("High")

    briefing = models.ForeignKey(
        Briefing, verbose_name=_("briefing"), on_delete=models.CASCADE, related_name="risks"
    )
    location = models.CharField(_("location"), max_length=200, blank=True)
    category = models.CharField(_("category"), max_length=20, choices=Category.choices)
    level = models.CharField(_("level"), max_length=8, choices=Level.choices)
    description = models.TextField(_("description"), blank=True)
    mitigation = models.TextField(_("mitigation"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("risk")
        verbose_name_plural = _("risks")
        ordering = ["briefing", "id"]

    def __str__(self) -> str:
        location = f" – {self.location}" if self.location else ""
        return f"{self.get_category_display()}{location} ({self.get_level_display()})"


class BriefingTemplate(models.Model):
    """A reusable outline of what an institution reports (e.g. KPU), kept as data."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    topic = models.CharField(
        _("suggested topic"),
        max_length=250,
        blank=True,
        help_text=_("Proposed as the briefing's topic when none is typed."),
    )
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("briefing template")
        verbose_name_plural = _("briefing templates")
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name


class BriefingTemplateItem(ChoiceLabelsMixin, models.Model):
    """An indicator row a template proposes; status and figures are left to the briefing."""

    template = models.ForeignKey(
        BriefingTemplate, verbose_name=_("template"), on_delete=models.CASCADE, related_name="items"
    )
    position = models.PositiveSmallIntegerField(_("position"))
    aspect = models.CharField(_("aspect"), max_length=20, choices=ReadinessIndicator.Aspect.choices)
    label = models.CharField(_("indicator"), max_length=200)
    unit = models.CharField(_("unit"), max_length=40, blank=True)
    target = models.DecimalField(
        _("target"), max_digits=14, decimal_places=2, null=True, blank=True
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("briefing template item")
        verbose_name_plural = _("briefing template items")
        ordering = ["template", "position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["template", "position"],
                name="briefing_template_item_position_unique",
                violation_error_message=_("Another item of this template has this position."),
            ),
            models.CheckConstraint(
                condition=Q(target__isnull=True) | Q(target__gt=0),
                name="briefing_template_item_target_positive",
                violation_error_message=_("A target must be greater than zero."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.template}: {self.label}"

    def clean(self) -> None:
        if self.target is not None and self.target <= 0:
            raise ValidationError({"target": _("A target must be greater than zero.")})


def attachment_path(instance, filename: str) -> str:
    # The stored name is ours (a random one with the detected type's extension), never the
    # uploader's: the original name is only shown.
    extension = filename[filename.rfind(".") :]
    return f"paparan/{instance.briefing.meeting_id}/{uuid.uuid4().hex}{extension}"


class BriefingAttachment(ChoiceLabelsMixin, models.Model):
    """An institution's presentation file (paparan) attached to its briefing, kept outside the
    public media folder and served through a view that checks access."""

    class Kind(models.TextChoices):
        PDF = "pdf", "PDF"
        PPTX = "pptx", "PowerPoint (PPTX)"
        XLSX = "xlsx", "Excel (XLSX)"
        DOCX = "docx", "Word (DOCX)"
        JPEG = "jpg", "JPEG"
        PNG = "png", "PNG"

    briefing = models.ForeignKey(
        Briefing,
        verbose_name=_("briefing"),
        on_delete=models.CASCADE,
        related_name="attachments",
    )
    file = models.FileField(_("file"), upload_to=attachment_path, storage=private_storage)
    name = models.CharField(_("file name"), max_length=200)
    kind = models.CharField(_("type"), max_length=5, choices=Kind.choices)
    size = models.PositiveIntegerField(_("size (bytes)"))
    uploaded_by = models.ForeignKey(
        "auth.User",
        verbose_name=_("uploaded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("briefing attachment")
        verbose_name_plural = _("briefing attachments")
        ordering = ["briefing", "uploaded_at", "id"]

    def __str__(self) -> str:
        return self.name
