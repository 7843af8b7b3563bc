"""The home page shows each role what it has to do next, for its own organizer only, in a
constant number of queries."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from meetings.models import MinutesEvent
from tests.agencies.factories import AgencyFactory, OfficialFactory, home_organizer
from tests.briefings.factories import BriefingFactory
from tests.meetings.factories import AgendaItemFactory, MeetingFactory, ParticipationFactory

pytestmark = pytest.mark.django_db


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _in(days: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=days)


def test_the_operator_sees_what_each_upcoming_meeting_lacks(make_user):
    bare = MeetingFactory(title="Rakor tanpa apa-apa", date=_in(3), start_time=None)
    ready = MeetingFactory(
        title="Rakor siap",
        date=_in(5),
        chair=OfficialFactory(agency=home_organizer()),
        reference_number="000.1.5/12/Kesbangpol/2024",
    )
    ParticipationFactory(meeting=ready)
    AgendaItemFactory(meeting=ready)
    MeetingFactory(title="Rakor lain", date=_in(4), organizer=AgencyFactory())
    page = _client(make_user("op", Role.OPERATOR)).get(reverse("home"))
    rows = page.context["upcoming_gaps"]
    assert [m.title for m, _gaps in rows] == ["Rakor tanpa apa-apa", "Rakor siap"]
    assert [g.label for g in rows[0][1]] == [
        "belum ada undangan",
        "belum ada susunan acara",
        "pimpinan rapat belum ditentukan",
        "waktu mulai belum ditentukan",
        "nomor surat belum diisi",
    ]
    assert rows[1][1] == []
    html = page.content.decode()
    assert reverse("meetings:invitations", args=[bare.pk]) in html
    assert "Rakor lain" not in html
    assert home_organizer().name in html  # the organizer the user acts for


def test_the_minute_taker_sees_minutes_to_write_and_returned_ones(make_user):
    notulis = make_user("notulis", Role.NOTULIS)
    MeetingFactory(title="Rakor kemarin", date=_in(-1))
    returned = MeetingFactory(title="Rakor dikembalikan", date=_in(-2))
    MinutesEvent.objects.create(
        meeting=returned, action="returned", comment="Lengkapi kesimpulan.", user=notulis
    )
    MeetingFactory(title="Rakor final", date=_in(-3), minutes_status="final")
    MeetingFactory(title="Rakor besok", date=_in(1))
    page = _client(notulis).get(reverse("home"))
    assert [m.title for m in page.context["minutes_to_write"]] == [
        "Rakor kemarin",
        "Rakor dikembalikan",
    ]
    assert "Lengkapi kesimpulan." in page.content.decode()
    assert "upcoming_gaps" not in page.context


def test_the_chair_sees_only_minutes_it_may_approve(make_user):
    chair = OfficialFactory(agency=home_organizer())
    mine = MeetingFactory(title="Rakor saya", chair=chair, minutes_status="in_review")
    MeetingFactory(title="Rakor orang lain", minutes_status="in_review")
    pimpinan = make_user("ketua", Role.PIMPINAN, approves_minutes=False)
    pimpinan.profile.official = chair
    pimpinan.profile.save()
    page = _client(pimpinan).get(reverse("home"))
    assert page.context["minutes_in_review"] == [mine]


def test_the_liaison_sees_its_briefings_due_and_the_attendee_its_meetings(make_user):
    kpu = AgencyFactory(short_name="KPU")
    drafted = MeetingFactory(title="Rakor dengan draf", date=_in(2))
    missing = MeetingFactory(title="Rakor tanpa paparan", date=_in(6))
    for meeting in (drafted, missing):
        ParticipationFactory(meeting=meeting, agency=kpu)
    BriefingFactory(meeting=drafted, agency=kpu, status="draft")
    MeetingFactory(title="Rakor tanpa KPU", date=_in(3))
    liaison = _client(make_user("kpu", Role.LIAISON, agency=kpu)).get(reverse("home"))
    html = liaison.content.decode()
    assert [m.title for m in liaison.context["invitations"]] == [
        "Rakor dengan draf",
        "Rakor tanpa paparan",
    ]
    assert reverse("briefings:create", args=[missing.pk]) in html
    assert "Rakor tanpa KPU" not in html
    attendee = _client(make_user("peserta", Role.PESERTA, agency=kpu)).get(reverse("home"))
    assert len(attendee.context["invitations"]) == 2
    assert reverse("briefings:create", args=[missing.pk]) not in attendee.content.decode()


@pytest.mark.parametrize("rows", [3, 30])
@pytest.mark.parametrize("role", [Role.OPERATOR, Role.NOTULIS, Role.PIMPINAN, Role.LIAISON])
def test_home_query_count_does_not_grow(make_user, django_assert_max_num_queries, rows, role):
    kpu = AgencyFactory()
    for day in range(rows):
        meeting = MeetingFactory(date=_in(day - rows // 2), minutes_status="in_review")
        ParticipationFactory(meeting=meeting, agency=kpu)
        AgendaItemFactory(meeting=meeting)
    client = _client(make_user("user", role, agency=kpu if role == Role.LIAISON else None))
    # session, user, permissions (2), profile with institution, institutions under it, the
    # role's sections (one query each), the rules' checks of a chair's list.
    with django_assert_max_num_queries(12):
        assert client.get(reverse("home")).status_code == 200
