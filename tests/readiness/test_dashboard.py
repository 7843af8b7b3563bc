"""The readiness dashboard of an election and the table exports of readiness and attendance."""

import datetime
import io

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from accounts.roles import Role
from attendance.services import attendee_add
from briefings.models import ReadinessIndicator
from readiness import selectors
from tests.agencies.factories import AgencyFactory
from tests.briefings.factories import BriefingFactory, ReadinessIndicatorFactory
from tests.meetings.factories import ElectionFactory, MeetingFactory, ParticipationFactory

pytestmark = pytest.mark.django_db


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def series():
    election = ElectionFactory(voting_day=datetime.date(2024, 11, 27))
    kpu = AgencyFactory(name="Komisi Pemilihan Umum Contoh", short_name="KPU C")
    polres = AgencyFactory(name="Kepolisian Resor Contoh", short_name="Polres C")
    first = MeetingFactory(election=election, date=datetime.date(2024, 11, 1))
    second = MeetingFactory(election=election, date=datetime.date(2024, 11, 20))
    for meeting, kpu_status, polres_status in (
        (first, "at_risk", "on_track"),
        (second, "achieved", "blocked"),
    ):
        for agency, aspect, status in (
            (kpu, "logistics", kpu_status),
            (polres, "security", polres_status),
        ):
            briefing = BriefingFactory(meeting=meeting, agency=agency, status="submitted")
            ReadinessIndicatorFactory(
                briefing=briefing,
                aspect=aspect,
                status=status,
                label=f"{aspect} {agency.short_name}",
            )
    return {"election": election, "meetings": (first, second), "kpu": kpu, "polres": polres}


def test_the_matrix_shows_the_latest_status_and_the_change(series, make_user):
    dashboard = selectors.dashboard_get(
        user=make_user("operator", Role.OPERATOR), election=series["election"]
    )
    rows = dict(dashboard.rows)
    kpu = rows["Komisi Pemilihan Umum Contoh"]["logistics"]
    polres = rows["Kepolisian Resor Contoh"]["security"]
    assert (kpu.status, kpu.previous, kpu.change) == ("achieved", "at_risk", "better")
    assert (polres.status, polres.change) == ("blocked", "worse")
    assert [i.status for i in dashboard.at_risk] == ["blocked"]
    # The trend per aspect: one bar per meeting that reported it.
    assert [counts for _m, counts in dashboard.trend["logistics"]] == [
        {"at_risk": 1},
        {"achieved": 1},
    ]


def test_the_countdown_is_counted_in_the_regions_zone(series):
    election = series["election"]
    # 26 Nov 2024 16:30 UTC is already 27 Nov in WITA (UTC+8): voting day, H.
    now = datetime.datetime(2024, 11, 26, 16, 30, tzinfo=datetime.UTC)
    election.region.code = "74.09"
    assert selectors.days_to_vote(election, now=now) == 0
    election.region.code = "31.71"  # Jakarta, WIB: still the 27th minus one
    assert selectors.days_to_vote(election, now=now) == 1


def test_the_dashboard_page_for_staff_and_not_for_another_organizer(series, make_user):
    url = reverse("readiness:dashboard", args=[series["election"].pk])
    page = client_for(make_user("operator", Role.OPERATOR)).get(url)
    assert page.status_code == 200
    body = page.content.decode()
    assert "H+" in body or "H-" in body
    assert 'id="readiness-matrix"' in body
    assert "<svg" in body
    assert "trend-achieved" in body
    other = make_user("op-lain", Role.OPERATOR, agency=AgencyFactory(short_name="Kesbangpol Lain"))
    assert client_for(other).get(url).status_code == 404


def test_the_dashboard_answers_in_a_fixed_number_of_queries(
    series, make_user, django_assert_max_num_queries
):
    client = client_for(make_user("operator", Role.OPERATOR))
    url = reverse("readiness:dashboard", args=[series["election"].pk])
    client.get(url)
    for n in range(6):
        meeting = MeetingFactory(election=series["election"], date=datetime.date(2024, 11, 2 + n))
        briefing = BriefingFactory(meeting=meeting, agency=AgencyFactory(), status="submitted")
        ReadinessIndicatorFactory.create_batch(3, briefing=briefing)
    with django_assert_max_num_queries(14):
        assert client.get(url).status_code == 200


