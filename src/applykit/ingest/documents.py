"""Any file a user gives us → plain text in reading order, plus diagnostics.

`read_document` is the one entry point: it detects the format from the bytes and the file
name, refuses what cannot be read (missing, empty, binary junk, scanned PDF, too large) with
an `InputError` that says what to do, and reports what it noticed (two columns, hidden text)
as warnings instead of guessing silently. Postings, profiles and the resume check use it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from applykit.errors import InputError

MAX_BYTES = 20 * 1024 * 1024
"""Files larger than this are refused: no resume or posting is 20 MB of text."""

DocumentFormat = str
"""One of "pdf", "docx", "html", "markdown", "text", "json", "yaml"."""

_SUFFIX_FORMATS = {
    ".pdf": "pdf",
    ".docx": "docx",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".md": "markdown",
    ".markdown": "markdown",
    ".json": "json",
    ".yaml": "yaml",
    ".yml": "yaml",
    ".txt": "text",
    ".text": "text",
}
_TEXT_ENCODINGS = ("utf-8", "cp1252")
_INVISIBLE = str.maketrans(
    {
        **dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None),
        0xFB00: "ff",
        0xFB01: "fi",
        0xFB02: "fl",
        0xFB03: "ffi",
        0xFB04: "ffl",
        0xFB05: "st",
        0xFB06: "st",
    }
)
"""Zero-width characters and soft hyphens (which can split a keyword invisibly) are dropped;
typographic ligatures become their letters."""


@dataclass
class DocumentText:
    """The readable text of a document, what format it was, and what to review."""

    text: str
    format: DocumentFormat
    warnings: list[str] = field(default_factory=list)
    pages: int | None = None
    hidden_text: list[str] = field(default_factory=list)
    """Text found but kept out of `text` (white, tiny, off-page or hidden-run text)."""
    columns: int = 1
    """The most columns found on one page (PDF only); 2 means columns were reordered."""
    links: list[str] = field(default_factory=list)
    """Targets of hyperlinks (PDF link annotations, DOCX hyperlinks), which the visible text
    often hides behind a word such as "LinkedIn"."""


def read_document(path: Path) -> DocumentText:
    """Read `path` (PDF, DOCX, HTML, Markdown, plain text, JSON or YAML) into text."""
    data = _read_bytes(path)
    fmt = detect_format(path, data)
    if fmt == "pdf":
        from applykit.ingest.documents_pdf import read_pdf

        return read_pdf(path, data)
    if fmt == "docx":
        from applykit.ingest.documents_docx import read_docx

        return read_docx(path, data)
    text, warnings = decode_text(path, data)
    if fmt == "html":
        return _html_to_text(path, text, warnings)
    if not text.strip():
        raise InputError(
            "the file contains only whitespace",
            where=str(path),
            fix="check that you picked the right file and that it was saved",
        )
    return DocumentText(text=normalise_text(text), format=fmt, warnings=warnings)


def detect_format(path: Path, data: bytes) -> DocumentFormat:
    """The format from the magic bytes first, then the file name."""
    head = data[:1024].lstrip()
    if data.startswith(b"%PDF-") or b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        if path.suffix.lower() in (".docx", ".docm", ".dotx", "") or b"word/" in data[:4096]:
            return "docx"
        raise InputError(
            f"'{path.suffix or 'this'}' is a ZIP archive, not a document applykit can read",
            where=str(path),
            fix="save the document as PDF, DOCX, Markdown or plain text",
        )
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise InputError(
            "this is an old binary Word (.doc) or Office file, which applykit cannot read",
            where=str(path),
            fix="open it in Word or LibreOffice and save it as .docx or PDF",
        )
    suffix = path.suffix.lower()
    if suffix in _SUFFIX_FORMATS:
        return _SUFFIX_FORMATS[suffix]
    lowered = head[:200].lower()
    if lowered.startswith((b"<!doctype html", b"<html")) or b"<body" in data[:4096].lower():
        return "html"
    if lowered.startswith((b"{", b"[")):
        return "json"
    return "text"


def decode_text(path: Path, data: bytes) -> tuple[str, list[str]]:
    """Bytes → str with BOM detection and a UTF-8 → cp1252 fallback; refuses binary data."""
    warnings: list[str] = []
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), warnings
        except UnicodeDecodeError as error:
            raise _unreadable(path, "it starts like UTF-16 but does not decode") from error
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if _looks_binary(data):
        raise InputError(
            "this looks like a binary file, not text",
            where=str(path),
            fix="give a PDF, DOCX, Markdown, JSON, YAML or plain-text file",
        )
    for encoding in _TEXT_ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding != "utf-8":
            warnings.append(f"the file is not UTF-8; read it as {encoding}: check accented letters")
        return text, warnings
    text = data.decode("utf-8", errors="replace")
    warnings.append("some bytes are not valid text and were replaced with '\ufffd'")
    return text, warnings


def normalise_text(text: str) -> str:
    """Unify line ends, drop control characters and trailing spaces, squeeze blank runs."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    text = text.translate(_INVISIBLE)
    text = "".join(ch for ch in text if ch in "\n\t" or ch >= " " or ch == "\f")
    lines = [line.rstrip() for line in text.split("\n")]
    kept: list[str] = []
    blank = 0
    for line in lines:
        blank = blank + 1 if not line.strip() else 0
        if blank <= 1:
            kept.append(line)
    return "\n".join(kept).strip("\n") + "\n"


