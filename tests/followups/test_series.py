"""Follow-ups across a series of meetings: the progress log, the register per role, the review
at a later meeting, the Notula's "Tindak lanjut rapat sebelumnya", and the exports."""

import csv
import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from accounts.models import Profile
from accounts.roles import Role
from documents.render import document_export
from meetings import selectors
from meetings import services as meeting_services
from meetings.models import FollowUpProgress, MinutesStatus
from tests.agencies.factories import AgencyFactory
from tests.documents.conftest import pdf_text
from tests.meetings.factories import ElectionFactory, FollowUpFactory, MeetingFactory

pytestmark = pytest.mark.django_db


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def series():
    """Three meetings of one election and organizer (H-30, H-14, H-7) and a follow-up of the
    first, for the KPU."""
    election = ElectionFactory()
    kpu = AgencyFactory(name="Komisi Pemilihan Umum Kabupaten Contoh", short_name="KPU Contoh")
    first, second, third = (
        MeetingFactory(election=election, date=datetime.date(2024, 10, day), title=f"Rakor {day}")
        for day in (28, 29, 30)
    )
    follow_up = FollowUpFactory(
        meeting=first,
        text="Distribusi logistik ke kecamatan kepulauan",
        responsible_agency=kpu,
        due_date=datetime.date(2024, 10, 29),
    )
    return {
        "election": election,
        "kpu": kpu,
        "meetings": (first, second, third),
        "follow_up": follow_up,
    }


@pytest.fixture
def liaison(make_user, series):
    user = make_user("liaison-kpu", Role.LIAISON)
    Profile.objects.create(user=user, agency=series["kpu"])
    return user


def finalize(meeting):
    meeting.minutes_status = MinutesStatus.FINAL
    meeting.save()


def test_an_open_follow_up_appears_on_the_later_meetings_of_the_series(series):
    first, second, _third = series["meetings"]
    other_series = MeetingFactory(date=datetime.date(2024, 10, 30))  # no election
    rows = selectors.earlier_follow_ups(meeting=second)
    assert [row.follow_up for row in rows] == [series["follow_up"]]
    assert rows[0].status == "open"
    assert selectors.earlier_follow_ups(meeting=first) == []
    assert selectors.earlier_follow_ups(meeting=other_series) == []


def test_closing_at_a_meeting_records_where_and_leaves_the_later_lists(series, make_user):
    _first, second, third = series["meetings"]
    follow_up = series["follow_up"]
    operator = make_user("operator", Role.OPERATOR)
    meeting_services.follow_up_progress_add(
        follow_up=follow_up, status="done", note="Selesai 29/10", user=operator, meeting=second
    )
    follow_up.refresh_from_db()
    assert follow_up.status == "done"
    (row,) = selectors.earlier_follow_ups(meeting=second)
    assert (row.status, row.reviewed, row.note) == ("done", True, "Selesai 29/10")
    # Closed at the second meeting: the third no longer lists it.
    assert selectors.earlier_follow_ups(meeting=third) == []
    # A review belongs to a later meeting of the same series.
    with pytest.raises(ValidationError):
        meeting_services.follow_up_progress_add(
            follow_up=follow_up,
            status="open",
            meeting=MeetingFactory(date=datetime.date(2025, 1, 1)),
        )


def test_a_final_meetings_notula_keeps_its_list(series, make_user):
    _first, second, _third = series["meetings"]
    follow_up = series["follow_up"]
    meeting_services.follow_up_progress_add(
        follow_up=follow_up, status="in_progress", note="70% terkirim", meeting=second
    )
    finalize(second)
    # Closed later, between meetings: the second meeting's Notula still says "in progress".
    meeting_services.follow_up_progress_add(follow_up=follow_up, status="done", note="Tuntas")
    text = pdf_text(document_export(second, "notula").content)
    assert "Tindak Lanjut Rapat Sebelumnya" in text
    assert "Distribusi logistik ke kecamatan kepulauan" in text
    assert "70% terkirim" in text
    # A final record takes no more reviews.
    with pytest.raises(ValidationError):
        meeting_services.follow_up_progress_add(follow_up=follow_up, status="open", meeting=second)


