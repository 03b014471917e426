"""Word matching for the guard: whole lemmas, not prefixes.

`text_units.stem` keeps five letters, so "analyst" and "analysed" (and "transformer" and
"transform") meet. The guard compares the words around a number with a fact's words through
`lemma` instead: inflections off ("raised", "raising" → "rais"; "cutting" → "cut"; "teams" →
"team"), nothing else, so different words stay different.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Sequence
from importlib.resources import files
from typing import TYPE_CHECKING, TypeVar

from applykit.write.text_units import CONTENT_STOPWORDS, words

if TYPE_CHECKING:
    from applykit.write.evidence import Source

_S = TypeVar("_S", bound="Source")

_WORD_RE = re.compile(r"[a-zA-Z][a-zA-Z0-9]*")
_IRREGULAR = {
    "ran": "run",
    "led": "lead",
    "built": "build",
    "grew": "grow",
    "grown": "grow",
    "wrote": "write",
    "written": "write",
    "brought": "bring",
    "took": "take",
    "taken": "take",
    "drove": "drive",
    "driven": "drive",
    "won": "win",
    "spent": "spend",
    "held": "hold",
    "kept": "keep",
    "taught": "teach",
    "people": "person",
}
_VOWELS = set("aeiou")
_SAME_THING = {
    "user": "person",  # "about 200 people a week" ← "about 200 weekly users"
    "daily": "day",
    "nightly": "night",
    "weekly": "week",
    "monthly": "month",
    "yearly": "year",
    "annual": "year",
    "annually": "year",
    "hourly": "hour",
}
"""Words that say the same thing in a claim about a number: the period of a rate, written as
an adjective or as "a week", and the people a product serves."""


@functools.lru_cache(maxsize=4096)
def lemma(word: str) -> str:
    """A word without its inflection: plural, past tense, -ing, a final silent e; a word of
    `_SAME_THING` as the word it stands for."""
    base = _inflection_removed(word.lower())
    return _SAME_THING.get(base, base)


def _inflection_removed(word: str) -> str:
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    for irregular in ("built", "wrote", "written", "took", "taken", "brought", "held"):
        if word.endswith(irregular) and len(word) > len(irregular) + 1:  # "rebuilt", "overtook"
            return word[: -len(irregular)] + _IRREGULAR[irregular]
    if len(word) > 4 and word.endswith(("ies", "ied")):
        return word[:-3] + "y"
    for ending in ("ing", "ed", "es", "s"):
        if not word.endswith(ending) or len(word) - len(ending) < 3:
            continue
        if ending == "s" and word.endswith(("ss", "us", "is")):
            break
        word = word[: -len(ending)]
        if len(word) > 3 and word[-1] == word[-2] and word[-1] not in _VOWELS | {"l", "s"}:
            word = word[:-1]
        break
    if len(word) > 3 and word.endswith("e"):
        word = word[:-1]
    return word


def lemma_set(text: str) -> frozenset[str]:
    """Lemmas of the content words of a text (hyphenated words split, stopwords out)."""
    found: set[str] = set()
    for word in _WORD_RE.findall(text.lower()):
        if len(word) < 3 and not any(ch.isdigit() for ch in word):
            continue
        if word in CONTENT_STOPWORDS:
            continue
        found.add(lemma(word))
    return frozenset(found)


def lemma_index(sources: Sequence[_S]) -> dict[str, _S]:
    """Each lemma found in the sources, with the first source that has it."""
    index: dict[str, _S] = {}
    for source in sources:
        for word in lemma_set(source.text):
            index.setdefault(word, source)
    return index


MODIFIERS = words("low high large small fast quick big real time scale scalable robust modern")
"""Grading words a skill phrase may add to a noun the profile has ("low-latency")."""


def lemma_match(phrase: str, index: dict[str, _S]) -> _S | None:
    """The source of a phrase whose every content word (grading words aside) is in the
    profile as some form of the same word ("Mentoring" ← "Mentored 4 engineers")."""
    words = [w for w in lemma_set(phrase) if w not in MODIFIERS]
    if not words or any(word not in index for word in words):
        return None
    return index[words[0]]


@functools.lru_cache(maxsize=1)
def english_vocabulary() -> frozenset[str]:
    """Whole words of the bundled (uncased English) tokenizer: ordinary words such as
    "faster", as opposed to tool names such as "kubernetes" that it splits into pieces."""
    path = files("applykit") / "data" / "tokenizer" / "tokenizer.json"
    try:
        vocab = json.loads(path.read_text(encoding="utf-8"))["model"]["vocab"]
    except (OSError, KeyError, ValueError):  # pragma: no cover - the file ships with the package
        return frozenset()
    return frozenset(word for word in vocab if word.isalpha())