def _read_bytes(path: Path) -> bytes:
    if not path.exists():
        raise InputError(
            "the file does not exist", where=str(path), fix="check the path and the file name"
        )
    if path.is_dir():
        raise InputError("this is a folder, not a file", where=str(path), fix="name a file")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(
                f"the file is {size / 1_048_576:.1f} MB, over the {MAX_BYTES // 1_048_576} MB cap",
                where=str(path),
                fix="give the document itself, without embedded media; export a smaller PDF",
            )
        data = path.read_bytes()
    except PermissionError as error:
        raise _unreadable(path, "permission denied") from error
    except OSError as error:
        raise _unreadable(path, error.strerror or str(error)) from error
    if not data.strip():
        raise InputError(
            "the file is empty",
            where=str(path),
            fix="check that you picked the right file and that it was saved",
        )
    return data


def _unreadable(path: Path, why: str) -> InputError:
    return InputError(
        f"the file cannot be read: {why}",
        where=str(path),
        fix="check the file opens on your computer, then save it again as PDF, DOCX or text",
    )


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    control = sum(1 for byte in sample if byte < 32 and byte not in (9, 10, 12, 13, 27))
    return control > max(8, len(sample) // 50)


_HTML_DROP = ("script", "style", "noscript", "template", "svg", "iframe", "head")
_HTML_BLOCKS = (
    *("p", "div", "section", "article", "header", "footer", "main", "aside", "ul", "ol"),
    *("h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "br", "dt", "dd", "blockquote", "pre"),
    "hr",
)


def _html_to_text(path: Path, html: str, warnings: list[str]) -> DocumentText:
    """Visible text of an HTML page with block elements on their own lines."""
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(html)
    hidden: list[str] = []
    for node in tree.css("[hidden], [style*='display:none'], [style*='display: none']"):
        text = node.text(separator=" ", strip=True)
        if text:
            hidden.append(text)
    if hidden:
        warnings.append(f"hidden HTML text kept out of the document: {_snippet(hidden)}")
    for node in tree.css("[hidden], [style*='display:none'], [style*='display: none']"):
        node.decompose()
    tree.strip_tags(list(_HTML_DROP))
    for tag in ("li",):
        for node in tree.css(tag):
            node.insert_before("\n- ")
    for tag in _HTML_BLOCKS:
        for node in tree.css(tag):
            node.insert_after("\n")
    body = tree.body or tree.root
    text = body.text(separator="", strip=False) if body is not None else ""
    lines = [" ".join(line.split()) for line in text.split("\n")]
    cleaned = normalise_text("\n".join(lines))
    if not cleaned.strip():
        raise InputError(
            "the HTML page has no visible text",
            where=str(path),
            fix="save the page after it has loaded (File → Save as), or copy its text",
        )
    return DocumentText(text=cleaned, format="html", warnings=warnings, hidden_text=hidden)


def _snippet(parts: list[str], limit: int = 80) -> str:
    joined = " ".join(" ".join(parts).split())
    return repr(joined if len(joined) <= limit else joined[: limit - 1] + "…")
