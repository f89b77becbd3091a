"""The date an article was first published, following the annotation guide's date rules.

Rules, most reliable first; the first that finds a date names itself in ``date_rule``:

- "item published field" / "feed published field": the item's or feed's own publication field;
- "html metadata": the page's publication metadata (``article:published_time``, JSON-LD
  ``datePublished``...), never its modification time;
- "published line": a header line labelled as the first publication ("Published", "Publié",
  "Opublikowano", "เผยแพร่"...), over any "Updated" line;
- "header date": any other full date in the header (a date bar, then an "Updated" line);
- "dateline + year below": a day and month whose year starts the next line;
- "dateline + URL year" / "dateline + date below" / "dateline + page year": a dateline without a
  year ("MANILA, April 3") completed from a dated URL path that agrees with it (the page's own
  canonical address when it was read from a file), else from a full
  date of the same day further down the text, else from the first year of the header;
- "html modified metadata": the page's modification time, when the page shows nothing else (the
  guide takes an "Updated" date where it is the only one).

A date is read as the page writes it, in its own time zone, never converted to UTC; when no rule
matches the date is null, never today's.

Month names in any language are read by a maintained library (dateparser), hinted with the
languages of the line and of the page; the Hijri calendar by its calendars module. Cheap steps
come first and cover what the library does not, or not fast: other digits (Eastern Arabic,
Persian, Devanagari...) and kanji numbers, era years (Japanese eras, Taiwan's Minguo years, Thai
Buddhist years), the Hebrew and the Persian solar (Jalali) calendars (the library converts Jalali
dates astronomically, at a fifth of a second each), numeric and ISO 8601 basic dates, Unix
seconds and milliseconds, and English month names, the commonest case, without the library.
"""
import html as html_text
import json
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, timezone
from email.utils import parsedate_to_datetime
from functools import lru_cache
from itertools import islice, pairwise

from extract import cleaning
from extract.language import ENGLISH_MONTHS, detect_language
from extract.sources import RawDocument

# Words that label a date as the first publication, or as a later update, in the languages of the
# pages we read. Lower case; a label matches where no letter precedes it.
PUBLISHED_LABELS = """
    published|first published|posted|released|issued|publication date|date of publication|publié|publié le|
    publicado|publicada|pubblicato|publicat|veröffentlicht|erschienen|gepubliceerd|opublikowano|
    publikováno|publikované|közzétéve|megjelent|yayınlanma|yayınlandı|yayın tarihi|δημοσιεύθηκε|
    δημοσίευση|опубликовано|опубліковано|публикувано|diterbitkan|dipublikasikan|terbit|imechapishwa|
    ngày đăng|đăng lúc|xuất bản|เผยแพร่|פורסם|פורסמה|نشر في|نُشر|تاريخ النشر|تاریخ انتشار|प्रकाशित|
    प्रकाशन|公開|掲載|配信|發布|发布|發佈|게시|입력|등록"""
UPDATED_LABELS = """
    updated|last updated|modified|last modified|mis à jour|mise à jour|actualisé|aktualisiert|
    actualizado|actualizada|aggiornato|atualizado|atualizada|bijgewerkt|zaktualizowano|aktualizacja|
    aktualizováno|frissítve|güncellendi|güncelleme|ενημερώθηκε|обновлено|оновлено|diperbarui|
    dikemas kini|imesasishwa|cập nhật|อัปเดต|อัพเดท|עודכן|آخر تحديث|تحديث|به‌روزرسانی|بروزرسانی|
    अपडेट|最終更新|更新|업데이트|수정"""
# Names of publication and modification times in <meta> tags (property, name or itemprop).
PUBLISHED_METADATA = frozenset("""article:published_time og:published_time og:article:published_time
    datepublished datecreated date pubdate publishdate publish-date publish_date published_time
    published-date dc.date dc.date.issued dc.date.created dcterms.issued dcterms.created dcterms.date
    citation_publication_date citation_date sailthru.date parsely-pub-date article.published
    originalpublicationdate""".split())
MODIFIED_METADATA = frozenset("""article:modified_time og:updated_time datemodified last-modified
    dcterms.modified dc.date.modified lastmod""".split())
# The first Gregorian year of each era that counts years from an accession or a founding:
# 令和5年 is 2023, 民國112年 (Taiwan) is 2023. 元年 is an era's first year.
ERA_FIRST_YEARS = {"令和": 2019, "平成": 1989, "昭和": 1926, "大正": 1912,
                   "中華民國": 1912, "中华民国": 1912, "民國": 1912, "民国": 1912}
