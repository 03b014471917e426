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
from applykit.write.text_units import clause_around, sentence_around

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
) -> Entry | None:
    """The job or project a number's sentence attributes it to: the nearest one named before
    it, else the first named after it in its clause ("… 40M+ users at Lumen Media")."""
    sentence = sentence_around(text, quantity.start)
    clause = clause_around(text, quantity.start)
    limit = min([clause.end, *(q.start for q in others if q.start >= quantity.end)])
    before: tuple[int, Entry] | None = None
    after: tuple[int, Entry] | None = None
    for entry in evidence.entries:
        if entry.kind not in _OWNERS or not entry.name:
            continue
        for name_start, name_end in _mentions(entry, text, sentence.start, sentence.end):
            if _NOT_THIS_JOB.search(text[max(sentence.start, name_start - 20) : name_start]):
                continue
            if name_end <= quantity.start and (before is None or name_start > before[0]):
                before = (name_start, entry)
            in_clause = quantity.end <= name_start < max(limit, quantity.end)
            if in_clause and (after is None or name_start < after[0]):
                after = (name_start, entry)
    chosen = before or after
    return chosen[1] if chosen else None


def owner_of(source: Source, evidence: Evidence) -> Entry | None:
    """The job or project a profile fact belongs to (its header names it)."""
    if not source.is_fact or not source.context:
        return None
    name = source.context.split(" · ")[0]
    return next((e for e in evidence.entries if e.kind in _OWNERS and e.name == name), None)
