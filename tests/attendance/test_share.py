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
