"""The month a letter gives with a year ("since September 2023", "from July 2021 to August
2023"), and whether it fits the entry the year is about."""

from __future__ import annotations

import re

from applykit.write.claims import Quantity
from applykit.write.grounding_dates import Entry

_MONTHS = {
    name: index
    for index, names in enumerate(
        [
            "january jan",
            "february feb",
            "march mar",
            "april apr",
            "may",
            "june jun",
            "july jul",
            "august aug",
            "september sep sept",
            "october oct",
            "november nov",
            "december dec",
        ]
    )
    for name in names.split()
}
_MONTH_BEFORE = re.compile(r"\b(?P<month>[A-Za-z]{3,9})\.?,?\s+$")
_STARTED = re.compile(
    r"\b(?:since|started|starting|start|joined|joining|began|begun|from|founded|launched|"
    r"created)\b",
    re.IGNORECASE,
)
_ENDED = re.compile(
    r"\b(?:until|till|left|leaving|finished|graduated|graduating|completed|ended)\b",
    re.IGNORECASE,
)
_RANGE_END = re.compile(r"(?:\b(?:to|until|till|through)|[-–])\s*[A-Za-z]{3,9}\.?\s+$")


def month_before(quantity: Quantity, text: str) -> int | None:
    """The month named right before a year ("September 2023" → 8), or None."""
    match = _MONTH_BEFORE.search(text[max(0, quantity.start - 12) : quantity.start])
    return _MONTHS.get(match.group("month").lower()) if match else None


def month_fits(month: int, entry: Entry, lead: str, degree: bool) -> bool:
    """A month and year claimed for an entry: its first month when the nearest cue before it
    is "since / joined / started / from", its last after "until / left / finished / to" (a
    degree: its last), else any month of its period."""
    if entry.months is None:
        return True  # the profile dates it by year only: the year decides
    first, last = entry.months
    if degree and entry.kind == "education":
        return month == last
    if _RANGE_END.search(lead):
        return month == last
    cues = [(m.start(), "start") for m in _STARTED.finditer(lead)]
    cues += [(m.start(), "end") for m in _ENDED.finditer(lead)]
    if cues:
        return month == (first if max(cues)[1] == "start" else last)
    return first <= month <= last
