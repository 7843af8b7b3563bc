"""Reads of the readiness dashboard: the latest reported status of every institution and
aspect across the meetings of an election, the change since the meeting before, the items at
risk, and a trend per aspect. A fixed number of queries whatever the size of the series."""

import datetime
import zoneinfo
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet
from django.utils import timezone

from accounts.rules import allows, meetings_visible_to
from briefings.figures import indicator_figure
from briefings.models import Briefing, ReadinessIndicator, Risk
from meetings.models import Election, Meeting
from pilkada_portal.versioned import records_state

TREND_MEETINGS = 12
# Worst first: the order a cell's status takes when several indicators share it.
RANK = {"blocked": 0, "at_risk": 1, "unassessed": 2, "on_track": 3, "achieved": 4}
PROVINCE_ZONES = {
    # Keppres 41/1987: WIT for Maluku and Papua, WITA for Bali, Nusa Tenggara, Kalimantan
    # Timur/Selatan/Utara and Sulawesi, WIB elsewhere (first two digits of the region code).
    **dict.fromkeys(("81", "82", "91", "92", "93", "94", "95", "96"), "Asia/Jayapura"),
    **dict.fromkeys(
        ("51", "52", "53", "63", "64", "65", "71", "72", "73", "74", "75", "76"), "Asia/Makassar"
    ),
}


def election_zone(election: Election) -> str:
    return PROVINCE_ZONES.get((election.region.code or "")[:2], "Asia/Jakarta")


def days_to_vote(election: Election, *, now: datetime.datetime | None = None) -> int:
    """H-n: whole days from today, in the election region's zone, to voting day."""
    now = now or timezone.now()
    today = now.astimezone(zoneinfo.ZoneInfo(election_zone(election))).date()
    return (election.voting_day - today).days


@dataclass
class Cell:
    """An institution's latest reported state of one aspect."""

    status: str
    figure: str
    meeting: Meeting
    labels: list[str]
    previous: str | None = None  # the status at the meeting before, when reported there

    @property
    def change(self) -> str:
        if self.previous is None:
            return "new"
        if RANK[self.status] > RANK[self.previous]:
            return "better"
        if RANK[self.status] < RANK[self.previous]:
            return "worse"
        return "same"


@dataclass
class Dashboard:
    election: Election
    meetings: list[Meeting]
    days: int
    aspects: list[tuple[str, str]]
    rows: list[tuple[str, dict[str, Cell]]]  # institution name, aspect -> cell
    at_risk: list[ReadinessIndicator]
    risks: list[Risk]
    trend: dict[str, list[tuple[Meeting, dict[str, int]]]] = field(default_factory=dict)


def election_meetings(*, user, election: Election) -> list[Meeting]:
    return list(
        meetings_visible_to(user, Meeting.objects.filter(election=election))
        .exclude(status=Meeting.Status.CANCELLED)
        .select_related("organizer")
        .order_by("date", "start_time", "pk")
    )


def dashboard_meetings(*, user, election: Election) -> list[Meeting]:
    """The meetings of the election whose whole record the user reads: the dashboard's.

    Whether a user reads a meeting's whole record depends on its organizer only (its staff,
    or a supervisor of its region: accounts.rules), so the rule is asked once per organizer
    of the series rather than once per meeting."""
    meetings = election_meetings(user=user, election=election)
    readable: dict[int, bool] = {}
    for meeting in meetings:
        if meeting.organizer_id not in readable:
            readable[meeting.organizer_id] = allows(user, "documents.can_read_documents", meeting)
    return [m for m in meetings if readable[m.organizer_id]]


def dashboard_version(meetings: list[Meeting]) -> str:
    """Names the state of the dashboard's data: its meetings and when each last changed
    (any change to a meeting's record, briefings and indicators included, touches it)."""
    return records_state((m.pk, m.updated_at) for m in meetings)


def election_indicators(*, meetings: list[Meeting]) -> QuerySet[ReadinessIndicator]:
    """The indicators of submitted briefings (or of final minutes) of these meetings."""
    return (
        ReadinessIndicator.objects.filter(briefing__meeting__in=meetings)
        .exclude(
            Q(briefing__status=Briefing.Status.DRAFT)
            & ~Q(briefing__meeting__minutes_status="final")
        )
        .select_related("briefing__agency", "briefing__meeting")
        .order_by("briefing__meeting__date", "briefing__meeting__pk", "pk")
    )


def dashboard_get(
    *, user, election: Election, meetings: list[Meeting] | None = None, now=None
) -> Dashboard:
    if meetings is None:
        meetings = election_meetings(user=user, election=election)
    order = {meeting.pk: index for index, meeting in enumerate(meetings)}
    indicators = list(election_indicators(meetings=meetings))
    labels = dict(ReadinessIndicator.Aspect.choices)
    # (institution, aspect) -> meeting index -> worst status and its indicators
    by_cell: dict[tuple[str, str], dict[int, list[ReadinessIndicator]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for indicator in indicators:
        key = (indicator.briefing.agency.name, indicator.aspect)
        by_cell[key][order[indicator.briefing.meeting_id]].append(indicator)
    rows: dict[str, dict[str, Cell]] = defaultdict(dict)
    for (agency, aspect), per_meeting in by_cell.items():
        indexes = sorted(per_meeting)
        latest = per_meeting[indexes[-1]]
        worst = min(latest, key=lambda i: RANK[i.status])
        previous = None
        if len(indexes) > 1:
            previous = min(per_meeting[indexes[-2]], key=lambda i: RANK[i.status]).status
        rows[agency][aspect] = Cell(
            status=worst.status,
            figure=indicator_figure(worst),
            meeting=worst.briefing.meeting,
            labels=[i.label for i in latest],
            previous=previous,
        )
    used = sorted({aspect for (_agency, aspect) in by_cell}, key=list(labels).index)
    latest_meeting_of = {
        agency: max((cell.meeting for cell in cells.values()), key=lambda m: order[m.pk])
        for agency, cells in rows.items()
    }
    at_risk = [
        i
        for i in indicators
        if i.status in ("at_risk", "blocked")
        and i.briefing.meeting_id == latest_meeting_of[i.briefing.agency.name].pk
    ]
    risks = list(
        Risk.objects.filter(briefing__meeting__in=meetings, level="high")
        .select_related("briefing__agency", "briefing__meeting")
        .order_by("-briefing__meeting__date", "pk")
    )
    trend: dict[str, list[tuple[Meeting, dict[str, int]]]] = {}
    for aspect in used:
        series = []
        # The last TREND_MEETINGS meetings: the run-up to voting day (a phone shows no more).
        for meeting in meetings[-TREND_MEETINGS:]:
            counts: dict[str, int] = defaultdict(int)
            for indicator in indicators:
                if indicator.aspect == aspect and indicator.briefing.meeting_id == meeting.pk:
                    counts[indicator.status] += 1
            if counts:
                series.append((meeting, dict(counts)))
        trend[aspect] = series
    return Dashboard(
        election=election,
        meetings=meetings,
        days=days_to_vote(election, now=now),
        aspects=[(aspect, str(labels[aspect])) for aspect in used],
        rows=sorted(rows.items()),
        at_risk=at_risk,
        risks=risks,
        trend=trend,
    )
