"""Hardening found by the final-record probe: caching headers, readiness, the PDF cache,
draft texts kept from attendees and liaisons, passwords."""

import logging

import pytest
from django.core import mail
from django.db import DatabaseError
from django.test import Client
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from accounts.roles import Role
from documents import pdf
from minutes import services as minutes_services
from tests.agencies.factories import AgencyFactory
from tests.briefings.factories import BriefingFactory
from tests.meetings.factories import MeetingFactory, ParticipationFactory, complete_record

pytestmark = pytest.mark.django_db


def test_signed_in_pages_and_documents_are_not_cached(operator_client):
    meeting = MeetingFactory()
    for url in (
        reverse("meetings:detail", args=[meeting.pk]),
        reverse("documents:preview", args=[meeting.pk, "susunan-acara"]),
    ):
        cache_control = operator_client.get(url)["Cache-Control"]
        assert "private" in cache_control
        assert "no-store" in cache_control


def test_readiness_checks_the_database(client, monkeypatch):
    assert client.get(reverse("readyz")).status_code == 200
    assert client.get(reverse("healthz")).status_code == 200

    class Broken:
        def cursor(self):
            raise DatabaseError("down")

    monkeypatch.setattr("pilkada_portal.views.connection", Broken())
    response = client.get(reverse("readyz"))
    assert response.status_code == 503
    assert b"database" in response.content


def test_a_failed_cache_write_leaves_no_partial_file_and_logs_one_line(
    settings, tmp_path, monkeypatch, caplog
):
    settings.DOCUMENT_CACHE_DIR = tmp_path / "documents"
    monkeypatch.setattr(pdf, "render_pdf", lambda html: b"%PDF-1.7 test")

    def refuse(self, target):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("pathlib.Path.replace", refuse)
    with caplog.at_level(logging.WARNING, logger="pilkada_portal.documents"):
        assert pdf.cached_pdf("<p>uji</p>") == b"%PDF-1.7 test"
    assert list(tmp_path.rglob("*.tmp")) == []
    records = [r for r in caplog.records if r.name == "pilkada_portal.documents"]
    assert len(records) == 1
    assert records[0].exc_info is None
    assert "No space left" in records[0].getMessage()


@pytest.fixture
def shared_meeting(attendee_for, make_user):
    own, other = AgencyFactory(), AgencyFactory()
    meeting = MeetingFactory(conclusions="Kesimpulan rahasia draf")
    ParticipationFactory(meeting=meeting, agency=own)
    ParticipationFactory(meeting=meeting, agency=other)
    draft = BriefingFactory(meeting=meeting, agency=other, topic="Topik draf lain", status="draft")
    submitted = BriefingFactory(
        meeting=meeting, agency=own, topic="Topik diajukan", status="submitted"
    )
    return meeting, own, draft, submitted


def test_attendees_read_the_minutes_only_once_final(shared_meeting, attendee_for, make_user):
    meeting, own, _draft, _submitted = shared_meeting
    attendee = attendee_for(own)
    url = reverse("meetings:detail", args=[meeting.pk])
    assertNotContains(attendee.get(url), "Kesimpulan rahasia draf")
    complete_record(meeting)
    minutes_services.minutes_submit(meeting=meeting, user=make_user("n", Role.NOTULIS))
    minutes_services.minutes_approve(
        meeting=meeting, user=make_user("p", Role.PIMPINAN), verify_url="http://x/{code}/"
    )
    assertContains(attendee.get(url), "Kesimpulan rahasia draf")


def test_liaisons_do_not_read_another_institutions_draft_briefing(shared_meeting, attendee_for):
    meeting, own, draft, submitted = shared_meeting
    liaison = attendee_for(own, Role.LIAISON, "liaison")
    page = liaison.get(reverse("meetings:detail", args=[meeting.pk]))
    assertNotContains(page, "Topik draf lain")
    assertContains(page, "Topik diajukan")
    assert liaison.get(reverse("briefings:detail", args=[meeting.pk, draft.pk])).status_code == 404
    assert (
        liaison.get(reverse("briefings:detail", args=[meeting.pk, submitted.pk])).status_code == 200
    )


def test_staff_read_every_briefing(shared_meeting, operator_client):
    meeting, _own, _draft, _submitted = shared_meeting
    assertContains(
        operator_client.get(reverse("meetings:detail", args=[meeting.pk])), "Topik draf lain"
    )


def test_users_change_their_own_password_of_at_least_twelve_characters(make_user):
    user = make_user("kpu", Role.PESERTA)
    client = Client()
    client.force_login(user)
    url = reverse("password_change")
    page = client.get(url)
    assertContains(page, "Ganti kata sandi")
    short = {"old_password": "x", "new_password1": "Pendek-123", "new_password2": "Pendek-123"}
    response = client.post(url, short)
    assert response.status_code == 200
    assert "new_password2" in response.context["form"].errors
    good = "Rakor-Konut-2024!"
    response = client.post(url, {"old_password": "x", "new_password1": good, "new_password2": good})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password(good)


def test_an_administrator_sends_a_reset_link_when_mail_is_configured(make_user, settings):
    admin = make_user("admin", is_superuser=True, is_staff=True)
    account = make_user("kpu", Role.PESERTA, email="kpu@example.org")
    client = Client()
    client.force_login(admin)
    url = reverse("accounts:password_reset_send", args=[account.pk])
    settings.EMAIL_HOST = ""
    response = client.post(url, follow=True)
    assertContains(response, "kata sandi sementara")
    assert mail.outbox == []
    settings.EMAIL_HOST = "smtp.example.org"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    client.post(url)
    assert len(mail.outbox) == 1
    link = next(line for line in mail.outbox[0].body.splitlines() if "/accounts/reset/" in line)
    page = Client().get(link.split("testserver", 1)[1], follow=True)
    assertContains(page, "Tetapkan kata sandi baru")
