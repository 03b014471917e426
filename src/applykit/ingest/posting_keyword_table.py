"""The key words of the posting's keyword scan (`posting_keywords.Scan`) and what serves it:
the registry (`needles`), the automaton over every registered word, the table of one pass,
word groups split once, and the joining of windows.
"""

from __future__ import annotations

import ahocorasick_rs

from applykit.ingest.posting_automata import matches

INDEX: dict[str, int] = {}
WORDS: list[str] = []
BORDERED: set[int] = set()  # words that can overlap themselves ("c2c"): filtered like find
BORDERED_WORDS: set[str] = set()
_state: dict[str, object] = {}


def needles(*words: str) -> tuple[str, ...]:
    """Register lower-case key words for the shared scan; returns them unchanged."""
    GROUPS.clear()  # a word registered now may be in a group already split
    for word in words:
        if word and word not in INDEX:
            INDEX[word] = len(WORDS)
            WORDS.append(word)
            if any(word[:k] == word[-k:] for k in range(1, len(word))):
                BORDERED.add(INDEX[word])
                BORDERED_WORDS.add(word)
    return words


def word_automaton() -> ahocorasick_rs.AhoCorasick:
    automaton = _state.get("automaton")
    if automaton is None or _state.get("size") != len(WORDS):
        automaton = ahocorasick_rs.AhoCorasick(
            list(WORDS), implementation=ahocorasick_rs.Implementation.DFA
        )
        _state["automaton"] = automaton
        _state["size"] = len(WORDS)
        _state["longest"] = max(map(len, WORDS))
    assert isinstance(automaton, ahocorasick_rs.AhoCorasick)
    return automaton


def longest() -> int:
    word_automaton()
    longest = _state["longest"]
    assert isinstance(longest, int)
    return longest


def occurrences_table(low: str, below: int | None = None) -> dict[str, list[int]]:
    """Every occurrence (overlapping ones too) of each registered word present in `low`."""
    table: dict[str, list[int]] = {}
    if not low:
        return table
    words = WORDS
    for index, start, _ in matches(word_automaton(), low):
        if below is not None and start >= below:
            continue
        word = words[index]
        found = table.get(word)
        if found is None:
            table[word] = [start]
        else:
            found.append(start)
    return table


def step_past(found: list[int], length: int) -> list[int]:
    """The occurrences a `str.find` loop that resumes after each hit sees."""
    kept: list[int] = []
    next_free = -1
    for at in found:
        if at >= next_free:
            kept.append(at)
            next_free = at + length
    return kept


class Group:
    """A tuple of words as `Scan.spans` and `Scan.starts` ask about it, split once: the
    registered words (a set, to meet a scan's table in one C-level intersection) and the rest."""

    __slots__ = ("plain", "registered")

    def __init__(self, words: tuple[str, ...]) -> None:
        self.registered = frozenset(word for word in words if word in INDEX)
        # Every word registered and none twice: the order of the words does not matter.
        self.plain = len(self.registered) == len(words)


GROUPS: dict[tuple[str, ...], Group] = {}


def group_of(words: tuple[str, ...]) -> Group:
    group = GROUPS.get(words)
    if group is None:
        group = GROUPS[words] = Group(words)
    return group


def merge(hits: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """`posting_text.merge_windows(hits)`: sorted, overlapping or touching windows joined."""
    if not hits:
        return []
    hits.sort()
    merged: list[tuple[int, int]] = []
    last_start, last_end = hits[0]
    for start, end in hits:
        if start <= last_end:
            if end > last_end:
                last_end = end
        else:
            merged.append((last_start, last_end))
            last_start, last_end = start, end
    merged.append((last_start, last_end))
    return merged
