"""Reads of the follow-up register: every follow-up a user may see, across meetings."""

import datetime

from django.db.models import F, OuterRef, QuerySet, Subquery
from django.utils import timezone

from accounts.rules import is_supervisor, meetings_visible_to, organizer_ids, user_agency
from meetings.models import CLOSED_FOLLOW_UP, Election, FollowUp, FollowUpProgress, Meeting

OPEN = ("open", "in_progress")


def register_scope(*, user) -> QuerySet[FollowUp]:
    """The organizer's staff and supervisors: every follow-up of the meetings they read; a
    liaison: its own institution's, of approved minutes (what was agreed is published)."""
    if user.is_superuser or organizer_ids(user) or is_supervisor(user):
        return FollowUp.objects.filter(meeting__in=meetings_visible_to(user, Meeting.objects.all()))
    agency = user_agency(user)
    if agency is None or not user.has_perm("meetings.view_followup"):
        return FollowUp.objects.none()
    # Whether or not it was invited to the meeting: it carries the follow-up out.
    return FollowUp.objects.filter(responsible_agency=agency, meeting__minutes_status="final")


def register_list(
    *,
    user,
    election: Election | None = None,
    status: str = "",
    overdue: bool = False,
    today: datetime.date | None = None,
) -> QuerySet[FollowUp]:
    """The register, soonest due first (no due date last), with its last progress step and
    the meeting where it was closed, in a fixed number of queries for a page."""
    today = today or timezone.localdate()
    follow_ups = register_scope(user=user)
    if election is not None:
        follow_ups = follow_ups.filter(meeting__election=election)
    if status == "open":
        follow_ups = follow_ups.filter(status__in=OPEN)
    elif status:
        follow_ups = follow_ups.filter(status=status)
    if overdue:
        follow_ups = follow_ups.filter(status__in=OPEN, due_date__lt=today)
    last = FollowUpProgress.objects.filter(follow_up=OuterRef("pk")).order_by("-recorded_at", "-id")
    closing = FollowUpProgress.objects.filter(
        follow_up=OuterRef("pk"), status__in=CLOSED_FOLLOW_UP, meeting__isnull=False
    ).order_by("-recorded_at", "-id")
    return (
        follow_ups.select_related("meeting", "meeting__organizer", "responsible_agency")
        .annotate(
            last_progress_at=Subquery(last.values("recorded_at")[:1]),
            last_progress_note=Subquery(last.values("note")[:1]),
            closed_in_id=Subquery(closing.values("meeting_id")[:1]),
            closed_in_date=Subquery(closing.values("meeting__date")[:1]),
        )
        .order_by(F("due_date").asc(nulls_last=True), "id")
    )


def elections_for(*, user) -> QuerySet[Election]:
    """The elections of the meetings the user's register covers (for the filter)."""
    return Election.objects.filter(
        pk__in=register_scope(user=user).values("meeting__election")
    ).select_related("region")


def progress_list(*, follow_up: FollowUp) -> list[FollowUpProgress]:
    return list(
        follow_up.progress.select_related("recorded_by", "meeting").order_by("-recorded_at", "-id")
    )
