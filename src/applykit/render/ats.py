"""The ATS check: read our own PDF or DOCX back like an applicant tracking system would.

We extract the text with the same importer users' resumes go through
(`applykit.ingest.documents.read_document`) and verify that every name, contact item,
heading, title, employer, date range, bullet and skill comes back, in order. A render
whose check fails raises instead of handing the user a file a parser would garble.
"""

from __future__ import annotations

import re
import tempfile
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from applykit.errors import UserError
from applykit.models.documents import TailoredResume
from applykit.render.resume_text import expected_sequence

if TYPE_CHECKING:
    from applykit.ingest.documents import DocumentText

_DASHES = dict.fromkeys(map(ord, "‐‑‒–—―−"), "-")
_QUOTES = {ord("‘"): "'", ord("’"): "'", ord("“"): '"', ord("”"): '"'}
_DROP = re.compile(r"[\s•◦▪·\u00ad]+")


class AtsCheckFailed(UserError):
    """Our own rendered resume did not read back correctly: we refuse to hand it out."""

    kind = "ATS check failed"


def normalise(text: str) -> str:
    """Comparable form: compatibility forms folded (ligatures), case folded, dashes and
    quotes unified, and every space, line break and bullet sign removed (line wrapping
    differs between formats, the words and their order must not)."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = text.translate(_DASHES).translate(_QUOTES)
    return _DROP.sub("", text)


_RTL_RUN = re.compile(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]+")


def logical_order(text: str) -> str:
    """Extracted text with right-to-left runs (Arabic, Hebrew) turned back into reading
    order: PDF extractors return them in visual order, left to right."""
    return _RTL_RUN.sub(lambda match: match.group()[::-1], text)


def ats_check(resume: TailoredResume, extracted_text: str) -> list[str]:
    """Problems found reading `extracted_text` as this resume (empty list = pass).

    Each expected string must appear after the previous one; one that appears only
    earlier is reported as out of order, one that is absent as missing.
    """
    haystack = normalise(extracted_text)
    problems = _problems(resume, haystack)
    if problems and _RTL_RUN.search(haystack):
        turned = _problems(resume, logical_order(haystack))
        problems = turned if len(turned) < len(problems) else problems
    return problems


def _problems(resume: TailoredResume, haystack: str) -> list[str]:
    problems: list[str] = []
    position = 0
    for item in expected_sequence(resume):
        needle = normalise(item)
        if not needle:
            continue
        found = haystack.find(needle, position)
        if found >= 0:
            position = found + len(needle)
        elif needle in haystack:
            problems.append(f"out of order: {_short(item)}")
        else:
            problems.append(f"missing: {_short(item)}")
    return problems


def read_back(data: bytes, fmt: Literal["pdf", "docx"]) -> DocumentText:
    """A rendered document as the profile importer reads it (text and diagnostics)."""
    from applykit.ingest.documents import read_document

    with tempfile.TemporaryDirectory(prefix="applykit-ats-") as folder:
        path = Path(folder) / f"resume.{fmt}"
        path.write_bytes(data)
        return read_document(path)


def extract_text(data: bytes, fmt: Literal["pdf", "docx"]) -> str:
    """Text of a rendered document as the profile importer reads it."""
    return read_back(data, fmt).text


def layout_problems(document: DocumentText) -> list[str]:
    """What a parser would trip on beyond the words: columns, hidden text."""
    problems = []
    if document.columns > 1:
        problems.append(f"read as {document.columns} columns")
    problems.extend(f"hidden text: {_short(text)}" for text in document.hidden_text[:3])
    return problems


def verify_round_trip(resume: TailoredResume, data: bytes, fmt: Literal["pdf", "docx"]) -> None:
    """Raise AtsCheckFailed unless everything on the resume reads back in order, in one
    column, with no hidden text."""
    document = read_back(data, fmt)
    problems = layout_problems(document) + ats_check(resume, document.text)
    if problems:
        listed = "; ".join(problems[:5]) + (
            f" (+{len(problems) - 5} more)" if len(problems) > 5 else ""
        )
        raise AtsCheckFailed(
            f"the {fmt.upper()} does not read back correctly: {listed}",
            where=f"rendered {fmt}",
            fix="try another design (--design) or format; if it persists, report it with "
            "the profile: characters no bundled font covers are a common cause",
        )


def _short(text: str, limit: int = 70) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
