"""The operator's list of people present, and the Daftar Hadir made from it."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader
from pytest_django.asserts import assertContains, assertNotContains

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
    assert dprd.status == "represented"
    assert [(a.name, a.on_behalf) for a in dprd.attendees.all()] == [("Drs. Wakil", True)]
    assert desa.status == "present"
    assert meeting.attendees.count() == 4


@pytest.mark.parametrize(
    ("before", "arrivals", "after"),
    [
        # Marked present by hand (nobody named yet), then only a stand-in comes: represented.
        ("present", [True], "represented"),
        # A stand-in, then the official in person: present; then another stand-in: present.
        ("invited", [True, False, True], "present"),
        # Stand-ins only: represented, however many.
        ("invited", [True, True], "represented"),
        ("invited", [False, False], "present"),
    ],
)
def test_an_invitation_follows_the_people_who_arrive(meeting, before, arrivals, after):
    desa = meeting.participations.get(agency__short_name="Desa Asera")
    if before != "invited":
        services.invitation_set_status(participation=desa, status=before)
    for index, on_behalf in enumerate(arrivals):
        services.attendee_add(
            meeting=meeting,
            name=f"Orang {index}",
            position="Staf",
            participation=desa,
            on_behalf=on_behalf,
        )
        desa.refresh_from_db()
        assert desa.checked_in_at is not None
    assert desa.status == after
    assert desa.note == ""


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


def test_a_person_checked_in_is_chosen_as_speaker_and_named_in_the_notula(
    meeting, notulis_client, django_capture_on_commit_callbacks
):
    from meetings import services as meeting_services
    from tests.meetings.factories import AgendaItemFactory

    dprd = meeting.participations.get(agency__short_name="DPRD")
    # After the commit, the registry pass (a task; the tests' backend runs it at once).
    with django_capture_on_commit_callbacks(execute=True):
        person = services.attendee_add(
            meeting=meeting,
            name="Drs. Wakil Ketua",
            position="Wakil Ketua II DPRD",
            participation=dprd,
            on_behalf=True,
        )
    person.refresh_from_db()
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
    # Institutions by their full names in official text.
    assert (
        "Yang berbicara: Drs. Wakil Ketua (Wakil Ketua II DPRD, Dewan Perwakilan Rakyat Daerah)"
        in text
    )
    # Typed once: checking in again under the same name finds the same official.
    with django_capture_on_commit_callbacks(execute=True):
        again = services.attendee_add(
            meeting=meeting,
            name="Drs. Wakil Ketua",
            position="Wakil Ketua II DPRD",
            participation=dprd,
        )
    again.refresh_from_db()
    assert again.official == person.official


def test_the_registry_pass_links_people_once_and_leaves_a_final_record(meeting):
    from agencies.models import Official
    from meetings.models import Meeting

    dprd = meeting.participations.get(agency__short_name="DPRD")
    desa = meeting.participations.get(agency__short_name="Desa Asera")
    # At the door nobody waits for the registry: the person is stored without the link.
    first = services.attendee_add(
        meeting=meeting, name="Ir. Sulaiman", position="Anggota DPRD", participation=dprd
    )
    same = services.attendee_add(
        meeting=meeting, name="IR. SULAIMAN", position="Anggota DPRD", participation=dprd
    )
    no_position = services.attendee_add(meeting=meeting, name="Tanpa Jabatan", participation=desa)
    walk_in = services.attendee_add(
        meeting=meeting, name="Tamu", position="Ketua", institution_name="LSM Pemantau"
    )
    assert first.official_id is None
    officials = Official.objects.count()
    # One pass: one official for one name (any case), nobody without an institution or a
    # position; a second pass adds nothing.
    assert services.attendees_register(meeting_id=meeting.pk) == 2
    assert Official.objects.count() == officials + 1
    first.refresh_from_db(), same.refresh_from_db()
    assert first.official == same.official
    assert (first.official.agency, first.official.position) == (dprd.agency, "Anggota DPRD")
    no_position.refresh_from_db(), walk_in.refresh_from_db()
    assert no_position.official_id is None
    assert walk_in.official_id is None
    assert services.attendees_register(meeting_id=meeting.pk) == 0
    # A correction to another name unlinks, and the next pass links the new name.
    services.attendee_update(attendee=first, name="Ir. Sulaiman, M.T.")
    assert first.official_id is None
    assert services.attendees_register(meeting_id=meeting.pk) == 1
    # A final record is left as it is.
    late = services.attendee_add(
        meeting=meeting, name="Datang Telat", position="Staf", participation=desa
    )
    Meeting.objects.filter(pk=meeting.pk).update(minutes_status="final")
    assert services.attendees_register(meeting_id=meeting.pk) == 0
    late.refresh_from_db()
    assert late.official_id is None
    assert services.attendees_register(meeting_id=0) == 0


def test_a_check_in_queues_one_registry_pass_for_a_burst(
    meeting, settings, django_capture_on_commit_callbacks, monkeypatch
):
    import datetime

    from django.utils import timezone
    from django_tasks import task_backends

    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend", "QUEUES": []}
    }
    queued = task_backends["default"]
    queued.clear()
    dprd = meeting.participations.get(agency__short_name="DPRD")
    start = timezone.now()
    with django_capture_on_commit_callbacks(execute=True):
        for number in range(3):
            services.attendee_add(
                meeting=meeting, name=f"Staf {number}", position="Staf", participation=dprd
            )
    assert [result.args for result in queued.results] == [[meeting.pk]]
    # It runs when the burst's window has ended, after every check-in of the window.
    run_after = queued.results[0].task.run_after
    assert (
        start
        < run_after
        <= timezone.now() + datetime.timedelta(seconds=services.REGISTRY_DELAY_SECONDS)
    )
    # A check-in of the next window queues the next pass, without anything to delete in
    # this process's cache (the pass runs in a worker, whose cache is its own).
    later = timezone.now() + datetime.timedelta(seconds=services.REGISTRY_DELAY_SECONDS + 1)
    monkeypatch.setattr("pilkada_portal.tasks.timezone.now", lambda: later)
    with django_capture_on_commit_callbacks(execute=True):
        services.attendee_add(meeting=meeting, name="Staf 9", position="Staf", participation=dprd)
    assert len(queued.results) == 2
    assert services.register_attendees.call(meeting.pk) == 4


HTMX = {"HTTP_HX_REQUEST": "true"}


def test_the_screen_lists_invitations_by_kind_with_people_and_counts(meeting, operator_client):
    desa = meeting.participations.get(agency__short_name="Desa Asera")
    services.attendee_add(meeting=meeting, name="La Ode Kades", participation=desa)
    response = operator_client.get(reverse("attendance:people", args=[meeting.pk]))
    assert response.status_code == 200
    rows = [row for group in response.context["groups"] for row in group.rows]
    assert len(rows) == 3
    assert [p.name for p in next(r for r in rows if r.participation == desa).people] == [
        "La Ode Kades"
    ]
    counts = response.context["counts"]
    assert (counts["persons"], counts["institutions"], counts["invited"]) == (1, 1, 3)
    assert (counts["excused"], counts["waiting"]) == (1, 1)
    # Taps only for invitations nobody came for; no free-text "represented by" fields.
    assert f'id="invitation-{desa.pk}-excused"' not in response.content.decode()
    assertContains(response, "Tugas luar")
    assertNotContains(response, "representative_name")


def test_add_a_person_of_an_invitation_opens_the_form_with_it_chosen(meeting, operator_client):
    desa = meeting.participations.get(agency__short_name="Desa Asera")
    response = operator_client.get(
        reverse("attendance:people", args=[meeting.pk]), {"undangan": str(desa.pk)}
    )
    assertContains(response, f'<option value="{desa.pk}" selected>')


def test_one_tap_marks_an_invitation_excused_with_its_reason(meeting, operator_client):
    desa = meeting.participations.get(agency__short_name="Desa Asera")
    url = reverse("attendance:invitation_status", args=[meeting.pk, desa.pk])
    response = operator_client.post(url, {"status": "excused", "note": "Sakit"}, **HTMX)
    assert response.status_code == 200
    assertContains(response, 'hx-swap-oob="true"')
    desa.refresh_from_db()
    assert (desa.status, desa.note) == ("excused", "Sakit")


def test_represented_is_not_a_tap_but_a_person_standing_in(meeting, operator_client):
    desa = meeting.participations.get(agency__short_name="Desa Asera")
    url = reverse("attendance:invitation_status", args=[meeting.pk, desa.pk])
    response = operator_client.post(url, {"status": "represented"}, **HTMX)
    assert response.context["status_form"].errors["status"]
    desa.refresh_from_db()
    assert desa.status == "invited"


def test_an_invitation_with_people_cannot_be_marked_absent(meeting, operator_client):
    desa = meeting.participations.get(agency__short_name="Desa Asera")
    services.attendee_add(meeting=meeting, name="La Ode Kades", participation=desa)
    url = reverse("attendance:invitation_status", args=[meeting.pk, desa.pk])
    response = operator_client.post(url, {"status": "absent"})
    assert response.status_code == 302  # back to the screen with the reason
    desa.refresh_from_db()
    assert desa.status == "present"
    # A tap that raced the check-in: the row comes back with its people and the reason.
    response = operator_client.post(url, {"status": "absent"}, **HTMX)
    assertContains(response, "La Ode Kades")
    assertContains(response, 'role="alert"')


def test_an_unknown_status_changes_nothing(meeting, operator_client):
    polres = meeting.participations.get(agency__short_name="Polres")
    url = reverse("attendance:invitation_status", args=[meeting.pk, polres.pk])
    assert operator_client.post(url, {"status": "asleep"}).status_code == 302
    polres.refresh_from_db()
    assert polres.status == "excused"


def test_check_in_times_show_in_the_meeting_zone(operator_client):
    import datetime

    from django.utils import timezone

    meeting = MeetingFactory(time_zone="Asia/Jayapura")
    person = services.attendee_add(meeting=meeting, name="Tamu", institution_name="Dinas")
    Attendee.objects.filter(pk=person.pk).update(
        checked_in_at=datetime.datetime(2024, 11, 12, 1, 5, tzinfo=datetime.UTC)
    )
    with timezone.override("Asia/Makassar"):
        response = operator_client.get(reverse("attendance:people", args=[meeting.pk]))
    assertContains(response, "10.05 WIT")  # 01.05 UTC is 10.05 in Jayapura, 09.05 in WITA


def test_the_correction_form_sends_its_version_and_saves(meeting, operator_client):
    import re

    desa = meeting.participations.get(agency__short_name="Desa Asera")
    person = services.attendee_add(meeting=meeting, name="La Ode Kades", participation=desa)
    url = reverse("attendance:attendee_update", args=[meeting.pk, person.pk])
    page = operator_client.get(url).content.decode()
    # What the page itself sends: its hidden version, not one added by the test.
    version = re.search(r'name="version" value="(\d+)"', page)
    assert version, "the correction form must carry the record's version"
    response = operator_client.post(
        url,
        {
            "version": version.group(1),
            "name": "La Ode Kades, S.Sos",
            "position": "Kepala Desa",
            "participation": desa.pk,
        },
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.name == "La Ode Kades, S.Sos"


def test_daftar_hadir_numbers_every_row_once_and_absent_rows_have_no_place_to_sign(meeting):
    from documents.data import attendance_sheet_data

    desa = meeting.participations.get(agency__short_name="Desa Asera")
    for name in ("La Ode Kades", "Staf Desa", "Sekdes"):
        services.attendee_add(meeting=meeting, name=name, participation=desa)
    services.attendee_add(meeting=meeting, name="Tamu", institution_name="Dinas Kominfo")
    services.attendee_add(meeting=meeting, name="Tamu Dua", institution_name="Dinas PUPR")
    rows = attendance_sheet_data(meeting).rows
    assert [row.number for row in rows] == list(range(1, len(rows) + 1))
    assert [row.name for row in rows[:5]] == [
        "La Ode Kades",
        "Staf Desa",
        "Sekdes",
        "Tamu",
        "Tamu Dua",
    ]
    absent = [row for row in rows if not row.signs]
    assert {row.note.split(";")[0] for row in absent} == {"Izin", "Tidak hadir"}
    assert all(row.signs for row in rows[:5])
