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
_OPTIONAL_SECTIONS = ("Languages", "Awards", "Publications", "Certifications", "Volunteering")
"""Sections that may be cut whole, first to last, before relevant bullets."""
LOW_RELEVANCE = 0.3
"""Bullets below this relevance go before any optional section."""


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


Cut = tuple[int, int, int]
"""(section, entry, bullet) of a bullet to cut, or (section, -1, -1) for a whole section."""


def _bullet_key(resume: TailoredResume, cut: Cut) -> tuple[float, int, int, int]:
    s, e, b = cut
    relevance = resume.sections[s].entries[e].bullets[b].relevance
    return (relevance, -s, -e, -b)  # among equals: later section, older role, later bullet


def cut_order(resume: TailoredResume) -> list[Cut]:
    """What to cut, first to last, when the resume is over its page budget.

    1. bullets below LOW_RELEVANCE, least relevant first;
    2. the optional line sections (languages, awards, publications, certifications);
    3. project bullets, then the Projects section;
    4. the remaining bullets, least relevant first, the top bullet of the two most
       recent roles last. Role headers (title, employer, dates) are never cut.
    """
    bullets = [
        (s, e, b)
        for s, section in enumerate(resume.sections)
        for e, entry in enumerate(section.entries)
        for b in range(len(entry.bullets))
    ]
    bullets.sort(key=lambda cut: _bullet_key(resume, cut))
    low = [
        c
        for c in bullets
        if resume.sections[c[0]].entries[c[1]].bullets[c[2]].relevance < LOW_RELEVANCE
    ]
    rest = [c for c in bullets if c not in low]
    optional = [
        (s, -1, -1)
        for heading in _OPTIONAL_SECTIONS
        for s, section in enumerate(resume.sections)
        if section.heading == heading
    ]
    projects = [s for s, section in enumerate(resume.sections) if section.heading == "Projects"]
    project_bullets = [c for c in rest if c[0] in projects]
    protected = [
        c
        for c in rest
        if c[0] not in projects
        and resume.sections[c[0]].heading == "Experience"
        and c[1] < 2
        and c[2] == 0
    ]
    last = [c for c in rest if c not in project_bullets and c not in protected]
    return [*low, *optional, *project_bullets, *[(s, -1, -1) for s in projects], *last, *protected]


def _without(resume: TailoredResume, cuts: list[Cut]) -> TailoredResume:
    drop = set(cuts)
    copy = resume.model_copy(deep=True)
    for s, section in enumerate(copy.sections):
        for e, entry in enumerate(section.entries):
            entry.bullets = [b for i, b in enumerate(entry.bullets) if (s, e, i) not in drop]
    copy.sections = [section for s, section in enumerate(copy.sections) if (s, -1, -1) not in drop]
    return copy


def _record_cuts(original: TailoredResume, fitted: TailoredResume, cuts: list[Cut]) -> None:
    budget = f"{original.page_budget} page{'s' if original.page_budget > 1 else ''}"
    sections_cut = {s for s, e, _ in cuts if e < 0}
    for s, e, b in sorted(cuts):
        section = original.sections[s]
        if e < 0:
            fitted.changes.append(
                ResumeChange(kind="cut", detail=f"section '{section.heading}' cut to fit {budget}")
            )
            continue
        if s in sections_cut:
            continue
        entry = section.entries[e]
        bullet = entry.bullets[b]
        fitted.changes.append(
            ResumeChange(
                kind="cut",
                detail=f"{clean(entry.title)}, {clean(entry.organization)}: cut to fit {budget} "
                f"(relevance {bullet.relevance:.2f})",
                fact_id=bullet.fact_id,
                entry_id=entry.entry_id,
                before=bullet.text,
            )
        )
    for s, e in sorted({(s, e) for s, e, _ in cuts if e >= 0 and s not in sections_cut}):
        entry = original.sections[s].entries[e]
        if all((s, e, b) in cuts for b in range(len(entry.bullets))):
            fitted.changes.append(
                ResumeChange(
                    kind="shrunk",
                    detail=f"{clean(entry.title)}, {clean(entry.organization)}: only the "
                    "title, employer and dates are kept",
                    entry_id=entry.entry_id,
                )
            )


def fit_to_pages(
    resume: TailoredResume, *, design: str = "classic", paper: str = "us-letter"
) -> tuple[TailoredResume, bytes]:
    """The resume cut to `resume.page_budget` pages in this design, and its PDF.

    Cuts follow `cut_order`; a binary search over how many to make keeps it to a handful
    of compiles. Every cut is recorded as a change. If everything cuttable is not enough,
    the resume is returned with a warning, never with a role dropped.
    """
    budget = max(1, resume.page_budget)

    def measure(candidate: TailoredResume) -> bytes:
        return compile_typst(resume_typst(candidate, design=design, paper=paper))

    pdf = measure(resume)
    if page_count(pdf) <= budget:
        return resume, pdf
    order = cut_order(resume)
    low, high = 0, len(order)  # cutting order[:high] fits, cutting order[:low] does not
    best = measure(_without(resume, order))
    if page_count(best) > budget:
        fitted = _without(resume, order)
        _record_cuts(resume, fitted, order)
        fitted.warnings.append(
            f"the resume needs {page_count(best)} pages even with only role headers; "
            f"the budget was {budget}"
        )
        return fitted, best
    while high - low > 1:
        middle = (low + high) // 2
        candidate = measure(_without(resume, order[:middle]))
        if page_count(candidate) <= budget:
            high, best = middle, candidate
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
