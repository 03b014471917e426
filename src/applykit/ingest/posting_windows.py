"""Regex searches limited to windows of a text, and to where a match can begin.

`Scan.spans` gives windows around key words; `iter_in_spans` runs a pattern in them as
`posting_text.find_in_spans` does, one match at a time. `iter_anchored` and `iter_reach` give
the same matches while trying far fewer positions, for patterns whose every match begins at
(or holds, within a known distance) one of a few words: the regex engine is then started
only there instead of at every character of every window.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from applykit.ingest.posting_keywords import Scan


def iter_in_spans(
    pattern: re.Pattern[str], text: str, windows: list[tuple[int, int]]
) -> Iterator[re.Match[str]]:
    """The matches `posting_text.find_in_spans` lists, one at a time (stop at the first used)."""
    last_end = -1
    for start, end in windows:
        for match in pattern.finditer(text, start if start > last_end else last_end, end):
            last_end = match.end()
            yield match


def first_in_spans(
    pattern: re.Pattern[str], text: str, windows: list[tuple[int, int]]
) -> re.Match[str] | None:
    """The first match `posting_text.find_in_spans` would list, or None."""
    for start, end in windows:
        match = pattern.search(text, start, end)
        if match is not None:
            return match
    return None


_DIGIT = re.compile(r"\d")


def starts_or_digits(
    scan: Scan, words: tuple[str, ...], windows: list[tuple[int, int]]
) -> list[int] | None:
    """`scan.starts(words)` and every digit inside `windows`: for patterns whose matches
    begin with one of `words` or with a number."""
    if not windows:
        return []
    starts = scan.starts(words)
    if starts is None:
        return None
    text = scan.text
    digits = [m.start() for start, end in windows for m in _DIGIT.finditer(text, start, end)]
    return sorted({*starts, *digits}) if digits else starts


def iter_anchored(
    pattern: re.Pattern[str],
    scan: Scan,
    windows: list[tuple[int, int]],
    starts: list[int] | None,
) -> Iterator[re.Match[str]]:
    """`iter_in_spans(pattern, scan.text, windows)` for a pattern whose every match begins at
    one of `starts` (see `Scan.starts`): `match` is tried there only, not at every character.

    With `starts` None (the text is not aligned with its lower-cased form) every character is
    tried, as `iter_in_spans` does.
    """
    text = scan.text
    if starts is None:
        yield from iter_in_spans(pattern, text, windows)
        return
    last_end = -1
    count = len(starts)
    for start, end in windows:
        position = start if start > last_end else last_end
        index = bisect.bisect_left(starts, position)
        while index < count:
            at = starts[index]
            index += 1
            if at >= end:
                break
            if at < position:
                continue
            match = pattern.match(text, at, end)
            if match is not None:
                yield match
                last_end = position = match.end()


def first_anchored(
    pattern: re.Pattern[str],
    scan: Scan,
    windows: list[tuple[int, int]],
    starts: list[int] | None,
) -> re.Match[str] | None:
    """`first_in_spans` for a pattern whose every match begins at one of `starts`: the first
    match `iter_anchored` yields, without a generator."""
    text = scan.text
    if starts is None:
        return first_in_spans(pattern, text, windows)
    count = len(starts)
    match_at = pattern.match
    for start, end in windows:
        index = bisect.bisect_left(starts, start)
        while index < count:
            at = starts[index]
            if at >= end:
                break
            match = match_at(text, at, end)
            if match is not None:
                return match
            index += 1
    return None


def iter_reach(
    pattern: re.Pattern[str],
    text: str,
    windows: list[tuple[int, int]],
    anchors: list[int] | None,
    before: int,
    reach: int,
) -> Iterator[re.Match[str]]:
    """`iter_in_spans(pattern, text, windows)` for a pattern whose every match starting at s
    holds one of `anchors` (sorted) in s … s + `before`, and reads at most `reach` characters
    from s (the look-aheads included): it is searched only near the anchors.

    A search limited to `reach` characters past the last start it may return sees everything
    an attempt there reads, so it finds what the search over the whole window finds. With
    `anchors` None every character is tried, as `iter_in_spans` does.
    """
    if anchors is None:
        yield from iter_in_spans(pattern, text, windows)
        return
    last_end = -1
    count = len(anchors)
    for start, end in windows:
        position = start if start > last_end else last_end
        index = bisect.bisect_left(anchors, position)
        while index < count:
            low = anchors[index] - before
            if low >= end:
                break
            high = anchors[index]
            index += 1
            while index < count and anchors[index] - before <= high + 1:
                high = anchors[index]
                index += 1
            at = low if low > position else position
            while at <= high and at < end:
                match = pattern.search(text, at, min(end, high + reach))
                if match is None or match.start() > high:
                    break
                yield match
                last_end = position = at = match.end()
