"""What every tracer shares: who speaks at a position, and how a claim is recorded."""

from __future__ import annotations

import functools
import re

from applykit.models.documents import Claim, ClaimKind
from applykit.write.evidence import Evidence, normal_text
from applykit.write.text_units import Span, Voice, clauses_before, sentence_around, voice_of

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
    if _heads_a_list(text, clauses, evidence):
        after = _list_predicate(text, clauses[0].end)
        if after and voice_of(after, evidence.company_names) == "candidate":
            return "candidate", own  # "On your nice-to-haves: Kafka, Flink and Go are in my …"
    for index, span in enumerate(clauses):
        clause = text[span.start : span.end]
        voice = voice_of(clause, evidence.company_names)
        if index > 0 and voice == "company" and voice_of_candidate(clause):
            return "neutral", own  # "You ask for a project I am proud of: …" passes nothing on
        if voice != "neutral":
            return voice, own
    sentence = sentence_around(text, position)
    if _FRONTED.match(text, sentence.start) and not _PERSON.search(text, sentence.start, position):
        rest = text[position : sentence.end]  # "With 25.000 bikes in 14 cities, Kornblume is …"
        if not _PERSON.search(rest) and voice_of(rest, evidence.company_names) == "company":
            return "company", own
    return "neutral", own


_FRONTED = re.compile(r"[\s*_>#-]*(?:With|Serving|Operating|Running)\b")
_PERSON = re.compile(r"\b(?:I|my|me|we|our)\b", re.IGNORECASE)
"""A sentence that opens with a phrase of no subject takes its voice from the clause after."""


_LIST_TAIL = re.compile(
    r"(?:\s*(?:,|\band\b|\bor\b)\s*(?:and\s+|or\s+)?[\w+#./-]+(?:\s[\w+#./-]+)?)*\s*"
    r"(?P<predicate>(?:are|is|were|was|have|has|I|we)\b[^.;:!?]*)"
)


def _heads_a_list(text: str, clauses: list[Span], evidence: Evidence) -> bool:
    """The name is an item of a list that opens its sentence or follows a label's colon
    ("On your nice-to-haves: Kafka, Flink and Go …")."""
    items = 0
    for clause in clauses:
        body = text[clause.start : clause.end]
        if len(body.split()) > 3 or voice_of(body, evidence.company_names) != "neutral":
            return items > 0 and text[clause.end : clause.end + 1] == ":"
        items += 1
    return items > 0


def _list_predicate(text: str, position: int) -> str:
    """What a list of names is said to be, when its items are the subject ("Kafka, Flink and Go
    are all in my toolkit" → "are all in my toolkit") or a fronted object ("Flink and Spark I
    know well")."""
    match = _LIST_TAIL.match(text, position, min(len(text), position + 300))
    return match.group("predicate") if match else ""


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
