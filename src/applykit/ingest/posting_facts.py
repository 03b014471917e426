"""Facts stated in passing: places, degree, years of experience, ids, dates, duration."""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import re

from applykit.ingest.posting_keywords import (
    Scan,
    first_anchored,
    iter_anchored,
    iter_reach,
    needles,
    occurrences,
    starts_or_digits,
)
from applykit.ingest.posting_text import fold, has_any
from applykit.models.posting import Degree, DegreeLevel, YearsExperience

_DEGREES: list[tuple[DegreeLevel, re.Pattern[str]]] = [
    ("associate", re.compile(r"\bassociate(?:'s|’s)? degree\b", re.IGNORECASE)),
    (
        "bachelor",
        re.compile(
            r"\bbachelor(?:'s|’s|s)?\b|\bB\.?S\.?c?\b(?! ?degree in nursing)|\bB\.A\.|\bBA\b"
            r"|\bB\.?Eng\b|\bundergraduate degree\b|\b(?:university|college|4[- ]year) degree\b",
            re.IGNORECASE,
        ),
    ),
    (
        "master",
        re.compile(
            r"\bmaster(?:'s|’s|s)?\b(?! (?:data|file|record|class))|\bM\.?Sc\b|\bM\.S\.|\bMS\b"
            r"|\bMBA\b|\bM\.?Eng\b|\bM\.A\.",
            re.IGNORECASE,
        ),
    ),
    ("phd", re.compile(r"\bph\.? ?d\b|\bdoctorate\b|\bdoctoral\b", re.IGNORECASE)),
]
_DEGREE_WORD = re.compile(r"\bdegree\b|\bdiploma\b|\bstudium\b", re.IGNORECASE)
_FIELD = re.compile(
    r"\b(?:in|of) ((?:[A-Z][\w&-]*|a|an|or|and|related|relevant|technical|quantitative|field"
    r"|discipline|similar|comparable|equivalent|,)(?:[ ,]+(?:[A-Z][\w&-]*|a|an|or|and|related"
    r"|relevant|technical|quantitative|field|discipline|similar|comparable|equivalent))*)"
)
_NOT_REQUIRED = re.compile(r"not required|helpful but|is a plus|nice to have|preferred", re.I)


def find_degree(
    required: list[str], other: list[str], mentions: set[str] | None = None
) -> Degree | None:
    """The lowest degree level the required lines ask for (else any line mentioning one).

    `mentions`: the lines with a degree word, when known (`degree_lines`), else found here.
    """
    if mentions is None:
        mentions = _lines_with_degree_words([*required, *other])
    seen: dict[str, tuple[int, Degree] | None] = {}  # required lines come again in `other`
    for lines in (required, other):
        best: tuple[int, Degree] | None = None
        for line in lines:
            if line not in mentions:
                continue
            for sentence in _degree_sentences(line):
                if sentence in seen:
                    found = seen[sentence]
                else:
                    found = seen[sentence] = _degree_in(sentence)
                if found is not None and (best is None or found[0] < best[0]):
                    best = found
        if best is not None:
            return best[1]
    return None


# Lower-cased, padded with spaces (see _degree_sentences) so "ms" does not hit "systems".
_DEGREE_NEEDLES = (
    "degree",
    "bachelor",
    "master",
    "phd",
    "ph.d",
    "ph. d",
    "doctora",
    "b.s",
    "m.s",
    " bs ",
    " ms ",
    " ba ",
    " ma ",
    "msc",
    "bsc",
    " mba",
    "diploma",
    "b.a.",
    "m.a.",
    "b.eng",
    "m.eng",
    " beng",
    " meng",
    "studium",
)


