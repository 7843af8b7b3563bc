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


def test_a_region_is_taken_back_as_the_portal_shows_it(operator_client):
    """The lists show "Kabupaten Konawe Utara": typed back (or "Kab. Konawe Utara") into a
    region field, the institution filter or the region search, it names that region; a
    kecamatan whose name begins with a kind word ("Kota Juang") is still found by it."""
    from agencies.fields import RegionField, region_label
    from agencies.selectors import region_search

    regency = Region.objects.get(code="74.09")
    assert str(regency) == "Kabupaten Konawe Utara"
    field = RegionField()
    for typed in ("Kabupaten Konawe Utara", "kab. konawe utara", "Konawe Utara", "74.09"):
        assert field.clean(typed) == regency, typed
    juang = Region.objects.create(kind="kecamatan", name="Kota Juang", parent=regency)
    assert field.clean("Kecamatan Kota Juang") == juang
    assert field.clean("Kota Juang") == juang
    assert list(region_search(query="Kecamatan Kota Juang")) == [juang]
    # "Kota Kendari" is the city, not a kecamatan named Kendari.
    city = Region.objects.get(code="74.71")
    Region.objects.create(kind="kecamatan", name="Kendari", parent=city)
    assert field.clean("Kota Kendari") == city

    AgencyFactory(name="Instansi Di Konawe Utara", region=regency)
    AgencyFactory(name="Instansi Di Kendari", region=city)
    listed = operator_client.get(reverse("agencies:list"), {"region": str(regency)})
    assert "Instansi Di Konawe Utara" in listed.content.decode()
    assert "Instansi Di Kendari" not in listed.content.decode()
    # The suggestion of a region without a code: its name, a dash, the region it is part of.
    AgencyFactory(name="Instansi Di Juang", region=juang)
    typed = region_label(juang)
    assert typed == "Kota Juang – Konawe Utara"
    listed = operator_client.get(reverse("agencies:list"), {"region": typed}).content.decode()
    assert "Instansi Di Juang" in listed
    assert "Instansi Di Konawe Utara" not in listed
    assert list(region_search(query=typed)) == [juang]


def test_a_region_typed_with_its_kind_word_or_an_existing_code_is_explained(operator_client):
    url = reverse("agencies:region_create")
    data = {"kind": "kecamatan", "name": "Kecamatan Uji Baru", "parent": "74.09", "code": ""}
    assert operator_client.post(url, data).status_code == 302
    assert Region.objects.filter(parent__code="74.09", name="Uji Baru").exists()
    again = operator_client.post(url, {**data, "name": "Uji Baru"})
    assert "sudah memiliki wilayah" in str(again.context["form"].errors["name"])

    taken = {"kind": "kecamatan", "name": "Uji Kode", "parent": "74.09", "code": "74.09.99"}
    assert operator_client.post(url, taken).status_code == 302
    refused = operator_client.post(url, {**taken, "name": "Uji Kode Dua"})
    form = refused.context["form"]
    assert form.errors["code"] == ["Kecamatan Uji Kode sudah memakai kode ini."]
    assert not form.non_field_errors()
    assert not Region.objects.filter(name="Uji Kode Dua").exists()


def test_names_differing_only_in_capitals_are_refused_next_to_the_name(operator_client):
    from meetings.models import Election
    from tests.agencies.test_views import agency_data

    AgencyFactory(name="Komisi Pemilihan Umum Kabupaten Uji", short_name="KPU Uji")
    response = operator_client.post(
        reverse("agencies:create"),
        agency_data(name="komisi pemilihan umum kabupaten uji", short_name="kpu uji"),
    )
    errors = response.context["form"].errors
    assert errors["name"] == ["Instansi lain sudah memakai nama ini."]
    assert "short_name" in errors

    regency = Region.objects.get(code="74.09")
    Election.objects.create(
        kind="pilkada_bupati", name="Pilkada Serentak 2024", voting_day="2024-11-27", region=regency
    )
    response = operator_client.post(
        reverse("meetings:election_create"),
        {
            "kind": "pilkada_bupati",
            "name": "PILKADA SERENTAK 2024",
            "voting_day": "2024-11-27",
            "region": "74.09",
        },
    )
    assert response.context["form"].errors["name"] == [
        "Kabupaten Konawe Utara sudah memiliki pemilihan dengan nama ini."
    ]
    assert Election.objects.count() == 1
