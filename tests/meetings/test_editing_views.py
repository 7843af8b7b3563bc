"""Views of the operator's meeting screens: meeting CRUD, agenda builder, invitations,
attendance and minutes. Assertions use status codes, database state and form errors, not
translated text."""

import datetime

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertTemplateUsed

from agencies.models import Agency
from meetings.models import AgendaItem, Meeting, Participation
from tests.agencies.factories import AgencyFactory, OfficialFactory, home_organizer
from tests.meetings.factories import (
    AgendaItemFactory,
    FollowUpFactory,
    MeetingFactory,
    ParticipationFactory,
)

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


def _meeting_data(organizer, /, **overrides):
    data = {
        "title": "Rakor Persiapan Pilkada",
        "kind": "rakor",
        "organizer": organizer.pk,
        "election": "",
        "date": "2024-11-12",
        "start_time": "09:00",
        "end_time": "",
        "time_zone": "Asia/Makassar",
        "venue": "Hotel Plaza Inn Kendari",
        "venue_address": "",
        "chair": "",
        "minute_taker": "",
        "status": "scheduled",
        "letter_date": "",
        "letter_security": "biasa",
        "letter_urgency": "biasa",
        "letter_subject": "",
        "letter_signer": "",
        "copies_to": "",
        "version": 1,  # the version the edit form was opened with (create ignores it)
    }
    data.update(overrides)
    return data


class TestMeetingCreate:
    url = reverse("meetings:create")

    def test_attendee_may_not_create(self, peserta_client):
        assert peserta_client.get(self.url).status_code == 403
        assert peserta_client.post(self.url, _meeting_data(AgencyFactory())).status_code == 403

    def test_valid_post_creates_and_redirects(self, operator_client):
        organizer = home_organizer()
        assert operator_client.get(self.url).context["form"]["organizer"].value() == organizer.pk
        response = operator_client.post(self.url, _meeting_data(organizer), follow=True)
        meeting = Meeting.objects.get()
        assert response.redirect_chain[-1][0] == meeting.get_absolute_url()
        assert list(response.context["messages"])

    def test_staff_organize_only_for_their_institution_or_one_under_it(self, operator_client):
        unit = AgencyFactory(parent=home_organizer())
        response = operator_client.get(self.url)
        offered = set(response.context["form"].fields["organizer"].queryset)
        assert offered == {home_organizer(), unit}
        response = operator_client.post(self.url, _meeting_data(AgencyFactory()))
        assert "organizer" in response.context["form"].errors
        assert not Meeting.objects.exists()

    @pytest.mark.parametrize(
        ("overrides", "field"),
        [
            ({"date": "2024-13-45"}, "date"),
            ({"date": ""}, "date"),
            ({"start_time": "25:99"}, "start_time"),
            ({"end_time": "08:00"}, "end_time"),
            ({"organizer": "999999"}, "organizer"),
            ({"organizer": "abc"}, "organizer"),
            ({"chair": "999999"}, "chair"),
            ({"status": "finished"}, "status"),
            ({"title": "x" * 300}, "title"),
            ({"title": ""}, "title"),
        ],
    )
    def test_invalid_input_is_shown_next_to_its_field(self, operator_client, overrides, field):
        data = _meeting_data(AgencyFactory(), **overrides)
        response = operator_client.post(self.url, data)
        assert response.status_code == 200
        assert field in response.context["form"].errors
        assert response.context["form"].data["venue"] == "Hotel Plaza Inn Kendari"
        assert not Meeting.objects.exists()


def test_update_keeps_the_meeting_unchanged_when_invalid(operator_client):
    meeting = MeetingFactory(title="Asli", start_time=datetime.time(9))
    url = reverse("meetings:update", args=[meeting.pk])
    response = operator_client.post(
        url, _meeting_data(meeting.organizer, title="Baru", end_time="08:00")
    )
    assert response.status_code == 200
    assert "end_time" in response.context["form"].errors
    assertContains(response, "<h1", status_code=200)
    meeting.refresh_from_db()
    assert meeting.title == "Asli"
    response = operator_client.post(url, _meeting_data(meeting.organizer, title="Baru"))
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.title == "Baru"


