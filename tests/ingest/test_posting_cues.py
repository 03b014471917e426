"""Faster rewrites of posting-structure steps answer exactly what the former code answered.

The former patterns and functions are kept here, verbatim, as the reference; each rewrite is
compared with its reference on seeded random texts built from the words and characters that
matter (mixed case, the letters that case-fold oddly, punctuation, line ends). The speed work
compared each on 150,000+ texts; these tests keep a few thousand so they stay fast.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable

import pytest

from applykit.ingest import posting_cues as cues
from applykit.ingest.posting_assemble import _ENGLISH_WORD
from applykit.ingest.posting_glue import _GLUE_CANDIDATE, _glue_candidates
from applykit.ingest.posting_text import fold, sentences
from applykit.ingest.postings import parse_posting

# The former case-insensitive patterns, asked of the text as written.
_FORMER = {
    "cue": r"(?i)\bexperience|\byears?\b|\bdegree|\bknowledge|\babilit|\bable to\b|\bskills\b"
    r"|proficien|familiar|\bmust\b|\brequired\b|certif|licen[cs]e|understanding|background in"
    r"|\bstrong\b|\bexcellent\b|\bproven\b|\bfluent|\bdiploma|\bpreferred\b|\bplus\b",
    "boilerplate": r"(?i)equal (?:employment )?opportunit|affirmative action|all applicants"
    r"|applicants applying|reasonable accommodation|e-verify|drug[- ]free|until filled"
    r"|all qualified|world[’']s (?:first|largest)|privacy (?:notice|policy)"
    r"|^(?:full|part)[- ]time$|\boffers\b.{0,40}\b(?:benefits|incentives|401)"
    r"|easy apply|apply now|\bclick (?:here|our|the|on)\b|follow (?:us|our)|learn more about",
    "voice": r"(?i)\b(?:we|our|us)\b",
    "preferred": r"(?i)\(preferred\)|\bpreferred\b|\bis a plus\b|\ba plus\b|\bnice to have\b"
    r"|\bbonus\b|\bhelpful but not required\b|\bis helpful\b|\bideally\b|\bdesirable\b",
    "requirement": r"(?i)\b(?:we(?:'re| are) looking for|you have|you bring|you should have"
    r"|must have|must be|required|requirements?|experience (?:with|in)|knowledge of|degree"
    r"|proficien|familiar(?:ity)? with|ability to|\d\+? years)\b",
    "not_requirement": r"(?i)\bsalary\b|\bbenefits?\b|equal opportunity|to apply|\bwe offer\b",
    "responsibility": r"(?i)\byou(?:'ll| will)\b|\byour (?:role|job|responsibilities)\b"
    r"|\bresponsible for\b",
    "company_line": r"(?i)\bis one of\b|\bfounded\b|\bwe are an?\b|\bis hiring\b",
    "english": r"(?i)\b(?:the|and|you|with|for|our|will|are|of|to)\b",
    "reader": r"(?i)\byou(?:r|'ll)?\b|looking for|hiring|seeking|\bjoin\b",
}


def _found(pattern: re.Pattern[str]) -> Callable[[str], bool]:
    return lambda low: pattern.search(low) is not None


_NEW: dict[str, Callable[[str], bool]] = {
    "cue": _found(cues.REQUIREMENT_CUE),
    "boilerplate": cues.boilerplate,
    "voice": _found(cues.COMPANY_VOICE),
    "preferred": _found(cues.PREFERRED_ITEM),
    "requirement": cues.requirement_sentence,
    "not_requirement": _found(cues.NOT_REQUIREMENT_SENTENCE),
    "responsibility": _found(cues.RESPONSIBILITY_SENTENCE),
    "company_line": _found(cues.COMPANY_LINE),
    "english": _found(_ENGLISH_WORD),
    "reader": _found(cues.ADDRESSES_READER),
}
_TRICKY = [*"İıſKéßẞΣ_15+()’'-.,:$Ⅰǅ", " ", " ", "  ", "\n", "x", "s", "a"]
_PHRASES = [
    "you will", "you'll", "your role", "responsible for", "is one of", "is hiring", "we are a",
    "we're looking for", "5 years", "10+ years", "offers great benefits", "world’s largest",
    "click here", "is a plus", "nice to have", "full-time", "part time", "years",
]  # fmt: skip


def _words(pattern: str) -> list[str]:
    found = set(re.findall(r"[a-z’'][a-z’' -]*[a-z]|[a-z]{2,}|401", pattern))
    return sorted(found | {part for word in found for part in word.split()})


def _variant(rng: random.Random, word: str) -> str:
    roll = rng.random()
    if roll < 0.5:
        return word
    if roll < 0.65:
        return word.upper()
    if roll < 0.8:
        return word.capitalize()
    mixed = "".join(c.upper() if rng.random() < 0.5 else c for c in word)
    return mixed.replace("i", rng.choice("iİıI")).replace("s", rng.choice("sſS"))


def _text(rng: random.Random, words: list[str]) -> str:
    parts: list[str] = []
    for _ in range(rng.randint(0, 12)):
        if rng.random() < 0.55:
            word = rng.choice(words)
            if rng.random() < 0.2 and len(word) > 3:
                cut = rng.randrange(len(word))
                word = word[:cut] + word[cut + 1 :]
            parts.append(_variant(rng, word))
        else:
            parts.append(rng.choice(_TRICKY))
    return "".join(parts)


@pytest.mark.parametrize("name", sorted(_FORMER))
def test_folded_cue_answers_as_the_case_insensitive_original(name: str) -> None:
    former = re.compile(_FORMER[name])
    words = _words(_FORMER[name]) + _PHRASES
    rng = random.Random(name)
    matched = 0
    for _ in range(2500):
        text = _text(rng, words)
        expected = former.search(text) is not None
        matched += expected
        assert _NEW[name](fold(text)) is expected, text
    assert matched > 60  # the texts exercise the pattern, not only its misses


def _former_sentences(text: str) -> list[str]:
    end = re.compile(
        r"\s(?:(?<=[a-z0-9)\]%][.!?]\s)\s*(?=[A-Z(\"“])|(?<=[.!?][\"”]\s)\s*|(?<=\n)\n*)"
    )
    if "." not in text and "!" not in text and "?" not in text and "\n" not in text:
        text = text.strip()
        return [text] if text else []
    return [part.strip() for part in end.split(text) if part.strip()]


def test_sentences_split_as_the_former_splitter() -> None:
    pieces = [*'aZ0)]%.!?"”“( \n\t\u00a0\u2003xB', "word", "Word", ". ", ".\n", "\n\n"]
    pieces += ["e.g. ", "U.S. ", "5.0 ", ". (", '." ', ".” ", "? ", "!  A"]
    rng = random.Random(11)
    for _ in range(8000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 25)))
        assert sentences(text) == _former_sentences(text), text


def test_glue_candidates_are_the_regex_matches() -> None:
    pieces = [*"abcxyzABCXYZ.) éÉİı-", "abc", "Sell", "industries", "ion.", "ing)", "JavaScript"]
    rng = random.Random(5)
    for _ in range(8000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 40)))
        if rng.random() < 0.5:
            text = text.encode("ascii", "ignore").decode()
        assert _glue_candidates(text) == [m.start() for m in _GLUE_CANDIDATE.finditer(text)]


def test_a_lone_surrogate_is_read_not_a_crash() -> None:
    posting = parse_posting("Data Engineer\n\ud800Requirements:\n- 5 years of SQL\n", skills=False)
    assert posting.title == "Data Engineer"
    assert "\ud800" not in posting.description
    assert [r.text for r in posting.requirements] == ["5 years of SQL"]
