"""Tracing numbers: the same value, a compatible unit, and the same words around it."""

from __future__ import annotations

from applykit.models.documents import Claim
from applykit.write.claims import Quantity
from applykit.write.evidence import Evidence
from applykit.write.text_units import clause_around, content_stems, sentence_around
from applykit.write.tracing import make_claim, voice_at


def _same_value(claimed: Quantity, found: Quantity) -> bool:
    if claimed.vague:
        return claimed.value <= found.value < claimed.upper
    return abs(claimed.value - found.value) <= 1e-6 * max(1.0, abs(found.value))


def claimed_unit_differs(claimed: Quantity, found: Quantity) -> bool:
    """An order of magnitude ("millions of users") must count the same thing."""
    return claimed.vague and bool(claimed.unit and found.unit) and claimed.unit != found.unit


def _near_number(quantity: Quantity, text: str) -> set[str]:
    """Content stems next to the number: up to six words before it, three after, in its clause."""
    clause = clause_around(text, quantity.start)
    before = text[clause.start : quantity.start].split()[-6:]
    after = text[quantity.end : max(clause.end, quantity.end)].split()[:3]
    return content_stems(" ".join(before + after))


def _compatible(claimed: Quantity, found: Quantity) -> bool:
    groups = {"count": "n", "number": "n"}
    if groups.get(claimed.kind, claimed.kind) != groups.get(found.kind, found.kind):
        return False
    if claimed.kind == "duration":
        return claimed.unit == found.unit
    return True


def trace_quantity(quantity: Quantity, text: str, evidence: Evidence) -> Claim:
    voice, _ = voice_at(text, quantity.start, evidence)
    stems = _near_number(quantity, text)
    sentence = sentence_around(text, quantity.start)
    sentence_stems = content_stems(text[sentence.start : sentence.end])
    if not stems:
        stems = content_stems(text[max(0, quantity.start - 120) : quantity.end + 120])
    same_value = [
        (found, source)
        for found, source in evidence.quantities
        if _same_value(quantity, found) and _compatible(quantity, found)
    ]
    for found, source in same_value:
        if quantity.kind == "date":
            context = content_stems(source.text + " " + source.context) & sentence_stems
            if len(context) < min(2, len(sentence_stems)):
                continue
            return make_claim(
                quantity.text,
                "date",
                quantity.start,
                quantity.end,
                source.id,
                "date in the profile",
            )
        if claimed_unit_differs(quantity, found):
            continue
        fact_stems = content_stems(source.text + " " + source.context)
        shared = stems & fact_stems
        if len(shared) >= min(2, len(stems)) or (shared and len(sentence_stems & fact_stems) >= 3):
            return make_claim(
                quantity.text,
                quantity.kind,
                quantity.start,
                quantity.end,
                source.id,
                "stated in this fact",
            )
    in_posting = [
        found
        for found in evidence.posting_quantities
        if _same_value(quantity, found) and _compatible(quantity, found)
    ]
    if in_posting and voice == "company":
        found = in_posting[0]
        return make_claim(
            quantity.text,
            quantity.kind,
            quantity.start,
            quantity.end,
            f"posting:{found.start}-{found.end}",
            "the company's figure, from the posting",
        )
    if in_posting:
        note = "a figure from the posting (the company's), claimed as the candidate's"
    elif same_value:
        note = "this number appears in the profile, but about something else"
    else:
        note = "not in the profile or the posting"
    return make_claim(quantity.text, quantity.kind, quantity.start, quantity.end, None, note)
