"""Aho-Corasick passes over a text for a short, fixed list of words (not the posting's keyword
scan, `posting_keywords.Scan`): where any of them occurs, or where each of them does.

A lone surrogate (which UTF-8 cannot hold, and no word contains) is read as U+FFFD, which
keeps every offset.
"""

from __future__ import annotations

import re

import ahocorasick_rs

_SURROGATE = re.compile("[\ud800-\udfff]")


def matches(automaton: ahocorasick_rs.AhoCorasick, text: str) -> list[tuple[int, int, int]]:
    """The automaton's overlapping matches; a lone surrogate (which UTF-8 cannot hold, and no
    word contains) is read as U+FFFD, which keeps every offset."""
    try:
        return automaton.find_matches_as_indexes(text, overlapping=True)
    except UnicodeEncodeError:
        return automaton.find_matches_as_indexes(_SURROGATE.sub("\ufffd", text), overlapping=True)


_SMALL: dict[tuple[str, ...], ahocorasick_rs.AhoCorasick] = {}


def _small(words: tuple[str, ...]) -> ahocorasick_rs.AhoCorasick:
    """The automaton for `words`, built on first use."""
    automaton = _SMALL.get(words)
    if automaton is None:
        automaton = ahocorasick_rs.AhoCorasick(
            words, implementation=ahocorasick_rs.Implementation.DFA
        )
        _SMALL[words] = automaton
    return automaton


def occurrences(low: str, words: tuple[str, ...]) -> list[int]:
    """Where any of `words` starts in `low` (overlapping hits too), from one automaton pass.

    For a short list of words looked for in a text other than the posting body.
    """
    return [start for _, start, _ in matches(_small(words), low)]


_LAST_EACH: list[tuple[str, tuple[str, ...], list[tuple[int, int]]]] = []


def occurrences_of_each(text: str, words: tuple[str, ...]) -> list[tuple[int, int]]:
    """(index in `words`, start) of every occurrence of each of `words` in `text` (overlapping
    ones too), from one automaton pass: what a `str.find` loop per word, stepping by one, finds.

    The answer for the last text and words is remembered (two steps may ask about the same).
    """
    if _LAST_EACH:
        last_text, last_words, found = _LAST_EACH[0]
        if last_words is words and (last_text is text or last_text == text):
            return found
    found = _occurrences_of_each(text, words)
    _LAST_EACH[:] = [(text, words, found)]
    return found


def _occurrences_of_each(text: str, words: tuple[str, ...]) -> list[tuple[int, int]]:
    return [(index, start) for index, start, _ in matches(_small(words), text)]
