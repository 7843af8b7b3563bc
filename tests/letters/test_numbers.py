"""Letter numbers: the classification table, the register, the format, SRIKANDI numbers."""

import datetime
import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from agencies.validators import validate_number_format
from letters import services
from letters.models import Classification, IssuedNumber, NumberRegister, format_number
from letters.selectors import number_preview, numbering_get
from meetings import services as meeting_services
from meetings.models import Meeting
from tests.agencies.factories import AgencyFactory, home_organizer
from tests.meetings.factories import MeetingFactory
from tests.needs import require_postgresql

pytestmark = pytest.mark.django_db


def numbered_organizer(**fields):
    organizer = home_organizer()
    for name, value in {"letter_unit_code": "Bakesbangpol", **fields}.items():
        setattr(organizer, name, value)
    organizer.save()
    return organizer


def meeting_code() -> Classification:
    # A transactional test may run after another emptied the tables the migration filled.
    services.classifications_load_shipped()
    return Classification.objects.get(code="000.1.5")


def test_the_shipped_table_has_the_codes_these_meetings_use():
    codes = dict(Classification.objects.values_list("code", "title"))
    assert codes["000.1.5"].startswith("Rapat Pimpinan")
    assert {"000", "100", "200", "300", "900", "200.1", "100.1.4.1"} <= set(codes)
    # Ordered as the table is: 000.1.5 after 000.1, before 100.
    ordered = list(Classification.objects.values_list("code", flat=True))
    assert ordered.index("000.1") < ordered.index("000.1.5") < ordered.index("100")


def test_a_full_table_loads_from_an_office_copy_without_deleting_codes():
    rows = services.classification_rows(
        "code;title\n000.1.5;Rapat Pimpinan\n000.1.10;Contoh kode sepuluh\n000.1.9;Contoh\n"
    )
    added, updated = services.classifications_load(rows=rows)
    assert (added, updated) == (2, 1)
    codes = list(
        Classification.objects.filter(code__startswith="000.1.").values_list("code", flat=True)
    )
    assert codes.index("000.1.9") < codes.index("000.1.10")
    assert Classification.objects.filter(code="200.1").exists()


@pytest.mark.parametrize(
    ("fmt", "ok"),
    [
        ("{kode}/{nomor}/{unit}/{tahun}", True),
        ("B/{kode}/{nomor:04}/{unit}/{tahun}", True),
        ("{kode}/{unit}/{tahun}", False),  # no number
        ("{kode.__class__}/{nomor}", False),  # no attribute access
        ("{nomor!r}", False),
        ("{nomor:>10}", False),
        ("{kode}/{nomor}/{bulan}", False),
        ("{kode/{nomor}", False),
    ],
)
def test_the_number_format_names_only_its_placeholders(fmt, ok):
    if ok:
        validate_number_format(fmt)
    else:
        with pytest.raises(ValidationError):
            validate_number_format(fmt)


def test_numbers_are_formatted_as_regional_governments_write_them():
    assert (
        format_number("", code="000.1.5", sequence=214, unit="PUPR", year=2026)
        == "000.1.5/214/PUPR/2026"
    )
    assert (
        format_number(
            "{kode}/{nomor:04}/{unit}/{tahun}",
            code="000.1.5",
            sequence=123,
            unit="Bakesbangpol",
            year=2024,
        )
        == "000.1.5/0123/Bakesbangpol/2024"
    )


def test_the_register_gives_consecutive_numbers_per_organizer_and_year():
    organizer = numbered_organizer()
    other = AgencyFactory(letter_unit_code="Kesbangpol")
    code = meeting_code()
    first = services.number_issue(organizer=organizer, classification=code, year=2024)
    second = services.number_issue(organizer=organizer, classification=code, year=2024)
    elsewhere = services.number_issue(organizer=other, classification=code, year=2024)
    next_year = services.number_issue(organizer=organizer, classification=code, year=2025)
    assert (first.sequence, second.sequence, elsewhere.sequence, next_year.sequence) == (1, 2, 1, 1)
    assert second.number == "000.1.5/2/Bakesbangpol/2024"
    assert next_year.number == "000.1.5/1/Bakesbangpol/2025"
    assert NumberRegister.objects.get(organizer=organizer, year=2024).last_number == 2


def test_an_organizer_without_a_unit_code_is_told_what_to_fill_in():
    organizer = numbered_organizer(letter_unit_code="")
    with pytest.raises(ValidationError) as refused:
        services.number_issue(organizer=organizer, classification=meeting_code(), year=2024)
    assert refused.value.code == "no_unit"
    assert not IssuedNumber.objects.exists()
    # A format without {unit} needs none.
    organizer.letter_number_format = "{kode}/{nomor}/{tahun}"
    organizer.save()
    issued = services.number_issue(organizer=organizer, classification=meeting_code(), year=2024)
    assert issued.number == "000.1.5/1/2024"


def test_a_srikandi_number_is_recorded_once_per_organizer():
    organizer = numbered_organizer()
    services.number_record(organizer=organizer, number="000.1.5/77/Bakesbangpol/2024", year=2024)
    with pytest.raises(ValidationError):
        services.number_record(
            organizer=organizer, number=" 000.1.5/77/Bakesbangpol/2024 ", year=2024
        )
    assert IssuedNumber.objects.filter(external=True).count() == 1