FIRST_ERA_YEAR = "元"
# Numbers written in kanji, as Japanese and Chinese dates may be: 令和五年十二月六日.
KANJI_DIGITS = {character: value for value, character in enumerate("〇一二三四五六七八九")} | {"零": 0}
KANJI_MULTIPLIERS = {"十": 10, "百": 100}
# Thai dates count years from the Buddha's death: พ.ศ. 2566 is 2023.
BUDDHIST_ERA_OFFSET = 543
# Persian solar (Jalali) months.
PERSIAN_MONTHS = {"فروردین": 1, "اردیبهشت": 2, "خرداد": 3, "تیر": 4, "مرداد": 5, "امرداد": 5, "شهریور": 6,
                  "مهر": 7, "آبان": 8, "آذر": 9, "دی": 10, "بهمن": 11, "اسفند": 12}
# Hebrew calendar months as convertdate numbers them (Nisan is 1, Tishrei 7, Adar II 13).
HEBREW_MONTHS = {"ניסן": 1, "אייר": 2, "איר": 2, "סיון": 3, "סיוון": 3, "תמוז": 4, "אב": 5,
                 "מנחם אב": 5, "אלול": 6, "תשרי": 7, "חשון": 8, "חשוון": 8, "מרחשון": 8, "מרחשוון": 8,
                 "כסלו": 9, "כסליו": 9, "טבת": 10, "שבט": 11, "אדר": 12, "אדר א": 12, "אדר ב": 13}
HEBREW_LETTER_VALUES = dict(zip("אבגדהוזחטיכךלמםנןסעפףצץקרשת",
                                (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 20, 20, 30, 40, 40, 50, 50, 60, 70, 80, 80,
                                 90, 90, 100, 200, 300, 400), strict=True))
HEBREW_THOUSANDS = 5000  # years of this millennium are written without it: תשפ"ב is 5782
# py3langid codes that dateparser spells differently.
LIBRARY_LANGUAGE_CODES = {"no": "nb"}
# A language hint that lets the library try, after the others, every language it knows.
EVERY_LANGUAGE = "*"
# How many of a line's likeliest languages (of those the library knows) it tries, besides the
# page's and English.
LINE_LANGUAGE_CANDIDATES = 3
LIBRARY_SETTINGS = {
    "REQUIRE_PARTS": ["day", "month", "year"],
    # Only dates as written: never "2 months" ago or a bare number read as a timestamp.
    "PARSERS": ["absolute-time"],
}
# The lead's dateline ("BRUSSELS, 6 December 2023 -"); further on, a date is part of the story.
DATELINE_CHARS = 80
FIRST_PLAUSIBLE_YEAR, LAST_PLAUSIBLE_YEAR = 1900, 2199
# Any year 2000 has a 29 February: a day and month are checked against it before their year is known.
LEAP_YEAR = 2000


def _label_pattern(words: str) -> re.Pattern:
    labels = sorted({word.strip() for word in words.split("|") if word.strip()}, key=len, reverse=True)
    return re.compile(r"(?<![^\W\d_])(?:" + "|".join(map(re.escape, labels)) + ")", re.IGNORECASE)


PUBLISHED_LABEL = _label_pattern(PUBLISHED_LABELS)
UPDATED_LABEL = _label_pattern(UPDATED_LABELS)

HEBREW_SCRIPT = re.compile(r"[\u05D0-\u05EA]")
# Every decimal digit of other scripts (Eastern Arabic, Persian, Devanagari, Thai, full-width...).
ASCII_DIGITS = str.maketrans({chr(code): str(unicodedata.decimal(chr(code)))
                              for code in range(0x80, 0x10000) if chr(code).isdecimal()})
ERA_YEAR = re.compile(r"(?P<era>" + "|".join(sorted(ERA_FIRST_YEARS, key=len, reverse=True))
                      + rf")\s*(?P<year>\d{{1,3}}|{FIRST_ERA_YEAR})\s*年")
KANJI_NUMBER = re.compile("[" + "".join(KANJI_DIGITS) + "".join(KANJI_MULTIPLIERS) + "]+(?=[年月日])")
THAI_SCRIPT = re.compile(r"[\u0E00-\u0E7F]")
BUDDHIST_YEAR = re.compile(r"(?:พ\.\s?ศ\.\s?|B\.\s?E\.\s?)?(?<!\d)(?P<year>2[4-6]\d\d)(?!\d)")

