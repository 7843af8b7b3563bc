import datetime

import pytest
from django.core.exceptions import ValidationError

from agencies.models import Agency
from meetings import schedule, services
from meetings.models import AgendaItem, Meeting, Participation
from tests.agencies.factories import AgencyFactory, OfficialFactory
from tests.briefings.factories import BriefingFactory
from tests.meetings.factories import (
    AgendaItemFactory,
    FollowUpFactory,
    MeetingFactory,
    ParticipationFactory,
)

pytestmark = pytest.mark.django_db


def _titles(meeting):
    return list(meeting.agenda_items.order_by("position").values_list("title", flat=True))


class TestMeetingCreateUpdate:
    def test_create_validates_and_saves(self):
        meeting = services.meeting_create(
            organizer=AgencyFactory(),
            title="Rakor Pilkada",
            date=datetime.date(2024, 11, 12),
            venue="Hotel Plaza Inn Kendari",
            start_time=datetime.time(9),
        )
        assert Meeting.objects.get(pk=meeting.pk).venue == "Hotel Plaza Inn Kendari"

    def test_end_before_start_is_refused_and_nothing_changes(self):
        meeting = MeetingFactory(start_time=datetime.time(9))
        with pytest.raises(ValidationError) as excinfo:
            services.meeting_update(meeting=meeting, end_time=datetime.time(8))
        assert "end_time" in excinfo.value.message_dict
        meeting.refresh_from_db()
        assert meeting.end_time is None

    def test_unknown_field_is_a_programming_error(self):
        with pytest.raises(TypeError):
            services.meeting_update(meeting=MeetingFactory(), colour="red")


def test_delete_summary_and_delete():
    meeting = MeetingFactory()
    AgendaItemFactory.create_batch(2, meeting=meeting)
    ParticipationFactory(meeting=meeting)
    BriefingFactory(meeting=meeting)
    FollowUpFactory(meeting=meeting)
    assert services.meeting_deletion_summary(meeting=meeting) == {
        "agenda_items": 2,
        "participations": 1,
        "briefings": 1,
        "follow_ups": 1,
    }
    services.meeting_delete(meeting=meeting)
    assert not Meeting.objects.filter(pk=meeting.pk).exists()
    assert not AgendaItem.objects.exists()


def test_duplicate_copies_agenda_and_invitations_but_not_attendance_or_minutes():
    meeting = MeetingFactory(conclusions="Sepakat", status=Meeting.Status.HELD)
    AgendaItemFactory(meeting=meeting, position=1, title="Pembukaan")
    AgendaItemFactory(meeting=meeting, position=2, title="Paparan KPU")
    ParticipationFactory(meeting=meeting, status="represented", note="terlambat")
    BriefingFactory(meeting=meeting)
    FollowUpFactory(meeting=meeting)
    copy = services.meeting_duplicate(meeting=meeting, date=datetime.date(2024, 12, 1))
    assert copy.pk != meeting.pk
    assert copy.status == Meeting.Status.DRAFT
    assert copy.conclusions == ""
    assert _titles(copy) == ["Pembukaan", "Paparan KPU"]
    participation = copy.participations.get()
    assert participation.status == Participation.Status.INVITED
    assert participation.note == ""
    assert not copy.briefings.exists()
    assert not copy.follow_ups.exists()


class TestAgenda:
    def test_items_are_appended_in_order(self):
        meeting = MeetingFactory()
        for title in ("A", "B", "C"):
            services.agenda_item_create(meeting=meeting, title=title, kind="presentation")
        assert _titles(meeting) == ["A", "B", "C"]
        assert list(meeting.agenda_items.values_list("position", flat=True)) == [1, 2, 3]

    def test_move_up_and_down_keeps_positions_contiguous(self):
        meeting = MeetingFactory()
        items = [
            services.agenda_item_create(meeting=meeting, title=t, kind="presentation")
            for t in "ABCD"
        ]
        services.agenda_item_move(item=items[2], offset=-1)
        assert _titles(meeting) == ["A", "C", "B", "D"]
        services.agenda_item_move(item=items[0], offset=1)
        assert _titles(meeting) == ["C", "A", "B", "D"]
        # Past either end nothing happens.
        services.agenda_item_move(item=items[3], offset=1)
        services.agenda_item_move(item=items[2], offset=-1)
        assert _titles(meeting) == ["C", "A", "B", "D"]
        assert list(meeting.agenda_items.values_list("position", flat=True)) == [1, 2, 3, 4]

    def test_delete_closes_the_gap(self):
        meeting = MeetingFactory()
        items = [
            services.agenda_item_create(meeting=meeting, title=t, kind="presentation")
            for t in "ABC"
        ]
        services.agenda_item_delete(item=items[0])
        assert list(meeting.agenda_items.values_list("title", "position")) == [("B", 1), ("C", 2)]

    def test_presenter_from_another_institution_is_refused(self):
        meeting = MeetingFactory()
        with pytest.raises(ValidationError) as excinfo:
            services.agenda_item_create(
                meeting=meeting,
                title="Paparan",
                kind="presentation",
                presenter_agency=AgencyFactory(),
                presenter=OfficialFactory(),
            )
        assert "presenter" in excinfo.value.message_dict
        assert not meeting.agenda_items.exists()

    def test_schedule_follows_durations_and_honours_overrides(self):
        meeting = MeetingFactory(start_time=datetime.time(9, 0))
        items = [
            AgendaItemFactory.build(duration_minutes=15),
            AgendaItemFactory.build(duration_minutes=30),
            AgendaItemFactory.build(planned_start=datetime.time(10, 0), duration_minutes=20),
            AgendaItemFactory.build(duration_minutes=None),
            AgendaItemFactory.build(),
        ]
        assert schedule.agenda_schedule(meeting=meeting, items=items) == [
            datetime.time(9, 0),
            datetime.time(9, 15),
            datetime.time(10, 0),
            datetime.time(10, 20),
            None,  # the item before has no duration
        ]

    def test_schedule_without_a_meeting_start(self):
        meeting = MeetingFactory(start_time=None)
        items = [AgendaItemFactory.build(duration_minutes=15)]
        assert schedule.agenda_schedule(meeting=meeting, items=items) == [None]

    def test_schedule_stops_at_midnight(self):
        meeting = MeetingFactory(start_time=datetime.time(23, 30))
        items = [AgendaItemFactory.build(duration_minutes=60), AgendaItemFactory.build()]
        assert schedule.agenda_schedule(meeting=meeting, items=items) == [
            datetime.time(23, 30),
            None,
        ]


