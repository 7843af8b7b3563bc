import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from meetings.models import Meeting
from tests.agencies.factories import AgencyFactory, OfficialFactory
from tests.meetings.factories import AgendaItemFactory, MeetingFactory, ParticipationFactory

pytestmark = pytest.mark.django_db


class TestMeetingTimes:
    def test_end_before_start_is_refused_by_clean(self):
        meeting = MeetingFactory.build(
            organizer=AgencyFactory(), start_time=datetime.time(10), end_time=datetime.time(9)
        )
        with pytest.raises(ValidationError) as excinfo:
            meeting.full_clean()
        assert "end_time" in excinfo.value.message_dict

    def test_end_before_start_is_refused_by_the_database(self):
        with pytest.raises(IntegrityError), transaction.atomic():
            MeetingFactory(start_time=datetime.time(10), end_time=datetime.time(9))

    def test_end_without_start_is_refused_by_the_database(self):
        with pytest.raises(IntegrityError), transaction.atomic():
            MeetingFactory(start_time=None, end_time=datetime.time(9))

    def test_unknown_start_and_open_end_are_allowed(self):
        MeetingFactory(start_time=None, end_time=None).full_clean()

    def test_starts_at_is_aware_in_the_meetings_zone(self):
        meeting = Meeting(
            date=datetime.date(2024, 11, 12), start_time=datetime.time(9), time_zone="Asia/Makassar"
        )
        assert meeting.starts_at.utcoffset() == datetime.timedelta(hours=8)
        assert meeting.zone_abbreviation == "WITA"
        assert Meeting(date=meeting.date).starts_at is None


class TestAgenda:
    def test_positions_are_unique_per_meeting(self):
        meeting = MeetingFactory()
        AgendaItemFactory(meeting=meeting, position=1)
        AgendaItemFactory(position=1)  # another meeting may use it
        with pytest.raises(IntegrityError), transaction.atomic():
            AgendaItemFactory(meeting=meeting, position=1)

    def test_position_zero_is_refused(self):
        with pytest.raises(IntegrityError), transaction.atomic():
            AgendaItemFactory(position=0)

    def test_presenter_must_belong_to_the_presenting_agency(self):
        item = AgendaItemFactory.build(
            meeting=MeetingFactory(), presenter_agency=AgencyFactory(), presenter=OfficialFactory()
        )
        with pytest.raises(ValidationError) as excinfo:
            item.full_clean()
        assert "presenter" in excinfo.value.message_dict


class TestParticipation:
    def test_one_row_per_agency_and_invited_position(self):
        existing = ParticipationFactory(invitee_position="Camat Asera")
        with pytest.raises(IntegrityError), transaction.atomic():
            ParticipationFactory(
                meeting=existing.meeting, agency=existing.agency, invitee_position="Camat Asera"
            )

    def test_one_row_per_agency_and_invited_official(self):
        official = OfficialFactory()
        existing = ParticipationFactory(agency=official.agency, invitee=official)
        with pytest.raises(IntegrityError), transaction.atomic():
            ParticipationFactory(meeting=existing.meeting, agency=official.agency, invitee=official)

    def test_invitee_or_position_is_required(self):
        with pytest.raises(IntegrityError), transaction.atomic():
            ParticipationFactory(invitee=None, invitee_position="")

    def test_invited_official_must_belong_to_the_agency(self):
        participation = ParticipationFactory.build(
            meeting=MeetingFactory(), agency=AgencyFactory(), invitee=OfficialFactory()
        )
        with pytest.raises(ValidationError) as excinfo:
            participation.full_clean()
        assert "invitee" in excinfo.value.message_dict
