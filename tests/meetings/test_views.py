import datetime

import pytest
from django.urls import reverse
from pytest_django.asserts import (
    assertContains,
    assertNotContains,
    assertTemplateNotUsed,
    assertTemplateUsed,
)

from accounts.roles import Role
from attendance.services import attendee_add
from demo.loader import demo_load
from tests.agencies.factories import AgencyFactory, OfficialFactory
from tests.briefings.factories import BriefingFactory, ReadinessIndicatorFactory, RiskFactory
from tests.meetings.factories import (
    AgendaItemFactory,
    FollowUpFactory,
    MeetingFactory,
    ParticipationFactory,
)

pytestmark = pytest.mark.django_db


def test_anonymous_visitors_are_sent_to_the_login_page(client):
    meeting = MeetingFactory()
    for url in (reverse("meetings:list"), reverse("meetings:detail", args=[meeting.pk])):
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("login"))


def test_login_page_is_in_indonesian_by_default(client):
    response = client.get(reverse("login"))
    assertContains(response, "Masuk")
    assertContains(response, '<html lang="id">')


def test_english_is_available(reader_client):
    reader_client.post(reverse("set_language"), {"language": "en", "next": "/"})
    response = reader_client.get(reverse("meetings:list"))
    assertContains(response, "Upcoming")
    assertContains(response, '<html lang="en">')


class TestMeetingList:
    def test_lists_upcoming_and_past_meetings(self, reader_client):
        today = datetime.date.today()
        MeetingFactory(title="Rakor yang akan datang", date=today + datetime.timedelta(days=3))
        MeetingFactory(title="Rakor yang lalu", date=today - datetime.timedelta(days=3))
        response = reader_client.get(reverse("meetings:list"))
        assertTemplateUsed(response, "meetings/meeting_list.html")
        assert [m.title for m in response.context["upcoming"]] == ["Rakor yang akan datang"]
        assert [m.title for m in response.context["past_page"]] == ["Rakor yang lalu"]

    def test_search_matches_title_venue_and_organizer(self, reader_client):
        MeetingFactory(title="Rakor Pilkada", venue="Hotel Plaza Inn Kendari")
        MeetingFactory(title="Rapat anggaran", venue="Aula")
        response = reader_client.get(reverse("meetings:list"), {"q": "plaza kendari"})
        assertContains(response, "Rakor Pilkada")
        assertNotContains(response, "Rapat anggaran")

    def test_oversized_search_text_gets_a_message_not_an_error(self, reader_client):
        MeetingFactory(title="Rakor Pilkada")
        response = reader_client.get(reverse("meetings:list"), {"q": "x" * 500})
        assert response.status_code == 200
        assertContains(response, "invalid-feedback")
        assertContains(response, "Rakor Pilkada")  # the unfiltered list is still shown

    def test_out_of_range_page_shows_the_last_page(self, reader_client):
        MeetingFactory(date=datetime.date(2020, 1, 1))
        response = reader_client.get(reverse("meetings:list"), {"page": "999"})
        assert response.status_code == 200
        response = reader_client.get(reverse("meetings:list"), {"page": "abc"})
        assert response.status_code == 200

    @pytest.mark.parametrize("rows", [3, 30])
    def test_query_count_does_not_grow_with_rows(
        self, reader_client, django_assert_max_num_queries, rows
    ):
        for meeting in MeetingFactory.create_batch(rows):
            ParticipationFactory.create_batch(2, meeting=meeting)
        # session, user, user and group permissions, organizer and election filter choices,
        # upcoming, past count, past page, the profile with its institution and the meetings
        # it is invited to (tenancy)
        with django_assert_max_num_queries(11):
            response = reader_client.get(reverse("meetings:list"))
        assert response.status_code == 200


# session, user, permissions, meeting, minutes events, revisions, the profile with its
# institution and the institutions under it, the earlier meetings' follow-ups.
WARM_DETAIL_QUERIES = 10


