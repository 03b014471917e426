"""Lists whose items lost their separators ("…industriesSell into…"): where to cut a line.

A scraped posting often runs its list items together: a lower-case word runs straight into the
next item's capital. `unglue` cuts such a line apart; `glue_candidates_by_line` finds, for a
whole text at once, the lines that may need it.
"""

from __future__ import annotations

import functools
import itertools
import re

import ahocorasick_rs

# A capital followed by a lower-case letter right after 3+ lower-case letters (maybe then "." or
# ")"): the only places where `_glued_at` can hold. The lookbehinds have fixed widths, so the
# scan stays linear.
_GLUE_CANDIDATE = re.compile(r"[A-Z](?=[a-z])(?:(?<=[a-z]{3}[A-Z])|(?<=[a-z]{3}[.)][A-Z]))")
# Each byte of the UTF-8 text → its class: l (a-z), U (A-Z), p ("." or ")"), space (anything
# else, including every byte of a non-ASCII character). `bytes.translate` costs under 1 ns a
# character, a regex scan ~10: the classes show at once whether a candidate exists at all.
_GLUE_CLASSES = bytes(
    ord("l") if 97 <= b <= 122 else ord("U") if 65 <= b <= 90 else ord("p") if b in b".)" else 32
    for b in range(256)
)
_GLUE_CLASSES = _GLUE_CLASSES[:10] + b"n" + _GLUE_CLASSES[11:]  # "\n" → n: to split the lines
_GLUE_SHAPES = ((b"lllUl", 3), (b"lllpUl", 4))  # (class pattern, offset of the capital)


def _glue_candidates(line: str, classes: bytes | None = None) -> list[int]:
    """The positions `_GLUE_CANDIDATE` finds in `line` (its byte classes, if known), in order."""
    if classes is None:
        classes = line.encode("utf-8", "surrogatepass").translate(_GLUE_CLASSES)
    if b"lllUl" not in classes and b"lllpUl" not in classes:
        return []
    if not line.isascii():  # byte offsets are not character offsets
        return [match.start() for match in _GLUE_CANDIDATE.finditer(line)]
    found: list[int] = []
    for shape, offset in _GLUE_SHAPES:
        at = classes.find(shape)
        while at != -1:
            found.append(at + offset)
            at = classes.find(shape, at + 1)
    found.sort()
    return found


def glue_candidates_by_line(
    text: str, lines: list[str] | None = None, utf8: bytes | None = None
) -> dict[int, list[int]]:
    """For each line of `text` (split at "\\n") that holds a `_GLUE_CANDIDATE`, by index: the
    positions of its candidates in the line, in order.

    One encoding, one translation and one automaton pass over the byte classes of the whole
    text (no shape runs across a line end: "\\n" has a class of its own); lines without a
    candidate cost nothing more. `lines`: `text.split("\n")`, and `utf8`: the text's UTF-8
    bytes, where the caller has them.
    """
    data = text.encode("utf-8", "surrogatepass") if utf8 is None else utf8
    hits = _shapes().find_matches_as_indexes(data.translate(_GLUE_CLASSES), overlapping=True)
    if not hits:
        return {}
    found: dict[int, list[int]] = {}
    line, line_start, counted = 0, 0, 0  # the line of `counted`, and where it starts
    for at in sorted(start + _GLUE_SHAPES[shape][1] for shape, start, _ in hits):
        breaks = data.count(b"\n", counted, at)
        if breaks:
            line += breaks
            line_start = data.rfind(b"\n", 0, at) + 1
        counted = at
        found.setdefault(line, []).append(at - line_start)  # a byte offset, for now
    if lines is None:
        lines = text.split("\n")
    for index, offsets in found.items():
        if not lines[index].isascii():  # byte offsets → character offsets
            raw = lines[index].encode("utf-8", "surrogatepass")
            found[index] = [len(raw[:at].decode("utf-8", "surrogatepass")) for at in offsets]
    return found


@functools.cache
def _shapes() -> ahocorasick_rs.BytesAhoCorasick:
    return ahocorasick_rs.BytesAhoCorasick(
        [shape for shape, _ in _GLUE_SHAPES], implementation=ahocorasick_rs.Implementation.DFA
    )


def unglue(line: str, candidates: list[int] | None = None) -> list[str]:
    """Split a line whose list items lost their separators ("…industriesSell into…").

    `candidates`: the positions of its `_GLUE_CANDIDATE`s, where known.
    """
    if len(line) < 80:
        return [line]
    if candidates is None:
        candidates = _glue_candidates(line)
    if line.isascii():
        runs = line.encode("ascii").translate(_LOWER_RUNS)
        cuts = [i for i in candidates if _glued_in(line, runs, i)]
    else:
        cuts = [i for i in candidates if _glued_at(line, i)]
    if not cuts:
        return [line]
    bounds = [0, *cuts, len(line)]
    pieces = [line[a:b].strip() for a, b in itertools.pairwise(bounds)]
    pieces = [p for p in pieces if p]
    # `min(len(p.split()) …) < 2`: a stripped piece is one word when it holds no white space
    # (`\s` is exactly `str.isspace`, what `split` cuts at); the search stops at the first.
    if len(pieces) < 2 or any(_SPACE.search(p) is None for p in pieces):
        return [line]
    return pieces


_SPACE = re.compile(r"\s")
_LOWER_RUNS = bytes(108 if 97 <= byte <= 122 else 32 for byte in range(256))
"""Byte table: a-z → `l`, every other byte a space (where a lower-case run stops)."""


def _glued_in(line: str, runs: bytes, index: int) -> bool:
    """`_glued_at(line, index)` on an ASCII line, `runs` its bytes through `_LOWER_RUNS`: the
    start of the lower-case run is found with one `bytes.rfind`, not a step per letter."""
    end = index - 1 if index and line[index - 1] in ".)" else index
    start = runs.rfind(b" ", 0, end) + 1
    return end - start >= 3 and (start == 0 or not line[start - 1].isalpha())


def _glued_at(line: str, index: int) -> bool:
    """A lower-case word of 3+ letters (maybe ending in "." or ")") runs into this capital."""
    end = index
    if end and line[end - 1] in ".)":
        end -= 1
    start = end
    while start > 0 and "a" <= line[start - 1] <= "z":
        start -= 1
    if end - start < 3:
        return False
    return start == 0 or not line[start - 1].isalpha()
