"""Validators for Indonesian administrative identifiers (NIP, Kemendagri region codes)."""

import datetime
import re
import string

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

REGION_CODE_RE = re.compile(r"^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$")


def validate_nrp(value: str) -> None:
    """Check a TNI or Polri service number (NRP): digits only, 5 to 18 of them (Polri writes
    8, TNI officers up to 14; older numbers are shorter)."""
    if not re.fullmatch(r"\d{5,18}", value or ""):
        raise ValidationError(
            _("NRP is written in digits only, 5 to 18 of them."), code="nrp_format"
        )


def validate_nip(value: str) -> None:
    """Check a civil servant's NIP: 18 digits = birth date, appointment month, sex, serial.

    The structure is checked as well as the length, because a transposed digit in a
    signature block is exactly the error a Sekda would otherwise sign.
    """
    if not re.fullmatch(r"\d{18}", value or ""):
        raise ValidationError(_("NIP must be exactly 18 digits."), code="nip_format")
    try:
        datetime.date(int(value[0:4]), int(value[4:6]), int(value[6:8]))
    except ValueError:
        raise ValidationError(
            _("The first 8 digits of a NIP are a birth date (YYYYMMDD); %(value)s is not a date."),
            code="nip_birth_date",
            params={"value": value[0:8]},
        ) from None
    if not 1 <= int(value[12:14]) <= 12:
        raise ValidationError(
            _("Digits 9 to 14 of a NIP are the appointment year and month (YYYYMM)."),
            code="nip_appointment",
        )
    if value[14] not in "12":
        raise ValidationError(_("Digit 15 of a NIP must be 1 or 2."), code="nip_sex")


def validate_region_code(value: str) -> None:
    """Check the shape of a Kemendagri region code such as 74, 74.09, 74.09.01 or 74.09.01.2001."""
    if value and not REGION_CODE_RE.match(value):
        raise ValidationError(
            _("Use the Kemendagri format: 74, 74.09, 74.09.01 or 74.09.01.2001."),
            code="region_code_format",
        )


def validate_logo_size(file) -> None:
    """Refuse logo uploads larger than settings.LOGO_MAX_BYTES."""
    from django.conf import settings
    from django.template.defaultfilters import filesizeformat

    # Only a new upload is measured: a logo stored earlier was checked when it came in, and
    # asking a stored file its size fails if the file has since gone from the disk.
    if file and not getattr(file, "_committed", True) and file.size > settings.LOGO_MAX_BYTES:
        raise ValidationError(
            _("The logo is %(size)s; the largest allowed is %(limit)s."),
            code="logo_too_large",
            params={
                "size": filesizeformat(file.size),
                "limit": filesizeformat(settings.LOGO_MAX_BYTES),
            },
        )


def validate_logo_image(file) -> None:
    """Refuse a new logo upload that is not a whole, readable PNG or JPEG, or whose pixel
    count would need hundreds of megabytes to decode (checked on the header first)."""
    from PIL import Image, ImageFile, UnidentifiedImageError

    from .logos import LOGO_MAX_PIXELS

    if not file or getattr(file, "_committed", True):
        return
    not_image = ValidationError(_("This file is not a PNG or JPEG image."), code="logo_not_image")
    # WeasyPrint, once imported, lets Pillow decode truncated or corrupt images for the whole
    # process (they would be stored as a black or half-grey logo): not for an upload.
    tolerant = ImageFile.LOAD_TRUNCATED_IMAGES
    try:
        file.seek(0)
        with Image.open(file) as image:
            width, height = image.size
            if image.format not in {"PNG", "JPEG"}:
                raise not_image
            if width * height > LOGO_MAX_PIXELS:
                raise ValidationError(
                    _(
                        "The logo is %(width)s × %(height)s pixels; a letterhead needs at most "
                        "a few hundred. Make it smaller (at most 25 megapixels, e.g. 5000 × "
                        "5000) and upload it again."
                    ),
                    code="logo_too_many_pixels",
                    params={"width": width, "height": height},
                )
            ImageFile.LOAD_TRUNCATED_IMAGES = False
            image.load()  # every byte decoded: a broken file is refused here
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        raise not_image from None
    finally:
        ImageFile.LOAD_TRUNCATED_IMAGES = tolerant
        file.seek(0)


# --- Letter numbers ---------------------------------------------------------------------

PLACEHOLDERS = ("kode", "nomor", "unit", "tahun")
DEFAULT_FORMAT = "{kode}/{nomor}/{unit}/{tahun}"
# Only a zero-padded width for the sequence ("{nomor:04}"), nothing a format string could use
# to reach an object's attributes.
NUMBER_SPEC = re.compile(r"^0?[1-9]$")


def validate_number_format(value: str) -> None:
    """A format names only {kode}, {nomor}, {unit} and {tahun}, and names {nomor}."""
    try:
        parts = list(string.Formatter().parse(value))
    except ValueError:
        raise ValidationError(
            _("Braces must come in pairs around a placeholder, for example {nomor}."),
            code="braces",
        ) from None
    names = set()
    for _literal, name, spec, conversion in parts:
        if name is None:
            continue
        if (
            name not in PLACEHOLDERS
            or conversion
            or (spec and not (name == "nomor" and NUMBER_SPEC.match(spec)))
        ):
            raise ValidationError(
                _(
                    "Unknown placeholder “{%(name)s}”: use {kode}, {nomor} (or {nomor:04} for "
                    "four digits), {unit} and {tahun}."
                ),
                code="placeholder",
                params={
                    "name": f"{name}{'!' + conversion if conversion else ''}"
                    f"{':' + spec if spec else ''}"
                },
            )
        names.add(name)
    if "nomor" not in names:
        raise ValidationError(
            _("The format must contain {nomor}, where the register's number goes."),
            code="no_number",
        )


# The letter number is stored in 80 characters (meetings.Meeting.reference_number).
LETTER_NUMBER_MAX = 80


def longest_letter_number(fmt: str, unit: str) -> int:
    """How long a number of this format can get (a long classification code, a five-digit
    sequence); 0 for a format that validate_number_format refuses anyway."""
    try:
        validate_number_format(fmt or DEFAULT_FORMAT)
    except ValidationError:
        return 0
    text = (fmt or DEFAULT_FORMAT).format(kode="000.0.00.000", nomor=99999, unit=unit, tahun=2099)
    return len(text)
