"""DOCX → text: body paragraphs, tables, text boxes, headers and footers, in order.

We read the OOXML directly (zipfile + ElementTree) rather than through docx2python because
docx2python returns every text box twice (the DrawingML shape and its VML fallback) and
keeps hidden runs; here a text box is read once, and hidden (`w:vanish`), white or tiny
runs are reported and kept out of the text.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING
from xml.etree import ElementTree

from applykit.errors import InputError
from applykit.ingest.documents import DocumentText, normalise_text

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
MAX_XML_BYTES = 60 * 1024 * 1024
TINY_HALF_POINTS = 8  # w:sz is in half-points: under 4 pt is hidden
_PART = re.compile(r"^word/(header|footer)\d*\.xml$")


def read_docx(path: Path, data: bytes) -> DocumentText:
    """Text of a .docx in document order; raises InputError for broken or non-Word files."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError) as error:
        raise _broken(path, "it is not a valid ZIP archive") from error
    with archive:
        names = set(archive.namelist())
        if "word/document.xml" not in names:
            raise _broken(path, "it has no word/document.xml (is it a Word file?)")
        body = _parse(archive, "word/document.xml", path)
        headers = [_parse(archive, n, path) for n in sorted(names) if _PART.match(n)]
        links = _hyperlinks(archive, names, path)
    reader = _Reader()
    body_root = body.find(f"{W}body")
    if body_root is not None:
        reader.block(body_root)
    body_lines = reader.lines
    extra: list[str] = []
    for part in headers:
        part_reader = _Reader()
        part_reader.block(part)
        for line in part_reader.lines:
            if line not in extra and line not in body_lines:
                extra.append(line)
        reader.hidden.extend(part_reader.hidden)
    text = "\n".join([*extra, *body_lines])
    warnings: list[str] = []
    if reader.hidden:
        joined = " ".join(" ".join(reader.hidden).split())
        warnings.append(f"hidden text (hidden, white or tiny runs) kept out: {_snippet(joined)}")
    if reader.text_boxes:
        warnings.append(
            f"{reader.text_boxes} text box(es) read in place; check their text sits "
            "in the right section"
        )
    if not text.strip():
        raise InputError(
            "the Word document contains no text",
            where=str(path),
            fix="if it holds a scanned image, export the resume as text from its editor",
        )
    return DocumentText(
        text=normalise_text(text),
        format="docx",
        warnings=warnings,
        hidden_text=[" ".join(reader.hidden)] if reader.hidden else [],
        links=links,
    )


_RELS = re.compile(r"^word/_rels/(?:document|header\d*|footer\d*)\.xml\.rels$")
_HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"


def _hyperlinks(archive: zipfile.ZipFile, names: set[str], path: Path) -> list[str]:
    """External hyperlink targets of the body, headers and footers, first seen first."""
    links: list[str] = []
    for name in sorted(n for n in names if _RELS.match(n)):
        for relation in _parse(archive, name, path):
            target = relation.get("Target") or ""
            if relation.get("Type") == _HYPERLINK and target and target not in links:
                links.append(target)
    return links


def _parse(archive: zipfile.ZipFile, name: str, path: Path) -> Element:
    info = archive.getinfo(name)
    if info.file_size > MAX_XML_BYTES:
        raise InputError(
            f"{name} inside the DOCX is {info.file_size // 1_048_576} MB uncompressed",
            where=str(path),
            fix="this is not a normal resume; save the document again from Word",
        )
    try:
        return ElementTree.fromstring(archive.read(name))
    except (ElementTree.ParseError, zipfile.BadZipFile, OSError, RuntimeError) as error:
        raise _broken(path, f"{name} is not valid XML") from error


def _broken(path: Path, why: str) -> InputError:
    return InputError(
        f"the DOCX file cannot be read: {why}",
        where=str(path),
        fix="open it in Word or LibreOffice and save it again as .docx",
    )


