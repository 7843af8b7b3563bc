from django.core.validators import FileExtensionValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from pilkada_portal.models import ChoiceLabelsMixin, VersionedModel

from .storage import logo_storage
from .validators import (
    DEFAULT_FORMAT,
    LETTER_NUMBER_MAX,
    longest_letter_number,
    validate_logo_image,
    validate_logo_size,
    validate_nip,
    validate_nrp,
    validate_number_format,
    validate_region_code,
)

# Between a region's code (or name) and its name (or the region it is part of) in the label
# the region fields show and suggest (agencies.fields.region_label).
REGION_SEPARATOR = " – "
# The word a region's Indonesian name begins with, by kind (the kinds' values are those words).
NAME_PREFIX = {
    "provinsi": "Provinsi",
    "kabupaten": "Kabupaten",
    "kota": "Kota",
    "kecamatan": "Kecamatan",
    "kelurahan": "Kelurahan",
    "desa": "Desa",
}
# ...and the words (and abbreviations) that may stand for it where a region is typed.
_PREFIX_WORDS = {
    **{word.lower(): kind for kind, word in NAME_PREFIX.items()},
    "prov": "provinsi",
    "kab": "kabupaten",
    "kec": "kecamatan",
    "kel": "kelurahan",
}


def typed_region_name(typed: str) -> tuple[str | None, list[str]]:
    """The kind and the words of a region's name as a user types it: "Kabupaten Konawe
    Utara" and "Kab. Konawe Utara" give ("kabupaten", ["Konawe", "Utara"]); a name without
    a kind word gives (None, its words)."""
    words = typed.split()
    if len(words) > 1:
        kind = _PREFIX_WORDS.get(words[0].lower().rstrip("."))
        if kind is not None:
            return kind, words[1:]
    return None, words


