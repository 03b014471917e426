"""Whose measure a change figure is: "cutting inference cost by 22%" does not trace to
"cutting average case handling time by 22%" — the same number, moved to another measure."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from applykit.write.grounding_words import lemma_set

if TYPE_CHECKING:
    from applykit.models.documents import Claim
    from applykit.write.claims import Quantity
    from applykit.write.evidence import Evidence

_CHANGE_BEFORE = re.compile(
    r"\b(?:cut|cuts|cutting|reduc\w*|lower\w*|rais\w*|improv\w*|increas\w*|boost\w*|"
    r"shorten\w*|lift\w*|decreas\w*|drop\w*|sav\w*|grew|grow\w*|halv\w*)\s+"
    r"(?P<what>(?:[\w'’-]+\s+){1,6}?)(?:by|from|to)\s+"
    r"(?:(?:about|roughly|nearly|almost|around|over|more\s+than|some|~)\s+)?$",
    re.IGNORECASE,
)
_NOT_A_MEASURE = lemma_set("the our its their average typical overall total mean median daily")


def _measure(text: str, start: int) -> frozenset[str] | None:
    """The words of what a figure changes ("cutting [inference cost] by 22%"), or None."""
    found = _CHANGE_BEFORE.search(text, max(0, start - 90), start)
    return lemma_set(found.group("what")) - _NOT_A_MEASURE if found else None


def other_measure(claim: Claim, quantity: Quantity, text: str, evidence: Evidence) -> str | None:
    """The measure the profile's fact changes by this figure, when the letter has the figure
    change a different one (no word in common); None when they agree or either is unclear."""
    from applykit.write.claims import find_quantities
    from applykit.write.quantity_match import same_value

    claimed = _measure(text, quantity.start)
    if not claimed or not claim.traced or claim.source is None:
        return None
    source = next((s for s in evidence.sources if s.id == claim.source), None)
    if source is None:
        return None
    measures = [
        _measure(source.text, found.start)
        for found in find_quantities(source.text)
        if same_value(quantity, found)
    ]
    if not measures or any(not m or (m & claimed) for m in measures):
        return None
    return " ".join(sorted(measures[0] or ()))