def test_delete_asks_first_then_deletes(operator_client, peserta_client):
    meeting = MeetingFactory()
    AgendaItemFactory(meeting=meeting)
    url = reverse("meetings:delete", args=[meeting.pk])
    response = operator_client.get(url)
    assert response.context["summary"]["agenda_items"] == 1
    # An attendee tied to no institution does not even see the meeting.
    assert peserta_client.post(url).status_code == 404
    assert operator_client.post(url).status_code == 302
    assert not Meeting.objects.exists()


def test_duplicate_creates_a_draft_copy(operator_client):
    meeting = MeetingFactory()
    AgendaItemFactory(meeting=meeting)
    ParticipationFactory(meeting=meeting, status="present")
    url = reverse("meetings:duplicate", args=[meeting.pk])
    response = operator_client.post(url, {"title": "Rakor II", "date": "bukan tanggal"})
    assert "date" in response.context["form"].errors
    response = operator_client.post(url, {"title": "Rakor II", "date": "2024-12-01"})
    copy = Meeting.objects.get(title="Rakor II")
    assert response.url == copy.get_absolute_url()
    assert copy.agenda_items.count() == 1
    assert copy.participations.get().status == "invited"


class TestAgendaBuilder:
    def test_add_with_htmx_returns_the_agenda_block(self, operator_client):
        meeting = MeetingFactory()
        agency = AgencyFactory()
        ParticipationFactory(meeting=meeting, agency=agency)
        response = operator_client.post(
            reverse("meetings:agenda_add", args=[meeting.pk]),
            {
                "new-title": "Paparan KPU",
                "new-kind": "presentation",
                "new-presenter_agency": agency.pk,
                "new-duration_minutes": "15",
            },
            **HTMX,
        )
        assert response.status_code == 200
        assertTemplateUsed(response, "meetings/includes/_agenda.html")
        assertContains(response, "Paparan KPU")
        assert meeting.agenda_items.get().duration_minutes == 15

    def test_add_without_javascript_redirects(self, operator_client):
        meeting = MeetingFactory()
        response = operator_client.post(
            reverse("meetings:agenda_add", args=[meeting.pk]),
            {"new-title": "Pembukaan", "new-kind": "opening"},
        )
        assert response.status_code == 302
        assert meeting.agenda_items.count() == 1

    @pytest.mark.parametrize(
        "data",
        [
            {"new-title": "", "new-kind": "opening"},
            {"new-title": "x" * 300, "new-kind": "opening"},
            {"new-title": "A", "new-kind": "dance"},
            {"new-title": "A", "new-kind": "opening", "new-duration_minutes": "0"},
            {"new-title": "A", "new-kind": "opening", "new-duration_minutes": "99999"},
            {"new-title": "A", "new-kind": "opening", "new-planned_start": "9 pagi"},
            {"new-title": "A", "new-kind": "opening", "new-presenter_agency": "999999"},
        ],
    )
    def test_invalid_item_is_shown_with_its_error_and_not_saved(self, operator_client, data):
        meeting = MeetingFactory()
        response = operator_client.post(
            reverse("meetings:agenda_add", args=[meeting.pk]), data, **HTMX
        )
        assert response.status_code == 200
        assert response.context["add_form"].errors
        assert not meeting.agenda_items.exists()

    def test_presenter_must_be_an_invited_institution(self, operator_client):
        meeting = MeetingFactory()
        outsider = AgencyFactory()
        response = operator_client.post(
            reverse("meetings:agenda_add", args=[meeting.pk]),
            {"new-title": "A", "new-kind": "presentation", "new-presenter_agency": outsider.pk},
            **HTMX,
        )
        assert "presenter_agency" in response.context["add_form"].errors

    def test_edit_inline_then_save(self, operator_client):
        item = AgendaItemFactory(title="Lama", presenter_agency=None)
        url = reverse("meetings:agenda_edit", args=[item.meeting_id, item.pk])
        response = operator_client.get(url, **HTMX)
        assert response.context["editing_pk"] == item.pk
        prefix = f"item-{item.pk}"
        response = operator_client.post(
            url,
            {f"{prefix}-title": "Baru", f"{prefix}-kind": "discussion", f"{prefix}-version": 1},
            **HTMX,
        )
        assert response.status_code == 200
        item.refresh_from_db()
        assert (item.title, item.kind) == ("Baru", "discussion")

    def test_move_and_delete(self, operator_client):
        meeting = MeetingFactory()
        first = AgendaItemFactory(meeting=meeting, position=1, title="A")
        second = AgendaItemFactory(meeting=meeting, position=2, title="B")
        operator_client.post(
            reverse("meetings:agenda_move", args=[meeting.pk, second.pk]),
            {"direction": "up"},
            **HTMX,
        )
        assert list(meeting.agenda_items.values_list("title", flat=True)) == ["B", "A"]
        operator_client.post(
            reverse("meetings:agenda_move", args=[meeting.pk, second.pk]),
            {"direction": "sideways"},
            **HTMX,
        )
        assert list(meeting.agenda_items.values_list("title", flat=True)) == ["B", "A"]
        operator_client.post(
            reverse("meetings:agenda_delete", args=[meeting.pk, second.pk]), **HTMX
        )
        assert list(meeting.agenda_items.values_list("title", "position")) == [("A", 1)]
        assert first.pk == meeting.agenda_items.get().pk

    def test_item_of_another_meeting_is_404(self, operator_client):
        item = AgendaItemFactory()
        other = MeetingFactory()
        url = reverse("meetings:agenda_delete", args=[other.pk, item.pk])
        assert operator_client.post(url, **HTMX).status_code == 404
        assert AgendaItem.objects.filter(pk=item.pk).exists()

    def test_attendee_cannot_touch_the_agenda(self, peserta_client):
        item = AgendaItemFactory()
        url = reverse("meetings:agenda_delete", args=[item.meeting_id, item.pk])
        assert peserta_client.post(url, **HTMX).status_code == 404