def test_the_liaison_reports_its_own_follow_ups_once_the_minutes_are_approved(series, liaison):
    follow_up = series["follow_up"]
    client = client_for(liaison)
    url = reverse("followups:detail", args=[follow_up.pk])
    # Not yet agreed (the minutes are a draft): not published to the institution.
    assert client.get(url).status_code == 404
    assert "Distribusi logistik" not in client.get(reverse("followups:register")).content.decode()
    finalize(series["meetings"][0])
    assert client.get(url).status_code == 200
    response = client.post(url, {"status": "in_progress", "note": "Kapal berangkat 28/10"})
    assert response.status_code == 302
    step = FollowUpProgress.objects.get(follow_up=follow_up)
    assert (step.status, step.note, step.recorded_by, step.meeting) == (
        "in_progress",
        "Kapal berangkat 28/10",
        liaison,
        None,
    )
    register = client.get(reverse("followups:register")).content.decode()
    assert "Distribusi logistik" in register
    assert "Kapal berangkat 28/10" in register


def test_another_institutions_liaison_sees_nothing(series, make_user):
    finalize(series["meetings"][0])
    other = make_user("liaison-bawaslu", Role.LIAISON)
    Profile.objects.create(user=other, agency=AgencyFactory(short_name="Bawaslu Contoh"))
    client = client_for(other)
    assert client.get(reverse("followups:detail", args=[series["follow_up"].pk])).status_code == 404
    assert (
        client.post(
            reverse("followups:detail", args=[series["follow_up"].pk]), {"status": "done"}
        ).status_code
        == 404
    )
    assert not FollowUpProgress.objects.exists()


def test_the_register_marks_overdue_and_filters(series, make_user):
    client = client_for(make_user("operator", Role.OPERATOR))
    FollowUpFactory(meeting=series["meetings"][0], text="Sudah selesai", status="done")
    page = client.get(reverse("followups:register"), {"overdue": "on"})
    body = page.content.decode()
    assert "Distribusi logistik" in body
    assert "Sudah selesai" not in body
    assert "border-danger" in body
    done = client.get(reverse("followups:register"), {"status": "done"}).content.decode()
    assert "Sudah selesai" in done
    assert "Distribusi logistik" not in done


def test_a_register_row_shows_each_change_and_the_days_overdue_mark(series, make_user, monkeypatch):
    """Rows are kept in the cache under what they show: every change shows at once."""
    client = client_for(make_user("operator", Role.OPERATOR))
    url = reverse("followups:register")
    follow_up = series["follow_up"]
    monkeypatch.setattr(
        "django.utils.timezone.localdate", lambda *args, **kwargs: datetime.date(2024, 10, 28)
    )
    assert "Lewat tenggat" not in client.get(url).content.decode()  # due the 29th
    meeting_services.follow_up_progress_add(
        follow_up=follow_up, status="in_progress", note="Kapal sudah disewa"
    )
    body = client.get(url).content.decode()
    assert "Kapal sudah disewa" in body
    assert "Sedang berjalan" in body
    series["kpu"].name = "KPU Kabupaten Contoh (baru)"
    series["kpu"].save()
    assert "KPU Kabupaten Contoh (baru)" in client.get(url).content.decode()
    monkeypatch.setattr(
        "django.utils.timezone.localdate", lambda *args, **kwargs: datetime.date(2024, 10, 30)
    )
    assert "Lewat tenggat" in client.get(url).content.decode()


def test_the_register_answers_in_a_fixed_number_of_queries(
    series, make_user, django_assert_max_num_queries
):
    client = client_for(make_user("operator", Role.OPERATOR))
    for n in range(30):
        FollowUpFactory(meeting=series["meetings"][n % 3], text=f"Tindak lanjut {n}")
    client.get(reverse("followups:register"))
    with django_assert_max_num_queries(12):
        response = client.get(reverse("followups:register"))
    assert response.status_code == 200


