"""The minutes lifecycle, read-only final records and verifiable final documents."""

import hashlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from pytest_django.asserts import assertContains

from accounts.roles import Role
from briefings import services as briefing_services
from meetings import services
from meetings.models import MinutesEvent, MinutesStatus
from minutes import services as workflow
from tests.briefings.factories import BriefingFactory
from tests.documents.conftest import pdf_text
from tests.meetings.factories import (
    AgendaItemFactory,
    FollowUpFactory,
    MeetingFactory,
    ParticipationFactory,
    complete_record,
)

pytestmark = pytest.mark.django_db
URL = "http://testserver/verifikasi/{code}/"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.DOCUMENT_CACHE_DIR = tmp_path / "documents"


@pytest.fixture
def people(make_user):
    return {
        "notulis": make_user("notulis", Role.NOTULIS),
        "pimpinan": make_user("pimpinan", Role.PIMPINAN),
        "operator": make_user("operator", Role.OPERATOR),
    }


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _final(meeting, people):
    complete_record(meeting)
    workflow.minutes_submit(meeting=meeting, user=people["notulis"])
    return workflow.minutes_approve(meeting=meeting, user=people["pimpinan"], verify_url=URL)


class TestLifecycle:
    def test_draft_review_returned_with_comment_then_final(self, people):
        meeting = MeetingFactory()
        workflow.minutes_submit(meeting=meeting, user=people["notulis"])
        with pytest.raises(ValidationError):
            workflow.minutes_return(meeting=meeting, user=people["pimpinan"], comment="  ")
        workflow.minutes_return(
            meeting=meeting, user=people["pimpinan"], comment="Lengkapi kesimpulan"
        )
        meeting.refresh_from_db()
        assert meeting.minutes_status == MinutesStatus.DRAFT
        assert meeting.minutes_events.get(action="returned").comment == "Lengkapi kesimpulan"
        revision = _final(meeting, people)
        meeting.refresh_from_db()
        assert meeting.minutes_status == MinutesStatus.FINAL
        assert revision.number == 1
        assert revision.sha256 == hashlib.sha256(revision.pdf.read()).hexdigest()

    def test_steps_out_of_order_are_refused(self, people):
        meeting = MeetingFactory()
        with pytest.raises(ValidationError):
            workflow.minutes_approve(meeting=meeting, user=people["pimpinan"], verify_url=URL)
        with pytest.raises(ValidationError):
            workflow.minutes_reopen(meeting=meeting, user=people["notulis"], reason="x")

    def test_correction_is_a_new_numbered_revision_and_the_old_stays(self, people):
        meeting = MeetingFactory(conclusions="Lama")
        first = _final(meeting, people)
        workflow.minutes_reopen(meeting=meeting, user=people["notulis"], reason="Salah ketik nama")
        services.meeting_minutes_save(meeting=meeting, opening_remarks="", conclusions="Baru")
        second = _final(meeting, people)
        assert (second.number, second.reason) == (2, "Salah ketik nama")
        assert first.sha256 != second.sha256
        assert first.pdf.storage.exists(first.pdf.name)

    def test_final_pdf_carries_the_code_and_verification_address(self, people):
        meeting = MeetingFactory()
        revision = _final(meeting, people)
        text = pdf_text(revision.pdf.read())
        assert revision.code in text
        assert "NOTULA FINAL – REVISI 1" in text
        assert f"verifikasi/{revision.code}" in text


