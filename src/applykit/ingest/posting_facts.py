"""Facts stated in passing: years of experience, ids, dates, duration (degree: posting_degree)."""

from __future__ import annotations

import datetime as dt
import re

from applykit.ingest.posting_keywords import Scan, needles
from applykit.ingest.posting_windows import (
    first_anchored,
    iter_anchored,
    iter_reach,
    starts_or_digits,
)
from applykit.models.posting import YearsExperience
from applykit.number_words import WORD_NUMBERS

_NUM = r"(\d{1,2}(?:\.\d)?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen)"
_YEARS = re.compile(
    rf"(?:at least |minimum (?:of )?|min\.? |over |more than )?{_NUM}\s*\+?"
    rf"(?:\s*(?:-|–|to)\s*{_NUM}\s*\+?)?\s*(?:\+\s*)?(?:years?|yrs?|jahren?|ans|años)\b(?!\s+(?:old|ago))"
    r"(?P<ctx>[^.;\n]{0,60})",
    re.IGNORECASE,
)


_YEARS_NEEDLES = needles("year", "yr", "jahr", " ans", "años")


def _scan(text: str | Scan) -> Scan:
    return text if isinstance(text, Scan) else Scan(text)


# Every _YEARS match begins with one of these words or with a digit.
_YEARS_STARTS = needles(
    "at least ", "min", "over ", "more than ", "one", "two", "three", "four", "five", "six"
) + needles("seven", "eight", "nine", "ten", "twelve", "fifteen")


def find_years(required: list[str], text: str | Scan) -> YearsExperience | None:
    for whole, need_context in ((Scan("\n".join(required)), False), (_scan(text), True)):
        source = whole.text
        windows = whole.derive("", 30000).spans(_YEARS_NEEDLES, 70, 70)
        for match in iter_anchored(
            _YEARS, whole, windows, starts_or_digits(whole, _YEARS_STARTS, windows)
        ):
            context = match.group("ctx").lower()
            lead = source[max(0, match.start() - 16) : match.start()].lower()
            if (
                need_context
                and not _EXPERIENCE_WORD.search(context)
                and "level" not in lead
                and not _YEARS_OF.match(context)
            ):
                continue
            if _NOT_YEARS_OF.match(context):
                continue
            low = _number(match.group(1))
            high = _number(match.group(2)) if match.group(2) else None
            if low is None or low > 30 or (high is not None and high < low):
                continue
            raw = match.group(0)[: match.start("ctx") - match.start()].strip()
            return YearsExperience(min=low, max=high, raw=raw)
    return None


_EXPERIENCE_WORD = re.compile(r"experience|erfahrung|expérience|experiencia")


def _number(raw: str) -> float | None:
    raw = raw.lower()
    if raw in WORD_NUMBERS:
        return float(WORD_NUMBERS[raw])
    try:
        return float(raw)
    except ValueError:
        return None


_REQ_ID = re.compile(
    r"\b(?:requisition(?: id| number| no\.?| #)?|req(?:uisition)?\.? ?(?:id|#|no\.?|number)"
    r"|job (?:id|#|number|code|ref(?:erence)?(?: number| no\.?)?)|ref(?:erence)?(?: no\.?| number"
    r"| #| id| code)?|posting (?:id|#|number)|vacancy (?:id|number|no\.?))"
    r"\s*(?::|#|-)?\s*(?P<id>[A-Z0-9][A-Z0-9_./-]{2,30})",
    re.IGNORECASE,
)


_REQ_NEEDLES = needles("req", "job", "ref", "posting", "vacancy")


def find_requisition_id(text: str | Scan) -> str | None:
    scan = _scan(text)
    text = scan.text
    windows = scan.derive("", 30000).spans(_REQ_NEEDLES, 1, 60)
    starts = scan.starts(_REQ_NEEDLES) if windows else []  # every match begins with one
    for match in iter_anchored(_REQ_ID, scan, windows, starts):
        value = match.group("id").rstrip(".,;:/-")
        if any(c.isdigit() for c in value) and not _A_YEAR.fullmatch(value):
            return value
    return None


_MONTHS = {
    m: i + 1
    for i, m in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    )
}
_MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_POSTED = re.compile(
    r"\b(?:posted|date posted|posting date|published|veröffentlicht)(?: on)?\s*:?\s*"
    r"(?P<value>[^\n·|]{1,40})",
    re.IGNORECASE,
)
_RELATIVE = re.compile(
    r"^(?:(\d{1,3}|an?|one)\+? (minute|hour|day|week|month|year)s? ago|(today|just now|yesterday))",
    re.IGNORECASE,
)

# Patterns used inside functions, compiled once (re.match(pattern, …) looks each up per call).
_YEARS_OF = re.compile(r"\s*(?:of|in|as|working|building|with)\b")
_NOT_YEARS_OF = re.compile(r"\s*(?:of (?:age|history|growth|operation)|in business|ago)")
_A_YEAR = re.compile(r"(?:19|20)\d\d")
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_DAY_MONTH_YEAR = re.compile(rf"(\d{{1,2}})(?:st|nd|rd|th)? {_MONTH},? (\d{{4}})", re.I)
_MONTH_DAY_YEAR = re.compile(rf"{_MONTH} (\d{{1,2}})(?:st|nd|rd|th)?,? (\d{{4}})", re.I)
_DOTTED_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
_NOT_DURATION = re.compile(r"(?i)within|every|per year|a year|vacation|notice|holiday|reply")
_ONE_UNIT = re.compile(r"(?:at least |up to )?(?:1|one) ")


