import datetime

import factory

from meetings.models import AgendaItem, Election, FollowUp, Meeting, Participation
from tests.agencies.factories import AgencyFactory, RegionFactory, home_organizer


class ElectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Election

    name = factory.Sequence(lambda n: f"Pilkada Uji {n}")
    voting_day = datetime.date(2024, 11, 27)
    region = factory.SubFactory(RegionFactory)
    owner = factory.LazyFunction(home_organizer)


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    organizer = factory.LazyFunction(home_organizer)
    title = factory.Sequence(lambda n: f"Rapat Koordinasi {n}")
    date = datetime.date(2024, 11, 12)
    start_time = datetime.time(9, 0)
    venue = "Aula Kantor Bupati"


class AgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgendaItem

    meeting = factory.SubFactory(MeetingFactory)
    position = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Mata acara {n}")
    kind = AgendaItem.Kind.PRESENTATION
    presenter_agency = factory.SubFactory(AgencyFactory)


class ParticipationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participation

    meeting = factory.SubFactory(MeetingFactory)
    agency = factory.SubFactory(AgencyFactory)
    invitee_position = factory.Sequence(lambda n: f"Kepala {n}")
    status = Participation.Status.PRESENT


class FollowUpFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FollowUp

    meeting = factory.SubFactory(MeetingFactory)
    text = factory.Sequence(lambda n: f"Tindak lanjut {n}")
    responsible_agency = factory.SubFactory(AgencyFactory)


def complete_record(meeting: Meeting) -> Meeting:
    """Fill in what approval asks for and leave the rest: chair, minute taker, start time,
    an attendance status for every invitation, notes (or "nothing to record"), conclusions."""
    from tests.agencies.factories import OfficialFactory

    Meeting.objects.filter(pk=meeting.pk, chair__isnull=True).update(chair=OfficialFactory())
    Meeting.objects.filter(pk=meeting.pk, minute_taker__isnull=True).update(
        minute_taker=OfficialFactory()
    )
    Meeting.objects.filter(pk=meeting.pk, start_time__isnull=True).update(
        start_time=datetime.time(9, 0)
    )
    Meeting.objects.filter(pk=meeting.pk, end_time__isnull=True).update(
        end_time=datetime.time(12, 0)
    )
    Meeting.objects.filter(pk=meeting.pk, conclusions="").update(conclusions="Disepakati.")
    meeting.participations.filter(status=Participation.Status.INVITED).update(
        status=Participation.Status.PRESENT
    )
    if not meeting.participations.exists():
        ParticipationFactory(meeting=meeting)
    meeting.agenda_items.filter(discussion_notes="").update(no_notes=True)
    meeting.refresh_from_db()
    return meeting