_YEAR = r"(?P<year>(?:19|20|21)\d\d)"
_DAY = r"(?P<day>[0-3]?\d)"
# A word that may name a month: letters and the marks that Devanagari, Thai or Hebrew write with.
_WORD = r"[^\W\d_][^\s\d.,;:|/()\[\]<>«»\"'’-]*"
# 2023-12-12, 2023.12.12, 2023/12/12, 2024年4月10日, 2022년 11월 17일
YEAR_MONTH_DAY = re.compile(rf"(?<!\d){_YEAR}\s*(?:[-./]|年|년)\s*(?P<month>[01]?\d)\s*(?:[-./]|月|월)\s*{_DAY}(?!\d)")
# 04.12.2023, 6. 12. 2023
DAY_MONTH_YEAR_DOTTED = re.compile(rf"(?<![\d.]){_DAY}\.\s?(?P<month>[01]?\d)\.\s?{_YEAR}(?!\d)")
# 30/1/2024, 04-18-2005: day or month first, told apart by a number over 12 or by a 12-hour clock
NUMBERS_THEN_YEAR = re.compile(rf"(?<![\d/-])(?P<first>[0-3]?\d)(?P<separator>[/-])(?P<second>[0-3]?\d)"
                               rf"(?P=separator){_YEAR}(?!\d)")
TWELVE_HOUR_CLOCK = re.compile(r"\d\s?(?:am|pm|a\.m\.|p\.m\.)(?!\w)", re.IGNORECASE)
# 6 grudnia 2023, 30 de junio de 2022, 22 בנובמבר 2021, 5 كانون الأول 2023
DAY_WORD_YEAR = re.compile(rf"(?<!\d){_DAY}(?:(?:\.|º|er|st|nd|rd|th)\s*|\s+)(?:de\s+)?(?P<month>{_WORD})"
                           rf"(?:\s+(?P<extra>{_WORD}))?\.?,?\s+(?:de\s+)?{_YEAR}(?!\d)", re.IGNORECASE)
# December 23, 2021; Tháng Sáu 2, 2023
WORD_DAY_YEAR = re.compile(rf"(?:(?P<extra>{_WORD})\s+)?(?P<month>{_WORD})\.?\s+{_DAY}(?:st|nd|rd|th)?,?\s+"
                           rf"{_YEAR}(?!\d)", re.IGNORECASE)
# 2023. december 6. (not "2025 às 08:15", a year and a time)
YEAR_WORD_DAY = re.compile(rf"(?<!\d){_YEAR}\.?\s+(?P<month>{_WORD})\s+{_DAY}\.?(?![\d:])", re.IGNORECASE)
# Hijri years (1445) after a day and a month of one or two words ("ربيع الأول").
HIJRI_DATE = re.compile(rf"(?<!\d){_DAY}\s+{_WORD}(?:\s+{_WORD})?\s+(?P<year>1[34]\d\d)(?!\d)")
# Persian solar dates: ۲۸ دی ۱۴۰۳ (after digits are made ASCII and Arabic letters Persian).
JALALI_DATE = re.compile(rf"(?<!\d){_DAY}\s+(?P<month>" + "|".join(sorted(PERSIAN_MONTHS, key=len, reverse=True))
                         + r")\s+(?P<year>1[34]\d\d)(?!\d)")
ARABIC_TO_PERSIAN_LETTERS = str.maketrans({"ي": "ی", "ك": "ک"})
_HEBREW_NUMBER = r"[\u05D0-\u05EA]+(?:[\"'\u05F3\u05F4][\u05D0-\u05EA]*)*"
HEBREW_DATE = re.compile(rf"(?P<day>{_HEBREW_NUMBER})\s+[בל]?(?P<month>"
                         + "|".join(sorted(HEBREW_MONTHS, key=len, reverse=True))
                         + rf")['\u05F3]?\s+(?P<year>{_HEBREW_NUMBER})")
# A day and month without a year: "April 3", "22 November", "3 avril".
DAY_MONTH = (rf"(?:{_DAY}(?:\.|º|er|st|nd|rd|th)?\s+(?:de\s+)?(?P<month_after>{_WORD})"
             rf"|(?P<month_before>{_WORD})\.?\s+(?P<day_after>[0-3]?\d)(?:st|nd|rd|th)?)")
