"""The word skeleton of a text: a cheap, C-level view used to find where an alias may start.

The skeleton of a text is its bytes with every character other than an ASCII letter or digit
turned into a space (one byte per character: non-ASCII characters become `?` first, then a
space) and ASCII capitals lowered. Its words are the runs of `[a-z0-9]` left.

Why it is safe as a filter: an alias's tokens, wherever they occur in a text, read in the
skeleton as exactly the skeleton words of the alias key, one after the other. Tokens never
hold whitespace, `-` or `_`, punctuation tokens and the `+`/`#` glued to a word become
spaces on both sides, and a token that starts (or ends) with an ASCII letter or digit has no
ASCII letter or digit right before (after) it. So a text position where an alias can start
always has, at or shortly after it, the whole skeleton of some alias key, word after word: one
automaton over the key skeletons (`AliasIndex.keys`) finds those places in one pass. The
extractor then checks each such place exactly, with the real tokens.

Two characters lower-case to ASCII (U+0130 `İ`, U+212A Kelvin sign `K`): texts holding them
take the exact full pass (`needs_full_pass`).
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass

import ahocorasick_rs

from applykit.skills.taxonomy import LOOKUP_ONLY, Taxonomy

SKELETON_TABLE = bytes(
    byte if 48 <= byte <= 57 or 97 <= byte <= 122 else byte + 32 if 65 <= byte <= 90 else 32
    for byte in range(256)
)
"""Byte table: ASCII letters (lowered) and digits kept, every other byte a space."""

_WHITESPACE = frozenset(
    ord(char) for char in map(chr, range(128)) if char.isspace() or char in "-_"
)
BOUNDARY_TABLE = bytes(32 if byte in _WHITESPACE else 120 for byte in range(256))
"""Byte table: whitespace, `-` and `_` (never inside a token) a space, every other byte `x`.

A position right after such a character (or the start of the text) is a safe place to start
tokenising: no token runs across it, so the tokens found from there are the text's tokens."""

LOWERS_TO_ASCII = ("\u0130", "\u212a")
"""The only non-ASCII characters whose lower case holds ASCII letters."""


def ascii_bytes(text: str) -> bytes:
    """One byte per character of `text`: ASCII kept, anything else `?`."""
    return text.encode("ascii", "replace")


def skeleton_words(text: str) -> list[bytes]:
    """The skeleton words of `text` (see the module docstring)."""
    return ascii_bytes(text).translate(SKELETON_TABLE).split()


def needs_full_pass(text: str) -> bool:
    """True when the skeleton of `text` may miss an alias (see the module docstring)."""
    return not text.isascii() and any(char in text for char in LOWERS_TO_ASCII)


@dataclass(frozen=True, slots=True)
class AliasIndex:
    """Tables derived from a taxonomy's aliases, built once per taxonomy."""

    keys: ahocorasick_rs.BytesAhoCorasick
    """The skeleton of every matchable key, each word between single spaces (`b" apache spark
    "`): found in a text's padded, single-spaced skeleton where the key's words stand."""
    leads: tuple[int, ...]
    """For each pattern of `keys`, by its first skeleton word: the most tokens a key starting
    with that word has before it (". net": 1), else 0."""
    extendable: frozenset[str]
    """Keys of 1+ tokens that are the start of a longer matchable key (`"apache"`,
    `"apache spark"`)."""
    complete: bool
    """False when some matchable key has no skeleton word at all: texts then take the
    exact full pass."""


_INDEXES: weakref.WeakKeyDictionary[Taxonomy, AliasIndex] = weakref.WeakKeyDictionary()


def alias_index(taxonomy: Taxonomy) -> AliasIndex:
    """The AliasIndex of `taxonomy` (built on first use, ~0.13 s for the shipped one)."""
    found = _INDEXES.get(taxonomy)
    if found is None:
        found = _INDEXES[taxonomy] = _build(taxonomy)
    return found


def matchable(key: str, value: int, first_tokens: dict[str, int]) -> bool:
    """The matcher may report this key (what the full scan tries, by the length masks)."""
    if value & LOOKUP_ONLY:
        return False
    first, _, _ = key.partition(" ")
    return bool(first_tokens.get(first, 0) >> (key.count(" ") + 1) & 1)


def _build(taxonomy: Taxonomy) -> AliasIndex:
    first_tokens = taxonomy.first_tokens
    keys = [key for key, value in taxonomy.aliases.items() if matchable(key, value, first_tokens)]
    patterns: dict[bytes, bytes] = {}  # padded key skeleton → its first skeleton word
    lead: dict[bytes, int] = {}  # first skeleton word → most tokens a key has before it
    extendable: set[str] = set()
    complete = True
    for key, packed in zip(keys, _skeleton_lines(keys), strict=True):
        words = packed.split()
        if not words:
            complete = False
            continue
        patterns[b" " + b" ".join(words) + b" "] = words[0]
        if not key[:1].isascii() or not key[:1].isalnum():
            before = _tokens_before_skeleton(key)
            if before:
                lead[words[0]] = max(lead.get(words[0], 0), before)
        end = key.rfind(" ")
        while end != -1:
            extendable.add(key[:end])
            end = key.rfind(" ", 0, end)
    automaton = ahocorasick_rs.BytesAhoCorasick(
        list(patterns), implementation=ahocorasick_rs.Implementation.ContiguousNFA
    )
    leads = tuple(lead.get(first, 0) for first in patterns.values())
    return AliasIndex(automaton, leads, frozenset(extendable), complete)


_LINES_TABLE = SKELETON_TABLE[:10] + b"\n" + SKELETON_TABLE[11:]


def _skeleton_lines(keys: list[str]) -> list[bytes]:
    """The skeleton of each key (keys hold no newline: one C-level pass over all of them)."""
    return ascii_bytes("\n".join(keys)).translate(_LINES_TABLE).split(b"\n")


def _tokens_before_skeleton(key: str) -> int:
    """Tokens of `key` before the one that holds its first skeleton word."""
    for position, token in enumerate(key.split(" ")):
        if ascii_bytes(token).translate(SKELETON_TABLE).strip():
            return position
    return 0
