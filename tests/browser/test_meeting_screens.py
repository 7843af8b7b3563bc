"""The operator's meeting screens in a real browser: htmx agenda builder, attendance by invitation,
and axe-core on every screen of the meeting flow."""

import pytest
from playwright.sync_api import expect

from demo.loader import demo_load
from meetings.models import Participation
from tests.browser.a11y import assert_no_axe_violations

pytestmark = pytest.mark.browser


def test_agenda_builder_works_without_reloading_the_page(logged_in_page, live_server):
    meeting = demo_load().example_meeting
    page = logged_in_page
    page.goto(f"{live_server.url}/meetings/{meeting.pk}/")
    # A marker on the window survives htmx swaps but not a page load.
    page.evaluate("window.__noReload = true")
    rows = page.locator("#agenda tbody tr")
    expect(rows).to_have_count(6)
    first_title = rows.nth(0).locator("td").nth(2)
    expect(first_title).to_contain_text("Pembukaan")

    second = meeting.agenda_items.get(position=2)
    page.locator(f"#agenda-up-{second.pk}").click()
    expect(rows.nth(0).locator("td").nth(2)).to_contain_text("Komisi Pemilihan Umum")
    # Keyboard focus stays on the button that was used, now one row higher.
    expect(page.locator(f"#agenda-up-{second.pk}")).to_be_disabled()

    page.locator("#agenda summary").click()
    page.locator("#id_new-title").fill("Doa penutup")
    page.locator("#id_new-kind").select_option("closing")
    page.locator("#id_new-duration_minutes").fill("5")
    page.locator("#agenda-add-submit").click()
    expect(rows).to_have_count(7)
    expect(rows.nth(6)).to_contain_text("Doa penutup")

    page.locator(f"#agenda-edit-{second.pk}").click()
    title = page.locator(f"#id_item-{second.pk}-title")
    title.fill("   ")  # passes the browser's own check, refused by the server
    page.locator(f"#agenda-item-{second.pk} button[type=submit]").click()
    expect(page.locator(f"#agenda-item-{second.pk} .invalid-feedback")).to_be_visible()
    assert_no_axe_violations(page)
    title.fill("Paparan KPU (diubah)")
    page.locator(f"#agenda-item-{second.pk} button[type=submit]").click()
    expect(rows.nth(0)).to_contain_text("Paparan KPU (diubah)")

    page.once("dialog", lambda dialog: dialog.accept())
    page.locator(f"#agenda-delete-{second.pk}").click()
    expect(rows).to_have_count(6)
    assert page.evaluate("window.__noReload") is True
    assert list(meeting.agenda_items.values_list("position", flat=True)) == [1, 2, 3, 4, 5, 6]


def test_attendance_is_one_tap_and_a_stand_in_is_a_person(logged_in_page, live_server):
    meeting = demo_load().example_meeting
    page = logged_in_page
    page.set_viewport_size({"width": 1024, "height": 768})  # a tablet
    page.goto(f"{live_server.url}/meetings/{meeting.pk}/attendance/")  # the old address
    expect(page.locator("h1")).to_contain_text("Kehadiran")
    assert_no_axe_violations(page)
    counts = page.locator("#attendance-counts")  # the organizer is on the list as host
    expect(counts).to_contain_text("5 dari 8 instansi")
    kejari = meeting.participations.get(agency__short_name="Kejari Konawe")
    page.locator(f"#invitation-{kejari.pk}-present").click()
    expect(page.locator(f"#invitation-{kejari.pk}-present")).to_have_attribute(
        "aria-pressed", "true"
    )
    expect(counts).to_contain_text("6 dari 8 instansi")

    # Whoever stands in for the DPRD's invitee is added as a person of that invitation.
    dprd = meeting.participations.get(agency__short_name="DPRD Konut")
    page.locator(f"#invitation-{dprd.pk} a", has_text="Tambah peserta").click()
    expect(page.locator("#id_person-participation")).to_have_value(str(dprd.pk))
    page.fill("#id_person-name", "H. Contoh Wakil")
    page.fill("#id_person-position", "Wakil Ketua II DPRD")
    page.check("#id_person-on_behalf")
    page.click("#submit-id-save")
    row = page.locator(f"#invitation-{dprd.pk}")
    expect(row).to_contain_text("H. Contoh Wakil")
    expect(row).to_contain_text("Diwakili")
    expect(page.locator(f"#invitation-{dprd.pk}-absent")).to_have_count(0)
    assert_no_axe_violations(page)
    dprd.refresh_from_db()
    assert dprd.status == Participation.Status.REPRESENTED
    kejari.refresh_from_db()
    assert kejari.status == Participation.Status.PRESENT


def test_meeting_screens_have_no_accessibility_violations(logged_in_page, live_server):
    meeting = demo_load().example_meeting
    page = logged_in_page
    for path in (
        "/meetings/new/",
        f"/meetings/{meeting.pk}/",
        f"/meetings/{meeting.pk}/edit/",
        f"/meetings/{meeting.pk}/delete/",
        f"/meetings/{meeting.pk}/duplicate/",
        f"/meetings/{meeting.pk}/invitations/",
        f"/meetings/{meeting.pk}/minutes/",
        "/meetings/?q=contoh&status=held&date_from=2024-11-01",
        "/meetings/?date_from=2024-12-01&date_to=2024-11-01&status=nope",
    ):
        page.goto(f"{live_server.url}{path}")
        assert_no_axe_violations(page)
    # A form showing its errors.
    page.goto(f"{live_server.url}/meetings/{meeting.pk}/edit/")
    page.locator("#id_title").fill("   ")
    page.locator("#submit-id-save").click()
    expect(page.locator(".invalid-feedback").first).to_be_visible()
    assert_no_axe_violations(page)
