import json
from datetime import date
from pathlib import Path

import pytest

from extract import dates
from extract.dates import (
    date_from_dateline,
    date_from_lines,
    date_with_year_below,
    first_full_date,
    html_metadata_date,
    html_modified_date,
    normalise,
    parse_item_date,
)

from conftest import FIXTURES

DATE_FIXTURES = FIXTURES / "dates"


def fixture_names() -> list[str]:
    return sorted(path.name.removesuffix(".gold.json") for path in DATE_FIXTURES.glob("*.gold.json"))


@pytest.fixture(scope="module")
def extracted_fixtures() -> dict:
    from extract.articles import extract_articles

    articles, rejections = extract_articles([str(DATE_FIXTURES)], workers=1)
    assert rejections == []
    return {Path(article.source).name.split(".")[0]: article for article in articles}


@pytest.mark.parametrize("name", fixture_names())
def test_each_date_form_gets_its_date_and_the_rule_that_found_it(extracted_fixtures, name):
    expected = json.loads((DATE_FIXTURES / f"{name}.gold.json").read_text(encoding="utf-8"))
    article = extracted_fixtures[name]
    assert (article.published_date, article.date_rule) == (expected["published_date"], expected["date_rule"]), \
        expected["form"]


@pytest.mark.parametrize("header, expected", [
    ("Thứ Sáu, Tháng Sáu 2, 2023", date(2023, 6, 2)),
    ("Thứ Hai, ngày 26 tháng 5 năm 2025, 19:30 (GMT+7)", date(2025, 5, 26)),
    ("vendredi 2 juin 2023", date(2023, 6, 2)),
    ("Montag, 2. Mai 2022", date(2022, 5, 2)),
    ("lunedì 11 aprile 2022", date(2022, 4, 11)),
    ("jueves, 30 de junio de 2022", date(2022, 6, 30)),
    ("Selasa, 15 November 2022", date(2022, 11, 15)),
    ("2022년 11월 17일 목요일", date(2022, 11, 17)),
    ("2024年4月10日（水）", date(2024, 4, 10)),
    ("Politics | 2023.12.12 22:10 KST", date(2023, 12, 12)),
    ("By IANS | Updated: December 23, 2021 17:25 IST", date(2021, 12, 23)),
    ("środa, 6 grudnia 2023 r., 14:30", date(2023, 12, 6)),
    ("6 Kasım 2023 Pazartesi 10:45", date(2023, 11, 6)),
    ("2023. november 6., hétfő", date(2023, 11, 6)),
    ("pátek 10. listopadu 2023", date(2023, 11, 10)),
    ("maandag 6 november 2023", date(2023, 11, 6)),
    ("Δευτέρα, 6 Νοεμβρίου 2023, 10:45", date(2023, 11, 6)),
    ("Пятница, 10 ноября 2023 года, 10:45", date(2023, 11, 10)),
    ("Ijumaa, 10 Novemba 2023", date(2023, 11, 10)),
    ("Rabu, 6 Disember 2023 | 10:30 PM", date(2023, 12, 6)),
    ("الجمعة 10 تشرين الثاني 2023", date(2023, 11, 10)),
    ("الأربعاء ١٩ يوليو ٢٠٢٣ | ٢١:١٥", date(2023, 7, 19)),
    ("शुक्रवार, २२ मार्च २०२४", date(2024, 3, 22)),
    ("วันพุธที่ 26 มกราคม 2565 เวลา 06:40 น.", date(2022, 1, 26)),
    ("令和7年8月29日（金） 21:05 JST", date(2025, 8, 29)),
    ("中華民國112年9月6日 星期三", date(2023, 9, 6)),
    ("Datum 04.12.2023", date(2023, 12, 4)),
    ("Thứ Ba, 30/1/2024, 21:15 (GMT+7)", date(2024, 1, 30)),
    ("FOR IMMEDIATE RELEASE 04-18-2005", date(2005, 4, 18)),
])
def test_date_headers_in_many_languages_scripts_and_eras(header, expected):
    assert first_full_date(header) == expected


@pytest.mark.parametrize("text, normalised", [
    ("令和5年7月5日", "2023年7月5日"),
    ("平成元年1月8日", "1989年1月8日"),
    ("民國112年", "2023年"),
    ("令和五年十二月六日", "2023年12月6日"),
    ("二〇二三年十月一日", "2023年10月1日"),
    ("5 กรกฎาคม พ.ศ. 2566", "5 กรกฎาคม 2023"),
    ("١٩ يوليو ٢٠٢٣", "19 يوليو 2023"),
    ("۲۸ دی ۱۴۰۳", "28 دی 1403"),
    ("२२ मार्च २०२४", "22 मार्च 2024"),
])
def test_pre_steps_write_ascii_digits_and_gregorian_years(text, normalised):
    assert normalise(text) == normalised


