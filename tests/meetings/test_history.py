"""The audit history: who changed what, when, with old and new values."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains

from meetings import services
from meetings.history import meeting_history
from meetings.models import Meeting
from tests.agencies.factories import AgencyFactory
from tests.briefings.factories import BriefingFactory, ReadinessIndicatorFactory
from tests.meetings.factories import AgendaItemFactory, MeetingFactory, ParticipationFactory

pytestmark = pytest.mark.django_db


def test_every_domain_model_keeps_history():
    from django.apps import apps

    for app in ("agencies", "meetings", "briefings"):
        for model in apps.get_app_config(app).get_models():
            if not model.__name__.startswith("Historical"):
                assert hasattr(model, "history"), model


def test_changes_are_recorded_with_old_and_new_values():
    meeting = MeetingFactory(venue="Aula lama")
    services.meeting_update(meeting=meeting, venue="Hotel Plaza Inn Kendari")
    participation = ParticipationFactory(meeting=meeting, status="invited")
    services.participation_set_status(participation=participation, status="excused")
    entries = meeting_history(meeting=meeting)
    venue = next(c for e in entries for c in e.changes if c.field == "tempat")
    assert (venue.old, venue.new) == ("Aula lama", "Hotel Plaza Inn Kendari")
    status = next(c for e in entries for c in e.changes if c.field == "status" and c.new == "Izin")
    assert status.old == "Diundang"


def test_reordering_and_deleting_show_in_the_history():
    meeting = MeetingFactory()
    first = services.agenda_item_create(meeting=meeting, title="A", kind="opening")
    services.agenda_item_create(meeting=meeting, title="B", kind="closing")
    services.agenda_item_move(item=first, offset=1)
    services.agenda_item_delete(item=first)
    actions = [
        (e.action, e.label) for e in meeting_history(meeting=meeting) if e.model == "mata acara"
    ]
    assert ("deleted", "2. A") in actions or ("deleted", "1. A") in actions
    assert any(action == "changed" for action, _label in actions)


def test_history_page_names_the_user(notulis_client):
    meeting = MeetingFactory(conclusions="")
    notulis_client.post(
        reverse("meetings:minutes", args=[meeting.pk]),
        {"minutes-opening_remarks": "", "minutes-conclusions": "Disepakati", "minutes-version": 1},
    )
    response = notulis_client.get(reverse("meetings:history", args=[meeting.pk]))
    assertContains(response, "notulis")
    assertContains(response, "Disepakati")


def test_attendees_may_not_read_the_history(peserta_client):
    meeting = MeetingFactory()
    # An attendee tied to no institution does not see the meeting at all.
    assert peserta_client.get(reverse("meetings:history", args=[meeting.pk])).status_code == 404


@pytest.mark.parametrize("rows", [3, 30])
def test_history_page_query_count_is_bounded(notulis_client, django_assert_max_num_queries, rows):
    meeting = MeetingFactory()
    for position in range(1, rows + 1):
        item = AgendaItemFactory(
            meeting=meeting, position=position, presenter_agency=AgencyFactory()
        )
        item.title = f"Diubah {position}"
        item.save()
        briefing = BriefingFactory(meeting=meeting)
        ReadinessIndicatorFactory(briefing=briefing)
    # At most one page (50 entries): each needs its previous version and its label.
    with django_assert_max_num_queries(140):
        response = notulis_client.get(reverse("meetings:history", args=[meeting.pk]))
    assert response.status_code == 200
    assert Meeting.history.filter(id=meeting.pk).exists()
