"""One call for a tailored resume in any format: PDF, DOCX or Markdown bytes, checked."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from applykit.errors import InputError
from applykit.models.documents import TailoredResume

ResumeFormat = Literal["pdf", "docx", "md"]
FORMATS: tuple[str, ...] = ("pdf", "docx", "md")


@dataclass(frozen=True)
class RenderedResume:
    """The resume as printed (with any cuts the page budget forced) and the file's bytes."""

    resume: TailoredResume
    data: bytes
    format: str
    pages: int | None = None


def check_choices(fmt: str, design: str) -> None:
    """Refuse an unknown format or design before any work is done."""
    from applykit.render.typst_source import template

    if fmt not in FORMATS:
        raise InputError(
            f"unknown resume format {fmt!r}",
            where="--format",
            fix=f"use one of: {', '.join(FORMATS)}",
        )
    template(design)


def paper_choice(value: str) -> Literal["us-letter", "a4"] | None:
    """`--paper`: "auto" → None (chosen from the profile), "letter" → "us-letter", "a4"."""
    choice = value.strip().casefold()
    if choice == "auto":
        return None
    if choice in ("letter", "us-letter"):
        return "us-letter"
    if choice == "a4":
        return "a4"
    raise InputError(f"unknown paper size {value!r}", where="--paper", fix="use auto, letter or a4")


def render_resume(resume: TailoredResume, fmt: str, *, design: str = "classic") -> RenderedResume:
    """Render in `fmt`; PDF and DOCX are read back and checked (AtsCheckFailed if not)."""
    if fmt == "pdf":
        from applykit.render.pdf import page_count, render_pdf

        printed, pdf = render_pdf(resume, design=design)
        return RenderedResume(printed, pdf, "pdf", page_count(pdf))
    if fmt == "docx":
        from applykit.render.docx import resume_docx

        return RenderedResume(resume, resume_docx(resume), "docx")
    if fmt == "md":
        from applykit.render.markdown import resume_markdown

        return RenderedResume(resume, resume_markdown(resume).encode("utf-8"), "md")
    raise InputError(
        f"unknown resume format {fmt!r}", where="--format", fix=f"use one of: {', '.join(FORMATS)}"
    )


def default_filename(resume: TailoredResume, fmt: str) -> str:
    """ "resume-northwind-senior-ml-engineer.pdf" from the posting's company and title."""
    words = " ".join(part for part in (resume.company, resume.posting_title) if part)
    slug = re.sub(r"[^a-z0-9]+", "-", words.casefold()).strip("-")[:60].rstrip("-")
    return f"resume-{slug}.{fmt}" if slug else f"resume.{fmt}"
