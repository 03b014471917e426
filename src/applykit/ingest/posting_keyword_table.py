"""The key words of the posting's keyword scan (`posting_keywords.Scan`) and what serves it:
the registry (`needles`), the finder of every registered word, the table of one pass,
word groups split once, and the joining of windows.
"""

from __future__ import annotations

from applykit.ingest.posting_automata import WordFinder

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


def word_finder() -> WordFinder:
    """The finder of every registered word (built again when more words are registered)."""
    finder = _state.get("finder")
    if finder is None or _state.get("size") != len(WORDS):
        finder = WordFinder(WORDS)
        _state["finder"] = finder
        _state["size"] = len(WORDS)
        _state["longest"] = max(map(len, WORDS))
    assert isinstance(finder, WordFinder)
    return finder


def longest() -> int:
    word_finder()
    longest = _state["longest"]
    assert isinstance(longest, int)
    return longest


def occurrences_table(low: str, below: int | None = None) -> dict[str, list[int]]:
    """Every occurrence (overlapping ones too) of each registered word present in `low`."""
    table: dict[str, list[int]] = {}
    if not low:
        return table
    finder = word_finder()
    sure, words = finder.sure, WORDS
    for view, start, _ in finder.hits(low):
        if below is not None and start >= below:
            continue
        index = sure[view]
        if index < 0:  # a view that may stand for other text: the words really there
            for index in finder.checked(low, view, start):
                table.setdefault(words[index], []).append(start)
            continue
        word = words[index]
        found = table.get(word)
        if found is None:
            table[word] = [start]
        else:
            found.append(start)
    if finder.rare:
        for index, start in finder.rare_hits(low):
            if below is None or start < below:
                table.setdefault(words[index], []).append(start)
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