@pytest.mark.parametrize("header, expected", [
    ('יום שני, י"ח בכסלו התשפ"ב', date(2021, 11, 22)),
    ('כ"א באדר התשפ"ג', date(2023, 3, 14)),
    ('י"ד באדר התשפ"ד', date(2024, 3, 24)),  # a leap year: a plain Adar is Adar II
    ("ט\"ו באדר ב' התשפ\"ד", date(2024, 3, 25)),
    ("جمعه ۲۸ دی ۱۴۰۳ - ۲۰:۱۵", date(2025, 1, 17)),
    ("تاریخ انتشار: ۲ خرداد ۱۴۰۳", date(2024, 5, 22)),
    ("الخميس 14 رجب 1445 هـ", date(2024, 1, 26)),
    ("1 ربيع الأول 1445", date(2023, 9, 16)),
])
def test_hebrew_jalali_and_hijri_calendars(header, expected):
    assert first_full_date(header) == expected


@pytest.mark.parametrize("header, expected", [
    ("09/06/2023 10:24 PM", date(2023, 9, 6)),  # a 12-hour clock writes the month first
    ("09/06/2023", date(2023, 6, 9)),
    ("30/1/2024", date(2024, 1, 30)),
    ("04-18-2005", date(2005, 4, 18)),
])
def test_numeric_dates_tell_day_from_month(header, expected):
    assert first_full_date(header) == expected


def test_a_short_date_line_is_read_in_any_language_the_library_knows():
    assert first_full_date("6 lis 2023") is None  # the line alone does not tell its language
    assert first_full_date("6 lis 2023", ("und", "en", dates.EVERY_LANGUAGE)) == date(2023, 11, 6)


@pytest.mark.parametrize("header", ["2 hours ago", "yesterday", "vor 3 Stunden", "il y a 2 jours",
                                    "Updated 5 minutes ago", "World | Business", "© 2024 Example Media"])
def test_relative_or_partial_dates_are_never_read_as_today(header):
    assert first_full_date(header, ("en", dates.EVERY_LANGUAGE)) is None


def test_english_and_numeric_dates_are_read_without_the_library(monkeypatch):
    def library_called(*_):
        raise AssertionError("the library was called")

    monkeypatch.setattr(dates, "_library_date", library_called)
    assert first_full_date("Monday, 02 January 2023") == date(2023, 1, 2)
    assert first_full_date("Dec. 6, 2023 10:45am EST") == date(2023, 12, 6)
    assert first_full_date("Stand: 06.12.2023 14:30 Uhr") == date(2023, 12, 6)


def test_first_publication_wins_over_a_later_update():
    found = date_from_lines(["Updated: May 3, 2023", "Published May 1, 2023 • Last updated May 3, 2023"])
    assert (found.value, found.rule) == (date(2023, 5, 1), "published line")
    found = date_from_lines(["Zaktualizowano: 3 maja 2023 | Opublikowano: 1 maja 2023"])
    assert (found.value, found.rule) == (date(2023, 5, 1), "published line")


def test_a_label_alone_on_its_line_labels_the_next_line():
    found = date_from_lines(["Updated", "3 May 2023", "Published", "1 May 2023"])
    assert (found.value, found.rule) == (date(2023, 5, 1), "published line")


def test_a_sites_date_bar_of_today_gives_way_to_the_storys_own_date_line():
    found = date_from_lines(["Tuesday 29 April 2024", "Government | Sunday 21 May, 2017 10:51 am"])
    assert (found.value, found.rule) == (date(2017, 5, 21), "header date")


def test_the_leads_dateline_counts_only_when_the_header_has_no_date():
    lead = "BRUSSELS, 6 December 2023 - The two sides signed"
    assert date_from_lines(["Date", "2023-12-07"], lead=lead).value == date(2023, 12, 7)
    assert date_from_lines(["World | Business"], lead=lead).value == date(2023, 12, 6)


