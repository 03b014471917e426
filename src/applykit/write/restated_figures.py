"""Figures the letter states again: a definite reference back to a figure already traced ("the
35ms figure above"), a count restated in the next sentence, and a posting bound the sentence's
own traced figure meets ("a sub-50ms budget")."""

from __future__ import annotations

import re

from applykit.models.documents import Claim
from applykit.write.claims import find_quantities
from applykit.write.evidence import Evidence
from applykit.write.grounding_words import lemma
from applykit.write.text_units import sentence_around

_DEFINITE = re.compile(r"\b(?:the|that|this|those|these)\s+$", re.IGNORECASE)


def referred_back(claims: list[Claim], text: str, evidence: Evidence) -> list[Claim]:
    """ "… from 120ms to 35ms …; the 35ms figure above came from that budget": a definite
    reference to a figure the letter already stated and traced has that figure's source."""
    result: list[Claim] = []
    for claim in claims:
        earlier = next(
            (c for c in result if c.traced and c.text == claim.text and c.end <= claim.start),
            None,
        )
        if earlier is None and not claim.traced:
            earlier = _restated(claim, result, text, evidence)
        if (
            not claim.traced
            and earlier is not None
            and not claim.note.startswith("a figure of the work at")
            and (
                _DEFINITE.search(text, max(0, claim.start - 8), claim.start)
                or earlier.text != claim.text
            )
        ):
            note = "refers back to a figure the letter already stated"
            claim = claim.model_copy(
                update={"traced": True, "source": earlier.source, "note": note}
            )
        result.append(claim)
    return result


def _restated(claim: Claim, earlier: list[Claim], text: str, evidence: Evidence) -> Claim | None:
    """ "… I annotated a 20,000-sentence evaluation set. Annotating twenty thousand sentences
    teaches you …": the count of the same thing (same value, same noun) traced in the sentence
    just before, restated in a sentence that names no job or project of its own."""
    mine = find_quantities(claim.text)
    if len(mine) != 1 or not mine[0].unit or mine[0].kind != "count":
        return None
    sentence = sentence_around(text, claim.start)
    if sentence.start < 2 or _NAMES_WORK.search(text, sentence.start, sentence.end):
        return None
    said = text[sentence.start : sentence.end].lower()
    if any(e.name and e.name.split()[0].lower() in said for e in evidence.entries):
        return None  # "Northwind's 20,000 sentences …": given to a job or project
    previous = sentence_around(text, sentence.start - 2)
    for other in earlier:
        found = find_quantities(other.text)
        if (
            other.traced
            and previous.start <= other.start < previous.end
            and len(found) == 1
            and found[0].value == mine[0].value
            and lemma(found[0].unit) == lemma(mine[0].unit)
        ):
            return other
    return None


_NAMES_WORK = re.compile(r"\b(?:at|for|with)\s+[A-Z]|\b(?:I|we)\s+(?:\w+ed|did|built|led)\b")


_BOUND_BEFORE = re.compile(r"(?:\b(?:under|below|within|inside)\s+(?:an?\s+|the\s+)?|sub-)$", re.I)
_BUDGET_AFTER = re.compile(r"\s*(?:budget|target|limit|sla|threshold|requirement|bar)\b", re.I)


def within_bound(claims: list[Claim], text: str, evidence: Evidence) -> list[Claim]:
    """ "… from 120ms to 35ms, well inside a sub-50ms budget": a bound of the posting's that a
    figure the sentence already traced meets is a comparison, not a figure of its own. Only a
    budget, target or limit ("a sub-50ms budget", "under the 50 ms target"), never a result
    ("scored every transaction in under 50ms" stays refused)."""
    result: list[Claim] = []
    for claim in claims:
        found = find_quantities(claim.text) if not claim.traced else []
        bound = found[0] if len(found) == 1 else None
        lead = text[max(0, claim.start - 20) : claim.start]
        if (
            bound is None
            or not bound.unit
            or not _BOUND_BEFORE.search(lead)
            or not _BUDGET_AFTER.match(text, claim.end)
            or not any(
                p.value == bound.value and p.unit == bound.unit for p in evidence.posting_quantities
            )
        ):
            result.append(claim)
            continue
        sentence = sentence_around(text, claim.start)
        met = next(
            (
                other
                for other in claims
                if other.traced
                and other.source
                and not other.source.startswith(("posting", "letter"))
                and sentence.start <= other.start < sentence.end
                and any(
                    q.unit == bound.unit and q.value <= bound.value
                    for q in find_quantities(other.text)
                )
            ),
            None,
        )
        if met is None:
            result.append(claim)
            continue
        note = f"the posting's bound, which {met.text} meets"
        result.append(claim.model_copy(update={"traced": True, "source": met.source, "note": note}))
    return result
