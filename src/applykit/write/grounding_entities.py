"""Which job or project a claim is about: the employer named next to it.

A title is checked against the position held at the employer named beside it ("Senior … at
Lumen Media"), and a number against the facts of the employer or project its sentence names
("At Northwind Analytics I served 40M+ users" may not borrow Lumen Media's 40M+).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from applykit.write.claims import Quantity
from applykit.write.evidence import company_aliases
from applykit.write.grounding_dates import Entry
from applykit.write.text_units import clauses_before, sentence_around

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
        pattern = r"(?<!\w)" + re.escape(alias) + r"(?!\w)"
        for found in re.finditer(pattern, text[start:end], re.IGNORECASE):
            spans.append((start + found.start(), start + found.end()))
    return spans


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
    clauses = clauses_before(text, quantity.start)
    own = text[clauses[0].start : clauses[0].end].strip() if clauses else ""
    limit = min([*(q.start for q in others if q.start >= quantity.end), len(text)])
    independent = bool(_SUBJECT.search(own)) and not _RELATIVE.match(own)
    for index, clause in enumerate(clauses):
        end = min(clause.end, max(limit, quantity.end)) if index == 0 else clause.end
        has_subject = index > 0 and bool(_SUBJECT.search(text[clause.start : clause.end]))
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
        if named:
            return named
        if has_subject or (independent and index > 0):
            return []
    return []


_RELATIVE = re.compile(r"(?:where|which|who|when|that|whose)\b", re.IGNORECASE)
_SUBJECT = re.compile(r"\b(?:i|we|my|our)\b", re.IGNORECASE)


def owner_of(source: Source, evidence: Evidence) -> Entry | None:
    """The job or project a profile fact belongs to (its header names it)."""
    if not source.is_fact or not source.context:
        return None
    name = source.context.split(" · ")[0]
    return next((e for e in evidence.entries if e.kind in _OWNERS and e.name == name), None)
