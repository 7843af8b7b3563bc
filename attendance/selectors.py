"""Reads of attendance."""

from dataclasses import dataclass, field

from django.db.models import Prefetch, QuerySet

from meetings.models import Meeting, Participation

from .models import Attendee


@dataclass
class InvitationPeople:
    """An invitation with the people who came for it."""

    participation: Participation
    people: list[Attendee] = field(default_factory=list)


def attendee_list(*, meeting: Meeting) -> QuerySet[Attendee]:
    """Everyone checked in, in order of arrival, with institution and invitation."""
    return meeting.attendees.select_related(
        "agency", "participation__agency", "participation__invitee"
    ).order_by("checked_in_at", "id")


def invitation_people(*, meeting: Meeting) -> tuple[list[InvitationPeople], list[Attendee]]:
    """Invitations (by institution) with their people, and the walk-ins invited by nobody."""
    participations = meeting.participations.select_related("agency", "invitee").prefetch_related(
        Prefetch("attendees", queryset=Attendee.objects.order_by("checked_in_at", "id"))
    )
    rows = [
        InvitationPeople(p, list(p.attendees.all()))
        for p in participations.order_by("agency__name", "invitee_position", "id")
    ]
    walk_ins = list(
        meeting.attendees.filter(participation__isnull=True)
        .select_related("agency")
        .order_by("checked_in_at", "id")
    )
    return rows, walk_ins


def attendance_counts(*, meeting: Meeting) -> dict[str, int]:
    """Persons present, and institutions present of those invited."""
    invited = meeting.participations.values("agency").distinct().count()
    present = (
        meeting.participations.filter(status__in=["present", "represented"])
        .values("agency")
        .distinct()
        .count()
    )
    return {"persons": meeting.attendees.count(), "institutions": present, "invited": invited}