class TestInvitations:
    def test_invite_defaults_to_the_heads_position(self):
        agency = AgencyFactory(head_title="Kapolres Konawe Utara")
        participation = services.participation_invite(meeting=MeetingFactory(), agency=agency)
        assert participation.invitee_position == "Kapolres Konawe Utara"

    def test_inviting_twice_is_refused(self):
        meeting, agency = MeetingFactory(), AgencyFactory()
        services.participation_invite(meeting=meeting, agency=agency)
        with pytest.raises(ValidationError):
            services.participation_invite(meeting=meeting, agency=agency)
        assert meeting.participations.count() == 1

    def test_group_invite_skips_institutions_already_invited(self):
        meeting = MeetingFactory()
        camat = [AgencyFactory(kind=Agency.Kind.DISTRICT) for _ in range(3)]
        services.participation_invite(meeting=meeting, agency=camat[0])
        created = services.participation_invite_group(
            meeting=meeting, agencies=Agency.objects.filter(kind=Agency.Kind.DISTRICT)
        )
        assert len(created) == 2
        assert meeting.participations.count() == 3


class TestAttendance:
    def test_arrival_sets_check_in_once_and_clears_on_absence(self):
        participation = ParticipationFactory(status="invited")
        first = datetime.datetime(2024, 11, 12, 1, 0, tzinfo=datetime.UTC)
        services.participation_set_status(participation=participation, status="present", now=first)
        services.participation_set_status(
            participation=participation,
            status="represented",
            now=first + datetime.timedelta(hours=1),
        )
        assert participation.checked_in_at == first
        services.participation_set_status(participation=participation, status="excused")
        participation.refresh_from_db()
        assert participation.checked_in_at is None


def test_minutes_save_records_discussion_and_speakers():
    meeting = MeetingFactory()
    item = AgendaItemFactory(meeting=meeting)
    speaker = OfficialFactory()
    services.meeting_minutes_save(
        meeting=meeting,
        opening_remarks="Dibuka",
        conclusions="1. Siap",
        items=[(item, "Tanya jawab", [speaker])],
    )
    meeting.refresh_from_db()
    assert meeting.conclusions == "1. Siap"
    item.refresh_from_db()
    assert item.discussion_notes == "Tanya jawab"
    assert list(item.speakers.all()) == [speaker]


def test_follow_up_lifecycle():
    meeting = MeetingFactory()
    follow_up = services.follow_up_create(
        meeting=meeting, text="Distribusi logistik", responsible_agency=AgencyFactory()
    )
    services.follow_up_update(follow_up=follow_up, status="done")
    assert meeting.follow_ups.get().status == "done"
    services.follow_up_delete(follow_up=follow_up)
    assert not meeting.follow_ups.exists()


@pytest.mark.django_db
def test_a_new_holder_of_the_position_chairs_from_the_row_of_the_earlier_one():
    from meetings import services
    from tests.agencies.factories import AgencyFactory, OfficialFactory

    pemkab = AgencyFactory()
    earlier = OfficialFactory(agency=pemkab, position="Bupati Konawe Utara")
    meeting = MeetingFactory()
    services.participation_invite(meeting=meeting, agency=pemkab, invitee=earlier)
    now = OfficialFactory(agency=pemkab, position="Bupati Konawe Utara")
    services.meeting_update(meeting=meeting, chair=now)
    rows = list(meeting.participations.all())
    assert [(r.invitee, r.is_host) for r in rows if r.agency == pemkab] == [(now, True)]
