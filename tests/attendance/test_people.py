"""The operator's list of people present, and the Daftar Hadir made from it."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from attendance import services
from attendance.models import Attendee
from documents.render import document_export
from tests.agencies.factories import AgencyFactory, OfficialFactory
from tests.attendance.factories import signature_png
from tests.meetings.factories import MeetingFactory, ParticipationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _storage(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.DOCUMENT_CACHE_DIR = tmp_path / "documents"


@pytest.fixture
def meeting():
    meeting = MeetingFactory()
    dprd = AgencyFactory(name="Dewan Perwakilan Rakyat Daerah", short_name="DPRD")
    ParticipationFactory(
        meeting=meeting,
        agency=dprd,
        invitee=OfficialFactory(agency=dprd, name="H. Ketua", position="Ketua DPRD"),
        invitee_position="",
        status="invited",
    )
    desa = AgencyFactory(name="Pemerintah Desa Asera", short_name="Desa Asera")
    ParticipationFactory(
        meeting=meeting, agency=desa, invitee_position="Kepala Desa", status="invited"
    )
    polres = AgencyFactory(name="Kepolisian Resor Konawe Utara", short_name="Polres")
    ParticipationFactory(meeting=meeting, agency=polres, status="excused", note="Tugas luar")
    return meeting


def test_several_people_per_invitation_and_a_representative(meeting):
    dprd = meeting.participations.get(agency__short_name="DPRD")
    desa = meeting.participations.get(agency__short_name="Desa Asera")
    services.attendee_add(
        meeting=meeting,
        name="Drs. Wakil",
        position="Wakil Ketua II",
        participation=dprd,
        on_behalf=True,
    )
    for name in ("La Ode Kades", "Staf Desa"):
        services.attendee_add(
            meeting=meeting, name=name, position="Kepala Desa", participation=desa
        )
    services.attendee_add(meeting=meeting, name="Tamu", institution_name="Dinas Kominfo")
    dprd.refresh_from_db()
    desa.refresh_from_db()
    assert (dprd.status, dprd.representative_name) == ("represented", "Drs. Wakil")
    assert desa.status == "present"
    assert meeting.attendees.count() == 4


def test_the_operator_adds_corrects_and_removes_a_person(meeting, operator_client):
    desa = meeting.participations.get(agency__short_name="Desa Asera")
    url = reverse("attendance:people", args=[meeting.pk])
    assert operator_client.get(url).status_code == 200
    response = operator_client.post(
        url,
        {
            "person-name": "La Ode Kades",
            "person-position": "Kepala Desa",
            "person-participation": desa.pk,
        },
    )
    assert response.status_code == 302
    person = Attendee.objects.get()
    edit = reverse("attendance:attendee_update", args=[meeting.pk, person.pk])
    operator_client.post(
        edit,
        {
            "name": "La Ode Kades, S.IP",
            "position": "Kepala Desa",
            "participation": desa.pk,
            "version": 1,
        },
    )
    person.refresh_from_db()
    assert person.name == "La Ode Kades, S.IP"
    operator_client.post(reverse("attendance:attendee_remove", args=[meeting.pk, person.pk]))
    assert not Attendee.objects.exists()
    desa.refresh_from_db()
    assert desa.status == "invited"
    # The history keeps that the entry existed.
    assert Attendee.history.filter(id=person.pk, history_type="-").exists()


def test_the_daftar_hadir_has_one_row_per_person_with_the_signature(meeting):
    desa = meeting.participations.get(agency__short_name="Desa Asera")
    for name in ("La Ode Kades", "Staf Desa", "Sekdes"):
        services.attendee_add(
            meeting=meeting,
            name=name,
            position="Perangkat Desa",
            participation=desa,
            signature_png=signature_png(),
        )
    exported = document_export(meeting, "daftar-hadir")
    reader = PdfReader(io.BytesIO(exported.content))
    text = "".join(page.extract_text() for page in reader.pages)
    for name in ("La Ode Kades", "Staf Desa", "Sekdes"):
        assert name in text
    assert sum(len(page.images) for page in reader.pages) == 3
    # The invitations nobody came for keep their status.
    assert "Izin; Tugas luar" in text
    assert "Tidak hadir" in text


def test_a_blank_sheet_has_the_rows_asked_for(meeting):
    exported = document_export(meeting, "daftar-hadir", blank=True, blank_rows=40)
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(exported.content)).pages)
    assert "40." in text
    assert "41." not in text


def test_signatures_are_for_the_secretariat_only(meeting, operator_client, attendee_for):
    desa = meeting.participations.get(agency__short_name="Desa Asera")
    person = services.attendee_add(
        meeting=meeting, name="Kades", participation=desa, signature_png=signature_png()
    )
    url = reverse("attendance:signature", args=[meeting.pk, person.pk])
    assert operator_client.get(url)["Content-Type"] == "image/png"
    assert attendee_for(desa.agency).get(url).status_code == 404
    assert not str(person.signature.path).startswith(str(meeting.pk))


def test_a_person_checked_in_is_chosen_as_speaker_and_named_in_the_notula(meeting, notulis_client):
    from meetings import services as meeting_services
    from tests.meetings.factories import AgendaItemFactory

    dprd = meeting.participations.get(agency__short_name="DPRD")
    person = services.attendee_add(
        meeting=meeting,
        name="Drs. Wakil Ketua",
        position="Wakil Ketua II DPRD",
        participation=dprd,
        on_behalf=True,
    )
    assert person.official.agency == dprd.agency
    item = AgendaItemFactory(meeting=meeting, position=1, title="Diskusi", kind="discussion")
    page = notulis_client.get(reverse("meetings:minutes", args=[meeting.pk]))
    assert "Drs. Wakil Ketua" in page.content.decode()
    meeting_services.meeting_minutes_save(
        meeting=meeting,
        opening_remarks="",
        conclusions="",
        items=[(item, "Tanggapan DPRD", [person.official])],
    )
    text = "".join(
        p.extract_text()
        for p in PdfReader(io.BytesIO(document_export(meeting, "notula").content)).pages
    )
    text = " ".join(text.split())
    assert "Yang berbicara: Drs. Wakil Ketua (Wakil Ketua II DPRD, DPRD)" in text
    # Typed once: checking in again under the same name finds the same official.
    again = services.attendee_add(
        meeting=meeting, name="Drs. Wakil Ketua", position="Wakil Ketua II DPRD", participation=dprd
    )
    assert again.official == person.official
