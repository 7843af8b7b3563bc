"""No lost update: a save over a newer version is refused, showing the newer values and
keeping the second person's input."""

import pytest
from django.test import Client
from django.urls import reverse

from accounts.roles import Role
from agencies.models import Agency
from meetings import services
from meetings.models import Meeting
from pilkada_portal.writes import StaleVersionError
from tests.agencies.factories import AgencyFactory
from tests.meetings.factories import MeetingFactory
from tests.meetings.test_editing_views import _meeting_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_operators(make_user):
    clients = []
    for name in ("operator_a", "operator_b"):
        client = Client()
        client.force_login(make_user(name, Role.OPERATOR))
        clients.append(client)
    return clients


def test_the_second_save_over_a_newer_version_is_refused(two_operators):
    first, second = two_operators
    meeting = MeetingFactory(venue="Aula Kantor Bupati")
    url = reverse("meetings:update", args=[meeting.pk])
    # Both open the form on version 1.
    assert first.get(url).context["form"]["version"].value() == 1
    assert second.get(url).context["form"]["version"].value() == 1

    data = _meeting_data(meeting.organizer, title=meeting.title, version=1)
    assert first.post(url, {**data, "venue": "Hotel Plaza Inn Kendari"}).status_code == 302

    response = second.post(url, {**data, "venue": "Gedung DPRD"})
    assert response.status_code == 200
    form = response.context["form"]
    assert [e.code for e in form.non_field_errors().as_data()] == ["stale"]
    assert ("Tempat", "Hotel Plaza Inn Kendari", "Gedung DPRD") in response.context["stale_values"]
    assert form["venue"].value() == "Gedung DPRD"  # the second person's input is kept
    meeting.refresh_from_db()
    assert meeting.venue == "Hotel Plaza Inn Kendari"

    # Having seen the newer values, saving again replaces them knowingly.
    again = {**data, "venue": "Gedung DPRD", "version": form["version"].value()}
    assert second.post(url, again).status_code == 302
    meeting.refresh_from_db()
    assert (meeting.venue, meeting.version) == ("Gedung DPRD", 3)


def test_minutes_are_protected_too(two_operators):
    first, second = two_operators
    meeting = MeetingFactory(conclusions="")
    url = reverse("meetings:minutes", args=[meeting.pk])
    base = {"minutes-opening_remarks": "", "minutes-version": meeting.version}
    first.post(url, {**base, "minutes-conclusions": "1. Siap"})
    response = second.post(url, {**base, "minutes-conclusions": "1. Belum siap"})
    assert response.status_code == 200
    assert response.context["stale_values"]
    assert response.context["minutes_form"]["conclusions"].value() == "1. Belum siap"
    assert Meeting.objects.get(pk=meeting.pk).conclusions == "1. Siap"


def test_institution_edit_is_protected(two_operators):
    first, second = two_operators
    agency = AgencyFactory(phone="")
    url = reverse("agencies:update", args=[agency.pk])
    data = {
        "version": 1,
        "name": agency.name,
        "short_name": agency.short_name,
        "kind": agency.kind,
        "paper_size": "A4",
    }
    assert first.post(url, {**data, "phone": "0401 1"}).status_code == 302
    response = second.post(url, {**data, "phone": "0401 2"})
    assert response.status_code == 200
    assert response.context["stale_values"]
    assert Agency.objects.get(pk=agency.pk).phone == "0401 1"


def test_service_level_check():
    meeting = MeetingFactory()
    services.meeting_update(meeting=meeting, venue="A", expected_version=1)
    stale = Meeting.objects.get(pk=meeting.pk)
    stale.version = 1
    with pytest.raises(StaleVersionError) as excinfo:
        services.meeting_update(meeting=stale, venue="B", expected_version=1)
    assert excinfo.value.current.venue == "A"
