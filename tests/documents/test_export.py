"""Annex rule, page counts by size, the content cache and the preview/PDF views."""

import pytest
from django.urls import reverse

from bench.generate import generate_meeting
from documents import data, pdf
from documents.render import document_export
from tests.agencies.factories import AgencyFactory, home_organizer
from tests.documents.conftest import pdf_pages, pdf_text
from tests.meetings.factories import MeetingFactory, ParticipationFactory

pytestmark = pytest.mark.django_db


def _meeting_with_invitees(count: int):
    meeting = MeetingFactory()
    for i in range(count):
        ParticipationFactory(
            meeting=meeting, agency=AgencyFactory(), invitee_position=f"Kepala Dinas {i + 1}"
        )
    return meeting


def test_a_handful_of_invitees_are_addressed_in_the_letter():
    meeting = _meeting_with_invitees(data.INVITATION_ANNEX_THRESHOLD)
    exported = document_export(meeting, "undangan")
    text = pdf_text(exported.content)
    assert "Lampiran : -" in text
    assert "DAFTAR UNDANGAN" not in text
    assert "Kepala Dinas 5" in text
    assert pdf_pages(exported.content) == 1


def test_more_invitees_move_to_an_annex():
    meeting = _meeting_with_invitees(data.INVITATION_ANNEX_THRESHOLD + 1)
    exported = document_export(meeting, "undangan")
    text = pdf_text(exported.content)
    assert "Lampiran : 1 (satu) berkas" in text
    assert "Para Undangan (daftar terlampir)" in text
    assert "DAFTAR UNDANGAN" in text
    assert text.index("DAFTAR UNDANGAN") < text.index("Kepala Dinas 6")
    assert pdf_pages(exported.content) == 2


@pytest.mark.parametrize(
    ("participants", "items", "briefings", "notula_pages", "attendance_pages"),
    [(20, 6, 6, (3, 12), (1, 4)), (500, 40, 40, (40, 140), (30, 80))],
)
def test_page_counts_grow_sanely_with_the_meeting(
    participants, items, briefings, notula_pages, attendance_pages
):
    meeting = generate_meeting(
        participants=participants,
        agenda_items=items,
        briefings=briefings,
        organizer=home_organizer(),
    )
    notula = pdf_pages(document_export(meeting, "notula").content)
    attendance = pdf_pages(document_export(meeting, "daftar-hadir").content)
    assert notula_pages[0] <= notula <= notula_pages[1]
    assert attendance_pages[0] <= attendance <= attendance_pages[1]


def test_an_unchanged_document_is_not_rendered_again(monkeypatch):
    meeting = _meeting_with_invitees(2)
    first = document_export(meeting, "notula").content
    calls = []
    monkeypatch.setattr(pdf, "render_pdf", lambda html: calls.append(html) or b"%PDF-new")
    assert document_export(meeting, "notula").content == first
    assert calls == []
    meeting.conclusions = "Keputusan baru"
    meeting.save()
    assert document_export(meeting, "notula").content == b"%PDF-new"
    assert len(calls) == 1


class TestViews:
    def test_staff_get_preview_and_pdf_of_every_document(self, operator_client):
        meeting = _meeting_with_invitees(2)
        for kind in ("notula", "daftar-hadir", "undangan", "susunan-acara"):
            preview = operator_client.get(reverse("documents:preview", args=[meeting.pk, kind]))
            assert preview.status_code == 200
            assert b"Unduh PDF" in preview.content
            response = operator_client.get(reverse("documents:pdf", args=[meeting.pk, kind]))
            assert response.status_code == 200
            assert response["Content-Type"] == "application/pdf"
            assert response["Content-Disposition"].startswith("attachment; filename=")
            assert response.content.startswith(b"%PDF")

    def test_attendees_get_the_agenda_only(self, attendee_for):
        meeting = _meeting_with_invitees(1)
        peserta_client = attendee_for(meeting.participations.get().agency)
        url = reverse("documents:preview", args=[meeting.pk, "susunan-acara"])
        assert peserta_client.get(url).status_code == 200
        for kind in ("notula", "daftar-hadir", "undangan"):
            assert (
                peserta_client.get(
                    reverse("documents:preview", args=[meeting.pk, kind])
                ).status_code
                == 403
            )
            assert (
                peserta_client.get(reverse("documents:pdf", args=[meeting.pk, kind])).status_code
                == 403
            )

    def test_attendees_of_other_institutions_see_nothing(self, attendee_for):
        meeting = _meeting_with_invitees(1)
        outsider = attendee_for(AgencyFactory())
        url = reverse("documents:preview", args=[meeting.pk, "susunan-acara"])
        assert outsider.get(url).status_code == 404

    def test_anonymous_visitors_are_sent_to_login(self, client):
        meeting = MeetingFactory()
        response = client.get(reverse("documents:pdf", args=[meeting.pk, "susunan-acara"]))
        assert response.status_code == 302

    def test_unknown_document_or_meeting_is_404(self, operator_client):
        meeting = MeetingFactory()
        assert (
            operator_client.get(
                reverse("documents:preview", args=[meeting.pk, "rahasia"])
            ).status_code
            == 404
        )
        assert (
            operator_client.get(reverse("documents:pdf", args=[999999, "notula"])).status_code
            == 404
        )

    def test_pdf_query_count_does_not_grow(self, operator_client, django_assert_max_num_queries):
        meeting = generate_meeting(
            participants=30, agenda_items=10, briefings=10, organizer=home_organizer()
        )
        # +1 since attendance is per person: the people checked in, read once; +2 for the
        # tenancy rule: the profile with its institution and the institutions under it; +1
        # for the follow-ups of earlier meetings of the series, +1 for the briefings'
        # attachments (named as lampiran).
        with django_assert_max_num_queries(17):
            response = operator_client.get(reverse("documents:pdf", args=[meeting.pk, "notula"]))
        assert response.status_code == 200
