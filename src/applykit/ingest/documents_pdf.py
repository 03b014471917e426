"""PDF → text with pdfminer.six: columns in reading order, hidden text kept apart.

Layout: pdfminer groups characters into lines; per page we look for a vertical gutter that
no line crosses with enough lines on both sides. Lines that cross it (a full-width header)
split the page into bands; inside a band the left column is read before the right one.

Hidden text: a character is hidden when its fill is white (unless it sits on a dark filled
shape), its size is under 4 pt, or it lies outside the page box. Hidden characters are
reported and kept out of the text, so injected keywords cannot steer what follows.
"""

from __future__ import annotations

import io
import itertools
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from applykit.errors import InputError
from applykit.ingest.documents import DocumentText, normalise_text

if TYPE_CHECKING:
    from pdfminer.layout import LTChar, LTPage

MAX_PAGES = 40
TINY_FONT_PT = 4.0
_MIN_COLUMN_LINES = 3
_BIN = 2.0


@dataclass
class _Line:
    x0: float
    x1: float
    top: float
    text: str
    bottom: float = 0.0


@dataclass
class _PageResult:
    lines: list[str]
    hidden: dict[str, list[str]]
    columns: int
    images: int
    chars: int


def read_pdf(path: Path, data: bytes) -> DocumentText:
    """Text of every page in reading order; raises InputError for scanned or broken PDFs."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psexceptions import PSException

    params = LAParams(line_overlap=0.5, char_margin=2.0, line_margin=0.5, boxes_flow=None)
    pages: list[_PageResult] = []
    try:
        for layout in extract_pages(io.BytesIO(data), laparams=params, maxpages=MAX_PAGES + 1):
            pages.append(_read_page(layout))
    except (PDFPasswordIncorrect, PDFEncryptionError) as error:
        raise InputError(
            "the PDF is encrypted or password-protected",
            where=str(path),
            fix="save an unprotected copy (Print → Save as PDF) and import that",
        ) from error
    except (PDFSyntaxError, PSException, ValueError, KeyError, TypeError, AssertionError) as error:
        raise InputError(
            f"the PDF is damaged and cannot be read ({type(error).__name__})",
            where=str(path),
            fix="open it in a PDF viewer and save or print it to a new PDF",
        ) from error
    warnings: list[str] = []
    if len(pages) > MAX_PAGES:
        pages = pages[:MAX_PAGES]
        warnings.append(f"only the first {MAX_PAGES} pages were read")
    if not pages:
        raise InputError("the PDF has no pages", where=str(path), fix="export the PDF again")
    text_chars = sum(p.chars for p in pages)
    visible = "\n".join(line for p in pages for line in p.lines)
    if not visible.strip():
        if text_chars == 0 and any(p.images for p in pages):
            raise InputError(
                "the PDF contains only images (a scan or a photo), no selectable text",
                where=str(path),
                fix="export the resume from your editor as PDF or DOCX, or run OCR on the scan",
            )
        if text_chars == 0:
            raise InputError(
                "the PDF contains no text",
                where=str(path),
                fix="export the document again from its editor, or give the DOCX",
            )
        raise InputError(
            "all the text in the PDF is hidden (white, tiny or outside the page)",
            where=str(path),
            fix="export a version where the text is visible",
        )
    hidden_text: list[str] = []
    for number, page in enumerate(pages, start=1):
        for reason, parts in page.hidden.items():
            joined = " ".join(" ".join(parts).split())
            hidden_text.append(joined)
            warnings.append(
                f"page {number}: hidden text ({reason}) kept out of the document: "
                f"{_snippet(joined)}"
            )
    columns = max(p.columns for p in pages)
    multi = [str(i) for i, p in enumerate(pages, start=1) if p.columns > 1]
    if multi:
        warnings.append(
            f"two-column layout on page {', '.join(multi)}: read the left column first, "
            "then the right; check the order of sections"
        )
    text = "\n\f\n".join("\n".join(p.lines) for p in pages)
    return DocumentText(
        text=normalise_text(text),
        format="pdf",
        warnings=warnings,
        pages=len(pages),
        hidden_text=hidden_text,
        columns=columns,
    )


def _read_page(page: LTPage) -> _PageResult:
    from pdfminer.layout import LTChar, LTCurve, LTFigure, LTImage, LTTextContainer, LTTextLine

    x0, y0, x1, y1 = page.bbox
    dark_boxes: list[tuple[float, float, float, float]] = []
    lines: list[_Line] = []
    hidden: dict[str, list[str]] = {}
    images = 0
    chars = 0

    def visit(item: Any) -> None:
        nonlocal images, chars
        if isinstance(item, LTImage):
            images += 1
        elif isinstance(item, LTCurve):
            if item.fill and not _is_white(item.non_stroking_color):
                dark_boxes.append(item.bbox)
        elif isinstance(item, LTTextLine):
            parts: list[str] = []
            hidden_parts: dict[str, list[str]] = {}
            last_reason: str | None = None
            for char in item:
                text = char.get_text()
                if isinstance(char, LTChar) and text.strip():
                    chars += 1
                    last_reason = _hidden_reason(char, (x0, y0, x1, y1), dark_boxes)
                    if last_reason:
                        hidden_parts.setdefault(last_reason, []).append(text)
                        if parts and parts[-1] != " ":
                            parts.append(" ")
                        continue
                elif last_reason:
                    hidden_parts[last_reason].append(text)
                parts.append(text)
            for reason, found in hidden_parts.items():
                hidden.setdefault(reason, []).append("".join(found))
            line = " ".join("".join(parts).split())
            if line:
                lines.append(_Line(item.x0, item.x1, item.y1, line, item.y0))
        elif isinstance(item, LTTextContainer | LTFigure):
            for child in item:
                visit(child)

    # Shapes are drawn before text in most generators; visit them first so a white
    # character on a dark sidebar is seen as visible.
    items = list(page)
    for item in items:
        if isinstance(item, LTCurve | LTFigure | LTImage):
            visit(item)
    for item in items:
        if not isinstance(item, LTCurve | LTImage):
            if isinstance(item, LTFigure):
                for child in item:
                    if not isinstance(child, LTCurve | LTImage):
                        visit(child)
            else:
                visit(item)
    ordered, columns = _reading_order(lines, x0, x1)
    return _PageResult(ordered, hidden, columns, images, chars)


def _hidden_reason(
    char: LTChar,
    page_box: tuple[float, float, float, float],
    dark_boxes: list[tuple[float, float, float, float]],
) -> str | None:
    if not char.get_text().strip():
        return None
    px0, py0, px1, py1 = page_box
    cx = (char.x0 + char.x1) / 2
    cy = (char.y0 + char.y1) / 2
    if cx < px0 or cx > px1 or cy < py0 or cy > py1:
        return "outside the page"
    if char.size < TINY_FONT_PT:
        return f"font under {TINY_FONT_PT:g} pt"
    if _is_white(char.graphicstate.ncolor) and not any(
        bx0 <= cx <= bx1 and by0 <= cy <= by1 for bx0, by0, bx1, by1 in dark_boxes
    ):
        return "white text"
    return None


def _is_white(color: Any) -> bool:
    """Gray 1, RGB (1, 1, 1) or CMYK (0, 0, 0, 0), within a small tolerance."""
    if color is None:
        return False
    values = list(color) if isinstance(color, list | tuple) else [color]
    try:
        numbers = [float(v) for v in values]
    except (TypeError, ValueError):
        return False
    if len(numbers) == 1:
        return numbers[0] >= 0.95
    if len(numbers) == 3:
        return all(v >= 0.95 for v in numbers)
    if len(numbers) == 4:
        return all(v <= 0.05 for v in numbers)
    return False


def _reading_order(lines: list[_Line], left: float, right: float) -> tuple[list[str], int]:
    """Lines top to bottom; with a gutter, each band's left column before its right one."""
    lines = sorted(lines, key=lambda line: (-line.top, line.x0))
    gutter = _find_gutter(lines, left, right)
    if gutter is None:
        return unwrap(lines), 1
    g0, g1 = gutter
    out: list[str] = []
    left_col: list[_Line] = []
    right_col: list[_Line] = []
    columns = 1

    def flush() -> None:
        nonlocal columns
        if len(left_col) >= _MIN_COLUMN_LINES and len(right_col) >= _MIN_COLUMN_LINES:
            columns = 2
        out.extend(unwrap(left_col))
        out.extend(unwrap(right_col))
        left_col.clear()
        right_col.clear()

    for line in lines:
        if line.x1 <= g0 + 0.5:
            left_col.append(line)
        elif line.x0 >= g1 - 0.5:
            right_col.append(line)
        else:
            flush()
            out.append(line.text)
    flush()
    return out, columns


