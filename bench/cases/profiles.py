"""Profile import: speed on a 2-page PDF and a DOCX, and the share of facts recovered.

The generated set: the bundled example profile and the three hand-written test resumes,
each rendered in three job-header styles ("Title — Company" + date line, "Company | Title |
dates", stacked company / title / "Jan 2020 – Mar 2022") as a one-column PDF, a two-column
PDF (Typst) and three DOCX layouts (paragraphs, a table, a text box; python-docx). A fact
counts as recovered when a fact with the same stable id (same employer, same normalised
text) comes back from the import; a job is exact when employer, title and dates all match.
Targets: PDF import < 300 ms.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench.common import EXAMPLES, REPO, Row, median_seconds

TEST_FILES = REPO / "tests" / "ingest"


def _median_cpu_seconds(action: Callable[[], object], repeat: int = 7) -> float:
    action()
    times = []
    for _ in range(repeat):
        start = time.process_time()
        action()
        times.append(time.process_time() - start)
    return statistics.median(times)


def run() -> list[Row]:
    sys.path.insert(0, str(TEST_FILES))
    from profile_files import HEADER_STYLES, resume_docx, resume_typst, typst_pdf

    from applykit.ingest.documents import read_document
    from applykit.ingest.profiles import import_profile
    from applykit.models.profile import Profile, Work

    sources = [EXAMPLES / "profile.yaml"] + [
        TEST_FILES / "resumes" / name for name in ("alex-chen.md", "priya-bold.md", "sam-plain.txt")
    ]
    truths = [import_profile(path) for path in sources]

    def entry(work: Work) -> tuple[str | None, ...]:
        return (work.name, work.position, work.startDate, work.endDate or "present")

    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        makers: dict[str, Callable[[Profile, Path, str], Path]] = {
            "pdf 1 column": lambda p, f, s: typst_pdf(
                resume_typst(p, style=s), f.with_suffix(".pdf")
            ),
            "pdf 2 columns": lambda p, f, s: typst_pdf(
                resume_typst(p, columns=2, style=s), f.with_suffix(".pdf")
            ),
            "docx paragraphs": lambda p, f, s: resume_docx(p, f.with_suffix(".docx"), style=s),
            "docx table": lambda p, f, s: resume_docx(
                p, f.with_suffix(".docx"), layout="table", style=s
            ),
            "docx text box": lambda p, f, s: resume_docx(
                p, f.with_suffix(".docx"), layout="textbox", style=s
            ),
        }
        totals = [0, 0, 0, 0]
        for label, make in makers.items():
            facts = [0, 0]
            entries = [0, 0]
            for style in HEADER_STYLES:
                for index, truth in enumerate(truths):
                    path = make(truth, out / f"{index}-{style}-{label.replace(' ', '-')}", style)
                    got = import_profile(path)
                    want = {f.id for f in truth.facts() if f.id.startswith(("w-", "p-"))}
                    facts[0] += len(want & {f.id for f in got.facts()})
                    facts[1] += len(want)
                    expected = {entry(w) for w in truth.work}
                    entries[0] += len(expected & {entry(w) for w in got.work})
                    entries[1] += len(expected)
            totals = [
                totals[0] + facts[0],
                totals[1] + facts[1],
                totals[2] + entries[0],
                totals[3] + entries[1],
            ]
            rows.append(
                Row(
                    f"profile: facts recovered, {label}",
                    facts[0] / facts[1],
                    "share",
                    f"{facts[0]}/{facts[1]}; jobs exact {entries[0]}/{entries[1]}",
                )
            )
        rows.append(
            Row(
                "profile: facts recovered, all generated",
                totals[0] / totals[1],
                "share",
                f"{totals[0]}/{totals[1]}; {len(truths)} resumes x {len(HEADER_STYLES)} header "
                f"styles x {len(makers)} layouts",
            )
        )
        rows.append(
            Row(
                "profile: jobs exact (employer, title, dates)",
                totals[2] / totals[3],
                "share",
                f"{totals[2]}/{totals[3]}",
            )
        )
        pdf = typst_pdf(resume_typst(truths[0]), out / "example.pdf")
        pages = read_document(pdf).pages
        docx = resume_docx(truths[0], out / "example.docx")
        import_profile(pdf)  # load the skills taxonomy once, as a running process would
        load = f"load avg {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
        rows += [
            Row(
                "profile: read 2-page PDF text",
                median_seconds(lambda: read_document(pdf)) * 1000,
                "ms",
                f"{pages} pages, pdfminer layout + columns + hidden text; {load}",
            ),
            Row(
                "profile: import 2-page PDF",
                median_seconds(lambda: import_profile(pdf)) * 1000,
                "ms",
                "target < 300 ms; text + sections + ids + skills + metrics",
            ),
            Row(
                "profile: import 2-page PDF, CPU time",
                _median_cpu_seconds(lambda: import_profile(pdf)) * 1000,
                "ms",
                "process CPU time: what the import costs without the wait for a busy core",
            ),
            Row(
                "profile: import DOCX",
                median_seconds(lambda: import_profile(docx)) * 1000,
                "ms",
                "same resume as DOCX",
            ),
            Row(
                "profile: import JSON Resume YAML",
                median_seconds(lambda: import_profile(EXAMPLES / "profile.yaml")) * 1000,
                "ms",
                "examples/profile.yaml",
            ),
        ]
    return rows
