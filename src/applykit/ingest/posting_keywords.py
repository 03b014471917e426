"""One scan of a posting's lower-cased text for every keyword the field extractors look for.

The extractors (pay, type, work mode, years, degree, company, title…) run their regexes only in
windows around their key words. Looking for each word with `str.find` cost about 160 scans of
the body per posting (~0.5 ms for 5 kB); a single Aho-Corasick pass over the lower-cased text
finds every registered word at once (~20 µs), and `Scan` answers each extractor's questions
from it. `Scan.spans(needles, …)` returns exactly what `posting_text.spans(text.lower(),
needles, …)` returns: the same occurrences (non-overlapping, left to right, per needle), the
same limit and the same merged windows.

Words are registered with `needles(...)` when a module is imported; the automaton is built on
first use (and again if more words are registered later). A word that was never registered is
still answered, with `str.find`.
"""

from __future__ import annotations

import ahocorasick_rs

_INDEX: dict[str, int] = {}
_WORDS: list[str] = []
_BORDERED: set[int] = set()  # words that can overlap themselves ("c2c"): filtered like find
_state: dict[str, object] = {}
_NONE: list[int] = []


def needles(*words: str) -> tuple[str, ...]:
    """Register lower-case key words for the shared scan; returns them unchanged."""
    for word in words:
        if word and word not in _INDEX:
            _INDEX[word] = len(_WORDS)
            _WORDS.append(word)
            if any(word[:k] == word[-k:] for k in range(1, len(word))):
                _BORDERED.add(_INDEX[word])
    return words


def _automaton() -> ahocorasick_rs.AhoCorasick:
    automaton = _state.get("automaton")
    if automaton is None or _state.get("size") != len(_WORDS):
        automaton = ahocorasick_rs.AhoCorasick(
            list(_WORDS), implementation=ahocorasick_rs.Implementation.DFA
        )
        _state["automaton"] = automaton
        _state["size"] = len(_WORDS)
        _state["longest"] = max(map(len, _WORDS))
    assert isinstance(automaton, ahocorasick_rs.AhoCorasick)
    return automaton


def _longest() -> int:
    _automaton()
    longest = _state["longest"]
    assert isinstance(longest, int)
    return longest