def test_the_invitation_is_numbered_once_and_its_number_never_changes(make_user):
    numbered_organizer()
    meeting = MeetingFactory(letter_classification=meeting_code(), letter_date=None)
    user = make_user("operator")
    meeting = meeting_services.meeting_letter_number_issue(meeting=meeting, user=user)
    year = meeting.letter_date.year
    assert meeting.reference_number == f"000.1.5/1/Bakesbangpol/{year}"
    assert meeting.letter_number.issued_by == user
    with pytest.raises(ValidationError) as refused:
        meeting_services.meeting_letter_number_issue(meeting=meeting)
    assert refused.value.code == "numbered"
    with pytest.raises(ValidationError):
        meeting_services.meeting_letter_number_record(meeting=meeting, number="X/1/2024")
    assert Meeting.objects.get(pk=meeting.pk).reference_number == meeting.reference_number
    assert IssuedNumber.objects.count() == 1


def test_a_meeting_without_a_classification_code_is_not_numbered():
    numbered_organizer()
    meeting = MeetingFactory(letter_classification=None)
    with pytest.raises(ValidationError) as refused:
        meeting_services.meeting_letter_number_issue(meeting=meeting)
    assert refused.value.code == "no_classification"
    assert numbering_get(meeting=meeting).blocker == "classification"


def test_the_preview_shows_the_next_number_without_reserving_it():
    organizer = numbered_organizer()
    meeting = MeetingFactory(
        letter_classification=meeting_code(), letter_date=datetime.date(2024, 11, 1)
    )
    numbering = numbering_get(meeting=meeting)
    assert numbering.preview == "000.1.5/1/Bakesbangpol/2024"
    assert number_preview(organizer=organizer, classification=meeting_code(), year=2024) == (
        numbering.preview
    )
    assert not NumberRegister.objects.exists()


def test_a_duplicated_meeting_gets_its_own_number():
    numbered_organizer()
    meeting = MeetingFactory(
        letter_classification=meeting_code(), letter_date=datetime.date(2024, 11, 1)
    )
    meeting_services.meeting_letter_number_issue(meeting=meeting)
    copy = meeting_services.meeting_duplicate(meeting=meeting, date=datetime.date(2024, 11, 20))
    assert copy.reference_number == ""
    assert copy.letter_number is None
    assert copy.letter_classification == meeting.letter_classification


@pytest.mark.django_db(transaction=True)
def test_concurrent_issues_get_distinct_numbers_without_gaps():
    require_postgresql()
    organizer = numbered_organizer()
    code = meeting_code()
    barrier = threading.Barrier(8)
    numbers, errors = [], []

    def issue():
        try:
            barrier.wait(10)
            numbers.append(
                services.number_issue(organizer=organizer, classification=code, year=2030).sequence
            )
        except Exception as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=issue) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert errors == []
    assert sorted(numbers) == list(range(1, 9))
    assert NumberRegister.objects.get(organizer=organizer, year=2030).last_number == 8


def test_the_command_loads_a_table_and_refuses_a_bad_code(tmp_path):
    from django.core.management import CommandError, call_command

    good = tmp_path / "klasifikasi.csv"
    good.write_text("kode;judul\n000.1.9;Contoh\n", encoding="utf-8")
    call_command("load_classifications", str(good))
    assert Classification.objects.filter(code="000.1.9").exists()
    bad = tmp_path / "bad.csv"
    bad.write_text("000.1.8;Benar\nsalah;Kode salah\n", encoding="utf-8")
    with pytest.raises(CommandError):
        call_command("load_classifications", str(bad))
    assert not Classification.objects.filter(code="000.1.8").exists()


def test_the_parts_of_a_given_number_stay(make_user):
    numbered_organizer()
    meeting = MeetingFactory(
        letter_classification=meeting_code(), letter_date=datetime.date(2024, 11, 1)
    )
    meeting = meeting_services.meeting_letter_number_issue(meeting=meeting)
    other_code = Classification.objects.get(code="200.1")
    with pytest.raises(ValidationError) as refused:
        meeting_services.meeting_update(meeting=meeting, letter_classification=other_code)
    assert "letter_classification" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        meeting_services.meeting_update(meeting=meeting, letter_date=datetime.date(2025, 1, 2))
    assert "letter_date" in refused.value.message_dict
    # Other fields still change, with the same values for the number's parts.
    meeting_services.meeting_update(
        meeting=meeting,
        venue="Aula baru",
        letter_classification=meeting_code(),
        letter_date=datetime.date(2024, 11, 1),
    )
    assert Meeting.objects.get(pk=meeting.pk).venue == "Aula baru"


def test_a_recorded_number_equal_to_the_registers_next_is_skipped_not_blocking():
    organizer = numbered_organizer()
    services.number_record(organizer=organizer, number="000.1.5/1/Bakesbangpol/2030", year=2030)
    issued = services.number_issue(organizer=organizer, classification=meeting_code(), year=2030)
    assert issued.number == "000.1.5/2/Bakesbangpol/2030"
    again = services.number_issue(organizer=organizer, classification=meeting_code(), year=2030)
    assert again.sequence == 3


def test_an_invisible_number_is_no_number():
    numbered_organizer()
    meeting = MeetingFactory()
    with pytest.raises(ValidationError):
        meeting_services.meeting_letter_number_record(meeting=meeting, number="\u200b \u200e")
    assert Meeting.objects.get(pk=meeting.pk).reference_number == ""
    meeting = meeting_services.meeting_letter_number_record(
        meeting=meeting, number="000.1.5/\u200b12/Bakesbangpol/2024"
    )
    assert meeting.reference_number == "000.1.5/12/Bakesbangpol/2024"


def test_a_format_that_makes_numbers_too_long_is_refused_on_the_institution():
    organizer = numbered_organizer()
    organizer.letter_number_format = "{nomor:09}/" + "{unit}" * 11
    organizer.letter_unit_code = "U" * 40
    with pytest.raises(ValidationError) as refused:
        organizer.full_clean()
    assert "letter_number_format" in refused.value.message_dict
