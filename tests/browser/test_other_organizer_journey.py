"""A second organizer on the same deployment: a provincial government in WIT.

Its operator creates the election, a region and the institutions through the screens, holds a
meeting with a represented governor and a Polda officer (rank and NRP), and exports documents
whose kop, order and signature blocks are right; the demo regency's staff open none of it.
"""

import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from playwright.sync_api import expect
from pypdf import PdfReader

from accounts.models import Profile
from accounts.roles import Role
from accounts.services import role_groups_sync
from agencies.models import Agency, Official, Region
from agencies.regions_data import load_regions
from meetings.models import Election, Meeting
from tests.browser.conftest import PASSWORD

pytestmark = pytest.mark.browser

KESBANGPOL = "Badan Kesatuan Bangsa dan Politik Provinsi Papua"


@pytest.fixture(autouse=True)
def _files(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.DOCUMENT_CACHE_DIR = tmp_path / "documents"


@pytest.fixture
def papua(transactional_db):
    """The new organizer and its operator, as an administrator sets them up."""
    role_groups_sync()
    # Browser tests flush the database between tests: the shipped regions come back here.
    load_regions(Region, province="91")
    organizer = Agency.objects.create(
        name=KESBANGPOL,
        short_name="Kesbangpol Papua",
        kind=Agency.Kind.OPD,
        level=Agency.Level.PROVINCE,
        region=Region.objects.get(code="91"),
        head_title="Kepala Badan Kesbangpol Provinsi Papua",
        letter_place="Jayapura",
    )
    organizer.owner = organizer  # its own staff keep its record
    organizer.save()
    konut = Agency.objects.create(
        name="Badan Kesatuan Bangsa dan Politik Kabupaten Konawe Utara",
        short_name="Kesbangpol Konut",
        kind=Agency.Kind.OPD,
    )
    users = {}
    for username, agency in (("op.papua", organizer), ("op.konut", konut)):
        user = get_user_model().objects.create_user(username=username, password=PASSWORD)
        user.groups.set([Group.objects.get(name=Role.OPERATOR.value)])
        Profile.objects.create(user=user, agency=agency)
        users[username] = user
    return organizer


def _sign_in(page, live_server, username):
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("#submit-id-submit")
    page.wait_for_url(f"{live_server.url}/")


def _institution(page, live_server, **fields):
    page.goto(f"{live_server.url}/agencies/new/")
    page.fill("#id_name", fields["name"])
    page.fill("#id_short_name", fields["short_name"])
    page.select_option("#id_kind", fields["kind"])
    page.select_option("#id_level", "provinsi")
    page.fill("#id_region", "91")
    page.fill("#id_head_title", fields["head_title"])
    page.click("#submit-id-save")
    expect(page.locator(".alert-success")).to_be_visible()
    return Agency.objects.get(short_name=fields["short_name"])


def _official(page, live_server, agency, **fields):
    page.goto(f"{live_server.url}/agencies/{agency.pk}/officials/new/")
    for name, value in fields.items():
        page.fill(f"#id_{name}", value)
    page.click("#submit-id-save")
    expect(page.locator(".alert-success")).to_be_visible()
    return Official.objects.get(agency=agency, name=fields["name"])


def _pdf_text(page, live_server, url) -> list[str]:
    response = page.request.get(f"{live_server.url}{url}")
    for _attempt in range(30):
        if response.status == 200:
            break
        page.wait_for_timeout(500)
        response = page.request.get(f"{live_server.url}{url}")
    assert response.status == 200, url
    assert response.body()[:5] == b"%PDF-"
    # Words of a page as one line each (names wrap inside table cells).
    return [
        " ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(response.body())).pages
    ]


def test_a_provincial_organizer_in_wit_holds_its_own_meeting(page, live_server, papua):
    _sign_in(page, live_server, "op.papua")

    # A kecamatan the shipped list does not have, under Kota Jayapura (typed by its code).
    page.goto(f"{live_server.url}/agencies/regions/new/")
    page.select_option("#id_kind", "kecamatan")
    page.fill("#id_name", "Abepura Uji")
    page.fill("#id_parent", "91.71")
    page.click("#submit-id-save")
    expect(page.locator(".alert-success")).to_be_visible()
    assert Region.objects.get(name="Abepura Uji").parent.code == "91.71"

    # The election, its region typed by words of its name.
    page.goto(f"{live_server.url}/meetings/elections/new/")
    page.select_option("#id_kind", "pilkada_gubernur")
    page.fill("#id_voting_day", "2024-11-27")
    page.fill("#id_name", "Pilkada Gubernur Papua 2024")
    page.fill("#id_region", "91")
    page.click("#submit-id-save")
    expect(page.locator("#election-table")).to_contain_text("Pilkada Gubernur Papua 2024")
    election = Election.objects.get(name="Pilkada Gubernur Papua 2024")
    assert (election.region.code, election.owner) == ("91", papua)

    # The institutions: the provincial government (the governor, no NIP) and the Polda
    # (an officer with rank and NRP).
    pemprov = _institution(
        page,
        live_server,
        name="Pemerintah Provinsi Papua",
        short_name="Pemprov Papua",
        kind="pemprov",
        head_title="Gubernur Papua",
    )
    governor = _official(
        page,
        live_server,
        pemprov,
        title_prefix="Dr.",
        name="Yohanes Wenda",
        position="Gubernur Papua",
    )
    polda = _institution(
        page,
        live_server,
        name="Kepolisian Daerah Papua",
        short_name="Polda Papua",
        kind="polri",
        head_title="Kapolda Papua",
    )
    officer = _official(
        page,
        live_server,
        polda,
        rank="Brigjen Pol",
        name="Petrus Kogoya",
        position="Wakapolda Papua",
        nrp="70010123",
    )
    assert (pemprov.owner, polda.owner) == (papua, papua)

    # Its own record: under the provincial government (the kop's first line comes from it),
    # and the head who chairs, with a NIP.
    page.goto(f"{live_server.url}/agencies/{papua.pk}/edit/")
    page.fill("#id_parent", "Pemprov Papua")  # typed: its short name
    page.click("#submit-id-save")
    expect(page.locator(".alert-success")).to_be_visible()
    chair = _official(
        page,
        live_server,
        papua,
        name="Markus Rumbewas",
        title_suffix="S.Sos., M.Si",
        position="Kepala Badan Kesbangpol Provinsi Papua",
        nip="197503102000031002",
    )

    # The meeting, in WIT, chaired by the head; the governor signs the invitation.
    page.goto(f"{live_server.url}/meetings/new/")
    page.fill("#id_title", "Rapat Koordinasi Kesiapan Pilkada Gubernur Papua 2024")
    expect(page.locator("#id_organizer")).to_have_value(str(papua.pk))
    page.select_option("#id_election", str(election.pk))
    page.fill("#id_date", "2024-11-20")
    page.fill("#id_start_time", "09:00")
    page.select_option("#id_time_zone", "Asia/Jayapura")
    page.fill("#id_venue", "Aula Kantor Gubernur Papua")
    # Officials are typed, a suggestion appearing as one types.
    page.locator("#id_chair").press_sequentially("Markus Rum")
    expect(page.locator("#id_chair-options option")).to_have_count(1)
    page.fill("#id_chair", page.locator("#id_chair-options option").get_attribute("value"))
    page.fill("#id_letter_signer", "Yohanes Wenda")
    # (the chair typed above is the head with a NIP)
    page.click("#submit-id-save")
    expect(page.locator(".alert-success")).to_be_visible()
    meeting = Meeting.objects.get(title__startswith="Rapat Koordinasi Kesiapan Pilkada Gubernur")
    assert (meeting.chair, meeting.letter_signer) == (chair, governor)

    # Invitations: the police first, then the governor; protocol order puts the governor
    # (provincial government) before the Polda, after the hosts.
    page.goto(f"{live_server.url}/meetings/{meeting.pk}/invitations/")
    for agency, official in ((polda, officer), (pemprov, governor)):
        page.fill("#id_one-agency", agency.short_name)
        page.fill("#id_one-invitee", official.name)
        page.click("#invite-one-submit")
        expect(page.locator(".alert-success")).to_be_visible()
    rows = page.locator("#invitation-list > li")
    expect(rows).to_have_count(3)
    expect(rows.nth(0)).to_contain_text("Kesbangpol Papua")
    expect(rows.nth(0)).to_contain_text("Tuan rumah")
    expect(rows.nth(1)).to_contain_text("Pemprov Papua")
    expect(rows.nth(2)).to_contain_text("Polda Papua")

    # Attendance: the Asisten stands in for the governor; the Polda's officer came himself.
    governor_row = meeting.participations.get(agency=pemprov)
    polda_row = meeting.participations.get(agency=polda)
    host_row = meeting.participations.get(agency=papua)
    page.goto(f"{live_server.url}/meetings/{meeting.pk}/people/?undangan={governor_row.pk}")
    page.fill("#id_person-name", "Drs. Yan Matuan, M.Si")
    page.fill("#id_person-position", "Asisten Pemerintahan Setda Provinsi Papua")
    page.check("#id_person-on_behalf")
    page.click("#submit-id-save")
    expect(page.locator(f"#invitation-{governor_row.pk}")).to_contain_text("Diwakili")
    page.click(f"#invitation-{polda_row.pk}-present")
    # The row's own "Hadir" button is there before the click: wait for the saved state.
    expect(page.locator(f"#invitation-{polda_row.pk}-present")).to_have_attribute(
        "aria-pressed", "true"
    )
    page.click(f"#invitation-{host_row.pk}-present")
    # The row's own "Hadir" button is there before the click: wait for the saved state.
    expect(page.locator(f"#invitation-{host_row.pk}-present")).to_have_attribute(
        "aria-pressed", "true"
    )

    # The documents.
    base = f"/meetings/{meeting.pk}/documents"
    attendance = _pdf_text(page, live_server, f"{base}/daftar-hadir/pdf/")
    letter = _pdf_text(page, live_server, f"{base}/undangan/pdf/")
    minutes = _pdf_text(page, live_server, f"{base}/notula/pdf/")
    for pages in (attendance, letter, minutes):
        first = pages[0]
        assert first.count("PEMERINTAH PROVINSI PAPUA") == 1, first[:300]
        assert KESBANGPOL.upper() in first
        assert "WIT" in "".join(pages)
    sheet = " ".join(attendance)
    # The chair's row first, then the governor's stand-in, then the officer with his rank.
    assert "Markus Rumbewas" in sheet.split("Yan Matuan")[0]
    assert sheet.index("Yan Matuan") < sheet.index("Brigjen Pol Petrus Kogoya")
    assert "NIP." not in sheet
    # The invitation: signed by the governor, who has no NIP: none is printed, nor a dotted one.
    text = " ".join(letter)
    assert "Dr. Yohanes Wenda" in text
    assert "NIP." not in text
    assert "Wakapolda Papua" in text  # a recipient; the host (the chair) is not one
    # The minutes: the chair's NIP under his name; the governor represented.
    notula = " ".join(minutes)
    assert "NIP. 197503102000031002" in notula
    assert notula.count("NIP.") == 1
    assert "Brigjen Pol Petrus Kogoya" in notula

    # The demo regency's staff open none of it.
    page.context.clear_cookies()
    _sign_in(page, live_server, "op.konut")
    for url in (
        f"/meetings/{meeting.pk}/",
        f"/meetings/{meeting.pk}/invitations/",
        f"{base}/notula/pdf/",
        f"/meetings/{meeting.pk}/history/",
    ):
        assert page.request.get(f"{live_server.url}{url}").status == 404, url
    for url in (
        f"/meetings/elections/{election.pk}/edit/",
        f"/agencies/{polda.pk}/edit/",
        f"/agencies/{papua.pk}/edit/",
    ):
        assert page.request.get(f"{live_server.url}{url}").status == 403, url
    page.goto(f"{live_server.url}/meetings/")
    expect(page.locator("main")).not_to_contain_text("Pilkada Gubernur Papua")
