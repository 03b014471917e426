"""The terms of the job: employment type, work mode and seniority."""

from __future__ import annotations

import re

from applykit.ingest.posting_case import fold, has_any
from applykit.ingest.posting_keywords import Scan, lower, needles
from applykit.ingest.posting_windows import first_anchored, iter_anchored, starts_or_digits
from applykit.models.posting import EmploymentType, WorkMode

_TYPES: list[tuple[EmploymentType, re.Pattern[str]]] = [
    (
        "internship",
        re.compile(r"\bintern(?:ship)?s?\b|\bco-?op\b|\bpraktikum\b|\bwerkstudent", re.IGNORECASE),
    ),
    (
        "contract",
        re.compile(
            r"\bcontract(?:or)?\b(?! management| manager| negotiation| law| review| administration)"
            r"|\bfreelance\b|\b1099\b|corp-to-corp|\bc2c\b|contract[- ]to[- ]hire|\bw-?2 contract",
            re.IGNORECASE,
        ),
    ),
    (
        "temporary",
        re.compile(
            r"\btemporary\b|\btemp\b|\bseasonal\b|\bfixed[- ]term\b|\bbefristet", re.IGNORECASE
        ),
    ),
    ("part_time", re.compile(r"\bpart[- _]?time\b|\bteilzeit\b", re.IGNORECASE)),
    ("full_time", re.compile(r"\bfull[- _]?time\b|\bvollzeit\b|\bpermanent\b", re.IGNORECASE)),
]
_BODY_TYPES: list[tuple[EmploymentType, re.Pattern[str]]] = [
    (
        "internship",
        re.compile(r"\b(?:this|an|our|the|summer|fall|spring|paid) internship\b", re.IGNORECASE),
    ),
    (
        "contract",
        re.compile(
            r"\b(?:this is an? |on an? )?(?:\d+|six|three|twelve)[- ]month contract\b"
            r"|\bcontract (?:role|position|engagement|assignment|basis|opportunity)\b"
            r"|\bcontract[- ]to[- ]hire\b|\b(?:fully remote|this is a|is a) contract\b",
            re.IGNORECASE,
        ),
    ),
    ("temporary", re.compile(r"\btemporary (?:role|position|assignment|job)\b", re.IGNORECASE)),
    (
        "part_time",
        re.compile(r"\bpart[- ]time (?:role|position|job|schedule|basis)\b", re.IGNORECASE),
    ),
    (
        "full_time",
        re.compile(
            r"\bfull[- ]time (?:role|position|job|employment|opportunity|schedule|basis"
            r"|, permanent)"
            r"|\b(?:job|employment) type:? full[- ]time\b|\bthis is a full[- ]time\b",
            re.IGNORECASE,
        ),
    ),
]


# What every match of each pattern above begins with (case-insensitively): the patterns are
# tried only there (`iter_anchored`), not at every character of the text.
_TYPE_STARTS: dict[str, tuple[str, ...]] = {
    "internship": needles("intern", "co-op", "coop", "praktikum", "werkstudent"),
    "contract": needles(
        "contract", "freelance", "1099", "corp-to-corp", "c2c", "w-2 contract", "w2 contract"
    ),
    "temporary": needles("temp", "seasonal", "fixed-term", "fixed term", "befristet"),
    "part_time": needles("part", "teilzeit"),
    "full_time": needles("full", "vollzeit", "permanent"),
}
_ALL_TYPE_STARTS = tuple(word for words in _TYPE_STARTS.values() for word in words)
_BODY_TYPE_STARTS: dict[str, tuple[str, ...]] = {
    "internship": needles(
        *(f"{w} internship" for w in ("this", "an", "our", "the", "summer", "fall", "spring"))
    )
    + needles("paid internship"),
    "contract": needles("this is a", "on a", "six", "three", "twelve", "contract", "is a")
    + needles("fully remote"),  # or with any number ("6-month contract")
    "temporary": needles("temporary "),
    "part_time": needles("part-time ", "part time "),
    "full_time": needles("full-time ", "full time ", "job type", "employment type")
    + needles("this is a full"),
}