_BULLETS = tuple("•●▪◦‣–-*■□➢►✓·o")


def unwrap(lines: list[_Line]) -> list[str]:
    """Join lines that wrap: under a bullet's hanging indent, or a paragraph line that runs
    to the column's right edge followed by one starting at the same left edge."""
    if not lines:
        return []
    right_edge = max(line.x1 for line in lines)
    steps = sorted(a.top - b.top for a, b in itertools.pairwise(lines) if a.top - b.top > 0.5)
    leading = steps[len(steps) // 4] if steps else 0.0
    out: list[str] = []
    anchor: _Line | None = None  # the first line of the paragraph or bullet being built
    previous: _Line | None = None
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


def _continues(anchor: _Line, previous: _Line, line: _Line, right: float, leading: float) -> bool:
    step = previous.top - line.top
    if step <= 0 or step > 1.2 * max(leading, previous.top - previous.bottom):
        return False
    if line.text.startswith(_BULLETS) and line.text[1:2] == " ":
        return False
    if anchor.text.startswith(_BULLETS) and anchor.text[1:2] == " ":
        under_text = line.x0 > anchor.x0 + 2
        return under_text and (previous is anchor or abs(line.x0 - previous.x0) < 2)
    # Wrapped when the next line's first word would not have fitted after the previous line.
    char_width = (previous.x1 - previous.x0) / max(len(previous.text), 1)
    first_word = len(line.text.split(" ", 1)[0]) + 1
    reaches_edge = previous.x1 + first_word * char_width >= right - 2 * char_width
    return reaches_edge and abs(line.x0 - anchor.x0) < 2 and not previous.text.endswith(":")


def _find_gutter(lines: list[_Line], left: float, right: float) -> tuple[float, float] | None:
    """The widest empty vertical strip in the middle of the page with text on both sides."""
    width = right - left
    if width <= 0 or len(lines) < 2 * _MIN_COLUMN_LINES:
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
    if len(left_lines) < _MIN_COLUMN_LINES or len(right_lines) < _MIN_COLUMN_LINES:
        return None
    # Columns must sit side by side: their vertical extents overlap substantially.
    overlap = min(
        max(line.top for line in left_lines), max(line.top for line in right_lines)
    ) - max(min(line.top for line in left_lines), min(line.top for line in right_lines))
    if overlap <= 0:
        return None
    return g0, g1


def _snippet(text: str, limit: int = 80) -> str:
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")
