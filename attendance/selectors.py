"""Reads of attendance."""

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Prefetch, QuerySet

from meetings.models import Meeting, Participation
from meetings.selectors import group_participations

from .models import Attendee


@dataclass
class InvitationPeople:
    """An invitation with the people who came for it."""

    participation: Participation
    people: list[Attendee] = field(default_factory=list)


@dataclass
class InvitationGroup:
    """Invitations of one kind of institution (Forkopimda, penyelenggara...), as the meeting
    page groups them."""

    kind: str
    label: str
    rows: list[InvitationPeople] = field(default_factory=list)


def attendee_list(*, meeting: Meeting) -> QuerySet[Attendee]:
    """Everyone checked in, in order of arrival, with institution and invitation."""
    return meeting.attendees.select_related(
        "agency", "participation__agency", "participation__invitee"
    ).order_by("checked_in_at", "id")


def invitation_rows(*, meeting: Meeting) -> list[InvitationPeople]:
    """Every invitation (by institution) with the people who came for it."""
    participations = meeting.participations.select_related("agency", "invitee").prefetch_related(
        Prefetch("attendees", queryset=Attendee.objects.order_by("checked_in_at", "id"))
    )
    return [
        InvitationPeople(p, list(p.attendees.all()))
        for p in participations.order_by("agency__name", "invitee_position", "id")
    ]


def invitation_row(*, participation: Participation) -> InvitationPeople:
    """One invitation with its people (the row sent back after a tap)."""
    return InvitationPeople(
        participation, list(participation.attendees.order_by("checked_in_at", "id"))
    )


def invitation_people(*, meeting: Meeting) -> tuple[list[InvitationGroup], list[Attendee]]:
    """Invitations grouped by kind of institution (as the meeting page groups them) with
    their people, and the walk-ins invited by nobody."""
    rows = {row.participation.pk: row for row in invitation_rows(meeting=meeting)}
    groups = [
        InvitationGroup(group.kind, group.label, [rows[p.pk] for p in group.participations])
        for group in group_participations([row.participation for row in rows.values()])
    ]
    walk_ins = list(
        meeting.attendees.filter(participation__isnull=True)
        .select_related("agency")
        .order_by("checked_in_at", "id")
    )
    return groups, walk_ins


def attendance_counts(*, meeting: Meeting) -> dict[str, int]:
    """Persons present, institutions present of those invited, and invitations by status."""
    statuses = list(meeting.participations.values_list("agency_id", "status"))
    attended = {Participation.Status.PRESENT, Participation.Status.REPRESENTED}
    by_status = Counter(status for _agency, status in statuses)
    return {
        "persons": meeting.attendees.count(),
        "institutions": len({agency for agency, status in statuses if status in attended}),
        "invited": len({agency for agency, _status in statuses}),
        "excused": by_status[Participation.Status.EXCUSED],
        "absent": by_status[Participation.Status.ABSENT],
        "waiting": by_status[Participation.Status.INVITED],
    }
