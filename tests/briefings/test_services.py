from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from briefings.models import Briefing, ReadinessIndicator, Risk
from briefings.services import briefing_create, briefing_delete, briefing_update
from tests.agencies.factories import AgencyFactory, OfficialFactory
from tests.briefings.factories import BriefingFactory, ReadinessIndicatorFactory, RiskFactory
from tests.meetings.factories import AgendaItemFactory, MeetingFactory, ParticipationFactory

pytestmark = pytest.mark.django_db


def indicator_row(**fields):
    return {
        "id": None,
        "delete": False,
        "aspect": ReadinessIndicator.Aspect.LOGISTICS,
        "label": "Kotak suara",
        "status": ReadinessIndicator.Status.ON_TRACK,
        "value": Decimal("10"),
        "target": Decimal("20"),
        "unit": "buah",
        "note": "",
        **fields,
    }


def risk_row(**fields):
    return {
        "id": None,
        "delete": False,
        "category": Risk.Category.DISASTER,
        "level": Risk.Level.HIGH,
        "location": "Kecamatan Asera",
        "description": "Banjir musiman",
        "mitigation": "Koordinasi dengan BPBD",
        **fields,
    }


@pytest.fixture
def invited():
    """A meeting with one invited institution, its official and one agenda item."""
    participation = ParticipationFactory()
    official = OfficialFactory(agency=participation.agency)
    item = AgendaItemFactory(meeting=participation.meeting, presenter_agency=participation.agency)
    return participation.meeting, participation.agency, official, item


@pytest.fixture
def briefing():
    briefing = BriefingFactory(topic="Kesiapan logistik")
    ParticipationFactory(meeting=briefing.meeting, agency=briefing.agency)
    return briefing


class TestBriefingCreate:
    def test_creates_a_draft_briefing_for_an_invited_institution(self, invited):
        meeting, agency, official, item = invited
        briefing = briefing_create(
            meeting=meeting,
            agency=agency,
            topic="Kesiapan logistik",
            agenda_item=item,
            presenter=official,
            summary="Ringkasan",
            readiness=Briefing.Readiness.READY_WITH_NOTES,
        )
        briefing.refresh_from_db()
        assert briefing.meeting == meeting
        assert briefing.presenter == official
        assert briefing.agenda_item == item
        assert briefing.status == Briefing.Status.DRAFT
        assert briefing.readiness == Briefing.Readiness.READY_WITH_NOTES

    def test_overall_readiness_may_stay_empty(self, invited):
        meeting, agency, _official, _item = invited
        briefing = briefing_create(meeting=meeting, agency=agency, topic="Kesiapan")
        assert briefing.readiness == ""

    def test_institution_must_be_invited(self, invited):
        meeting, _agency, _official, _item = invited
        with pytest.raises(ValidationError) as excinfo:
            briefing_create(meeting=meeting, agency=AgencyFactory(), topic="Kesiapan")
        assert "agency" in excinfo.value.message_dict
        assert not Briefing.objects.exists()

    def test_second_briefing_of_an_institution_is_refused(self, invited):
        meeting, agency, _official, _item = invited
        briefing_create(meeting=meeting, agency=agency, topic="Pertama")
        with pytest.raises(ValidationError):
            briefing_create(meeting=meeting, agency=agency, topic="Kedua")
        assert Briefing.objects.count() == 1

    def test_presenter_must_belong_to_the_institution(self, invited):
        meeting, agency, _official, _item = invited
        with pytest.raises(ValidationError) as excinfo:
            briefing_create(
                meeting=meeting, agency=agency, topic="Kesiapan", presenter=OfficialFactory()
            )
        assert "presenter" in excinfo.value.message_dict
        assert not Briefing.objects.exists()

    def test_agenda_item_must_be_of_the_meeting(self, invited):
        meeting, agency, _official, _item = invited
        with pytest.raises(ValidationError) as excinfo:
            briefing_create(
                meeting=meeting, agency=agency, topic="Kesiapan", agenda_item=AgendaItemFactory()
            )
        assert "agenda_item" in excinfo.value.message_dict

    def test_unknown_field_is_a_programming_error(self, invited):
        meeting, agency, _official, _item = invited
        with pytest.raises(TypeError):
            briefing_create(meeting=meeting, agency=agency, topic="Kesiapan", meeting_id=1)

    def test_touches_the_meeting_so_cached_pages_refresh(self, invited):
        meeting, agency, _official, _item = invited
        before = meeting.updated_at
        briefing_create(meeting=meeting, agency=agency, topic="Kesiapan")
        meeting.refresh_from_db()
        assert meeting.updated_at > before