def _lines_with_degree_words(lines: list[str]) -> set[str]:
    """The lines in which `_degree_sentences` finds a degree word: one scan of all lines.

    The lines are joined padded as `_degree_sentences` pads each one (" line "), with line ends
    between them; no key word holds a line end, so each hit lies inside one padded line.
    """
    if not lines:
        return set()
    joined = (" " + " \n ".join(lines) + " ").lower()
    if len(joined) != sum(map(len, lines)) + 3 * len(lines) - 1:
        return {line for line in lines if _degree_sentences(line)}  # "İ" lower-cases longer
    joined = joined.replace(",", " ").replace("/", " ").replace("(", " ")
    hits = occurrences(joined, _DEGREE_NEEDLES)
    found: set[str] = set()
    if not hits:
        return found
    starts = list(itertools.accumulate((len(line) + 3 for line in lines), initial=0))
    for at in hits:
        found.add(lines[bisect.bisect_right(starts, at) - 1])
    return found


# `_degree_sentences` reads each line lower-cased, with ",", "/" and "(" as spaces, padded with
# a space at each end. In the body (lines joined by line ends) a degree word's space is one of
# those characters, or a line end where it stood for the padding.
_AS_SPACE = (" ", ",", "/", "(")


def _spellings(word: str) -> list[tuple[str, int]]:
    options = [
        (*_AS_SPACE, "\n") if c == " " and i in (0, len(word) - 1) else _AS_SPACE if c == " " else c
        for i, c in enumerate(word)
    ]
    return [("".join(p), int(p[0] == "\n")) for p in itertools.product(*options)]


_DEGREE_SPELLINGS = {s: lead for word in _DEGREE_NEEDLES for s, lead in _spellings(word)}
needles(*_DEGREE_SPELLINGS)


def degree_lines(body: Scan, lines: list[tuple[int, str]]) -> set[str] | None:
    """The texts of the body lines in which `_degree_sentences` finds a degree word.

    `lines`: (offset in the body, text) of every body line, in order. None when the body's
    lower-cased form is not aligned with it (then `find_degree` looks for itself).
    """
    if len(body.low) != len(body.text):
        return None
    found: set[str] = set()
    if not lines:
        return found
    starts = [at for at, _ in lines]
    for spelling, hits in body.present(_DEGREE_SPELLINGS):
        lead = _DEGREE_SPELLINGS[spelling]
        for at in hits:
            found.add(lines[bisect.bisect_right(starts, at + lead) - 1][1])
    for _, line in (lines[0], lines[-1]):  # padding at the very start and end of the body
        if line not in found and _degree_sentences(line):
            found.add(line)
    return found


def _degree_sentences(line: str) -> list[str]:
    low = f" {line.lower().replace(',', ' ').replace('/', ' ').replace('(', ' ')} "
    if not has_any(low, _DEGREE_NEEDLES):
        return []
    if len(line) < 200:
        return [line]
    return [s for s in re.split(r"(?<=[.;!?])\s+|,\s+and\s+", line) if s]


# Per pattern of _DEGREES: lower-case words one of which every match holds (a cheap test on
# `fold(sentence)` before the case-insensitive search).
_DEGREE_GATES: list[tuple[str, ...]] = [
    ("associate",),
    (
        "bachelor",
        "bs",
        "b.s",
        "b.a.",
        "ba",
        "beng",
        "b.eng",
        "undergraduate degree",
        "university degree",
        "college degree",
        "4-year degree",
        "4 year degree",
    ),
    ("master", "msc", "m.sc", "m.s.", "ms", "mba", "meng", "m.eng", "m.a."),
    ("phd", "ph.d", "ph. d", "ph d", "doctora"),
]
_DEGREE_IN = re.compile(r"(?i)\b(?:degree|diploma) in\b|\bdegree\b.{0,30}\brequired")
_IN_FIELD = re.compile(r"(?i)\bin [A-Z]|pursuing")
_IN_PROGRESS = re.compile(r"(?i)currently (?:pursuing|enrolled)|pursuing")
_NOT_REQUIRED_WORDS = ("not required", "helpful but", "is a plus", "nice to have", "preferred")


