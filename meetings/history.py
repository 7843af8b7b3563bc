"""Reads of the audit history of a meeting (django-simple-history), as readable changes."""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Model
from django.utils.translation import gettext

from . import formatting
from .models import AgendaItem, FollowUp, Meeting, Participation

ACTIONS = {"+": "created", "~": "changed", "-": "deleted"}
HIDDEN_FIELDS = {"updated_at", "created_at"}


@dataclass
class Change:
    field: str
    old: str
    new: str


@dataclass
class HistoryEntry:
    when: datetime.datetime
    user: str
    action: str  # created / changed / deleted
    model: str
    label: str
    changes: list[Change] = field(default_factory=list)


HistorySource = Callable[[Meeting], list[tuple[type[Model], dict]]]
# Apps above meetings add the parts of the record they own (briefings: in AppConfig.ready()).
_extra_sources: list[HistorySource] = []


def history_source_register(source: HistorySource) -> None:
    """Add (model, filter on its history) pairs that belong to a meeting's record."""
    if source not in _extra_sources:
        _extra_sources.append(source)


def _records(meeting: Meeting, *, before: datetime.datetime | None, limit: int) -> list:
    sources = [
        (Meeting, {"id": meeting.pk}),
        (AgendaItem, {"meeting_id": meeting.pk}),
        (Participation, {"meeting_id": meeting.pk}),
        (FollowUp, {"meeting_id": meeting.pk}),
    ]
    for source in _extra_sources:
        sources += source(meeting)
    records = []
    for model, condition in sources:
        history = model.history.filter(**condition).select_related("history_user")
        if before is not None:
            history = history.filter(history_date__lt=before)
        records += list(history.order_by("-history_date")[:limit])
    records.sort(key=lambda record: record.history_date, reverse=True)
    return records[:limit]


def _label_lookup(pairs: set[tuple[type[Model], object]]) -> dict:
    """str() of the related rows named by foreign keys, one query per related model."""
    wanted: dict[type[Model], set] = {}
    for model, pk in pairs:
        wanted.setdefault(model, set()).add(pk)
    labels = {}
    for model, pks in wanted.items():
        for pk, obj in model._default_manager.in_bulk(list(pks)).items():
            labels[(model, pk)] = str(obj)
    return labels


def _display(model: type[Model], name: str, value, labels: dict) -> str:
    if value in (None, "", []):
        return "–"
    model_field = model._meta.get_field(name)
    if model_field.many_to_many:
        related = model_field.related_model
        key = related._meta.model_name
        return "; ".join(labels.get((related, row.get(key)), f"#{row.get(key)}") for row in value)
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if model_field.is_relation:
        return labels.get((model_field.related_model, value), f"#{value}")
    if isinstance(value, bool):
        return gettext("yes") if value else gettext("no")
    if isinstance(value, datetime.time):
        return formatting.clock(value)
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return formatting.long_date(value)
    return str(value)


def meeting_history(
    *, meeting: Meeting, before: datetime.datetime | None = None, limit: int = 50
) -> list[HistoryEntry]:
    """The newest `limit` changes to a meeting and everything it contains, newest first."""
    records = _records(meeting, before=before, limit=limit)
    diffs = []
    for record in records:
        previous = record.prev_record if record.history_type == "~" else None
        delta = record.diff_against(previous) if previous is not None else None
        diffs.append((record, delta))
    # Collect every foreign key value shown, to name them all with a few queries.
    pairs = set()
    for record, delta in diffs:
        model = record.instance_type
        for change in delta.changes if delta else []:
            model_field = model._meta.get_field(change.field)
            if model_field.many_to_many:
                key = model_field.related_model._meta.model_name
                for row in (change.old or []) + (change.new or []):
                    pairs.add((model_field.related_model, row.get(key)))
            elif model_field.is_relation:
                for value in (change.old, change.new):
                    if value is not None:
                        pairs.add((model_field.related_model, value))
    labels = _label_lookup(pairs)
    entries = []
    for record, delta in diffs:
        model = record.instance_type
        changes = [
            Change(
                field=str(model._meta.get_field(change.field).verbose_name),
                old=_display(model, change.field, change.old, labels),
                new=_display(model, change.field, change.new, labels),
            )
            for change in (delta.changes if delta else [])
            if change.field not in HIDDEN_FIELDS
        ]
        if record.history_type == "~" and not changes:
            continue  # a save that changed nothing shown (a timestamp only)
        entries.append(
            HistoryEntry(
                when=record.history_date,
                user=record.history_user.get_username() if record.history_user else "",
                action=ACTIONS[record.history_type],
                model=str(model._meta.verbose_name),
                label=str(record.instance),
                changes=changes,
            )
        )
    return entries
