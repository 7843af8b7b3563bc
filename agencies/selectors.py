"""Reads for institutions."""

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.shortcuts import get_object_or_404

from meetings.models import Participation

from .models import Agency, Official


def agency_list(*, query: str = "") -> QuerySet[Agency]:
    """Institutions with their region and number of officials, filtered by free text."""
    agencies = Agency.objects.select_related("region").annotate(
        official_count=Count("officials", distinct=True),
        meeting_count=Count("participations__meeting", distinct=True),
    )
    for word in query.split():
        agencies = agencies.filter(
            Q(name__icontains=word) | Q(short_name__icontains=word) | Q(head_title__icontains=word)
        )
    return agencies


def agency_groups(agencies: QuerySet[Agency]) -> list[tuple[str, list[Agency]]]:
    """Institutions grouped by kind, in the order of Agency.Kind."""
    groups: dict[str, list[Agency]] = {kind: [] for kind in Agency.Kind.values}
    for agency in agencies:
        groups[agency.kind].append(agency)
    return [(Agency.Kind(kind).label, items) for kind, items in groups.items() if items]


@dataclass
class AgencyDetail:
    agency: Agency
    officials: list[Official]
    children: list[Agency]
    participations: list[Participation]


def agency_detail_get(*, pk: int, meeting_limit: int = 50) -> AgencyDetail:
    """An institution with its officials, sub-institutions and recent meetings."""
    agency = get_object_or_404(Agency.objects.select_related("region", "parent"), pk=pk)
    return AgencyDetail(
        agency=agency,
        officials=list(agency.officials.all()),
        children=list(agency.children.order_by("name")),
        participations=list(
            agency.participations.select_related("meeting", "invitee").order_by(
                "-meeting__date", "meeting__title"
            )[:meeting_limit]
        ),
    )