class TestFinalIsReadOnly:
    def test_every_service_refuses_to_change_a_final_record(self, people):
        meeting = MeetingFactory()
        item = AgendaItemFactory(meeting=meeting)
        participation = ParticipationFactory(meeting=meeting, status="invited")
        follow_up = FollowUpFactory(meeting=meeting)
        briefing = BriefingFactory(meeting=meeting, agency=participation.agency)
        _final(meeting, people)
        attempts = [
            lambda: services.meeting_update(meeting=meeting, venue="X"),
            lambda: services.meeting_minutes_save(
                meeting=meeting, opening_remarks="X", conclusions=""
            ),
            lambda: services.meeting_delete(meeting=meeting),
            lambda: services.agenda_item_create(meeting=meeting, title="X", kind="closing"),
            lambda: services.agenda_item_update(item=item, title="X"),
            lambda: services.agenda_item_delete(item=item),
            lambda: services.agenda_item_move(item=item, offset=1),
            lambda: services.participation_set_status(
                participation=participation, status="present"
            ),
            lambda: services.participation_remove(participation=participation),
            lambda: services.follow_up_create(meeting=meeting, text="X"),
            lambda: services.follow_up_update(follow_up=follow_up, text="X"),
            lambda: services.follow_up_delete(follow_up=follow_up),
            lambda: briefing_services.briefing_delete(briefing=briefing),
        ]
        for attempt in attempts:
            with pytest.raises(ValidationError) as excinfo:
                attempt()
            assert excinfo.value.code == "final"

    def test_follow_up_progress_may_still_change(self, people):
        meeting = MeetingFactory()
        follow_up = FollowUpFactory(meeting=meeting, status="open")
        _final(meeting, people)
        services.follow_up_update(follow_up=follow_up, status="done", text=follow_up.text)
        follow_up.refresh_from_db()
        assert follow_up.status == "done"

    def test_crafted_posts_change_nothing(self, people):
        meeting = MeetingFactory(venue="Asli", conclusions="Asli")
        participation = ParticipationFactory(meeting=meeting, status="excused")
        _final(meeting, people)
        operator, notulis = _client(people["operator"]), _client(people["notulis"])
        operator.post(
            reverse("attendance:invitation_status", args=[meeting.pk, participation.pk]),
            {"status": "present"},
        )
        notulis.post(
            reverse("meetings:minutes", args=[meeting.pk]),
            {
                "minutes-opening_remarks": "",
                "minutes-conclusions": "Diubah",
                "minutes-version": meeting.version + 5,
            },
        )
        operator.post(
            reverse("meetings:agenda_add", args=[meeting.pk]),
            {"new-title": "X", "new-kind": "closing"},
        )
        operator.post(reverse("meetings:delete", args=[meeting.pk]))
        meeting.refresh_from_db()
        participation.refresh_from_db()
        assert (meeting.venue, meeting.conclusions, participation.status) == (
            "Asli",
            "Asli",
            "excused",
        )
        assert not meeting.agenda_items.exists()


class TestViews:
    def test_roles_drive_the_buttons(self, people):
        meeting = complete_record(MeetingFactory())
        notulis, pimpinan = _client(people["notulis"]), _client(people["pimpinan"])
        assert (
            pimpinan.post(reverse("minutes:action", args=[meeting.pk, "submit"])).status_code == 403
        )
        notulis.post(reverse("minutes:action", args=[meeting.pk, "submit"]))
        assert (
            notulis.post(reverse("minutes:action", args=[meeting.pk, "approve"])).status_code == 403
        )
        response = pimpinan.post(
            reverse("minutes:action", args=[meeting.pk, "return"]),
            {"comment": ""},
            follow=True,
        )
        assert any(m.level_tag == "error" for m in response.context["messages"])
        pimpinan.post(reverse("minutes:action", args=[meeting.pk, "approve"]))
        meeting.refresh_from_db()
        assert meeting.minutes_status == MinutesStatus.FINAL
        assert MinutesEvent.objects.filter(meeting=meeting).count() == 2

    def test_public_verification_of_genuine_and_altered_files(self, people):
        meeting = MeetingFactory()
        revision = _final(meeting, people)
        public = Client()
        response = public.get(reverse("minutes:verify_detail", args=[revision.code]))
        assertContains(response, revision.sha256)
        assertContains(response, meeting.title)
        genuine = revision.pdf.read()
        response = public.post(
            reverse("minutes:verify_detail", args=[revision.code]),
            {"document": SimpleUploadedFile("n.pdf", genuine, "application/pdf")},
        )
        assert response.context["result"]["genuine"] is True
        altered = genuine.replace(b"%%EOF", b"%%EOF\n% diubah")
        response = public.post(
            reverse("minutes:verify_detail", args=[revision.code]),
            {"document": SimpleUploadedFile("n.pdf", altered, "application/pdf")},
        )
        assert response.context["result"]["genuine"] is False
        response = public.post(
            reverse("minutes:verify_detail", args=[revision.code]),
            {"document": SimpleUploadedFile("n.txt", b"bukan pdf", "text/plain")},
        )
        assert "document" in response.context["form"].errors
        assert (
            public.get(reverse("minutes:verify"), {"code": revision.code.lower()}).status_code
            == 302
        )
        assert public.get(reverse("minutes:verify_detail", args=["TIDAK-ADA"])).status_code == 404

    def test_final_notula_download_is_the_stored_file(self, people):
        meeting = MeetingFactory()
        revision = _final(meeting, people)
        client = _client(people["operator"])
        response = client.get(reverse("documents:pdf", args=[meeting.pk, "notula"]))
        assert b"".join(response.streaming_content) == revision.pdf.open("rb").read()
