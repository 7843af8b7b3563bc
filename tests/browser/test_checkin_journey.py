"""Three phones check in through the QR code at the door; the operator sees them arrive; the
Daftar Hadir has their rows and signatures."""

import io
import os
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect
from pypdf import PdfReader

from tests.agencies.factories import AgencyFactory
from tests.browser.a11y import assert_no_axe_violations
from tests.meetings.factories import MeetingFactory, ParticipationFactory

pytestmark = pytest.mark.browser
PHONE = {
    "accept_downloads": True,
    "viewport": {"width": 390, "height": 844},
    "is_mobile": True,
    "has_touch": True,
    "reduced_motion": "reduce",
}


@pytest.fixture
def meeting(transactional_db, settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.DOCUMENT_CACHE_DIR = tmp_path / "documents"
    # No start time: the check-in is open all of today, whatever the hour the suite runs at
    # (with a 09:00 start it opens at 08:30 WITA, and CI may run before that).
    meeting = MeetingFactory(
        title="Rakor Kesiapan Pilkada", date=timezone.localdate(), start_time=None
    )
    for name in ("KPU Konut", "Bawaslu Konut", "Polres Konut", "Kodim 1430"):
        ParticipationFactory(
            meeting=meeting, agency=AgencyFactory(short_name=name), status="invited"
        )
    return meeting


def _sign(page) -> None:
    """Draw a signature with pointer events, as a finger would."""
    page.locator("#signature-pad").scroll_into_view_if_needed()
    box = page.locator("#signature-pad").bounding_box()
    page.mouse.move(box["x"] + 20, box["y"] + box["height"] * 0.7)
    page.mouse.down()
    for step in range(1, 12):
        page.mouse.move(
            box["x"] + 20 + step * 25, box["y"] + box["height"] * (0.3 + 0.4 * (step % 2))
        )
    page.mouse.up()


def test_three_phones_check_in_and_the_operator_sees_them(
    browser, logged_in_page, live_server, meeting, tmp_path
):
    # Screenshots to look at: SCREENSHOT_DIR when set, else the test's own folder.
    shots = Path(os.environ.get("SCREENSHOT_DIR", tmp_path))
    shots.mkdir(parents=True, exist_ok=True)
    operator = logged_in_page
    operator.goto(f"{live_server.url}/meetings/{meeting.pk}/check-in/")
    link = operator.locator("#checkin-link").get_attribute("href")
    assert link.startswith(live_server.url + "/hadir/")
    assert operator.locator("#checkin-qr svg").count() == 1

    people = [
        ("KPU Konut", "Dra. Wa Ode Komisioner", "Ketua KPU"),
        ("Bawaslu Konut", "Ir. La Ode Pengawas", "Anggota Bawaslu"),
        ("Polres Konut", "AKBP Contoh", "Kapolres"),
    ]
    for index, (agency, name, position) in enumerate(people):
        phone = browser.new_context(**PHONE).new_page()
        phone.set_default_timeout(10_000)
        phone.goto(link)
        expect(phone.locator("#privacy-note")).to_contain_text("Daftar Hadir")
        if index == 0:
            assert_no_axe_violations(phone)
            assert phone.evaluate("document.documentElement.scrollWidth") <= 390
        invitation = meeting.participations.get(agency__short_name=agency)
        phone.locator("#id_invitation").select_option(str(invitation.pk))
        phone.fill("#id_name", name)
        phone.fill("#id_position", position)
        _sign(phone)
        if index == 0:
            phone.screenshot(path=str(shots / "checkin-phone.png"), full_page=True)
        phone.locator("#checkin-submit").click()
        expect(phone.locator("#checkin-done")).to_contain_text(name)
        if index == 0:
            assert_no_axe_violations(phone)
            # The same phone cannot check in a second time.
            phone.goto(link)
            expect(phone.locator("main")).to_contain_text("sudah dipakai")
        phone.context.close()

    # The check-in screen shows the arrivals as they come (it asks every few seconds).
    expect(operator.locator("#arrival-list li")).to_have_count(3, timeout=15_000)
    expect(operator.locator("#attendance-counts")).to_contain_text("3 orang hadir")
    assert_no_axe_violations(operator)
    operator.screenshot(path=str(shots / "checkin-desk.png"), full_page=True)
    operator.goto(f"{live_server.url}/meetings/{meeting.pk}/people/")
    assert_no_axe_violations(operator)

    response = operator.request.get(
        f"{live_server.url}/meetings/{meeting.pk}/documents/daftar-hadir/pdf/"
    )
    reader = PdfReader(io.BytesIO(response.body()))
    text = " ".join("".join(page.extract_text() for page in reader.pages).split())
    for _agency, name, _position in people:
        assert name.split()[-1] in text  # a long name wraps inside its cell
    assert sum(len(page.images) for page in reader.pages) == 3
    assert "Tidak hadir" in text  # Kodim sent nobody


def test_the_public_agenda_opens_on_a_phone_without_an_account(browser, live_server, meeting):
    from attendance import services

    share = services.agenda_share_renew(meeting=meeting)
    phone = browser.new_context(**PHONE).new_page()
    phone.goto(f"{live_server.url}/agenda/{share.token}/")
    expect(phone.locator("h1")).to_contain_text("Rakor Kesiapan Pilkada")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    assert_no_axe_violations(phone)
    with phone.expect_download() as download:
        phone.locator("#agenda-ics").click()
    assert download.value.suggested_filename.endswith(".ics")
    phone.context.close()


_INKED = """() => {
  const canvas = document.getElementById("signature-pad");
  const pixels = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
  for (let i = 3; i < pixels.length; i += 4) if (pixels[i]) return true;
  return false;
}"""


def test_a_form_sent_back_draws_the_signature_again(browser, live_server, meeting):
    from attendance import checkin, services
    from attendance.models import Attendee

    desk = services.desk_get_or_open(meeting=meeting)
    phone = browser.new_context(**PHONE).new_page()
    phone.set_default_timeout(10_000)
    phone.goto(f"{live_server.url}/hadir/{checkin.qr_token(desk)}/")
    phone.locator("#id_invitation").select_option("lainnya")
    phone.fill("#id_name", "Drs. Tamu Undangan")
    phone.fill("#id_position", "Kepala Bidang")
    _sign(phone)
    phone.locator("#checkin-submit").click()  # the institution's name is missing
    expect(phone.locator("#id_institution_name")).to_have_class("textinput form-control is-invalid")
    # The signature it sent is on the canvas again: the person only types the institution.
    phone.wait_for_function(_INKED)
    phone.fill("#id_institution_name", "Dinas Kominfo")
    phone.locator("#checkin-submit").click()
    expect(phone.locator("#checkin-done")).to_contain_text("Drs. Tamu Undangan")
    person = Attendee.objects.get(name="Drs. Tamu Undangan")
    assert person.signature
    assert person.institution_name == "Dinas Kominfo"
    phone.context.close()