def test_the_dashboard_is_built_once_per_state_of_the_series(series, make_user, monkeypatch):
    client = client_for(make_user("operator", Role.OPERATOR))
    url = reverse("readiness:dashboard", args=[series["election"].pk])
    assert "Tercapai" in client.get(url).content.decode()
    built = []
    original = selectors.dashboard_get
    monkeypatch.setattr(
        selectors, "dashboard_get", lambda **kwargs: built.append(1) or original(**kwargs)
    )
    client.get(url)
    assert built == []  # unchanged: served from the cache
    # Any change to the series' records shows at once: an indicator, an institution's name.
    indicator = series["meetings"][1].briefings.get(agency=series["kpu"]).indicators.get()
    indicator.status = "blocked"
    indicator.save()
    series["kpu"].name = "KPU Kabupaten Contoh"
    series["kpu"].save()
    body = client.get(url).content.decode()
    assert built == [1]
    assert "KPU Kabupaten Contoh" in body
    assert "Komisi Pemilihan Umum Contoh" not in body
    kpu_row = body.split("KPU Kabupaten Contoh", 1)[1].split("</tr>", 1)[0]
    with translation.override("id"):
        assert str(ReadinessIndicator.Status.BLOCKED.label) in kpu_row


def test_indicator_exports_have_typed_cells_and_stay_in_scope(series, make_user):
    elsewhere = MeetingFactory(
        election=series["election"], organizer=AgencyFactory(short_name="Lain")
    )
    briefing = BriefingFactory(meeting=elsewhere, agency=series["kpu"], status="submitted")
    ReadinessIndicatorFactory(briefing=briefing, label="Milik penyelenggara lain")
    client = client_for(make_user("operator", Role.OPERATOR))
    response = client.get(
        reverse("readiness:election_export", args=[series["election"].pk, "xlsx"])
    )
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    header = [cell.value for cell in sheet[1]]
    assert header[:3] == ["No", "Rapat", "Tanggal rapat"]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert len(rows) == 4
    assert all(isinstance(row[2], datetime.datetime) for row in rows)
    assert "Milik penyelenggara lain" not in [row[5] for row in rows]
    csv_response = client.get(
        reverse("readiness:meeting_export", args=[series["meetings"][0].pk, "csv"])
    )
    text = b"".join(csv_response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeffNo,Rapat")
    assert text.count("\r\n") == 3  # header and two indicators


def test_attendance_export_lists_people_without_signatures(make_user):
    meeting = MeetingFactory()
    participation = ParticipationFactory(meeting=meeting)
    attendee_add(
        meeting=meeting, name="Contoh Hadir, S.H.", position="Ketua", participation=participation
    )
    client = client_for(make_user("operator", Role.OPERATOR))
    response = client.get(reverse("attendance:export", args=[meeting.pk, "xlsx"]))
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    header = [cell.value for cell in sheet[1]]
    assert "Tanda tangan" not in header
    (row,) = list(sheet.iter_rows(min_row=2, values_only=True))
    assert row[0] == 1
    assert row[1] == "Contoh Hadir, S.H."
    assert isinstance(row[6], datetime.datetime)
    supervisor = make_user(
        "pengawas", Role.SUPERVISOR, agency=AgencyFactory(kind="kementerian", level="nasional")
    )
    assert client_for(supervisor).get(
        reverse("attendance:export", args=[meeting.pk, "csv"])
    ).status_code in (403, 404)


def test_the_dashboard_prints_as_a_pdf(series, make_user, settings, tmp_path):
    from tests.documents.conftest import pdf_text

    settings.DOCUMENT_CACHE_DIR = tmp_path / "documents"
    client = client_for(make_user("operator", Role.OPERATOR))
    response = client.get(reverse("readiness:dashboard", args=[series["election"].pk]))
    pdf_url = reverse("documents:readiness_pdf", args=[series["election"].pk])
    assert pdf_url in response.content.decode()
    download = client.get(pdf_url)
    assert download.status_code == 200
    text = pdf_text(download.content)
    assert "LAPORAN KESIAPAN" in text
    assert "Komisi Pemilihan Umum Contoh" in text
    assert "Tercapai (membaik)" in text
    other = make_user("op-lain", Role.OPERATOR, agency=AgencyFactory(short_name="Lain"))
    assert client_for(other).get(pdf_url).status_code == 404


def test_polling_the_dashboards_pdf_builds_its_html_once(series, make_user, settings, monkeypatch):
    from django.core.cache import cache
    from django_tasks import task_backends

    from documents import views as document_views

    cache.clear()
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend", "QUEUES": []}
    }
    task_backends["default"].clear()
    built = []
    original = document_views.readiness_html
    monkeypatch.setattr(
        document_views,
        "readiness_html",
        lambda **kwargs: built.append(1) or original(**kwargs),
    )
    client = client_for(make_user("operator", Role.OPERATOR))
    pdf_url = reverse("documents:readiness_pdf", args=[series["election"].pk])
    for _poll in range(3):  # the progress page polls while the worker renders
        assert client.get(pdf_url).status_code in (200, 202)
    assert built == [1]
    assert len(task_backends["default"].results) == 1  # queued once
    indicator = series["meetings"][1].briefings.get(agency=series["kpu"]).indicators.get()
    indicator.status = "at_risk"
    indicator.save()
    client.get(pdf_url)
    assert built == [1, 1]  # what it says changed: built again
