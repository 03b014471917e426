"""A figure in a relative clause is a result of the work its antecedent tells: "I fine-tuned a
7B-parameter LLM with LoRA to summarise dispute evidence, which cut chargeback losses by $2M a
year" gives the fraud model's $2M to the LoRA work — the same job, another fact."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from applykit.write.grounding_words import lemma_set
from applykit.write.text_units import clauses_before

if TYPE_CHECKING:
    from applykit.models.documents import Claim
    from applykit.write.claims import Quantity
    from applykit.write.evidence import Evidence

_RELATIVE_OPENS = re.compile(
    r"\s*(?:which|that)\s+(?:\w+\s+){0,2}?(?:cut|reduced|raised|saved|"
    r"lowered|lifted|improved|increased|shortened|brought|drove)\b",
    re.IGNORECASE,
)


def told_of_another_fact(
    claim: Claim, quantity: Quantity, text: str, evidence: Evidence
) -> str | None:
    """The other fact whose work the antecedent tells, when the figure's own fact shares at
    most one word with it and the other at least four; None otherwise."""
    if not claim.traced or claim.source is None:
        return None
    clauses = clauses_before(text, quantity.start)
    if len(clauses) < 2 or not _RELATIVE_OPENS.match(text, clauses[0].start):
        return None
    antecedent = lemma_set(text[clauses[1].start : clauses[1].end])
    own = next((s for s in evidence.sources if s.id == claim.source), None)
    if own is None or not own.is_fact or len(antecedent & lemma_set(own.text)) > 1:
        return None
    for source in evidence.sources:
        if source.is_fact and source.id != own.id and len(antecedent & lemma_set(source.text)) >= 4:
            return source.id
    return None
