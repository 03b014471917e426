"""Tailored resume → PDF through the bundled Typst compiler, fitted to the page budget.

Every PDF is read back with the profile importer and checked before it is returned
(render/ats.py). Compiling and fonts: render/typst_compile.py; cutting to the page
budget: render/page_fit.py.
"""

from __future__ import annotations

from applykit.models.documents import TailoredResume
from applykit.render.page_fit import fit_to_pages
from applykit.render.typst_compile import page_count

__all__ = ["fit_to_pages", "page_count", "render_pdf", "resume_pdf"]


def render_pdf(
    resume: TailoredResume, *, design: str = "classic", paper: str | None = None
) -> tuple[TailoredResume, bytes]:
    """Fit, compile and ATS-check; returns the resume as printed (with its cuts) and the PDF."""
    from applykit.render.ats import verify_round_trip

    fitted, pdf = fit_to_pages(resume, design=design, paper=paper)
    verify_round_trip(fitted, pdf, "pdf")
    return fitted, pdf


def resume_pdf(resume: TailoredResume, *, design: str = "classic") -> bytes:
    """PDF bytes of the resume within its page budget; raises if the ATS check fails."""
    return render_pdf(resume, design=design)[1]
