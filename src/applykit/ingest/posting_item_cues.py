"""Which list items are not requirements: pay lines, boilerplate, lead-ins and sub-headings.

The word tests behind the answer (needle groups, then a pattern where a needle is present) are
told for all of a posting's items at once where it has them (`marks_of`).
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from itertools import accumulate

import ahocorasick_rs

from applykit.ingest import posting_cues as cues
from applykit.ingest.posting_sections import Item
from applykit.ingest.posting_text import fold, has_any

_MONEY = re.compile(
    r"[$€£]\s?\d|\d\s?(?:€|EUR|USD)\b|(?i:\b(?:pay|salary|compensation) (?:range|offered|rate)\b"
    r"|^(?:final |base )?(?:pay|salary|compensation)\b)"
)
_MONEY_SIGNS = ("$", "€", "£", "EUR", "USD")  # case-sensitive parts of _MONEY
_MONEY_WORDS = ("pay", "salary", "compensation")  # its case-insensitive part
_BOILERPLATE_NEEDLES = (
    "equal ",
    "affirmative action",
    "applicants",
    "reasonable accommodation",
    "e-verify",
    "drug",
    "until filled",
    "all qualified",
    "world",
    "privacy ",
    "time",
    "offers",
    "apply",
    "click ",
    "follow ",
    "learn more about",
)
SPLIT = "§"  # an item made from one sentence of a long paragraph
_ID_LINE = re.compile(r"(?i)^(?:job ?id|req(?:uisition)?(?: id)?|ref(?:erence)?|posting id)\b")
_CUE_NEEDLES = (
    "experience",
    "year",
    "degree",
    "knowledge",
    "abilit",
    "able to",
    "skills",
    "proficien",
    "familiar",
    "must",
    "required",
    "certif",
    "licen",
    "understanding",
    "background in",
    "strong",
    "excellent",
    "proven",
    "fluent",
    "diploma",
    "preferred",
    "plus",
)
_LEAD_IN_SENTENCE = re.compile(
    r"(?i)\b(?:below|following|listed|representative of)\b|\bshould (?:have|possess)\s*$"
)
_LEAD_IN_NEEDLES = ("below", "following", "listed", "representative of", "should ")


def not_a_requirement(
    item: Item, listed: bool, low: str | None = None, marks: int | None = None
) -> bool:
    """Pay lines, lead-in sentences, sub-headings and boilerplate paragraphs in a list.

    `low` is `fold(item.text)` where the caller has it already; `marks` the needle groups
    (`marks_of`) the text holds, where known.
    """
    text = item.text
    if item.children:
        return False
    if low is None:
        low = fold(text)
    if marks is None:
        marks = _marks_of_one(text, low)
    if marks & (_SIGN | _MONEY_WORD) and _MONEY.search(text):
        return True  # "Salary: $130,000-$150,000" is pay, not a qualification
    if (
        (marks & _BOILER and cues.boilerplate(low))
        or len(text) < 3
        or text.startswith("#")
        or not _has_letter(text)
    ):
        return True  # equal-opportunity text, "open until filled", "#LI", "AW"
    if _ID_LINE.match(text):
        return True
    if item.bullet == SPLIT or (item.bullet is None and cues.COMPANY_VOICE.search(low)):
        # prose: keep the sentences that ask for something
        return not (marks & _CUE and cues.REQUIREMENT_CUE.search(low))
    if item.bullet is not None:
        return False
    words = text.split()
    if (
        2 <= len(words) <= 6
        and not text.endswith((".", ";"))
        and all(w[0].isupper() or len(w) <= 3 for w in words)
    ):
        return True  # a sub-heading: "What Will Put You Ahead", "Employment Type"
    return listed and (
        len(text) >= 200 or (bool(marks & _LEAD) and _LEAD_IN_SENTENCE.search(text) is not None)
    )


def _marks_of_one(text: str, low: str) -> int:
    """The needle groups `text` holds (`marks_of` for one text; `low`: `fold(text)`): `_SIGN`
    as written, the others in one automaton pass over `low` read one byte per character (the
    needles are ASCII, and `fold` left no character that matches an ASCII letter
    case-insensitively)."""
    marks = _SIGN if has_any(text, _MONEY_SIGNS) else 0
    _, words, groups = _group_automata()
    view = low.encode("ascii", "replace")
    for pattern, _, _ in words.find_matches_as_indexes(view, overlapping=True):
        marks |= groups[pattern]
    return marks


def _has_letter(text: str) -> bool:
    """`any(c.isalpha() for c in text)`; ASCII letters are exactly the characters with a case."""
    if text.isascii():
        return text.lower() != text.upper()
    return any(c.isalpha() for c in text)


# The needle groups `_not_a_requirement` asks about; `_SIGN` is asked of the text as written,
# the others of its `fold`.
_SIGN, _MONEY_WORD, _BOILER, _CUE, _LEAD = 1, 2, 4, 8, 16
_GROUPS = {
    _SIGN: _MONEY_SIGNS,
    _MONEY_WORD: _MONEY_WORDS,
    _BOILER: _BOILERPLATE_NEEDLES,
    _CUE: _CUE_NEEDLES,
    _LEAD: _LEAD_IN_NEEDLES,
}


def marks_of(texts: list[str]) -> tuple[list[int], str, list[int]] | None:
    """For each text, the needle groups it holds; all texts `fold`ed, joined by "\n"; and
    where each text starts there. None when a text holds a line end.

    One automaton pass over the joined texts as written (`_SIGN`) and one over their `fold`
    (the rest, overlapping matches) answer for all texts at once; no needle holds a line end,
    so each match lies inside one text, and `fold` keeps offsets.
    """
    raw_all = "\n".join(texts)
    if not texts or raw_all.count("\n") != len(texts) - 1:
        return None
    low_all = fold(raw_all)
    starts = list(accumulate((len(text) + 1 for text in texts), initial=0))
    marks = [0] * len(texts)
    signs, words, groups = _group_automata()
    for _, at, _ in signs.find_matches_as_indexes(raw_all):
        marks[bisect_right(starts, at) - 1] |= _SIGN
    # The needles are ASCII, and `fold` left no character that folds to ASCII: one byte per
    # character finds them at the same offsets.
    view = low_all.encode("ascii", "replace")
    for pattern, at, _ in words.find_matches_as_indexes(view, overlapping=True):
        marks[bisect_right(starts, at) - 1] |= groups[pattern]
    return marks, low_all, starts


@functools.cache
def _group_automata() -> tuple[
    ahocorasick_rs.AhoCorasick, ahocorasick_rs.BytesAhoCorasick, list[int]
]:
    """The `_SIGN` needles; every other group's needles (ASCII: as bytes); and the groups of
    each of those."""
    bits: dict[str, int] = {}
    for group, needles in _GROUPS.items():
        if group != _SIGN:
            for needle in needles:
                bits[needle] = bits.get(needle, 0) | group
    assert all(needle.isascii() and "?" not in needle for needle in bits)
    return (
        ahocorasick_rs.AhoCorasick(list(_MONEY_SIGNS)),
        ahocorasick_rs.BytesAhoCorasick([needle.encode() for needle in bits]),
        list(bits.values()),
    )


def texts_holding(
    texts: list[str], low_all: str, needles: ahocorasick_rs.BytesAhoCorasick
) -> list[tuple[int, int]]:
    """`(index, offset in low_all)` of the texts, in order, whose `fold` holds a needle.

    `low_all` is `fold("\n".join(texts))`: `fold` keeps offsets and lower-cases the text on
    either side of a line end alike, and no needle holds a line end, so each needle found in
    `low_all` lies inside one text (and every text holding one shows at least one match).
    `texts` hold no line end. The needles are ASCII (without "?"), so `low_all` is read one
    byte per character (`encode("ascii", "replace")`): `fold` left no character that
    matches an ASCII letter case-insensitively, the offsets are the text's own.
    """
    starts = list(accumulate((len(text) + 1 for text in texts), initial=0))
    view = low_all.encode("ascii", "replace")
    found = {bisect_right(starts, at) - 1 for _, at, _ in needles.find_matches_as_indexes(view)}
    return [(index, starts[index]) for index in sorted(found)]