def test_another_organizers_follow_ups_never_appear_in_the_exports(series, make_user):
    elsewhere = MeetingFactory(organizer=AgencyFactory(short_name="Kesbangpol Lain"))
    FollowUpFactory(meeting=elsewhere, text="Rahasia organizer lain")
    client = client_for(make_user("operator", Role.OPERATOR))
    csv_response = client.get(reverse("followups:export", args=["csv"]))
    content = b"".join(csv_response.streaming_content).decode("utf-8")
    assert content.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(content.lstrip("\ufeff"))))
    assert rows[0][:2] == ["No", "Tindak lanjut"]
    assert [row[1] for row in rows[1:]] == ["Distribusi logistik ke kecamatan kepulauan"]
    xlsx = client.get(reverse("followups:export", args=["xlsx"]))
    workbook = load_workbook(io.BytesIO(b"".join(xlsx.streaming_content)))
    sheet = workbook.active
    assert sheet.freeze_panes == "A2"
    values = [row for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert len(values) == 1
    number, text, _title, meeting_date, *_rest = values[0]
    assert number == 1
    assert text == "Distribusi logistik ke kecamatan kepulauan"
    assert meeting_date == datetime.datetime(2024, 10, 28)  # a date cell, not text
    assert sheet.column_dimensions["B"].width == 50
    assert "Rahasia organizer lain" not in content


def test_the_operator_reviews_on_the_meeting_page_and_adds_the_standing_item(series, make_user):
    client = client_for(make_user("operator", Role.OPERATOR))
    second = series["meetings"][1]
    page = client.get(second.get_absolute_url()).content.decode()
    assert "earlier-follow-ups" in page
    assert 'id="add-standing-item"' in page
    client.post(reverse("followups:standing_item", args=[second.pk]))
    assert second.agenda_items.filter(title__startswith="Pembahasan tindak lanjut").count() == 1
    response = client.post(
        reverse("followups:review", args=[second.pk, series["follow_up"].pk]),
        {"status": "done", "note": "Tuntas dilaporkan KPU"},
    )
    assert response.status_code == 302
    (row,) = selectors.earlier_follow_ups(meeting=second)
    assert row.reviewed
    page = client.get(second.get_absolute_url()).content.decode()
    assert 'id="add-standing-item"' not in page


def test_a_duplicated_meeting_lists_the_open_follow_ups_as_references(series):
    first = series["meetings"][0]
    copy = meeting_services.meeting_duplicate(meeting=first, date=datetime.date(2024, 11, 20))
    (row,) = selectors.earlier_follow_ups(meeting=copy)
    # The same row, not a copy of it.
    assert row.follow_up.pk == series["follow_up"].pk
    assert not copy.follow_ups.exists()


def test_the_later_meetings_page_shows_each_step_at_once(series, make_user):
    """The earlier follow-ups of a meeting page are remembered under the series' state: a
    step of progress, by the service or edited directly (the admin), shows on the next view,
    and a view with nothing changed reads no follow-up."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    # A later meeting of the series, after the steps recorded below.
    later = MeetingFactory(
        election=series["election"], date=datetime.date.today() + datetime.timedelta(days=10)
    )
    client = client_for(make_user("operator", Role.OPERATOR))
    url = reverse("meetings:detail", args=[later.pk])
    assert "Distribusi logistik" in client.get(url).content.decode()
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    assert not any("meetings_followupprogress" in q["sql"] for q in queries.captured_queries)
    meeting_services.follow_up_progress_add(
        follow_up=series["follow_up"], status="in_progress", note="Kapal berangkat 28/10"
    )
    assert "Kapal berangkat 28/10" in client.get(url).content.decode()
    step = FollowUpProgress.objects.get(follow_up=series["follow_up"])
    step.note = "Kapal berangkat 27/10"
    step.save()
    assert "Kapal berangkat 27/10" in client.get(url).content.decode()
