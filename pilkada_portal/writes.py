"""The steps every service write shares: set only allowed fields, check the version, validate,
save."""

from collections.abc import Callable, Collection, Mapping
from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.utils.translation import gettext_lazy as _

from .models import FormSubmission, VersionedModel

M = TypeVar("M", bound=models.Model)


class StaleVersionError(ValidationError):
    """Someone saved the record after this edit began; `current` is the record as it is now."""

    def __init__(self, current: models.Model):
        super().__init__(
            _(
                "Someone else saved this record while you were editing it. Their values are "
                "shown below; your input is kept. Check it, then save again to replace theirs."
            ),
            code="stale",
        )
        self.current = current


def assign_fields(obj: models.Model, fields: Mapping[str, Any], allowed: Collection[str]) -> None:
    """Set the given fields; a field outside `allowed` is a programming error (TypeError)."""
    unknown = set(fields) - set(allowed)
    if unknown:
        raise TypeError(f"Unexpected fields for {type(obj).__name__}: {sorted(unknown)}")
    for name, value in fields.items():
        setattr(obj, name, value)


def save_validated(
    obj: M, *, expected_version: int | None = None, loaded: Collection[str] = ()
) -> M:
    """full_clean() (fields, clean(), constraints), then save; raises ValidationError.

    For a model with a `version`, an existing row is locked and its version compared with
    `expected_version` (the one the editor started from): a newer one raises
    StaleVersionError and nothing is written, so no one's save silently overwrites another's.
    Call it inside the service's transaction.

    The model's constraints are the database's: they are checked by the INSERT/UPDATE itself
    (one round trip, instead of a query and two savepoints per constraint beforehand), and a
    refused write is turned into the constraint's own message. `loaded` names foreign keys
    whose rows this transaction has just read (or locked): their existence is not queried
    again.
    """
    if isinstance(obj, VersionedModel) and obj.pk is not None:
        current = type(obj)._default_manager.select_for_update().get(pk=obj.pk)
        if expected_version is not None and current.version != expected_version:
            raise StaleVersionError(current)
        obj.version = current.version + 1
    obj.full_clean(exclude=loaded or None, validate_constraints=False)
    try:
        with transaction.atomic():
            obj.save()
    except IntegrityError:
        # A concurrent write took the unique value between full_clean() and save(): the
        # constraint check now sees it and raises the same message a sequential save gets.
        obj.validate_constraints()
        raise
    return obj


def submit_once(
    token, perform: Callable[[], M], url_of: Callable[[M], str]
) -> tuple[M | None, str]:
    """Run a create form's write once per one-time token: (created object, its URL).

    A token already used returns (None, URL of the first result) without writing. Without a
    token (None) the write simply runs. Call it inside the view's or service's transaction.
    """
    if token is None:
        obj = perform()
        return obj, url_of(obj)
    with transaction.atomic():
        try:
            with transaction.atomic():
                record = FormSubmission.objects.create(token=token)
        except IntegrityError:
            return None, FormSubmission.objects.get(token=token).url
        obj = perform()
        record.url = url_of(obj)
        record.save(update_fields=["url"])
        return obj, record.url