def employment_type(title: str | None, header: str, body: str | Scan) -> EmploymentType | None:
    """The title and the header lines speak first; the body only through clear phrases."""
    if title:
        low_title = fold(title)
        for kind, pattern in _TYPES[:2]:
            if has_any(low_title, _TYPE_STARTS[kind]) and pattern.search(title):
                return kind
    # No start word in the header (as lower-cased, aligned with it: no İ, ı, ſ): no pattern of
    # _TYPES can match there, and the header needs no scan of its own.
    if "İ" in header or "ı" in header or "ſ" in header or has_any(lower(header), _ALL_TYPE_STARTS):
        head = Scan(header)
        whole = [(0, len(header))]
        for kind, pattern in _TYPES:
            for match in iter_anchored(pattern, head, whole, head.starts(_TYPE_STARTS[kind])):
                if not _in_type_list(header, match):
                    return kind
    best: tuple[int, EmploymentType] | None = None
    scan = body if isinstance(body, Scan) else Scan(body)
    body = scan.text
    windows = scan.spans(_TYPE_NEEDLES, 40, 40)
    if not windows:
        return None
    for kind, pattern in _BODY_TYPES:
        words = _BODY_TYPE_STARTS[kind]
        if kind == "contract" and scan.has("month"):  # "6-month contract" starts with a digit
            found = first_anchored(pattern, scan, windows, starts_or_digits(scan, words, windows))
        else:
            found = first_anchored(pattern, scan, windows, scan.starts(words))
        if found and (best is None or found.start() < best[0]):
            best = (found.start(), kind)
    if best:
        return best[1]
    for kind, pattern in (_TYPES[4], _TYPES[3]):
        starts = scan.starts(_TYPE_STARTS[kind])
        for match in iter_anchored(pattern, scan, windows, starts):
            if not _in_type_list(body, match):
                return kind
    return None


_TYPE_WORD = re.compile(
    r"(?i)\b(?:full[- ]time|part[- ]time|contract|temporary|permanent|seasonal|intern|freelance)"
)


def _in_type_list(text: str, match: re.Match[str]) -> bool:
    """ "We offer contract, temporary and permanent placements": a list, not this job's type."""
    before = text[max(0, match.start() - 25) : match.start()]
    after = text[match.end() : match.end() + 25]
    return bool(_TYPE_WORD.search(before) or _TYPE_WORD.search(after))


_TYPE_NEEDLES = needles(
    "intern",
    "contract",
    "temporary",
    "temp ",
    "seasonal",
    "fixed-term",
    "fixed term",
    "part-time",
    "part time",
    "parttime",
    "full-time",
    "full time",
    "fulltime",
    "permanent",
    "teilzeit",
    "vollzeit",
    "praktikum",
    "werkstudent",
    "befristet",
    "freelance",
    "1099",
    "corp-to-corp",
    "c2c",
    "co-op",
    "coop",
)
_HYBRID = re.compile(
    r"\bhybrid\b|\b(?:\d|one|two|three|four) days? (?:a|per|each) week (?:in|at|on[- ]site)"
    r"|\b(?:\d|one|two|three|four) days? (?:on[- ]site|in[- ](?:the[- ])?office)"
    r"|office[^.\n]{0,40}\bon (?:mondays|tuesdays|wednesdays|thursdays|fridays)"
    r"|(?:in the|our) office (?:on )?(?:mondays|tuesdays|wednesdays|thursdays|fridays)",
    re.IGNORECASE,
)
_REMOTE = re.compile(
    r"\bremote(?:[- ]first|[- ]friendly)?\b(?! sensing| control| monitoring| patient)"
    r"|\bwork (?:from|at) home\b|\bwfh\b|\bhome[- ]based\b|\bvirtual (?:position|role)\b"
    r"|\bfully distributed\b|\bwork from anywhere\b|\btelework",
    re.IGNORECASE,
)
_NOT_REMOTE = re.compile(
    r"\b(?:not|no|isn't|is not) (?:a )?remote\b|\bremote work is not\b|\bnon-remote\b",
    re.IGNORECASE,
)
_ONSITE = re.compile(
    r"\bon[- ]?site\b|\bin[- ]office\b|\bin[- ]person\b|\bvor ort\b|\bpräsenz", re.IGNORECASE
)


