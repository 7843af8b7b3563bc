"""Documents from the meeting page: the PDF arrives while the page says it is being prepared."""

import pytest
from playwright.sync_api import expect

from demo.loader import demo_load
from tests.browser.a11y import assert_no_axe_violations

pytestmark = pytest.mark.browser


@pytest.fixture(autouse=True)
def _document_cache(settings, tmp_path):
    settings.DOCUMENT_CACHE_DIR = tmp_path / "documents"


def test_pdf_download_with_a_preparing_message(logged_in_page, live_server):
    meeting = demo_load().seed_meeting
    page = logged_in_page
    page.goto(f"{live_server.url}/meetings/{meeting.pk}/")
    status = page.locator(".download-status")
    with page.expect_download() as download_info:
        page.locator(f"a[href='/meetings/{meeting.pk}/documents/notula/pdf/']").click()
    download = download_info.value
    assert download.suggested_filename.startswith("notula-2024-11-12")
    expect(status).to_have_text("Dokumen telah siap.")
    with open(download.path(), "rb") as handle:
        assert handle.read(5) == b"%PDF-"


def test_print_previews_are_accessible(logged_in_page, live_server):
    meeting = demo_load().example_meeting
    page = logged_in_page
    for kind in ("notula", "daftar-hadir", "undangan", "susunan-acara"):
        page.goto(f"{live_server.url}/meetings/{meeting.pk}/documents/{kind}/")
        expect(page.locator("main .kop")).to_be_visible()
        assert_no_axe_violations(page)
