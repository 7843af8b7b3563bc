"""The whole seed Rakor entered by an operator through the portal's screens, from an empty
database, then read back on the meeting page (issue: data entry without the admin)."""

import pytest
from playwright.sync_api import expect

from agencies.models import Agency
from meetings.models import Meeting

pytestmark = pytest.mark.browser

# name, short name, kind, head's position
INSTITUTIONS = [
    (
        "Badan Kesatuan Bangsa dan Politik Kabupaten Konawe Utara",
        "Kesbangpol Konut",
        "opd",
        "Kepala Badan",
    ),
    ("Sekretariat Daerah Kabupaten Konawe Utara", "Setda Konut", "pemda", "Sekretaris Daerah"),
    ("Komisi Pemilihan Umum Kabupaten Konawe Utara", "KPU Konut", "penyelenggara", "Ketua KPU"),
    (
        "Badan Pengawas Pemilihan Umum Kabupaten Konawe Utara",
        "Bawaslu Konut",
        "penyelenggara",
        "Ketua Bawaslu",
    ),
    (
        "Dewan Perwakilan Rakyat Daerah Kabupaten Konawe Utara",
        "DPRD Konut",
        "dprd",
        "Ketua DPRD",
    ),
    ("Kepolisian Resor Konawe Utara", "Polres Konut", "polri", "Kapolres Konawe Utara"),
    ("Komando Distrik Militer 1430/Konawe Utara", "Kodim 1430 Konut", "tni", "Dandim 1430"),
    ("Kejaksaan Negeri Konawe", "Kejari Konawe", "kementerian", "Kajari Konawe"),
    ("Kecamatan Asera", "Kec. Asera", "kecamatan", "Camat Asera"),
]
# The five presentations, entered with Kodim and Polres swapped, then reordered once.
PRESENTATIONS = [
    ("Kejari Konawe", "Penegakan hukum dalam Pilkada"),
    ("Bawaslu Konut", "Netralitas ASN"),
    ("KPU Konut", "Kesiapan logistik dan teknis pelaksanaan Pilkada"),
    ("Polres Konut", "Pencegahan dan penanganan potensi kerawanan"),
    ("Kodim 1430 Konut", "Aspek pengamanan selama proses Pilkada"),
]


def _agency_pk(short_name: str) -> str:
    return str(Agency.objects.get(short_name=short_name).pk)


