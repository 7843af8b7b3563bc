"""The meeting page's cached parts change as soon as what they show changes."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from agencies.models import Agency
from meetings import services
from meetings.models import Meeting
from tests.briefings.factories import BriefingFactory, ReadinessIndicatorFactory
from tests.meetings.factories import AgendaItemFactory, MeetingFactory, ParticipationFactory

pytestmark = pytest.mark.django_db


def _page(client, meeting):
    return client.get(reverse("meetings:detail", args=[meeting.pk]))


def test_second_view_runs_fewer_queries(reader_client):
    meeting = MeetingFactory()
    for _ in range(5):
        briefing = BriefingFactory(meeting=meeting)
        ReadinessIndicatorFactory.create_batch(3, briefing=briefing)
    with CaptureQueriesContext(connection) as cold:
        _page(reader_client, meeting)
    with CaptureQueriesContext(connection) as warm:
        _page(reader_client, meeting)
    assert len(warm) < len(cold)
    # session, user, meeting, permissions of the user and its groups, minutes events, revisions,
    # the profile with its institution and the institutions under it (tenancy), the open
    # follow-ups of earlier meetings of the series (not cached: other meetings change them)
    assert len(warm) <= 10


def test_attendance_change_shows_at_once(reader_client):
    participation = ParticipationFactory(status="invited", agency__short_name="KPU Konut")
    assertContains(_page(reader_client, participation.meeting), "Diundang")
    services.participation_set_status(participation=participation, status="excused")
    assertContains(_page(reader_client, participation.meeting), "Izin")


def test_renaming_an_institution_shows_at_once(reader_client):
    participation = ParticipationFactory(agency__short_name="KPU Konut")
    assertContains(_page(reader_client, participation.meeting), "KPU Konut")
    agency = Agency.objects.get(pk=participation.agency_id)
    agency.short_name = "KPU Kab. Konawe Utara"
    agency.save()
    response = _page(reader_client, participation.meeting)
    assertContains(response, "KPU Kab. Konawe Utara")


def test_reordering_the_agenda_shows_at_once(reader_client):
    meeting = MeetingFactory()
    AgendaItemFactory(meeting=meeting, position=1, title="Pertama")
    second = AgendaItemFactory(meeting=meeting, position=2, title="Kedua")
    content = _page(reader_client, meeting).content.decode()
    assert content.index("Pertama") < content.index("Kedua")
    services.agenda_item_move(item=second, offset=-1)
    content = _page(reader_client, meeting).content.decode()
    assert content.index("Kedua") < content.index("Pertama")


def test_indicator_change_shows_at_once(reader_client):
    indicator = ReadinessIndicatorFactory(label="Surat suara")
    meeting = Meeting.objects.get(pk=indicator.briefing.meeting_id)
    assertContains(_page(reader_client, meeting), "Surat suara")
    indicator.delete()
    assertNotContains(_page(reader_client, meeting), "Surat suara")