class Scan:
    """A text, its lower-cased form, and where each registered word occurs in the latter."""

    __slots__ = ("_cut", "_known", "_occ", "_parent", "_positions", "_prefix_len", "low", "text")

    def __init__(self, text: str, low: str | None = None) -> None:
        self.text = text
        self.low = text.lower() if low is None else low
        self._occ: dict[int, list[int]] | None = None
        self._positions: dict[str, list[int]] = {}
        self._parent: Scan | None = None
        self._prefix_len = 0
        self._cut = 0
        self._known = 0  # how many registered words the occurrences cover

    def derive(self, prefix: str = "", stop: int | None = None) -> Scan:
        """The scan of `prefix + self.text[:stop]`, reusing this scan's occurrences.

        Lower-casing works character by character, so the lower-cased joined text is the
        joined lower-cased parts, unless a character changes length when lower-cased (only
        "İ" does); then the new text is scanned on its own.
        """
        if not prefix and (stop is None or stop >= len(self.text)):
            return self
        body = self.text if stop is None else self.text[:stop]
        text = prefix + body if prefix else body
        prefix_low = prefix.lower()
        if len(prefix_low) != len(prefix) or len(self.low) != len(self.text):
            return Scan(text)
        low = prefix_low + self.low[: len(body)] if prefix else self.low[: len(body)]
        derived = Scan(text, low)
        derived._parent = self
        derived._prefix_len = len(prefix)
        derived._cut = len(body)
        return derived

    def _occurrences(self) -> dict[int, list[int]]:
        """Every occurrence (overlapping too) of each registered word: one automaton pass."""
        occ = self._occ
        if occ is None:
            occ = {}
            text = self.low
            if self._parent is not None:  # only the words that start in the prefix
                text = text[: self._prefix_len + _longest() - 1] if self._prefix_len else ""
            self._known = len(_WORDS)
            matches = _automaton().find_matches_as_indexes(text, overlapping=True) if text else []
            for index, start, _ in matches:
                found = occ.get(index)
                if found is None:
                    occ[index] = [start]
                else:
                    found.append(start)
            if self._parent is not None:
                size = self._prefix_len
                occ = {i: [s for s in starts if s < size] for i, starts in occ.items()}
                self._known = min(self._known, self._parent._known_words())
            self._occ = occ
        return occ

    def _known_words(self) -> int:
        self._occurrences()
        return self._known

    def _occurrences_of(self, index: int) -> list[int]:
        own = self._occurrences().get(index, _NONE)
        parent = self._parent
        if parent is None:
            return own
        inherited = parent._occurrences_of(index)
        if inherited:
            size, last = self._prefix_len, self._cut - len(_WORDS[index])
            inherited = [s + size for s in inherited if s <= last]
        return own + inherited if own else inherited

    def positions(self, needle: str) -> list[int]:
        """Where `needle` occurs in `low`, as a `str.find` loop stepping past each hit finds it."""
        known = self._positions.get(needle)
        if known is not None:
            return known
        index = _INDEX.get(needle)
        if index is None or index >= self._known_words():  # registered after the scan
            found: list[int] = []
            at = self.low.find(needle)
            while at != -1:
                found.append(at)
                at = self.low.find(needle, at + len(needle))
        else:
            found = self._occurrences_of(index)
            if index in _BORDERED and found:
                kept: list[int] = []
                next_free = -1
                for at in found:
                    if at >= next_free:
                        kept.append(at)
                        next_free = at + len(needle)
                found = kept
        self._positions[needle] = found
        return found

    def starts(self, words: tuple[str, ...]) -> list[int] | None:
        """Where any of `words` occurs in `text` as a case-insensitive regex sees it, in order.

        A pattern whose every match begins with one of `words` (case-insensitively) can then be
        tried with `match` at these positions only; the first success is what `search` finds.
        None when the lower-cased text is not aligned with the text ("İ" lower-cases to two
        characters) or holds a character that `re.IGNORECASE` folds to an ASCII letter while
        `str.lower` does not (ı, ſ): then only the whole-text search is exact.
        """
        if not self.aligned():
            return None
        found = sorted({at for word in words for at in self._all(word)})
        return found

    def _all(self, word: str) -> list[int]:
        """Every occurrence, overlapping ones too (for the words used with `starts`)."""
        if any(word[:k] == word[-k:] for k in range(1, len(word))):
            found: list[int] = []
            at = self.low.find(word)
            while at != -1:
                found.append(at)
                at = self.low.find(word, at + 1)
            return found
        return self.positions(word)

    def aligned(self) -> bool:
        text = self.text
        if text.isascii():
            return True
        return len(self.low) == len(text) and "ı" not in text and "ſ" not in text

    def has(self, needle: str) -> bool:
        return bool(self.positions(needle))

    def has_any(self, words: tuple[str, ...]) -> bool:
        return any(self.positions(word) for word in words)

    def spans(
        self, words: tuple[str, ...], before: int, after: int, limit: int = 400
    ) -> list[tuple[int, int]]:
        """Merged windows around each occurrence of `words` (as `posting_text.spans`)."""
        hits: list[tuple[int, int]] = []
        size = len(self.low)
        for word in words:
            found = self.positions(word)
            if not found:
                continue
            length = len(word) + after
            for at in found:
                if len(hits) >= limit:
                    break
                hits.append((at - before if at > before else 0, min(size, at + length)))
        if not hits:
            return []
        hits.sort()
        merged = [hits[0]]
        for start, end in hits[1:]:
            last_start, last_end = merged[-1]
            if start <= last_end:
                merged[-1] = (last_start, max(last_end, end))
            else:
                merged.append((start, end))
        return merged
