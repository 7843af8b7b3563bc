"""How dates and times are written: Indonesian style ("Selasa, 12 November 2024", "09.00 WITA")."""

import datetime

from django.utils import formats, translation
from django.utils.translation import gettext as _


def long_date(value: datetime.date | None) -> str:
    """Day name and full date in the active language: "Selasa, 12 November 2024"."""
    if value is None:
        return ""
    return formats.date_format(value, "l, j F Y")


def clock(value: datetime.time) -> str:
    """A time of day: "09.00" in Indonesian (as in naskah dinas), "09:00" in English."""
    separator = "." if (translation.get_language() or "id").startswith("id") else ":"
    return value.strftime(f"%H{separator}%M")


def time_range(start: datetime.time | None, end: datetime.time | None, zone: str) -> str:
    """A meeting's time with its zone: "09.00 WITA s.d. selesai" or "09.00 s.d. 12.30 WITA"."""
    if start is None:
        return _("time to be announced")
    if end is None:
        return _("%(start)s %(zone)s until finished") % {"start": clock(start), "zone": zone}
    return _("%(start)s to %(end)s %(zone)s") % {
        "start": clock(start),
        "end": clock(end),
        "zone": zone,
    }
