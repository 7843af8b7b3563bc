"""A series of three meetings of one election, through the browser: a follow-up agreed in the
first is updated by the responsible institution's liaison between meetings, appears on the
second, is closed at the third; the dashboard shows the countdown, the matrix and the KPU going
from at risk to achieved; the exports open with openpyxl; a paparan uploads, downloads for the
invited institution and is 404 for another organizer."""

import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from openpyxl import load_workbook
from playwright.sync_api import expect

from accounts.models import Profile
from accounts.roles import Role
from meetings.models import FollowUpProgress, MinutesStatus
from tests.agencies.factories import AgencyFactory, home_organizer
from tests.briefings.factories import BriefingFactory, ReadinessIndicatorFactory
from tests.browser.a11y import assert_no_axe_violations
from tests.browser.conftest import PASSWORD
from tests.meetings.factories import (
    ElectionFactory,
    FollowUpFactory,
    MeetingFactory,
    ParticipationFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)


def sign_in(page, live_server, username: str) -> None:
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Nama pengguna").fill(username)
    page.get_by_label("Sandi").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url(f"{live_server.url}/")


def user(username: str, role: Role, agency):
    account = get_user_model().objects.create_user(username=username, password=PASSWORD)
    account.groups.set(Group.objects.filter(name=role.value))
    Profile.objects.create(user=account, agency=agency)
    return account


@pytest.fixture
def series(operator, settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    today = timezone.localdate()
    election = ElectionFactory(voting_day=today + datetime.timedelta(days=12))
    kpu = AgencyFactory(name="Komisi Pemilihan Umum Kabupaten Seri", short_name="KPU Seri")
    meetings = [
        MeetingFactory(election=election, date=today + datetime.timedelta(days=d), title=title)
        for d, title in ((-20, "Rakor H-32"), (2, "Rakor H-10"), (5, "Rakor H-7"))
    ]
    for meeting, status in zip(meetings, ("at_risk", "on_track", "achieved"), strict=True):
        ParticipationFactory(meeting=meeting, agency=kpu)
        briefing = BriefingFactory(meeting=meeting, agency=kpu, status="submitted")
        ReadinessIndicatorFactory(
            briefing=briefing, aspect="logistics", status=status, label="Logistik tiba di PPS"
        )
    follow_up = FollowUpFactory(
        meeting=meetings[0],
        text="Distribusi logistik ke pulau terluar",
        responsible_agency=kpu,
        due_date=today - datetime.timedelta(days=2),
    )
    meetings[0].minutes_status = MinutesStatus.FINAL  # agreed: published to the KPU
    meetings[0].save()
    liaison = user("liaison-kpu", Role.LIAISON, kpu)
    stranger = user("op-lain", Role.OPERATOR, AgencyFactory(short_name="Kesbangpol Lain"))
    return {
        "election": election,
        "meetings": meetings,
        "follow_up": follow_up,
        "kpu": kpu,
        "liaison": liaison,
        "stranger": stranger,
        "home": home_organizer(),
    }


def test_a_series_to_voting_day(page, live_server, series):
    _first, second, third = series["meetings"]
    follow_up = series["follow_up"]

    # Between meetings, the KPU's liaison reports progress on its own follow-up.
    sign_in(page, live_server, "liaison-kpu")
    page.goto(f"{live_server.url}/tindak-lanjut/")
    expect(page.get_by_text("Lewat tenggat").first).to_be_visible()
    page.get_by_role("link", name="Distribusi logistik ke pulau terluar").click()
    page.get_by_label("Status").select_option("in_progress")
    page.get_by_label("Yang sudah dikerjakan").fill("Kapal kedua berangkat, 70% tiba")
    page.get_by_role("button", name="Catat").click()
    expect(page.get_by_text("Kemajuan telah dicatat.")).to_be_visible()
    assert_no_axe_violations(page)

    # The operator finds it on the second meeting's page, with the liaison's report.
    sign_in(page, live_server, "operator")
    page.goto(f"{live_server.url}{second.get_absolute_url()}")
    earlier = page.locator("#earlier-follow-ups")
    expect(earlier).to_contain_text("Distribusi logistik ke pulau terluar")
    expect(earlier).to_contain_text("Kapal kedua berangkat, 70% tiba")
    # ... and closes it at the third.
    page.goto(f"{live_server.url}{third.get_absolute_url()}")
    row = page.locator(f"#earlier-{follow_up.pk}")
    row.get_by_label("Status pada rapat ini").select_option("done")
    row.get_by_label("Yang dilaporkan").fill("Seluruh logistik tiba")
    row.get_by_role("button", name="Catat").click()
    expect(page.locator(f"#earlier-{follow_up.pk}")).to_contain_text(
        "status dicatat pada rapat ini"
    )
    closing = FollowUpProgress.objects.get(follow_up=follow_up, meeting=third)
    assert closing.status == "done"

    # The dashboard: H-12, the KPU from at risk (first) through on track to achieved.
    page.goto(f"{live_server.url}/kesiapan/pemilihan/{series['election'].pk}/")
    expect(page.locator("#countdown")).to_contain_text("H-12")
    matrix = page.locator("#readiness-matrix")
    expect(matrix).to_contain_text("Komisi Pemilihan Umum Kabupaten Seri")
    expect(matrix).to_contain_text("Tercapai")
    assert page.locator(".trend-chart rect.trend-at_risk").count() == 1
    assert page.locator(".trend-chart rect.trend-achieved").count() == 1
    assert_no_axe_violations(page)

    # The exports open with openpyxl, with typed cells.
    register = page.request.get(f"{live_server.url}/tindak-lanjut/unduh.xlsx")
    sheet = load_workbook(io.BytesIO(register.body())).active
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert rows[0][1] == "Distribusi logistik ke pulau terluar"
    assert isinstance(rows[0][6], datetime.datetime)  # the due date, a date cell
    indicators = page.request.get(
        f"{live_server.url}/kesiapan/pemilihan/{series['election'].pk}/indikator.xlsx"
    )
    values = list(load_workbook(io.BytesIO(indicators.body())).active.iter_rows(values_only=True))
    assert len(values) == 4
    assert isinstance(values[1][6], float | int)  # the value, a number cell

    # A paparan uploaded by the operator to the KPU's briefing of the third meeting...
    briefing = third.briefings.get()
    page.goto(f"{live_server.url}/meetings/{third.pk}/briefings/{briefing.pk}/")
    page.locator("#id_file").set_input_files(
        files=[
            {
                "name": "paparan-kpu.pdf",
                "mimeType": "application/pdf",
                "buffer": b"%PDF-1.4\n%%EOF\n",
            }
        ]
    )
    page.get_by_role("button", name="Lampirkan", exact=True).click()
    expect(page.get_by_role("link", name="paparan-kpu.pdf")).to_be_visible()
    download_url = page.get_by_role("link", name="paparan-kpu.pdf").get_attribute("href")
    # ... downloads for the invited institution's liaison, is 404 for another organizer.
    sign_in(page, live_server, "liaison-kpu")
    response = page.request.get(f"{live_server.url}{download_url}")
    assert response.status == 200
    assert response.headers["content-disposition"].startswith("attachment")
    sign_in(page, live_server, "op-lain")
    assert page.request.get(f"{live_server.url}{download_url}").status == 404
