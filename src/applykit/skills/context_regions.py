"""Context for ambiguous matches found by the sparse scan, from the tokens around them only.

`_confirmed` looks at most WINDOW tokens either side of an ambiguous match, and at the matches
inside that window. So the tokens from WINDOW before to WINDOW after each ambiguous match
(regions that overlap merged) are all it needs: each region is resolved on its own, with the
same sweeps as over the whole text, and gives the same answers.
"""

from __future__ import annotations

from collections.abc import Callable

from applykit.skills.sparse_scan import Found
from applykit.skills.taxonomy import Taxonomy
from applykit.skills.tokens import TOKEN_RE


def resolve_in_regions(
    text: str,
    boundaries: bytes,
    found: list[Found],
    taxonomy: Taxonomy,
    resolve: Callable[..., None],
) -> None:
    """Set `accepted` on the ambiguous matches in `found` that their context confirms."""
    from applykit.skills.extractor import WINDOW, _Candidate

    regions: list[list[int]] = []
    for match in found:
        if not match.accepted:
            low = _back_start(text, boundaries, match.start, WINDOW)
            high = _forward_end(text, match.end, WINDOW)
            if regions and low < regions[-1][1]:
                regions[-1][1] = max(regions[-1][1], high)
            else:
                regions.append([low, high])
    for low, high in regions:
        starts: dict[int, int] = {}
        ends: dict[int, int] = {}
        tokens: list[str] = []
        for position, token in enumerate(TOKEN_RE.finditer(text, low, high)):
            starts[token.start()] = position
            ends[token.end()] = position
            tokens.append(token.group())
        # as the full pass lowers them: joined (a space stops str.lower's context rules)
        words = " ".join(tokens).lower().split(" ") if tokens else []
        inside = [match for match in found if low <= match.start < high]
        local = [
            _Candidate(
                starts[match.start],
                ends.get(match.end, len(words) + WINDOW),
                match.index,
                taxonomy.entry_at(match.index),
                match.accepted,
                match.capital_mid_sentence,
            )
            for match in inside
        ]
        resolve(local, words, taxonomy)
        for match, candidate in zip(inside, local, strict=True):
            match.accepted = candidate.accepted


def _back_start(text: str, boundaries: bytes, position: int, count: int) -> int:
    """A safe place to start tokenising with at least `count` tokens before `position`."""
    start, end, seen = position, position, 0
    while seen < count and end > 0:
        start = boundaries.rfind(b" ", 0, end) + 1
        seen += len(TOKEN_RE.findall(text, start, end))
        end = start - 1
    return start


def _forward_end(text: str, position: int, count: int) -> int:
    """The end of the `count`-th token after `position` (a token end), or the text's end."""
    for seen, token in enumerate(TOKEN_RE.finditer(text, position), start=1):
        if seen == count:
            return token.end()
    return len(text)
