"""Writes for briefings: each public function is one transaction and validates with full_clean().

`briefing_update` takes the indicator and risk rows as plain data, one dict per row:
`{"id": <pk or None>, "delete": <bool>, **fields}`. A row without an id is added, a row with
an id is changed (or deleted when "delete" is true), and rows that are not listed stay as
they are. When anything is invalid nothing is written and one ValidationError lists every
problem; a row's errors are keyed "<rows>.<index>.<field>" (e.g. "indicators.2.status",
with "__all__" for a whole-row error), the index being the row's place in the list given.
"""

from collections.abc import Collection, Mapping, Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _

from agencies.models import Agency
from meetings.guards import ensure_editable
from meetings.models import Meeting
from pilkada_portal.writes import assign_fields, save_validated

from . import attachments
from .models import Briefing, BriefingAttachment, ReadinessIndicator, Risk

# The fields each write accepts, in the order their forms show them (the forms use these).
BRIEFING_FIELDS = ("agenda_item", "presenter", "topic", "summary", "readiness", "status")
INDICATOR_FIELDS = ("aspect", "label", "status", "value", "target", "unit", "note")
RISK_FIELDS = ("category", "level", "location", "description", "mitigation")

Row = Mapping[str, Any]


def _check(obj: models.Model, errors: dict, prefix: str = "", **options) -> None:
    """full_clean() the object, collecting its errors (field names prefixed) into errors."""
    try:
        obj.full_clean(**options)
    except ValidationError as error:
        for field, messages in error.update_error_dict({}).items():
            errors.setdefault(f"{prefix}{field}", []).extend(messages)


def _apply_rows(
    *,
    briefing: Briefing,
    model: type[models.Model],
    key: str,
    rows: Sequence[Row],
    allowed: Collection[str],
    errors: dict,
) -> tuple[list[models.Model], list[models.Model]]:
    """Validate the rows of one kind; return the objects to save and those to delete."""
    existing = {obj.pk: obj for obj in model.objects.filter(briefing=briefing)}
    to_save, to_delete = [], []
    for index, row in enumerate(rows):
        prefix = f"{key}.{index}."
        fields = {name: value for name, value in row.items() if name not in {"id", "delete"}}
        row_id = row.get("id")
        if row_id is not None and row_id not in existing:
            errors.setdefault(f"{prefix}id", []).append(
                ValidationError(_("This row does not belong to the briefing."), code="unknown")
            )
            continue
        obj = existing[row_id] if row_id is not None else model(briefing=briefing)
        if row.get("delete"):
            if row_id is not None:
                to_delete.append(obj)
            continue
        assign_fields(obj, fields, allowed)
        # The briefing is the one being saved here; validating the foreign key again
        # would cost a query per row.
        _check(obj, errors, prefix, exclude=["briefing"])
        to_save.append(obj)
    return to_save, to_delete


@transaction.atomic
def briefing_create(*, meeting: Meeting, agency: Agency, topic: str, **fields: Any) -> Briefing:
    """Create an institution's briefing in a meeting the institution is invited to."""
    ensure_editable(meeting)
    briefing = Briefing(meeting=meeting, agency=agency, topic=topic)
    assign_fields(briefing, fields, BRIEFING_FIELDS)
    errors: dict = {}
    if not meeting.participations.filter(agency=agency).exists():
        errors["agency"] = [_("The institution is not invited to this meeting.")]
    _check(briefing, errors)
    if errors:
        raise ValidationError(errors)
    briefing.save()
    return briefing


@transaction.atomic
def briefing_update(
    *,
    briefing: Briefing,
    indicators: Sequence[Row] = (),
    risks: Sequence[Row] = (),
    expected_version: int | None = None,
    **fields: Any,
) -> Briefing:
    """Change a briefing and add, change or delete its indicator and risk rows, all or none.

    expected_version is the briefing's version the editor started from: a newer one raises
    StaleVersionError and nothing is written."""
    ensure_editable(briefing.meeting)
    assign_fields(briefing, fields, BRIEFING_FIELDS)
    errors: dict = {}
    _check(briefing, errors)
    indicators_to_save, indicators_to_delete = _apply_rows(
        briefing=briefing,
        model=ReadinessIndicator,
        key="indicators",
        rows=indicators,
        allowed=INDICATOR_FIELDS,
        errors=errors,
    )
    risks_to_save, risks_to_delete = _apply_rows(
        briefing=briefing, model=Risk, key="risks", rows=risks, allowed=RISK_FIELDS, errors=errors
    )
    if errors:
        raise ValidationError(errors)
    save_validated(briefing, expected_version=expected_version)
    ReadinessIndicator.objects.filter(pk__in=[obj.pk for obj in indicators_to_delete]).delete()
    Risk.objects.filter(pk__in=[obj.pk for obj in risks_to_delete]).delete()
    for obj in [*indicators_to_save, *risks_to_save]:
        obj.save()
    return briefing


@transaction.atomic
def briefing_delete(*, briefing: Briefing) -> None:
    """Delete a briefing with its indicators and risks."""
    ensure_editable(briefing.meeting)
    briefing.delete()


@transaction.atomic
def attachment_add(*, briefing: Briefing, upload, user=None) -> BriefingAttachment:
    """Attach the institution's paparan to its briefing: the type is read from the file's
    bytes, the stored name is a random one; the uploader's name is only shown."""
    ensure_editable(briefing.meeting)
    if upload.size > attachments.MAX_BYTES:
        raise ValidationError(
            {"file": _("The file is larger than 20 MB. Make it smaller (for example as PDF).")}
        )
    kind = attachments.detect(upload)
    if kind is None:
        raise ValidationError({"file": attachments.REFUSED})
    name = " ".join(str(upload.name or "").replace("\x00", "").split())[-200:] or f"paparan.{kind}"
    attachment = BriefingAttachment(
        briefing=briefing, name=name, kind=kind, size=upload.size, uploaded_by=user
    )
    attachment.file.save(f"paparan.{kind}", upload, save=False)
    # A refused save leaves no file behind.
    try:
        return save_validated(attachment)
    except ValidationError:
        attachment.file.delete(save=False)
        raise


@transaction.atomic
def attachment_delete(*, attachment: BriefingAttachment) -> None:
    """Remove an attachment and, once that is committed, its file."""
    ensure_editable(attachment.briefing.meeting)
    stored = attachment.file.name
    storage = attachment.file.storage
    attachment.delete()
    transaction.on_commit(lambda: storage.delete(stored))
