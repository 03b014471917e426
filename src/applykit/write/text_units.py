"""Sentences, clauses, who speaks in them, and word stems: plain text helpers."""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from typing import Literal

Voice = Literal["candidate", "company", "neutral"]


def words(text: str) -> frozenset[str]:
    """A set of words written as one whitespace-separated block."""
    return frozenset(text.split())


MAX_TEXT_CHARS = 200_000
"""Longer texts are cut before scanning, so a huge input cannot hang the guard."""


_FIRST_PERSON = re.compile(r"\b(?!US\b)(?i:i|i'm|i've|i'd|i'll|my|me|mine|myself|we|our|ours|us)\b")
"""First person; "US" (the country) is not "us"."""
_SECOND_PERSON = re.compile(
    r"\b(you|your|yours|you're|you've|posting|this role|the role|this position|the position|"
    r"job description|advert|listing)\b",
    re.I,
)
_CLAUSE_SPLIT = re.compile(
    r"[;:—–]|,\s|\s-\s|\s(?:and(?!\s+an?\s+(?:half|quarter|third)\b)|but|while|which|where|so)\s"
    r"|\(|\)"
)
"""Clause breaks; the "and" of a number ("three and a half years") is not one."""
_SENTENCE_SPLIT = re.compile(
    r"(?<=[.!?])(?<!\bc\.)(?<!\bca\.)(?<!approx\.)(?<!e\.g\.)(?<!i\.e\.)(?<!\bvs\.)(?<!\bno\.)"
    r"[*_”’\"')\]]*\s+|\n+"
)
"""Sentence ends, closing emphasis or quotes included ("**The migration.** My team");
"c. 22 per cent", "e.g. Kafka", "vs. baseline" do not end a sentence."""


@dataclass(frozen=True)
class Span:
    start: int
    end: int


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


_CLAUSE_REACH = 600
"""How far around a position its clauses are read (characters): a sentence of 50,000
characters without a full stop must not make every claim read all of it."""


def clauses_before(text: str, position: int) -> list[Span]:
    """The clauses of the sentence holding `position`, up to and including its own clause,
    nearest first."""
    sentence = sentence_around(text, position)
    clauses: list[Span] = []
    start = max(sentence.start, position - _CLAUSE_REACH)  # a run-on "sentence" stays cheap
    for match in _CLAUSE_SPLIT.finditer(text, start, min(sentence.end, position + _CLAUSE_REACH)):
        if match.start() > position:
            clauses.append(Span(start, match.start()))
            break
        clauses.append(Span(start, match.start()))
        start = match.end()
    else:
        clauses.append(Span(start, min(sentence.end, max(position, start) + _CLAUSE_REACH)))
    return [c for c in reversed(clauses) if c.end > c.start]


def clause_around(text: str, position: int) -> Span:
    """The clause (between commas, semicolons, conjunctions) holding `position`."""
    clauses = clauses_before(text, position)
    return clauses[0] if clauses else sentence_around(text, position)


_APPOSITIVE_BEFORE = re.compile(
    r"(?P<head>(?:[\w&.-]+\s+){0,3}[\w&.-]+)\s*,\s+(?:an?|the|my|our)\s+[^,;:()|]{1,120},\s*$"
)


def appositive_subject(text: str, clause_start: int) -> str:
    """The subject a clause continues after an appositive ("Skald, a weekend project …, ran
    from February to August 2024": "Skald"), or ""."""
    sentence = sentence_around(text, clause_start)
    head = text[sentence.start : clause_start]
    if not head.rstrip().endswith(","):
        head = head.rstrip() + ","  # the clause starts right after the appositive's comma
    match = _APPOSITIVE_BEFORE.search(head)
    return match.group("head") if match and match.start() == 0 else ""


@functools.lru_cache(maxsize=256)
def _name_pattern(name: str) -> re.Pattern[str]:
    return re.compile(r"\b" + re.escape(name) + r"\b")


def voice_of(clause: str, company_names: list[str]) -> Voice:
    """Who a clause speaks about: the company or posting wins over the candidate."""
    lowered = clause.lower()
    if (
        lowered.lstrip().startswith(("dear ", "to "))
        or _SECOND_PERSON.search(clause)
        or any(name and _name_pattern(name.lower()).search(lowered) for name in company_names)
    ):
        return "company"
    if _FIRST_PERSON.search(clause):
        return "candidate"
    return "neutral"


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
