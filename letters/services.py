"""Writes for letter numbers: the classification table, and numbers given by a register or
recorded from SRIKANDI. Each public function is one transaction."""

import csv
import io
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from agencies.models import Agency
from pilkada_portal.writes import save_validated

from .models import Classification, IssuedNumber, NumberRegister, lacks_unit, organizer_number

SHIPPED_TABLE = Path(__file__).resolve().parent / "data" / "klasifikasi.csv"


def classification_rows(text: str) -> list[tuple[str, str]]:
    """(code, title) rows of a `code;title` file; a first row without digits in its first
    column is a header and skipped."""
    rows = []
    for index, row in enumerate(csv.reader(io.StringIO(text), delimiter=";")):
        if len(row) < 2 or not row[0].strip():
            continue
        if index == 0 and not any(character.isdigit() for character in row[0]):
            continue
        rows.append((row[0].strip(), " ".join(row[1].split())))
    return rows


@transaction.atomic
def classifications_load(*, rows: Iterable[tuple[str, str]]) -> tuple[int, int]:
    """Add the codes that are missing and give existing ones the row's title; nothing is
    deleted (letters refer to codes). Returns (added, updated)."""
    added = updated = 0
    existing = {c.code: c for c in Classification.objects.all()}
    for code, title in rows:
        current = existing.get(code)
        if current is None:
            classification = Classification(code=code, title=title)
            classification.full_clean()
            classification.save()
            existing[code] = classification
            added += 1
        elif current.title != title:
            current.title = title
            current.full_clean()
            current.save(update_fields=["title"])
            updated += 1
    return added, updated


def _check_format(organizer: Agency) -> None:
    if lacks_unit(organizer):
        raise ValidationError(
            _(
                "The institution %(name)s has no unit code for its letter numbers yet: fill in "
                "“unit code” in its data first."
            )
            % {"name": organizer.name},
            code="no_unit",
        )


def classifications_load_shipped() -> tuple[int, int]:
    """Make sure the codes shipped with the portal are there (the migration loads them; a
    database emptied since, as by `flush`, gets them back)."""
    return classifications_load(rows=classification_rows(SHIPPED_TABLE.read_text(encoding="utf-8")))


def clean_number(text: str) -> str:
    """A typed number without invisible characters (zero-width spaces, direction marks) and
    with single spaces."""
    visible = "".join(c for c in text if unicodedata.category(c) not in ("Cf", "Cc"))
    return " ".join(visible.split())


@transaction.atomic
def number_issue(
    *,
    organizer: Agency,
    classification: Classification,
    year: int,
    subject: str = "",
    user: AbstractBaseUser | None = None,
) -> IssuedNumber:
    """Give the next number of the organizer's register for the year.

    The register's row is locked until the transaction ends: two letters issued at the same
    moment get consecutive numbers, never the same one, and a rolled-back issue leaves no gap.
    """
    _check_format(organizer)
    NumberRegister.objects.get_or_create(organizer=organizer, year=year)
    register = NumberRegister.objects.select_for_update().get(organizer=organizer, year=year)
    sequence = register.last_number + 1
    number = organizer_number(organizer, classification, sequence=sequence, year=year)
    # A number recorded from SRIKANDI may already be the register's next one: it is taken,
    # so the register moves past it (no number twice, and none left unused between).
    while IssuedNumber.objects.filter(organizer=organizer, number=number).exists():
        sequence += 1
        number = organizer_number(organizer, classification, sequence=sequence, year=year)
    register.last_number = sequence
    register.save(update_fields=["last_number"])
    issued = IssuedNumber(
        organizer=organizer,
        year=year,
        sequence=sequence,
        classification=classification,
        number=number,
        subject=subject[:250],
        issued_by=user,
    )
    save_validated(issued)
    return issued


@transaction.atomic
def number_record(
    *,
    organizer: Agency,
    number: str,
    year: int,
    classification: Classification | None = None,
    subject: str = "",
    user: AbstractBaseUser | None = None,
) -> IssuedNumber:
    """Record a number given elsewhere (by SRIKANDI, once the letter was numbered there)."""
    issued = IssuedNumber(
        organizer=organizer,
        year=year,
        classification=classification,
        number=clean_number(number),
        subject=subject[:250],
        external=True,
        issued_by=user,
    )
    save_validated(issued)
    return issued
