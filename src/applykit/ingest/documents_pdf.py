"""PDF → text with pdfminer.six: columns in reading order, hidden text kept apart.

Layout (columns, wrapped lines) is decided in documents_layout from pdfminer's lines; lines
repeated at the top or bottom of every page (running headers, page numbers) are read once.

Hidden text: a character is hidden when its fill is white (unless it sits on a dark filled
shape), its size is under 4 pt, or it lies outside the page box. Hidden characters are
reported and kept out of the text, so injected keywords cannot steer what follows.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from applykit.errors import InputError
from applykit.ingest.documents import DocumentText, normalise_text
from applykit.ingest.documents_layout import Line, reading_order

if TYPE_CHECKING:
    from pdfminer.layout import LTChar, LTPage

MAX_PAGES = 40
TINY_FONT_PT = 4.0


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
    scanned = [str(i) for i, p in enumerate(pages, start=1) if p.images and not p.chars]
    if scanned:
        warnings.append(
            f"page {', '.join(scanned)} holds only images (scanned?): its text could not be "
            "read; export the resume again, or run OCR on it"
        )
    columns = max(p.columns for p in pages)
    multi = [str(i) for i, p in enumerate(pages, start=1) if p.columns > 1]
    if multi:
        warnings.append(
            f"two-column layout on page {', '.join(multi)}: read the left column first, "
            "then the right; check the order of sections"
        )
    _check_cid_garbage(path, pages, warnings)
    repeated = _drop_running_lines(pages)
    if repeated:
        warnings.append(
            f"running header/footer lines repeated on every page were read once: {repeated!r}"
        )
    text = "\n\f\n".join("\n".join(p.lines) for p in pages)
    links = _link_targets(data, len(pages))
    return DocumentText(
        text=normalise_text(text),
        format="pdf",
        warnings=warnings,
        pages=len(pages),
        hidden_text=hidden_text,
        columns=columns,
        links=links,
    )


def _link_targets(data: bytes, pages: int) -> list[str]:
    """URIs of the link annotations on the first `pages` pages (never fatal)."""
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import resolve1
    from pdfminer.psexceptions import PSException

    links: list[str] = []
    try:
        document = PDFDocument(PDFParser(io.BytesIO(data)))
        for number, page in enumerate(PDFPage.create_pages(document)):
            if number >= pages:
                break
            for annotation in resolve1(page.annots) or []:
                action = resolve1(resolve1(annotation).get("A")) or {}
                uri = resolve1(action.get("URI")) if isinstance(action, dict) else None
                if isinstance(uri, bytes):
                    uri = uri.decode("utf-8", errors="replace")
                if isinstance(uri, str) and uri and uri not in links:
                    links.append(uri)
    except (PSException, ValueError, KeyError, TypeError, AttributeError):
        return links
    return links


_CID = re.compile(r"\(cid:\d+\)")


def _check_cid_garbage(path: Path, pages: list[_PageResult], warnings: list[str]) -> None:
    """Glyphs without a character map come out as "(cid:42)": refuse mostly-garbage text,
    drop a few such glyphs with a warning."""
    text = "".join(line for page in pages for line in page.lines)
    unmapped = len(_CID.findall(text))
    if not unmapped:
        return
    if unmapped * 7 > 0.2 * max(len(text), 1):
        raise InputError(
            "the PDF's fonts have no character map, so its text cannot be read",
            where=str(path),
            fix="export the PDF again from your editor (or print it to PDF), or give the DOCX",
        )
    for page in pages:
        page.lines = [" ".join(_CID.sub(" ", line).split()) for line in page.lines]
        page.lines = [line for line in page.lines if line]
    warnings.append(f"{unmapped} character(s) in the PDF could not be decoded and were left out")


def _drop_running_lines(pages: list[_PageResult]) -> list[str]:
    """Lines at the top or bottom of every page ("Jane Doe, page 2 of 3") are dropped, except
    the top ones of the first page, so they do not land in the middle of a section."""
    if len(pages) < 2:
        return []
    total = len(pages)

    def key(line: str, number: int) -> str:
        line = re.sub(rf"(?<!\d)(?:{number}|{total})(?!\d)", "#", line.strip().lower())
        return " ".join(line.split())

    edges = [
        {key(line, number) for line in page.lines[:2] + page.lines[-2:]}
        for number, page in enumerate(pages, start=1)
    ]
    common = set.intersection(*edges)
    dropped: list[str] = []
    for number, page in enumerate(pages, start=1):
        positions = (-1, -2) if number == 1 else (0, 1, -1, -2)
        for position in positions:
            index = position if position >= 0 else len(page.lines) + position
            if not 0 <= index < len(page.lines):
                continue
            line = page.lines[index]
            if line and key(line, number) in common:
                dropped.append(line)
                page.lines[index] = ""
        page.lines = [line for line in page.lines if line]
    return sorted(set(dropped))


def _read_page(page: LTPage) -> _PageResult:
    from pdfminer.layout import LTChar, LTCurve, LTFigure, LTImage, LTTextContainer, LTTextLine

    x0, y0, x1, y1 = page.bbox
    dark_boxes: list[tuple[float, float, float, float]] = []
    lines: list[Line] = []
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
                lines.append(Line(item.x0, item.x1, item.y1, line, item.y0))
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
    ordered, columns = reading_order(lines, x0, x1)
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


def _snippet(text: str, limit: int = 80) -> str:
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")
