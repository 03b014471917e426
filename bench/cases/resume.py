"""Tailored resume speed (targets: tailor + PDF < 500 ms warm, DOCX < 300 ms) and quality:
every example posting gets a one-page PDF that reads back in order."""

from __future__ import annotations

import datetime as dt
import statistics
import time
from collections.abc import Callable

import yaml

from bench.common import EXAMPLES, Row, median_seconds

TODAY = dt.date(2026, 1, 15)


def _median_cpu_seconds(action: Callable[[], object], repeat: int = 7) -> float:
    """CPU time of this process: steadier than wall time on a shared, loaded machine."""
    action()
    times = []
    for _ in range(repeat):
        start = time.process_time()
        action()
        times.append(time.process_time() - start)
    return statistics.median(times)


def run() -> list[Row]:
    from applykit.ingest.postings import parse_posting_file
    from applykit.ingest.profile_ids import assign_ids
    from applykit.match.fit import analyze_fit
    from applykit.models.profile import Profile
    from applykit.render.ats import ats_check, extract_text
    from applykit.render.docx import resume_docx
    from applykit.render.markdown import resume_markdown
    from applykit.render.pdf import page_count, render_pdf
    from applykit.render.typst_compile import compile_typst, layout_of
    from applykit.write.tailor import tailor_resume

    data = yaml.safe_load((EXAMPLES / "profile.yaml").read_text(encoding="utf-8"))
    profile = assign_ids(Profile.model_validate(data))
    posting = parse_posting_file(EXAMPLES / "postings" / "senior-ml-engineer.md", today=TODAY)
    fit = analyze_fit(profile, posting, today=TODAY)
    resume = tailor_resume(profile, posting, fit)
    rows = []

    def tailor_and_render(design: str) -> None:
        compile_typst.cache_clear()  # no memoised layouts: every run lays out afresh
        layout_of.cache_clear()
        render_pdf(tailor_resume(profile, posting, fit, design=design), design=design)

    for design in ("classic", "compact"):
        seconds = median_seconds(lambda design=design: tailor_and_render(design))
        rows.append(
            Row(f"resume: tailor + PDF ({design})", seconds * 1000, "ms", "warm, incl. ATS check")
        )
        cpu = _median_cpu_seconds(lambda design=design: tailor_and_render(design))
        rows.append(Row(f"resume: tailor + PDF ({design}) CPU", cpu * 1000, "ms", "process time"))
    rows.append(
        Row("resume: DOCX", median_seconds(lambda: resume_docx(resume)) * 1000, "ms", "incl. ATS")
    )
    cpu = _median_cpu_seconds(lambda: resume_docx(resume))
    rows.append(Row("resume: DOCX CPU", cpu * 1000, "ms", "process time"))
    rows.append(
        Row("resume: Markdown", median_seconds(lambda: resume_markdown(resume)) * 1000, "ms")
    )
    passed, total = 0, 0
    for path in sorted((EXAMPLES / "postings").iterdir()):
        total += 1
        job = parse_posting_file(path, today=TODAY)
        printed, pdf = render_pdf(
            tailor_resume(profile, job, analyze_fit(profile, job, today=TODAY))
        )
        if page_count(pdf) == 1 and not ats_check(printed, extract_text(pdf, "pdf")):
            passed += 1
    rows.append(
        Row(
            "resume: one-page PDF + ATS round trip",
            passed / total,
            "share",
            f"{passed}/{total} postings",
        )
    )
    return rows
