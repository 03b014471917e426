"""Dates as resumes write them → partial dates ("2021", "2021-07", "present").

Handles "Jan 2020 – Mar 2022", "January 2020 - Present", "01/2020 – 03/2022", "2020-01 to
2022-03", "2020.01 – now", "Sep '19 – Current", "Since 2021", "Summer 2019", "2019–2021".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MONTHS = {
    "jan": 1,
    "january": 1,
    "feb": 2,
    "february": 2,
    "mar": 3,
    "march": 3,
    "apr": 4,
    "april": 4,
    "may": 5,
    "jun": 6,
    "june": 6,
    "jul": 7,
    "july": 7,
    "aug": 8,
    "august": 8,
    "sep": 9,
    "sept": 9,
    "september": 9,
    "oct": 10,
    "october": 10,
    "nov": 11,
    "november": 11,
    "dec": 12,
    "december": 12,
}
_SEASONS = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}
_PRESENT = r"present|current(?:ly)?|now|today|ongoing|date|heute|aujourd'hui"

_MONTH_NAME = "|".join(sorted(_MONTHS, key=len, reverse=True))
_SEASON_NAME = "|".join(_SEASONS)
_YEAR = r"(?:19|20)\d\d"
_SHORT_YEAR = r"'\d\d"
_ONE_DATE = (
    rf"(?:(?:{_MONTH_NAME})\.?,?\s+(?:{_YEAR}|{_SHORT_YEAR})"
    rf"|(?:{_SEASON_NAME})\s+{_YEAR}"
    rf"|Q[1-4]\s+{_YEAR}"
    rf"|{_YEAR}[-/.](?:0?[1-9]|1[0-2])(?:[-/.](?:0?[1-9]|[12]\d|3[01]))?(?!\d)"
    rf"|(?:0?[1-9]|1[0-2])[/.]{_YEAR}"
    rf"|{_YEAR})"
)
_SEPARATOR = r"\s*(?:–|—|-|−|~|\bto\b|\buntil\b|\btill\b|\bthrough\b|\bthru\b|→)\s*"
RANGE = re.compile(
    rf"(?<![\w/.-])(?P<start>{_ONE_DATE}){_SEPARATOR}(?P<end>{_ONE_DATE}|{_PRESENT})(?![\w/])",
    re.IGNORECASE,
)
SINCE = re.compile(rf"\b(?:since|from)\s+(?P<start>{_ONE_DATE})(?![\w/])", re.IGNORECASE)
SINGLE = re.compile(rf"(?<![\w/.-])(?P<start>{_ONE_DATE})(?![\w/])", re.IGNORECASE)


@dataclass(frozen=True)
class DateSpan:
    """Where a date range sits in a line, and its partial dates."""

    start: str | None
    end: str | None
    begin: int
    stop: int


def parse_partial_date(text: str) -> str | None:
    """One date → "YYYY", "YYYY-MM", "YYYY-MM-DD" or "present"; None if not a date."""
    value = text.strip().strip(".,").strip()
    lowered = value.lower()
    if re.fullmatch(_PRESENT, lowered):
        return "present"
    if match := re.fullmatch(rf"({_YEAR})-(\d{{2}})(?:-(\d{{2}}))?", value):
        year, month, day = match.groups()
        if 1 <= int(month) <= 12:
            return f"{year}-{month}" + (f"-{day}" if day else "")
        return None
    if match := re.fullmatch(rf"({_YEAR})[-/.](\d{{1,2}})(?:[-/.](\d{{1,2}}))?", value):
        year, month, day = match.groups()
        if not 1 <= int(month) <= 12:
            return None
        return f"{year}-{int(month):02d}" + (f"-{int(day):02d}" if day else "")
    if match := re.fullmatch(rf"(\d{{1,2}})[/.]({_YEAR})", value):
        month, year = match.groups()
        return f"{year}-{int(month):02d}" if 1 <= int(month) <= 12 else None
    if match := re.fullmatch(rf"({_MONTH_NAME})\.?,?\s+({_YEAR}|{_SHORT_YEAR})", lowered):
        name, year = match.groups()
        return f"{_full_year(year)}-{_MONTHS[name]:02d}"
    if match := re.fullmatch(rf"({_SEASON_NAME})\s+({_YEAR})", lowered):
        name, year = match.groups()
        return f"{year}-{_SEASONS[name]:02d}"
    if match := re.fullmatch(rf"q([1-4])\s+({_YEAR})", lowered):
        quarter, year = match.groups()
        return f"{year}-{(int(quarter) - 1) * 3 + 1:02d}"
    if re.fullmatch(_YEAR, value):
        return value
    return None


def find_date_span(line: str) -> DateSpan | None:
    """The first date range (or lone date, or "since" date) in a line."""
    if match := RANGE.search(line):
        start = parse_partial_date(match.group("start"))
        end = parse_partial_date(match.group("end"))
        if start and end and _ordered(start, end):
            return DateSpan(start, end, match.start(), match.end())
    if match := SINCE.search(line):
        start = parse_partial_date(match.group("start"))
        if start:
            return DateSpan(start, "present", match.start(), match.end())
    if match := SINGLE.search(line):
        start = parse_partial_date(match.group("start"))
        if start:
            return DateSpan(start, None, match.start(), match.end())
    return None


def is_date_only(line: str) -> bool:
    """A line that holds a date range and little else (maybe a location after a separator)."""
    span = find_date_span(line)
    if span is None:
        return False
    rest = (line[: span.begin] + " " + line[span.stop :]).strip(" |·•,-–—()")
    return len(rest.split()) <= 4


def _full_year(year: str) -> str:
    if year.startswith("'"):
        short = int(year[1:])
        return f"{2000 + short if short < 50 else 1900 + short}"
    return year


def _ordered(start: str, end: str) -> bool:
    return end == "present" or start[:7] <= end[:7] or start[:4] <= end[:4]