def parse_date(text: str) -> dt.date | None:
    """ISO, "2 November 2026", "November 2, 2026", "02.11.2026"."""
    text = text.strip()
    try:
        match = _ISO_DATE.match(text)
        if match:
            return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        match = _DAY_MONTH_YEAR.match(text)
        if match:
            return dt.date(
                int(match.group(3)), _MONTHS[match.group(2).lower()], int(match.group(1))
            )
        match = _MONTH_DAY_YEAR.match(text)
        if match:
            return dt.date(
                int(match.group(3)), _MONTHS[match.group(1).lower()], int(match.group(2))
            )
        match = _DOTTED_DATE.match(text)
        if match:
            return dt.date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
    except ValueError:
        return None
    return None


_POSTED_NEEDLES = needles("posted", "published", "veröffentlicht")
_POSTED_STARTS = needles("posted", "date posted", "posting date", "published", "veröffentlicht")


def find_posted_on(text: str | Scan, today: dt.date) -> dt.date | None:
    scan = _scan(text)
    text = scan.text
    windows = scan.derive("", 30000).spans(_POSTED_NEEDLES, 12, 60)
    starts = scan.starts(_POSTED_STARTS) if windows else []
    for match in iter_anchored(_POSTED, scan, windows, starts):
        value = match.group("value").strip()
        absolute = parse_date(value)
        if absolute is not None:
            return absolute
        relative = _RELATIVE.match(value)
        if relative:
            if relative.group(3):
                return today - dt.timedelta(
                    days=1 if relative.group(3).lower() == "yesterday" else 0
                )
            count_raw = relative.group(1).lower()
            count = 1 if count_raw in {"a", "an", "one"} else int(count_raw)
            days = {"minute": 0, "hour": 0, "day": 1, "week": 7, "month": 30, "year": 365}
            return today - dt.timedelta(days=count * days[relative.group(2).lower()])
    return None


_START = re.compile(
    r"\b(?:expected |earliest |desired |planned )?start(?: date)?s?\s*[:\-–]\s*(?P<a>[^\n.;]{2,60})"
    r"|\bstart dates? (?:is|are) (?:available )?(?:in |from |on )?(?P<b>[^\n.;]{2,60})"
    r"|\b(?:starting|beginning) (?:in |on |from )(?P<c>(?:jan|feb|mar|apr|may|jun|jul|aug|sep"
    r"|oct|nov|dec)[a-z]* \d{4})",
    re.IGNORECASE,
)


_START_NEEDLES = needles("start", "beginning")
_START_WORDS = needles("expected start", "earliest start", "desired start", "planned start")
_START_WORDS += _START_NEEDLES


def find_start_date(text: str | Scan) -> str | None:
    scan = _scan(text)
    text = scan.text
    windows = scan.derive("", 30000).spans(_START_NEEDLES, 30, 80)
    starts = scan.starts(_START_WORDS) if windows else []  # every match begins with one
    match = first_anchored(_START, scan, windows, starts)
    if match is None:
        return None
    value = match.group("a") or match.group("b") or match.group("c") or ""
    return value.strip(" ,") or None


_NUMBER_WORD = r"(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_NUMBER_WORDS = tuple(_NUMBER_WORD[len(r"(?:\d{1,2}|") : -1].split("|"))
_DURATION = re.compile(
    rf"\b((?:at least |minimum (?:of )?|up to |approximately |about )?{_NUMBER_WORD}"
    rf"(?:\s?(?:-|–|to)\s?{_NUMBER_WORD})?[- ](?:week|month|year)s?)\b"
    r"(?P<ctx>[^.\n]{0,30})",
    re.IGNORECASE,
)
_DURATION_CONTEXT = re.compile(
    r"contract|internship|engagement|assignment|duration|\blong\b|term|project|placement",
    re.IGNORECASE,
)


_DURATION_NEEDLES = needles("week", "month", "year")


def find_duration(text: str | Scan) -> str | None:
    scan = _scan(text)
    text = scan.text
    # A match holds its unit word 2 to 31 characters in ("approximately 10 to 12-month")
    # and reads at most ~70 characters. The anchors are found first: every match is near one,
    # so without any the windows are not worth building.
    anchors = scan.starts(_DURATION_NEEDLES)
    if anchors:  # not None: the lower-cased text is aligned with the text
        # The unit word of a match follows "-" or " " right after a number: other units (most:
        # "5+ years of", "per year") cannot be the unit of any match, so nothing is tried there.
        low = scan.low
        anchors = [
            at
            for at in anchors
            if at >= 2
            and low[at - 1] in "- "
            and (low[at - 2].isdecimal() or low.endswith(_NUMBER_WORDS, 0, at - 1))
        ]
    if anchors is not None and not anchors:
        return None
    windows = scan.derive("", 30000).spans(_DURATION_NEEDLES, 40, 40)
    for match in iter_reach(_DURATION, text, windows, anchors, 31, 80):
        before = text[max(0, match.start() - 40) : match.start()]
        if not (
            _DURATION_CONTEXT.search(match.group("ctx")[:20])
            or _DURATION_CONTEXT.search(before[-25:])
        ):
            continue
        if _NOT_DURATION.search(before[-25:] + match.group("ctx")[:15]):
            continue
        value = match.group(1).replace("-", " ").lower()
        if not value.endswith("s") and not _ONE_UNIT.match(value):
            value += "s"
        return value
    return None
