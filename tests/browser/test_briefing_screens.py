"""The operator enters an institution's readiness briefing, through the browser."""

import importlib
import re
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.db import connection
from playwright.sync_api import expect

from agencies.models import Agency
from briefings.models import Briefing, BriefingTemplate
from tests.agencies.factories import AgencyFactory, OfficialFactory
from tests.browser.a11y import assert_no_axe_violations
from tests.meetings.factories import MeetingFactory, ParticipationFactory

pytestmark = pytest.mark.browser


@pytest.fixture
def kpu_template(transactional_db) -> BriefingTemplate:
    # Browser tests flush the database after each test, data migrations included: load the
    # templates again with the migration's own code (it skips those already there).
    migration = importlib.import_module("briefings.migrations.0003_load_briefing_templates")
    migration.load_templates(apps, SimpleNamespace(connection=connection))
    return BriefingTemplate.objects.get(name="KPU")


@pytest.fixture
def kpu(transactional_db) -> Agency:
    """An invited KPU and its chair, in a meeting with another (uninvited) institution."""
    agency = AgencyFactory(
        name="KPU Kabupaten Konawe Utara", short_name="KPU Konut", kind=Agency.Kind.ELECTION_BODY
    )
    AgencyFactory(name="Instansi yang tidak diundang")
    OfficialFactory(agency=agency, name="Ketua KPU", position="Ketua")
    ParticipationFactory(agency=agency, meeting=MeetingFactory(title="Rakor Pilkada"))
    return agency


def test_operator_enters_a_briefing_from_the_kpu_template(
    logged_in_page, live_server, kpu, kpu_template
):
    page = logged_in_page
    meeting = kpu.participations.get().meeting
    template_rows = kpu_template.items.count()

    # Start the briefing for the invited institution, from the KPU template.
    page.goto(f"{live_server.url}/meetings/{meeting.pk}/briefings/new/")
    expect(page.locator("#id_agency option")).to_have_count(2)  # the blank choice and KPU
    assert_no_axe_violations(page)
    page.select_option("#id_agency", str(kpu.pk))
    page.select_option("#id_template", str(kpu_template.pk))
    page.click("#submit-id-save")
    page.wait_for_url("**/edit/?template=*")
    briefing = Briefing.objects.get()
    assert briefing.topic == kpu_template.topic
    assert not briefing.indicators.exists()

    # The template's rows are proposed, unsaved, for the operator to complete.
    rows = page.locator("#indicators-rows > [data-formset-row]")
    expect(rows).to_have_count(template_rows)
    expect(page.locator("#id_indicators-1-label")).to_have_value("Jumlah TPS")
    assert_no_axe_violations(page)

    # A row whose indicator lost its name is refused next to that field; nothing is saved,
    # nothing typed is lost. A row left without a status is "Belum dinilai", not an error.
    expect(page.locator("#id_indicators-0-status")).to_have_value("")
    page.fill("#id_summary", "Logistik tiba sesuai jadwal.")
    page.fill("#id_indicators-0-label", "")
    page.click("#briefing-save")
    expect(page.locator("#id_indicators-0-label.is-invalid")).to_be_visible()
    expect(page.locator("#indicators-rows .is-invalid")).to_have_count(1)
    expect(page.locator("#id_summary")).to_have_value("Logistik tiba sesuai jadwal.")
    assert not briefing.indicators.exists()
    assert_no_axe_violations(page)
    page.fill("#id_indicators-0-label", "Jumlah pemilih dalam DPT")

    # Fill the statuses and one figure.
    for index in range(template_rows):
        page.select_option(f"#id_indicators-{index}-status", "on_track")
    page.select_option("#id_indicators-1-status", "achieved")
    page.fill("#id_indicators-1-value", "300")

    # Add a risk row with the keyboard: the new row's first field gets the focus.
    page.focus("[data-formset-add=risks]")
    page.keyboard.press("Enter")
    expect(page.locator("#risks-rows > [data-formset-row]")).to_have_count(1)
    expect(page.locator("#id_risks-0-category")).to_be_focused()
    page.select_option("#id_risks-0-category", "disaster")
    page.select_option("#id_risks-0-level", "high")
    page.fill("#id_risks-0-location", "Kecamatan Wiwirano")
    page.fill("#id_risks-0-mitigation", "Logistik dikirim H-3 bersama BPBD")

    # Remove the ink row ("Tinta"): it is struck through and deleted on save.
    ink = page.locator("#id_indicators-5-label")
    expect(ink).to_have_value("Tinta")
    page.check("#id_indicators-5-DELETE")
    expect(rows.nth(5)).to_have_class(re.compile(r"\bformset-row-deleted\b"))

    page.click("#briefing-save")
    page.wait_for_url(f"**/meetings/{meeting.pk}/#briefings-heading")

    labels = list(briefing.indicators.values_list("label", flat=True))
    assert len(labels) == template_rows - 1
    assert "Tinta" not in labels
    assert briefing.risks.get().location == "Kecamatan Wiwirano"

    # An attendee's view of the briefing shows what was entered.
    page.goto(f"{live_server.url}/meetings/{meeting.pk}/briefings/{briefing.pk}/")
    expect(page.locator("main")).to_contain_text("Jumlah TPS")
    expect(page.locator("main")).to_contain_text("300")
    expect(page.locator("main")).to_contain_text("Kecamatan Wiwirano")
    expect(page.locator("main")).to_contain_text("Logistik tiba sesuai jadwal.")
    expect(page.locator("main")).not_to_contain_text("Tinta")
    assert_no_axe_violations(page)
    page.set_viewport_size({"width": 390, "height": 844})
    assert_no_axe_violations(page)
    page.set_viewport_size({"width": 1280, "height": 720})

    # The delete confirmation states what goes, and deleting returns to the meeting.
    page.goto(f"{live_server.url}/meetings/{meeting.pk}/briefings/{briefing.pk}/delete/")
    expect(page.locator("#deletion-summary li")).to_have_count(2)
    expect(page.locator("#deletion-summary")).to_contain_text(str(template_rows - 1))
    assert_no_axe_violations(page)
    page.click("#briefing-delete-confirm")
    page.wait_for_url(f"**/meetings/{meeting.pk}/#briefings-heading")
    assert not Briefing.objects.exists()
