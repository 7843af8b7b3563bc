"""Reads for meetings: every query the meeting pages run is built here."""

import datetime
import zoneinfo
from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from agencies.models import Agency, Official
from pilkada_portal.versioned import remembered

from .models import (
    CLOSED_FOLLOW_UP,
    AgendaItem,
    FollowUp,
    FollowUpProgress,
    Meeting,
    MinutesEvent,
    MinutesStatus,
    Participation,
)
from .schedule import agenda_schedule


def meeting_list() -> QuerySet[Meeting]:
    """Meetings with their organizer (filters: meetings.filters); a page of them gets its
    attendance counts from meeting_page_counts()."""
    return Meeting.objects.select_related("organizer")


def meeting_keys(meetings: QuerySet[Meeting]) -> QuerySet[Meeting]:
    """The meetings with only their id and version (updated_at), for a list whose rows are
    remembered under their meeting's version (views.pages.meeting_rows)."""
    return meetings.select_related(None).only("pk", "updated_at")


def meeting_page_counts(meetings) -> list[Meeting]:
    """The meetings of one page, each with invited_count and attended_count, in one query.

    Counted for the page's rows only, after the page is taken: counts joined into the list
    query cost seconds at national scale (2.5 million participations), and subqueries per
    row are still evaluated for every row an OFFSET skips (page 40: 800 rows)."""
    meetings = list(meetings)
    counts = {
        row["meeting_id"]: row
        for row in Participation.objects.filter(meeting__in=[m.pk for m in meetings])
        .order_by()
        .values("meeting_id")
        .annotate(
            invited=Count("pk"),
            attended=Count("pk", filter=Q(status__in=["present", "represented"])),
        )
    }
    for meeting in meetings:
        row = counts.get(meeting.pk, {})
        meeting.invited_count = row.get("invited", 0)
        meeting.attended_count = row.get("attended", 0)
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
class AgendaRow:
    """An agenda item with its start: its own planned start, or computed from the one before."""

    item: AgendaItem
    start: datetime.time | None
    manual: bool


@dataclass
class MeetingDetail:
    meeting: Meeting
    agenda: list[AgendaRow]
    participant_groups: list[ParticipantGroup]
    status_counts: list[tuple[str, str, int]]
    follow_ups: list


def group_participations(participations: list[Participation]) -> list[ParticipantGroup]:
    """Participations grouped by kind of institution, in the order of Agency.Kind."""
    groups = {kind: ParticipantGroup(kind, label) for kind, label in Agency.Kind.choices}
    for participation in participations:
        groups[participation.agency.kind].participations.append(participation)
    return [group for group in groups.values() if group.participations]


def _meeting_with_header():
    return Meeting.objects.select_related(
        "organizer",
        "election__region",
        "chair__agency",
        "minute_taker__agency",
        "letter_signer__agency",
    )


def meeting_get(*, pk: int) -> Meeting:
    """One meeting with what its header shows (organizer, election, chair, minute taker)."""
    return get_object_or_404(_meeting_with_header(), pk=pk)


def meeting_page_get(*, pk: int) -> Meeting:
    """One meeting for its page, alone. The rules of staff and invitees read its organizer's
    id; a supervisor's rule and the cached parts of the page that show the organizer, the
    people and the election load them (one small query each) only when they need them. A
    9-table join on every view cost more, and so did the organizer's 20 columns."""
    return get_object_or_404(Meeting, pk=pk)


def own_draft_briefing(*, meeting: Meeting, agency) -> dict | None:
    """The institution's own briefing of this meeting while it is a draft ({pk, topic}), or
    None; remembered under the meeting's version (briefings are part of its record)."""
    return remembered(
        meeting,
        "own-draft-briefing",
        agency.pk,
        compute=lambda: (
            meeting.briefings.filter(agency=agency, status="draft").values("pk", "topic").first()
        ),
    )


def meeting_find(*, pk: int) -> Meeting | None:
    """As meeting_get, for code without a request (a task): None when it is gone."""
    return _meeting_with_header().filter(pk=pk).first()


def meeting_detail_get(*, meeting: Meeting) -> MeetingDetail:
    """Everything the meeting page shows, in a fixed number of queries."""
    participations = participation_list(meeting=meeting, with_people=True)
    return MeetingDetail(
        meeting=meeting,
        agenda=agenda_rows(meeting=meeting, with_speakers=True),
        participant_groups=group_participations(participations),
        status_counts=status_counts(participations),
        follow_ups=follow_up_list(meeting=meeting),
    )


