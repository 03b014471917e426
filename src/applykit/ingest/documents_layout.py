"""Page layout for PDF text: reading order across columns, and joining wrapped lines.

Lines come from pdfminer with their boxes. Per page we look for a vertical gutter that no
line crosses with enough lines on both sides. Lines that cross it (a full-width header)
split the page into bands; inside a band the left column is read before the right one.
Within a column, a line that continues a bullet's hanging indent, or a paragraph line that
ran to the column's right edge, is joined to the line before it.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

MIN_COLUMN_LINES = 3
_BIN = 2.0


@dataclass
class Line:
    """One text line of a page with its box (PDF points, y grows upwards)."""

    x0: float
    x1: float
    top: float
    text: str
    bottom: float = 0.0


def reading_order(lines: list[Line], left: float, right: float) -> tuple[list[str], int]:
    """Lines top to bottom; with a gutter, each band's left column before its right one."""
    lines = sorted(lines, key=lambda line: (-line.top, line.x0))
    gutter = _find_gutter(lines, left, right)
    if gutter is None:
        return unwrap(lines), 1
    g0, g1 = gutter
    out: list[str] = []
    full: list[Line] = []  # consecutive lines that cross the gutter (a full-width header)
    left_col: list[Line] = []
    right_col: list[Line] = []
    columns = 1

    def flush_band() -> None:
        nonlocal columns
        if _side_by_side(left_col, right_col):
            columns = 2
            out.extend(unwrap(left_col))
            out.extend(unwrap(right_col))
        else:  # a few right-aligned dates are not a column: keep them beside their line
            out.extend(unwrap(sorted(left_col + right_col, key=lambda ln: (-ln.top, ln.x0))))
        left_col.clear()
        right_col.clear()

    for line in lines:
        if line.x1 <= g0 + 0.5 or line.x0 >= g1 - 0.5:
            if full:
                out.extend(unwrap(full))
                full.clear()
            (left_col if line.x1 <= g0 + 0.5 else right_col).append(line)
        else:
            flush_band()
            full.append(line)
    flush_band()
    out.extend(unwrap(full))
    return out, columns


def _side_by_side(left: list[Line], right: list[Line]) -> bool:
    """Two real columns: enough lines on each side, each holding a fair share of the text."""
    if len(left) < MIN_COLUMN_LINES or len(right) < MIN_COLUMN_LINES:
        return False
    left_chars = sum(len(line.text) for line in left)
    right_chars = sum(len(line.text) for line in right)
    return min(left_chars, right_chars) >= 0.15 * (left_chars + right_chars)


_STARTS_WITH_DATE = re.compile(
    r"^(?:(?:19|20)\d\d\b|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+"
    r"(?:19|20)\d\d|(?:0?[1-9]|1[0-2])/(?:19|20)\d\d|since\b|present\b)",
    re.IGNORECASE,
)
_BULLETS = tuple("•●▪◦‣–—-*+○■□➢►▸▹✓✔·❖◆♦◇⁃∙⦁→o\uf0b7\uf0a7\uf076\uf0d8\uf0fc")


def _is_bullet(text: str) -> bool:
    """A bullet mark then text; ASCII marks (and "o") need a space, symbol glyphs do not."""
    if not text.startswith(_BULLETS):
        return False
    return text[1:2] == " " or (text[0] not in "-*+o" and text[1:2].strip() != "")