class _Reader:
    """Walks block content (paragraphs, tables, text boxes) and collects lines."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.hidden: list[str] = []
        self.text_boxes = 0

    def block(self, element: Element) -> None:
        for child in element:
            tag = child.tag
            if tag == f"{W}p":
                self.paragraph(child)
            elif tag == f"{W}tbl":
                self.table(child)
            elif tag in (f"{W}sdt", f"{W}sdtContent", f"{W}customXml", f"{W}txbxContent"):
                self.block(child)
            elif tag == f"{MC}AlternateContent":
                self.block(_choice(child))
            elif _has_text_inside(child):
                self.block(child)

    def table(self, table: Element) -> None:
        """A row of one-line cells is one line ("Acme | 2020 – 2022"); a row whose cells hold
        several paragraphs is a layout table (sidebar | main) and is read cell by cell."""
        for row in table.iter(f"{W}tr"):
            cells: list[list[str]] = []
            for cell in row.findall(f"{W}tc"):
                sub = _Reader()
                sub.block(cell)
                self.hidden.extend(sub.hidden)
                self.text_boxes += sub.text_boxes
                lines = [line for line in sub.lines if line]
                if lines and (not cells or cells[-1] != lines):  # merged cells repeat
                    cells.append(lines)
            if any(len(lines) > 1 for lines in cells):
                for lines in cells:
                    self.lines.extend(lines)
            elif cells:
                self.lines.append(" | ".join(lines[0] for lines in cells))

    def paragraph(self, paragraph: Element) -> None:
        parts: list[str] = []
        boxes: list[Element] = []
        for run in _runs(paragraph, boxes):
            text = _run_text(run)
            if not text:
                continue
            if _run_hidden(run):
                self.hidden.append(text)
            else:
                parts.append(text)
        prefix = "- " if _is_list_item(paragraph) else ""
        line = "".join(parts).strip()
        if line:
            self.lines.append(prefix + line)
        for box in boxes:
            self.text_boxes += 1
            self.block(box)


def _is_list_item(paragraph: Element) -> bool:
    """Numbered directly, or styled with a list style ("List Bullet", "List Paragraph")."""
    if paragraph.find(f"{W}pPr/{W}numPr") is not None:
        return True
    style = paragraph.find(f"{W}pPr/{W}pStyle")
    return style is not None and "list" in (style.get(f"{W}val") or "").lower()


def _runs(paragraph: Element, boxes: list[Element]) -> list[Element]:
    """The runs of a paragraph (inside hyperlinks and fields too); text boxes go to `boxes`."""
    found: list[Element] = []

    def walk(element: Element) -> None:
        for child in element:
            if child.tag == f"{W}r":
                found.append(child)
                for box in _text_boxes(child):
                    boxes.append(box)
            elif child.tag == f"{W}pPr":
                continue
            elif child.tag == f"{MC}AlternateContent":
                walk(_choice(child))
            else:
                walk(child)

    walk(paragraph)
    return found


def _text_boxes(run: Element) -> list[Element]:
    boxes: list[Element] = []

    def walk(element: Element) -> None:
        for child in element:
            if child.tag == f"{W}txbxContent":
                boxes.append(child)
            elif child.tag == f"{MC}AlternateContent":
                walk(_choice(child))
            else:
                walk(child)

    walk(run)
    return boxes


def _choice(alternate: Element) -> Element:
    """The first mc:Choice (DrawingML), never the VML fallback that repeats it."""
    choice = alternate.find(f"{MC}Choice")
    if choice is not None:
        return choice
    fallback = alternate.find(f"{MC}Fallback")
    return fallback if fallback is not None else alternate


def _run_text(run: Element) -> str:
    parts: list[str] = []
    for child in run:
        if child.tag == f"{W}t":
            parts.append(child.text or "")
        elif child.tag == f"{W}tab":
            parts.append("\t")
        elif child.tag in (f"{W}br", f"{W}cr"):
            parts.append("\n")
        elif child.tag == f"{W}noBreakHyphen":
            parts.append("-")
    return "".join(parts)


def _run_hidden(run: Element) -> bool:
    props = run.find(f"{W}rPr")
    if props is None:
        return False
    vanish = props.find(f"{W}vanish")
    if vanish is not None and vanish.get(f"{W}val", "true") not in ("0", "false"):
        return True
    color = props.find(f"{W}color")
    if color is not None and (color.get(f"{W}val") or "").upper() in ("FFFFFF", "FEFEFE"):
        return props.find(f"{W}shd") is None and props.find(f"{W}highlight") is None
    size = props.find(f"{W}sz")
    if size is not None:
        try:
            return int(size.get(f"{W}val", "24")) < TINY_HALF_POINTS
        except ValueError:
            return False
    return False


def _has_text_inside(element: Element) -> bool:
    return element.find(f".//{W}t") is not None


def _snippet(text: str, limit: int = 80) -> str:
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")
