import factory

from briefings.models import (
    Briefing,
    BriefingTemplate,
    BriefingTemplateItem,
    ReadinessIndicator,
    Risk,
)
from tests.agencies.factories import AgencyFactory
from tests.meetings.factories import MeetingFactory


class BriefingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Briefing

    meeting = factory.SubFactory(MeetingFactory)
    agency = factory.SubFactory(AgencyFactory)
    topic = factory.Sequence(lambda n: f"Kesiapan {n}")
    readiness = Briefing.Readiness.READY


class ReadinessIndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReadinessIndicator

    briefing = factory.SubFactory(BriefingFactory)
    aspect = ReadinessIndicator.Aspect.LOGISTICS
    label = factory.Sequence(lambda n: f"Indikator {n}")
    status = ReadinessIndicator.Status.ON_TRACK
    value = 50
    target = 100
    unit = "%"


class RiskFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Risk

    briefing = factory.SubFactory(BriefingFactory)
    category = Risk.Category.SECURITY
    level = Risk.Level.MEDIUM
    location = factory.Sequence(lambda n: f"Kecamatan {n}")


class BriefingTemplateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BriefingTemplate

    name = factory.Sequence(lambda n: f"Templat {n}")
    topic = factory.Sequence(lambda n: f"Topik templat {n}")
    position = factory.Sequence(lambda n: n + 10)


class BriefingTemplateItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BriefingTemplateItem

    template = factory.SubFactory(BriefingTemplateFactory)
    position = factory.Sequence(lambda n: n + 1)
    aspect = ReadinessIndicator.Aspect.LOGISTICS
    label = factory.Sequence(lambda n: f"Butir templat {n}")
    unit = "buah"
