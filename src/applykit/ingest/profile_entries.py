"""Section lines → entries: a header (title, organisation, place, dates) and its bullets.

An entry starts at a header line (a `###` heading, or a non-bullet line after bullets) and
collects up to three header lines ("Data Engineer — Acme", "Jan 2020 – Present · Seattle"),
prose before the bullets (the entry's summary) and bullets (its facts). Which part of a
header is the job title and which the employer is decided by title and company words, then
by the shape ("### Title — Company", "**Company**, Title").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from applykit.ingest.profile_dates import find_date_span, is_date_only
from applykit.ingest.profile_sections import Line

_TITLE_WORDS = re.compile(
    r"\b(?:engineer|engineering manager|developer|scientist|manager|analyst|intern|internship|"
    r"lead|director|designer|consultant|architect|researcher|specialist|officer|head of|vp|"
    r"vice president|president|founder|co-founder|cto|ceo|cfo|coo|associate|assistant|"
    r"coordinator|administrator|technician|teacher|professor|lecturer|student|fellow|mentor|"
    r"volunteer|writer|editor|owner|accountant|nurse|representative|programmer|advisor|adviser|"
    r"principal|staff|chief|tutor|instructor|postdoc|trainee|apprentice|contractor|freelancer?|"
    r"secretary|clerk|agent|executive|strategist|marketer|sre|devops|scrum master|recruiter|"
    r"attorney|lawyer|paralegal|physician|pharmacist|therapist|operator|supervisor|chef|"
    r"cashier|driver|treasurer|organi[sz]er|maintainer|contributor|coach|team leader|"
    r"research assistant|teaching assistant|member)s?\b",
    re.IGNORECASE,
)
_ORG_WORDS = re.compile(
    r"\b(?:inc|llc|ltd|gmbh|corp|corporation|company|co|labs?|university|universit[äé]t|"
    r"college|institute|school|academy|bank|group|technologies|technology|systems|solutions|"
    r"analytics|media|ab|ag|sa|plc|foundation|agency|studio|partners|consulting|ventures|"
    r"hospital|council|ministry|department|club|association|society|software|games|"
    r"health|capital|holdings|industries|international|network|services)\b\.?|\.(?:com|io|ai)\b",
    re.IGNORECASE,
)
LOCATION = re.compile(
    r"^(?:(?:fully\s+)?remote|hybrid|on-?site)\b.*$"
    r"|^[A-Z][\w.'-]+(?:\s[A-Z][\w.'-]+){0,2},\s*(?:[A-Z]{2,3}|[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)"
    r"(?:\s*\((?:remote|hybrid|on-?site)\))?$",
    re.IGNORECASE,
)
_SEPARATORS = re.compile(r"\s+[—–|·•@]\s+|\s*\|\s*|\s+-\s+|\s+at\s+|\t+|\s{3,}")
URL = re.compile(
    r"\b(?:https?://|www\.)[^\s)>\]]+|(?<![\w.-])(?:[\w-]+\.)+(?:com|io|dev|org|net|ai|app)/[^\s)>\]]*",
    re.IGNORECASE,
)


@dataclass
class Block:
    """One entry's raw lines before interpretation."""

    header: list[Line] = field(default_factory=list)
    prose: list[str] = field(default_factory=list)
    bullets: list[str] = field(default_factory=list)


@dataclass
class Header:
    """What an entry header says."""

    title: str | None = None
    org: str | None = None
    location: str | None = None
    start: str | None = None
    end: str | None = None
    url: str | None = None
    rest: list[str] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)
    """Every piece that is not a date or a URL, in the order written."""


def group_blocks(lines: list[Line]) -> list[Block]:
    """Cut a section's lines into entries."""
    blocks: list[Block] = []
    current: Block | None = None
    previous: Line | None = None
    bullet_indent: int | None = None  # the indent of the bullet being continued, if any
    for line in lines:
        if current is not None and current.bullets and _continues(line, previous, bullet_indent):
            current.bullets[-1] = f"{current.bullets[-1]} {line.text}"
            previous = line
            continue
        bullet_indent = line.indent if line.bullet else None
        if line.bullet:
            if current is None:
                current = Block()
                blocks.append(current)
            current.bullets.append(line.text)
        elif line.quote or (is_prose(line) and line.level is None):
            if current is None:
                current = Block()
                blocks.append(current)
            as_fact = current.bullets or (not line.quote and is_achievement(line.text))
            (current.bullets if as_fact else current.prose).append(line.text)
        elif current is None or _starts_entry(line, current):
            current = Block(header=[line])
            blocks.append(current)
        else:
            current.header.append(line)
        previous = line
    return blocks


_IRREGULAR_PAST = frozenset(
    (
        *("built", "led", "ran", "wrote", "drove", "grew", "cut", "made", "set", "won", "took"),
        *("brought", "began", "taught", "sold", "spent", "kept", "held", "oversaw", "rebuilt"),
        *("rewrote", "undertook", "sped", "found", "fought", "shipped"),
    )
)


