import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from agencies.models import Agency, Official, Region
from tests.agencies.factories import AgencyFactory, OfficialFactory, RegionFactory

pytestmark = pytest.mark.django_db


class TestNip:
    def test_valid_nip_passes(self):
        official = OfficialFactory.build(agency=AgencyFactory(), nip="197001012000031001")
        official.full_clean()

    @pytest.mark.parametrize(
        ("nip", "code_word"),
        [
            ("19700101200003100", "18 digit"),  # 17 digits
            ("1970010120000310011", "18 digit"),  # 19 digits
            ("19700101 200003 1 001", "18 digit"),  # spaces are not stored
            ("197013012000031001", "tanggal lahir"),  # month 13
            ("197001012000131001", "pengangkatan"),  # appointment month 13
            ("197001012000033001", "Digit ke-15"),  # sex digit 3
        ],
    )
    def test_invalid_nip_is_refused_with_a_translated_reason(self, nip, code_word):
        official = OfficialFactory.build(agency=AgencyFactory(), nip=nip)
        with pytest.raises(ValidationError) as excinfo:
            official.full_clean()
        assert code_word in " ".join(excinfo.value.message_dict["nip"])

    def test_nip_is_unique_but_may_be_blank_for_many(self):
        OfficialFactory(nip="")
        OfficialFactory(nip="")
        OfficialFactory(nip="197001012000031001")
        with pytest.raises(IntegrityError), transaction.atomic():
            OfficialFactory(nip="197001012000031001")


def test_full_name_is_written_with_titles():
    official = Official(name="La Ode Saifuddin", title_prefix="Drs.", title_suffix="M.Si")
    assert official.full_name == "Drs. La Ode Saifuddin, M.Si"
    assert Official(name="Budi").full_name == "Budi"


class TestRegion:
    def test_kecamatan_cannot_sit_directly_in_a_province(self):
        province = RegionFactory(code="74")
        district = Region(name="Asera", kind=Region.Kind.DISTRICT, parent=province)
        with pytest.raises(ValidationError) as excinfo:
            district.full_clean()
        assert "parent" in excinfo.value.message_dict

    def test_code_must_extend_the_parent_code(self):
        province = RegionFactory(code="74")
        regency = Region(
            name="Konawe Utara", kind=Region.Kind.REGENCY, parent=province, code="73.09"
        )
        with pytest.raises(ValidationError) as excinfo:
            regency.full_clean()
        assert "code" in excinfo.value.message_dict

    def test_malformed_code_is_refused(self):
        with pytest.raises(ValidationError) as excinfo:
            Region(name="X", kind=Region.Kind.PROVINCE, code="7409").full_clean()
        assert "code" in excinfo.value.message_dict

    def test_only_a_province_may_have_no_parent(self):
        with pytest.raises(IntegrityError), transaction.atomic():
            Region.objects.create(name="Kendari", kind=Region.Kind.CITY)

    def test_codes_are_unique(self):
        with pytest.raises(IntegrityError), transaction.atomic():
            Region.objects.create(name="Sultra lagi", kind=Region.Kind.PROVINCE, code="74")

    def test_the_provinces_and_regencies_of_indonesia_ship_with_their_codes(self):
        assert Region.objects.filter(kind=Region.Kind.PROVINCE).count() == 38
        assert Region.objects.filter(kind__in=["kabupaten", "kota"]).count() == 514
        konut = Region.objects.get(code="74.09")
        assert (str(konut), str(konut.parent)) == (
            "Kabupaten Konawe Utara",
            "Provinsi Sulawesi Tenggara",
        )
        assert str(Region.objects.get(code="91.71")) == "Kota Jayapura"
        assert str(Region.objects.get(code="91")) == "Provinsi Papua"


class TestAgency:
    def test_short_names_are_unique_when_given(self):
        AgencyFactory(short_name="")
        AgencyFactory(short_name="")
        AgencyFactory(short_name="KPU Konut")
        with pytest.raises(IntegrityError), transaction.atomic():
            AgencyFactory(short_name="KPU Konut")

    def test_an_agency_cannot_be_its_own_ancestor(self):
        parent = AgencyFactory()
        child = AgencyFactory(parent=parent)
        parent.parent = child
        with pytest.raises(ValidationError) as excinfo:
            parent.full_clean()
        assert "parent" in excinfo.value.message_dict

    def test_str_prefers_the_short_name(self):
        assert str(Agency(name="Komisi Pemilihan Umum", short_name="KPU")) == "KPU"
        assert str(Agency(name="Komisi Pemilihan Umum")) == "Komisi Pemilihan Umum"


def test_a_stored_logo_missing_from_disk_does_not_break_validation(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    agency = AgencyFactory(logo="logos/gone.png")  # no such file on disk
    agency.name = "Nama baru"
    agency.full_clean()
