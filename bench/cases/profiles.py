"""Profile import: speed on a 2-page PDF and a DOCX, and the share of facts recovered.

The generated set: the bundled example profile and the three hand-written test resumes,
each rendered as a one-column PDF, a two-column PDF (Typst) and three DOCX layouts
(paragraphs, a table, a text box; python-docx). A fact counts as recovered when a fact with
the same stable id (same employer, same normalised text) comes back from the import.
Targets: PDF import < 300 ms.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from bench.common import EXAMPLES, REPO, Row, median_seconds

TEST_FILES = REPO / "tests" / "ingest"


def run() -> list[Row]:
    sys.path.insert(0, str(TEST_FILES))
    from profile_files import resume_docx, resume_typst, typst_pdf

    from applykit.ingest.documents import read_document
    from applykit.ingest.profiles import import_profile
    from applykit.models.profile import Profile

    sources = [EXAMPLES / "profile.yaml"] + [
        TEST_FILES / "resumes" / name for name in ("alex-chen.md", "priya-bold.md", "sam-plain.txt")
    ]
    truths = [import_profile(path) for path in sources]
    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        makers: dict[str, Callable[[Profile, Path], Path]] = {
            "pdf 1 column": lambda p, f: typst_pdf(resume_typst(p), f.with_suffix(".pdf")),
            "pdf 2 columns": lambda p, f: typst_pdf(
                resume_typst(p, columns=2), f.with_suffix(".pdf")
            ),
            "docx paragraphs": lambda p, f: resume_docx(p, f.with_suffix(".docx")),
            "docx table": lambda p, f: resume_docx(p, f.with_suffix(".docx"), layout="table"),
            "docx text box": lambda p, f: resume_docx(p, f.with_suffix(".docx"), layout="textbox"),
        }
        total_found = total_expected = 0
        for label, make in makers.items():
            found = expected = 0
            for index, truth in enumerate(truths):
                path = make(truth, out / f"{index}-{label.replace(' ', '-')}")
                want = {f.id for f in truth.facts() if f.id.startswith(("w-", "p-"))}
                got = {f.id for f in import_profile(path).facts()}
                found += len(want & got)
                expected += len(want)
            total_found += found
            total_expected += expected
            rows.append(
                Row(
                    f"profile: facts recovered, {label}",
                    found / expected,
                    "share",
                    f"{found}/{expected} facts, {len(truths)} resumes",
                )
            )
        rows.append(
            Row(
                "profile: facts recovered, all generated",
                total_found / total_expected,
                "share",
                f"{total_found}/{total_expected} facts, {len(makers)} layouts",
            )
        )
        pdf = typst_pdf(resume_typst(truths[0]), out / "example.pdf")
        pages = read_document(pdf).pages
        docx = resume_docx(truths[0], out / "example.docx")
        import_profile(pdf)  # load the skills taxonomy once, as a running process would
        rows += [
            Row(
                "profile: read 2-page PDF text",
                median_seconds(lambda: read_document(pdf)) * 1000,
                "ms",
                f"{pages} pages, pdfminer layout + columns + hidden text",
            ),
            Row(
                "profile: import 2-page PDF",
                median_seconds(lambda: import_profile(pdf)) * 1000,
                "ms",
                "target < 300 ms; text + sections + ids + skills + metrics",
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
