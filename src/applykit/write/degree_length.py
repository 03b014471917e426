"""How long a degree took, told as its length ("a four-year PhD", "my 2-year MSc"): checked
against that degree's own dates in `education` (principle 5), a bare figure within a quarter of
a year. "a six-year PhD" for four years of dates, or the length of a degree the profile does not
hold, stays refused."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from applykit.write.names import DEGREE_RE, degree_level
from applykit.write.tracing import make_claim

if TYPE_CHECKING:
    from applykit.models.documents import Claim
    from applykit.write.claims import Quantity
    from applykit.write.evidence import Evidence

_BETWEEN = re.compile(r"[ \t-]*(?:(?:long|full-time|part-time)[ \t]+)?")
_UNIT_YEARS = {"year": 1.0, "month": 1 / 12}


def degree_length(quantity: Quantity, text: str, evidence: Evidence) -> Claim | None:
    """A claim for a length of years or months right before a degree's name, else None."""
    scale = _UNIT_YEARS.get(quantity.unit.lower().rstrip("s"))
    if scale is None:
        return None
    between = _BETWEEN.match(text, quantity.end)
    degree = DEGREE_RE.match(text, between.end()) if between else None
    if degree is None:
        return None
    level = degree_level(degree.group("degree"))
    ids = {entry_id for found, _, entry_id in evidence.degree_fields if found == level}
    claimed = quantity.value * scale
    for entry in evidence.entries:
        if entry.id in ids and entry.months:
            span = (entry.months[1] - entry.months[0] + 1) / 12
            if abs(span - claimed) <= 0.25:
                note = f"the length of that degree's dates ({span:.1f} years)"
                return make_claim(
                    quantity.text, "duration", quantity.start, quantity.end, entry.id, note
                )
    note = "not the length of a degree the profile dates"
    return make_claim(quantity.text, "duration", quantity.start, quantity.end, None, note)
