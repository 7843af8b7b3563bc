import re

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from agencies.models import Agency
from agencies.validators import DEFAULT_FORMAT, validate_number_format

CODE_VALIDATOR = RegexValidator(
    r"^\d{3}(\.\d{1,3})*$",
    _("Write the code as in the classification table, for example 000.1.5."),
    code="code",
)


def code_sort_key(code: str) -> str:
    """000.1.10 after 000.1.9: each part padded, so that the codes sort as the table does."""
    return ".".join(part.zfill(3) for part in code.split("."))


class Classification(models.Model):
    """A code of the archive classification (Permendagri 83/2022), e.g. 000.1.5 Rapat Pimpinan."""

    code = models.CharField(_("code"), max_length=24, unique=True, validators=[CODE_VALIDATOR])
    title = models.CharField(_("title"), max_length=250)
    sort_key = models.CharField(max_length=64, editable=False, db_index=True)

    class Meta:
        verbose_name = _("classification code")
        verbose_name_plural = _("classification codes")
        ordering = ["sort_key"]

    def __str__(self) -> str:
        return f"{self.code} – {self.title}"

    def save(self, *args, **kwargs):
        # Derived from the code, never typed: kept with the row it orders.
        self.sort_key = code_sort_key(self.code)
        super().save(*args, **kwargs)


# --- The number format of an organizer -------------------------------------------------------


def lacks_unit(organizer: Agency) -> bool:
    """The organizer's format writes a unit code that the organizer has not given yet."""
    return "{unit}" in (organizer.letter_number_format or DEFAULT_FORMAT) and not (
        organizer.letter_unit_code
    )


def format_number(fmt: str, *, code: str, sequence: int, unit: str, year: int) -> str:
    fmt = fmt or DEFAULT_FORMAT
    validate_number_format(fmt)
    text = fmt.format(kode=code, nomor=sequence, unit=unit, tahun=year)
    # An empty unit leaves no double slash behind.
    return re.sub(r"/{2,}", "/", text).strip("/")


def organizer_number(organizer: Agency, classification, *, sequence: int, year: int) -> str:
    """The number `sequence` of the organizer's register, in its format."""
    return format_number(
        organizer.letter_number_format,
        code=classification.code,
        sequence=sequence,
        unit=organizer.letter_unit_code,
        year=year,
    )


class NumberRegister(models.Model):
    """An organizer's register of outgoing letters for one year: the last number it gave."""

    organizer = models.ForeignKey(
        Agency, verbose_name=_("organizer"), on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    last_number = models.PositiveIntegerField(_("last number given"), default=0)

    class Meta:
        verbose_name = _("letter register")
        verbose_name_plural = _("letter registers")
        ordering = ["organizer", "-year"]
        constraints = [
            models.UniqueConstraint(fields=["organizer", "year"], name="register_per_year"),
        ]

    def __str__(self) -> str:
        return f"{self.organizer} {self.year}: {self.last_number}"


class IssuedNumber(models.Model):
    """A letter number: given by the organizer's register, or recorded as given elsewhere
    (SRIKANDI). Never changed once written."""

    organizer = models.ForeignKey(
        Agency, verbose_name=_("organizer"), on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    sequence = models.PositiveIntegerField(_("number in the register"), null=True, blank=True)
    classification = models.ForeignKey(
        Classification,
        verbose_name=_("classification code"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    number = models.CharField(_("letter number"), max_length=80)
    subject = models.CharField(_("subject (hal)"), max_length=250, blank=True)
    external = models.BooleanField(
        _("given elsewhere"),
        default=False,
        help_text=_("Numbered by SRIKANDI or by hand, not by this register."),
    )
    issued_at = models.DateTimeField(_("recorded"), auto_now_add=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("letter number")
        verbose_name_plural = _("letter numbers")
        ordering = ["organizer", "-year", "-sequence", "-issued_at"]
        constraints = [
            # No register number twice (the locked register row makes sure; this proves it).
            models.UniqueConstraint(
                fields=["organizer", "year", "sequence"],
                condition=Q(sequence__isnull=False),
                name="issued_number_unique_sequence",
            ),
            models.UniqueConstraint(
                fields=["organizer", "number"],
                name="issued_number_unique_text",
                violation_error_message=_("This organizer already has a letter with this number."),
            ),
            models.CheckConstraint(
                condition=Q(external=True) | Q(sequence__isnull=False),
                name="issued_number_register_has_sequence",
            ),
        ]

    def __str__(self) -> str:
        return self.number
