import factory

from agencies.models import Agency, Official, Region


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region

    name = factory.Sequence(lambda n: f"Provinsi Uji {n}")
    kind = Region.Kind.PROVINCE
    code = ""


class AgencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agency

    name = factory.Sequence(lambda n: f"Instansi Uji {n}")
    short_name = factory.Sequence(lambda n: f"IU{n}")
    kind = Agency.Kind.OPD


class OfficialFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Official

    name = factory.Sequence(lambda n: f"Pejabat {n}")
    position = "Kepala Bidang"
    agency = factory.SubFactory(AgencyFactory)
