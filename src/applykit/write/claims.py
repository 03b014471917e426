"""Find the checkable claims in a text: quantities, names, titles and degrees.

Pure text functions with no knowledge of the profile; `grounding.py` traces what they find.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from typing import Literal

from applykit.models.documents import ClaimKind

Voice = Literal["candidate", "company", "neutral"]


def words(text: str) -> frozenset[str]:
    """A set of words written as one whitespace-separated block."""
    return frozenset(text.split())


MAX_TEXT_CHARS = 200_000
"""Longer texts are cut before scanning, so a huge input cannot hang the guard."""

_MULTIPLIERS = {
    "k": 1e3,
    "thousand": 1e3,
    "m": 1e6,
    "mm": 1e6,
    "million": 1e6,
    "b": 1e9,
    "bn": 1e9,
    "billion": 1e9,
}
_WORD_NUMBERS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "fifty": 50,
    "hundred": 100,
}
_DURATION_UNITS = {
    "ms": "ms",
    "millisecond": "ms",
    "s": "s",
    "sec": "s",
    "second": "s",
    "min": "min",
    "minute": "min",
    "hour": "hour",
    "hr": "hour",
    "day": "day",
    "week": "week",
    "month": "month",
    "year": "year",
    "yr": "year",
}
_MONEY_UNITS = {"dollar", "usd", "eur", "euro", "gbp", "pound", "sek", "cad", "chf"}
_CURRENCY_SYMBOLS = {"$": "usd", "€": "eur", "£": "gbp"}
_NOT_UNITS = words(
    """
    to and or in of by from the a an at for with across on over per than while as into
    up down off after before since during vs x is are was were
    """
)

_MULTIPLES = {
    "doubled": 2.0,
    "doubling": 2.0,
    "twofold": 2.0,
    "tripled": 3.0,
    "tripling": 3.0,
    "threefold": 3.0,
    "halved": 0.5,
    "halving": 0.5,
    "tenfold": 10.0,
    "quadrupled": 4.0,
}
_MULTIPLE_RE = re.compile(
    r"\b(?:doubled|doubling|two-?fold|tripled|tripling|three-?fold|halved|halving|ten-?fold|"
    r"quadrupled)\b",
    re.IGNORECASE,
)
_DECADE_RE = re.compile(r"\b(?:(?P<count>two|three)\s+)?decades?\b", re.IGNORECASE)
_VAGUE_RE = re.compile(
    r"\b(?:tens of |hundreds of )?(?P<size>thousands|millions|billions)\b"
    r"(?:\s+of\s+(?P<unit>[A-Za-z]+))?",
    re.IGNORECASE,
)
_NUMBER_RE = re.compile(
    r"(?<![\w.,/$€£-])(?P<cur>[$€£])?\s?"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?:\s?(?P<mult>[kKMB]|bn|mm|thousand|million|billion)(?![a-zA-Z]))?"
    r"(?P<plus>\+)?"
    r"(?P<pct>\s?%|\s?percent\b|\s?per cent\b)?"
    r"(?:[\s-]?(?P<unit>[A-Za-z][A-Za-z/]*))?"
)
_WORD_NUMBER_RE = re.compile(
    r"\b(?P<word>" + "|".join(_WORD_NUMBERS) + r")(?P<plus>\+)?[\s-]+(?:(?:more|plus)\s+)?"
    r"(?P<unit>years?|months?|weeks?|days?|hours?)\b",
    re.IGNORECASE,
)

_FIRST_PERSON = re.compile(r"\b(i|i'm|i've|i'd|i'll|my|me|mine|myself|we|our|ours|us)\b", re.I)
_SECOND_PERSON = re.compile(
    r"\b(you|your|yours|you're|you've|posting|this role|the role|this position|the position|"
    r"job description|advert|listing)\b",
    re.I,
)
_CLAUSE_SPLIT = re.compile(r"[;:—–]|,\s|\s-\s|\s(?:and|but|while|which|where|so)\s|\(|\)")
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+|\n+")


@dataclass(frozen=True)
class Quantity:
    """A number in a text with its unit, normalised so that "$2M" equals "2 million dollars"."""

    text: str
    start: int
    end: int
    value: float
    unit: str
    kind: ClaimKind
    vague: bool = False
    """"millions of users": an order of magnitude, not an exact value."""


@dataclass(frozen=True)
class Span:
    start: int
    end: int


def _singular(word: str) -> str:
    word = word.lower()
    if len(word) > 3 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 2 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _classify(value: float, unit: str, has_currency: bool, raw_num: str, mult: str) -> ClaimKind:
    if unit == "%":
        return "percent"
    if has_currency or unit in _MONEY_UNITS:
        return "money"
    if unit in _DURATION_UNITS.values():
        return "duration"
    if (
        not mult
        and "," not in raw_num
        and "." not in raw_num
        and len(raw_num) == 4
        and 1950 <= value <= 2059
    ):
        return "date"
    if unit:
        return "count"
    return "number"


def find_quantities(text: str) -> list[Quantity]:
    """Every number in `text` with a normalised value and unit."""
    text = text[:MAX_TEXT_CHARS]
    found: list[Quantity] = []
    for match in _NUMBER_RE.finditer(text):
        raw_num = match.group("num")
        try:
            value = float(raw_num.replace(",", ""))
        except ValueError:  # pragma: no cover - the pattern only admits digits
            continue
        mult = match.group("mult") or ""
        value *= _MULTIPLIERS.get(mult.lower(), 1.0)
        unit_word = match.group("unit") or ""
        if unit_word.lower() in _NOT_UNITS:
            unit_word = ""
        end = match.end("plus") if match.group("plus") else match.end("num")
        if match.group("mult"):
            end = max(end, match.end("mult"))
        if match.group("pct"):
            unit = "%"
            end = match.end("pct")
        else:
            singular = _singular(unit_word.split("/")[0]) if unit_word else ""
            unit = _DURATION_UNITS.get(singular, singular)
            if unit_word:
                end = match.end("unit")
        cur = match.group("cur")
        if cur:
            unit = _CURRENCY_SYMBOLS[cur]
        kind = _classify(value, unit, bool(cur), raw_num, mult)
        if kind == "date":
            unit = ""
        found.append(Quantity(text[match.start() : end], match.start(), end, value, unit, kind))
    for match in _WORD_NUMBER_RE.finditer(text):
        value = float(_WORD_NUMBERS[match.group("word").lower()])
        unit = _DURATION_UNITS[_singular(match.group("unit"))]
        found.append(Quantity(match.group(0), match.start(), match.end(), value, unit, "duration"))
    for match in _VAGUE_RE.finditer(text):
        value = _MULTIPLIERS[match.group("size").lower().rstrip("s")]
        unit = _singular(match.group("unit") or "")
        found.append(
            Quantity(match.group(0), match.start(), match.end(), value, unit, "count", True)
        )
    for match in _MULTIPLE_RE.finditer(text):
        value = _MULTIPLES[match.group(0).lower().replace("-", "")]
        found.append(Quantity(match.group(0), match.start(), match.end(), value, "x", "number"))
    for match in _DECADE_RE.finditer(text):
        count = _WORD_NUMBERS.get((match.group("count") or "").lower(), 1)
        found.append(
            Quantity(match.group(0), match.start(), match.end(), 10.0 * count, "year", "duration")
        )
    return sorted(found, key=lambda q: q.start)


@functools.lru_cache(maxsize=8)
def sentence_spans(text: str) -> tuple[Span, ...]:
    """The sentences of `text` (split at . ! ? and line breaks), cached per text."""
    spans: list[Span] = []
    start = 0
    for match in _SENTENCE_SPLIT.finditer(text):
        if match.start() > start:
            spans.append(Span(start, match.start()))
        start = match.end()
    if start < len(text):
        spans.append(Span(start, len(text)))
    return tuple(spans)


@functools.lru_cache(maxsize=8)
def _sentence_starts(text: str) -> tuple[int, ...]:
    return tuple(span.start for span in sentence_spans(text))


def sentence_around(text: str, position: int) -> Span:
    spans = sentence_spans(text)
    index = bisect.bisect_right(_sentence_starts(text), position) - 1
    if 0 <= index < len(spans) and spans[index].start <= position < spans[index].end:
        return spans[index]
    return Span(position, position)


def clauses_before(text: str, position: int) -> list[Span]:
    """The clauses of the sentence holding `position`, up to and including its own clause,
    nearest first."""
    sentence = sentence_around(text, position)
    clauses: list[Span] = []
    start = sentence.start
    for match in _CLAUSE_SPLIT.finditer(text, sentence.start, sentence.end):
        if match.start() > position:
            clauses.append(Span(start, match.start()))
            break
        clauses.append(Span(start, match.start()))
        start = match.end()
    else:
        clauses.append(Span(start, sentence.end))
    return [c for c in reversed(clauses) if c.end > c.start]


def clause_around(text: str, position: int) -> Span:
    """The clause (between commas, semicolons, conjunctions) holding `position`."""
    clauses = clauses_before(text, position)
    return clauses[0] if clauses else sentence_around(text, position)


def voice_of(clause: str, company_names: list[str]) -> Voice:
    """Who a clause speaks about: the company or posting wins over the candidate."""
    lowered = clause.lower()
    if (
        lowered.lstrip().startswith(("dear ", "to "))
        or _SECOND_PERSON.search(clause)
        or any(
            name and re.search(r"\b" + re.escape(name.lower()) + r"\b", lowered)
            for name in company_names
        )
    ):
        return "company"
    if _FIRST_PERSON.search(clause):
        return "candidate"
    return "neutral"


# --- names: capitalised sequences, acronyms, tools -------------------------------------------

_TOKEN_RE = re.compile(r"[^\W_][\w+#./&'’-]*")
_CONNECTORS = {"of", "for", "de", "the", "&"}
COMMON_CAPITALISED = words(
    """
    a about after all also although an and another any are as at be because before being
    both but by can could dear during each even every few for from had has have having
    he her here hers him his how however i if in into is it its just last let many may
    me more most much my new next no nor not now of on once one only or other our out
    over own please same she since so some such than thank thanks that the their them
    then there these they this those though through thus to today together too under
    until up upon us very was we were what when where whether which while who whom whose
    why will with within without would yet you your yours best kind warm regards
    sincerely yours respectfully cordially hello hi greetings dear hiring manager team
    recruiter recruiting sir madam looking given beyond across around along among
    between against toward towards like first second third finally lastly above below
    most working having building leading what's that's it's i'm i've i'd i'll let's
    here's there's throughout whenever wherever meanwhile moreover furthermore
    nevertheless nonetheless otherwise instead rather therefore hence indeed still
    already again almost always never often sometimes usually perhaps maybe besides
    despite except including beside behind beneath inside outside near past via per
    whatever whichever whoever everyone everything someone something anyone anything
    nobody nothing none either neither few several most lots plenty just only even yes
    okay ok sure great good glad happy excited thrilled eager proud please attached
    enclosed following regarding re subject my our their his her its your this that
    these those there here now then soon later earlier recently currently previously
    today yesterday tomorrow overall together
    """
)
"""Words that start a sentence or a letter convention and name nothing."""

LETTER_CONVENTIONS = frozenset(
    {"hiring manager", "hiring team", "recruiting team", "talent team", "to whom it may concern"}
)


def find_names(text: str) -> list[tuple[str, int, int]]:
    """Capitalised sequences and tool-like tokens ("Northwind Analytics", "PyTorch", "p95")."""
    text = text[:MAX_TEXT_CHARS]
    tokens = list(_TOKEN_RE.finditer(text))
    starts = {s.start for s in sentence_spans(text)}
    names: list[tuple[str, int, int]] = []
    run: list[re.Match[str]] = []

    def is_name(token: re.Match[str]) -> bool:
        word = token.group(0).rstrip(".'’-")
        if not word or word == "I" or word[0].isdigit():
            return False
        core = word.split("'")[0].split("’")[0]
        if not core:
            return False
        line_start = token.start() == 0 or text[token.start() - 1] == "\n"
        initial = token.start() in starts or line_start or _after_bullet(text, token.start())
        if initial and _plain_word(core):
            return False
        has_upper_inside = any(ch.isupper() for ch in core[1:])
        if has_upper_inside or (
            any(ch.isdigit() for ch in core) and any(c.isalpha() for c in core)
        ):
            return True
        if not core[0].isupper():
            return False
        return not (initial and core.lower() in COMMON_CAPITALISED)

    def flush() -> None:
        while run and run[-1].group(0).lower() in _CONNECTORS:
            run.pop()
        if run:
            start, end = run[0].start(), run[-1].end()
            raw = text[start:end]
            stripped = re.sub(r"(['’]s|['’])$", "", raw).rstrip(".-")
            names.append((stripped, start, start + len(stripped)))
        run.clear()

    previous_end = -1
    for token in tokens:
        word = token.group(0)
        gap = text[previous_end : token.start()] if previous_end >= 0 else " "
        contiguous = previous_end >= 0 and gap.strip() == "" and "\n" not in gap
        if is_name(token):
            if run and not contiguous:
                flush()
            run.append(token)
            if word.endswith(("'s", "’s")):
                flush()
        elif run and contiguous and word.lower() in _CONNECTORS and word[0].islower():
            run.append(token)
        else:
            flush()
        previous_end = token.end()
    flush()
    return names


def _plain_word(word: str) -> bool:
    """A sentence-initial word that is ordinary English, not a name ("Throughout", "Leading")."""
    lowered = word.lower()
    if lowered in COMMON_CAPITALISED:
        return True
    return word[1:].islower() and len(word) > 4 and lowered.endswith(("ly", "ing", "ed"))


def _after_bullet(text: str, position: int) -> bool:
    before = text[max(0, position - 4) : position]
    return bool(re.search(r"(^|\n)\s*([-*•]|\d+[.)])\s*$", before)) or before.endswith(
        ("“", '"', "(")
    )


# --- titles and degrees ------------------------------------------------------------------------

_ROLE_NOUNS = (
    r"engineer|scientist|manager|director|lead|architect|analyst|researcher|intern|developer|"
    r"designer|consultant|officer|head of [a-z]+|vp of [a-z]+|cto|ceo|founder|co-founder"
)
TITLE_CLAIM_RE = re.compile(
    r"\b(?:as|became|become|promoted to|i am|i'm|i was|i've been|worked as|work as|role as|"
    r"position as|serving as|served as|title of)\s+(?:an?\s+|the\s+|a\s+)?"
    r"(?P<title>(?:(?!(?:and|or|at|for|the|in|of|with|on|to|by)\b)[A-Za-z/&+-]+\s+){0,5}"
    r"(?:" + _ROLE_NOUNS + r"))\b",
    re.IGNORECASE,
)
DEGREE_RE = re.compile(
    r"\b(?P<degree>ph\.?\s?d\.?|doctorate|doctoral|master'?s|masters|m\.?sc\.?|m\.?s\.|m\.?eng\.?|"
    r"mba|bachelor'?s|bachelors|b\.?sc\.?|b\.?s\.|b\.?a\.?|b\.?eng\.?|"
    r"master of [a-z]+|bachelor of [a-z]+|doctor of [a-z]+)(?![a-z])",
    re.IGNORECASE,
)


def degree_level(raw: str) -> str:
    lowered = raw.lower().replace(".", "").replace(" ", "")
    if lowered.startswith(("phd", "doctor")):
        return "phd"
    if lowered.startswith(("master", "msc", "ms", "meng", "mba")):
        return "master"
    if lowered.startswith(("bachelor", "bsc", "bs", "ba", "beng")):
        return "bachelor"
    return lowered


CONTENT_STOPWORDS = words(
    """
    the a an and or of to in on at for with by from as is are was were be been this that
    these those it its into over under than then there their our your my we i you he she
    they them his her which who whom what when where while also more most very much many
    such each both some any all one two per about after before across around through
    which gave us so can could would should will have has had not no but if out up down
    new work worked working made make using use used help helped team teams company
    """
)

_WORD_RE = re.compile(r"[a-zA-Z][a-zA-Z0-9-]+")


def stem(word: str) -> str:
    """A crude stem: common endings off, a doubled last letter undone, five letters kept
    ("raising", "raised" → "rais"; "cutting" → "cut")."""
    for ending in ("ing", "ed", "es", "s"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            word = word[: -len(ending)]
            break
    if len(word) > 3 and word[-1] == word[-2]:
        word = word[:-1]
    return word[:5]


def content_stems(text: str) -> set[str]:
    """Stems of the content words of a text."""
    stems: set[str] = set()
    for word in _WORD_RE.findall(text.lower()):
        for part in word.split("-"):
            if len(part) >= 3 and part not in CONTENT_STOPWORDS:
                stems.add(stem(part))
    return stems
