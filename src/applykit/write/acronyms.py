"""Acronyms a letter uses for phrases of the profile or the posting ("QA" ← "question
answering", "UW" ← "University of Washington", "PSI" ← "population-stability" index) and
names it spells out that the profile writes as an acronym."""

from __future__ import annotations

import functools
import re

from applykit.write.evidence import Evidence, Source
from applykit.write.text_units import CONTENT_STOPWORDS


def acronym_source(name: str, evidence: Evidence) -> str | None:
    """A two- or three-letter acronym whose letters start the consecutive content words of a
    phrase in the profile ("QA" ← "question answering"), of a name with its small words
    skipped ("UW" ← "University of Washington"), or of a phrase and the measure it names
    ("PSI" ← "population-stability" tests: its index); "GPA" names an education score."""
    if name.rstrip("s") in _SCORE_LABELS:
        return next((s.id for s in _education(evidence) if _SCORE.search(s.text)), None)
    if not re.fullmatch(r"[A-Z]{2,3}s?", name):
        return None
    letters = name.rstrip("s")
    longer = re.compile(rf"\b{letters}[A-Z]{{1,3}}\b")
    if any(longer.search(source.text) for source in evidence.sources):
        return None  # "CKA" when the profile spells "CKAD": another credential, not a short form
    found = _initials_source(letters, evidence)
    if found is None and len(letters) == 3 and letters[-1] in _MEASURE_HEADS:
        found = _initials_source(letters[:-1], evidence)
    return found


_SCORE_LABELS = frozenset({"GPA", "CGPA"})
_SCORE = re.compile(r"\b\d(?:\.\d+)?\s*/\s*\d(?:\.\d+)?\b")
_MEASURE_HEADS = frozenset("ISRT")
"""… Index, Score, Rate, Test: the measure an acronym adds to a phrase ("PSI")."""


def _education(evidence: Evidence) -> list[Source]:
    ids = {degree_id for _, _, degree_id in evidence.degree_fields}
    return [source for source in evidence.sources if source.id in ids]


@functools.lru_cache(maxsize=256)
def _initials_patterns(letters: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    words = re.compile(
        r"(?<![\w-])" + r"[a-z]{2,}[\s-]+".join(letters.lower()) + r"[a-z]{2,}(?![\w-])",
        re.IGNORECASE,
    )
    name = re.compile(
        r"(?<![\w-])" + r"[a-z]+(?:\s+(?:of|for|and|the))*\s+".join(letters) + r"[a-z]+(?![\w-])"
    )
    return words, name


def _initials_source(letters: str, evidence: Evidence) -> str | None:
    words, name = _initials_patterns(letters)
    for source in evidence.sources:
        for found in words.finditer(source.text):
            if not CONTENT_STOPWORDS & set(re.split(r"[\s-]+", found.group(0).lower())):
                return source.id
        if name.search(source.text):
            return source.id
    return None


_JOINED_NAMES = re.compile(r"[A-Z][a-z]+(?:[-–—][A-Z][a-z]+)+")


def expansion_source(start: int, end: int, text: str, evidence: Evidence) -> str | None:
    """A name that spells out an acronym of the profile: "Kolmogorov–Smirnov tests" for the
    profile's "KS drift tests" (the initials of the joined names, as a whole word)."""
    for match in _JOINED_NAMES.finditer(text, max(0, start - 40), min(len(text), end + 40)):
        if not (match.start() <= start and end <= match.end()):
            continue
        initials = "".join(part[0] for part in re.split(r"[-–—]", match.group(0)))
        pattern = re.compile(r"(?<![\w-])" + initials + r"(?![\w-])")
        for source in evidence.sources:
            if pattern.search(source.text):
                return source.id
    return None
