"""Leftmost-longest alias matches found without tokenising the whole text.

Tokenising a text with a regex costs more than everything else the matcher does, and most
tokens start no alias. So the text's word skeleton (`skeleton.py`, a few C-level passes) says
where an alias may start, and only there are the real tokens read, from a place no token runs
across. The matches are the ones a left-to-right scan over all tokens finds: every token that
can start a match lies in one of those places, and they are checked in text order.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from itertools import accumulate

from applykit.skills.skeleton import AliasIndex
from applykit.skills.taxonomy import (
    CASE_SENSITIVE,
    FLAG_BITS,
    LOOKUP_ONLY,
    NEEDS_CAPITAL,
    NEEDS_CONTEXT,
    Taxonomy,
)
from applykit.skills.tokens import TOKEN_RE

SENTENCE_ENDS = frozenset({".", "!", "?", ";", "•"})
LINE_STARTERS = SENTENCE_ENDS | {":", "*", "(", '"', "“", "|"}


@dataclass(slots=True)
class Found:
    """A match by character span, before context decides on ambiguous ones."""

    start: int
    end: int
    index: int
    accepted: bool
    capital_mid_sentence: bool = False


def spot_ranges(
    skeleton: bytes, boundaries: bytes, text: str, index: AliasIndex
) -> list[tuple[int, int, bool]]:
    """`(safe start, spot, lead)` triples, sorted: tokens from the start to the spot may start
    a match.

    A spot is where the skeleton words from there on spell the whole skeleton of some alias
    key; the safe start is the nearest earlier place no token runs across, moved back over
    the tokens some keys have before their first skeleton word (". NET": `lead` is then True).
    One automaton pass over the skeleton's words, joined by single spaces, finds every spot.
    """
    words = skeleton.split()
    if not words:
        return []
    single = b" " + b" ".join(words) + b" "  # word w starts at w + 1 + len(words[:w] joined)
    hits = index.keys.find_matches_as_indexes(single, overlapping=True)
    if not hits:
        return []
    leads = index.leads
    need_at = {at: leads[pattern] for pattern, at, _ in hits}  # at: the space before a word
    # Where each word stands in the skeleton: the runs of spaces before each word of
    # `b" " + skeleton`, summed (one C-level pass; the words' lengths are the same in both).
    gaps = list(accumulate(map(len, (b" " + skeleton).translate(_GAPS_TABLE).split())))
    ranges = []
    before, counted = 0, 0  # the spaces of `single` before `counted`: counted on from there
    for at, need in sorted(need_at.items()):
        before += single.count(b" ", counted, at + 1)  # the words before this one, plus one
        counted = at + 1
        spot = at + 1 - before + gaps[before - 1] - 1
        start = boundaries.rfind(b" ", 0, spot) + 1
        while need and start > 0 and _count_tokens(text, start, spot) < need:
            start = boundaries.rfind(b" ", 0, start - 1) + 1
        ranges.append((start, spot, bool(need)))
    ranges.sort()
    return ranges


_GAPS_TABLE = bytes(120 if byte == 32 else 32 for byte in range(256))
"""Byte table: a space becomes `x`, anything else a space (the skeleton's gaps as words)."""


def _count_tokens(text: str, start: int, end: int) -> int:
    return len(TOKEN_RE.findall(text, start, end))


def previous_token(text: str, boundaries: bytes, position: int) -> tuple[int, int] | None:
    """`(start, end)` of the last token that ends at or before `position` (a token start)."""
    end = position
    while end > 0:
        start = boundaries.rfind(b" ", 0, end) + 1
        last = None
        for last in TOKEN_RE.finditer(text, start, end):  # noqa: B007 - the last one is wanted
            pass
        if last is not None:
            return last.start(), last.end()
        end = start - 1
    return None


def at_line_start(text: str, boundaries: bytes, position: int) -> bool:
    """The token at `position` starts the text, a line, or a sentence."""
    previous = previous_token(text, boundaries, position)
    if previous is None:
        return True
    start, end = previous
    return "\n" in text[end:position] or text[start:end] in LINE_STARTERS


def case_allows(surface: str, key: str, value: int, taxonomy: Taxonomy) -> bool:
    """Case-sensitive aliases match as written (or in capitals); names not in lower case."""
    if value & NEEDS_CAPITAL and surface.islower():
        return False
    if value & CASE_SENSITIVE:
        forms = taxonomy.cased.get(key, ())
        return surface in forms or (surface.isupper() and surface in {f.upper() for f in forms})
    return True


class _Unsure(Exception):
    """The skeleton cannot tell the tokens here (non-ASCII text): read them with the regex."""


class _Tokens(ABC):
    """Tokens read on demand from a start, with their spans and lower-cased forms."""

    __slots__ = ("spans", "words")

    def __init__(self) -> None:
        self.spans: list[tuple[int, int]] = []
        self.words: list[str] = []

    @abstractmethod
    def pull(self) -> bool:
        """Read one more token; False at the end of the text."""


class _RegexTokens(_Tokens):
    __slots__ = ("matches",)

    def __init__(self, text: str, start: int) -> None:
        super().__init__()
        self.matches = TOKEN_RE.finditer(text, start)

    def pull(self) -> bool:
        match = next(self.matches, None)
        if match is None:
            return False
        self.spans.append(match.span())
        self.words.append(match.group().lower())
        return True


_QUESTION = ord("?")
_PLUS = ord("+")
_HASH = ord("#")


class _SkeletonTokens(_Tokens):
    """The regex's tokens, told from the ASCII view with `bytes.find` (ASCII stretches only).

    A token is an ASCII letter/digit run (its skeleton word) with `++`, `+` or `#` glued on,
    or one other character; a non-ASCII character nearby raises `_Unsure`.
    """

    __slots__ = ("ascii_text", "boundaries", "position", "skeleton", "text")

    def __init__(
        self, text: str, ascii_text: bytes, skeleton: bytes, boundaries: bytes, start: int
    ) -> None:
        super().__init__()
        self.text, self.ascii_text, self.skeleton = text, ascii_text, skeleton
        self.boundaries, self.position = boundaries, start

    def pull(self) -> bool:
        start = self.boundaries.find(b"x", self.position)
        if start == -1:
            return False
        end = self.skeleton.find(b" ", start)
        if end == start:  # one punctuation character, unless `?` stands for non-ASCII
            if self.ascii_text[start] == _QUESTION and self.text[start] != "?":
                raise _Unsure
            end += 1
        else:
            if end == -1:
                end = len(self.skeleton)
            after = self.ascii_text[end : end + 2]
            if after:
                glue = after[0]
                if glue == _QUESTION:
                    if self.text[end] != "?":
                        raise _Unsure
                elif after == b"++":
                    end += 2
                elif glue in (_PLUS, _HASH):
                    end += 1
        self.position = end
        self.spans.append((start, end))
        self.words.append(self.text[start:end].lower())
        return True


def sparse_matches(
    text: str,
    ascii_text: bytes,
    skeleton: bytes,
    ranges: list[tuple[int, int, bool]],
    boundaries: bytes,
    taxonomy: Taxonomy,
    index: AliasIndex,
) -> list[Found]:
    """The matches a full left-to-right scan finds, checking only tokens within `ranges`."""
    found: list[Found] = []
    first_tokens, aliases, extendable = taxonomy.first_tokens, taxonomy.aliases, index.extendable
    done = 0  # the scan has dealt with every token that starts before this
    for start, spot, lead in ranges:
        if spot < done:
            continue
        if not lead and (spot == 0 or ascii_text[spot - 1] != _QUESTION or text[spot - 1] == "?"):
            # the spot starts a token and no key has tokens before its first skeleton word:
            # no token between the safe start and the spot can start a match
            end = skeleton.find(b" ", spot)
            end = len(ascii_text) if end == -1 else end
            after = ascii_text[end : end + 2]
            if after[:1] != b"?" or text[end] == "?":
                end += 2 if after == b"++" else 1 if after[:1] in (b"+", b"#") else 0
                key = text[spot:end].lower()
                if key not in extendable:  # a one-token alias or none: no lookahead
                    mask = first_tokens.get(key, 0)
                    value = aliases.get(key) if mask & 2 else None
                    if value is not None and not value & LOOKUP_ONLY:
                        match = _accept(text, boundaries, spot, end, key, value, taxonomy)
                        if match is not None:
                            found.append(match)
                    done = end
                    continue
                # an alias may go on past this token: read on from it (already read: the
                # first token `pull` would read from the spot)
                tokens: _Tokens = _SkeletonTokens(text, ascii_text, skeleton, boundaries, end)
                tokens.spans.append((spot, end))
                tokens.words.append(key)
                try:
                    result = _match_at(text, 0, tokens, boundaries, taxonomy, index)
                except _Unsure:
                    pass
                else:
                    if result is None:
                        done = end
                    else:
                        found.append(result[0])
                        done = result[0].end
                    continue
            # else a non-ASCII character is glued to the token (`_SkeletonTokens` would be
            # unsure): the regex reads the tokens, below
        tokens = _RegexTokens(text, max(start, done))
        at = 0
        while at < len(tokens.spans) or tokens.pull():
            if tokens.spans[at][0] > spot:
                break
            result = _match_at(text, at, tokens, boundaries, taxonomy, index)
            if result is None:
                done = tokens.spans[at][1]
                at += 1
            else:
                found.append(result[0])
                at += result[1]
                done = tokens.spans[at - 1][1]
    return found


def _match_at(
    text: str,
    at: int,
    tokens: _Tokens,
    boundaries: bytes,
    taxonomy: Taxonomy,
    index: AliasIndex,
) -> tuple[Found, int] | None:
    """The longest alias starting at token `at` that its case allows, and its length."""
    spans, words = tokens.spans, tokens.words
    key = words[at]
    mask = taxonomy.first_tokens.get(key)
    if mask is None:
        return None
    aliases = taxonomy.aliases
    extendable = index.extendable
    options: list[tuple[int, str, int]] = []
    length = 1
    while True:
        value = aliases.get(key)
        if value is not None and not value & LOOKUP_ONLY and mask >> length & 1:
            options.append((length, key, value))
        if key not in extendable:
            break
        if at + length == len(words) and not tokens.pull():
            break
        key = f"{key} {words[at + length]}"
        length += 1
    for length, key, value in reversed(options):
        found = _accept(
            text, boundaries, spans[at][0], spans[at + length - 1][1], key, value, taxonomy
        )
        if found is not None:
            return found, length
    return None


def _accept(
    text: str, boundaries: bytes, begin: int, end: int, key: str, value: int, taxonomy: Taxonomy
) -> Found | None:
    """The match of alias `key` (`value`) over `text[begin:end]`, unless its case rules it out."""
    if value & (CASE_SENSITIVE | NEEDS_CAPITAL):
        surface = text[begin:end]
        if not case_allows(surface, key, value, taxonomy):
            return None
        if (
            value & NEEDS_CAPITAL
            and surface[:1].isupper()
            and surface[1:].islower()
            and at_line_start(text, boundaries, begin)
        ):
            return None
    found = Found(begin, end, value >> FLAG_BITS, not value & NEEDS_CONTEXT)
    if not found.accepted and text[begin].isupper():
        found.capital_mid_sentence = not at_line_start(text, boundaries, begin)
    return found
