"""Spoken languages: "fluent in German", "Swedish (native)", "I speak Japanese", "my German is
basic" — a language the profile lists, at no higher a level than it gives."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from applykit.models.documents import Claim
from applykit.write.claim_scope import unclaimed_reason
from applykit.write.text_units import sentence_around, words
from applykit.write.tracing import make_claim, voice_at

if TYPE_CHECKING:
    from applykit.write.evidence import Evidence


_LANGUAGES = words(
    """
    english swedish german french spanish portuguese italian dutch danish norwegian finnish
    icelandic polish czech slovak hungarian romanian bulgarian greek turkish russian ukrainian
    arabic hebrew persian farsi hindi urdu bengali punjabi tamil telugu mandarin cantonese
    chinese japanese korean vietnamese thai indonesian malay tagalog swahili yoruba igbo hausa
    amharic zulu afrikaans catalan basque estonian latvian lithuanian serbian croatian
    """
)
_LEVELS = {
    "native": 5,
    "mother tongue": 5,
    "bilingual": 4,
    "fluent": 4,
    "fluency": 4,
    "proficient": 4,
    "c2": 4,
    "c1": 4,
    "professional": 3,
    "business": 3,
    "b2": 3,
    "conversational": 2,
    "intermediate": 2,
    "b1": 2,
    "elementary": 1,
    "basic": 1,
    "beginner": 1,
    "learner": 1,
    "a2": 1,
    "a1": 1,
}
_LEVEL = (
    r"(?P<level>(?i:native|bilingual|fluent|proficient|conversational|intermediate|elementary|"
    r"basic))"
)
_LANGUAGE_CLAIM_RE = re.compile(
    rf"\b{_LEVEL}\s+(?:in\s+|at\s+|speaker\s+of\s+)?(?P<lang>[A-Z][a-z]+)\b"
    r"|\b(?P<lang2>[A-Z][a-z]+)\s+\((?P<level2>native|fluent|[ABC][12])\)"
    r"|\b(?:speak|speaks|speaking)\s+(?:(?P<level3>fluent|native|basic|some|a\s+(?:little|bit\s+of)|"
    r"rusty|broken|passable|decent)\s+)?(?P<lang3>[A-Z][a-z]+)\b"
    r"|\b[Mm]y\s+(?P<lang4>[A-Z][a-z]+)\s+is\s+(?:(?:now|very|quite|fully|only|still|at)\s+)?"
    r"(?:an?\s+)?(?P<level4>native|bilingual|fluent|proficient|conversational|intermediate|"
    r"elementary|basic|[ABC][12]|non-?existent|zero)\b"
)
"""… "fluent in German", "Swedish (native)", "I speak Japanese", "my German is basic"."""
_NO_LEVEL = frozenset({"non-existent", "nonexistent", "zero"})
_HEDGED = {
    "some": 1,
    "a little": 1,
    "a bit of": 1,
    "rusty": 1,
    "broken": 1,
    "passable": 1,
    "decent": 2,
}
"""… "I speak some Yoruba": a modest level, still a claim to speak the language."""


def _profile_levels(evidence: Evidence) -> dict[str, tuple[int, str, str]]:
    levels: dict[str, tuple[int, str, str]] = {}
    for source in evidence.sources:
        if not source.id.startswith("languages["):
            continue
        name, _, fluency = source.text.partition(" · ")
        lowered = fluency.lower()
        rank = max((r for word, r in _LEVELS.items() if word in lowered), default=3)
        levels[name.strip().lower()] = (rank, fluency or "no level given", source.id)
    return levels


def trace_languages(text: str, evidence: Evidence) -> list[Claim]:
    """ "fluent in German", "Swedish (native)", "I speak Japanese": a spoken language the
    profile lists, at no higher a level than it gives. A level covers the whole list it is
    written beside ("conversational in Yoruba and Norwegian", "English and Swedish (native)"),
    and a "Languages:" line claims every language it names."""
    levels = _profile_levels(evidence)
    claims: list[Claim] = []
    for match in _LANGUAGE_CLAIM_RE.finditer(text):
        lang = (
            match.group("lang")
            or match.group("lang2")
            or match.group("lang3")
            or match.group("lang4")
            or ""
        )
        if lang.lower() not in _LANGUAGES | set(levels):
            continue  # "fluent in Python" is not a spoken language
        if voice_at(text, match.start(), evidence)[0] == "company":
            continue
        level_word = (
            match.group("level")
            or match.group("level2")
            or match.group("level3")
            or match.group("level4")
            or ""
        ).lower()
        level_word = " ".join(level_word.split())
        claimed = _LEVELS.get(level_word, _HEDGED.get(level_word, 0))
        if level_word in _NO_LEVEL or unclaimed_reason(match.start(), match.end(), text) == (
            "negated"
        ):  # "I do not speak German yet", "My German is non-existent": no claim to have it
            note = "a language the candidate says they do not speak"
            claims.append(make_claim(match.group(0), "skill", *match.span(), "negated", note))
            continue
        spans = [(lang, match.start(), match.end())]
        if match.group("lang2"):  # "English and Swedish (native)": the items before it
            spans += _listed_before(text, match.start("lang2"), levels)
        else:  # "native speaker of English and Swedish": the items after it
            spans += _listed_after(text, match.end(), levels)
        for name, start, end in spans:
            claims.append(_language_claim(name, claimed, text[start:end], start, end, levels))
    claims += _languages_line(text, claims, levels)
    return claims


def _language_claim(
    lang: str,
    claimed: int,
    span: str,
    start: int,
    end: int,
    levels: dict[str, tuple[int, str, str]],
) -> Claim:
    known = levels.get(lang.lower())
    if known is None:
        note = "a language the profile does not list"
        return make_claim(span, "skill", start, end, None, note)
    if claimed > known[0]:
        note = f"more fluent than the profile says ({lang}: {known[1]})"
        return make_claim(span, "skill", start, end, None, note)
    note = f"a language in the profile ({known[1]})"
    return make_claim(span, "skill", start, end, known[2], note)


_NEXT_ITEM = re.compile(r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)(?P<lang>[A-Z][a-z]+)\b")
_ITEM_BEFORE = re.compile(r"\b(?P<lang>[A-Z][a-z]+)(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)$")


def _is_language(word: str, levels: dict[str, tuple[int, str, str]]) -> bool:
    return word.lower() in _LANGUAGES or word.lower() in levels


def _listed_after(
    text: str, position: int, levels: dict[str, tuple[int, str, str]]
) -> list[tuple[str, int, int]]:
    found = []
    while (item := _NEXT_ITEM.match(text, position)) and _is_language(item.group("lang"), levels):
        found.append((item.group("lang"), item.start("lang"), item.end("lang")))
        position = item.end()
    return found


def _listed_before(
    text: str, position: int, levels: dict[str, tuple[int, str, str]]
) -> list[tuple[str, int, int]]:
    found = []
    while (item := _ITEM_BEFORE.search(text, max(0, position - 40), position)) and _is_language(
        item.group("lang"), levels
    ):
        found.append((item.group("lang"), item.start("lang"), item.end("lang")))
        position = item.start()
    return found


_LANGUAGES_LINE = re.compile(
    r"^[#*\s-]*(?:spoken\s+)?languages?\b[*:.\s]", re.IGNORECASE | re.MULTILINE
)
_WORD = re.compile(r"\b[A-Z][a-z]+\b")


def _languages_line(
    text: str, claims: list[Claim], levels: dict[str, tuple[int, str, str]]
) -> list[Claim]:
    """ "Languages: English, Swedish, Norwegian.": every language the line names is claimed."""
    found: list[Claim] = []
    taken = [(claim.start, claim.end) for claim in claims]
    for line in _LANGUAGES_LINE.finditer(text):
        sentence = sentence_around(text, line.end())
        for word in _WORD.finditer(text, line.end(), sentence.end):
            if not _is_language(word.group(0), levels) or any(
                a <= word.start() < b for a, b in taken
            ):
                continue
            found.append(
                _language_claim(word.group(0), 0, word.group(0), word.start(), word.end(), levels)
            )
    return found
