"""Reads for meetings: every query the meeting pages run is built here."""

import datetime
from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from agencies.models import Agency
from briefings.models import Briefing

from .models import AgendaItem, Meeting, Participation


def meeting_list(*, query: str = "") -> QuerySet[Meeting]:
    """Meetings with their organizer and attendance counts, filtered by free text."""
    meetings = Meeting.objects.select_related("organizer").annotate(
        invited_count=Count("participations", distinct=True),
        attended_count=Count(
            "participations",
            filter=Q(participations__status__in=["present", "represented"]),
            distinct=True,
        ),
    )
    for word in query.split():
        meetings = meetings.filter(
            Q(title__icontains=word)
            | Q(venue__icontains=word)
            | Q(reference_number__icontains=word)
            | Q(organizer__name__icontains=word)
            | Q(organizer__short_name__icontains=word)
        )
    return meetings


def meeting_list_upcoming(
    meetings: QuerySet[Meeting], *, today: datetime.date | None = None
) -> QuerySet[Meeting]:
    """Meetings from today on, soonest first."""
    today = today or timezone.localdate()
    return meetings.filter(date__gte=today).order_by("date", "start_time", "title")


def meeting_list_past(
    meetings: QuerySet[Meeting], *, today: datetime.date | None = None
) -> QuerySet[Meeting]:
    """Meetings before today, most recent first."""
    today = today or timezone.localdate()
    return meetings.filter(date__lt=today).order_by("-date", "-start_time", "title")


@dataclass
class ParticipantGroup:
    """The participants of one kind of institution (e.g. all Forkopimda), in display order."""

    kind: str
    label: str
    participations: list[Participation] = field(default_factory=list)


@dataclass
class MeetingDetail:
    meeting: Meeting
    agenda_items: list[AgendaItem]
    participant_groups: list[ParticipantGroup]
    status_counts: list[tuple[str, str, int]]
    briefings: list[Briefing]
    follow_ups: list


def _group_participations(participations: list[Participation]) -> list[ParticipantGroup]:
    groups = {kind: ParticipantGroup(kind, label) for kind, label in Agency.Kind.choices}
    for participation in participations:
        groups[participation.agency.kind].participations.append(participation)
    return [group for group in groups.values() if group.participations]


def meeting_get(*, pk: int) -> Meeting:
    """One meeting with what its header shows (organizer, election, chair, minute taker)."""
    return get_object_or_404(
        Meeting.objects.select_related(
            "organizer", "election__region", "chair__agency", "minute_taker__agency"
        ),
        pk=pk,
    )


def meeting_detail_get(*, pk: int) -> MeetingDetail:
    """Everything the meeting page shows, in a fixed number of queries."""
    meeting = meeting_get(pk=pk)
    agenda_items = list(
        meeting.agenda_items.select_related("presenter_agency", "presenter").prefetch_related(
            "speakers"
        )
    )
    participations = list(
        meeting.participations.select_related("agency", "invitee").order_by(
            "agency__name", "invitee_position", "id"
        )
    )
    counts = Counter(p.status for p in participations)
    briefings = list(
        meeting.briefings.select_related("agency", "agenda_item", "presenter").prefetch_related(
            Prefetch("indicators"), Prefetch("risks")
        )
    )
    follow_ups = list(meeting.follow_ups.select_related("responsible_agency"))
    return MeetingDetail(
        meeting=meeting,
        agenda_items=agenda_items,
        participant_groups=_group_participations(participations),
        status_counts=[
            (status, label, counts[status])
            for status, label in Participation.Status.choices
            if counts[status]
        ],
        briefings=briefings,
        follow_ups=follow_ups,
    )
