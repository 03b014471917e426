"""Aho-Corasick passes over a text for a fixed list of words: where any of them occurs, or
where each of them does. `WordFinder` reads the text one byte per character (it also serves
the posting's keyword scan, `posting_keyword_table`); `matches` reads a `str`, where a lone
surrogate (which UTF-8 cannot hold, and no word contains) is read as U+FFFD, which keeps every
offset.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import ahocorasick_rs

_SURROGATE = re.compile("[\ud800-\udfff]")


def matches(automaton: ahocorasick_rs.AhoCorasick, text: str) -> list[tuple[int, int, int]]:
    """The automaton's overlapping matches; a lone surrogate (which UTF-8 cannot hold, and no
    word contains) is read as U+FFFD, which keeps every offset."""
    try:
        return automaton.find_matches_as_indexes(text, overlapping=True)
    except UnicodeEncodeError:
        return automaton.find_matches_as_indexes(_SURROGATE.sub("\ufffd", text), overlapping=True)


class WordFinder:
    """Every occurrence of each of a fixed list of words, overlapping ones too, from one
    automaton pass over the text read one byte per character: `str.encode("ascii",
    "replace")` keeps ASCII and writes `?` for any other character, so offsets are the text's
    own (a `str` automaton reads the UTF-8 bytes and maps every offset back: slower).

    A word's view is its own encoding: where the text holds the word, the view holds the
    word's view. A view with a `?` may also stand where the text holds other characters, so
    each such hit is checked against the text; a view of `?` only would stand at every
    non-ASCII character, so those words are looked for with `str.find` instead (`rare`).
    """

    __slots__ = ("automaton", "owners", "rare", "sure", "words")

    def __init__(self, words: Sequence[str]) -> None:
        views: dict[bytes, list[int]] = {}  # view → the indexes of the words it stands for
        self.rare: list[int] = []
        for index, word in enumerate(words):
            view = word.encode("ascii", "replace")
            if view.strip(b"?"):
                views.setdefault(view, []).append(index)
            else:
                self.rare.append(index)
        self.words = tuple(words)
        self.owners = list(views.values())
        # Per view: its one word where a hit is always that word's occurrence, else -1.
        self.sure = [
            owners[0] if len(owners) == 1 and b"?" not in view else -1
            for view, owners in views.items()
        ]
        self.automaton = ahocorasick_rs.BytesAhoCorasick(
            list(views), implementation=ahocorasick_rs.Implementation.DFA
        )

    def hits(self, text: str) -> list[tuple[int, int, int]]:
        """(view, start, end) of every view in `text`'s view: see `sure` and `checked`."""
        return self.automaton.find_matches_as_indexes(
            text.encode("ascii", "replace"), overlapping=True
        )

    def checked(self, text: str, view: int, start: int) -> list[int]:
        """The words of a hit of `view` (not `sure`) at `start` that `text` holds there."""
        words = self.words
        return [index for index in self.owners[view] if text.startswith(words[index], start)]

    def rare_hits(self, text: str) -> list[tuple[int, int]]:
        """(word index, start) of every occurrence of the `rare` words, word by word."""
        found: list[tuple[int, int]] = []
        ascii_text = text.isascii()
        for index in self.rare:
            word = self.words[index]
            if ascii_text and not word.isascii():
                continue
            at = text.find(word)
            while at != -1:
                found.append((index, at))
                at = text.find(word, at + 1)
        return found

    def find(self, text: str) -> list[tuple[int, int]]:
        """(word index, start) of every occurrence of every word in `text`: those with a view
        in the automaton's order (by where they end), then the rare ones, word by word."""
        if not text:
            return []
        sure = self.sure
        found: list[tuple[int, int]] = []
        for view, start, _ in self.hits(text):
            index = sure[view]
            if index >= 0:
                found.append((index, start))
            else:
                found += [(index, start) for index in self.checked(text, view, start)]
        if self.rare:
            found += self.rare_hits(text)
        return found


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
    finder = _FINDERS.get(words)
    if finder is None:
        finder = _FINDERS[words] = WordFinder(words)
    return finder.find(text)


_FINDERS: dict[tuple[str, ...], WordFinder] = {}
