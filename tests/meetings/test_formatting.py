import datetime

import pytest
from django.utils import translation

from meetings.formatting import long_date, time_range

NINE, HALF_TWELVE = datetime.time(9, 0), datetime.time(12, 30)


@pytest.mark.parametrize(
    ("language", "start", "end", "expected"),
    [
        ("id", NINE, None, "09.00 WITA s.d. selesai"),
        ("id", NINE, HALF_TWELVE, "09.00 s.d. 12.30 WITA"),
        ("id", None, None, "waktu menyusul"),
        ("en", NINE, None, "09:00 WITA until finished"),
        ("en", NINE, HALF_TWELVE, "09:00 to 12:30 WITA"),
    ],
)
def test_time_range_is_written_the_local_way(language, start, end, expected):
    with translation.override(language):
        assert time_range(start, end, "WITA") == expected


def test_long_date_in_indonesian_and_english():
    day = datetime.date(2024, 11, 12)
    with translation.override("id"):
        assert long_date(day) == "Selasa, 12 November 2024"
    with translation.override("en"):
        assert long_date(day) == "Tuesday, 12 November 2024"
    assert long_date(None) == ""