class TestBriefingUpdate:
    def test_changes_the_briefing_fields(self, briefing):
        briefing_update(
            briefing=briefing,
            topic="Topik baru",
            summary="Ringkasan",
            readiness=Briefing.Readiness.NOT_READY,
            status=Briefing.Status.SUBMITTED,
        )
        briefing.refresh_from_db()
        assert briefing.topic == "Topik baru"
        assert briefing.readiness == Briefing.Readiness.NOT_READY
        assert briefing.status == Briefing.Status.SUBMITTED

    def test_adds_rows(self, briefing):
        briefing_update(
            briefing=briefing,
            indicators=[indicator_row(label="Kotak suara"), indicator_row(label="Tinta")],
            risks=[risk_row()],
        )
        assert list(briefing.indicators.values_list("label", flat=True)) == [
            "Kotak suara",
            "Tinta",
        ]
        risk = briefing.risks.get()
        assert risk.location == "Kecamatan Asera"
        assert risk.level == Risk.Level.HIGH

    def test_changes_a_row(self, briefing):
        indicator = ReadinessIndicatorFactory(briefing=briefing, label="Lama")
        briefing_update(
            briefing=briefing,
            indicators=[indicator_row(id=indicator.pk, label="Baru", value=Decimal("15"))],
        )
        indicator.refresh_from_db()
        assert indicator.label == "Baru"
        assert indicator.value == Decimal("15")
        assert briefing.indicators.count() == 1

    def test_deletes_a_row(self, briefing):
        kept = ReadinessIndicatorFactory(briefing=briefing)
        deleted = ReadinessIndicatorFactory(briefing=briefing)
        risk = RiskFactory(briefing=briefing)
        briefing_update(
            briefing=briefing,
            indicators=[{"id": deleted.pk, "delete": True}],
            risks=[{"id": risk.pk, "delete": True}],
        )
        assert list(briefing.indicators.all()) == [kept]
        assert not briefing.risks.exists()

    def test_rows_not_listed_stay_as_they_are(self, briefing):
        indicator = ReadinessIndicatorFactory(briefing=briefing, label="Tetap")
        briefing_update(briefing=briefing, topic="Topik baru")
        indicator.refresh_from_db()
        assert indicator.label == "Tetap"

    def test_a_new_row_marked_deleted_is_not_added(self, briefing):
        briefing_update(briefing=briefing, indicators=[indicator_row(delete=True)])
        assert not briefing.indicators.exists()

    def test_an_invalid_row_saves_nothing(self, briefing):
        to_delete = ReadinessIndicatorFactory(briefing=briefing)
        with pytest.raises(ValidationError) as excinfo:
            briefing_update(
                briefing=briefing,
                topic="Topik baru",
                indicators=[
                    indicator_row(label="Sah"),
                    indicator_row(status=""),
                    {"id": to_delete.pk, "delete": True},
                ],
                risks=[risk_row()],
            )
        assert set(excinfo.value.message_dict) == {"indicators.1.status"}
        briefing.refresh_from_db()
        assert briefing.topic == "Kesiapan logistik"
        assert list(briefing.indicators.all()) == [to_delete]
        assert not briefing.risks.exists()

    def test_every_invalid_field_is_reported_with_its_row(self, briefing):
        with pytest.raises(ValidationError) as excinfo:
            briefing_update(
                briefing=briefing,
                topic="",
                indicators=[
                    indicator_row(value=Decimal("-1")),
                    indicator_row(target=Decimal("0")),
                    indicator_row(label="x" * 201),
                ],
                risks=[risk_row(), risk_row(level="extreme")],
            )
        assert set(excinfo.value.message_dict) == {
            "topic",
            "indicators.0.value",
            "indicators.1.target",
            "indicators.2.label",
            "risks.1.level",
        }
        assert not briefing.indicators.exists()
        assert not briefing.risks.exists()

    def test_a_row_of_another_briefing_is_refused(self, briefing):
        other = ReadinessIndicatorFactory(label="Milik orang lain")
        with pytest.raises(ValidationError) as excinfo:
            briefing_update(
                briefing=briefing, indicators=[indicator_row(id=other.pk, label="Diubah")]
            )
        assert set(excinfo.value.message_dict) == {"indicators.0.id"}
        other.refresh_from_db()
        assert other.label == "Milik orang lain"
        assert other.briefing != briefing

    def test_deleting_a_row_of_another_briefing_is_refused(self, briefing):
        other = RiskFactory()
        with pytest.raises(ValidationError) as excinfo:
            briefing_update(briefing=briefing, risks=[{"id": other.pk, "delete": True}])
        assert set(excinfo.value.message_dict) == {"risks.0.id"}
        assert Risk.objects.filter(pk=other.pk).exists()

    def test_presenter_must_belong_to_the_institution(self, briefing):
        with pytest.raises(ValidationError) as excinfo:
            briefing_update(briefing=briefing, presenter=OfficialFactory())
        assert set(excinfo.value.message_dict) == {"presenter"}

    def test_agenda_item_must_be_of_the_meeting(self, briefing):
        with pytest.raises(ValidationError) as excinfo:
            briefing_update(
                briefing=briefing, agenda_item=AgendaItemFactory(meeting=MeetingFactory())
            )
        assert set(excinfo.value.message_dict) == {"agenda_item"}

    def test_unknown_row_field_is_a_programming_error(self, briefing):
        with pytest.raises(TypeError):
            briefing_update(briefing=briefing, indicators=[indicator_row(briefing_id=1)])


class TestBriefingDelete:
    def test_deletes_the_briefing_with_its_rows(self, briefing):
        ReadinessIndicatorFactory.create_batch(2, briefing=briefing)
        RiskFactory(briefing=briefing)
        other = BriefingFactory(meeting=briefing.meeting)
        ReadinessIndicatorFactory(briefing=other)
        briefing_delete(briefing=briefing)
        assert list(Briefing.objects.all()) == [other]
        assert ReadinessIndicator.objects.get().briefing == other
        assert not Risk.objects.exists()
