from datetime import timedelta

from django import template

register = template.Library()


@register.filter
def minutes(value: timedelta | None) -> int:
    """{{ cooloff_timedelta|minutes }} -> 15."""
    return round(value.total_seconds() / 60) if value else 0


@register.simple_tag
def acting_for(user):
    """The institution the user acts for (accounts.rules.user_agency: read once a request)."""
    from accounts.rules import user_agency

    return user_agency(user) if user.is_authenticated else None
