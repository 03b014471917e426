"""When a figure of the posting in the candidate's sentence is the company's, not a claim.

A figure the posting states ("900,000 Canadians every two weeks", "a 14-person team") may
appear anywhere in a letter as the company's fact. It becomes the candidate's claim when the
letter makes it part of the candidate's record: a clause with the candidate as subject or
owner ("I paid 900,000 Canadians"), a past-tense report of what happened ("after the rebuild it
scored every transaction"), or a relative clause or pronoun hanging it on the candidate's work
("…, which served 50 million subscribers", "50 million subscribers rely on it").

So a posting figure is the company's when its sentence, up to the end of the figure's clause,
has none of those, and the clause restates the posting around that figure (two content words
of the posting's sentence or its neighbours, the unit included).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from applykit.write.grounding_words import lemma, lemma_set
from applykit.write.text_units import clause_around, sentence_around, sentence_spans

if TYPE_CHECKING:
    from applykit.write.claims import Quantity
    from applykit.write.evidence import Evidence

_OWNED = re.compile(
    r"\b(?!US\b)(?i:i|i'm|i've|i'd|my|me|mine|we|our|us|it|its|them)\b"
    r"|^\s*(?i:which|that|who|whom|whose|where)\b"
)
_RELATIVE = re.compile(r"\b(?:which|that|who|whom|whose|where)\b", re.IGNORECASE)
_PAST = re.compile(
    r"(?<![\w-])(?:[a-z]{3,}ed|built|ran|led|grew|won|made|took|brought|drove|cut|shipped|"
    r"scored|served|held|kept|saw|got|had|was|were|did|sold|paid|spent|wrote)(?![\w-])"
)
_APPLYING = re.compile(r"\b(?:apply|applying|application)\s+(?:for|to)\b", re.IGNORECASE)


def company_figure(
    quantity: Quantity, text: str, in_posting: list[Quantity], evidence: Evidence
) -> bool:
    """The posting figure `quantity` is named as the company's fact, not claimed (see the
    module docstring)."""
    clause = clause_around(text, quantity.start)
    own = text[clause.start : clause.end]
    if _APPLYING.search(own):
        return True  # "I am applying for the … role for 2027"
    sentence = sentence_around(text, quantity.start)
    lead = text[sentence.start : max(clause.end, quantity.end)]
    if _OWNED.search(lead) or _PAST.search(lead):
        return False
    if _RELATIVE.search(text[sentence.start : quantity.start]):
        return False  # "…, which served 50 million subscribers"
    words = lemma_set(own) | {lemma(quantity.unit)} if quantity.unit else lemma_set(own)
    return any(len(words & _posting_context(found, evidence)) >= 2 for found in in_posting)


def _posting_context(found: Quantity, evidence: Evidence) -> frozenset[str]:
    """The words of the posting's sentence that holds a figure, and of its neighbours."""
    spans = sentence_spans(evidence.posting_text)
    index = next((i for i, span in enumerate(spans) if span.start <= found.start < span.end), None)
    if index is None:
        return frozenset()
    first, last = spans[max(0, index - 1)], spans[min(len(spans) - 1, index + 1)]
    return lemma_set(evidence.posting_text[first.start : last.end])


def applying_clause(text: str, position: int) -> bool:
    """The clause at `position` states the application itself ("I am applying for …")."""
    clause = clause_around(text, position)
    return bool(_APPLYING.search(text[clause.start : clause.end]))