# A dateline: a place ("NAIROBI", "WASHINGTON, D.C."), a comma and a day and month with no year after them.
DATELINE = re.compile(rf"^[^\W\d_][^\d,]{{1,40}}(?:,[^\d,]{{1,30}})?,\s+{DAY_MONTH}(?!\d|,?\s*\d{{4}})")
# A line that ends with a day and month, the next line starts with its year ("July 19" / "2023 | 21:15").
ENDS_WITH_DAY_MONTH = re.compile(rf"(?<!\w){DAY_MONTH}\W*$")
STARTS_WITH_YEAR = re.compile(rf"^\W*{_YEAR}(?!\d)")
# A year/month/day path in a URL or breadcrumb: /2023/04/03/ or "› 2023 › 04 › 03".
PATH_DATE = re.compile(rf"{_YEAR}\s*[/›»>]\s*(?P<month>[01]?\d)\s*[/›»>]\s*{_DAY}(?!\d)")
YEAR_ALONE = re.compile(rf"(?<!\d){_YEAR}(?!\d)")
SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")
# A line's parts: a date sits in one of them, between separators.
LINE_SEPARATORS = re.compile(r"\s[|•·▸»›>/]\s|\s-\s|\|")
LABEL_PREFIX = re.compile(r"^[^\d:]{1,40}:\s*")
# A number that may be a day, beside the year, before the library reads a whole part of a line.
DAY_NUMBER = re.compile(r"(?<!\d)[0-3]?\d(?!\d)")
# Item fields: Unix seconds or milliseconds, ISO 8601 basic (20230705T163000Z) and extended.
UNIX_SECONDS = re.compile(r"\d{9,11}(?:\.\d+)?")
UNIX_MILLISECONDS = re.compile(r"\d{12,14}")
ISO_BASIC = re.compile(r"(?P<year>\d{4})(?P<month>\d\d)(?P<day>\d\d)(?:T\d{2,6}(?:[.,]\d+)?)?(?:Z|[+-]\d\d:?\d\d)?",
                       re.IGNORECASE)