def _degree_in(sentence: str) -> tuple[int, Degree] | None:
    low = fold(sentence)
    levels = [
        (rank, level, m.start())
        for rank, (level, pattern) in enumerate(_DEGREES)
        if has_any(low, _DEGREE_GATES[rank])
        for m in [pattern.search(sentence)]
        if m is not None
    ]
    generic = (
        _DEGREE_WORD.search(sentence) if has_any(low, ("degree", "diploma", "studium")) else None
    )
    if (
        not levels
        and generic
        and has_any(low, ("degree", "diploma"))
        and _DEGREE_IN.search(sentence)
    ):
        levels = [(1, "bachelor", generic.start())]
    if not levels or (has_any(low, _NOT_REQUIRED_WORDS) and _NOT_REQUIRED.search(sentence)):
        return None
    if generic is None and not (has_any(low, ("in ", "pursuing")) and _IN_FIELD.search(sentence)):
        return None
    rank, level, position = min(levels)
    field_match = _FIELD.search(sentence, position)
    field = field_match.group(1).strip(" ,") if field_match else None
    if field:
        field = re.sub(r"(?:,? or)? equivalent$|,? or$", "", field).strip(" ,") or None
    if field and field.lower().startswith(("a ", "an ", "or ", "and ")):
        field = field.split(" ", 1)[1]
    in_progress = has_any(low, ("pursuing", "currently enrolled")) and bool(
        _IN_PROGRESS.search(sentence)
    )
    degree = Degree(level=level, field=field or None, in_progress=in_progress, raw=sentence[:300])
    return rank, degree


_WORD_NUMBERS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
}
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
                and not re.match(r"\s*(?:of|in|as|working|building|with)\b", context)
            ):
                continue
            if re.match(r"\s*(?:of (?:age|history|growth|operation)|in business|ago)", context):
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
    if raw in _WORD_NUMBERS:
        return float(_WORD_NUMBERS[raw])
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
        if any(c.isdigit() for c in value) and not re.fullmatch(r"(?:19|20)\d\d", value):
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


def parse_date(text: str) -> dt.date | None:
    """ISO, "2 November 2026", "November 2, 2026", "02.11.2026"."""
    text = text.strip()
    try:
        match = re.match(r"(\d{4})-(\d{2})-(\d{2})", text)
        if match:
            return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        match = re.match(rf"(\d{{1,2}})(?:st|nd|rd|th)? {_MONTH},? (\d{{4}})", text, re.I)
        if match:
            return dt.date(
                int(match.group(3)), _MONTHS[match.group(2).lower()], int(match.group(1))
            )
        match = re.match(rf"{_MONTH} (\d{{1,2}})(?:st|nd|rd|th)?,? (\d{{4}})", text, re.I)
        if match:
            return dt.date(
                int(match.group(3)), _MONTHS[match.group(1).lower()], int(match.group(2))
            )
        match = re.match(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", text)
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
    windows = scan.derive("", 30000).spans(_DURATION_NEEDLES, 40, 40)
    # A match holds its unit word 2 to 31 characters in ("approximately 10 to 12-month")
    # and reads at most ~70 characters.
    anchors = scan.starts(_DURATION_NEEDLES) if windows else []
    for match in iter_reach(_DURATION, text, windows, anchors, 31, 80):
        before = text[max(0, match.start() - 40) : match.start()]
        if not (
            _DURATION_CONTEXT.search(match.group("ctx")[:20])
            or _DURATION_CONTEXT.search(before[-25:])
        ):
            continue
        if re.search(
            r"(?i)within|every|per year|a year|vacation|notice|holiday|reply",
            before[-25:] + match.group("ctx")[:15],
        ):
            continue
        value = match.group(1).replace("-", " ").lower()
        if not value.endswith("s") and not re.match(r"(?:at least |up to )?(?:1|one) ", value):
            value += "s"
        return value
    return None
