"""Reads for letter numbers."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils import timezone

from agencies.models import Agency

from .models import Classification, IssuedNumber, NumberRegister, lacks_unit, organizer_number

RECENT = 10


def number_preview(*, organizer: Agency, classification: Classification, year: int) -> str:
    """The number the register would give next (nothing reserved: another letter may take it)."""
    register = NumberRegister.objects.filter(organizer=organizer, year=year).first()
    sequence = (register.last_number if register else 0) + 1
    return organizer_number(organizer, classification, sequence=sequence, year=year)


@dataclass(frozen=True)
class Numbering:
    """What the numbering page shows: the number given, or the next one and why not yet."""

    number: str
    external: bool
    preview: str
    blocker: str
    year: int
    recent: list[IssuedNumber]


def numbering_get(*, meeting) -> Numbering:
    organizer = meeting.organizer
    year = (meeting.letter_date or timezone.localdate()).year
    preview = blocker = ""
    if not meeting.reference_number:
        if meeting.letter_classification is None:
            blocker = "classification"
        elif lacks_unit(organizer):
            blocker = "unit"
        else:
            try:
                preview = number_preview(
                    organizer=organizer, classification=meeting.letter_classification, year=year
                )
            except ValidationError:
                blocker = "format"
    recent = list(
        IssuedNumber.objects.filter(organizer=organizer, year=year).order_by("-issued_at", "-pk")[
            :RECENT
        ]
    )
    return Numbering(
        number=meeting.reference_number,
        external=bool(meeting.letter_number and meeting.letter_number.external),
        preview=preview,
        blocker=blocker,
        year=year,
        recent=recent,
    )
