"""Liaison -> minute taker -> chair (returns once, then approves) -> public verification."""

import datetime
import os
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from playwright.sync_api import expect
from pypdf import PdfReader

from accounts.models import Profile
from accounts.roles import Role
from accounts.services import role_groups_sync
from meetings.models import Meeting, MinutesStatus
from tests.agencies.factories import AgencyFactory, OfficialFactory, home_organizer
from tests.meetings.factories import AgendaItemFactory, MeetingFactory, ParticipationFactory

pytestmark = pytest.mark.browser
PASSWORD = "rakor-browser-test"
ARGS_FREE = {"accept_downloads": True, "reduced_motion": "reduce"}


@pytest.fixture
def cast(transactional_db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.DOCUMENT_CACHE_DIR = tmp_path / "documents"
    role_groups_sync()
    kpu = AgencyFactory(name="Komisi Pemilihan Umum Kabupaten Konawe Utara", short_name="KPU Konut")
    meeting = MeetingFactory(
        title="Rakor Kesiapan Pilkada",
        date=timezone.localdate() + datetime.timedelta(days=3),
        chair=OfficialFactory(name="Drs. Contoh Pimpinan", position="Sekretaris Daerah"),
        end_time=datetime.time(12, 0),
    )
    ParticipationFactory(meeting=meeting, agency=kpu)
    AgendaItemFactory(meeting=meeting, position=1, title="Pemaparan KPU", presenter_agency=kpu)
    people = {}
    for username, role in (
        ("perwakilan", Role.LIAISON),
        ("notulis", Role.NOTULIS),
        ("pimpinan", Role.PIMPINAN),
    ):
        user = get_user_model().objects.create_user(username=username, password=PASSWORD)
        user.groups.set([Group.objects.get(name=role.value)])
        people[username] = user
    Profile.objects.create(user=people["perwakilan"], agency=kpu)
    # The minute taker's account is linked to the official she is: submitting names her.
    Profile.objects.create(
        user=people["notulis"],
        agency=home_organizer(),
        official=OfficialFactory(name="Contoh Notulis, S.Sos", position="Analis Kebijakan"),
    )
    # The chair approves as the organizer's designated approver.
    Profile.objects.create(user=people["pimpinan"], agency=home_organizer(), approves_minutes=True)
    return meeting, kpu


def _sign_in(browser, live_server, username):
    context = browser.new_context(**ARGS_FREE)
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("#submit-id-submit")
    page.wait_for_url(f"{live_server.url}/")
    return page


def test_briefing_minutes_review_approval_and_verification(browser, live_server, cast, tmp_path):
    meeting, kpu = cast
    # Screenshots to look at: SCREENSHOT_DIR when set, else the test's own folder.
    shots = Path(os.environ.get("SCREENSHOT_DIR", tmp_path))
    shots.mkdir(parents=True, exist_ok=True)
    url = f"{live_server.url}/meetings/{meeting.pk}/"

    # The KPU liaison drafts and submits its own briefing.
    liaison = _sign_in(browser, live_server, "perwakilan")
    liaison.goto(f"{url}briefings/new/")
    liaison.select_option("#id_agency", str(kpu.pk))
    liaison.fill("#id_topic", "Kesiapan logistik")
    liaison.click("#submit-id-save")
    liaison.select_option("#id_status", "submitted")
    liaison.click("[data-formset-add=indicators]")
    liaison.select_option("#id_indicators-0-aspect", "logistics")
    liaison.fill("#id_indicators-0-label", "Surat suara diterima")
    liaison.select_option("#id_indicators-0-status", "on_track")
    liaison.click("#briefing-save")
    expect(liaison.locator("main")).to_contain_text("Surat suara diterima")
    assert meeting.briefings.get().status == "submitted"

    # The meeting takes place (its day comes): the minute taker writes the minutes and
    # submits them.
    Meeting.objects.filter(pk=meeting.pk).update(date=timezone.localdate())
    notulis = _sign_in(browser, live_server, "notulis")
    notulis.goto(f"{url}minutes/")
    notulis.fill("#id_minutes-opening_remarks", "Rapat dibuka oleh pimpinan.")
    notulis.fill("#id_minutes-conclusions", "1. Logistik siap.")
    notulis.click("#minutes-save")
    notulis.goto(url)
    notulis.click("#minutes-submit")
    expect(notulis.locator("#minutes-workflow")).to_contain_text("Dalam pemeriksaan")

    meeting.refresh_from_db()
    assert meeting.minute_taker.name == "Contoh Notulis, S.Sos"
    # Not approved yet: the Notula says DRAF on every page.
    notulis.goto(f"{url}documents/notula/")
    expect(notulis.locator(".draft-band")).to_contain_text("DRAF")
    notulis.screenshot(path=str(shots / "notula-draft-preview.png"), full_page=True)

    # The chair sees what is missing (the agenda item has no notes), cannot approve yet,
    # and returns it once, with a comment ...
    chair = _sign_in(browser, live_server, "pimpinan")
    chair.goto(url)
    checklist = chair.locator("#approval-checklist")
    expect(checklist).to_contain_text("Pemaparan KPU")
    expect(chair.locator("#minutes-approve")).to_be_disabled()
    chair.locator("#minutes-workflow").screenshot(path=str(shots / "checklist-incomplete.png"))
    chair.fill("#return-comment", "Tambahkan tindak lanjut distribusi.")
    chair.click("#minutes-return")
    expect(chair.locator("#minutes-workflow")).to_contain_text(
        "Tambahkan tindak lanjut distribusi."
    )

    # ... the minute taker corrects and submits again ...
    notulis.goto(f"{url}minutes/")
    notulis.fill("#id_minutes-conclusions", "1. Logistik siap.\n2. Distribusi H-2.")
    notulis.locator("fieldset[id^=minutes-item-] textarea").first.fill("KPU memaparkan logistik.")
    notulis.click("#minutes-save")
    notulis.goto(url)
    notulis.click("#minutes-submit")

    # ... and the chair, with every item done, approves after confirming: final and stored.
    chair.goto(url)
    expect(chair.locator("#approval-checklist .text-danger")).to_have_count(0)
    chair.locator("#minutes-workflow").screenshot(path=str(shots / "checklist-complete.png"))
    questions = []
    chair.once("dialog", lambda dialog: (questions.append(dialog.message), dialog.accept()))
    chair.click("#minutes-approve")
    expect(chair.locator("#minutes-workflow")).to_contain_text("Final")
    meeting = Meeting.objects.get(pk=meeting.pk)
    assert meeting.minutes_status == MinutesStatus.FINAL
    revision = meeting.revisions.get()
    with chair.expect_download() as download_info:
        chair.click(f"a[href='/meetings/{meeting.pk}/revisions/1/pdf/']")
    final_pdf = tmp_path / "notula-final.pdf"
    download_info.value.save_as(final_pdf)
    assert "final" in questions[0]
    text = "".join(page.extract_text() for page in PdfReader(final_pdf).pages)
    assert "DRAF" not in text
    assert "Contoh Notulis" in text
    assert "KPU memaparkan logistik." in text

    # Anyone can check the downloaded file on the public verification page.
    public = browser.new_context(reduced_motion="reduce").new_page()
    public.goto(f"{live_server.url}/verifikasi/")
    public.fill("#id_code", revision.code)
    public.locator("form [type=submit]").first.click()
    expect(public.locator("h1")).to_contain_text(revision.code)
    public.set_input_files("#id_document", str(final_pdf))
    public.click("#verify-submit")
    expect(public.locator("#verify-result")).to_have_class("alert alert-success")
