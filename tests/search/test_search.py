"""One search over what the user may see, grouped by kind; another organizer's rows never."""

import pytest
from django.test import Client
from django.urls import reverse

from accounts.models import Profile
from accounts.roles import Role
from search import fulltext, selectors
from tests.agencies.factories import AgencyFactory, OfficialFactory
from tests.briefings.factories import BriefingFactory
from tests.meetings.factories import (
    AgendaItemFactory,
    FollowUpFactory,
    MeetingFactory,
    ParticipationFactory,
)

pytestmark = pytest.mark.django_db


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def world(make_user):
    kpu = AgencyFactory(name="Komisi Pemilihan Umum Kepulauan", short_name="KPU Kep")
    ours = MeetingFactory(title="Rakor logistik kepulauan")
    ParticipationFactory(meeting=ours, agency=kpu)
    AgendaItemFactory(meeting=ours, position=1, title="Paparan logistik kapal")
    FollowUpFactory(meeting=ours, text="Percepat logistik kepulauan", responsible_agency=kpu)
    BriefingFactory(meeting=ours, agency=kpu, topic="Logistik pulau terluar", status="draft")
    OfficialFactory(agency=kpu, name="Logistikus Contoh", position="Kepala Logistik")
    theirs = MeetingFactory(
        title="Rakor logistik rahasia", organizer=AgencyFactory(short_name="Kesbangpol Lain")
    )
    AgendaItemFactory(meeting=theirs, position=1, title="Logistik milik orang lain")
    liaison = make_user("liaison", Role.LIAISON)
    Profile.objects.create(user=liaison, agency=AgencyFactory(short_name="Bawaslu Uji"))
    return {"operator": make_user("operator", Role.OPERATOR), "liaison": liaison, "kpu": kpu}


@pytest.mark.parametrize("few_meetings", [200, 0], ids=["rows-first", "text-index-first"])
def test_words_are_matched_as_word_beginnings_in_every_kind(world, few_meetings, monkeypatch):
    # Both ways of asking PostgreSQL (fulltext.matching's few_rows) find the same rows.
    monkeypatch.setattr(selectors, "FEW_MEETINGS", few_meetings)
    groups = {g.kind: g for g in selectors.search(user=world["operator"], text="logist kepul")}
    assert [m.title for m in groups["meeting"].rows] == ["Rakor logistik kepulauan"]
    assert [f.text for f in groups["follow_up"].rows] == ["Percepat logistik kepulauan"]
    assert "agenda_item" not in groups  # "Paparan logistik kapal" lacks "kepul…"
    everything = {g.kind for g in selectors.search(user=world["operator"], text="logistik")}
    assert everything == {"meeting", "agenda_item", "follow_up", "briefing", "official"}


def test_another_organizers_records_never_appear(world):
    text = " ".join(
        str(row)
        for g in selectors.search(user=world["operator"], text="logistik")
        for row in g.rows
    )
    assert "rahasia" not in text
    assert "milik orang lain" not in text


def test_an_uninvited_liaison_finds_only_the_registry(world):
    groups = {g.kind for g in selectors.search(user=world["liaison"], text="logistik")}
    assert groups <= {"agency", "official"}


def test_the_page_answers_in_a_fixed_number_of_queries(world, django_assert_max_num_queries):
    client = client_for(world["operator"])
    url = reverse("search:results")
    client.get(url, {"q": "logistik"})
    for n in range(20):
        FollowUpFactory(meeting=MeetingFactory(), text=f"Logistik tambahan {n}")
    # session, user, permissions, profile and the institutions under it (tenancy), the
    # invitations, the visible meetings' ids, then one query per kind of record
    with django_assert_max_num_queries(15):
        response = client.get(url, {"q": "logistik"})
    assert response.status_code == 200
    assert "Hanya sepuluh" in response.content.decode() or "first ten" in response.content.decode()


def test_odd_input_is_no_error(world):
    client = client_for(world["operator"])
    for text in ("", "   ", "&|!:*()'\"", "\x00logistik", "a" * 200, "logistik:* | !x"):
        assert client.get(reverse("search:results"), {"q": text}).status_code == 200
    assert fulltext.words("logistik:* | !x (kapal)") == ["logistik", "x", "kapal"]
