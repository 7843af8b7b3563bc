import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from tests.agencies.factories import OfficialFactory
from tests.briefings.factories import BriefingFactory, ReadinessIndicatorFactory
from tests.meetings.factories import AgendaItemFactory

pytestmark = pytest.mark.django_db


def test_one_briefing_per_agency_per_meeting():
    briefing = BriefingFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        BriefingFactory(meeting=briefing.meeting, agency=briefing.agency)


def test_agenda_item_must_be_of_the_same_meeting():
    briefing = BriefingFactory.build(agenda_item=AgendaItemFactory())
    briefing.meeting = BriefingFactory().meeting
    briefing.agency = briefing.meeting.organizer
    with pytest.raises(ValidationError) as excinfo:
        briefing.full_clean()
    assert "agenda_item" in excinfo.value.message_dict


def test_presenter_must_belong_to_the_agency():
    existing = BriefingFactory()
    briefing = BriefingFactory.build(
        meeting=existing.meeting, agency=existing.meeting.organizer, presenter=OfficialFactory()
    )
    with pytest.raises(ValidationError) as excinfo:
        briefing.full_clean()
    assert "presenter" in excinfo.value.message_dict


def test_negative_indicator_value_is_refused():
    with pytest.raises(IntegrityError), transaction.atomic():
        ReadinessIndicatorFactory(value=-1)


def test_zero_target_is_refused():
    with pytest.raises(IntegrityError), transaction.atomic():
        ReadinessIndicatorFactory(target=0)


def test_percent_of_target():
    assert ReadinessIndicatorFactory(value=97.5, target=100).percent_of_target == 98
    assert ReadinessIndicatorFactory(value=5, target=None).percent_of_target is None