def _speakers_prefetch() -> Prefetch:
    return Prefetch("speakers", queryset=Official.objects.select_related("agency"))


def agenda_rows(*, meeting: Meeting, with_speakers: bool = False) -> list[AgendaRow]:
    """The agenda in order, each item with its planned or computed start time."""
    items = meeting.agenda_items.select_related("presenter_agency", "presenter")
    if with_speakers:
        items = items.prefetch_related(_speakers_prefetch())
    items = list(items)
    starts = agenda_schedule(meeting=meeting, items=items)
    return [
        AgendaRow(item=item, start=start, manual=item.planned_start is not None)
        for item, start in zip(items, starts, strict=True)
    ]


def participation_list(*, meeting: Meeting, with_people: bool = False) -> list[Participation]:
    """A meeting's invitations with institution and official in protocol order (the hosts
    first, then as the operator arranged them); with the people who came (the attendance
    app's relation, by its name) when asked."""
    participations = meeting.participations.select_related("agency", "invitee__agency")
    if with_people:
        participations = participations.prefetch_related("attendees")
    return list(participations.order_by("position", "id"))


def election_list(*, query: str = "") -> QuerySet:
    """Elections, the next voting day first, with their region and how many meetings each
    has; those whose name contains every word of `query`."""
    from .models import Election

    elections = (
        Election.objects.select_related("region", "owner")
        .annotate(meeting_count=Count("meetings"))
        .order_by("-voting_day", "name")
    )
    for word in query.replace("\x00", "").split():
        elections = elections.filter(Q(name__icontains=word) | Q(region__name__icontains=word))
    return elections


def election_get(*, pk: int):
    from .models import Election

    return get_object_or_404(Election.objects.select_related("region__parent", "owner"), pk=pk)


def invitation_group_candidates(*, meeting: Meeting, kind: str) -> QuerySet[Agency]:
    """The institutions of a kind that "invite the whole group" means for this meeting: those
    the organizer or a government it belongs to registered (Agency.owner), and those in its
    region (that region and the regions inside it; the nearest region up its institution
    tree), never every institution of the country."""
    from agencies.models import Region
    from pilkada_portal.trees import subtree_ids

    governments = [meeting.organizer, *meeting.organizer.ancestors()]
    scope = Q(owner__in=[agency.pk for agency in governments])
    region_id = next((a.region_id for a in governments if a.region_id is not None), None)
    if region_id is not None:
        scope |= Q(region__in=subtree_ids(Region, region_id))
    return Agency.objects.filter(scope, kind=kind).order_by("name")


def participant_groups(*, meeting: Meeting) -> list[ParticipantGroup]:
    return group_participations(participation_list(meeting=meeting))


def status_counts(participations: list[Participation]) -> list[tuple[str, str, int]]:
    """(status, label, count) for every status, in the order of Participation.Status."""
    counts = Counter(p.status for p in participations)
    return [(status, label, counts[status]) for status, label in Participation.Status.choices]


def follow_up_list(*, meeting: Meeting) -> list:
    return list(meeting.follow_ups.select_related("responsible_agency"))


def agenda_items_for_minutes(*, meeting: Meeting) -> list[tuple[AgendaItem, list[Official]]]:
    """Agenda items with their speakers, and the officials who may be chosen as speakers."""
    speakers = list(
        Official.objects.filter(agency__participations__meeting=meeting)
        .select_related("agency")
        .distinct()
        .order_by("agency__name", "name")
    )
    items = meeting.agenda_items.select_related("presenter_agency").prefetch_related(
        _speakers_prefetch()
    )
    return [(item, speakers) for item in items]


def participation_list_for_agency(
    *, agency: Agency, meetings: QuerySet[Meeting] | None = None, limit: int = 50
) -> list[Participation]:
    """An institution's invitations with their meeting, newest meeting first; only to the
    given meetings (those the reader may see) when `meetings` is given."""
    participations = agency.participations.select_related("meeting", "invitee")
    if meetings is not None:
        participations = participations.filter(meeting__in=meetings.values("pk"))
    return list(participations.order_by("-meeting__date", "meeting__title")[:limit])


@dataclass(frozen=True)
class ChecklistItem:
    """One condition of a complete record, and the screen (with the rule it needs) to fix it."""

    label: str
    done: bool
    url: str
    rule: str


def minutes_returned(*, meeting: Meeting) -> MinutesEvent | None:
    """The chair's return of draft minutes, with what to change, while it still stands (the
    minutes are a draft and nothing happened in their workflow since)."""
    if meeting.minutes_status != MinutesStatus.DRAFT:
        return None
    last = meeting.minutes_events.select_related("user").order_by("created_at", "id").last()
    return last if last is not None and last.action == MinutesEvent.Action.RETURNED else None


