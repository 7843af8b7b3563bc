"""Self check-in on a phone: the QR link, its window, the signature, one per device."""

import datetime
import io

import pytest
from django.core import signing
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from PIL import Image

from attendance import checkin, services
from attendance.forms import SelfCheckInForm, invitation_label
from attendance.models import Attendee
from tests.agencies.factories import AgencyFactory, OfficialFactory
from tests.attendance.factories import signature_data_url
from tests.meetings.factories import MeetingFactory, ParticipationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _private(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


@pytest.fixture
def today_meeting():
    meeting = MeetingFactory(date=timezone.localdate(), start_time=None)
    kpu = AgencyFactory(short_name="KPU Konut")
    invitation = ParticipationFactory(meeting=meeting, agency=kpu, status="invited")
    return meeting, invitation


def _open(meeting):
    desk = services.desk_get_or_open(meeting=meeting)
    return desk, reverse("attendance:checkin", args=[checkin.qr_token(desk)])


def _submit(client, meeting, **fields):
    desk = services.desk_get_or_open(meeting=meeting)
    data = {
        "desk": checkin.form_token(desk),
        "invitation": "",
        "institution_name": "",
        "name": "Dra. Wa Ode Hadir",
        "position": "Komisioner",
        "phone": "",
        "signature": signature_data_url(),
        **fields,
    }
    return client.post(reverse("attendance:checkin_submit"), data)


def test_an_attendee_checks_in_with_a_signature(today_meeting):
    meeting, invitation = today_meeting
    _desk, url = _open(meeting)
    phone = Client()
    page = phone.get(url)
    assert page.status_code == 200
    assert b"Daftar Hadir" in page.content  # the sentence on personal data
    response = _submit(phone, meeting, invitation=str(invitation.pk))
    assert response.status_code == 200
    assert b"checkin-done" in response.content
    person = Attendee.objects.get()
    assert (person.name, person.agency, person.method) == (
        "Dra. Wa Ode Hadir",
        invitation.agency,
        Attendee.Method.SELF,
    )
    assert Image.open(person.signature.open("rb")).format == "PNG"
    invitation.refresh_from_db()
    assert invitation.status == "present"


def test_a_second_check_in_from_the_same_phone_is_refused(today_meeting):
    meeting, invitation = today_meeting
    phone = Client()
    _submit(phone, meeting, invitation=str(invitation.pk))
    again = _submit(phone, meeting, invitation=str(invitation.pk), name="Orang Lain")
    assert again.content.count(b"sudah dipakai") == 1
    assert b"checkin-form" not in again.content  # no form that could only be refused
    assert Attendee.objects.count() == 1
    opened = phone.get(_open(meeting)[1])
    assert b"checkin-already" in opened.content
    assert b"checkin-form" not in opened.content


def test_a_form_sent_back_keeps_a_valid_signature_and_drops_an_invalid_one(today_meeting):
    meeting, _invitation = today_meeting
    drawn = signature_data_url()
    response = _submit(Client(), meeting, invitation="lainnya", signature=drawn)
    assert b"Tulis nama instansi Anda" in response.content
    assert f'value="{drawn}"'.encode() in response.content  # drawn again by checkin.js
    response = _submit(Client(), meeting, invitation="lainnya", signature="data:image/gif;x")
    assert b'name="signature" id="id_signature" value=""' in response.content
    assert not Attendee.objects.exists()


def test_bad_choices_and_sizes_are_told_in_plain_words(today_meeting):
    meeting, _invitation = today_meeting
    response = _submit(Client(), meeting, invitation="999999")
    assert "Pilih instansi Anda dari daftar." in response.content.decode()
    response = _submit(Client(), meeting, signature="data:image/png;base64," + "A" * 400_001)
    assert "Gambar tanda tangan terlalu besar." in response.content.decode()
    assert "karakter" not in response.content.decode()
    assert not Attendee.objects.exists()


def test_a_walk_in_institution_is_typed_in(today_meeting):
    meeting, _invitation = today_meeting
    response = _submit(Client(), meeting, invitation="lainnya", institution_name="Dinas Kominfo")
    assert b"checkin-done" in response.content
    assert Attendee.objects.get().institution_name == "Dinas Kominfo"
    missing = _submit(Client(), meeting, invitation="lainnya", institution_name="")
    assert b"checkin-done" not in missing.content


def test_an_expired_qr_code_says_so_in_indonesian(today_meeting, settings, monkeypatch):
    meeting, _invitation = today_meeting
    _desk, url = _open(meeting)
    later = signing.time.time() + settings.CHECKIN_QR_SECONDS + 5
    monkeypatch.setattr(signing.time, "time", lambda: later)
    response = Client().get(url)
    assert "Kode QR sudah kedaluwarsa, pindai ulang" in response.content.decode()


def test_a_forged_link_and_a_closed_desk_are_refused(today_meeting):
    meeting, _invitation = today_meeting
    assert b"checkin-refused" in Client().get(reverse("attendance:checkin", args=["x:y:z"])).content
    desk, url = _open(meeting)
    services.desk_set_open(meeting=meeting, is_open=False)
    response = Client().get(url)
    # Closing renews the secret: the old link is dead, then the desk says it is closed.
    assert "kedaluwarsa" in response.content.decode()
    desk.refresh_from_db()
    assert (
        b"ditutup"
        in Client().get(reverse("attendance:checkin", args=[checkin.qr_token(desk)])).content
    )


def test_check_in_is_open_only_on_the_meetings_day():
    tomorrow = MeetingFactory(date=timezone.localdate() + datetime.timedelta(days=1))
    _desk, url = _open(tomorrow)
    response = Client().get(url)
    assert b"checkin-refused" in response.content
    opens, closes = checkin.window(tomorrow)
    assert opens < closes
    assert opens.date() == tomorrow.date


@pytest.mark.parametrize(
    ("signature", "message"),
    [
        ("", "Tanda tangani"),
        ("data:image/jpeg;base64,AAAA", "PNG"),
        ("data:image/png;base64,bm90IGEgcG5n", "PNG"),
        ("data:image/png;base64,!!!", "PNG"),
    ],
)
def test_a_bad_signature_is_refused_and_nothing_is_stored(today_meeting, signature, message):
    meeting, invitation = today_meeting
    response = _submit(Client(), meeting, invitation=str(invitation.pk), signature=signature)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Attendee.objects.exists()


def test_an_empty_or_oversized_signature_is_refused(today_meeting):
    meeting, invitation = today_meeting
    blank = io.BytesIO()
    Image.new("RGBA", (300, 100), (0, 0, 0, 0)).save(blank, format="PNG")
    response = _submit(
        Client(),
        meeting,
        invitation=str(invitation.pk),
        signature=signature_data_url(blank.getvalue()),
    )
    assert "Tanda tangani" in response.content.decode()
    big = signature_data_url(b"\x89PNG" + b"0" * (210 * 1024))
    response = _submit(Client(), meeting, invitation=str(invitation.pk), signature=big)
    assert "terlalu besar" in response.content.decode()
    assert not Attendee.objects.exists()


def test_a_name_of_5000_characters_is_refused_without_a_500(today_meeting):
    meeting, invitation = today_meeting
    response = _submit(Client(), meeting, invitation=str(invitation.pk), name="A" * 5000)
    assert response.status_code == 200
    assert not Attendee.objects.exists()


def test_the_rate_limit_per_address(today_meeting, settings):
    meeting, _invitation = today_meeting
    settings.CHECKIN_RATE_PER_ADDRESS = 2
    for _ in range(2):
        _submit(Client(), meeting, invitation="lainnya", institution_name="Tamu")
    response = _submit(
        Client(), meeting, invitation="lainnya", institution_name="Tamu", name="Ir. Andi Sabar"
    )
    assert response.status_code == 429
    assert Attendee.objects.count() == 2
    # The phone keeps what it typed, to send it again a little later.
    page = response.content.decode()
    assert "Terlalu banyak presensi dari jaringan ini" in page
    assert 'value="Ir. Andi Sabar"' in page
    assert 'id="checkin-form"' in page


def test_the_rate_limit_counts_each_phone_behind_the_reverse_proxy(today_meeting, settings):
    meeting, _invitation = today_meeting
    settings.CHECKIN_RATE_PER_ADDRESS = 1
    settings.AXES_IPWARE_PROXY_COUNT = 0  # one proxy in front (see settings)
    settings.AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"]
    # Both arrive from nginx on 127.0.0.1; one wrote a made-up address first, nginx appended
    # the real one.
    for phone in ("36.68.10.1", "1.1.1.1, 36.68.10.2"):
        client = Client(HTTP_X_FORWARDED_FOR=phone)
        response = _submit(client, meeting, invitation="lainnya", institution_name="Tamu")
        assert response.status_code == 200
    again = Client(HTTP_X_FORWARDED_FOR="36.68.10.1")
    response = _submit(again, meeting, invitation="lainnya", institution_name="Tamu")
    assert response.status_code == 429


def test_without_a_proxy_a_forwarded_address_is_not_believed(today_meeting, settings):
    meeting, _invitation = today_meeting
    settings.CHECKIN_RATE_PER_ADDRESS = 1
    _submit(Client(), meeting, invitation="lainnya", institution_name="Tamu")
    spoofing = Client(HTTP_X_FORWARDED_FOR="10.9.8.7")
    response = _submit(spoofing, meeting, invitation="lainnya", institution_name="Tamu")
    assert response.status_code == 429


def test_one_check_in_runs_a_constant_number_of_queries(today_meeting):
    meeting, invitation = today_meeting
    services.desk_get_or_open(meeting=meeting)
    counts = []
    for extra in (0, 30):
        for index in range(extra):
            ParticipationFactory(
                meeting=meeting, agency=AgencyFactory(), invitee_position=f"K {index}"
            )
        # A fresh invitation each time: a second person for an attended one writes no status.
        invitation = ParticipationFactory(
            meeting=meeting,
            agency=AgencyFactory(),
            invitee_position=f"Baru {extra}",
            status="invited",
        )
        with CaptureQueriesContext(connection) as queries:
            response = _submit(
                Client(), meeting, invitation=str(invitation.pk), name=f"Peserta {extra}"
            )
        assert b"checkin-done" in response.content
        counts.append(len(queries))
    # Whatever the number of invitations: desk, invitation, lock, the person in the registry
    # with its history, the entry with its history, the page cache, the invitation's status
    # with its history (savepoints count; the test's own desk lookup too).
    assert counts[0] == counts[1]
    assert counts[0] <= 30


@hypothesis_settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    data=st.dictionaries(
        st.sampled_from(
            [
                "desk",
                "invitation",
                "institution_name",
                "name",
                "position",
                "phone",
                "signature",
                "on_behalf",
            ]
        ),
        st.text(max_size=300),
    )
)
def test_the_check_in_never_answers_500(today_meeting, data):
    response = Client().post(reverse("attendance:checkin_submit"), data)
    assert response.status_code in {200, 429}


def test_the_invitation_list_reads_as_the_invitations_label_them(today_meeting):
    meeting, _invitation = today_meeting
    named = ParticipationFactory(
        meeting=meeting,
        agency=AgencyFactory(name="Dewan Perwakilan Rakyat Daerah Uji", short_name=""),
        invitee=OfficialFactory(title_prefix="Drs.", name="La Ode Ketua", title_suffix="M.Si"),
        status="invited",
    )
    form = SelfCheckInForm(meeting=meeting)
    labels = dict(form.fields["invitation"].choices)
    for participation in meeting.participations.select_related("agency", "invitee"):
        assert labels[str(participation.pk)] == invitation_label(participation)
    assert labels[str(named.pk)] == "Dewan Perwakilan Rakyat Daerah Uji – Drs. La Ode Ketua, M.Si"