class TestMeetingDetail:
    def test_seed_meeting_page_shows_what_the_article_says(self, client, make_user):
        meeting = demo_load().seed_meeting
        client.force_login(make_user("reader", Role.PIMPINAN, agency=meeting.organizer))
        response = client.get(reverse("meetings:detail", args=[meeting.pk]))
        assertTemplateUsed(response, "meetings/meeting_detail.html")
        assertContains(response, "Selasa, 12 November 2024")
        assertContains(response, "Hotel Plaza Inn Kendari")
        assertContains(response, "waktu tidak tercatat")  # no time in the article, held
        assertContains(response, "Drs. La Ode Saifuddin, M.Si")
        for presenter in (
            "Kejari Konawe",
            "Bawaslu Konut",
            "KPU Konut",
            "Kodim 1430 Konut",
            "Polres Konut",
        ):
            assertContains(response, presenter)
        for group in ("TNI", "Polri", "DPRD"):  # the Forkopimda, by what each one is
            assertContains(response, group)
        assertContains(response, "Camat Wiwirano")
        assertContains(response, "Hadir: 23")
        assertContains(response, "diwakili oleh Wakil Ketua II DPRD Kabupaten Konawe Utara")

    def test_time_with_zone_and_open_end(self, reader_client):
        meeting = MeetingFactory(start_time=datetime.time(9), end_time=None)
        response = reader_client.get(reverse("meetings:detail", args=[meeting.pk]))
        assertContains(response, "09.00 WITA s.d. selesai")

    def test_the_person_standing_in_is_shown(self, reader_client):
        from attendance import services as attendance_services

        participation = ParticipationFactory(status="invited")
        attendance_services.attendee_add(
            meeting=participation.meeting,
            name="AKP Contoh",
            position="Kabag Ops",
            participation=participation,
            on_behalf=True,
        )
        response = reader_client.get(reverse("meetings:detail", args=[participation.meeting_id]))
        assertContains(response, "diwakili oleh AKP Contoh")

    def test_user_text_is_escaped(self, reader_client):
        meeting = MeetingFactory(title="<script>alert(1)</script>", conclusions="<b>tebal</b>")
        response = reader_client.get(reverse("meetings:detail", args=[meeting.pk]))
        assertNotContains(response, "<script>alert(1)</script>")
        assertContains(response, "&lt;b&gt;tebal&lt;/b&gt;")

    def test_an_attendees_warm_page_reads_no_record(
        self, client, make_user, django_assert_max_num_queries
    ):
        meeting = MeetingFactory(chair=OfficialFactory(), minute_taker=OfficialFactory())
        invited = ParticipationFactory(meeting=meeting).agency
        client.force_login(make_user("peserta", Role.PESERTA, agency=invited))
        url = reverse("meetings:detail", args=[meeting.pk])
        assert client.get(url).status_code == 200
        # session, user, meeting, permissions, profile: whether the institution is invited
        # and its own draft briefing are remembered under the meeting's version, and the
        # minutes workflow (not shown to an invitee before final) is not read.
        with django_assert_max_num_queries(5):
            assert client.get(url).status_code == 200

    def test_an_invitees_remembered_answers_follow_the_record_at_once(self, client, make_user):
        """Whether the institution is invited and its draft briefing are remembered under the
        meeting's version: a change to either shows on the next view."""
        from meetings.services import participation_invite, participation_remove

        meeting = MeetingFactory(date=datetime.date.today() + datetime.timedelta(days=3))
        invitation = ParticipationFactory(meeting=meeting)
        client.force_login(make_user("peserta", Role.PESERTA, agency=invitation.agency))
        url = reverse("meetings:detail", args=[meeting.pk])
        assert client.get(url).status_code == 200
        briefing = BriefingFactory(meeting=meeting, agency=invitation.agency, topic="Logistik")
        draft = "Draf paparan instansi Anda: Logistik"
        assertContains(client.get(url), draft)
        briefing.status = "submitted"
        briefing.save()
        assertNotContains(client.get(url), draft)
        participation_remove(participation=invitation)
        assert client.get(url).status_code == 404
        participation_invite(meeting=meeting, agency=invitation.agency)
        assert client.get(url).status_code == 200

    def test_an_invitees_page_is_remembered_whole_and_follows_roles_and_the_day(
        self, client, make_user, monkeypatch
    ):
        """An invitee's page content is cached whole under the record's version, the day,
        the language, the institution and the roles: a new role shows at once, and so does
        the day after the meeting."""
        from django.contrib.auth.models import Group
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        today = datetime.date.today()
        meeting = MeetingFactory(date=today + datetime.timedelta(days=1))
        invited = ParticipationFactory(meeting=meeting).agency
        user = make_user("peserta", Role.PESERTA, agency=invited)
        client.force_login(user)
        url = reverse("meetings:detail", args=[meeting.pk])
        first = client.get(url)
        with CaptureQueriesContext(connection) as queries:
            again = client.get(url)

        def main(response):  # the page without its CSRF tokens (new ones on every view)
            return response.content.decode().split("<main", 1)[1].split("</main>", 1)[0]

        assert main(again) == main(first)
        assertTemplateNotUsed(again, "meetings/includes/_meeting_page.html")
        add_briefing = reverse("briefings:create", args=[meeting.pk])
        assertNotContains(again, add_briefing)
        # Made the institution's liaison: may start its briefing, before the meeting.
        user.groups.add(Group.objects.get(name=Role.LIAISON.value))
        assertContains(client.get(url), add_briefing)
        monkeypatch.setattr(
            "django.utils.timezone.localdate", lambda *args: today + datetime.timedelta(days=2)
        )
        assertNotContains(client.get(url), add_briefing)
        assert len(queries) <= 5

    def test_unknown_meeting_is_404(self, reader_client):
        assert reader_client.get(reverse("meetings:detail", args=[999999])).status_code == 404

    @pytest.mark.parametrize("rows", [3, 30])
    def test_query_count_does_not_grow_with_rows(
        self, reader_client, django_assert_max_num_queries, rows
    ):
        meeting = MeetingFactory(chair=OfficialFactory(), minute_taker=OfficialFactory())
        for position in range(1, rows + 1):
            item = AgendaItemFactory(meeting=meeting, position=position)
            item.speakers.add(OfficialFactory())
        for _ in range(rows):
            agency = AgencyFactory()
            participation = ParticipationFactory(meeting=meeting, agency=agency)
            attendee_add(meeting=meeting, name="Wakil", participation=participation, on_behalf=True)
            briefing = BriefingFactory(meeting=meeting, agency=agency)
            ReadinessIndicatorFactory.create_batch(2, briefing=briefing)
            RiskFactory(briefing=briefing)
            FollowUpFactory(meeting=meeting, responsible_agency=agency)
        # session, user, user and group permissions, meeting, minutes events, revisions,
        # agenda (+speakers), participations (+people who stood in), briefings (+indicators,
        # +risks), follow-ups, the profile with its institution and the institutions under
        # it (tenancy), the follow-ups of earlier meetings of the series, the briefings'
        # attachments; and, rendering the header's cached part, its chair and minute taker
        with django_assert_max_num_queries(21):
            response = reader_client.get(reverse("meetings:detail", args=[meeting.pk]))
        assert response.status_code == 200
        # Again, with the page's parts cached: none of the record's reads.
        with django_assert_max_num_queries(WARM_DETAIL_QUERIES):
            assert (
                reader_client.get(reverse("meetings:detail", args=[meeting.pk])).status_code == 200
            )
        # The briefing cards come from briefings' own inclusion tag, within the same bound.
        assert response.content.decode().count('<article class="card h-100">') == rows
