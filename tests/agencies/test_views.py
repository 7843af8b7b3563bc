import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains, assertTemplateUsed

from agencies.models import Agency
from tests.agencies.factories import AgencyFactory, OfficialFactory
from tests.meetings.factories import ParticipationFactory

pytestmark = pytest.mark.django_db


def test_list_groups_agencies_by_kind_in_fixed_order(peserta_client):
    AgencyFactory(name="Kecamatan Asera", kind=Agency.Kind.DISTRICT)
    AgencyFactory(name="KPU Kabupaten", kind=Agency.Kind.ELECTION_BODY)
    response = peserta_client.get(reverse("agencies:list"))
    assertTemplateUsed(response, "agencies/agency_list.html")
    labels = [label for label, _agencies in response.context["groups"]]
    assert labels == ["Penyelenggara pemilihan", "Kecamatan"]


def test_list_search(peserta_client):
    AgencyFactory(name="Kepolisian Resor Konawe Utara", short_name="Polres Konut")
    AgencyFactory(name="Komando Distrik Militer", short_name="Kodim")
    response = peserta_client.get(reverse("agencies:list"), {"q": "polres"})
    assertContains(response, "Kepolisian Resor Konawe Utara")
    assertNotContains(response, "Komando Distrik Militer")


def test_detail_shows_officials_and_meetings(peserta_client):
    official = OfficialFactory(name="La Ode Saifuddin", title_prefix="Drs.", title_suffix="M.Si")
    participation = ParticipationFactory(agency=official.agency)
    response = peserta_client.get(reverse("agencies:detail", args=[official.agency_id]))
    assertContains(response, "Drs. La Ode Saifuddin, M.Si")
    assertContains(response, participation.meeting.title)


def test_unknown_agency_is_404(peserta_client):
    assert peserta_client.get(reverse("agencies:detail", args=[999999])).status_code == 404


@pytest.mark.parametrize("rows", [3, 30])
def test_list_query_count_does_not_grow(peserta_client, django_assert_max_num_queries, rows):
    for agency in AgencyFactory.create_batch(rows):
        OfficialFactory(agency=agency)
        ParticipationFactory(agency=agency)
    with django_assert_max_num_queries(3):
        response = peserta_client.get(reverse("agencies:list"))
    assert response.status_code == 200


@pytest.mark.parametrize("rows", [3, 30])
def test_detail_query_count_does_not_grow(peserta_client, django_assert_max_num_queries, rows):
    agency = AgencyFactory()
    OfficialFactory.create_batch(rows, agency=agency)
    AgencyFactory.create_batch(rows, parent=agency)
    ParticipationFactory.create_batch(rows, agency=agency)
    with django_assert_max_num_queries(6):
        response = peserta_client.get(reverse("agencies:detail", args=[agency.pk]))
    assert response.status_code == 200
