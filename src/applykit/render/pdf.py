"""Tailored resume → PDF through the bundled Typst compiler, fitted to the page budget.

Fonts: Typst's own embedded fonts (Libertinus Serif, New Computer Modern) plus Droid Sans
Fallback shipped in applykit/data/fonts (Apache-2.0) for CJK and other scripts; system
fonts are ignored so the output is the same on every machine. Fonts are embedded (subset)
in the PDF. Every PDF is read back and checked before it is returned (see render/ats.py).
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import Any

from applykit.errors import InputError
from applykit.models.documents import ResumeChange, TailoredResume
from applykit.render.resume_text import clean
from applykit.render.typst_source import resume_typst

_PAGE_COUNT = re.compile(rb"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)")
_OPTIONAL_SECTIONS = ("Languages", "Awards", "Certifications", "Publications", "Volunteering")
"""Line sections that may be cut whole, first to last, once no bullet is left to cut."""


@cache
def _fonts() -> Any:
    """Typst's embedded fonts plus the bundled fallback, loaded once per process."""
    import typst

    folder = str(resources.files("applykit") / "data" / "fonts")
    return typst.Fonts(include_system_fonts=False, include_embedded_fonts=True, font_paths=[folder])


def compile_typst(source: str) -> bytes:
    """Compile Typst source to PDF bytes with the bundled fonts only."""
    import typst

    try:
        pdf: bytes = typst.compile(
            source.encode("utf-8"), font_paths=_fonts(), ignore_system_fonts=True
        )
    except RuntimeError as error:  # typst raises TypstError (a RuntimeError) on bad source
        raise InputError(
            "the resume could not be typeset",
            where="render/pdf",
            fix=f"report this with the resume data; Typst said: {str(error)[:300]}",
        ) from error
    return pdf


def page_count(pdf: bytes) -> int:
    """Pages of a PDF that Typst wrote (its page tree is one uncompressed object)."""
    match = _PAGE_COUNT.search(pdf)
    if match is None:
        from io import BytesIO

        from pdfminer.pdfpage import PDFPage

        return sum(1 for _ in PDFPage.get_pages(BytesIO(pdf)))
    return int(match.group(1))


def _cut_order(resume: TailoredResume) -> list[tuple[int, int, int]]:
    """(section, entry, bullet) positions, least valuable first.

    Lowest relevance first; among equals, the older role (later in the section) and the
    later bullet of a role go first. Each role keeps its header line whatever is cut.
    """
    positions: list[tuple[float, int, int, int, int]] = []
    for s, section in enumerate(resume.sections):
        for e, entry in enumerate(section.entries):
            for b, bullet in enumerate(entry.bullets):
                positions.append((bullet.relevance, -s, -e, -b, 0))
    positions.sort()
    return [(-s, -e, -b) for _, s, e, b, _ in positions]


def _without(resume: TailoredResume, cuts: list[tuple[int, int, int]]) -> TailoredResume:
    drop = set(cuts)
    copy = resume.model_copy(deep=True)
    for s, section in enumerate(copy.sections):
        for e, entry in enumerate(section.entries):
            entry.bullets = [b for i, b in enumerate(entry.bullets) if (s, e, i) not in drop]
    return copy


def _record_cuts(
    original: TailoredResume, fitted: TailoredResume, cuts: list[tuple[int, int, int]]
) -> None:
    pages = original.page_budget
    for s, e, b in sorted(cuts):
        entry = original.sections[s].entries[e]
        bullet = entry.bullets[b]
        fitted.changes.append(
            ResumeChange(
                kind="cut",
                detail=(
                    f"cut to fit {pages} page{'s' if pages > 1 else ''}: relevance "
                    f"{bullet.relevance:.2f} ({clean(entry.title)}, {clean(entry.organization)})"
                ),
                fact_id=bullet.fact_id,
                entry_id=entry.entry_id,
                before=bullet.text,
            )
        )
    for s, e in sorted({(s, e) for s, e, _ in cuts}):
        entry = fitted.sections[s].entries[e]
        if not entry.bullets:
            fitted.changes.append(
                ResumeChange(
                    kind="shrunk",
                    detail=f"{clean(entry.title)}, {clean(entry.organization)}: only the "
                    "title, employer and dates are kept",
                    entry_id=entry.entry_id,
                )
            )


def _drop_section(resume: TailoredResume, heading: str, budget: int) -> TailoredResume | None:
    kept = [section for section in resume.sections if section.heading != heading]
    if len(kept) == len(resume.sections):
        return None
    changes = [
        *resume.changes,
        ResumeChange(kind="cut", detail=f"section '{heading}' cut to fit {budget} page(s)"),
    ]
    return resume.model_copy(update={"sections": kept, "changes": changes})


def fit_to_pages(
    resume: TailoredResume, *, design: str = "classic", paper: str = "us-letter"
) -> tuple[TailoredResume, bytes]:
    """The resume cut to `resume.page_budget` pages in this design, and its PDF.

    Bullets go first, least relevant first (binary search over how many to cut, so a
    long profile costs a handful of compiles); every cut is recorded as a change. If even
    the role headers do not fit, optional sections go whole; if that is not enough, the
    resume is returned with a warning, never with a role dropped.
    """
    budget = max(1, resume.page_budget)

    def measure(candidate: TailoredResume) -> bytes:
        return compile_typst(resume_typst(candidate, design=design, paper=paper))

    pdf = measure(resume)
    if page_count(pdf) <= budget:
        return resume, pdf
    original = resume
    order = _cut_order(resume)
    pdf_all = measure(_without(resume, order))
    for heading in (*_OPTIONAL_SECTIONS, "Projects"):
        if page_count(pdf_all) <= budget:
            break
        smaller = _drop_section(resume, heading, budget)
        if smaller is not None:
            resume = smaller
            order = _cut_order(resume)
            pdf_all = measure(_without(resume, order))
    if page_count(pdf_all) > budget:
        fitted = _without(resume, order)
        _record_cuts(resume, fitted, order)
        fitted.warnings.append(
            f"the resume needs {page_count(pdf_all)} pages even with only role headers; "
            f"the budget was {budget}"
        )
        return fitted, pdf_all
    if len(resume.sections) != len(original.sections):
        pdf = measure(resume)
        if page_count(pdf) <= budget:
            return resume, pdf
    low, high, best = 0, len(order), pdf_all  # cutting `high` fits, cutting `low` does not
    while high - low > 1:
        middle = (low + high) // 2
        candidate_pdf = measure(_without(resume, order[:middle]))
        if page_count(candidate_pdf) <= budget:
            high, best = middle, candidate_pdf
        else:
            low = middle
    fitted = _without(resume, order[:high])
    _record_cuts(resume, fitted, order[:high])
    return fitted, best


def render_pdf(
    resume: TailoredResume, *, design: str = "classic", paper: str = "us-letter"
) -> tuple[TailoredResume, bytes]:
    """Fit, compile and ATS-check; returns the resume as printed (with its cuts) and the PDF."""
    from applykit.render.ats import verify_round_trip

    fitted, pdf = fit_to_pages(resume, design=design, paper=paper)
    verify_round_trip(fitted, pdf, "pdf")
    return fitted, pdf


def resume_pdf(resume: TailoredResume, *, design: str = "classic") -> bytes:
    """PDF bytes of the resume within its page budget; raises if the ATS check fails."""
    return render_pdf(resume, design=design)[1]
