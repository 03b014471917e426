"""Small text helpers shared by matching: words, phrases, mentions, alternatives."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

_WORD = re.compile(r"[a-z0-9][a-z0-9+#.\-/]*[a-z0-9+#]|[a-z0-9]")
_STOPWORD_TEXT = """
    a about above after all also an and any are as at be been being both but by can could
    did do does doing each either etc for from had has have having he her his how i if in
    into is it its just may me more most must my no nor not of off on one or other our out
    over own same she should so some such than that the their them then there these they
    this those through to too under until up very was we were what when where which while
    who will with would you your yours plus e.g i.e eg ie well like per via using use used
    experience experiences experienced ability able strong solid good great excellent
    proven demonstrated hands-on working knowledge understanding familiarity familiar
    skills skill years year work role team teams including include includes least related
    field equivalent practical relevant preferred required requirement requirements nice
    have background similar various new way ways within across make making
    """
STOPWORDS = frozenset(_STOPWORD_TEXT.split())
_ALTERNATIVE_CUES = re.compile(
    r"\b(or|such as|e\.g\.|for example|one or more|at least one|any of|one of|either|"
    r"like)\b",
    re.IGNORECASE,
)
_ANY_OF_CUES = re.compile(
    r"\b(one or more of|at least one of|any of the following|one of the following|"
    r"any of these|one or more of these|either of)\b",
    re.IGNORECASE,
)


def words(text: str) -> list[str]:
    """Lower-case word tokens, keeping tech spellings (c++, c#, node.js, ci/cd)."""
    return [w.strip(".-/") or w for w in _WORD.findall(text.lower())]


def stem(word: str) -> str:
    """A light English stem so 'models'/'modeling'/'modelled' meet."""
    for suffix in ("ations", "ation", "ings", "ing", "ied", "ies", "ed", "es", "s"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def content_terms(text: str) -> list[str]:
    """Stemmed content words of `text`, stopwords dropped, order kept, no repeats."""
    return list(_content_terms(text))


@lru_cache(maxsize=8192)
def _content_terms(text: str) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for word in words(text):
        if word in STOPWORDS or len(word) < 2 or word.isdigit():
            continue
        seen.setdefault(stem(word), None)
    return tuple(seen)


@lru_cache(maxsize=4096)
def _mention_pattern(phrase: str) -> re.Pattern[str]:
    return re.compile(r"(?<![a-z0-9])" + re.escape(phrase.lower()) + r"(?![a-z0-9+#])")


def mentions(text: str, phrase: str) -> bool:
    """Whether `phrase` occurs in `text` as whole words, ignoring case."""
    phrase = phrase.strip()
    return bool(phrase) and _mention_pattern(phrase).search(text.lower()) is not None


def count_names(text: str, names: list[str]) -> Counter[str]:
    """How often each name (lower-cased) occurs in `text` as whole words, in one pass;
    a longer name wins where two overlap."""
    keys = tuple(sorted({n.lower() for n in names if n.strip()}, key=len, reverse=True))
    if not keys:
        return Counter()
    return Counter(m.lower() for m in _names_pattern(keys).findall(text.lower()))


def names_in(text: str, names: dict[str, str]) -> list[str]:
    """The display names (values of `names`, keyed lower-case) that `text` mentions."""
    if not names:
        return []
    pattern = _names_pattern(tuple(sorted(names, key=len, reverse=True)))
    return [names[m.lower()] for m in dict.fromkeys(pattern.findall(text.lower()))]


@lru_cache(maxsize=64)
def _names_pattern(keys: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(k) for k in keys if k)
    return re.compile(r"(?<![a-z0-9])(" + alternatives + r")(?![a-z0-9+#])")


def clauses(text: str) -> list[str]:
    """The parts of a requirement that stand on their own (split on ';' and sentences)."""
    parts = re.split(r";|\.\s+|\n", text)
    return [part.strip() for part in parts if part.strip()]


def offers_alternatives(clause: str) -> bool:
    """'PyTorch, TensorFlow or XGBoost': any one of the named things will do."""
    return _ALTERNATIVE_CUES.search(clause) is not None


def says_any_of(text: str) -> bool:
    """A requirement introducing a list where one item is enough."""
    return _ANY_OF_CUES.search(text) is not None


def shorten(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "item"
