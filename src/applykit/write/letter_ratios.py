"""A ratio the letter works out between two figures it states and traces in the same sentence
(principle 4): "distilled our 13B-parameter model into a 1.3B one (ten times smaller)" is 13B /
1.3B. The ratio must follow the figure as a comparison ("N times smaller / faster / cheaper",
"Nx larger") and be within 5% of the two traced figures' ratio; "twenty times smaller" there, or
a ratio with one end untraced, stays refused."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from applykit.write.text_units import sentence_around

if TYPE_CHECKING:
    from applykit.models.documents import Claim
    from applykit.write.claims import Quantity

_COMPARED = re.compile(
    r"\s*(?:smaller|larger|bigger|faster|slower|cheaper|fewer|lower|higher|shorter|longer|"
    r"less|more)\b",
    re.IGNORECASE,
)


def stated_ratio(
    quantity: Quantity, quantities: list[Quantity], claims: list[Claim], text: str
) -> str | None:
    """The source of the larger traced figure whose ratio to another traced figure of the same
    sentence is `quantity` ("ten times smaller"), else None."""
    if quantity.unit not in {"time", "x"} or not _COMPARED.match(text, quantity.end):
        return None
    sentence = sentence_around(text, quantity.start)
    traced = [
        (found, claim)
        for found, claim in zip(quantities, claims, strict=True)
        if claim.traced
        and found is not quantity
        and sentence.start <= found.start < sentence.end
        and found.kind not in {"date", "percent"}
        and found.value > 0
    ]
    for high, high_claim in traced:
        for low, _ in traced:
            if low.value < high.value:
                ratio = high.value / low.value
                if abs(ratio - quantity.value) <= 0.05 * ratio:
                    return high_claim.source
    return None
