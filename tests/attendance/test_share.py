"""The public agenda by share link: opens without an account, revocable, with an .ics."""

import icalendar
import pytest
from django.test import Client
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from attendance import services
from tests.attendance.factories import AttendeeFactory
from tests.meetings.factories import AgendaItemFactory, MeetingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(settings, tmp_path):
    settings.DOCUMENT_CACHE_DIR = tmp_path / "documents"
    meeting = MeetingFactory(
        title="Rakor Kesiapan Pilkada", venue="Hotel Plaza Inn Kendari", conclusions="Rahasia draf"
    )
    AgendaItemFactory(meeting=meeting, position=1, title="Pemaparan KPU", duration_minutes=30)
    AttendeeFactory(meeting=meeting, name="Nama Peserta Pribadi")
    return meeting


def test_anyone_with_the_link_reads_the_agenda_and_nothing_private(meeting):
    share = services.agenda_share_renew(meeting=meeting)
    response = Client().get(reverse("attendance:agenda", args=[share.token]))
    assert response.status_code == 200
    for shown in (
        "Rakor Kesiapan Pilkada",
        "Hotel Plaza Inn Kendari",
        "Pemaparan KPU",
        "09.00",
        "WITA",
    ):
        assertContains(response, shown)
    assertContains(response, "https://wa.me/?text=")
    assertNotContains(response, "Nama Peserta Pribadi")
    assertNotContains(response, "Rahasia draf")


def test_a_new_link_ends_the_old_one_and_stopping_ends_both(meeting):
    old = services.agenda_share_renew(meeting=meeting).token
    new = services.agenda_share_renew(meeting=meeting).token
    assert Client().get(reverse("attendance:agenda", args=[old])).status_code == 404
    assert Client().get(reverse("attendance:agenda", args=[new])).status_code == 200
    services.agenda_share_revoke(meeting=meeting)
    assert Client().get(reverse("attendance:agenda", args=[new])).status_code == 404


def test_the_calendar_file_carries_the_meetings_time_zone(meeting):
    share = services.agenda_share_renew(meeting=meeting)
    response = Client().get(reverse("attendance:agenda_ics", args=[share.token]))
    calendar = icalendar.Calendar.from_ical(response.content)
    event = calendar.walk("VEVENT")[0]
    assert str(event["SUMMARY"]) == "Rakor Kesiapan Pilkada"
    assert event["DTSTART"].params["TZID"] == "Asia/Makassar"
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Asia/Makassar"]


def test_only_published_documents_are_on_the_link(meeting):
    share = services.agenda_share_renew(meeting=meeting)
    public = Client()
    url = lambda kind: reverse("documents:shared_pdf", args=[share.token, kind])  # noqa: E731
    assert public.get(url("susunan-acara"))["Content-Type"] == "application/pdf"
    assert public.get(url("undangan")).status_code == 404
    assert public.get(url("notula")).status_code == 404
    assert public.get(url("daftar-hadir")).status_code == 404
    services.agenda_share_set(meeting=meeting, publish_invitation=True)
    assert public.get(url("undangan")).status_code == 200


def test_the_operator_makes_and_stops_the_link_from_the_meeting_page(meeting, operator_client):
    page = operator_client.get(meeting.get_absolute_url())
    assertContains(page, 'id="share-create"')
    share_url = reverse("attendance:agenda_share", args=[meeting.pk])
    operator_client.post(share_url, {"action": "renew"})
    meeting.refresh_from_db()
    assertContains(operator_client.get(meeting.get_absolute_url()), meeting.agenda_share.token)
    operator_client.post(share_url, {"action": "revoke"})
    assert (
        not type(meeting)
        .objects.get(pk=meeting.pk)
        .__class__.objects.filter(agenda_share__isnull=False)
        .exists()
    )


def test_the_invitation_carries_the_share_link_and_its_qr_code(meeting, operator_client):
    import io

    from pypdf import PdfReader

    share = services.agenda_share_renew(meeting=meeting)
    response = operator_client.get(reverse("documents:pdf", args=[meeting.pk, "undangan"]))
    text = " ".join(
        "".join(
            page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages
        ).split()
    )
    assert "memindai kode ini" in text
    assert share.token[:10] in text.replace(" ", "")
    preview = operator_client.get(reverse("documents:preview", args=[meeting.pk, "undangan"]))
    assert b"share-box-qr" in preview.content


def test_dress_code_and_contact_person_reach_the_attendee(meeting, operator_client):
    import io

    from pypdf import PdfReader

    from meetings import services as meeting_services

    meeting_services.meeting_update(
        meeting=meeting,
        dress_code="Pakaian Dinas Harian (PDH)",
        contact_name="Wa Ode Contoh",
        contact_phone="0812-3456-7890",
    )
    share = services.agenda_share_renew(meeting=meeting)
    response = Client().get(reverse("attendance:agenda", args=[share.token]))
    assertContains(response, "Pakaian Dinas Harian (PDH)")
    assertContains(response, "Wa Ode Contoh")
    assertContains(response, 'href="tel:+6281234567890"')
    assertContains(response, 'href="https://wa.me/6281234567890"')
    ics = Client().get(reverse("attendance:agenda_ics", args=[share.token])).content
    description = str(icalendar.Calendar.from_ical(ics).walk("VEVENT")[0]["DESCRIPTION"])
    assert "Pakaian: Pakaian Dinas Harian (PDH)" in description
    assert "Narahubung: Wa Ode Contoh 0812-3456-7890" in description
    pdf = operator_client.get(reverse("documents:pdf", args=[meeting.pk, "undangan"])).content
    text = " ".join(
        "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages).split()
    )
    assert "pakaian : Pakaian Dinas Harian (PDH)" in text
    assert "menghubungi Wa Ode Contoh (0812-3456-7890)" in text


def test_a_contact_phone_that_is_not_a_number_is_refused_next_to_the_field(
    meeting, operator_client
):
    response = operator_client.get(reverse("meetings:update", args=[meeting.pk]))
    form = response.context["form"]
    data = {
        name: value
        for name, value in form.initial.items()
        if value is not None and not hasattr(value, "pk")
    }
    data.update(
        {
            "version": meeting.version,
            "organizer": meeting.organizer_id,
            "date": "2024-11-12",
            "start_time": "09:00",
            "contact_phone": "call me maybe",
        }
    )
    response = operator_client.post(reverse("meetings:update", args=[meeting.pk]), data)
    assert response.status_code == 200
    assert "contact_phone" in response.context["form"].errors
    meeting.refresh_from_db()
    assert meeting.contact_phone == ""
