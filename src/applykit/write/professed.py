"""Values the candidate professes are not their record.

"I also care about clear communication", "I value mentoring", "I believe in collaboration":
a soft skill as the object of caring, valuing or believing is an attitude, not a skill the
candidate claims to have shown. Only soft skills (the taxonomy's "soft_skill" category) read
this way: "I care about Kubernetes" still puts a tool in the record, and "I have strong
communication skills" is a claim.
"""

from __future__ import annotations

import re

from applykit.write.claim_scope import soft_skill
from applykit.write.text_units import clause_around

_PROFESSED = re.compile(
    r"\b(?:I|we)\s+(?:(?:also|really|deeply|genuinely|truly|always)\s+)?"
    r"(?:care\s+(?:a\s+lot\s+)?about|value|believe\s+in|prize|cherish)\s+"
    r"(?:(?:clear|good|open|honest|strong|great|real|thoughtful|written|direct)\s+){0,2}$",
    re.IGNORECASE,
)


def professed_value(name: str, start: int, text: str) -> bool:
    """The soft skill `name` at `start` is what the candidate says they care about or value
    ("I care about clear communication"), not a claim to have it."""
    if not soft_skill(name):
        return False
    clause = clause_around(text, start)
    return bool(_PROFESSED.search(text, clause.start, start))