def unwrap(lines: list[Line]) -> list[str]:
    """Join lines that wrap: under a bullet's hanging indent, or a paragraph line that runs
    to the column's right edge followed by one starting at the same left edge."""
    if not lines:
        return []
    lines = _rows(lines)
    right_edge = max(line.x1 for line in lines)
    steps = sorted(a.top - b.top for a, b in itertools.pairwise(lines) if a.top - b.top > 0.5)
    leading = steps[len(steps) // 4] if steps else 0.0
    out: list[str] = []
    anchor: Line | None = None  # the first line of the paragraph or bullet being built
    previous: Line | None = None
    for line in lines:
        if (
            anchor is not None
            and previous is not None
            and _continues(anchor, previous, line, right_edge, leading)
        ):
            joiner = "" if out[-1].endswith("-") and line.text[:1].islower() else " "
            out[-1] = f"{out[-1]}{joiner}{line.text}"
        else:
            out.append(line.text)
            anchor = line
        previous = line
    return out


def _rows(lines: list[Line]) -> list[Line]:
    """Fragments of one row ("Acme Corp" and its right-aligned "Seattle, WA") become one
    line with a tab between the parts, the way a word processor's tab stop reads."""
    merged: list[Line] = []
    for line in lines:
        last = merged[-1] if merged else None
        if last is None or abs(last.top - line.top) >= 2:
            merged.append(line)
        elif line.x0 >= last.x1:
            merged[-1] = Line(
                last.x0,
                line.x1,
                max(last.top, line.top),
                f"{last.text}\t{line.text}",
                min(last.bottom, line.bottom),
            )
        elif line.x1 <= last.x0:
            merged[-1] = Line(
                line.x0,
                last.x1,
                max(last.top, line.top),
                f"{line.text}\t{last.text}",
                min(last.bottom, line.bottom),
            )
        else:
            merged.append(line)
    return merged


def _continues(anchor: Line, previous: Line, line: Line, right: float, leading: float) -> bool:
    step = previous.top - line.top
    if step <= 0 or step > 1.2 * max(leading, previous.top - previous.bottom):
        return False
    if _is_bullet(line.text):
        return False
    if _is_bullet(anchor.text):
        under_text = line.x0 > anchor.x0 + 2
        return under_text and (previous is anchor or abs(line.x0 - previous.x0) < 2)
    if "\t" in previous.text or "\t" in line.text:
        return False  # a row with a right-aligned part is a header, not running text
    if _STARTS_WITH_DATE.match(line.text):
        return False  # "Acme Corp" then "2019 – 2021": a header and its date line
    # Wrapped when the next line's first word would not have fitted after the previous line.
    char_width = (previous.x1 - previous.x0) / max(len(previous.text), 1)
    first_word = len(line.text.split(" ", 1)[0]) + 1
    reaches_edge = previous.x1 + first_word * char_width >= right - 2 * char_width
    return reaches_edge and abs(line.x0 - anchor.x0) < 2 and not previous.text.endswith(":")


def _find_gutter(lines: list[Line], left: float, right: float) -> tuple[float, float] | None:
    """The widest empty vertical strip in the middle of the page with text on both sides."""
    width = right - left
    if width <= 0 or len(lines) < 2 * MIN_COLUMN_LINES:
        return None
    bins = int(width / _BIN) + 1
    covered = [0] * bins
    for line in lines:
        start = max(0, int((line.x0 - left) / _BIN))
        end = min(bins - 1, int((line.x1 - left) / _BIN))
        for index in range(start, end + 1):
            covered[index] += 1
    lo = int(0.2 * width / _BIN)
    hi = int(0.8 * width / _BIN)
    best: tuple[int, int] | None = None
    run_start: int | None = None
    threshold = max(1, len(lines) // 8)
    for index in range(lo, hi + 1):
        if covered[index] < threshold:
            if run_start is None:
                run_start = index
            if best is None or index - run_start > best[1] - best[0]:
                best = (run_start, index)
        else:
            run_start = None
    if best is None or (best[1] - best[0] + 1) * _BIN < 8:
        return None
    g0 = left + best[0] * _BIN
    g1 = left + (best[1] + 1) * _BIN
    # Snap the strip to the text: the right edge of the left column, the left edge of the
    # right one (the binned run may reach into either).
    ends = [line.x1 for line in lines if line.x1 < g1 and line.x0 < g0]
    starts = [line.x0 for line in lines if line.x0 > g0 and line.x1 > g1]
    if ends and starts and max(ends) < min(starts):
        g0, g1 = max(ends), min(starts)
    left_lines = [line for line in lines if line.x1 <= g0 + 0.5]
    right_lines = [line for line in lines if line.x0 >= g1 - 0.5]
    if len(left_lines) < MIN_COLUMN_LINES or len(right_lines) < MIN_COLUMN_LINES:
        return None
    # Columns must sit side by side: their vertical extents overlap substantially.
    overlap = min(
        max(line.top for line in left_lines), max(line.top for line in right_lines)
    ) - max(min(line.top for line in left_lines), min(line.top for line in right_lines))
    if overlap <= 0:
        return None
    return g0, g1