_HYBRID_NEEDLES = needles("hybrid", "day", "office")
_REMOTE_NEEDLES = needles("remote", "home", "wfh", "virtual", "distributed", "anywhere", "telework")
_ONSITE_NEEDLES = needles("site", "office", "person", "vor ort", "präsenz")
_MODE_NEEDLES = _HYBRID_NEEDLES + _REMOTE_NEEDLES + _ONSITE_NEEDLES


# What every match of _HYBRID, _REMOTE, _NOT_REMOTE and _ONSITE begins with; _HYBRID's
# "3 days…" begins one character before " day" (any digit).
_HYBRID_STARTS = needles(
    "hybrid", "one day", "two day", "three day", "four day", "office", "in the office"
) + needles("our office", " day")
_REMOTE_STARTS = needles(
    "remote", "work from home", "work at home", "wfh", "home-based", "home based", "virtual "
) + needles("fully distributed", "work from anywhere", "telework")
_NOT_REMOTE_STARTS = needles(
    *(f"{no} {a}remote" for no in ("not", "no", "isn't", "is not") for a in ("", "a "))
) + needles("remote work is not", "non-remote")
_ONSITE_STARTS = needles(
    "on-site", "on site", "onsite", "in-office", "in office", "in-person", "in person", "vor ort"
) + needles("präsenz")


def _hybrid_starts(scan: Scan) -> list[int] | None:
    starts = scan.starts(_HYBRID_STARTS[:-1])
    days = scan.starts(_HYBRID_STARTS[-1:])
    if starts is None or days is None:
        return None
    return sorted({*starts, *(at - 1 for at in days if at)})


def work_mode(title: str | None, header: str, body: str | Scan) -> WorkMode | None:
    head = f"{title or ''}\n{header}"
    heads = [Scan(head)] if has_any(lower(head), _MODE_NEEDLES) else []  # else no window there
    for scan in (*heads, body if isinstance(body, Scan) else Scan(body)):
        windows = scan.spans(_HYBRID_NEEDLES, 60, 60)
        if windows and first_anchored(_HYBRID, scan, windows, _hybrid_starts(scan)):
            return "hybrid"
        windows = scan.spans(_REMOTE_NEEDLES, 20, 30)
        if (
            windows
            and first_anchored(_REMOTE, scan, windows, scan.starts(_REMOTE_STARTS))
            and not first_anchored(_NOT_REMOTE, scan, windows, scan.starts(_NOT_REMOTE_STARTS))
        ):
            return "remote"
        windows = scan.spans(_ONSITE_NEEDLES, 10, 10)
        if windows and first_anchored(_ONSITE, scan, windows, scan.starts(_ONSITE_STARTS)):
            return "onsite"
    return None


