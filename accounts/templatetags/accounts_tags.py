from datetime import timedelta

from django import template

register = template.Library()


@register.filter
def minutes(value: timedelta | None) -> int:
    """{{ cooloff_timedelta|minutes }} -> 15."""
    return round(value.total_seconds() / 60) if value else 0
