"""A count the letter itself spells out: "I've cut serving costs twice: 42% of GPU spend at
Vantrel …, and 55% of LLM serving cost at Pellamy …". The count before the colon tallies the
items the sentence then states, each with a figure of its own that is checked on its own, so
the count is the letter's own tally, not a claim of its own ("three times: 42% … and 55% …"
is not: two items)."""

from __future__ import annotations

import re

from applykit.write.text_units import sentence_around

_COLON_AFTER = re.compile(r"[ \t]*(?:\([^()]{0,40}\)[ \t]*)?:[ \t]*")
_ITEM_SPLIT = re.compile(r";\s*(?:and\s+)?|,\s+and\s+|,\s+(?=\d)|\s+and\s+(?=[~$€£]?\d)")
_FIGURE_OPENS = re.compile(r"\s*(?:about\s+|around\s+|roughly\s+|~)?[$€£]?\d")


_COUNT = re.compile(r"(?:(?P<n>twice|thrice)|(?P<m>two|three|four|five|[2-5])\s+times)\b", re.I)
_VALUES = {"twice": 2, "thrice": 3, "two": 2, "three": 3, "four": 4, "five": 5}


def counts_its_items(start: int, text: str) -> bool:
    """The count of times at `start` (two to five: "twice", "three times") is followed by a
    colon and exactly that many items, each opening with a figure, to the end of the sentence.
    A count of things ("two teams: 12 engineers and 8 scientists") is still a claim."""
    count = _COUNT.match(text, start)
    if count is None:
        return False
    word = (count.group("n") or count.group("m")).lower()
    value = _VALUES.get(word) or int(word)
    colon = _COLON_AFTER.match(text, count.end())
    if colon is None:
        return False
    sentence = sentence_around(text, start)
    body = text[colon.end() : sentence.end].rstrip(" .!\n")
    items = [item for item in _ITEM_SPLIT.split(body) if item.strip()]
    return len(items) == value and all(_FIGURE_OPENS.match(item) for item in items)
