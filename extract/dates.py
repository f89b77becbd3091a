"""The date an article was first published, following the annotation guide's date rules.

Sources, most reliable first: an item's own ``published`` field, the page's structured metadata,
a "Published"/"Posted" line, any other full date in the header ("Updated:" lines, date bars in
other languages), and finally a dateline without a year ("MANILA, April 3") completed with a
year found elsewhere on the page. Each result records the rule that found it; when no rule
matches, the date is null; it is never guessed from the clock.
"""
import re
from dataclasses import dataclass
from datetime import date, datetime, timezone
from email.utils import parsedate_to_datetime

MONTH_NAMES = {
    1: "january jan janvier januar jänner gennaio enero janeiro januari",
    2: "february feb février fevrier februar febbraio febrero fevereiro februari",
    3: "march mar mars märz marz marzo março maret maart",
    4: "april apr avril aprile abril",
    5: "may mai maggio mayo maio mei",
    6: "june jun juin juni giugno junio junho",
    7: "july jul juillet juli luglio julio julho",
    8: "august aug août aout agosto agustus augustus",
    9: "september sep sept septembre settembre septiembre setiembre setembro",
    10: "october oct octobre oktober ottobre octubre outubro",
    11: "november nov novembre noviembre novembro",
    12: "december dec décembre decembre dezember dicembre diciembre dezembro desember",
}
# Vietnamese writes months as "Tháng" plus a number word ("Tháng Sáu" is June) or digit.
VIETNAMESE_MONTH_NUMBERS = ["một", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười",
                            "mười một", "mười hai"]
MONTHS = {name: number for number, names in MONTH_NAMES.items() for name in names.split()}
MONTHS |= {f"tháng {word}": number for number, word in enumerate(VIETNAMESE_MONTH_NUMBERS, 1)}
MONTHS |= {f"tháng {number}": number for number in range(1, 13)}
_MONTH = "(?P<month>" + "|".join(sorted(map(re.escape, MONTHS), key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DAY = r"(?P<day>[0-3]?\d)"

FULL_DATE_PATTERNS = [
    # 2 May 2022, 2. Mai 2022, 16 juillet 2023, 30 de junio de 2022, 1er mars 2021
    re.compile(rf"\b{_DAY}(?:\.|er|º|st|nd|rd|th)?\s+(?:de\s+)?{_MONTH}\s*(?:de\s+)?,?\s*{_YEAR}\b", re.I),
    # June 22, 2023 / Apr 16, 2024 / Tháng Sáu 2, 2023
    re.compile(rf"(?<!\w){_MONTH}\s+{_DAY}(?:st|nd|rd|th)?,?\s+{_YEAR}\b", re.I),
    # 2024年4月10日 / 2022년 11월 17일
    re.compile(rf"{_YEAR}\s*[年년]\s*(?P<month>[01]?\d)\s*[月월]\s*{_DAY}\s*[日일]"),
    # 2023-12-12 / 2023.12.12 / 2023/12/12
    re.compile(rf"\b{_YEAR}[-./](?P<month>[01]?\d)[-./]{_DAY}\b"),
]
PUBLISHED_LABEL = re.compile(r"\b(published|posted|first published|publié|veröffentlicht|pubblicato|"
                             r"publicado|diterbitkan)\b", re.I)
# A dateline at the start of the body: "MANILA, April 3 (GlobalWire) -", "THE HAGUE, Dec. 12".
DATELINE = re.compile(rf"^[A-Z][\w .,'’-]{{1,40}},\s+{_MONTH}\s+{_DAY}\b", re.I)
# A year/month/day path in a URL or breadcrumb: /2023/04/03/ or "› 2023 › 04 › 03".
PATH_DATE = re.compile(rf"{_YEAR}\s*[/›»>]\s*(?P<month>[01]?\d)\s*[/›»>]\s*{_DAY}\b")
YEAR_ALONE = re.compile(rf"\b{_YEAR}\b")
# Item "published" fields: ISO 8601, RFC 2822, "30/01/2023 19:05", "October 18, 2022", Unix time.
DAY_FIRST_NUMERIC = re.compile(r"^(?P<day>\d{1,2})[/.](?P<month>\d{1,2})[/.](?P<year>\d{4})\b")
ISO_DATE = re.compile(r"^(?P<year>\d{4})-(?P<month>\d\d)-(?P<day>\d\d)")


@dataclass(frozen=True)
class PublishedDate:
    value: date | None
    rule: str | None  # which rule found it, for audit; None when nothing was found

    @property
    def iso(self) -> str | None:
        return self.value.isoformat() if self.value else None


NOT_FOUND = PublishedDate(None, None)


def _make_date(year: str | int, month: str | int, day: str | int) -> date | None:
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


def _from_match(match: re.Match) -> date | None:
    month = match.group("month")
    month_number = int(month) if month.isdigit() else MONTHS[month.lower().rstrip(".")]
    return _make_date(match.group("year"), month_number, match.group("day"))


def first_full_date(text: str) -> date | None:
    """The earliest full date written in the text, in any supported language and form."""
    found = []
    for pattern in FULL_DATE_PATTERNS:
        for match in pattern.finditer(text):
            value = _from_match(match)
            if value:
                found.append((match.start(), value))
    return min(found)[1] if found else None


def parse_item_date(value: str | None) -> date | None:
    """A feed or API item's own publication field, read in the time zone it is written in."""
    if not value or not value.strip():
        return None
    value = value.strip()
    if re.fullmatch(r"\d{9,11}(\.\d+)?", value):  # Unix seconds carry no zone: UTC
        return datetime.fromtimestamp(float(value), tz=timezone.utc).date()
    if match := ISO_DATE.match(value):
        return _make_date(match["year"], match["month"], match["day"])
    if match := DAY_FIRST_NUMERIC.match(value):
        return _make_date(match["year"], match["month"], match["day"])
    try:
        return parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        pass
    return first_full_date(value)


def date_from_lines(lines: list[str]) -> PublishedDate:
    """The header's dates: a labelled first-publication date wins over any other (an "Updated:"
    line or a date bar), which wins over nothing."""
    for line in lines:
        if PUBLISHED_LABEL.search(line) and (value := first_full_date(line)):
            return PublishedDate(value, "published line")
    for line in lines:
        if value := first_full_date(line):
            return PublishedDate(value, "header date")
    return NOT_FOUND


def date_from_dateline(lead: str, page_text: str) -> PublishedDate:
    """A dateline gives month and day; the year comes from a dated URL path on the page whose
    month and day agree, or else from the first year the page's header mentions."""
    match = DATELINE.match(lead)
    if not match:
        return NOT_FOUND
    month = MONTHS[match.group("month").lower().rstrip(".")]
    day = int(match.group("day"))
    for path in PATH_DATE.finditer(page_text):
        if int(path.group("month")) == month and int(path.group("day")) == day:
            return PublishedDate(_make_date(path.group("year"), month, day), "dateline + URL year")
    if year := YEAR_ALONE.search(page_text):
        if value := _make_date(year.group("year"), month, day):
            return PublishedDate(value, "dateline + page year")
    return NOT_FOUND


def html_metadata_date(html: str) -> date | None:
    """``article:published_time``, JSON-LD ``datePublished`` and similar, never the text."""
    from htmldate import find_date

    found = find_date(html, extensive_search=False, original_date=True, outputformat="%Y-%m-%d")
    return date.fromisoformat(found) if found else None
