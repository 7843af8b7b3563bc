"""Liaisons and attendees act for one institution; administrators assign roles in the portal."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from briefings.models import Briefing
from tests.agencies.factories import AgencyFactory, OfficialFactory
from tests.briefings.factories import BriefingFactory
from tests.meetings.factories import MeetingFactory, ParticipationFactory

pytestmark = pytest.mark.django_db


def _meeting(days: int, *agencies):
    meeting = MeetingFactory(date=timezone.localdate() + datetime.timedelta(days=days))
    for agency in agencies:
        ParticipationFactory(meeting=meeting, agency=agency)
    return meeting


def test_liaison_creates_and_edits_only_its_own_briefing(attendee_for):
    own, other = AgencyFactory(), AgencyFactory()
    meeting = _meeting(3, own, other)
    liaison = attendee_for(own, Role.LIAISON, "liaison")
    own_official, _theirs = OfficialFactory(agency=own), OfficialFactory(agency=other)
    response = liaison.get(reverse("briefings:create", args=[meeting.pk]))
    assert list(response.context["form"].fields["agency"].queryset) == [own]
    # Only its own officials are offered as presenter (another's would be refused).
    assert list(response.context["form"].fields["presenter"].queryset) == [own_official]
    response = liaison.post(
        reverse("briefings:create", args=[meeting.pk]),
        {"agency": other.pk, "topic": "Bukan milik kami", "status": "draft"},
    )
    assert "agency" in response.context["form"].errors
    liaison.post(
        reverse("briefings:create", args=[meeting.pk]),
        {"agency": own.pk, "topic": "Kesiapan kami", "status": "draft"},
    )
    assert Briefing.objects.get(meeting=meeting).agency == own
    foreign = BriefingFactory(meeting=meeting, agency=other, topic="Asli")
    url = reverse("briefings:update", args=[meeting.pk, foreign.pk])
    assert liaison.post(url, {"topic": "Diubah"}).status_code == 403
    foreign.refresh_from_db()
    assert foreign.topic == "Asli"


def test_liaison_cannot_write_after_the_meeting(attendee_for):
    own = AgencyFactory()
    meeting = _meeting(-1, own)
    briefing = BriefingFactory(meeting=meeting, agency=own)
    liaison = attendee_for(own, Role.LIAISON, "liaison")
    # The role allows it, the date does not: back to the meeting page, saying why.
    for url in (
        reverse("briefings:create", args=[meeting.pk]),
        reverse("briefings:update", args=[meeting.pk, briefing.pk]),
    ):
        response = liaison.get(url, follow=True)
        assert response.redirect_chain == [(meeting.get_absolute_url(), 302)]
        assert "Rapat sudah berlangsung" in response.content.decode()
    assert (
        liaison.get(reverse("briefings:detail", args=[meeting.pk, briefing.pk])).status_code == 200
    )


def test_attendee_lists_only_its_institutions_meetings(attendee_for):
    own, other = AgencyFactory(), AgencyFactory()
    mine, theirs = _meeting(3, own), _meeting(3, other)
    attendee = attendee_for(own)
    response = attendee.get(reverse("meetings:list"))
    assert list(response.context["upcoming"]) == [mine]
    assert attendee.get(reverse("meetings:detail", args=[theirs.pk])).status_code == 404


class TestAccountScreens:
    def test_administrator_creates_an_attendee_for_an_institution(self, make_user, client):
        client.force_login(make_user("admin", is_superuser=True, is_staff=True))
        agency = AgencyFactory()
        data = {
            "username": "kpu.peserta",
            "role": Role.PESERTA.value,
            "agency": agency.pk,
            "is_active": "on",
            "password": "Kata-sandi-panjang-2024",
        }
        response = client.post(reverse("accounts:user_create"), {**data, "agency": ""})
        assert "agency" in response.context["form"].errors
        assert client.post(reverse("accounts:user_create"), data).status_code == 302
        user = get_user_model().objects.get(username="kpu.peserta")
        assert user.profile.agency == agency
        assert [g.name for g in user.groups.all()] == [Role.PESERTA.value]
        assert user.check_password("Kata-sandi-panjang-2024")

    def test_role_change_replaces_the_old_role_and_keeps_the_password(self, make_user, client):
        client.force_login(make_user("admin", is_superuser=True, is_staff=True))
        account = make_user("budi", Role.OPERATOR)
        response = client.post(
            reverse("accounts:user_update", args=[account.pk]),
            {"username": "budi", "role": Role.NOTULIS.value, "is_active": "on", "password": ""},
        )
        # Every account acts for an institution, staff too.
        assert "agency" in response.context["form"].errors
        response = client.post(
            reverse("accounts:user_update", args=[account.pk]),
            {
                "username": "budi",
                "role": Role.NOTULIS.value,
                "agency": account.profile.agency_id,
                "is_active": "on",
                "password": "",
            },
        )
        assert response.status_code == 302
        account.refresh_from_db()
        assert [g.name for g in account.groups.all()] == [Role.NOTULIS.value]
        assert account.check_password("x")

    def test_weak_password_and_duplicate_username_are_explained(self, make_user, client):
        client.force_login(make_user("admin", is_superuser=True, is_staff=True))
        make_user("budi")
        response = client.post(
            reverse("accounts:user_create"),
            {"username": "BUDI", "role": Role.OPERATOR.value, "password": "123"},
        )
        assert {"username", "password"} <= set(response.context["form"].errors)
