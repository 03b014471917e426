"""Leftmost-longest alias matches found without tokenising the whole text.

Tokenising a text with a regex costs more than everything else the matcher does, and most
tokens start no alias. So the text's word skeleton (`skeleton.py`, a few C-level passes) says
where an alias may start, and only there are the real tokens read, from a place no token runs
across. The matches are the ones a left-to-right scan over all tokens finds: every token that
can start a match lies in one of those places, and they are checked in text order.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise

from applykit.skills.skeleton import SKELETON_TABLE, AliasIndex
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

_NEXT_WORD = re.compile(rb"[^a-z0-9]*([a-z0-9]+)")


@dataclass(slots=True)
class Found:
    """A match by character span, before context decides on ambiguous ones."""

    start: int
    end: int
    index: int
    accepted: bool
    capital_mid_sentence: bool = False


def spot_ranges(
    ascii_text: bytes, boundaries: bytes, text: str, index: AliasIndex
) -> list[tuple[int, int]]:
    """`(safe start, spot)` pairs, sorted: tokens starting in each range may start a match.

    A spot is where a skeleton word that starts some alias key's skeleton stands (followed by
    the key's second skeleton word where it has one); the safe start is the nearest earlier
    place no token runs across, moved back over the tokens some keys have before their first
    skeleton word (". NET").
    """
    skeleton = ascii_text.translate(SKELETON_TABLE)
    words = skeleton.split()
    if not words:
        return []
    singles = index.single.intersection(words)
    seconds: dict[bytes, set[bytes]] = {}
    for pair in index.pairs.intersection(map(b" ".join, pairwise(words))):
        first, _, second = pair.partition(b" ")
        seconds.setdefault(first, set()).add(second)
    if not singles and not seconds:
        return []
    padded = b" " + skeleton + b" "
    spots: list[int] = []
    for word in singles.union(seconds):
        needle = b" " + word + b" "
        follow = None if word in singles else seconds[word]
        at = padded.find(needle)
        while at != -1:
            if follow is None:
                spots.append(at)
            else:
                after = _NEXT_WORD.match(skeleton, at + len(word))
                if after is not None and after.group(1) in follow:
                    spots.append(at)
            at = padded.find(needle, at + len(word) + 1)
    ranges = []
    lead = index.lead
    for spot in sorted(spots):
        start = boundaries.rfind(b" ", 0, spot) + 1
        need = lead.get(_word_at(skeleton, spot)) if lead else None
        while need and start > 0 and _count_tokens(text, start, spot) < need:
            start = boundaries.rfind(b" ", 0, start - 1) + 1
        ranges.append((start, spot))
    ranges.sort()
    return ranges


def _word_at(skeleton: bytes, position: int) -> bytes:
    end = skeleton.find(b" ", position)
    return skeleton[position:] if end == -1 else skeleton[position:end]


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


def sparse_matches(
    text: str,
    ranges: list[tuple[int, int]],
    boundaries: bytes,
    taxonomy: Taxonomy,
    index: AliasIndex,
) -> list[Found]:
    """The matches a full left-to-right scan finds, checking only tokens within `ranges`."""
    found: list[Found] = []
    done = 0  # the scan has dealt with every token that starts before this
    for start, spot in ranges:
        if spot < done:
            continue
        tokens = TOKEN_RE.finditer(text, max(start, done))
        spans: list[tuple[int, int]] = []
        words: list[str] = []
        at = 0
        while True:
            if at == len(words):
                match = next(tokens, None)
                if match is None:
                    break
                spans.append(match.span())
                words.append(match.group().lower())
            if spans[at][0] > spot:
                break
            result = _match_at(text, at, spans, words, tokens, boundaries, taxonomy, index)
            if result is None:
                done = spans[at][1]
                at += 1
            else:
                found.append(result[0])
                at += result[1]
                done = spans[at - 1][1]
    return found


def _match_at(
    text: str,
    at: int,
    spans: list[tuple[int, int]],
    words: list[str],
    tokens: Iterator[re.Match[str]],
    boundaries: bytes,
    taxonomy: Taxonomy,
    index: AliasIndex,
) -> tuple[Found, int] | None:
    """The longest alias starting at token `at` that its case allows, and its length."""
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
        if at + length == len(words):
            match = next(tokens, None)
            if match is None:
                break
            spans.append(match.span())
            words.append(match.group().lower())
        key = f"{key} {words[at + length]}"
        length += 1
    for length, key, value in reversed(options):
        begin, end = spans[at][0], spans[at + length - 1][1]
        if value & (CASE_SENSITIVE | NEEDS_CAPITAL):
            surface = text[begin:end]
            if not case_allows(surface, key, value, taxonomy):
                continue
            if (
                value & NEEDS_CAPITAL
                and surface[:1].isupper()
                and surface[1:].islower()
                and at_line_start(text, boundaries, begin)
            ):
                continue
        found = Found(begin, end, value >> FLAG_BITS, not value & NEEDS_CONTEXT)
        if not found.accepted and text[begin].isupper():
            found.capital_mid_sentence = not at_line_start(text, boundaries, begin)
        return found, length
    return None