def is_achievement(text: str) -> bool:
    """A sentence that opens with a past-tense action verb ("Reduced …", "Built …"): a fact
    written without a bullet, not the entry's summary."""
    first = text.split(" ", 1)[0].strip(",.:;").lower()
    return first in _IRREGULAR_PAST or (len(first) > 4 and first.endswith("ed"))


def is_prose(line: Line) -> bool:
    """A sentence rather than a header: long, or a full sentence (eight words, or four when
    it opens with an action verb), and without dates."""
    words = len(line.text.split())
    if find_date_span(line.text) is not None and words < 16:
        return False
    sentence = line.text.rstrip().endswith((".", "!"))
    return words >= 14 or (sentence and (words >= 8 or (words >= 4 and is_achievement(line.text))))


def _continues(line: Line, previous: Line | None, bullet_indent: int | None) -> bool:
    """A wrapped bullet: indented under it, or starting in lower case, right after it."""
    if line.bullet or line.level is not None or line.quote or previous is None:
        return False
    if bullet_indent is None or line.blank_before:
        return False
    if line.indent > bullet_indent and line.indent >= 2:
        return True
    first = line.text[:1]
    return first.islower() or first in "(&+"


def _starts_entry(line: Line, current: Block) -> bool:
    if line.level is not None:
        return True
    if current.bullets or current.prose or len(current.header) >= 3:
        return True
    if is_date_only(line.text):
        return any(is_date_only(h.text) for h in current.header)
    dated = any(find_date_span(h.text) for h in current.header)
    if dated and find_date_span(line.text) is not None:
        return True
    return line.blank_before and bool(current.header) and dated


_STRONG_PROBE = re.compile(r"\s+[—|]\s+|\s*\|\s*")
_STRONG_SEPARATORS = re.compile(r"\s+[—|]\s+|\s*\|\s*|\s*\t\s*")


def parse_header(lines: list[Line], *, org_first: bool = False) -> Header:
    """Title, organisation, location, dates and URL from an entry's header lines."""
    header = Header()
    parts: list[tuple[str, bool]] = []  # (text, bold)
    for line in lines:
        text = line.text
        if header.url is None and (url := URL.search(text)):
            header.url = _absolute(url.group(0).rstrip(".,"))
            text = (text[: url.start()] + text[url.end() :]).replace("()", "")
        span = find_date_span(text)
        if span is not None and header.start is None:
            header.start, header.end = span.start, span.end
            text = text[: span.begin] + "\t" + text[span.stop :]
        bold_first = line.bold
        # A line that uses em dashes or pipes keeps its hyphens ("ML - Specialty").
        strong = _STRONG_PROBE.search(text.replace("\t", " "))
        separators = _STRONG_SEPARATORS if strong else _SEPARATORS
        pieces = [clean_piece(p) for p in separators.split(text)]
        pieces = [p for p in pieces if p]
        if len(pieces) == 1 and ", " in pieces[0] and not _is_place(pieces[0]):
            pieces = [p.strip() for p in pieces[0].split(", ", 1)]
        for index, piece in enumerate(pieces):
            parts.append((piece, bold_first and index == 0))
    header.parts = [text for text, _ in parts]
    _assign(header, parts, org_first=org_first)
    return header


def _is_place(text: str) -> bool:
    """ "Seattle, WA" but not "Acme Labs, Data Analyst"."""
    return bool(LOCATION.match(text)) and not (_TITLE_WORDS.search(text) or _ORG_WORDS.search(text))


def clean_piece(text: str) -> str:
    """Trim separators and unbalanced brackets around a header piece."""
    text = text.strip(" ,;:|·•—–-[]").removesuffix("(").removeprefix(")").strip()
    while text.startswith("(") and text.count("(") > text.count(")"):
        text = text[1:].strip()
    while text.endswith(")") and text.count(")") > text.count("("):
        text = text[:-1].strip()
    if text.startswith("(") and text.endswith(")") and text.count("(") == 1:
        text = text[1:-1].strip()
    return text


def _assign(header: Header, parts: list[tuple[str, bool]], *, org_first: bool) -> None:
    unknown: list[tuple[str, bool]] = []
    for text, bold in parts:
        if header.location is None and _is_place(text):
            header.location = text
        elif header.title is None and _TITLE_WORDS.search(text) and not _ORG_WORDS.search(text):
            header.title = text
        elif header.org is None and _ORG_WORDS.search(text) and not _TITLE_WORDS.search(text):
            header.org = text
        else:
            unknown.append((text, bold))
    bold_parts = [text for text, bold in unknown if bold]
    if header.org is None and bold_parts:
        header.org = bold_parts[0]
        unknown = [(t, b) for t, b in unknown if t != header.org]
    order = ("org", "title") if org_first else ("title", "org")
    for text, _ in unknown:
        for slot in order:
            if getattr(header, slot) is None:
                setattr(header, slot, text)
                break
        else:
            if header.location is None and len(text.split()) <= 4 and "," in text:
                header.location = text
            else:
                header.rest.append(text)


def _absolute(url: str) -> str:
    return url if url.lower().startswith(("http://", "https://")) else f"https://{url}"
