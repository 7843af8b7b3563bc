import pytest
from playwright.sync_api import expect

from agencies.models import Agency
from demo.loader import demo_load
from tests.browser.a11y import assert_no_axe_violations

pytestmark = pytest.mark.browser

SEED_PRESENTERS = [
    "Kejari Konawe",
    "Bawaslu Konut",
    "KPU Konut",
    "Kodim 1430 Konut",
    "Polres Konut",
]


def test_operator_signs_in_and_opens_the_seed_agenda(logged_in_page, live_server):
    demo_load()
    page = logged_in_page
    page.goto(f"{live_server.url}/meetings/")
    page.get_by_role("link", name="Rapat Koordinasi Persiapan Pelaksanaan Pilkada").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Rapat Koordinasi Persiapan")
    expect(page.get_by_text("Selasa, 12 November 2024")).to_be_visible()
    expect(page.get_by_text("Hotel Plaza Inn Kendari")).to_be_visible()
    agenda = page.locator("[aria-labelledby=agenda-heading] tbody tr")
    expect(agenda).to_have_count(6)
    expect(agenda.nth(0)).to_contain_text("Pembukaan")
    for row, presenter in enumerate(SEED_PRESENTERS, start=1):
        expect(agenda.nth(row)).to_contain_text(presenter)


def test_wrong_password_shows_a_message_next_to_the_form(page, live_server, operator):
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Nama pengguna").fill("operator")
    page.get_by_label("Sandi").fill("salah")
    page.get_by_role("button", name="Masuk").click()
    expect(page.get_by_role("alert")).to_contain_text("benar")
    expect(page.get_by_label("Nama pengguna")).to_have_value("operator")


def test_every_page_has_no_accessibility_violations(page, live_server, operator):
    result = demo_load()
    page.goto(f"{live_server.url}/accounts/login/")
    assert_no_axe_violations(page)
    page.get_by_label("Nama pengguna").fill(operator.username)
    page.get_by_label("Sandi").fill("rakor-browser-test")
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url(f"{live_server.url}/")
    kpu = Agency.objects.get(short_name="KPU Konut")
    for path in (
        "/meetings/",
        "/meetings/?q=tidak-ada",
        f"/meetings/{result.seed_meeting.pk}/",
        f"/meetings/{result.example_meeting.pk}/",
        "/agencies/",
        f"/agencies/{kpu.pk}/",
    ):
        page.goto(f"{live_server.url}{path}")
        assert_no_axe_violations(page)
    # The narrow layout (a phone) has a collapsed menu and stacked cards; check it as well.
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/meetings/{result.example_meeting.pk}/")
    assert_no_axe_violations(page)
