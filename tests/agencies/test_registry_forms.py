"""Regions typed by hand and officials' tenure: bad input is explained next to its field."""

import pytest
from django.urls import reverse

from agencies.models import Region
from tests.agencies.factories import AgencyFactory, home_organizer

pytestmark = pytest.mark.django_db


def test_a_kecamatan_is_added_under_a_regency_typed_by_code_and_not_twice(operator_client):
    url = reverse("agencies:region_create")
    data = {"kind": "kecamatan", "name": "Uji Coba", "parent": "74.09", "code": ""}
    assert operator_client.post(url, data).status_code == 302
    region = Region.objects.get(name="Uji Coba")
    assert (region.parent.code, region.owner) == ("74.09", home_organizer())
    again = operator_client.post(url, {**data, "name": "uji coba"})
    assert "sudah memiliki wilayah" in str(again.context["form"].errors["name"])
    assert Region.objects.filter(name__iexact="uji coba").count() == 1
    # Its organizer's staff correct it; a shipped region is the administrator's.
    assert (
        operator_client.get(reverse("agencies:region_update", args=[region.pk])).status_code == 200
    )
    shipped = Region.objects.get(code="74.09")
    assert (
        operator_client.get(reverse("agencies:region_update", args=[shipped.pk])).status_code == 403
    )


def test_a_tenure_that_ends_before_it_starts_is_explained_next_to_its_end(operator_client):
    agency = AgencyFactory()
    response = operator_client.post(
        reverse("agencies:official_create", args=[agency.pk]),
        {
            "name": "Budi",
            "position": "Camat",
            "in_office_from": "2024-05-01",
            "in_office_until": "2024-01-01",
        },
    )
    assert "in_office_until" in response.context["form"].errors
    assert not agency.officials.exists()


def test_load_regions_adds_kecamatan_on_demand_and_changes_nothing_twice():
    from django.core.management import call_command

    before = Region.objects.count()
    call_command("load_regions", "--districts", "--province", "74")
    asera = Region.objects.get(parent__code="74.09", name="Asera")
    assert asera.code.startswith("74.09.")
    added = Region.objects.count()
    assert added > before + 100  # Sulawesi Tenggara's kecamatan
    call_command("load_regions", "--districts", "--province", "74")
    assert Region.objects.count() == added


def test_an_elections_changes_are_listed_on_its_edit_page(operator_client):
    from meetings.models import Election

    url = reverse("meetings:election_create")
    data = {"kind": "pilkada_bupati", "name": "Pilkada Uji", "voting_day": "2024-11-27"}
    assert operator_client.post(url, {**data, "region": "74.09"}).status_code == 302
    election = Election.objects.get(name="Pilkada Uji")
    edit = reverse("meetings:election_update", args=[election.pk])
    assert operator_client.post(edit, {**data, "region": "74.10"}).status_code == 302
    page = operator_client.get(edit).content.decode()
    assert 'id="record-history"' in page
    assert "wilayah" in page  # the changed field, by its label
    assert page.count("<li>") >= 2
