import re

import pytest
from playwright.sync_api import expect

from agencies.models import Agency, Official
from tests.agencies.factories import AgencyFactory, OfficialFactory, RegionFactory
from tests.browser.a11y import assert_no_axe_violations
from tests.meetings.factories import ParticipationFactory

pytestmark = pytest.mark.browser

NIP = "197001012000031001"


def test_operator_creates_an_institution_and_an_official(logged_in_page, live_server):
    page = logged_in_page
    page.goto(f"{live_server.url}/agencies/")
    page.locator("#agency-create").click()
    page.locator("#id_name").fill("Komisi Pemilihan Umum Kabupaten Konawe Utara")
    page.locator("#id_short_name").fill("KPU Konut")
    page.locator("#id_kind").select_option(Agency.Kind.ELECTION_BODY.value)
    page.locator("#id_head_title").fill("Ketua KPU Konut")
    page.locator("#submit-id-save").click()

    agency = Agency.objects.get(short_name="KPU Konut")
    expect(page).to_have_url(f"{live_server.url}/agencies/{agency.pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Komisi Pemilihan Umum Kabupaten Konawe Utara"
    )
    expect(page.locator(".alert-success")).to_be_visible()

    page.locator("#official-create").click()
    page.locator("#id_title_prefix").fill("Drs.")
    page.locator("#id_name").fill("La Ode Saifuddin")
    page.locator("#id_title_suffix").fill("M.Si")
    page.locator("#id_position").fill("Ketua KPU Konut")
    page.locator("#id_nip").fill("19700101 200003 1 001")
    page.locator("#submit-id-save").click()

    expect(page).to_have_url(f"{live_server.url}/agencies/{agency.pk}/")
    row = page.locator("#official-table tbody tr")
    expect(row).to_have_count(1)
    expect(row).to_contain_text("Drs. La Ode Saifuddin, M.Si")
    expect(row).to_contain_text(NIP)
    assert Official.objects.get(agency=agency).nip == NIP

    # Back on the list, the new institution is found by its short name.
    page.goto(f"{live_server.url}/agencies/")
    page.locator("#id_q").fill("KPU Konut")
    page.locator("#agency-filter [type=submit]").click()
    expect(page).to_have_url(re.compile(r"\?q=KPU\+Konut"))
    expect(page.locator("#agency-table tbody tr")).to_have_count(1)


def test_invalid_nip_is_explained_next_to_the_field(logged_in_page, live_server):
    agency = AgencyFactory()
    page = logged_in_page
    page.goto(f"{live_server.url}/agencies/{agency.pk}/officials/new/")
    page.locator("#id_name").fill("Budi")
    page.locator("#id_position").fill("Camat Asera")
    page.locator("#id_nip").fill("1970 13 01")
    page.locator("#submit-id-save").click()
    expect(page.locator("#id_nip_error")).to_be_visible()
    expect(page.locator("#id_name")).to_have_value("Budi")
    assert not agency.officials.exists()


def test_agency_screens_have_no_accessibility_violations(logged_in_page, live_server):
    region = RegionFactory(name="Sulawesi Tenggara", code="74")
    agency = AgencyFactory(
        name="Kepolisian Resor Konawe Utara",
        short_name="Polres Konut",
        kind=Agency.Kind.POLRI,
        region=region,
        head_title="Kapolres Konawe Utara",
    )
    official = OfficialFactory(agency=agency, name="Budi Santoso", nip=NIP)
    AgencyFactory.create_batch(3, kind=Agency.Kind.OPD)
    used = AgencyFactory(name="Badan Kesbangpol")
    ParticipationFactory(agency=used)
    page = logged_in_page

    for path in (
        "/agencies/",
        f"/agencies/?q=polres&kind=polri&region={region.pk}",
        "/agencies/?kind=xyz&region=abc",
        "/agencies/new/",
        f"/agencies/{agency.pk}/",
        f"/agencies/{agency.pk}/edit/",
        f"/agencies/{agency.pk}/delete/",
        f"/agencies/{agency.pk}/officials/new/",
        f"/agencies/{agency.pk}/officials/{official.pk}/edit/",
        f"/agencies/{agency.pk}/officials/{official.pk}/delete/",
    ):
        page.goto(f"{live_server.url}{path}")
        assert_no_axe_violations(page)

    # The form showing validation errors.
    page.goto(f"{live_server.url}/agencies/new/")
    page.locator("#id_short_name").fill("x")
    page.locator("#submit-id-save").click()
    expect(page.locator("#id_name_error")).to_be_visible()
    assert_no_axe_violations(page)

    # A refused delete explains what still uses the institution.
    page.goto(f"{live_server.url}/agencies/{used.pk}/delete/")
    page.locator("#delete-form [type=submit]").click()
    expect(page.locator("#delete-refused")).to_be_visible()
    assert_no_axe_violations(page)
    assert Agency.objects.filter(pk=used.pk).exists()

    # A phone-sized screen.
    page.set_viewport_size({"width": 390, "height": 844})
    for path in ("/agencies/", f"/agencies/{agency.pk}/"):
        page.goto(f"{live_server.url}{path}")
        assert_no_axe_violations(page)