ISO_EXTENDED = re.compile(r"^(?P<year>\d{4})-(?P<month>\d\d)-(?P<day>\d\d)")
DAY_FIRST_NUMERIC = re.compile(r"^(?P<day>\d{1,2})[/.](?P<month>\d{1,2})[/.](?P<year>\d{4})\b")
# <meta> and <time> tags, their attributes, JSON-LD blocks.
META_TAG = re.compile(r"<(?:meta|time)\b[^>]*>", re.IGNORECASE)
LINK_TAG = re.compile(r"<link\b[^>]*>", re.IGNORECASE)
TAG_ATTRIBUTE = re.compile(r"""([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
JSON_LD = re.compile(r"<script\b[^>]*application/ld\+json[^>]*>(.*?)</script>", re.IGNORECASE | re.DOTALL)


@dataclass(frozen=True)
class PublishedDate:
    value: date | None
    rule: str | None  # which rule found it, for audit; None when nothing was found

    @property
    def iso(self) -> str | None:
        return self.value.isoformat() if self.value else None


NOT_FOUND = PublishedDate(None, None)


def published_date(document: RawDocument, text: cleaning.ArticleText, language: str) -> PublishedDate:
    """The article's first publication date, by the most reliable rule that finds one.
    ``language`` is the body's (extract.language.detect_language): a hint for the header's words."""
    hints = (language,)
    field_rule = "feed published field" if document.media_type == "html" else "item published field"
    if found := parse_item_date(document.published, hints):
        return PublishedDate(found, field_rule)
    if document.media_type == "html":
        if found := html_metadata_date(document.content):
            return PublishedDate(found, "html metadata")
        header = _lines_above_body(cleaning.page_lines(document.content), text.body)
    else:
        header = text.header.splitlines()
    opening = [line for line in text.body.split("\n") if line.strip()][:2]
    lead = opening[0] if opening else ""
    if (found := date_from_lines(header, hints, lead[:DATELINE_CHARS])).value:
        return found
    # A short date line does not tell its own language ("6 lis 2023"): the header's may, and
    # failing that the library tries every language it knows.
    hints = (detect_language("\n".join(header)), language, EVERY_LANGUAGE)
    if (found := date_from_lines(header, hints, lead[:DATELINE_CHARS])).value \
            or (found := date_with_year_below(header + opening, hints)).value:
        return found
    url = document.url or (page_url(document.content) if document.media_type == "html" else "")
    if (found := date_from_dateline(lead, f"{url}\n" + "\n".join(header), hints, text.body)).value:
        return found
    if (found := _labelled_date_below(document, text, hints)).value:
        return found
    if document.media_type == "html" and (found := html_modified_date(document.content)):
        return PublishedDate(found, "html modified metadata")
    return NOT_FOUND


def _labelled_date_below(document: RawDocument, text: cleaning.ArticleText, hints: tuple[str, ...]) -> PublishedDate:
    """A date labelled as the first publication in a line below the header, the body's own or the
    page's trailer ("This article was first published on ..."), when nothing above gave one."""
    if document.media_type == "html":
        page = cleaning.page_lines(document.content)
    else:
        page = (document.content if document.media_type == "text" else text.body).splitlines()
    labelled = [line for line in page if PUBLISHED_LABEL.search(line)]
    found = date_from_lines(labelled, hints) if labelled else NOT_FOUND
    return PublishedDate(found.value, "published line below") if found.value else NOT_FOUND


def _lines_above_body(lines: list[str], body: str) -> list[str]:
    """A page's lines above its body's first sentence (a standfirst above the date line is not
    one); all of them when it cannot be found."""
    paragraphs = [paragraph for paragraph in body.split("\n") if paragraph.strip()]
    first_sentence = next((p for p in paragraphs if SENTENCE_END.search(p)), paragraphs[0] if paragraphs else "")
    lead = first_sentence[:40]
    for index, line in enumerate(lines):
        if lead and (line.startswith(lead) or (len(line) >= 20 and lead.startswith(line))):
            return lines[:index]
    return lines


# --- Pre-steps: what the patterns and the library read ---

def normalise(text: str) -> str:
    """The text with ASCII digits and Gregorian years: "令和7年" and "令和七年" become "2025年",
    "民國112年" "2023年", a Thai Buddhist-era 2565 becomes 2022."""
    text = text.translate(ASCII_DIGITS)
    if "年" in text or "月" in text:
        text = ERA_YEAR.sub(_gregorian_era_year, KANJI_NUMBER.sub(_kanji_number, text))
    if THAI_SCRIPT.search(text) or "B.E" in text:
        text = BUDDHIST_YEAR.sub(lambda match: str(int(match["year"]) - BUDDHIST_ERA_OFFSET), text)
    return text


def _kanji_number(match: re.Match) -> str:
    """"十二" is 12, "二十六" 26, "二〇二三" 2023: tens and hundreds by their sign, else digit by digit."""
    text = match.group(0)
    if not any(sign in text for sign in KANJI_MULTIPLIERS):
        return "".join(str(KANJI_DIGITS[character]) for character in text)
    value = digit = 0
    for character in text:
        if character in KANJI_MULTIPLIERS:
            value += (digit or 1) * KANJI_MULTIPLIERS[character]
            digit = 0
        else:
            digit = KANJI_DIGITS[character]
    return str(value + digit)


def _gregorian_era_year(match: re.Match) -> str:
    year_of_era = 1 if match["year"] == FIRST_ERA_YEAR else int(match["year"])
    return f"{ERA_FIRST_YEARS[match['era']] + year_of_era - 1}年"


def _plausible(value: date | None) -> date | None:
    return value if value and FIRST_PLAUSIBLE_YEAR <= value.year <= LAST_PLAUSIBLE_YEAR else None


def _make_date(year: str | int, month: str | int, day: str | int) -> date | None:
    try:
        return _plausible(date(int(year), int(month), int(day)))
    except ValueError:
        return None


# --- The library ---

@lru_cache(maxsize=1)
def _library_languages() -> frozenset[str]:
    from dateparser.data.languages_info import language_order

    return frozenset(language_order)


@lru_cache(maxsize=1024)
def _languages(line: str, hints: tuple[str, ...]) -> tuple[str, ...]:
    """The languages the library tries for a line: the line's likeliest, the page's, English."""
    import py3langid

    ranked = (LIBRARY_LANGUAGE_CODES.get(code, code) for code, _ in py3langid.rank(line))
    likeliest = islice((code for code in ranked if code in _library_languages()), LINE_LANGUAGE_CANDIDATES)
    hinted = (LIBRARY_LANGUAGE_CODES.get(code, code) for code in [*hints, "en"])
    every = [EVERY_LANGUAGE] if EVERY_LANGUAGE in hints else []
    return tuple(dict.fromkeys([*likeliest, *(code for code in hinted if code in _library_languages()), *every]))


@lru_cache(maxsize=256)
def _library_parser(languages: tuple[str, ...] | None = None, locale: str | None = None):
    """One parser per language set, or for one regional locale, or for every language (None)."""
    from dateparser.date import DateDataParser

    if locale:
        return DateDataParser(locales=[locale], settings=LIBRARY_SETTINGS)
    return DateDataParser(languages=list(languages) if languages else None, settings=LIBRARY_SETTINGS)


def _regional_locales(language: str) -> list[str]:
    """The regional variants of a line's likeliest language, whose month names may differ from the
    language's own (Morocco's "دجنبر" for December); English ones never do."""
    from dateparser.data.languages_info import language_locale_dict

    return [] if language == "en" else language_locale_dict.get(language, [])


def _parsers(languages: tuple[str, ...]):
    """The parsers to try, built as they are needed: the named languages', the regional variants
    of the likeliest one, then, if asked, every language's."""
    named = tuple(code for code in languages if code != EVERY_LANGUAGE)
    yield _library_parser(named)
    for locale in _regional_locales(named[0]):
        yield _library_parser(locale=locale)
    if EVERY_LANGUAGE in languages:
        yield _library_parser()


@lru_cache(maxsize=8192)
def _library_date(text: str, languages: tuple[str, ...]) -> date | None:
    """The date the library reads in ``text`` when all of it is one date with its year. Cached:
    the pages of one run show the same few days."""
    for parser in _parsers(languages):
        found = parser.get_date_data(text).date_obj
        # An aware result is in the zone the text gives: its date is the date as written.
        if found and str(found.year) in text:
            return _plausible(found.date())
    return None


@lru_cache(maxsize=1024)
def _hijri_date(text: str) -> date | None:
    """A Hijri date, read by the library's calendar. It must know the month's name: otherwise it
    reads another calendar's date with a default month."""
    from dateparser.calendars.hijri import HijriCalendar

    found = HijriCalendar(text).get_date()
    return _plausible(found.date_obj.date()) if found and {"day", "month", "year"} <= set(found.parts) else None


# --- Full dates in a line ---

def _hebrew_number(letters: str) -> int:
    return sum(HEBREW_LETTER_VALUES.get(letter, 0) for letter in letters)


def _hebrew_date(match: re.Match) -> date | None:
    from convertdate import hebrew

    year_letters = re.sub(r"[\"'\u05F3\u05F4]", "", match["year"])
    if year_letters.startswith("ה") and len(year_letters) > 3:  # the ה of התשפ"ב is the 5000
        year_letters = year_letters[1:]
    year = HEBREW_THOUSANDS + _hebrew_number(year_letters)
    month = HEBREW_MONTHS[match["month"]]
    if match["month"] == "אדר" and hebrew.leap(year):
        month = 13  # in a leap year a plain Adar is Adar II, where its feasts fall
    day = _hebrew_number(match["day"])
    if not 1 <= day <= hebrew.month_days(year, month):
        return None
    return _make_date(*hebrew.to_gregorian(year, month, day))


def _jalali_date(match: re.Match) -> date | None:
    import jdatetime

    try:
        return _make_date(*jdatetime.date(int(match["year"]), PERSIAN_MONTHS[match["month"]],
                                          int(match["day"])).togregorian().timetuple()[:3])
    except ValueError:
        return None


def _month_word_date(match: re.Match, hints: tuple[str, ...]) -> date | None:
    if month := ENGLISH_MONTHS.get(match["month"].lower()):
        return _make_date(match["year"], month, match["day"])
    languages = _languages(match.string, hints)
    # A second word may be part of the month ("Tháng Sáu", "كانون الأول") or not ("Published").
    spans = [match.group(0)]
    if match.groupdict().get("extra"):
        spans.append(match.string[match.start():match.start("extra")] + match.string[match.end("extra"):match.end()])
    return next((found for span in spans if (found := _library_date(span, languages))), None)


def _numbers_date(match: re.Match) -> date | None:
    first, second = int(match["first"]), int(match["second"])
    month_first = second > 12 or (first <= 12 and bool(TWELVE_HOUR_CLOCK.search(match.string)))
    return _make_date(match["year"], *((first, second) if month_first else (second, first)))


def dates_in_line(line: str, hints: tuple[str, ...] = ()) -> list[tuple[int, date]]:
    """The full dates written in a line, by position: the Gregorian ones, else those of the Hijri,
    Jalali or Hebrew calendar. ``hints``: languages the page is likely written in."""
    line = normalise(line)
    if not any(character.isdigit() for character in line) and not HEBREW_SCRIPT.search(line):
        return []
    found = [(match.start(), _make_date(match["year"], match["month"], match["day"]))
             for pattern in (YEAR_MONTH_DAY, DAY_MONTH_YEAR_DOTTED) for match in pattern.finditer(line)]
    found += [(match.start(), _numbers_date(match)) for match in NUMBERS_THEN_YEAR.finditer(line)]
    # A word before the month may be a label ("Published May 1"): the date starts at its first part.
    found += [(min(match.start(part) for part in ("day", "month", "year")), _month_word_date(match, hints))
              for pattern in (DAY_WORD_YEAR, WORD_DAY_YEAR, YEAR_WORD_DAY) for match in pattern.finditer(line)]
    return (_by_position(found) or _by_position(_dates_in_parts(line, hints))
            or _by_position(_calendar_dates(line)))


def _calendar_dates(line: str) -> list[tuple[int, date | None]]:
    persian = line.translate(ARABIC_TO_PERSIAN_LETTERS)
    return ([(match.start(), _jalali_date(match)) for match in JALALI_DATE.finditer(persian)]
            + [(match.start(), _hijri_date(match.group(0))) for match in HIJRI_DATE.finditer(line)]
            + [(match.start(), _hebrew_date(match)) for match in HEBREW_DATE.finditer(line)])


def _by_position(found: list[tuple[int, date | None]]) -> list[tuple[int, date]]:
    return sorted({start: value for start, value in found if value}.items())


def _dates_in_parts(line: str, hints: tuple[str, ...]) -> list[tuple[int, date | None]]:
    """The library on each part of the line between separators that holds a year and a day, for
    the forms no pattern covers ("ngày 26 tháng 5 năm 2025"); in the languages of the line and
    the page only, as every language on free text would be slow and loose."""
    hints = tuple(code for code in hints if code != EVERY_LANGUAGE)
    starts = [0] + [separator.end() for separator in LINE_SEPARATORS.finditer(line)]
    ends = [separator.start() for separator in LINE_SEPARATORS.finditer(line)] + [len(line)]
    found = []
    for start, end in zip(starts, ends, strict=True):
        part = LABEL_PREFIX.sub("", line[start:end]).strip()
        if YEAR_ALONE.search(part) and DAY_NUMBER.search(part):
            found.append((start, _library_date(part, _languages(line, hints))))
    return found


def first_full_date(text: str, hints: tuple[str, ...] = ()) -> date | None:
    """The first full date written in the text, in any language and calendar the rules read."""
    found = dates_in_line(text, hints)
    return found[0][1] if found else None


# --- Item fields and page metadata ---

def parse_item_date(value: str | None, hints: tuple[str, ...] = ()) -> date | None:
    """A feed or API item's own publication field, read in the time zone it is written in."""
    value = (value or "").strip()
    if not value:
        return None
    if UNIX_SECONDS.fullmatch(value):  # Unix time carries no zone: UTC
        return _plausible(datetime.fromtimestamp(float(value), tz=timezone.utc).date())
    if UNIX_MILLISECONDS.fullmatch(value):
        return _plausible(datetime.fromtimestamp(int(value) / 1000, tz=timezone.utc).date())
    if match := ISO_BASIC.fullmatch(value) or ISO_EXTENDED.match(value) or DAY_FIRST_NUMERIC.match(value):
        return _make_date(match["year"], match["month"], match["day"])
    try:
        return _plausible(parsedate_to_datetime(value).date())
    except (TypeError, ValueError, IndexError):
        return first_full_date(value, hints)


def _metadata_values(html: str, names: frozenset[str]):
    """The values that ``names`` (lower case) name in the page's <meta> and <time> tags, then in
    its JSON-LD, in the order of the page."""
    for tag in META_TAG.finditer(html):
        attributes = {name.lower(): "".join(values) for name, *values in TAG_ATTRIBUTE.findall(tag.group(0))}
        key = next((attributes[name] for name in ("property", "name", "itemprop", "http-equiv") if name in attributes),
                   "")
        if key.lower() in names:
            yield html_text.unescape(attributes.get("content") or attributes.get("datetime") or "")
    for block in JSON_LD.finditer(html):
        try:
            yield from _json_values(json.loads(block.group(1)), names)
        except ValueError:
            continue


def _json_values(node, names: frozenset[str]):
    if isinstance(node, dict):
        for key, value in node.items():
            if key.lower() in names and isinstance(value, str):
                yield value
            else:
                yield from _json_values(value, names)
    elif isinstance(node, list):
        for item in node:
            yield from _json_values(item, names)


def _first_metadata_date(html: str, names: frozenset[str]) -> date | None:
    return next((found for value in _metadata_values(html, names) if (found := parse_item_date(value))), None)


def html_metadata_date(html: str) -> date | None:
    """``article:published_time``, JSON-LD ``datePublished`` and the like: never the text, never
    the modification time."""
    return _first_metadata_date(html, PUBLISHED_METADATA)


def page_url(html: str) -> str:
    """The page's own address as it states it (``<link rel="canonical">``, ``og:url``), for a page
    read from a file: its dated path completes a dateline without a year."""
    for tag in LINK_TAG.finditer(html):
        attributes = {name.lower(): "".join(values) for name, *values in TAG_ATTRIBUTE.findall(tag.group(0))}
        if attributes.get("rel", "").lower() == "canonical" and attributes.get("href"):
            return html_text.unescape(attributes["href"])
    return next(_metadata_values(html, frozenset({"og:url"})), "")


def html_modified_date(html: str) -> date | None:
    """``article:modified_time``, JSON-LD ``dateModified`` and the like."""
    return _first_metadata_date(html, MODIFIED_METADATA)


def version_moment(document: RawDocument) -> datetime | None:
    """When this version of a document was last written, in UTC, for choosing the
    later of two versions of one article: the item's modified field, else its published field;
    for a page, its modification metadata, else its publication metadata. None when none of
    them names a time that can be read."""
    values = [document.modified, document.published]
    if document.media_type == "html":
        values += [*_metadata_values(document.content, MODIFIED_METADATA),
                   *_metadata_values(document.content, PUBLISHED_METADATA)]
    return next((moment for value in values if (moment := _moment(value))), None)


def _moment(value: str | None) -> datetime | None:
    value = (value or "").strip()
    if UNIX_SECONDS.fullmatch(value):
        return datetime.fromtimestamp(float(value), tz=timezone.utc)
    if UNIX_MILLISECONDS.fullmatch(value):
        return datetime.fromtimestamp(int(value) / 1000, tz=timezone.utc)
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        try:
            moment = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
    return moment.astimezone(timezone.utc) if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


# --- The page's visible lines ---

def date_from_lines(lines: list[str], hints: tuple[str, ...] = (), lead: str = "") -> PublishedDate:
    """The header's dates: one labelled as the first publication wins over any other, a date
    bar over the lead's dateline ("BRUSSELS, 6 December 2023 -") over an "Updated" line, which
    wins over nothing. A label alone on its line labels the next line."""
    plain = updated = None
    label_above = None  # "published" or "updated", from a line that holds only a label
    for line in lines:
        published_label, updated_label = PUBLISHED_LABEL.search(line), UPDATED_LABEL.search(line)
        publication = published_label is not None or label_above == "published"
        found = dates_in_line(line, hints)
        if found and publication:
            after_label = [value for start, value in found if not published_label or start > published_label.start()]
            return PublishedDate((after_label or [found[0][1]])[0], "published line")
        before_update = [value for start, value in found
                         if label_above != "updated" and (not updated_label or start < updated_label.start())]
        # A site's date bar shows the day the page was read, never before the story's own date
        # line: of two plain dates the earlier is the publication.
        plain = min(filter(None, (plain, before_update[0] if before_update else None)), default=None)
        updated = updated or (found[0][1] if found and not before_update else None)
        label_above = None if found else "published" if published_label else "updated" if updated_label else None
    if not plain and lead and (found := dates_in_line(lead, hints)):
        plain = found[0][1]
    if plain:
        return PublishedDate(plain, "header date")
    return PublishedDate(updated, "updated line") if updated else NOT_FOUND


def _month_and_day(match: re.Match, hints: tuple[str, ...]) -> tuple[int, int] | None:
    """The month and day of a DAY_MONTH match (no year), checked against a leap year."""
    day = match["day"] or match["day_after"]
    word = match["month_after"] or match["month_before"]
    if month := ENGLISH_MONTHS.get(word.lower()):
        found = _make_date(LEAP_YEAR, month, day)
    else:
        found = _library_date(f"{day} {word} {LEAP_YEAR}", _languages(match.string, hints))
    return (found.month, found.day) if found else None


def date_with_year_below(lines: list[str], hints: tuple[str, ...] = ()) -> PublishedDate:
    """A dateline ("JEDDAH, July 19 -") or a line that ends with a day and month, whose year
    starts the next line."""
    for line, below in pairwise(map(normalise, lines)):
        match = DATELINE.match(line) or ENDS_WITH_DAY_MONTH.search(line)
        if match and (year := STARTS_WITH_YEAR.match(below)) and (month_day := _month_and_day(match, hints)):
            if found := _make_date(year["year"], *month_day):
                return PublishedDate(found, "dateline + year below")
    return NOT_FOUND


def date_from_dateline(lead: str, page_text: str, hints: tuple[str, ...] = (), text_below: str = "") -> PublishedDate:
    """A dateline gives month and day; the year comes from a dated URL path on the page whose
    month and day agree, else from a full date with that month and day further down the text,
    else from the first year the page's header mentions."""
    match = DATELINE.match(normalise(lead))
    if not match or not (month_day := _month_and_day(match, hints)):
        return NOT_FOUND
    month, day = month_day
    page_text = normalise(page_text)
    for path in PATH_DATE.finditer(page_text):
        if (int(path["month"]), int(path["day"])) == (month, day):
            return PublishedDate(_make_date(path["year"], month, day), "dateline + URL year")
    same_day = re.compile(rf"(?<!\d)0?{day}(?!\d)")
    for line in normalise(text_below).splitlines():
        if same_day.search(line) and YEAR_ALONE.search(line):
            for _, found in dates_in_line(line, hints):
                if (found.month, found.day) == (month, day):
                    return PublishedDate(found, "dateline + date below")
    if (year := YEAR_ALONE.search(page_text)) and (found := _make_date(year["year"], month, day)):
        return PublishedDate(found, "dateline + page year")
    return NOT_FOUND