def test_operator_enters_the_seed_rakor_through_the_screens(logged_in_page, live_server):
    page = logged_in_page
    url = live_server.url
    assert not Meeting.objects.exists()
    # Only the operator's own organizer, the regency's government, is there: its record
    # first, then the institutions (the Kesbangpol as its unit), and the chair as its official.
    pemkab = Agency.objects.get()
    page.goto(f"{url}/agencies/{pemkab.pk}/edit/")
    page.fill("#id_short_name", "Pemkab Konut")
    page.select_option("#id_kind", "pemda")
    page.fill("#id_head_title", "Pjs. Bupati Konawe Utara")
    page.click("#submit-id-save")
    expect(page.locator(".alert-success")).to_be_visible()
    for name, short_name, kind, head in INSTITUTIONS:
        page.goto(f"{url}/agencies/new/")
        page.fill("#id_name", name)
        page.fill("#id_short_name", short_name)
        page.select_option("#id_kind", kind)
        page.fill("#id_head_title", head)
        if short_name == "Kesbangpol Konut":
            page.fill("#id_parent", "Pemkab Konut")
        page.click("#submit-id-save")
        expect(page.locator("h1")).to_contain_text(name)
    page.goto(f"{url}/agencies/{_agency_pk('Pemkab Konut')}/officials/new/")
    page.fill("#id_title_prefix", "Drs.")
    page.fill("#id_name", "La Ode Saifuddin")
    page.fill("#id_title_suffix", "M.Si")
    page.fill("#id_position", "Pjs. Bupati Konawe Utara")
    page.click("#submit-id-save")
    expect(page.locator("body")).to_contain_text("Drs. La Ode Saifuddin, M.Si")

    # The meeting.
    page.goto(f"{url}/meetings/new/")
    page.fill("#id_title", "Rapat Koordinasi Persiapan Pelaksanaan Pilkada Konawe Utara")
    page.select_option("#id_organizer", _agency_pk("Kesbangpol Konut"))
    page.fill("#id_date", "2024-11-12")
    page.fill("#id_start_time", "09:00")
    page.fill("#id_venue", "Hotel Plaza Inn Kendari")
    page.fill("#id_chair", "Drs. La Ode Saifuddin, M.Si – Pjs. Bupati Konawe Utara (Pemkab Konut)")
    page.click("#submit-id-save")
    expect(page.locator("h1")).to_contain_text("Rapat Koordinasi Persiapan")
    meeting = Meeting.objects.get()

    # Ten on the list: the chair's Pemkab and the organizing Kesbangpol as hosts (nobody
    # invites them), the election bodies as a whole group, six institutions singly.
    page.goto(f"{url}/meetings/{meeting.pk}/invitations/")
    page.select_option("#id_group-kind", "penyelenggara")
    page.click("#invite-group-submit")
    for short_name in (
        "DPRD Konut",
        "Polres Konut",
        "Kodim 1430 Konut",
        "Kejari Konawe",
        "Setda Konut",
        "Kec. Asera",
    ):
        page.fill("#id_one-agency", short_name)
        page.click("#invite-one-submit")
    assert meeting.participations.count() == 10
    # Inviting the chair's institution again for the chair's position is refused, with why.
    page.fill("#id_one-agency", "Pemkab Konut")
    page.click("#invite-one-submit")
    expect(page.locator("#id_one-agency_error, .invalid-feedback")).to_contain_text("tuan rumah")
    assert meeting.participations.count() == 10
    # In protocol order: hosts, the regency government's rows, DPRD, TNI, Polri, Kejari...
    names = page.locator("#invitation-list > li")
    expect(names.nth(0)).to_contain_text("Pemkab Konut")
    expect(names.nth(1)).to_contain_text("Kesbangpol Konut")
    expect(names.nth(2)).to_contain_text("Setda Konut")
    expect(names.nth(3)).to_contain_text("DPRD Konut")

    # Six agenda items, built on the meeting page without reloading it, reordered once.
    page.goto(f"{url}/meetings/{meeting.pk}/")
    rows = page.locator("#agenda tbody tr")
    items = [("opening", "Pembukaan oleh Pjs. Bupati Konawe Utara", "Pemkab Konut")]
    items += [("presentation", f"Pemaparan {who}: {topic}", who) for who, topic in PRESENTATIONS]
    for number, (kind, title, presenter) in enumerate(items, start=1):
        if page.locator("#agenda details").get_attribute("open") is None:
            page.locator("#agenda summary").click()
        page.fill("#id_new-title", title)
        page.select_option("#id_new-kind", kind)
        page.select_option("#id_new-presenter_agency", _agency_pk(presenter))
        page.fill("#id_new-duration_minutes", "15" if kind == "opening" else "20")
        page.click("#agenda-add-submit")
        expect(rows).to_have_count(number)
    kodim_item = meeting.agenda_items.get(presenter_agency__short_name="Kodim 1430 Konut")
    page.click(f"#agenda-up-{kodim_item.pk}")
    expect(rows.nth(4)).to_contain_text("Kodim 1430 Konut")
    expect(rows.nth(5)).to_contain_text("Polres Konut")
    expect(rows.nth(5)).to_contain_text("10.35")  # 09.00 + 15 + 4 x 20 minutes

    # Attendance: everyone present but DPRD (someone stands in) and the camat (excused).
    page.goto(f"{url}/meetings/{meeting.pk}/people/")
    for participation in meeting.participations.select_related("agency"):
        short_name = participation.agency.short_name
        if short_name == "DPRD Konut":
            continue
        status = "excused" if short_name == "Kec. Asera" else "present"
        button = page.locator(f"#invitation-{participation.pk}-{status}")
        button.click()
        expect(button).to_have_attribute("aria-pressed", "true")
    dprd = meeting.participations.get(agency__short_name="DPRD Konut")
    page.goto(f"{url}/meetings/{meeting.pk}/people/?undangan={dprd.pk}")
    page.fill("#id_person-name", "H. Wakil Ketua")
    page.fill("#id_person-position", "Wakil Ketua II DPRD Konut")
    page.check("#id_person-on_behalf")
    page.click("#submit-id-save")
    expect(page.locator(f"#invitation-{dprd.pk}")).to_contain_text("H. Wakil Ketua")
    expect(page.locator("#attendance-counts")).to_contain_text("9 dari 10 instansi")

    # Five briefings, each with a readiness indicator row added in the browser.
    for who, topic in PRESENTATIONS:
        page.goto(f"{url}/meetings/{meeting.pk}/briefings/new/")
        page.select_option("#id_agency", _agency_pk(who))
        page.select_option(
            "#id_agenda_item", str(meeting.agenda_items.get(presenter_agency__short_name=who).pk)
        )
        page.fill("#id_topic", topic)
        page.click("#submit-id-save")
        page.click("[data-formset-add=indicators]")
        page.select_option("#id_indicators-0-aspect", "other")
        page.fill("#id_indicators-0-label", f"Kesiapan {who}")
        page.select_option("#id_indicators-0-status", "on_track")
        page.click("#briefing-save")
        expect(page.locator("h1")).to_contain_text(meeting.title)

    # Minutes text and two follow-ups.
    page.goto(f"{url}/meetings/{meeting.pk}/minutes/")
    page.fill(
        "#id_minutes-opening_remarks", "Pilkada harus berjalan damai, lancar, dan demokratis."
    )
    page.fill("#id_minutes-conclusions", "1. Seluruh pihak menjaga integritas dan netralitas.")
    page.click("#minutes-save")
    for text, who in (
        ("Patroli gabungan masa tenang", "Polres Konut"),
        ("Pengawasan netralitas ASN", "Bawaslu Konut"),
    ):
        page.fill("#id_follow-up-text", text)
        page.fill("#id_follow-up-responsible_agency", who)
        page.fill("#id_follow-up-due_date", "2024-11-24")
        page.click("#follow-up-add")
        expect(page.locator("#follow-ups")).to_contain_text(text)

    # Everything is on the meeting page.
    page.goto(f"{url}/meetings/{meeting.pk}/")
    body = page.locator("main")
    for text in (
        "Selasa, 12 November 2024",
        "09.00 WITA s.d. selesai",
        "Hotel Plaza Inn Kendari",
        "Drs. La Ode Saifuddin, M.Si",
        "Hadir: 8",
        "Diwakili: 1",
        "Izin: 1",
        "diwakili oleh H. Wakil Ketua",
        "Pilkada harus berjalan damai",
        "Seluruh pihak menjaga integritas",
        "Patroli gabungan masa tenang",
        "Pengawasan netralitas ASN",
    ):
        expect(body).to_contain_text(text)
    expect(rows).to_have_count(6)
    expected_order = [
        "Pemkab Konut",
        "Kejari Konawe",
        "Bawaslu Konut",
        "KPU Konut",
        "Kodim 1430 Konut",
        "Polres Konut",
    ]
    for index, who in enumerate(expected_order):
        expect(rows.nth(index)).to_contain_text(who)
    briefings = page.locator("section[aria-labelledby=briefings-heading] article")
    expect(briefings).to_have_count(5)
    for who, _topic in PRESENTATIONS:
        expect(page.locator("section[aria-labelledby=briefings-heading]")).to_contain_text(
            f"Kesiapan {who}"
        )
