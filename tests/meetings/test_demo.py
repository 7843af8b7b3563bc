import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.utils import timezone

from accounts.services import demo_users_create
from agencies.models import Agency
from demo.loader import demo_load
from meetings.models import Meeting

pytestmark = pytest.mark.django_db

PROJECT_MODELS = [
    model
    for app in ("agencies", "meetings", "briefings")
    for model in apps.get_app_config(app).get_models()
]


def _row_counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in PROJECT_MODELS}


def test_loading_twice_changes_nothing():
    first = demo_load()
    counts = _row_counts()
    second = demo_load()
    assert _row_counts() == counts
    assert second.seed_meeting.pk == first.seed_meeting.pk


def test_seed_meeting_matches_the_article():
    meeting = demo_load().seed_meeting
    assert meeting.venue == "Hotel Plaza Inn Kendari"
    assert str(meeting.date) == "2024-11-12"
    assert meeting.start_time is None  # the article gives no time
    assert meeting.chair.full_name == "Drs. La Ode Saifuddin, M.Si"
    assert meeting.organizer.short_name == "Kesbangpol Konut"
    assert meeting.election.name == "Pilkada Serentak 2024"
    assert str(meeting.election.voting_day) == "2024-11-27"
    agenda = list(meeting.agenda_items.select_related("presenter_agency"))
    assert [item.kind for item in agenda] == ["opening"] + ["presentation"] * 5
    assert [item.presenter_agency.short_name for item in agenda[1:]] == [
        "Kejari Konawe",
        "Bawaslu Konut",
        "KPU Konut",
        "Kodim 1430 Konut",
        "Polres Konut",
    ]
    assert meeting.briefings.count() == 5
    assert meeting.briefings.filter(readiness="").count() == 5  # not stated in the article
    invited = set(meeting.participations.values_list("agency__short_name", flat=True))
    assert {"KPU Konut", "Bawaslu Konut", "DPRD Konut", "Setda Konut", "Polres Konut"} <= invited
    assert meeting.participations.filter(agency__kind=Agency.Kind.DISTRICT).count() == 13
    dprd = meeting.participations.get(agency__short_name="DPRD Konut")
    assert dprd.status == "represented"
    # Who stood in is a person on the list, linked to the invitation they fill.
    stand_in = dprd.attendees.get()
    assert stand_in.name == "Wakil Ketua II DPRD Kabupaten Konawe Utara"
    assert stand_in.on_behalf


def test_example_meeting_is_marked_fictional_and_fully_structured():
    meeting = demo_load().example_meeting
    assert "CONTOH" in meeting.title
    assert meeting.participations.filter(status="represented").exists()
    assert meeting.participations.filter(status="excused").exists()
    assert all(b.indicators.exists() and b.risks.exists() for b in meeting.briefings.all())


def test_demo_users_are_refused_when_debug_is_off(settings):
    settings.DEBUG = False
    with pytest.raises(ImproperlyConfigured):
        demo_users_create()
    call_command("load_demo")
    assert not get_user_model().objects.exists()
    # The seed, the [CONTOH] example, and the fictional series: an earlier meeting, today's
    # and an upcoming one.
    assert Meeting.objects.count() == 5


def test_demo_users_have_one_role_each(settings):
    settings.DEBUG = True
    call_command("load_demo")
    call_command("load_demo")
    users = {u.username: u for u in get_user_model().objects.prefetch_related("groups")}
    assert set(users) == {
        "operator",
        "notulis",
        "pimpinan",
        "pengawas",
        "perwakilan",
        "peserta",
        "admin",
    }
    assert users["perwakilan"].profile.agency.short_name == "KPU Konut"
    for staff in ("operator", "notulis", "pimpinan"):
        assert users[staff].profile.agency.short_name == "Kesbangpol Konut"
    assert users["pengawas"].profile.agency.short_name == "Kesbangpol Sultra"
    assert users["pimpinan"].profile.official.position == "Pjs. Bupati Konawe Utara"
    assert users["admin"].is_superuser
    assert [g.name for g in users["operator"].groups.all()] == ["Operator Kesbangpol"]
    assert users["operator"].check_password("rakor-demo")
    assert users["operator"].has_perm("meetings.change_meeting")
    assert not users["peserta"].is_staff


def test_the_demo_shows_todays_check_in_and_an_upcoming_meeting(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    result = demo_load()
    today = result.today_meeting
    assert today.date == timezone.localdate()
    assert today.checkin_desk.is_open
    assert today.attendees.count() == 3
    assert all(person.signature for person in today.attendees.all())
    assert result.upcoming_meeting.date > timezone.localdate()
    # Loading again adds nobody.
    demo_load()
    assert today.attendees.count() == 3


def test_the_demo_series_fills_the_register_and_the_dashboard(settings):
    """`make run` shows the follow-up register and the readiness dashboard filled."""
    from django.test import Client
    from django.urls import reverse

    from meetings.models import FollowUpProgress
    from meetings.selectors import earlier_follow_ups

    settings.DEBUG = True
    call_command("load_demo")
    call_command("load_demo")  # idempotent: nothing twice
    today = Meeting.objects.get(title__startswith="[CONTOH] Rakor Hari Ini")
    earlier = Meeting.objects.get(title__startswith="[CONTOH] Rakor Kesiapan H-20")
    assert earlier.is_final
    assert earlier.revisions.count() == 1
    assert FollowUpProgress.objects.count() == 2
    rows = earlier_follow_ups(meeting=today)
    assert sorted(row.status for row in rows) == ["done", "open"]
    client = Client()
    client.force_login(get_user_model().objects.get(username="operator"))
    dashboard = client.get(reverse("readiness:dashboard", args=[today.election_id]))
    assert dashboard.status_code == 200
    body = dashboard.content.decode()
    assert "H-6" in body
    assert "Logistik tiba di PPS (contoh)" not in body or "trend-achieved" in body
    register = client.get(reverse("followups:register")).content.decode()
    assert "Mempercepat distribusi logistik" in register
    liaison = Client()
    liaison.force_login(get_user_model().objects.get(username="perwakilan"))
    assert (
        "Mempercepat distribusi logistik"
        in liaison.get(reverse("followups:register")).content.decode()
    )