class Region(ChoiceLabelsMixin, models.Model):
    """An administrative region (provinsi down to desa) with its Kemendagri code."""

    class Kind(models.TextChoices):
        PROVINCE = "provinsi", _("Province")
        REGENCY = "kabupaten", _("Regency")
        CITY = "kota", _("City")
        DISTRICT = "kecamatan", _("District (kecamatan)")
        URBAN_VILLAGE = "kelurahan", _("Urban village (kelurahan)")
        VILLAGE = "desa", _("Village (desa)")

    # Which kinds of region may contain which: a kecamatan sits in a kabupaten or kota, etc.
    ALLOWED_PARENTS = {
        Kind.PROVINCE: set(),
        Kind.REGENCY: {Kind.PROVINCE},
        Kind.CITY: {Kind.PROVINCE},
        Kind.DISTRICT: {Kind.REGENCY, Kind.CITY},
        Kind.URBAN_VILLAGE: {Kind.DISTRICT},
        Kind.VILLAGE: {Kind.DISTRICT},
    }

    name = models.CharField(_("name"), max_length=120)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    code = models.CharField(
        _("Kemendagri code"),
        max_length=13,
        blank=True,
        validators=[validate_region_code],
        help_text=_("For example 74.09 for Kabupaten Konawe Utara."),
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    owner = models.ForeignKey(
        "Agency",
        verbose_name=_("registered by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="registered_regions",
        help_text=_(
            "Empty for the regions shipped with the portal: only administrators change them."
        ),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        ordering = ["code", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["code"], condition=~Q(code=""), name="region_code_unique"
            ),
            models.UniqueConstraint(
                fields=["parent", "kind", "name"], name="region_name_unique_in_parent"
            ),
            models.CheckConstraint(
                condition=Q(kind="provinsi") | Q(parent__isnull=False),
                name="region_has_parent_unless_province",
                violation_error_message=_("Only a province may stand without a parent region."),
            ),
        ]

    def __str__(self) -> str:
        # A proper name ("Kabupaten Konawe Utara"), the same in every language of the
        # interface, and what the region fields and searches accept back (typed_region_name).
        return f"{NAME_PREFIX[self.kind]} {self.name}"

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        errors = {}
        if self.parent_id is not None:
            if self.parent_id == self.pk:
                errors["parent"] = _("A region cannot be part of itself.")
            elif self.parent.kind not in self.ALLOWED_PARENTS.get(self.kind, set()):
                errors["parent"] = _("A %(kind)s cannot be part of a %(parent)s.") % {
                    "kind": self.get_kind_display(),
                    "parent": self.parent.get_kind_display(),
                }
            elif (
                self.code and self.parent.code and not self.code.startswith(self.parent.code + ".")
            ):
                errors["code"] = _(
                    "The code must start with the parent region's code %(code)s."
                ) % {"code": self.parent.code}
        if errors:
            raise ValidationError(errors)


class PaperSize(models.TextChoices):
    """Paper for printed documents; F4 (215 x 330 mm) is common in Indonesian offices."""

    A4 = "A4", _("A4 (210 x 297 mm)")
    F4 = "F4", _("F4 (215 x 330 mm)")


class AgencyKind(models.TextChoices):
    """Agency.Kind: what an institution is, across the whole state. The order here is protocol
    order within one level of government (the head of the government first, then the DPRD,
    TNI, Polri, vertical agencies, the election bodies, the OPD, kecamatan, kelurahan/desa):
    invitations default to it (protocol_key), pages and documents group by it, and the
    institution list is sorted by it through agency_kind_order_idx."""

    PROVINCIAL_GOVERNMENT = "pemprov", _("Provincial government")
    LOCAL_GOVERNMENT = "pemda", _("Regency / city government")
    DPRD = "dprd", _("Regional parliament (DPRD)")
    TNI = "tni", _("TNI")
    POLRI = "polri", _("Polri")
    MINISTRY = "kementerian", _("Ministry / national agency")
    ELECTION_BODY = "penyelenggara", _("Election body (KPU, Bawaslu, DKPP)")
    OPD = "opd", _("Regional agency (OPD)")
    DISTRICT = "kecamatan", _("District (kecamatan)")
    VILLAGE = "kelurahan_desa", _("Kelurahan / desa")
    OTHER = "lainnya", _("Other")


class AgencyLevel(models.TextChoices):
    """The level of government an institution works at (a KPU exists at every level)."""

    NATIONAL = "nasional", _("National")
    PROVINCE = "provinsi", _("Province")
    REGENCY = "kabkota", _("Regency / city")
    DISTRICT = "kecamatan", _("District (kecamatan)")
    VILLAGE = "desa", _("Kelurahan / desa")


# Protocol rank of a level: national officials precede provincial ones, and so on. An
# institution without a level ranks as the regency level, where most of them work.
LEVEL_RANK = {level: rank for rank, level in enumerate(AgencyLevel.values)}
LEVEL_RANK[""] = LEVEL_RANK[AgencyLevel.REGENCY]
KIND_RANK = {kind: rank for rank, kind in enumerate(AgencyKind.values)}


def protocol_key(agency) -> tuple[int, int]:
    """Where an institution's invitation goes by default: by level, then by kind."""
    return LEVEL_RANK.get(agency.level, len(LEVEL_RANK)), KIND_RANK.get(agency.kind, len(KIND_RANK))


def kind_order_expression() -> models.Case:
    """The position of an institution's kind in AgencyKind, as agency_kind_order_idx indexes
    it (queries that order by it use this same expression)."""
    kinds = AgencyKind.values
    return models.Case(
        *(models.When(kind=kind, then=models.Value(index)) for index, kind in enumerate(kinds)),
        default=models.Value(len(kinds)),
        output_field=models.IntegerField(),
    )


class Agency(VersionedModel):
    """An institution that organizes or attends meetings (KPU, Polres, an OPD, a kecamatan...)."""

    Kind = AgencyKind
    Level = AgencyLevel

    name = models.CharField(_("name"), max_length=200, unique=True)
    short_name = models.CharField(
        _("short name"), max_length=60, blank=True, help_text=_('For example "KPU Konut".')
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    level = models.CharField(
        _("level"),
        max_length=10,
        choices=AgencyLevel.choices,
        blank=True,
        help_text=_("The level of government it works at; it decides the protocol order."),
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent institution"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    region = models.ForeignKey(
        Region,
        verbose_name=_("region"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="agencies",
    )
    head_title = models.CharField(
        _("head's position"),
        max_length=120,
        blank=True,
        help_text=_('How the head is addressed, for example "Kapolres" or "Dandim 1430".'),
    )
    address = models.TextField(_("address"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)
    letterhead_government_line = models.CharField(
        _("government line of the letterhead"),
        max_length=200,
        blank=True,
        help_text=_(
            "The line above the institution's name on the kop. Leave it empty to take the name "
            "of the government the institution is part of (its parent institution, for example "
            "PEMERINTAH KABUPATEN KONAWE UTARA above a badan or dinas); never type the "
            "institution's own name here."
        ),
    )
    letter_place = models.CharField(
        _("place of letters"),
        max_length=80,
        blank=True,
        help_text=_('Written before the date of a letter, for example "Wanggudu".'),
    )
    paper_size = models.CharField(
        _("paper size"), max_length=2, choices=PaperSize.choices, default=PaperSize.A4
    )
    letter_unit_code = models.CharField(
        _("unit code of letter numbers"),
        max_length=40,
        blank=True,
        help_text=_(
            'The unit in this institution\'s letter numbers, for example "Bakesbangpol" in '
            "000.1.5/0123/Bakesbangpol/2024."
        ),
    )
    letter_number_format = models.CharField(
        _("format of letter numbers"),
        max_length=80,
        blank=True,
        default=DEFAULT_FORMAT,
        validators=[validate_number_format],
        help_text=_(
            "{kode} is the classification code, {nomor} the register's number ({nomor:04} "
            "writes it with four digits), {unit} the unit code, {tahun} the year; other text "
            'is kept, for example "B/{kode}/{nomor}/{unit}/{tahun}". Empty: '
            "{kode}/{nomor}/{unit}/{tahun}."
        ),
    )
    owner = models.ForeignKey(
        "self",
        verbose_name=_("registered by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="registered_agencies",
        help_text=_("The organizer whose staff registered it and may change it."),
    )
    logo = models.ImageField(
        _("logo"),
        upload_to="logos/",
        storage=logo_storage,
        blank=True,
        validators=[
            FileExtensionValidator(["png", "jpg", "jpeg"]),
            validate_logo_size,
            validate_logo_image,
        ],
        help_text=_(
            "Used on letterheads. PNG or JPEG; kept at most 600 pixels wide or high, as PNG."
        ),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("institution")
        verbose_name_plural = _("institutions")
        ordering = ["name"]
        # The institution list orders 54,500 institutions of a national deployment by kind (in
        # the order of Kind) and name: read from this index, not sorted (name is unique, so
        # it has an index of its own).
        indexes = [
            models.Index(kind_order_expression(), "name", name="agency_kind_order_idx"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["short_name"], condition=~Q(short_name=""), name="agency_short_name_unique"
            ),
        ]

    def __str__(self) -> str:
        return self.short_name or self.name

    @property
    def display_name(self) -> str:
        return self.short_name or self.name

    def save(self, *args, **kwargs) -> None:
        # A new upload (validated by validate_logo_image) is stored scaled down and re-encoded,
        # whatever path saves it (the services, the admin).
        if self.logo and not self.logo._committed:
            from .logos import normalize_logo

            self.logo = normalize_logo(self.logo)
        super().save(*args, **kwargs)

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        if self.pk is not None and any(a.pk == self.pk for a in self.ancestors()):
            raise ValidationError({"parent": _("An institution cannot be placed under itself.")})
        longest = longest_letter_number(self.letter_number_format, self.letter_unit_code)
        if longest > LETTER_NUMBER_MAX:
            raise ValidationError(
                {
                    "letter_number_format": _(
                        "With this format and unit code a letter number can have %(length)s "
                        "characters; at most %(max)s fit. Shorten the format or the unit code."
                    )
                    % {"length": longest, "max": LETTER_NUMBER_MAX}
                }
            )

    def ancestors(self):
        """Its parent, the parent's parent... up to the top (stopping at a cycle that an
        older row may hold)."""
        ancestor, seen = self.parent, set()
        while ancestor is not None and ancestor.pk not in seen:
            yield ancestor
            seen.add(ancestor.pk)
            ancestor = ancestor.parent


class Official(VersionedModel):
    """A person who holds a position in an institution (name with titles, rank, NIP)."""

    name = models.CharField(_("name"), max_length=120)
    title_prefix = models.CharField(
        _("titles before the name"), max_length=40, blank=True, help_text=_('For example "Drs."')
    )
    title_suffix = models.CharField(
        _("titles after the name"), max_length=60, blank=True, help_text=_('For example "M.Si"')
    )
    position = models.CharField(_("position"), max_length=200)
    agency = models.ForeignKey(
        Agency, verbose_name=_("institution"), on_delete=models.PROTECT, related_name="officials"
    )
    rank = models.CharField(
        _("rank (pangkat/golongan)"),
        max_length=80,
        blank=True,
        help_text=_('For example "Pembina Utama Muda (IV/c)".'),
    )
    nip = models.CharField(
        _("NIP"),
        max_length=18,
        blank=True,
        validators=[validate_nip],
        help_text=_("18 digits, for civil servants."),
    )
    nrp = models.CharField(
        _("NRP"),
        max_length=18,
        blank=True,
        validators=[validate_nrp],
        help_text=_("The service number of a TNI or Polri member (instead of a NIP)."),
    )
    in_office_from = models.DateField(_("in office from"), null=True, blank=True)
    in_office_until = models.DateField(
        _("in office until"),
        null=True,
        blank=True,
        help_text=_(
            "Empty while the person holds the position; pickers offer current holders first."
        ),
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("official")
        verbose_name_plural = _("officials")
        ordering = ["agency__name", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["nip"], condition=~Q(nip=""), name="official_nip_unique"
            ),
            models.CheckConstraint(
                condition=Q(in_office_until__isnull=True)
                | Q(in_office_from__isnull=True)
                | Q(in_office_until__gte=F("in_office_from")),
                name="official_tenure_in_order",
                violation_error_message=_("The end of the tenure comes before its start."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.full_name} ({self.position})"

    @property
    def full_name(self) -> str:
        """The name as written in a signature block: "Drs. La Ode Saifuddin, M.Si"."""
        return self.join_name(self.title_prefix, self.name, self.title_suffix)

    @staticmethod
    def join_name(title_prefix: str, name: str, title_suffix: str) -> str:
        """full_name from its parts, for lists read as values rather than as officials."""
        name = f"{title_prefix} {name}".strip()
        return f"{name}, {title_suffix}" if title_suffix else name

    @property
    def in_uniformed_service(self) -> bool:
        """A TNI or Polri member: the rank goes before the name, the number is an NRP."""
        return self.agency.kind in (AgencyKind.TNI, AgencyKind.POLRI) or bool(self.nrp)

    @property
    def signature_name(self) -> str:
        """The name line of a signature block: "Komjen Pol Dr. Budi, S.I.K." for an officer (the
        rank before the name, as the corps writes it), the name alone for a civil servant
        (whose pangkat/golongan goes on the line under it)."""
        if self.in_uniformed_service and self.rank:
            return f"{self.rank} {self.full_name}"
        return self.full_name

    @property
    def signature_lines(self) -> list[str]:
        """The lines under the name: pangkat/golongan of a civil servant, then "NIP. ..." or
        "NRP. ...", each only when known (never a dotted placeholder)."""
        lines = []
        if self.rank and not self.in_uniformed_service:
            lines.append(self.rank)
        if self.nrp:
            lines.append(f"NRP. {self.nrp}")
        elif self.nip:
            lines.append(f"NIP. {self.nip}")
        return lines

    @property
    def is_current(self) -> bool:
        from django.utils import timezone

        return self.in_office_until is None or self.in_office_until >= timezone.localdate()

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        errors = {}
        if self.nip and self.nrp:
            errors["nrp"] = _("A person has a NIP (civil servant) or an NRP (TNI/Polri), not both.")
        if (
            self.in_office_from
            and self.in_office_until
            and self.in_office_until < self.in_office_from
        ):
            errors["in_office_until"] = _("The end of the tenure comes before its start.")
        if errors:
            raise ValidationError(errors)
