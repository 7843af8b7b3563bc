"""Reads for institutions."""

from dataclasses import dataclass

from django.db.models import (
    Count,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
)
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404

from .models import (
    REGION_SEPARATOR,
    Agency,
    Official,
    Region,
    kind_order_expression,
    typed_region_name,
)

# Agency.Kind lists the kinds in the order in which pages and documents group institutions;
# the expression is the model's, which an index of the same expression serves.
KIND_ORDER = kind_order_expression()


def agency_list() -> QuerySet[Agency]:
    """Institutions with their region and counts, by kind (in the order of Agency.Kind), name."""
    # Counts are subqueries per row, so that only the page shown is counted (a join with
    # GROUP BY counted all 54,500 institutions of a national deployment first: 1.5 s).
    officials = (
        Official.objects.filter(agency=OuterRef("pk"))
        .order_by()
        .values("agency")
        .annotate(number=Count("pk"))
        .values("number")
    )
    meetings = (
        Agency.participations.rel.related_model.objects.filter(agency=OuterRef("pk"))
        .order_by()
        .values("agency")
        .annotate(number=Count("meeting", distinct=True))
        .values("number")
    )
    return (
        Agency.objects.select_related("region")
        .annotate(
            kind_order=KIND_ORDER,
            official_count=Coalesce(Subquery(officials), 0),
            meeting_count=Coalesce(Subquery(meetings), 0),
        )
        .order_by("kind_order", "name")
    )


# A search matching at most this many institutions takes its page from their ids.
FEW_MATCHES = 1000


def agency_search(agencies: QuerySet[Agency], *, query: str) -> QuerySet[Agency]:
    """Institutions whose name, short name or head's position contains every word of `query`.

    The matches are found first, unordered, through the trigram indexes (PostgreSQL); the
    page is then taken among them in the list's order. Asked for both at once, PostgreSQL
    walked the list's order and tested 29,468 of 54,500 institutions before 50 matched "74.09"
    (25 ms), as it expected the matches spread evenly through the order.
    """
    matching = Agency.objects.all()
    for word in query.split():
        matching = matching.filter(
            Q(name__icontains=word) | Q(short_name__icontains=word) | Q(head_title__icontains=word)
        )
    ids = list(matching.order_by().values_list("pk", flat=True)[: FEW_MATCHES + 1])
    if len(ids) <= FEW_MATCHES:
        return agencies.filter(pk__in=ids)
    return agencies.filter(pk__in=matching.values("pk"))


def region_search(*, query: str = "") -> QuerySet[Region]:
    """Regions by code, those whose code starts with `query` when it starts with a digit,
    else those whose name contains every word of it."""
    regions = Region.objects.select_related("parent", "owner").order_by("code", "name")
    query = query.replace("\x00", "").strip()
    if query[:1].isascii() and query[:1].isdigit():
        return regions.filter(code__startswith=query)
    return regions_named(regions, query)


def regions_named(queryset: QuerySet, typed: str, *, through: str = "") -> QuerySet:
    """The rows of `queryset` whose region (`through`: the path to it, e.g. "region__")
    is named by what was typed: every word of the name, and its kind when the user typed
    the kind word the portal shows ("Kecamatan Asera"); the suggestion of a region without
    a code is its name, REGION_SEPARATOR and the name of the region it is part of."""
    typed, _sep, parent = typed.partition(REGION_SEPARATOR)
    for word in parent.split():
        queryset = queryset.filter(**{f"{through}parent__name__icontains": word})
    kind, words = typed_region_name(typed)
    if kind is not None:
        # The first word is the kind, or a word of the name (Kecamatan "Kota Juang").
        first = typed.split()[0]
        queryset = queryset.filter(
            Q(**{f"{through}kind": kind}) | Q(**{f"{through}name__icontains": first})
        )
    for word in words:
        queryset = queryset.filter(**{f"{through}name__icontains": word})
    return queryset


def region_get(*, pk: int) -> Region:
    """One region (404 if there is none)."""
    return get_object_or_404(Region.objects.select_related("parent", "owner"), pk=pk)


def agency_get(*, pk: int) -> Agency:
    """One institution (404 if there is none)."""
    return get_object_or_404(Agency.objects.select_related("region", "parent", "owner"), pk=pk)


def logo_in_use(*, name: str) -> bool:
    """Whether an institution's logo is this stored file (the only files the logo view may
    serve: MEDIA_ROOT also holds final Notulas)."""
    return bool(name) and Agency.objects.filter(logo=name).exists()


def official_get(*, agency_pk: int, pk: int) -> Official:
    """One official of the given institution (404 if the official works elsewhere)."""
    return get_object_or_404(Official.objects.select_related("agency"), agency_id=agency_pk, pk=pk)


def official_list(*, agency: Agency) -> list[Official]:
    """The officials of an institution, by name."""
    return list(agency.officials.order_by("name"))


@dataclass
class AgencyDetail:
    agency: Agency
    officials: list[Official]
    children: list[Agency]


def agency_detail_get(*, pk: int) -> AgencyDetail:
    """An institution with its officials and sub-institutions (its meetings: meetings_tags)."""
    agency = agency_get(pk=pk)
    return AgencyDetail(
        agency=agency,
        officials=official_list(agency=agency),
        children=list(agency.children.order_by("name")),
    )
