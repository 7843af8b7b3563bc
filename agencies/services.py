"""Writes for institutions and officials: each public function is one transaction and
validates with full_clean(), so the model's rules hold whichever screen or script calls it."""

from django.core.files import File
from django.db import transaction

from pilkada_portal.writes import assign_fields, save_validated

from .models import Agency, Official, Region

# The fields each write accepts, in the order their forms show them (the forms use these).
AGENCY_FIELDS = (
    "name",
    "short_name",
    "kind",
    "level",
    "parent",
    "region",
    "head_title",
    "address",
    "phone",
    "email",
    "website",
    "letterhead_government_line",
    "letter_place",
    "paper_size",
    "letter_unit_code",
    "letter_number_format",
    "logo",
)
LETTERHEAD_FIELDS = frozenset(
    {
        "website",
        "letterhead_government_line",
        "letter_place",
        "paper_size",
        "letter_unit_code",
        "letter_number_format",
    }
)
REGION_FIELDS = ("kind", "name", "parent", "code")
OFFICIAL_FIELDS = (
    "title_prefix",
    "name",
    "title_suffix",
    "position",
    "rank",
    "nip",
    "nrp",
    "in_office_from",
    "in_office_until",
    "phone",
    "email",
)


# --- Institutions -----------------------------------------------------------------------


@transaction.atomic
def agency_create(
    *,
    name: str,
    kind: str,
    level: str = "",
    owner: Agency | None = None,
    short_name: str = "",
    parent: Agency | None = None,
    region: Region | None = None,
    head_title: str = "",
    address: str = "",
    phone: str = "",
    email: str = "",
    logo: File | str = "",
    **letterhead,
) -> Agency:
    """Create an institution (letterhead: website, government line, letter place, paper);
    `owner` is the organizer whose staff registered it (they may change it later)."""
    agency = Agency(
        name=name,
        kind=kind,
        level=level,
        owner=owner,
        short_name=short_name,
        parent=parent,
        region=region,
        head_title=head_title,
        address=address,
        phone=phone,
        email=email,
        logo=logo,
    )
    assign_fields(agency, letterhead, LETTERHEAD_FIELDS)
    return save_validated(agency)


@transaction.atomic
def agency_update(*, agency: Agency, expected_version: int | None = None, **fields) -> Agency:
    """Change an institution's name, kind, place in the hierarchy, contacts or logo."""
    assign_fields(agency, fields, AGENCY_FIELDS)
    return save_validated(agency, expected_version=expected_version)


@transaction.atomic
def agency_delete(*, agency: Agency) -> None:
    """Delete an institution together with its officials.

    Raises ProtectedError (and deletes nothing) while meetings, invitations, briefings,
    agenda items, sub-institutions, or anything naming one of its officials still refer to it.
    """
    # Official.agency is PROTECT so that an official is never lost by accident; deleting
    # the institution on purpose takes its officials along, in the same transaction.
    Official.objects.filter(agency=agency).delete()
    agency.delete()


# --- Officials --------------------------------------------------------------------------


@transaction.atomic
def official_create(
    *,
    agency: Agency,
    name: str,
    position: str,
    title_prefix: str = "",
    title_suffix: str = "",
    rank: str = "",
    nip: str = "",
    nrp: str = "",
    in_office_from=None,
    in_office_until=None,
    phone: str = "",
    email: str = "",
) -> Official:
    """Add an official to an institution."""
    official = Official(
        agency=agency,
        name=name,
        position=position,
        title_prefix=title_prefix,
        title_suffix=title_suffix,
        rank=rank,
        nip=nip,
        nrp=nrp,
        in_office_from=in_office_from,
        in_office_until=in_office_until,
        phone=phone,
        email=email,
    )
    return save_validated(official)


@transaction.atomic
def official_update(
    *, official: Official, expected_version: int | None = None, **fields
) -> Official:
    """Change an official's name, titles, position, rank, NIP/NRP, tenure or contacts."""
    assign_fields(official, fields, OFFICIAL_FIELDS)
    return save_validated(official, expected_version=expected_version)


@transaction.atomic
def official_delete(*, official: Official) -> None:
    """Delete an official; ProtectedError while a meeting, invitation or briefing names them."""
    official.delete()


# --- Regions ------------------------------------------------------------------------------


@transaction.atomic
def region_create(
    *, name: str, kind: str, parent: Region, code: str = "", owner: Agency | None = None
) -> Region:
    """Add a kecamatan or desa/kelurahan by hand; `owner` is the organizer whose staff typed
    it (they may correct it later). Provinces and kabupaten/kota ship with the portal."""
    region = Region(name=name, kind=kind, parent=parent, code=code, owner=owner)
    region.full_clean()
    region.save()
    return region


@transaction.atomic
def region_update(*, region: Region, **fields) -> Region:
    """Correct a region typed by hand: its name, kind, parent region or code."""
    assign_fields(region, fields, REGION_FIELDS)
    region.full_clean()
    region.save()
    return region
