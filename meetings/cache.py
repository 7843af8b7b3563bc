"""Keeps Meeting.updated_at current whenever anything shown on the meeting page changes.

The meeting page caches its rendered parts under a key that contains the meeting's
updated_at, so a change to the meeting or to any row it shows must touch that timestamp.
Signals are used here (and only here) because the rule is about caching, not business: it
must hold for every write path, the admin included, not just for the services. A
QuerySet.update() sends no signal: code that changes a record's rows in bulk calls
meetings_touch() itself (the demo loader does), and the admin touches the meeting a row was
moved away from (meetings.admin.FinalRecordAdmin).
"""

from django.db.models import Q
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone

_change_listeners: list = []


def on_change(listener) -> None:
    """Call listener(filter_q) whenever the meetings matching filter_q change (their row or a
    row of their record). Apps above meetings (documents) register from AppConfig.ready()."""
    if listener not in _change_listeners:
        _change_listeners.append(listener)


def _changed(filter_q: Q) -> None:
    for listener in _change_listeners:
        listener(filter_q)


def meetings_touch(filter_q: Q) -> None:
    """Mark the matching meetings as changed (one UPDATE, no signals)."""
    from .models import Meeting

    # Across relations, Django's update() selects the matching ids in a subquery itself; for
    # one meeting (every write to a record) it is a plain UPDATE of that row.
    Meeting.objects.filter(filter_q).update(updated_at=timezone.now())
    _changed(filter_q)


def _meeting_saved(sender, instance, raw=False, **kwargs) -> None:
    if not raw:
        _changed(Q(pk=instance.pk))


def _meeting_id(instance) -> int | None:
    """The meeting of a row of the record: its own meeting, or its briefing's or its
    follow-up's."""
    meeting_id = getattr(instance, "meeting_id", None)
    if meeting_id is None and getattr(instance, "briefing_id", None) is not None:
        meeting_id = instance.briefing.meeting_id
    if meeting_id is None and getattr(instance, "follow_up_id", None) is not None:
        meeting_id = instance.follow_up.meeting_id  # a step of progress between meetings
    return meeting_id


def _touch_meeting_of(sender, instance, raw=False, **kwargs) -> None:
    if raw:
        return  # loading a fixture (a restore) is not a change
    meeting_id = _meeting_id(instance)
    if meeting_id is not None:
        meetings_touch(Q(pk=meeting_id))


def _touch_meetings_of_agency(sender, instance, raw=False, created=False, **kwargs) -> None:
    if raw or created:
        return  # a fixture (a restore) is not a change; a new row is in no meeting yet
    meetings_touch(
        Q(organizer=instance)
        | Q(participations__agency=instance)
        | Q(briefings__agency=instance)
        | Q(agenda_items__presenter_agency=instance)
        | Q(follow_ups__responsible_agency=instance)
    )


def _touch_meetings_of_official(sender, instance, raw=False, created=False, **kwargs) -> None:
    if raw or created:
        return  # a fixture (a restore) is not a change; a new row is in no meeting yet
    meetings_touch(
        Q(chair=instance)
        | Q(minute_taker=instance)
        | Q(participations__invitee=instance)
        | Q(agenda_items__presenter=instance)
        | Q(agenda_items__speakers=instance)
        | Q(briefings__presenter=instance)
    )


def _touch_meetings_of_election(sender, instance, raw=False, created=False, **kwargs) -> None:
    if raw or created:
        return  # a fixture (a restore) is not a change; a new row is in no meeting yet
    meetings_touch(Q(election=instance))


def _touch_meetings_of_region(sender, instance, raw=False, created=False, **kwargs) -> None:
    if raw or created:
        return  # a fixture (a restore) is not a change; a new row is in no meeting yet
    meetings_touch(Q(election__region=instance) | Q(organizer__region=instance))


def _touch_on_speakers(sender, instance, action, **kwargs) -> None:
    if action in {"post_add", "post_remove", "post_clear"}:
        _touch_meeting_of(sender, instance)


def watch(*models) -> None:
    """Touch the meeting whenever a row of these models (part of its record) changes.

    Apps above meetings (briefings) call this for their own models from AppConfig.ready().
    """
    for model in models:
        uid = f"meeting-cache-{_touch_meeting_of.__name__}-{model.__name__}"
        post_save.connect(_touch_meeting_of, sender=model, dispatch_uid=uid + "-save")
        post_delete.connect(_touch_meeting_of, sender=model, dispatch_uid=uid + "-delete")


def connect() -> None:
    from agencies.models import Agency, Official, Region

    from .models import AgendaItem, Election, FollowUp, FollowUpProgress, Meeting, Participation

    # A step of a follow-up's progress touches the meeting it was recorded at, or else the
    # follow-up's own (the earlier follow-ups of a later meeting are cached under both).
    watch(AgendaItem, Participation, FollowUp, FollowUpProgress)
    post_save.connect(_meeting_saved, sender=Meeting, dispatch_uid="meeting-cache-meeting-save")
    receivers = {
        _touch_meetings_of_agency: (Agency,),
        _touch_meetings_of_official: (Official,),
        _touch_meetings_of_election: (Election,),
        _touch_meetings_of_region: (Region,),
    }
    for receiver, models in receivers.items():
        for model in models:
            uid = f"meeting-cache-{receiver.__name__}-{model.__name__}"
            post_save.connect(receiver, sender=model, dispatch_uid=uid + "-save")
            post_delete.connect(receiver, sender=model, dispatch_uid=uid + "-delete")
    m2m_changed.connect(
        _touch_on_speakers,
        sender=AgendaItem.speakers.through,
        dispatch_uid="meeting-cache-speakers",
    )
