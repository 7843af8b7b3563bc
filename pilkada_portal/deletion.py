"""Explaining a refused delete (on_delete=PROTECT) to the person who asked for it."""

from django.db.models import ProtectedError
from django.utils.translation import gettext as _


def protected_error_message(error: ProtectedError, *, limit: int = 5) -> str:
    """Name (up to `limit` of) the rows that still refer to the object."""
    names = sorted({str(obj) for obj in error.protected_objects})
    shown = ", ".join(names[:limit]) + (" …" if len(names) > limit else "")
    return _("It cannot be deleted because it is still used by: %(objects)s.") % {"objects": shown}