_SENIORITY_TITLE: list[tuple[str, re.Pattern[str]]] = [
    (
        "intern",
        re.compile(r"\bintern(?:ship)?\b|\bco-?op\b|\btrainee\b|\bapprentice", re.IGNORECASE),
    ),
    (
        "junior",
        re.compile(
            r"\b(?:junior|jr\.?|entry[- ]level|graduate|new grad|associate)\b", re.IGNORECASE
        ),
    ),
    (
        "executive",
        re.compile(r"\b(?:vp|vice president|chief|cto|ceo|cfo|coo|head of)\b", re.IGNORECASE),
    ),
    ("director", re.compile(r"\bdirector\b", re.IGNORECASE)),
    ("principal", re.compile(r"\b(?:principal|distinguished)\b(?= \w)", re.IGNORECASE)),
    (
        "staff",
        re.compile(
            r"\bstaff (?:\w+ ){0,2}(?:engineer|scientist|developer|designer|architect|researcher)",
            re.IGNORECASE,
        ),
    ),
    ("senior", re.compile(r"\b(?:senior|sr\.?|snr)\b|\blead\b", re.IGNORECASE)),
    ("mid", re.compile(r"\bmid[- ]?(?:level|senior)?\b|\bintermediate\b", re.IGNORECASE)),
]
# Per pattern above: lower-case words one of which every match holds (each case-insensitive
# literal a pattern matches is in `fold` of the title), so only a title holding one is searched.
_SENIORITY_TITLE_WORDS: dict[str, tuple[str, ...]] = {
    "intern": ("intern", "co-op", "coop", "trainee", "apprentice"),
    "junior": ("junior", "jr", "entry", "graduate", "new grad", "associate"),
    "executive": ("vp", "vice president", "chief", "cto", "ceo", "cfo", "coo", "head of"),
    "director": ("director",),
    "principal": ("principal", "distinguished"),
    "staff": ("staff ",),
    "senior": ("senior", "sr", "snr", "lead"),
    "mid": ("mid", "intermediate"),
}
# r"\b(?:L|IC|E|P)([1-9])\b", written to start with a character class (the word boundary as a
# look-behind after it) so the regex engine skips ahead to those capitals.
_LEVEL = re.compile(r"[LIEP](?<!\w.)(?:(?<=[LEP])|(?<=I)C)([1-9])\b")
_LEVEL_NAMES = {1: "junior", 2: "junior", 3: "mid", 4: "senior", 5: "staff", 6: "principal"}
_SENIORITY_BODY: list[tuple[str, re.Pattern[str]]] = [
    (
        "junior",
        re.compile(
            r"\bentry[- ]level\b|\bnew grad(?:uate)?s?\b|\brecent graduates?\b|\bjunior[- ]level\b",
            re.IGNORECASE,
        ),
    ),
    ("mid", re.compile(r"\bmid[- ]level\b", re.IGNORECASE)),
    ("senior", re.compile(r"\bsenior[- ]level\b", re.IGNORECASE)),
]


_SENIORITY_STARTS = {
    "junior": needles("entry", "new grad", "recent grad", "junior"),
    "mid": needles("mid"),
    "senior": needles("senior"),
}
_SENIORITY_NEEDLES = needles("entry", "new grad", "recent grad", "junior", "mid", "senior")


def seniority(
    title: str | None, header: str, body: str | Scan, years_min: float | None
) -> tuple[str | None, str | None]:
    """(seniority, explicit level code such as "L6") from the title, then the text."""
    level_match = _LEVEL.search(title or "") or _LEVEL.search(header)
    level = level_match.group(0) if level_match else None
    if title:
        low_title = fold(title)
        for name, pattern in _SENIORITY_TITLE:
            if has_any(low_title, _SENIORITY_TITLE_WORDS[name]) and pattern.search(title):
                return name, level
    if level_match and level_match.group(0)[0] in "LI":
        return _LEVEL_NAMES.get(int(level_match.group(1)), "principal"), level
    scan = (body if isinstance(body, Scan) else Scan(body)).derive(f"{header}\n", 8000)
    windows = scan.spans(_SENIORITY_NEEDLES, 5, 20)
    if windows:
        for name, pattern in _SENIORITY_BODY:
            if first_anchored(pattern, scan, windows, scan.starts(_SENIORITY_STARTS[name])):
                return name, level
    if years_min is not None:
        if years_min < 2:
            return "junior", level
        if years_min < 5:
            return "mid", level
        return "senior", level
    return None, level
