"""The two steps every service write shares: set only allowed fields, validate, then save."""

from collections.abc import Mapping
from typing import Any, TypeVar

from django.db import models

M = TypeVar("M", bound=models.Model)


def assign_fields(obj: models.Model, fields: Mapping[str, Any], allowed: frozenset[str]) -> None:
    """Set the given fields; a field outside `allowed` is a programming error (TypeError)."""
    unknown = set(fields) - allowed
    if unknown:
        raise TypeError(f"Unexpected fields for {type(obj).__name__}: {sorted(unknown)}")
    for name, value in fields.items():
        setattr(obj, name, value)


def save_validated(obj: M) -> M:
    """full_clean() (fields, clean(), constraints), then save; raises ValidationError."""
    obj.full_clean()
    obj.save()
    return obj
