"""Any job posting (text, Markdown, HTML, PDF, DOCX, JSON) → a complete, structured Posting.

Deterministic and model-free: structure first (headings, lists, nesting), then fields from the
parts where a careful recruiter would look for them. JSON-LD `JobPosting` data, when a page has
it, wins over heuristics.

    from applykit.ingest.postings import parse_posting, parse_posting_file
    posting = parse_posting_file("examples/postings/senior-ml-engineer.md")
"""

from __future__ import annotations

import datetime as dt
import html as html_lib
import json
import re
import sys
from pathlib import Path

from applykit.errors import InputError, NotFound
from applykit.ingest.posting_assemble import Parts, assemble
from applykit.ingest.posting_html import find_job_posting, read_html
from applykit.ingest.posting_jsonld import apply_jsonld
from applykit.ingest.posting_text import MAX_CHARS
from applykit.models.posting import Posting

SOURCE_FORMATS = ("text", "markdown", "html")
_MAX_FILE_BYTES = 50 * 1024 * 1024

__all__ = ["SOURCE_FORMATS", "parse_posting", "parse_posting_file"]


def parse_posting(
    text: str,
    *,
    source_format: str = "text",
    today: dt.date | None = None,
    url: str | None = None,
    skills: bool = True,
) -> Posting:
    """Understand one posting. Never raises on content; odd input comes back with warnings.

    `skills=False` skips skill extraction (the slowest step) for bulk work that only needs
    pay, place, type and seniority.
    """
    if source_format not in SOURCE_FORMATS:
        raise InputError(
            f"unknown posting format {source_format!r}",
            fix=f"use one of: {', '.join(SOURCE_FORMATS)}",
        )
    today = today or dt.date.today()
    jsonld = None
    hidden: list[str] = []
    page_url = None
    too_deep = False
    if source_format == "html":
        page = read_html(text[: MAX_CHARS * 10])
        body, jsonld, hidden, page_url = page.text, page.jsonld, page.hidden, page.url
        too_deep = page.too_deep
        if too_deep:
            body = html_lib.unescape(body)
    else:
        body = text
    parts = Parts(body=body, source_format=source_format, today=today, hidden=hidden, skills=skills)
    posting = assemble(parts)
    if too_deep:
        posting.warnings.append("the HTML is nested absurdly deep; it was read as plain text")
    if jsonld is not None:
        posting = apply_jsonld(posting, jsonld)
    posting.url = url or posting.url or page_url
    if posting.title is None:
        posting.warnings.append("no job title was found; give it with the posting's first line")
    _check_consistency(posting)
    return posting


def parse_posting_file(path: Path | str, *, today: dt.date | None = None) -> Posting:
    """Read a posting file ("-" = stdin) of any supported kind and parse it."""
    if str(path) == "-":
        text = _read_stdin()
        kind = (
            "html" if _looks_html(text) else "markdown" if text.lstrip().startswith("#") else "text"
        )
        return parse_posting(text, source_format=kind, today=today)
    file = Path(path)
    if not file.exists():
        raise NotFound(
            f"no such posting file: {file}",
            where=str(file),
            fix="check the path, or pass '-' to read the posting from stdin",
        )
    if file.is_dir():
        raise InputError(
            f"{file} is a folder, not a posting file", where=str(file), fix="name one posting file"
        )
    size = file.stat().st_size
    if size > _MAX_FILE_BYTES:
        raise InputError(
            f"{file} is {size / 1e6:.0f} MB, too large for a job posting",
            where=str(file),
            fix="save just the posting's page or text",
        )
    suffix = file.suffix.lower()
    if suffix in {".pdf", ".docx"}:
        return _parse_document(file, today)
    data = file.read_bytes()
    text, warnings = _decode(data)
    if suffix == ".json":
        posting = _parse_json(text, file, today)
    elif suffix in {".html", ".htm", ".xhtml"} or _looks_html(text):
        posting = parse_posting(text, source_format="html", today=today)
    elif suffix in {".md", ".markdown"}:
        posting = parse_posting(text, source_format="markdown", today=today)
    else:
        posting = parse_posting(text, source_format="text", today=today)
    posting.warnings[:0] = warnings
    return posting


def _read_stdin() -> str:
    data = sys.stdin.buffer.read(_MAX_FILE_BYTES)
    return _decode(data)[0]


def _decode(data: bytes) -> tuple[str, list[str]]:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), []
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    text = data.decode("cp1252", errors="replace")
    return text, ["the file is not UTF-8; it was read as Windows-1252 (check accented letters)"]


def _looks_html(text: str) -> bool:
    head = text[:2000].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in head)


def _parse_document(file: Path, today: dt.date | None) -> Posting:
    from applykit.ingest.documents import read_document

    document = read_document(file)
    posting = parse_posting(document.text, source_format="text", today=today)
    posting.source_format = document.format
    notes = list(document.warnings)
    if document.hidden_text:
        notes.append(
            f"{len(document.hidden_text)} hidden text fragment(s) in the document were ignored: "
            + "; ".join(repr(h[:60]) for h in document.hidden_text[:3])
        )
    posting.warnings[:0] = notes
    return posting


def _parse_json(text: str, file: Path, today: dt.date | None) -> Posting:
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as error:
        raise InputError(
            f"{file} is not valid JSON: {error}",
            where=str(file),
            fix="save the posting as text, Markdown or HTML instead",
        ) from error
    job = find_job_posting(data)
    if job is not None:
        description = job.get("description")
        body = description if isinstance(description, str) else ""
        posting = parse_posting(
            f"<html><body>{body}</body></html>", source_format="html", today=today
        )
        posting = apply_jsonld(posting, job)
        posting.source_format = "jsonld"
        if posting.title is not None:
            posting.warnings = [w for w in posting.warnings if not w.startswith("no job title")]
        return posting
    if isinstance(data, dict) and ("title" in data or "description" in data):
        from pydantic import ValidationError

        try:
            return Posting.model_validate(data)
        except ValidationError as error:
            first = error.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            raise InputError(
                f"{file} is not a valid Posting: {first['msg']}",
                where=f"{file}: {where}",
                fix="fix that field, or give the posting as text",
            ) from error
    raise InputError(
        f"{file} holds neither a Posting nor a schema.org JobPosting",
        where=str(file),
        fix="give the posting as text, Markdown, HTML, PDF or DOCX",
    )


def _check_consistency(posting: Posting) -> None:
    """Last checks that only make sense on the whole result."""
    if (
        posting.compensation
        and posting.compensation.currency == "USD"
        and any(loc.country == "Canada" for loc in posting.locations)
        and not any(loc.country == "United States" for loc in posting.locations)
        and re.match(r"^\$", posting.compensation.raw)
    ):
        posting.compensation.currency = "CAD"
