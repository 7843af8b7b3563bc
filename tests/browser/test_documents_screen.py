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


def test_a_document_still_rendering_shows_its_progress_then_downloads(
    logged_in_page, live_server, settings
):
    """While a worker renders, the meeting page's link and the progress page both wait; the
    download starts once the worker has stored the PDF."""
    from documents import tasks
    from documents.render import document_export_source, shared_agenda_url
    from meetings.selectors import meeting_get

    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend", "QUEUES": []}
    }
    settings.SITE_URL = live_server.url  # the letter's share link, the same here and there
    meeting = demo_load().seed_meeting

    def work(kind: str) -> None:
        """What the worker does with the render the server queued (queued in its own
        thread, where this test cannot see it): the same HTML, rendered into the cache."""
        record = meeting_get(pk=meeting.pk)
        share = shared_agenda_url(None, record) or "" if kind == "undangan" else ""
        tasks.render_document.call(document_export_source(record, kind, share_url=share).html)

    page = logged_in_page
    page.goto(f"{live_server.url}/meetings/{meeting.pk}/documents/undangan/pdf/?tunggu=1")
    expect(page.locator("h1")).to_have_text("Menyiapkan dokumen")
    expect(page.locator("#document-progress")).to_contain_text("Menunggu giliran")
    assert_no_axe_violations(page)
    with page.expect_download() as download_info:
        work("undangan")
    assert download_info.value.suggested_filename.startswith("undangan-2024-11-12")
    expect(page.locator("h1")).to_have_text("Dokumen telah siap.")
    assert_no_axe_violations(page)
    with page.expect_download():  # a page that opens ready starts its download too
        page.reload()

    # The meeting page's PDF link waits (202) and then saves the file.
    page.goto(f"{live_server.url}/meetings/{meeting.pk}/")
    with page.expect_download() as download_info:
        page.locator(f"a[href='/meetings/{meeting.pk}/documents/daftar-hadir/pdf/']").click()
        page.wait_for_timeout(2500)  # at least one 202 and one poll
        work("daftar-hadir")
    assert download_info.value.suggested_filename.startswith("daftar-hadir-2024-11-12")
    expect(page.locator(".download-status")).to_have_text("Dokumen telah siap.")
