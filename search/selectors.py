"""Reads of the search: each kind of record the user may see, matched by the typed words; a
fixed number of queries (one per kind) whatever the size of the deployment."""

from dataclasses import dataclass

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accounts.rules import meetings_visible_to, reads_whole_records, user_agency
from agencies.models import Agency, Official
from briefings.models import Briefing
from followups.selectors import register_scope
from meetings.models import AgendaItem, FollowUp, Meeting

from .fulltext import matching

PER_KIND = 10


@dataclass(frozen=True)
class Group:
    kind: str
    label: str
    rows: list
    more: bool


# Up to this many meetings are handed to the database as a list of ids: with a list, the
# planner reads an organizer's rows by their meeting first and checks the words on those,
# instead of checking the words on every row of a national deployment first.
MEETING_IDS = 2000
# Up to this many meetings, their agenda items, follow-ups and briefings (a few each) are few
# enough to check the words on every one of them (fulltext.matching's few_rows).
FEW_MEETINGS = 200


def search(*, user, text: str) -> list[Group]:
    meetings = meetings_visible_to(user, Meeting.objects.all())
    ids = list(meetings.order_by().values_list("pk", flat=True)[: MEETING_IDS + 1])
    if len(ids) <= MEETING_IDS:
        meetings = Meeting.objects.filter(pk__in=ids)
        of_meetings = Q(meeting_id__in=ids)
    else:
        of_meetings = Q(meeting__in=meetings)
    few = len(ids) <= FEW_MEETINGS
    sources = [
        (
            "meeting",
            _("Meetings"),
            matching(meetings, "meeting", text, few_rows=few)
            .select_related("organizer")
            .order_by("-date"),
        ),
        (
            "agenda_item",
            _("Agenda items"),
            matching(AgendaItem.objects.filter(of_meetings), "agenda_item", text, few_rows=few)
            .select_related("meeting")
            .order_by("-meeting__date", "position"),
        ),
        (
            "follow_up",
            _("Follow-ups"),
            matching(
                FollowUp.objects.filter(of_meetings)
                if reads_whole_records(user)
                else register_scope(user=user),
                "follow_up",
                text,
                few_rows=few and reads_whole_records(user),
            )
            .select_related("meeting", "responsible_agency")
            .order_by("-meeting__date", "id"),
        ),
    ]
    briefings = Briefing.objects.filter(of_meetings)
    if not reads_whole_records(user):
        # An invitee reads what is published, and its own institution's drafts.
        agency = user_agency(user)
        briefings = briefings.filter(
            Q(status=Briefing.Status.SUBMITTED)
            | Q(meeting__minutes_status="final")
            | Q(agency=agency)
        )
    sources.append(
        (
            "briefing",
            _("Readiness briefings"),
            matching(briefings, "briefing", text, few_rows=few)
            .select_related("meeting", "agency")
            .order_by("-meeting__date", "id"),
        )
    )
    if user.has_perm("agencies.view_agency"):
        sources += [
            (
                "agency",
                _("Institutions"),
                matching(Agency.objects.all(), "agency", text).order_by("name"),
            ),
            (
                "official",
                _("Officials"),
                matching(Official.objects.all(), "official", text)
                .select_related("agency")
                .order_by("name"),
            ),
        ]
    groups = []
    for kind, label, queryset in sources:
        rows = list(queryset[: PER_KIND + 1])
        if rows:
            groups.append(Group(kind, str(label), rows[:PER_KIND], len(rows) > PER_KIND))
    return groups