class TestInvitations:
    def test_invite_one_and_a_group(self, operator_client):
        meeting = MeetingFactory()
        agency = AgencyFactory(kind=Agency.Kind.POLRI, head_title="Kapolres")
        AgencyFactory(kind=Agency.Kind.DISTRICT)
        AgencyFactory(kind=Agency.Kind.DISTRICT)
        url = reverse("meetings:invitations", args=[meeting.pk])
        assert operator_client.get(url).status_code == 200
        operator_client.post(url, {"one-agency": agency.pk})
        operator_client.post(url, {"group-kind": Agency.Kind.DISTRICT})
        assert meeting.participations.count() == 3
        assert meeting.participations.get(agency=agency).invitee_position == "Kapolres"

    def test_invalid_invitations_are_explained(self, operator_client):
        meeting = MeetingFactory()
        agency = AgencyFactory()
        url = reverse("meetings:invitations", args=[meeting.pk])
        response = operator_client.post(url, {"one-agency": "999999"})
        assert "agency" in response.context["form"].errors
        response = operator_client.post(
            url, {"one-agency": agency.pk, "one-invitee": OfficialFactory().pk}
        )
        assert "invitee" in response.context["form"].errors
        response = operator_client.post(url, {"group-kind": "everyone"})
        assert "kind" in response.context["group_form"].errors
        operator_client.post(url, {"one-agency": agency.pk})
        response = operator_client.post(url, {"one-agency": agency.pk})
        assert response.status_code == 200
        assert response.context["form"].errors
        assert meeting.participations.count() == 1

    def test_withdraw(self, operator_client):
        participation = ParticipationFactory()
        url = reverse(
            "meetings:invitation_remove", args=[participation.meeting_id, participation.pk]
        )
        assert operator_client.post(url).status_code == 302
        assert not Participation.objects.exists()


