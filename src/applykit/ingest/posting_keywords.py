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

from applykit.ingest.posting_keyword_table import (
    BORDERED,
    BORDERED_WORDS,
    GROUPS,
    INDEX,
    WORDS,
    group_of,
    longest,
    merge,
    needles,
    occurrences_table,
    step_past,
)
from applykit.ingest.posting_text import merge_windows

__all__ = ["Scan", "lower", "needles"]

_NONE: list[int] = []

_ASCII_BYTES = bytes(range(128))


def lower(text: str) -> str:
    """`text.lower()`, cheaper for text whose non-ASCII characters have no lower case.

    `str.lower` costs ~60 instructions a character once any character is non-ASCII (a
    curly quote is enough); when every non-ASCII character is its own lower case, lower-casing
    the ASCII letters of the UTF-8 bytes gives the same string for a fraction of that.
    """
    if text.isascii():
        return text.lower()
    data = text.encode("utf-8", "surrogatepass")
    others = data.translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass")
    if any(c.lower() != c for c in set(others)):
        return text.lower()
    return data.lower().decode("utf-8", "surrogatepass")


class Scan:
    """A text, its lower-cased form, and where each registered word occurs in the latter."""

    __slots__ = (
        "_aligned",
        "_cut",
        "_derived",
        "_head",
        "_known",
        "_maybe",
        "_parent",
        "_positions",
        "_prefix_len",
        "_raw",
        "low",
        "text",
    )

    def __init__(self, text: str, low: str | None = None) -> None:
        self.text = text
        self.low = lower(text) if low is None else low
        self._raw: dict[str, list[int]] | None = None  # word -> every occurrence
        self._head: dict[str, list[int]] | None = None  # derived: words starting in the prefix
        self._positions: dict[str, list[int]] = {}
        self._parent: Scan | None = None
        self._prefix_len = 0
        self._cut = 0
        self._known = -1  # how many registered words the occurrences cover (-1: not scanned)
        self._aligned: bool | None = None
        self._maybe: frozenset[str] | None = None  # see `_maybe_words`
        self._derived: dict[str, Scan] | None = None  # prefix -> derive(prefix), remembered

    def derive(self, prefix: str = "", stop: int | None = None) -> Scan:
        """The scan of `prefix + self.text[:stop]`, reusing this scan's occurrences.

        Lower-casing works character by character, so the lower-cased joined text is the
        joined lower-cased parts, unless a character changes length when lower-cased (only
        "İ" does); then the new text is scanned on its own.
        """
        if stop is not None and stop >= len(self.text):
            stop = None  # the whole text
        if not prefix and stop is None:
            return self
        if prefix and stop is not None and stop >= 0:
            # The start of `prefix + self.text`: one prefixed scan serves every stop.
            return self.derive(prefix).derive("", len(prefix) + stop)
        if prefix and self._derived is not None and prefix in self._derived:
            return self._derived[prefix]
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
        derived._raw = {}
        if prefix and stop is None:
            if self._derived is None:
                self._derived = {}
            self._derived[prefix] = derived
        return derived

    def _known_words(self) -> int:
        if self._known < 0:
            parent = self._parent
            if parent is None:
                self._raw = occurrences_table(self.low)
                self._known = len(WORDS)
            else:
                size = self._prefix_len
                # Words that start in the prefix (they may run on into the body).
                self._head = (
                    occurrences_table(self.low[: size + longest() - 1], size) if size else {}
                )
                self._known = min(len(WORDS), parent._known_words())
        return self._known

    def _occurrences_of(self, word: str) -> list[int]:
        """Every occurrence (overlapping ones too) of a registered, scanned word."""
        raw = self._raw
        if raw is None or self._known < 0:
            self._known_words()
            raw = self._raw
            assert raw is not None
        found = raw.get(word)
        if found is not None:
            return found
        parent = self._parent
        if parent is None:
            return _NONE
        maybe = self._maybe
        if word not in (maybe if maybe is not None else self._maybe_words()):
            return _NONE  # in neither the original text nor a prefix
        head = self._head
        inherited = parent._occurrences_of(word)
        size = self._prefix_len
        if inherited:
            last = self._cut - len(word)
            if inherited[-1] <= last:
                inherited = [at + size for at in inherited] if size else inherited
            else:
                inherited = [at + size for at in inherited if at <= last]
        own = head.get(word) if head else None
        found = own + inherited if own else inherited
        raw[word] = found
        return found

    def positions(self, needle: str) -> list[int]:
        """Where `needle` occurs in `low`, as a `str.find` loop stepping past each hit finds it."""
        known = self._positions.get(needle)
        if known is not None:
            return known
        index = INDEX.get(needle)
        if index is None or index >= self._known_words():  # never registered, or after the scan
            found: list[int] = []
            at = self.low.find(needle)
            while at != -1:
                found.append(at)
                at = self.low.find(needle, at + len(needle))
        else:
            found = self._occurrences_of(needle)
            if found and index in BORDERED:
                found = step_past(found, len(needle))
        self._positions[needle] = found
        return found

    def every(self, word: str) -> list[int]:
        """Every occurrence of `word` in `low`, overlapping ones too."""
        index = INDEX.get(word)
        if index is None or index >= self._known_words():
            found: list[int] = []
            at = self.low.find(word)
            while at != -1:
                found.append(at)
                at = self.low.find(word, at + 1)
            return found
        return self._occurrences_of(word)

    def starts(self, words: tuple[str, ...]) -> list[int] | None:
        """Where any of `words` occurs in `text` as a case-insensitive regex sees it, in order.

        A pattern whose every match begins with one of `words` (case-insensitively) can then be
        tried with `match` at these positions only; the first success is what `search` finds.
        None when the lower-cased text is not aligned with the text ("İ" lower-cases to two
        characters) or holds a character that `re.IGNORECASE` folds to an ASCII letter while
        `str.lower` does not (ı, ſ): then only the whole-text search is exact.
        """
        if not (self._aligned or self.aligned()):
            return None
        known = self._known if self._known >= 0 else self._known_words()
        if len(words) > 1 and known == len(WORDS):
            group = GROUPS.get(words) or group_of(words)
            if group.plain:
                maybe = self._maybe
                present = group.registered & (maybe if maybe is not None else self._maybe_words())
                if not present:
                    return []
                if self._parent is None:  # the table holds every present word
                    raw = self._raw
                    assert raw is not None
                    lists = [raw[word] for word in present]
                else:
                    every = self._occurrences_of
                    lists = [every(word) for word in present]
                if len(lists) == 1:
                    return list(lists[0])  # ascending, no repeats
                return sorted(set().union(*lists))
        found: list[int] = []
        for word in words:
            found.extend(self.every(word))
        return sorted(set(found)) if len(words) > 1 else found

    def present(self, words: dict[str, int]) -> list[tuple[str, list[int]]]:
        """The `words` that occur in `low`, each with every occurrence (overlapping ones too)."""
        if self._parent is None and self._known_words() == len(WORDS):
            raw = self._raw
            assert raw is not None
            if len(raw) < len(words):  # fewer words present than asked about: walk those
                return [(word, found) for word, found in raw.items() if word in words]
        out: list[tuple[str, list[int]]] = []
        for word in words:
            found = self.every(word)
            if found:
                out.append((word, found))
        return out

    def _maybe_words(self) -> frozenset[str]:
        """Every word in the original text or in a prefix added (remembered): a superset of
        those in `low` (a derived scan may cut some off)."""
        self._known_words()
        parent = self._parent
        if parent is None:
            assert self._raw is not None
            maybe = frozenset(self._raw)
        else:
            inherited = parent._maybe if parent._maybe is not None else parent._maybe_words()
            maybe = inherited.union(self._head) if self._head else inherited
        self._maybe = maybe
        return maybe

    def aligned(self) -> bool:
        """The lower-cased text has the same offsets, and no character that a case-insensitive
        regex folds to an ASCII letter while `str.lower` keeps it (ı, ſ); remembered."""
        aligned = self._aligned
        if aligned is None:
            text = self.text
            parent = self._parent
            if text.isascii():
                aligned = True
            elif parent is not None and parent.aligned():  # only the prefix is new
                prefix = text[: self._prefix_len]
                aligned = "ı" not in prefix and "ſ" not in prefix
            else:
                aligned = len(self.low) == len(text) and "ı" not in text and "ſ" not in text
            self._aligned = aligned
        return aligned

    def has(self, needle: str) -> bool:
        return bool(self.positions(needle))

    def has_any(self, words: tuple[str, ...]) -> bool:
        return any(self.positions(word) for word in words)

    def spans(
        self, words: tuple[str, ...], before: int, after: int, limit: int = 400
    ) -> list[tuple[int, int]]:
        """Merged windows around each occurrence of `words` (as `posting_text.spans`)."""
        known = self._known if self._known >= 0 else self._known_words()
        exact = known == len(WORDS)
        size = len(self.low)
        if exact:
            group = GROUPS.get(words) or group_of(words)
            if group.plain:
                maybe = self._maybe
                present = group.registered & (maybe if maybe is not None else self._maybe_words())
                if not present:
                    return []
                raw = self._raw if self._parent is None else None  # holds every present word
                lists = [
                    (
                        word,
                        self.positions(word)
                        if word in BORDERED_WORDS
                        else raw[word]
                        if raw is not None
                        else self._occurrences_of(word),
                    )
                    for word in present
                ]
                total = 0
                for _, found in lists:
                    total += len(found)
                if total <= limit:  # else as below, in order
                    hits: list[tuple[int, int]] = []
                    for word, found in lists:
                        length = len(word) + after
                        if found and found[0] >= before and found[-1] + length <= size:
                            hits += [(at - before, at + length) for at in found]  # none clipped
                        else:
                            hits += [
                                (at - before if at > before else 0, min(size, at + length))
                                for at in found
                            ]
                    return merge(hits)
        maybe = self._maybe if self._maybe is not None else self._maybe_words()
        hits = []
        for word in words:
            if exact and word in INDEX and word not in BORDERED_WORDS:
                if word not in maybe:
                    continue  # absent
                found = self._occurrences_of(word)
            else:
                found = self.positions(word)
            if not found:
                continue
            length = len(word) + after
            for at in found:
                if len(hits) >= limit:
                    break
                hits.append((at - before if at > before else 0, min(size, at + length)))
        return merge_windows(hits)
