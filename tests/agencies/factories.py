import factory

from agencies.models import Agency, Official, Region


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region

    name = factory.Sequence(lambda n: f"Provinsi Uji {n}")
    kind = Region.Kind.PROVINCE
    code = ""

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        # The provinces and kabupaten/kota ship with the portal (migration agencies.0010): a
        # region asked for by such a code is the shipped one.
        if kwargs.get("code"):
            shipped = model_class.objects.filter(code=kwargs["code"]).first()
            if shipped is not None:
                return shipped
        return super()._create(model_class, *args, **kwargs)


# The demo regency's government (demo.data.PEMKAB): the demo's Kesbangpol, which organizes the
# demo meetings, is registered under it, so tests' staff see those meetings too.
HOME_ORGANIZER = "Pemerintah Kabupaten Konawe Utara"


def home_organizer() -> Agency:
    """The organizer that tests' staff accounts act for (tests.conftest.make_user) and that
    organizes MeetingFactory's meetings and registered AgencyFactory's institutions."""
    agency, created = Agency.objects.get_or_create(
        name=HOME_ORGANIZER,
        defaults={"short_name": "Sekretariat", "kind": Agency.Kind.OTHER, "level": "kabkota"},
    )
    if created:
        # An organizer's staff keep its own record (its officials, its letterhead).
        Agency.objects.filter(pk=agency.pk).update(owner=agency)
        agency.owner_id = agency.pk
    return agency


class AgencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agency

    name = factory.Sequence(lambda n: f"Instansi Uji {n}")
    short_name = factory.Sequence(lambda n: f"IU{n}")
    kind = Agency.Kind.OPD
    owner = factory.LazyFunction(home_organizer)


class OfficialFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Official

    name = factory.Sequence(lambda n: f"Pejabat {n}")
    position = "Kepala Bidang"
    agency = factory.SubFactory(AgencyFactory)


def agencies_but_home():
    """Institutions other than the tests' home organizer (which staff accounts bring along)."""
    return Agency.objects.exclude(pk=home_organizer().pk)
