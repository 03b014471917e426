"""What every tracer shares: who speaks at a position, and how a claim is recorded."""

from __future__ import annotations

import functools
import re

from applykit.models.documents import Claim, ClaimKind
from applykit.write.evidence import Evidence, normal_text
from applykit.write.text_units import Voice, clauses_before, voice_of

QUOTE_RE = re.compile(r"“([^”]{3,600})”|\"([^\"\n]{3,600})\"")


@functools.lru_cache(maxsize=8)
def quotes(text: str) -> tuple[tuple[int, int, str], ...]:
    return tuple(
        (m.start(), m.end(), m.group(1) or m.group(2) or "") for m in QUOTE_RE.finditer(text)
    )


def voice_at(text: str, position: int, evidence: Evidence) -> tuple[Voice, str]:
    """Who speaks at `position`: a quote of the posting is the company's own voice, and a
    clause with no voice of its own takes the voice of the clause before it."""
    for start, end, inner in quotes(text):
        quoted = normal_text(inner)
        if start < position < end and quoted and quoted in evidence.posting_normal:
            return "company", inner
    clauses = clauses_before(text, position)
    own = text[clauses[0].start : clauses[0].end] if clauses else ""
    for index, span in enumerate(clauses):
        clause = text[span.start : span.end]
        voice = voice_of(clause, evidence.company_names)
        if index > 0 and voice == "company" and voice_of_candidate(clause):
            return "neutral", own  # "You ask for a project I am proud of: …" passes nothing on
        if voice != "neutral":
            return voice, own
    return "neutral", own


def voice_of_candidate(clause: str) -> bool:
    """The clause has the candidate as a subject ("I", "we")."""
    return bool(re.search(r"\b(?:i|we|i'm|i've|i'd)\b", clause, re.IGNORECASE))


def make_claim(
    text: str, kind: ClaimKind, start: int, end: int, source: str | None, note: str
) -> Claim:
    return Claim(
        text=text,
        kind=kind,
        start=start,
        end=end,
        traced=source is not None,
        source=source,
        note=note,
    )