def test_a_date_bar_wins_over_an_update_line_which_wins_over_nothing():
    found = date_from_lines(["Updated: 3 May 2023", "Monday, 1 May 2023"])
    assert (found.value, found.rule) == (date(2023, 5, 1), "header date")
    found = date_from_lines(["World | Business", "Updated: 3 May 2023"])
    assert (found.value, found.rule) == (date(2023, 5, 3), "updated line")


@pytest.mark.parametrize("value, expected", [
    ("Sat, 19 Mar 2022 15:20:00 +0530", date(2022, 3, 19)),
    ("2023-09-04T08:15:00+08:00", date(2023, 9, 4)),
    ("2022-08-23T23:30:00-02:30", date(2022, 8, 23)),  # local date, not converted to UTC
    ("20230705T163000Z", date(2023, 7, 5)),
    ("20210522T081500+0900", date(2021, 5, 22)),
    ("20230705T233000-0500", date(2023, 7, 5)),  # the next day in UTC
    ("20230705", date(2023, 7, 5)),
    ("30/01/2023 19:05", date(2023, 1, 30)),
    ("October 18, 2022", date(2022, 10, 18)),
    ("5 juillet 2023", date(2023, 7, 5)),
    ("1677491400", date(2023, 2, 27)),
    ("1677491400.25", date(2023, 2, 27)),
    ("1711089000000", date(2024, 3, 22)),
    ("", None),
    ("soon", None),
    (None, None),
])
def test_item_published_fields(value, expected):
    assert parse_item_date(value) == expected


def test_page_metadata_gives_the_publication_never_the_modification():
    published = ('<meta property="article:modified_time" content="2024-04-23T08:10:00+03:00">'
                 '<meta property="article:published_time" content="2024-04-22T19:10:00+03:00">')
    assert html_metadata_date(published) == date(2024, 4, 22)
    modified_only = '<meta property="article:modified_time" content="2024-04-23T08:10:00+03:00">'
    assert html_metadata_date(modified_only) is None
    assert html_modified_date(modified_only) == date(2024, 4, 23)
    json_ld = ('<script type="application/ld+json">{"@graph": [{"@type": "WebPage"}, '
               '{"@type": "NewsArticle", "datePublished": "2023-12-18T21:10:00-05:00"}]}</script>')
    assert html_metadata_date(json_ld) == date(2023, 12, 18)


def test_a_day_and_month_take_the_year_that_starts_the_next_line():
    found = date_with_year_below(["JEDDAH, July 19", "2023 | 21:15"])
    assert (found.value, found.rule) == (date(2023, 7, 19), "dateline + year below")
    found = date_with_year_below(["Mercredi 19 juillet", "2023 à 21h15"])
    assert found.value == date(2023, 7, 19)


def test_dateline_without_year_takes_the_year_of_a_matching_url_path():
    page = "www.wire.example › world › 2023 › 04 › 03 › story\nMANILA, April 3 (Wire) - The Philippines..."
    found = date_from_dateline("MANILA, April 3 (Wire) - The Philippines named four sites.", page)
    assert (found.value, found.rule) == (date(2023, 4, 3), "dateline + URL year")


def test_a_page_read_from_a_file_dates_its_dateline_by_its_own_canonical_address(tmp_path):
    from extract.articles import extract_articles

    page = tmp_path / "summit.html"
    page.write_text(
        '<html><head><title>Island leaders sign communique</title><link rel="canonical" '
        'href="https://news.example/regional/2025/08/29/island-summit/"></head><body><article>'
        "<h1>Island leaders sign communique</h1>"
        "<p>KOROR, Aug 29 (Wire) - The presidents of Palau and Nauru closed their summit on Friday with a "
        "communique on fisheries patrols, and agreed to meet again in Majuro in 2026.</p>"
        "<p>The two leaders also pledged to share the cost of a patrol boat for five years, officials said, "
        "and to report on progress by the end of 2027.</p></article></body></html>", encoding="utf-8")
    [article], _ = extract_articles([str(page)], workers=1)
    assert (article.published_date, article.date_rule) == ("2025-08-29", "dateline + URL year")


def test_dateline_without_year_takes_the_year_of_the_same_day_further_down():
    found = date_from_dateline("SEOUL, June 3 (Wire) - The two ministers signed a pact.", "",
                               text_below="The pact, signed on June 3, 2024, runs for five years.")
    assert (found.value, found.rule) == (date(2024, 6, 3), "dateline + date below")


def test_no_date_is_null_never_today():
    found = date_from_lines(["World | Business", "By Staff"])
    assert found.value is None and found.rule is None
