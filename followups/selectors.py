"""Reads of the follow-up register: every follow-up a user may see, across meetings."""

import datetime

from django.db.models import Exists, F, OuterRef, QuerySet, Subquery
from django.utils import timezone

from accounts.rules import meetings_visible_to, reads_whole_records, user_agency
from meetings.models import CLOSED_FOLLOW_UP, Election, FollowUp, FollowUpProgress, Meeting

OPEN = ("open", "in_progress")


def register_scope(*, user) -> QuerySet[FollowUp]:
    """The organizer's staff and supervisors: every follow-up of the meetings they read; a
    liaison: its own institution's, of approved minutes (what was agreed is published)."""
    if reads_whole_records(user):
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
    election_name: str = "",
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
    for word in election_name.split()[:5]:
        follow_ups = follow_ups.filter(meeting__election__name__icontains=word)
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
        # What the register and its exports show: not the meetings' and institutions' other
        # columns (a meeting row is wide), read for every row of a page.
        .only(
            "text",
            "due_date",
            "status",
            "progress_note",
            "meeting__title",
            "meeting__date",
            "meeting__organizer__name",
            "responsible_agency__name",
        )
        .annotate(
            last_progress_at=Subquery(last.values("recorded_at")[:1]),
            last_progress_note=Subquery(last.values("note")[:1]),
            closed_in_id=Subquery(closing.values("meeting_id")[:1]),
            closed_in_date=Subquery(closing.values("meeting__date")[:1]),
        )
        .order_by(F("due_date").asc(nulls_last=True), "id")
    )


ELECTION_CHOICES = 30


def elections_for(*, user) -> list[Election] | None:
    """The elections of the meetings the user reads, for the register's filter: None when
    there are more than ELECTION_CHOICES (a supervisor of many regions types a name instead
    of scrolling a select of hundreds)."""
    meetings = meetings_visible_to(user, Meeting.objects.all())
    elections = list(
        Election.objects.filter(Exists(meetings.filter(election=OuterRef("pk"))))
        .select_related("region")
        .order_by("-voting_day", "name")[: ELECTION_CHOICES + 1]
    )
    return None if len(elections) > ELECTION_CHOICES else elections


def progress_list(*, follow_up: FollowUp) -> list[FollowUpProgress]:
    return list(
        follow_up.progress.select_related("recorded_by", "meeting").order_by("-recorded_at", "-id")
    )
