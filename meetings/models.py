import datetime
import zoneinfo

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from agencies.models import Agency, Official, Region
from pilkada_portal.models import ChoiceLabelsMixin, VersionedModel


class Election(ChoiceLabelsMixin, models.Model):
    """An election (e.g. Pilkada Serentak 2024) held in a region on a voting day."""

    class Kind(models.TextChoices):
        REGENT = "pilkada_bupati", _("Pilkada of a regent or mayor")
        GOVERNOR = "pilkada_gubernur", _("Pilkada of a governor")
        SIMULTANEOUS = "pilkada_serentak", _("Simultaneous Pilkada (serentak)")
        GENERAL = "pemilu", _("General election (Pemilu)")
        OTHER = "lainnya", _("Other election")

    kind = models.CharField(
        _("kind"), max_length=20, choices=Kind.choices, default=Kind.SIMULTANEOUS
    )
    name = models.CharField(_("name"), max_length=160)
    voting_day = models.DateField(_("voting day"))
    region = models.ForeignKey(
        Region, verbose_name=_("region"), on_delete=models.PROTECT, related_name="elections"
    )
    owner = models.ForeignKey(
        Agency,
        verbose_name=_("registered by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="registered_elections",
        help_text=_("The organizer whose staff registered it and may change it."),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("election")
        verbose_name_plural = _("elections")
        ordering = ["-voting_day", "name"]
        constraints = [
            models.UniqueConstraint(fields=["name", "region"], name="election_unique_per_region"),
        ]

    def __str__(self) -> str:
        return f"{self.name} – {self.region.name}"


class LetterSecurity(models.TextChoices):
    """Sifat of a letter as to who may read it (klasifikasi keamanan)."""

    ORDINARY = "biasa", _("Ordinary (Biasa)")
    RESTRICTED = "terbatas", _("Restricted (Terbatas)")
    SECRET = "rahasia", _("Secret (Rahasia)")
    TOP_SECRET = "sangat_rahasia", _("Top secret (Sangat Rahasia)")


# Letters only the organizer's own staff may read or export.
CONFIDENTIAL_LETTERS = frozenset({LetterSecurity.SECRET, LetterSecurity.TOP_SECRET})


class LetterUrgency(models.TextChoices):
    """Sifat of a letter as to how fast it is handled (urgensi)."""

    ORDINARY = "biasa", _("Ordinary (Biasa)")
    URGENT = "segera", _("Urgent (Segera)")
    VERY_URGENT = "amat_segera", _("Very urgent (Amat Segera)")


class SigningCapacity(models.TextChoices):
    """How the signer signs: in their own position, or for another's (a.n., Plt., Plh.)."""

    OWN = "", _("In their own position")
    ON_BEHALF = "an", _("On behalf of (a.n.)")
    ACTING = "plt", _("Acting holder (Plt.)")
    STANDING_IN = "plh", _("Daily stand-in (Plh.)")


class MinutesStatus(models.TextChoices):
    """Where the minutes stand: written, under review by the chair, or approved (final)."""

    DRAFT = "draft", _("Draft")
    IN_REVIEW = "in_review", _("In review")
    FINAL = "final", _("Final")


# Digits with the usual separators, an optional leading "+": a number a phone can dial.
PHONE_VALIDATOR = RegexValidator(
    r"^\+?[0-9][0-9 ().-]{5,28}$",
    _("Write the phone number in digits, for example 0812-3456-7890."),
    code="phone",
)


class Meeting(VersionedModel):
    """A coordination meeting (Rakor) with its schedule, venue, chair and minutes text."""

    class Kind(models.TextChoices):
        RAKOR = "rakor", _("Coordination meeting (Rakor)")
        TECHNICAL = "teknis", _("Technical meeting")
        EVALUATION = "evaluasi", _("Evaluation meeting")
        OTHER = "lainnya", _("Other meeting")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SCHEDULED = "scheduled", _("Scheduled")
        HELD = "held", _("Held")
        CANCELLED = "cancelled", _("Cancelled")

    class TimeZone(models.TextChoices):
        # Indonesia's three legal time zones, labelled the way invitations write them.
        WIB = "Asia/Jakarta", "WIB"
        WITA = "Asia/Makassar", "WITA"
        WIT = "Asia/Jayapura", "WIT"

    organizer = models.ForeignKey(
        Agency,
        verbose_name=_("organizer"),
        on_delete=models.PROTECT,
        related_name="organized_meetings",
    )
    election = models.ForeignKey(
        Election,
        verbose_name=_("election"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="meetings",
    )
    title = models.CharField(_("title"), max_length=250)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.RAKOR)
    reference_number = models.CharField(
        _("letter number"),
        max_length=80,
        blank=True,
        editable=False,
        help_text=_(
            "Given by the organizer's register (kode klasifikasi/nomor/unit/tahun) or recorded "
            "from SRIKANDI; never changed once given."
        ),
    )
    letter_classification = models.ForeignKey(
        "letters.Classification",
        verbose_name=_("classification code"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("The archive code of the invitation (Permendagri 83/2022), e.g. 000.1.5."),
    )
    letter_number = models.OneToOneField(
        "letters.IssuedNumber",
        verbose_name=_("issued letter number"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="meeting",
    )
    date = models.DateField(_("date"))
    start_time = models.TimeField(_("start time"), null=True, blank=True)
    end_time = models.TimeField(
        _("end time"),
        null=True,
        blank=True,
        help_text=_('Leave empty for "until finished" (s.d. selesai).'),
    )
    time_zone = models.CharField(
        _("time zone"), max_length=20, choices=TimeZone.choices, default=TimeZone.WITA
    )
    venue = models.CharField(_("venue"), max_length=200)
    venue_address = models.TextField(_("venue address"), blank=True)
    dress_code = models.CharField(
        _("dress code"),
        max_length=120,
        blank=True,
        help_text=_("For example “Pakaian Dinas Harian (PDH)”; shown to attendees."),
    )
    contact_name = models.CharField(
        _("contact person"),
        max_length=160,
        blank=True,
        help_text=_("Who attendees call about the meeting (narahubung)."),
    )
    contact_phone = models.CharField(
        _("contact person's phone"),
        max_length=30,
        blank=True,
        validators=[PHONE_VALIDATOR],
        help_text=_("For example 0812-3456-7890; attendees can call or message it."),
    )
    chair = models.ForeignKey(
        Official,
        verbose_name=_("chair"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="chaired_meetings",
    )
    minute_taker = models.ForeignKey(
        Official,
        verbose_name=_("minute taker"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="minuted_meetings",
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.SCHEDULED
    )
    letter_date = models.DateField(_("date of the letter"), null=True, blank=True)
    letter_security = models.CharField(
        _("sifat: security"),
        max_length=16,
        choices=LetterSecurity.choices,
        default=LetterSecurity.ORDINARY,
        help_text=_("Secret and top-secret letters are shown only to the organizer's staff."),
    )
    letter_urgency = models.CharField(
        _("sifat: urgency"),
        max_length=16,
        choices=LetterUrgency.choices,
        default=LetterUrgency.ORDINARY,
    )
    letter_subject = models.CharField(
        _("subject (hal)"),
        max_length=200,
        blank=True,
        help_text=_('Empty: "Undangan" followed by the kind of meeting.'),
    )
    letter_signer = models.ForeignKey(
        Official,
        verbose_name=_("signer of the invitation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="signed_meetings",
    )
    letter_signing_capacity = models.CharField(
        _("signs as"),
        max_length=3,
        choices=SigningCapacity.choices,
        default=SigningCapacity.OWN,
        blank=True,
    )
    letter_signed_for = models.CharField(
        _("position signed for"),
        max_length=160,
        blank=True,
        help_text=_(
            "With a.n., Plt. or Plh.: the position the letter is signed for, for example "
            '"Bupati Konawe Utara".'
        ),
    )
    copies_to = models.TextField(
        _("copies to (tembusan)"), blank=True, help_text=_("One recipient per line.")
    )
    minutes_status = models.CharField(
        _("minutes status"),
        max_length=10,
        choices=MinutesStatus.choices,
        default=MinutesStatus.DRAFT,
    )
    opening_remarks = models.TextField(_("opening remarks"), blank=True)
    conclusions = models.TextField(_("conclusions"), blank=True)
    report_basis = models.TextField(
        _("basis of the report (dasar)"),
        blank=True,
        help_text=_("One per line; empty: the invitation letter and its number."),
    )
    report_purpose = models.TextField(_("purpose (maksud dan tujuan)"), blank=True)
    report_obstacles = models.TextField(_("obstacles (hambatan)"), blank=True)
    report_suggestions = models.TextField(_("suggestions (saran)"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-date", "-start_time", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_time__isnull=True) | Q(start_time__isnull=False),
                name="meeting_end_needs_start",
                violation_error_message=_("An end time needs a start time."),
            ),
            models.CheckConstraint(
                condition=Q(end_time__isnull=True)
                | Q(start_time__isnull=True)
                | Q(end_time__gt=F("start_time")),
                name="meeting_end_after_start",
                violation_error_message=_("The meeting must end after it starts."),
            ),
        ]
        indexes = [
            models.Index(fields=["date"], name="meeting_date_idx"),
            # The meeting list's two orderings: upcoming (soonest first) and past (latest
            # first), so that a page is read from an index, not sorted from every meeting.
            models.Index(fields=["date", "start_time", "title"], name="meeting_upcoming_idx"),
            models.Index(fields=["-date", "-start_time", "title"], name="meeting_past_idx"),
        ]
        permissions = [
            ("submit_minutes", _("Can submit minutes for review")),
            ("approve_minutes", _("Can approve or return minutes")),
            ("revise_minutes", _("Can open a correction of final minutes")),
            ("supervise_meetings", _("Can read the meetings of organizers in its region")),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.date:%d-%m-%Y})"

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("meetings:detail", args=[self.pk])

    def clean(self) -> None:
        errors = {}
        if self.end_time is not None:
            if self.start_time is None:
                errors["end_time"] = _("An end time needs a start time.")
            elif self.end_time <= self.start_time:
                errors["end_time"] = _("The meeting must end after it starts.")
        if self.letter_signing_capacity and not self.letter_signed_for.strip():
            errors["letter_signed_for"] = _(
                "Write the position the letter is signed for, for example Bupati Konawe Utara."
            )
        if errors:
            raise ValidationError(errors)

    @property
    def is_final(self) -> bool:
        """Whether the minutes were final when this row was loaded (meetings.guards reads
        the stored state before a write)."""
        return self.minutes_status == MinutesStatus.FINAL

    @property
    def letter_is_confidential(self) -> bool:
        return self.letter_security in CONFIDENTIAL_LETTERS

    @property
    def zone_abbreviation(self) -> str:
        return self.TimeZone(self.time_zone).label

    @property
    def starts_at(self) -> datetime.datetime | None:
        """The aware start of the meeting in its own time zone, when the time is known."""
        if self.start_time is None:
            return None
        return datetime.datetime.combine(
            self.date, self.start_time, tzinfo=zoneinfo.ZoneInfo(self.time_zone)
        )


class AgendaItem(VersionedModel):
    """One item of a meeting's agenda (opening, a presentation, the discussion...)."""

    class Kind(models.TextChoices):
        OPENING = "opening", _("Opening")
        REMARKS = "remarks", _("Remarks")
        PRESENTATION = "presentation", _("Presentation")
        DISCUSSION = "discussion", _("Discussion")
        CLOSING = "closing", _("Closing")

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="agenda_items"
    )
    position = models.PositiveSmallIntegerField(_("position"))
    planned_start = models.TimeField(_("planned start"), null=True, blank=True)
    duration_minutes = models.PositiveSmallIntegerField(
        _("duration (minutes)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(24 * 60)],
    )
    title = models.CharField(_("title"), max_length=250)
    description = models.TextField(_("description"), blank=True)
    kind = models.CharField(_("kind"), max_length=14, choices=Kind.choices)
    presenter_agency = models.ForeignKey(
        Agency,
        verbose_name=_("presenting institution"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="agenda_items",
    )
    presenter = models.ForeignKey(
        Official,
        verbose_name=_("presenter"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="presented_agenda_items",
    )
    discussion_notes = models.TextField(_("discussion notes"), blank=True)
    no_notes = models.BooleanField(
        _("nothing to record"),
        default=False,
        help_text=_("The item was held and there is nothing to note (tidak ada catatan)."),
    )
    speakers = models.ManyToManyField(
        Official, verbose_name=_("who spoke"), blank=True, related_name="spoken_agenda_items"
    )

    history = HistoricalRecords(m2m_fields=[speakers])

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ["meeting", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "position"],
                name="agenda_position_unique",
                violation_error_message=_("Another agenda item already has this position."),
            ),
            models.CheckConstraint(condition=Q(position__gte=1), name="agenda_position_positive"),
            models.CheckConstraint(
                condition=Q(duration_minutes__isnull=True) | Q(duration_minutes__gte=1),
                name="agenda_duration_positive",
                violation_error_message=_("A duration must be at least one minute."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.position}. {self.title}"

    def clean(self) -> None:
        if (
            self.presenter_id is not None
            and self.presenter_agency_id is not None
            and self.presenter.agency_id != self.presenter_agency_id
        ):
            raise ValidationError(
                {"presenter": _("The presenter must belong to the presenting institution.")}
            )


class Participation(ChoiceLabelsMixin, models.Model):
    """An institution's invitation to a meeting and how it attended."""

    class Status(models.TextChoices):
        INVITED = "invited", _("Invited")
        PRESENT = "present", _("Present")
        REPRESENTED = "represented", _("Represented")
        EXCUSED = "excused", _("Excused")
        ABSENT = "absent", _("Absent")

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="participations"
    )
    agency = models.ForeignKey(
        Agency,
        verbose_name=_("institution"),
        on_delete=models.PROTECT,
        related_name="participations",
    )
    invitee = models.ForeignKey(
        Official,
        verbose_name=_("invited official"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="participations",
    )
    invitee_position = models.CharField(
        _("invited position"),
        max_length=200,
        blank=True,
        help_text=_('When no person is named, for example "Camat Asera".'),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.INVITED
    )
    checked_in_at = models.DateTimeField(_("check-in time"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=250, blank=True)
    position = models.PositiveIntegerField(
        _("protocol order"),
        default=0,
        help_text=_("Place on the attendance list and the invitation's annex (1 first)."),
    )
    is_host = models.BooleanField(
        _("host"),
        default=False,
        help_text=_(
            "The chair or the organizer: on the attendance list without being a recipient "
            "of the invitation."
        ),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("participation")
        verbose_name_plural = _("participations")
        ordering = ["meeting", "position", "id"]
        indexes = [
            # Which meetings an institution is invited to (its liaison's list, its page).
            models.Index(fields=["agency", "meeting"], name="participation_agency_idx"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "agency", "invitee"],
                condition=Q(invitee__isnull=False),
                name="participation_unique_invitee",
                violation_error_message=_("This official is already invited to the meeting."),
            ),
            models.UniqueConstraint(
                fields=["meeting", "agency", "invitee_position"],
                condition=Q(invitee__isnull=True),
                name="participation_unique_position",
                violation_error_message=_(
                    "This institution is already invited to the meeting for this position."
                ),
            ),
            models.CheckConstraint(
                condition=Q(invitee__isnull=False) | ~Q(invitee_position=""),
                name="participation_names_invitee",
                violation_error_message=_("Name the invited official or the invited position."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.agency} – {self.invitee_label} ({self.get_status_display()})"

    @property
    def invitee_label(self) -> str:
        """Who was invited: the official's name and position, or the position alone."""
        if self.invitee_id is not None:
            return self.invitee.full_name
        return self.invitee_position

    @property
    def held_position(self) -> str:
        """The position invited: the official's, or the one typed when nobody is named."""
        return self.invitee.position if self.invitee_id is not None else self.invitee_position

    @property
    def attended(self) -> bool:
        return self.status in {self.Status.PRESENT, self.Status.REPRESENTED}

    def clean(self) -> None:
        errors = {}
        if self.invitee_id is None and not self.invitee_position.strip():
            errors["invitee_position"] = _("Name the invited official or the invited position.")
        if (
            self.invitee_id is not None
            and self.agency_id is not None
            and self.invitee.agency_id != self.agency_id
        ):
            errors["invitee"] = _("The invited official must belong to the institution.")
        if errors:
            raise ValidationError(errors)


class FollowUp(VersionedModel):
    """An action agreed in a meeting, with who is responsible and by when."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")
        CANCELLED = "cancelled", _("Cancelled")

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="follow_ups"
    )
    text = models.TextField(_("follow-up"))
    responsible_agency = models.ForeignKey(
        Agency,
        verbose_name=_("responsible institution"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="follow_ups",
    )
    due_date = models.DateField(_("due date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.OPEN
    )
    progress_note = models.TextField(
        _("progress note"),
        blank=True,
        help_text=_("How far it has come; may still be updated after the minutes are final."),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")
        ordering = ["meeting", "id"]
        indexes = [
            # The follow-up register's order (soonest due first, none last), read from an index
            # instead of sorting every follow-up of a national deployment.
            # (PostgreSQL's ascending B-tree puts NULLs last, as the register orders.)
            models.Index(fields=["due_date", "id"], name="follow_up_due_idx"),
            models.Index(fields=["responsible_agency", "status"], name="follow_up_agency_idx"),
        ]

    def __str__(self) -> str:
        return self.text[:80]

    @property
    def overdue(self) -> bool:
        """Not finished and past its due date (today in the portal's time zone)."""
        return bool(
            self.due_date
            and self.due_date < timezone.localdate()
            and self.status not in CLOSED_FOLLOW_UP
        )


CLOSED_FOLLOW_UP = frozenset({"done", "cancelled"})


class FollowUpProgress(ChoiceLabelsMixin, models.Model):
    """A dated step of a follow-up: its status then and what was done, by whom; recorded at a
    later meeting of its series when `meeting` is set (its status at that meeting)."""

    follow_up = models.ForeignKey(
        FollowUp,
        verbose_name=_("follow-up"),
        on_delete=models.CASCADE,
        related_name="progress",
    )
    status = models.CharField(_("status"), max_length=12, choices=FollowUp.Status.choices)
    note = models.TextField(_("what was done"), blank=True)
    recorded_at = models.DateTimeField(_("recorded"), default=timezone.now)
    recorded_by = models.ForeignKey(
        "auth.User",
        verbose_name=_("recorded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("reviewed at meeting"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="follow_up_reviews",
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("follow-up progress")
        verbose_name_plural = _("follow-up progress")
        ordering = ["follow_up", "recorded_at", "id"]
        indexes = [
            models.Index(fields=["follow_up", "recorded_at"], name="follow_up_progress_idx"),
            models.Index(fields=["meeting"], name="follow_up_review_idx"),
        ]
        permissions = [
            (
                "report_followupprogress",
                _("Can report the progress of its institution's follow-ups"),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.follow_up}: {self.get_status_display()}"

    @property
    def closes(self) -> bool:
        return self.status in CLOSED_FOLLOW_UP


class MinutesEvent(ChoiceLabelsMixin, models.Model):
    """A step of the minutes workflow (submitted, returned, approved, reopened) with its comment."""

    class Action(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted for review")
        RETURNED = "returned", _("Returned to the minute taker")
        APPROVED = "approved", _("Approved")
        REOPENED = "reopened", _("Reopened for a correction")
        CHANGED = "changed", _("Record changed during review; back to draft")

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="minutes_events"
    )
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    comment = models.TextField(_("comment"), blank=True)
    # Empty only for a change made outside a request (a command) that sent minutes back.
    user = models.ForeignKey(
        "auth.User",
        verbose_name=_("by"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    created_at = models.DateTimeField(_("at"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("minutes event")
        verbose_name_plural = _("minutes events")
        ordering = ["meeting", "created_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(action__in=["returned", "reopened"]) | ~Q(comment=""),
                name="minutes_event_reason_given",
                violation_error_message=_("Give the reason."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.meeting} – {self.get_action_display()}"


class NotulaRevision(models.Model):
    """An approved Notula as a stored PDF with its SHA-256 and public verification code."""

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.PROTECT, related_name="revisions"
    )
    number = models.PositiveSmallIntegerField(_("revision"))
    code = models.CharField(_("verification code"), max_length=16, unique=True)
    pdf = models.FileField(_("PDF"), upload_to="notula/")
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    reason = models.TextField(_("reason of the correction"), blank=True)
    approved_by = models.ForeignKey(
        "auth.User", verbose_name=_("approved by"), on_delete=models.PROTECT, related_name="+"
    )
    approved_at = models.DateTimeField(_("approved at"))
    signers = models.CharField(_("signers"), max_length=400, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("Notula revision")
        verbose_name_plural = _("Notula revisions")
        ordering = ["meeting", "number"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "number"], name="notula_revision_unique"),
        ]

    def __str__(self) -> str:
        return f"Notula {self.meeting.title} – revisi {self.number} ({self.code})"