class TestAttendance:
    def test_the_old_attendance_address_leads_to_the_people_screen(self, operator_client):
        meeting = MeetingFactory()
        response = operator_client.get(reverse("meetings:attendance", args=[meeting.pk]))
        assert response.status_code == 302
        assert response["Location"] == reverse("attendance:people", args=[meeting.pk])


class TestMinutes:
    def test_minutes_saved_in_one_form(self, operator_client):
        meeting = MeetingFactory()
        agency = AgencyFactory()
        ParticipationFactory(meeting=meeting, agency=agency)
        speaker = OfficialFactory(agency=agency)
        item = AgendaItemFactory(meeting=meeting)
        url = reverse("meetings:minutes", args=[meeting.pk])
        assert operator_client.get(url).status_code == 200
        response = operator_client.post(
            url,
            {
                "minutes-opening_remarks": "Dibuka",
                "minutes-conclusions": "1. Siap",
                "minutes-version": 1,
                f"item-{item.pk}-discussion_notes": "Tanya jawab",
                f"item-{item.pk}-speakers": [speaker.pk],
            },
        )
        assert response.status_code == 302
        item.refresh_from_db()
        assert item.discussion_notes == "Tanya jawab"
        assert list(item.speakers.all()) == [speaker]

    def test_unknown_speaker_is_refused_and_nothing_saved(self, operator_client):
        meeting = MeetingFactory(conclusions="Lama")
        item = AgendaItemFactory(meeting=meeting)
        response = operator_client.post(
            reverse("meetings:minutes", args=[meeting.pk]),
            {
                "minutes-opening_remarks": "",
                "minutes-conclusions": "Baru",
                f"item-{item.pk}-discussion_notes": "",
                f"item-{item.pk}-speakers": ["999999"],
            },
        )
        assert response.status_code == 200
        assert "speakers" in response.context["item_forms"][0].errors
        meeting.refresh_from_db()
        assert meeting.conclusions == "Lama"

    def test_follow_ups(self, notulis_client):
        operator_client = notulis_client
        meeting = MeetingFactory()
        create = reverse("meetings:follow_up_create", args=[meeting.pk])
        response = operator_client.post(create, {"follow-up-text": "", "follow-up-status": "open"})
        assert "text" in response.context["follow_up_form"].errors
        response = operator_client.post(
            create,
            {
                "follow-up-text": "Distribusi",
                "follow-up-status": "open",
                "follow-up-due_date": "2024-11-24",
            },
        )
        assert response.status_code == 302
        follow_up = meeting.follow_ups.get()
        update = reverse("meetings:follow_up_update", args=[meeting.pk, follow_up.pk])
        response = operator_client.post(
            update,
            {
                "follow-up-text": "Distribusi",
                "follow-up-status": "done",
                "follow-up-due_date": "31-02-2024",
                "follow-up-version": 1,
            },
        )
        assert "due_date" in response.context["form"].errors
        operator_client.post(
            update,
            {"follow-up-text": "Distribusi", "follow-up-status": "done", "follow-up-version": 1},
        )
        follow_up.refresh_from_db()
        assert follow_up.status == "done"
        operator_client.post(reverse("meetings:follow_up_delete", args=[meeting.pk, follow_up.pk]))
        assert not meeting.follow_ups.exists()

    def test_follow_up_of_another_meeting_is_404(self, notulis_client):
        follow_up = FollowUpFactory()
        url = reverse("meetings:follow_up_update", args=[MeetingFactory().pk, follow_up.pk])
        assert notulis_client.get(url).status_code == 404
