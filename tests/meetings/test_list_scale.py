"""The meeting and institution lists take their page before anything else: both meeting
lists are paged, counts are per row, and the number of queries does not grow with the data."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.agencies.factories import AgencyFactory, OfficialFactory, home_organizer
from tests.meetings.factories import MeetingFactory, ParticipationFactory

pytestmark = pytest.mark.django_db


def test_upcoming_meetings_are_paged_and_each_list_keeps_the_others_page(reader_client):
    today = timezone.localdate()
    for day in range(25):
        MeetingFactory(title=f"Rakor H-{day:02d}", date=today + datetime.timedelta(days=day + 1))
    for day in range(22):
        MeetingFactory(title=f"Rakor lalu {day:02d}", date=today - datetime.timedelta(days=day + 1))
    first = reader_client.get(reverse("meetings:list"))
    assert len(first.context["upcoming"]) == 20
    assert first.context["upcoming"][0].title == "Rakor H-00"
    page = first.content.decode()
    assert "?upcoming=2" in page
    assert "?page=2" in page
    second = reader_client.get(reverse("meetings:list"), {"upcoming": "2", "page": "2"})
    assert [m.title for m in second.context["upcoming"]][:1] == ["Rakor H-20"]
    assert len(second.context["upcoming"]) == 5
    assert len(second.context["past_page"]) == 2
    # The links of one list keep the page of the other.
    assert "page=2&amp;upcoming=1" in second.content.decode()
    assert "upcoming=2&amp;page=1" in second.content.decode()


def test_counts_are_right_and_queries_do_not_grow(reader_client, django_assert_max_num_queries):
    meeting = MeetingFactory(date=timezone.localdate() + datetime.timedelta(days=2))
    for status in ("present", "represented", "absent", "invited"):
        ParticipationFactory(meeting=meeting, status=status)
    response = reader_client.get(reverse("meetings:list"))
    assert response.context["upcoming"].rows[0].count("2 dari 4") == 1
    for _ in range(30):
        other = MeetingFactory(date=timezone.localdate() - datetime.timedelta(days=3))
        ParticipationFactory(meeting=other)
    # +1 for the tenancy rule: the meetings the staff's institution is invited to, read first.
    with django_assert_max_num_queries(13):
        assert reader_client.get(reverse("meetings:list")).status_code == 200


def test_institution_counts_per_row(operator_client):
    agency = AgencyFactory(name="Dinas Uji Hitung")
    OfficialFactory(agency=agency)
    OfficialFactory(agency=agency)
    meeting = MeetingFactory()
    ParticipationFactory(meeting=meeting, agency=agency)
    ParticipationFactory(meeting=meeting, agency=agency, invitee_position="Sekretaris")
    ParticipationFactory(meeting=MeetingFactory(), agency=agency)
    response = operator_client.get(reverse("agencies:list"), {"q": "Uji Hitung"})
    row = response.context["page"][0]
    assert (row.official_count, row.meeting_count) == (2, 2)


def test_organizer_and_election_are_searched_by_text_with_suggestions(reader_client, attendee_for):
    from tests.meetings.factories import ElectionFactory

    # Units under the reader's organizer, whose meetings it sees (accounts.rules).
    home = home_organizer()
    kesbangpol = AgencyFactory(name="Badan Kesbangpol Kabupaten Konawe Utara", parent=home)
    other = AgencyFactory(name="Badan Kesbangpol Provinsi Sulawesi Tenggara", parent=home)
    election = ElectionFactory(name="Pilkada Serentak 2024 Konawe Utara")
    mine = MeetingFactory(title="Rakor Konut", organizer=kesbangpol, election=election)
    MeetingFactory(title="Rakor Sultra", organizer=other)
    for _ in range(20):
        MeetingFactory(organizer=AgencyFactory(parent=home))
    page = reader_client.get(reverse("meetings:list"))
    assert page.content.decode().count("<option") < 20  # status only: no list of organizers
    by_name = reader_client.get(reverse("meetings:list"), {"organizer": "konawe utara"})
    assert [m.title for m in by_name.context["past_page"]] + [
        m.title for m in by_name.context["upcoming"]
    ] == ["Rakor Konut"]
    by_other = reader_client.get(reverse("meetings:list"), {"organizer": "sulawesi"})
    assert [m.title for m in by_other.context["upcoming"]] + [
        m.title for m in by_other.context["past_page"]
    ] == ["Rakor Sultra"]
    # Numbers are words of the name, as in the suggestions ("2024" is no election's id).
    for typed in ("serentak 2024", "2024"):
        by_election = reader_client.get(reverse("meetings:list"), {"election": typed})
        assert len(by_election.context["upcoming"]) + len(by_election.context["past_page"]) == 1
    for odd in ("99999999999999999999999", "9223372036854775808", "²", "%_'"):
        for field in ("organizer", "election"):
            assert reader_client.get(reverse("meetings:list"), {field: odd}).status_code == 200

    suggestions = reader_client.get(
        reverse("meetings:filter_options", args=["organizer"]), {"organizer": "kesbangpol"}
    )
    html = suggestions.content.decode()
    assert html.startswith('<datalist id="organizer-options">')
    assert html.count("<option") == 2
    # An attendee is offered only the organizers of meetings they may see.
    attendee = attendee_for(AgencyFactory())
    ParticipationFactory(meeting=mine, agency=attendee_agency(attendee))
    offered = attendee.get(
        reverse("meetings:filter_options", args=["organizer"]), {"organizer": "kesbangpol"}
    ).content.decode()
    assert "Konawe Utara" in offered
    assert "Sulawesi Tenggara" not in offered
    assert reader_client.get(reverse("meetings:filter_options", args=["status"])).status_code == 404


def attendee_agency(client):
    from accounts.models import Profile

    return Profile.objects.get(user_id=client.session["_auth_user_id"]).agency


def test_a_long_result_is_counted_up_to_a_cap(reader_client, monkeypatch):
    from pilkada_portal.pagination import CappedPaginator

    monkeypatch.setattr(CappedPaginator, "CAP", 25)
    for day in range(30):
        MeetingFactory(date=timezone.localdate() - datetime.timedelta(days=day + 1))
    first = reader_client.get(reverse("meetings:list"))
    assert first.context["past_page"].paginator.count == 25
    assert "Halaman 1 dari 2+" in first.content.decode()
    last = reader_client.get(reverse("meetings:list"), {"page": "2"})
    assert len(last.context["past_page"]) == 5
    assert "persempit pencarian" in last.content.decode()
    monkeypatch.setattr(CappedPaginator, "CAP", 30)
    exact = reader_client.get(reverse("meetings:list"))
    assert exact.context["past_page"].paginator.capped is False
    assert "Halaman 1 dari 2<" in exact.content.decode()


def test_the_staff_meeting_page_reads_only_the_agenda_behind_its_cache(
    operator_client, django_assert_max_num_queries, monkeypatch
):
    from meetings import selectors
    from tests.meetings.factories import AgendaItemFactory

    meeting = MeetingFactory()
    for index in range(30):
        ParticipationFactory(meeting=meeting, invitee_position=f"Kepala {index}")
    AgendaItemFactory(meeting=meeting)
    url = reverse("meetings:detail", args=[meeting.pk])
    assert operator_client.get(url).status_code == 200  # fills the page cache

    def refuse(**kwargs):
        raise AssertionError("the whole detail was read behind a warm cache")

    monkeypatch.setattr(selectors, "meeting_detail_get", refuse)
    with django_assert_max_num_queries(16):
        page = operator_client.get(url)
    assert page.status_code == 200
    assert 'hx-trigger="toggle once"' in page.content.decode()  # the add form comes later


def test_the_add_form_is_fetched_when_opened_or_opened_as_a_page(operator_client):
    meeting = MeetingFactory()
    url = reverse("meetings:agenda_add", args=[meeting.pk])
    fragment = operator_client.get(url, headers={"HX-Request": "true"}).content.decode()
    assert fragment.strip().startswith("<form")
    assert 'name="new-title"' in fragment
    page = operator_client.get(url).content.decode()
    assert "<html" in page
    assert 'name="new-title"' in page


def test_rows_are_remembered_until_their_meeting_changes(
    reader_client, django_assert_max_num_queries
):
    from agencies import services as agency_services
    from meetings import services as meeting_services

    meeting = MeetingFactory(date=timezone.localdate() + datetime.timedelta(days=1))
    organizer = meeting.organizer
    invitation = ParticipationFactory(meeting=meeting, status="invited")
    for day in range(5):
        MeetingFactory(date=timezone.localdate() - datetime.timedelta(days=day + 1))
    url = reverse("meetings:list")
    first = reader_client.get(url).content.decode()
    assert "0 dari 1" in first
    # Every row remembered: no attendance count is read again.
    with django_assert_max_num_queries(10) as queries:
        again = reader_client.get(url).content.decode()
    assert again.count("0 dari 1") == first.count("0 dari 1") == 1
    assert not any('AS "invited"' in q["sql"] for q in queries.captured_queries)
    # A change to the meeting's record, or to its organizer, shows at once.
    meeting_services.participation_set_status(participation=invitation, status="present")
    assert "1 dari 1" in reader_client.get(url).content.decode()
    agency_services.agency_update(agency=organizer, short_name="Kesbangpol Baris Baru")
    assert "Kesbangpol Baris Baru" in reader_client.get(url).content.decode()


def test_institution_rows_follow_what_they_show(operator_client):
    from agencies.models import Agency, Region

    region = Region.objects.filter(kind="kabupaten").first()
    agency = AgencyFactory(name="Dinas Uji Baris", region=region)
    url = reverse("agencies:list")
    assert "Dinas Uji Baris" in operator_client.get(url, {"q": "Uji Baris"}).content.decode()
    # Changes that raise no version (an update in bulk, a new official, a renamed region)
    # still show at once: a row is remembered under every value it shows.
    Agency.objects.filter(pk=agency.pk).update(name="Dinas Uji Baris Baru")
    OfficialFactory(agency=agency)
    Region.objects.filter(pk=region.pk).update(name="Wilayah Berganti Nama")
    page = operator_client.get(url, {"q": "Uji Baris"}).content.decode()
    assert "Dinas Uji Baris Baru" in page
    assert "Wilayah Berganti Nama" in page
    row = page[page.index("Dinas Uji Baris Baru") :]
    assert '<td class="d-none d-lg-table-cell">1</td>' in row[: row.index("</tr>")]


def test_choice_labels_are_the_fields_labels_in_the_readers_language():
    from django.apps import apps
    from django.utils import translation

    checked = 0
    for model in apps.get_models():
        if not hasattr(model, "_get_FIELD_display"):
            continue
        for field in model._meta.concrete_fields:
            if not field.choices:
                continue
            for value, label in field.flatchoices:
                obj = model(**{field.attname: value})
                for language in ("id", "en"):
                    with translation.override(language):
                        assert getattr(obj, f"get_{field.name}_display")() == str(label)
                checked += 1
            unknown = model(**{field.attname: "tidak-dikenal"})
            assert getattr(unknown, f"get_{field.name}_display")() == "tidak-dikenal"
    assert checked > 50


def test_every_model_of_ours_with_choices_reads_its_labels_once():
    from django.apps import apps

    from pilkada_portal.models import ChoiceLabelsMixin

    slow = [
        model.__name__
        for model in apps.get_models()
        if model.__module__.split(".")[0] in {"agencies", "meetings", "briefings", "attendance"}
        and not model.__name__.startswith("Historical")
        and any(field.choices for field in model._meta.concrete_fields)
        and not issubclass(model, ChoiceLabelsMixin)
    ]
    assert slow == []


def test_an_institutions_meetings_follow_what_they_show(operator_client):
    from meetings.models import Meeting, Participation

    invitation = ParticipationFactory(meeting=MeetingFactory(title="Rakor Uji Instansi"))
    url = reverse("agencies:detail", args=[invitation.agency_id])
    assert "Rakor Uji Instansi" in operator_client.get(url).content.decode()
    # Written without a version raised or a page touched: the rows still follow.
    Meeting.objects.filter(pk=invitation.meeting_id).update(title="Rakor Uji Diganti")
    Participation.objects.filter(pk=invitation.pk).update(status="excused")
    page = operator_client.get(url).content.decode()
    assert "Rakor Uji Diganti" in page
    assert "Izin" in page


def test_a_meeting_deleted_while_the_list_renders_has_no_row(reader_client, monkeypatch):
    from meetings.views import pages

    day = timezone.localdate() + datetime.timedelta(days=2)
    MeetingFactory(title="Rapat Tetap", date=day)
    gone = MeetingFactory(title="Rapat Dihapus", date=day)
    render_rows = pages._render_rows

    def deleted_meanwhile(meetings):
        gone.delete()  # another request, after this page read its ids and versions
        return render_rows(meetings)

    monkeypatch.setattr(pages, "_render_rows", deleted_meanwhile)
    page = reader_client.get(reverse("meetings:list"))
    assert page.status_code == 200
    assert "Rapat Tetap" in page.content.decode()
    assert "Rapat Dihapus" not in page.content.decode()


def test_an_invitation_moved_in_the_admin_changes_both_meetings_rows(make_user, reader_client):
    from django.test import Client

    admin = Client()
    admin.force_login(make_user("root", is_superuser=True, is_staff=True))
    day = timezone.localdate() + datetime.timedelta(days=3)
    left = MeetingFactory(title="Rapat Asal", date=day)
    joined = MeetingFactory(title="Rapat Tujuan", date=day)
    invitation = ParticipationFactory(meeting=left, status="present")

    def row(title):
        page = reader_client.get(reverse("meetings:list")).content.decode()
        rest = page[page.index(title) :]
        return rest[: rest.index("</tr>")]

    assert "1 dari 1" in row("Rapat Asal")
    url = reverse("admin:meetings_participation_change", args=[invitation.pk])
    data = {
        "meeting": joined.pk,
        "agency": invitation.agency_id,
        "invitee": "",
        "invitee_position": invitation.invitee_position,
        "status": "present",
        "checked_in_at_0": "",
        "checked_in_at_1": "",
        "note": "",
        "position": 0,
        "_save": "Save",
    }
    assert admin.post(url, data).status_code == 302
    assert "1 dari 1" in row("Rapat Tujuan")
    assert "0 dari 0" in row("Rapat Asal")


def test_a_text_search_is_counted_up_to_ten_pages(reader_client, monkeypatch):
    from meetings.views import pages

    monkeypatch.setattr(pages, "SEARCH_CAP", 20)
    for day in range(25):
        MeetingFactory(
            title=f"Rakor Uji {day}", date=timezone.localdate() - datetime.timedelta(days=day + 1)
        )
    searched = reader_client.get(reverse("meetings:list"), {"q": "Rakor Uji"}).context["past_page"]
    assert searched.paginator.capped
    assert searched.paginator.count == 20
    listed = reader_client.get(reverse("meetings:list")).context["past_page"]
    assert not listed.paginator.capped
    assert listed.paginator.count == 25
