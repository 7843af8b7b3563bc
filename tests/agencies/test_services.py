import pytest
from django.core.exceptions import ValidationError
from django.db.models import ProtectedError

from agencies import services
from agencies.models import Agency, Official
from tests.agencies.factories import AgencyFactory, OfficialFactory, RegionFactory
from tests.meetings.factories import AgendaItemFactory, MeetingFactory, ParticipationFactory

pytestmark = pytest.mark.django_db

NIP = "197001012000031001"


class TestAgencyCreate:
    def test_creates_an_institution(self):
        region = RegionFactory()
        parent = AgencyFactory()
        agency = services.agency_create(
            name="Komisi Pemilihan Umum Kabupaten Konawe Utara",
            short_name="KPU Konut",
            kind=Agency.Kind.ELECTION_BODY,
            parent=parent,
            region=region,
            head_title="Ketua KPU Konut",
        )
        agency.refresh_from_db()
        assert agency.short_name == "KPU Konut"
        assert agency.parent == parent
        assert agency.region == region

    def test_duplicate_name_is_refused_and_nothing_is_saved(self):
        AgencyFactory(name="Bawaslu Konawe Utara")
        with pytest.raises(ValidationError) as excinfo:
            services.agency_create(name="Bawaslu Konawe Utara", kind=Agency.Kind.ELECTION_BODY)
        assert "name" in excinfo.value.message_dict
        assert Agency.objects.filter(name="Bawaslu Konawe Utara").count() == 1

    def test_unknown_kind_is_refused(self):
        with pytest.raises(ValidationError) as excinfo:
            services.agency_create(name="Instansi X", kind="xyz")
        assert "kind" in excinfo.value.message_dict
        assert not Agency.objects.filter(name="Instansi X").exists()


class TestAgencyUpdate:
    def test_changes_the_fields(self):
        agency = AgencyFactory()
        services.agency_update(agency=agency, name="Dinas Baru", phone="0401 123")
        agency.refresh_from_db()
        assert (agency.name, agency.phone) == ("Dinas Baru", "0401 123")

    def test_an_institution_cannot_be_placed_under_its_own_unit(self):
        agency = AgencyFactory()
        unit = AgencyFactory(parent=agency)
        with pytest.raises(ValidationError) as excinfo:
            services.agency_update(agency=agency, parent=unit)
        assert "parent" in excinfo.value.message_dict
        agency.refresh_from_db()
        assert agency.parent is None

    def test_unknown_field_is_a_programming_error(self):
        with pytest.raises(TypeError):
            services.agency_update(agency=AgencyFactory(), colour="red")


class TestAgencyDelete:
    def test_deletes_the_institution_with_its_officials(self):
        official = OfficialFactory()
        agency = official.agency
        services.agency_delete(agency=agency)
        assert not Agency.objects.filter(pk=agency.pk).exists()
        assert not Official.objects.filter(pk=official.pk).exists()

    def test_refused_while_invited_to_a_meeting_and_nothing_is_deleted(self):
        official = OfficialFactory()
        participation = ParticipationFactory(agency=official.agency)
        with pytest.raises(ProtectedError) as excinfo:
            services.agency_delete(agency=official.agency)
        assert participation in excinfo.value.protected_objects
        assert Agency.objects.filter(pk=official.agency_id).exists()
        assert Official.objects.filter(pk=official.pk).exists()

    def test_refused_while_one_of_its_officials_chaired_a_meeting(self):
        official = OfficialFactory()
        MeetingFactory(chair=official)
        with pytest.raises(ProtectedError):
            services.agency_delete(agency=official.agency)
        assert Official.objects.filter(pk=official.pk).exists()

    def test_refused_while_it_has_units(self):
        unit = AgencyFactory(parent=AgencyFactory())
        with pytest.raises(ProtectedError):
            services.agency_delete(agency=unit.parent)
        assert Agency.objects.filter(pk=unit.parent_id).exists()


class TestOfficialCreate:
    def test_adds_an_official_to_the_institution(self):
        agency = AgencyFactory()
        official = services.official_create(
            agency=agency,
            name="La Ode Saifuddin",
            title_prefix="Drs.",
            title_suffix="M.Si",
            position="Pjs Bupati",
            nip=NIP,
        )
        assert official.agency == agency
        assert Official.objects.get(pk=official.pk).full_name == "Drs. La Ode Saifuddin, M.Si"

    def test_invalid_nip_is_refused_and_nothing_is_saved(self):
        agency = AgencyFactory()
        with pytest.raises(ValidationError) as excinfo:
            services.official_create(agency=agency, name="Budi", position="Camat", nip="123")
        assert "nip" in excinfo.value.message_dict
        assert not agency.officials.exists()


class TestOfficialUpdate:
    def test_changes_the_fields(self):
        official = OfficialFactory()
        services.official_update(official=official, position="Sekretaris Daerah", nip=NIP)
        official.refresh_from_db()
        assert (official.position, official.nip) == ("Sekretaris Daerah", NIP)

    def test_blank_position_is_refused(self):
        official = OfficialFactory(position="Camat Asera")
        with pytest.raises(ValidationError) as excinfo:
            services.official_update(official=official, position="")
        assert "position" in excinfo.value.message_dict
        official.refresh_from_db()
        assert official.position == "Camat Asera"


class TestOfficialDelete:
    def test_deletes_the_official(self):
        official = OfficialFactory()
        services.official_delete(official=official)
        assert not Official.objects.filter(pk=official.pk).exists()

    def test_refused_while_the_official_presents_an_agenda_item(self):
        official = OfficialFactory()
        AgendaItemFactory(presenter_agency=official.agency, presenter=official)
        with pytest.raises(ProtectedError):
            services.official_delete(official=official)
        assert Official.objects.filter(pk=official.pk).exists()
