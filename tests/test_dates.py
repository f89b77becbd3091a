from datetime import date

import pytest

from extract.dates import date_from_dateline, date_from_lines, first_full_date, parse_item_date


@pytest.mark.parametrize("header, expected", [
    ("Thứ Sáu, Tháng Sáu 2, 2023", date(2023, 6, 2)),
    ("vendredi 2 juin 2023", date(2023, 6, 2)),
    ("Montag, 2. Mai 2022", date(2022, 5, 2)),
    ("lunedì 11 aprile 2022", date(2022, 4, 11)),
    ("jueves, 30 de junio de 2022", date(2022, 6, 30)),
    ("Selasa, 15 November 2022", date(2022, 11, 15)),
    ("2022년 11월 17일 목요일", date(2022, 11, 17)),
    ("2024年4月10日（水）", date(2024, 4, 10)),
    ("Politics | 2023.12.12 22:10 KST", date(2023, 12, 12)),
    ("By IANS | Updated: December 23, 2021 17:25 IST", date(2021, 12, 23)),
])
def test_date_headers_in_many_languages(header, expected):
    assert first_full_date(header) == expected


def test_first_publication_wins_over_a_later_update():
    found = date_from_lines(["Updated: May 3, 2023", "Published May 1, 2023 • Last updated May 3, 2023"])
    assert (found.value, found.rule) == (date(2023, 5, 1), "published line")


@pytest.mark.parametrize("value, expected", [
    ("Sat, 19 Mar 2022 15:20:00 +0530", date(2022, 3, 19)),
    ("2023-09-04T08:15:00+08:00", date(2023, 9, 4)),
    ("2022-08-23T23:30:00-02:30", date(2022, 8, 23)),  # local date, not converted to UTC
    ("30/01/2023 19:05", date(2023, 1, 30)),
    ("October 18, 2022", date(2022, 10, 18)),
    ("1677491400", date(2023, 2, 27)),
    ("", None),
    ("soon", None),
])
def test_item_published_fields(value, expected):
    assert parse_item_date(value) == expected


def test_dateline_without_year_takes_the_year_of_a_matching_url_path():
    page = "www.wire.example › world › 2023 › 04 › 03 › story\nMANILA, April 3 (Wire) - The Philippines..."
    found = date_from_dateline("MANILA, April 3 (Wire) - The Philippines named four sites.", page)
    assert (found.value, found.rule) == (date(2023, 4, 3), "dateline + URL year")


def test_no_date_is_null_never_today():
    found = date_from_lines(["World | Business", "By Staff"])
    assert found.value is None and found.rule is None