def minutes_checklist(*, meeting: Meeting) -> list[ChecklistItem]:
    """What a record needs before its minutes may be approved, item by item."""
    from django.urls import reverse
    from django.utils.translation import gettext as _

    edit = reverse("meetings:update", args=[meeting.pk])
    minutes = reverse("meetings:minutes", args=[meeting.pk])
    statuses = list(meeting.participations.values_list("status", flat=True))
    discussed = meeting.agenda_items.filter(
        kind__in=[AgendaItem.Kind.PRESENTATION, AgendaItem.Kind.DISCUSSION]
    ).order_by("position")
    items = [
        ChecklistItem(
            _("The chair is named"),
            meeting.chair_id is not None,
            f"{edit}#id_chair",
            "meetings.can_edit_meeting",
        ),
        ChecklistItem(
            _("The minute taker is named"),
            meeting.minute_taker_id is not None,
            f"{edit}#id_minute_taker",
            "meetings.can_edit_meeting",
        ),
        ChecklistItem(
            _("The start time is known"),
            meeting.start_time is not None,
            f"{edit}#id_start_time",
            "meetings.can_edit_meeting",
        ),
        ChecklistItem(
            _("The end time is known"),
            meeting.end_time is not None,
            f"{edit}#id_end_time",
            "meetings.can_edit_meeting",
        ),
        ChecklistItem(
            _("Attendance is recorded for every invitation"),
            bool(statuses) and Participation.Status.INVITED not in statuses,
            reverse("attendance:people", args=[meeting.pk]),
            "meetings.can_record_attendance",
        ),
    ]
    for item in discussed:
        if not item.discussion_notes.strip() and not item.no_notes:
            items.append(
                ChecklistItem(
                    _("Notes of agenda item %(number)s “%(title)s” (or “nothing to record”)")
                    % {"number": item.position, "title": item.title},
                    False,
                    f"{minutes}#minutes-item-{item.pk}",
                    "meetings.can_write_minutes",
                )
            )
    items.append(
        ChecklistItem(
            _("The conclusions are written"),
            bool(meeting.conclusions.strip()),
            f"{minutes}#conclusions-heading",
            "meetings.can_write_minutes",
        )
    )
    return items


# --- Home pages -------------------------------------------------------------------------

HOME_ROWS = 10


@dataclass(frozen=True)
class Gap:
    """Something an upcoming meeting still lacks, and the screen that fills it."""

    label: str
    url: str


def home_upcoming_gaps(meetings: QuerySet[Meeting]) -> list[tuple[Meeting, list[Gap]]]:
    """The next HOME_ROWS meetings from today, each with what it still lacks before it can be
    held (invitations, agenda, chair, start time, letter number), in one query."""
    from django.db.models import Exists, OuterRef
    from django.urls import reverse
    from django.utils.translation import gettext as _

    rows = list(
        meeting_list_upcoming(meetings)
        .select_related("organizer")
        .annotate(
            has_invitations=Exists(Participation.objects.filter(meeting=OuterRef("pk"))),
            has_agenda=Exists(AgendaItem.objects.filter(meeting=OuterRef("pk"))),
        )[:HOME_ROWS]
    )
    result = []
    for meeting in rows:
        edit = reverse("meetings:update", args=[meeting.pk])
        gaps = [
            gap
            for missing, gap in (
                (
                    not meeting.has_invitations,
                    Gap(_("nobody invited"), reverse("meetings:invitations", args=[meeting.pk])),
                ),
                (
                    not meeting.has_agenda,
                    Gap(_("no agenda"), meeting.get_absolute_url() + "#agenda"),
                ),
                (meeting.chair_id is None, Gap(_("no chair"), edit)),
                (meeting.start_time is None, Gap(_("no start time"), edit)),
                (not meeting.reference_number, Gap(_("no letter number"), edit)),
            )
            if missing
        ]
        result.append((meeting, gaps))
    return result


def home_minutes_to_write(meetings: QuerySet[Meeting]) -> list[Meeting]:
    """Meetings that took place whose minutes are still a draft (written or returned), the
    most recent first, with the last comment of a return."""
    from django.db.models import OuterRef, Subquery

    from .models import MinutesEvent

    last_event = MinutesEvent.objects.filter(meeting=OuterRef("pk")).order_by("-created_at")
    return list(
        meeting_list_past(meetings)
        .filter(minutes_status=MinutesStatus.DRAFT)
        .annotate(
            last_action=Subquery(last_event.values("action")[:1]),
            last_comment=Subquery(last_event.values("comment")[:1]),
        )[:HOME_ROWS]
    )


