"""A figure inside a subject that the company's name owns (principle 3): "Quillfield AI's
mission of helping insurers … act on millions of documents a day aligns with the work I have
done" restates the posting's figure as the company's, though the sentence goes on to the
candidate. The sentence must open with the company's name in the possessive, and nothing before
the figure may be the candidate's (I, my, we), a past report (built, processed) or a relative
clause (which, who, that): "Quillfield AI's mission appeals to me because I processed millions
of documents" stays claimed."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from applykit.write.text_units import sentence_around

if TYPE_CHECKING:
    from applykit.write.claims import Quantity
    from applykit.write.evidence import Evidence

_POSSESSIVE = re.compile(r"[\W_]*(?P<name>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3})['’]s?\s")
_NOT_THEIRS = re.compile(
    r"\b(?:I|I'm|I've|me|my|we|our|which|who|whom|that|[a-z]{3,}ed|built|ran|led|grew|won|"
    r"made|took|shipped|served|cut|was|were|had|did)\b"
)


def company_subject(quantity: Quantity, text: str, evidence: Evidence) -> bool:
    """The figure stands in a sentence-opening subject owned by the company's name."""
    sentence = sentence_around(text, quantity.start)
    head = text[sentence.start : quantity.start]
    owner = _POSSESSIVE.match(head)
    if owner is None or _NOT_THEIRS.search(head):
        return False
    name = owner.group("name").lower()
    return any(name == company.lower() for company in evidence.company_names)
