from django import template
from django.urls import reverse
from django.utils import formats
from django.utils.html import format_html

from meetings import formatting

register = template.Library()


@register.simple_tag(takes_context=True)
def agency_link(context, agency, text=None):
    """The institution's name, linked to its page for readers allowed to open it."""
    label = text if text is not None else agency.display_name
    perms = context.get("perms")
    if perms is not None and "agencies.view_agency" in perms:
        return format_html(
            '<a href="{}">{}</a>', reverse("agencies:detail", args=[agency.pk]), label
        )
    return label


@register.filter
def long_date(value):
    """{{ meeting.date|long_date }} -> "Selasa, 12 November 2024"."""
    return formatting.long_date(value)


@register.filter
def meeting_time(meeting):
    """{{ meeting|meeting_time }} -> "09.00 WITA s.d. selesai"; a meeting that took place
    without a recorded time says so instead of "to be announced"."""
    from django.utils import timezone
    from django.utils.translation import gettext

    if meeting.start_time is None and meeting.date < timezone.localdate():
        return gettext("time not recorded")
    return formatting.time_range(meeting.start_time, meeting.end_time, meeting.zone_abbreviation)


@register.filter
def clock(value):
    """{{ item.planned_start|clock }} -> "09.00"."""
    return formatting.clock(value) if value else ""


@register.filter
def quantity(value):
    """A decimal without trailing zeros, localized: Decimal("97.50") -> "97,5" in Indonesian."""
    if value is None:
        return ""
    normalized = value.normalize()
    # normalize() writes 300 as 3E+2; quantizing to an integer keeps it "300".
    if normalized == normalized.to_integral_value():
        normalized = normalized.quantize(1)
    return formats.number_format(normalized, use_l10n=True)


# Bootstrap colour classes for statuses; each pairs background and text for contrast.
_BADGES = {
    "present": "text-bg-success",
    "represented": "text-bg-primary",
    "excused": "text-bg-warning",
    "absent": "text-bg-danger",
    "invited": "text-bg-secondary",
    "ready": "text-bg-success",
    "ready_with_notes": "text-bg-warning",
    "not_ready": "text-bg-danger",
    "achieved": "text-bg-success",
    "on_track": "text-bg-primary",
    "at_risk": "text-bg-warning",
    "blocked": "text-bg-danger",
    "unassessed": "text-bg-light border",
    "low": "text-bg-secondary",
    "medium": "text-bg-warning",
    "high": "text-bg-danger",
    "held": "text-bg-success",
    "scheduled": "text-bg-primary",
    "draft": "text-bg-secondary",
    "cancelled": "text-bg-dark",
    "submitted": "text-bg-success",
    "open": "text-bg-secondary",
    "in_progress": "text-bg-primary",
    "done": "text-bg-success",
}


@register.filter
def badge_class(status: str) -> str:
    return _BADGES.get(status, "text-bg-light")