def home_minutes_in_review(meetings: QuerySet[Meeting]) -> list[Meeting]:
    """Meetings whose minutes wait for approval, the longest waiting first."""
    return list(
        meetings.filter(minutes_status=MinutesStatus.IN_REVIEW)
        .select_related("chair")
        .order_by("date", "pk")[:HOME_ROWS]
    )


def home_invitations(meetings: QuerySet[Meeting], *, agency: Agency) -> list[Meeting]:
    """The next meetings an institution is invited to, each with its own briefing (or
    None) and the public agenda link's token when one is shared."""
    from django.db.models import OuterRef, Subquery

    briefing = Agency.briefings.rel.related_model.objects.filter(
        meeting=OuterRef("pk"), agency=agency
    )
    share = _agenda_share_model().objects.filter(meeting=OuterRef("pk"))
    return list(
        meeting_list_upcoming(meetings)
        .select_related("organizer")
        .annotate(
            own_briefing_status=Subquery(briefing.values("status")[:1]),
            own_briefing_pk=Subquery(briefing.values("pk")[:1]),
            share_token=Subquery(share.values("token")[:1]),
        )[:HOME_ROWS]
    )


def _agenda_share_model():
    """The attendance app's AgendaShare, looked up by name: attendance sits above meetings."""
    from django.apps import apps

    return apps.get_model("attendance", "AgendaShare")


# --- Follow-ups across a series ---------------------------------------------------------------


@dataclass(frozen=True)
class SeriesFollowUp:
    """A follow-up agreed at an earlier meeting of the series, as it stood at this meeting."""

    follow_up: FollowUp
    status: str
    status_label: str
    note: str
    reviewed: bool  # its status was recorded at this meeting
    overdue: bool


def series_meetings(*, meeting: Meeting) -> QuerySet[Meeting]:
    """The meetings of the same series: one organizer, one election (or none)."""
    return Meeting.objects.filter(
        organizer_id=meeting.organizer_id, election_id=meeting.election_id
    )


def earlier_follow_ups(*, meeting: Meeting) -> list[SeriesFollowUp]:
    """Follow-ups of earlier meetings of the series still open when this one was held (or
    reviewed at it): "Tindak lanjut rapat sebelumnya". Those closed before this meeting's day
    are left out, so a final Notula keeps the list it had when approved."""
    # The meeting's day begins in its own zone: progress recorded before then came before it.
    day_start = datetime.datetime.combine(
        meeting.date, datetime.time(), tzinfo=zoneinfo.ZoneInfo(meeting.time_zone)
    )
    follow_ups = (
        FollowUp.objects.filter(
            meeting__in=series_meetings(meeting=meeting).filter(date__lt=meeting.date)
        )
        .select_related("meeting", "responsible_agency")
        .prefetch_related(
            Prefetch(
                "progress",
                queryset=FollowUpProgress.objects.select_related("meeting").order_by(
                    "recorded_at", "id"
                ),
            )
        )
        .order_by("meeting__date", "id")
    )
    labels = dict(FollowUp.Status.choices)
    rows = []
    for follow_up in follow_ups:
        steps = list(follow_up.progress.all())
        reviews = [step for step in steps if step.meeting_id == meeting.pk]
        # A step recorded at a meeting happened on that meeting's day, whenever it was typed.
        before = [
            step
            for step in steps
            if step.meeting_id != meeting.pk
            and (
                step.meeting.date < meeting.date
                if step.meeting_id
                else step.recorded_at < day_start
            )
        ]
        if reviews:
            status, note = reviews[-1].status, reviews[-1].note
        elif before and before[-1].closes:
            continue
        elif not steps and follow_up.status in CLOSED_FOLLOW_UP:
            continue  # closed before progress was logged: not open at this meeting
        elif before:
            status, note = before[-1].status, before[-1].note
        else:
            status = follow_up.status if not steps else FollowUp.Status.OPEN
            note = follow_up.progress_note if not steps else ""
        rows.append(
            SeriesFollowUp(
                follow_up=follow_up,
                status=status,
                status_label=str(labels[status]),
                note=note,
                reviewed=bool(reviews),
                overdue=bool(
                    follow_up.due_date
                    and follow_up.due_date < meeting.date
                    and status not in CLOSED_FOLLOW_UP
                ),
            )
        )
    return rows
