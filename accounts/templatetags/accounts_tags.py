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


# The sections whose link the navbar marks as the current page, most specific first.
_SECTIONS = (
    "/meetings/elections/",
    "/agencies/regions/",
    "/meetings/",
    "/tindak-lanjut/",
    "/agencies/",
)


@register.simple_tag(takes_context=True)
def navbar_section(context) -> str:
    """The navbar's section of this page ("" for none): its link is marked as the current
    page, and the cached navbar is keyed by it (navbar_key)."""
    request = context.get("request")
    path = request.path if request is not None else ""
    return next((prefix for prefix in _SECTIONS if path.startswith(prefix)), "")


@register.simple_tag(takes_context=True)
def navbar_key(context, section: str) -> str:
    """Everything the navbar shows that is not the same for everyone: the user's name, their
    institution and roles (a digest of their permissions), and the section whose link is
    marked. includes/_navbar.html is cached under it."""
    from accounts.rules import permissions_digest, user_agency

    # As the template sees it (the auth context processor): a page refused before the
    # authentication middleware ran (a body too large) has no request.user.
    user = context.get("user")
    if user is None or not user.is_authenticated:
        return f"anonymous|{section}"
    agency = user_agency(user)
    return "|".join(
        [
            str(user.pk),
            user.get_full_name() or user.get_username(),
            permissions_digest(user),
            f"{agency.pk}:{agency.display_name}" if agency is not None else "",
            section,
        ]
    )
