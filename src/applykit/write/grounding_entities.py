"""Which job or project a claim is about: the employer named next to it.

A title is checked against the position held at the employer named beside it ("Senior … at
Lumen Media"), and a number against the facts of the employer or project its sentence names
("At Northwind Analytics I served 40M+ users" may not borrow Lumen Media's 40M+).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from applykit.write.claim_scope import word_pattern
from applykit.write.claims import Quantity
from applykit.write.evidence import company_aliases
from applykit.write.grounding_dates import Entry
from applykit.write.text_units import Span, clauses_before, sentence_around

if TYPE_CHECKING:
    from applykit.write.evidence import Evidence, Source

_OWNERS = {"work", "volunteer", "project"}
_NOT_THIS_JOB = re.compile(
    r"\b(?:before|prior to|after|since|until|than|unlike|leaving|left|joining|joined|to)\s+"
    r"(?:joining\s+|leaving\s+)?$",
    re.IGNORECASE,
)


def _mentions(entry: Entry, text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for alias in company_aliases(entry.name) if entry.kind != "project" else [entry.name]:
        for found in word_pattern(alias, hyphen=False).finditer(text, start, end):
            spans.append((found.start(), found.end()))
    return spans


_DETACHED = re.compile(
    r"[:;—–()]|\.\s|\b(?:and|but)\s+(?:(?:have|has|had|then|later|now|since)\s+)*"
    r"(?:worked|been|become|became|moved|joined|served|switched)\b|"
    r"\b(?:through|via|thanks\s+to|after|before)\b"
)
"""… "a Data Scientist at Parcelly … and have worked as a machine learning engineer since":
a title after a new predicate is not attached to the employer before it; nor is one reached
"through a bootcamp, Lakefront Code Academy" (the way in, not the job)."""


def employer_near(start: int, end: int, text: str, evidence: Evidence) -> Entry | None:
    """The profile employer named closest to a title in its sentence (within 60 characters):
    the job the title claims."""
    sentence = sentence_around(text, start)
    best: tuple[int, Entry] | None = None
    for entry in evidence.entries:
        if entry.kind not in {"work", "volunteer"} or not entry.name or not entry.title:
            continue
        for name_start, name_end in _mentions(entry, text, sentence.start, sentence.end):
            distance = max(name_start - end, start - name_end, 0)
            between = text[min(end, name_end) : max(start, name_start)]
            if _DETACHED.search(between):
                continue  # "I'm a machine learning engineer with …: a summer at Halvorsen"
            if distance <= 60 and (best is None or distance < best[0]):
                best = (distance, entry)
    return best[1] if best else None


def owner_named(
    quantity: Quantity, text: str, others: list[Quantity], evidence: Evidence
) -> list[Entry]:
    """The jobs or projects a number is attributed to: those named in its own clause (before
    the number, or after it up to the next number), else those named in an introductory clause
    before it ("At Lumen Media, I scaled …"); a clause with its own subject ("I volunteer at
    Code Club, and at work I mentored 4 engineers") ends the search. Empty: no attribution."""
    return _owner_in_clauses(quantity, text, others, evidence) or _label_owner(
        quantity.start, text, evidence
    )


def _owner_in_clauses(
    quantity: Quantity, text: str, others: list[Quantity], evidence: Evidence
) -> list[Entry]:
    clauses = clauses_before(text, quantity.start)
    own = text[clauses[0].start : clauses[0].end].strip() if clauses else ""
    limit = min([*(q.start for q in others if q.start >= quantity.end), len(text)])
    relative = bool(_RELATIVE.match(own) or _PARTICIPLE.match(own))  # "…, cutting runtime …"
    independent = bool(_SUBJECT.search(own)) and not relative
    for index, clause in enumerate(clauses):
        body = text[clause.start : clause.end]
        end = min(clause.end, max(limit, quantity.end)) if index == 0 else clause.end
        has_subject = index > 0 and bool(_SUBJECT.search(body))
        if index > 0 and independent and has_subject:
            return []  # "I volunteer at Code Club, and at work I mentored 4 engineers"
        named = [
            entry
            for entry in evidence.entries
            if entry.kind in _OWNERS
            and entry.name
            and any(
                not _NOT_THIS_JOB.search(text[max(clause.start, a - 20) : a])
                for a, _ in _mentions(entry, text, clause.start, end)
            )
        ]
        if named and index > 0 and not relative and not _INTRODUCTORY.match(body.strip()):
            return []  # a parallel list item ("a tagger at Lumen Media …, a LoRA fine-tune …")
        if named:
            return named
        if index > 0 and _WHERE.match(body.strip()):
            relative = True  # "… at Lumen Media, where I migrated …": the place named before
            continue
        if has_subject or (independent and index > 0):
            return _opening_owner(clauses[index:], text, evidence) if not has_subject else []
    return _pronoun_owner(quantity.start, text, evidence)


_IT_OPENS = re.compile(r"[\s*_>-]*(?:It|It's|It’s|This\s+(?:library|tool|project|service))\b")


def _pronoun_owner(position: int, text: str, evidence: Evidence) -> list[Entry]:
    """ "… tidewatch, an open-source library …. It has 1,200+ stars and is used by …": a
    sentence opening with "It" is about the one job or project the sentence before names."""
    sentence = sentence_around(text, position)
    if not _IT_OPENS.match(text, sentence.start):
        return []
    for _ in range(2):  # the sentence before, or the one before that when it names nothing
        if sentence.start < 2:
            return []
        sentence = sentence_around(text, sentence.start - 2)
        named = [
            entry
            for entry in evidence.entries
            if entry.kind in _OWNERS
            and entry.name
            and _mentions(entry, text, sentence.start, sentence.end)
        ]
        if named:
            return named if len({entry.name for entry in named}) == 1 else []
    return []


def _label_owner(position: int, text: str, evidence: Evidence) -> list[Entry]:
    """ "| TransitPulse: a gradient-boosted crowding model (82% accuracy …) |": a job or
    project named as the label of a line, list item or table cell owns the figures after it."""
    segment_start = max(text.rfind("\n", 0, position), text.rfind("|", 0, position)) + 1
    label = _LABEL.match(text, segment_start, position)
    if label is None:
        return []
    return [
        entry
        for entry in evidence.entries
        if entry.kind in _OWNERS and entry.name and entry.name == label.group("name").strip()
    ]


_LABEL = re.compile(
    r"[ \t]*(?:[-*•][ \t]+)?(?:\*\*|__)?(?P<name>[A-Za-z][\w .&'’-]{1,40}?)(?:\*\*|__)?:"
)


def _opening_owner(clauses: list[Span], text: str, evidence: Evidence) -> list[Entry]:
    """The job named by the sentence's opening phrase ("As a Machine Learning Engineer at
    Lumen Media, a video … service, I scaled …"), when only appositions without a subject of
    their own stand between it and the number's clause."""
    first = text[clauses[-1].start : clauses[-1].end].strip()
    if len(clauses) < 2 or not _INTRODUCTORY.match(first):
        return []
    if any(_SUBJECT.search(text[c.start : c.end]) for c in clauses[:-1]):
        return []
    return [
        entry
        for entry in evidence.entries
        if entry.kind in _OWNERS
        and entry.name
        and _mentions(entry, text, clauses[-1].start, clauses[-1].end)
    ]


_PARTICIPLE = re.compile(r"(?:[a-z]+ing)\b(?!\s+(?:I|we)\b)")
_WHERE = re.compile(r"(?:where|in\s+which|at\s+which)\s+(?:I|we)\b", re.IGNORECASE)


_INTRODUCTORY = re.compile(
    r"(?:(?:before|after)\s+that\s+|earlier\s+|later\s+|then\s+)?"
    r"(?:at|in|with|during|for|while at|when at|as\s+(?:\S+\s+){1,5}?at|on)"
    r"\s+\S+(?:\s+\S+){0,4}$",
    re.IGNORECASE,
)
_RELATIVE = re.compile(r"(?:where|which|who|when|that|whose)\b", re.IGNORECASE)
_SUBJECT = re.compile(r"\b(?:i|we|my|our)\b", re.IGNORECASE)


def owner_of(source: Source, evidence: Evidence) -> Entry | None:
    """The job or project a profile fact belongs to (its header names it); an award or other
    field that names exactly one job ("Engineering Impact Award · Northwind Analytics · … $2M
    annual reduction in chargeback losses") belongs to that job."""
    if not source.is_fact or not source.context:
        if source.id.startswith(("skills", "basics", "languages")):
            return None
        named = [
            e
            for e in evidence.entries
            if e.kind == "work"
            and e.name
            and word_pattern(e.name, hyphen=False).search(source.text)
        ]
        return named[0] if len(named) == 1 else None
    name = source.context.split(" · ")[0]
    return next((e for e in evidence.entries if e.kind in _OWNERS and e.name == name), None)
