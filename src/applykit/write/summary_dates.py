"""A year the profile's own summary states ("… who moved into ML infrastructure in 2021"):
the letter may repeat it in a sentence about the same thing."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from applykit.models.documents import Claim
from applykit.write.grounding_words import lemma_set
from applykit.write.text_units import sentence_around, sentence_spans
from applykit.write.tracing import make_claim

if TYPE_CHECKING:
    from applykit.write.claims import Quantity
    from applykit.write.evidence import Evidence
    from applykit.write.grounding_dates import Entry


_MONTH_BEFORE = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+$", re.IGNORECASE
)


def summary_year(quantity: Quantity, text: str, evidence: Evidence) -> Claim | None:
    """The year in a sentence of the profile's summary or label that shares two or more words
    with the ten words before the year ("ML infrastructure my focus since 2021" ← "moved into ML
    infrastructure in 2021"), with no job named beside it; None otherwise."""
    year = re.compile(rf"\b{int(quantity.value)}\b")
    sentence = sentence_around(text, quantity.start)
    if _MONTH_BEFORE.search(text, max(0, quantity.start - 12), quantity.start):
        return None  # "since September 2021": the summary gives no month
    near = text[max(sentence.start, quantity.start - 60) : min(sentence.end, quantity.end + 40)]
    if any(
        entry.kind in {"work", "volunteer", "project"}
        and entry.name
        and re.search(rf"\b{re.escape(entry.name.split()[0])}\b", near)
        for entry in evidence.entries
    ):
        return None  # "… at Sablewood": a year beside a job named is checked against that job
    said = lemma_set(" ".join(text[sentence.start : quantity.start].split()[-10:]))
    for source in evidence.sources:
        if not source.id.startswith("basics") or not year.search(source.text):
            continue
        for span in sentence_spans(source.text):
            stated = source.text[span.start : span.end]
            if year.search(stated) and len(said & lemma_set(stated)) >= 2:
                note = "a date the profile's summary states"
                return make_claim(
                    quantity.text, "date", quantity.start, quantity.end, source.id, note
                )
    return None


_ITEM_YEAR = re.compile(r"(?:19|20)\d{2}[,;]?")


def own_list_item(before: str, size: int = 6) -> list[str]:
    """The last `size` words before a year, cut after an earlier year that closes a list item
    ("Findings of EMNLP 2019, BMVC 2021": 2021 is BMVC's, not EMNLP's): the earlier year
    must end with a comma or semicolon or be followed by "and", and a capitalised word must
    name the new item ("… in 2019 and left in 2021" is not cut)."""
    words = before.split()[-size:]
    for index in range(len(words) - 2, -1, -1):
        word = words[index]
        if not _ITEM_YEAR.fullmatch(word):
            continue
        rest = words[index + 1 :]
        closes = word.endswith((",", ";")) or rest[0].lower() in {"and", "&"}
        if closes and any(w[:1].isupper() for w in rest if w.lower() not in {"and", "&"}):
            return rest
        break
    return words


_OPENS_RANGE = re.compile(r"\s*(?:to|until|till|through|[-–—])\s*(?:19|20)\d{2}\b")


def degree_year(entry: Entry, quantity: Quantity, text: str) -> int | None:
    """The year a degree is dated by: its end ("a BSc from KTH (2014)" is refused for a degree
    finished in 2016), or its start when the year opens a range of years ("my PhD (2016 to
    2020)", "2016–2020")."""
    if not entry.months:
        return None
    year = int(quantity.value)
    if year == entry.months[0] // 12 and _OPENS_RANGE.match(text, quantity.end):
        return year
    return entry.months[1] // 12
