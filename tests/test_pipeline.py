"""`applykit apply` end to end on the bundled example: real parsing, fit, rendering, SQLite."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from applykit.config import get_settings
from applykit.pipeline import APPLY_STEPS, build_dossier
from applykit.store.repository import open_repository

TODAY = dt.date(2026, 11, 23)


@pytest.fixture(scope="module")
def senior_dossier(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    """One real `applykit apply` run (a subprocess, as a user runs it)."""
    home = tmp_path_factory.mktemp("home")
    out = tmp_path_factory.mktemp("dossier") / "senior"
    repo = Path(__file__).resolve().parents[1]
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "applykit",
            "apply",
            str(repo / "examples/postings/senior-ml-engineer.md"),
            "--profile",
            str(repo / "examples/profile.yaml"),
            "--answers",
            str(repo / "examples/answers.yaml"),
            "--out",
            str(out),
            "--today",
            TODAY.isoformat(),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        env={**_env(), "APPLYKIT_HOME": str(home)},
    )
    assert result.returncode == 0, result.stderr
    return out, home, result.stderr


def _env() -> dict[str, str]:
    import os

    return {k: v for k, v in os.environ.items() if k != "APPLYKIT_DATABASE_URL"}


def test_dossier_has_every_file(senior_dossier: tuple[Path, Path, str]) -> None:
    out, _, progress = senior_dossier
    names = {path.name for path in out.iterdir()}
    assert {
        "application.md",
        "checklist.md",
        "resume.pdf",
        "resume.docx",
        "resume.md",
        "cover-letter.md",
        "cover-letter-critique.md",
        "fit-report.md",
        "fit-report.json",
    } <= names
    assert (out / "resume.pdf").read_bytes().startswith(b"%PDF")
    assert (out / "resume.docx").read_bytes().startswith(b"PK")
    for step in APPLY_STEPS:
        assert step in progress


def test_application_record_has_the_users_shape(senior_dossier: tuple[Path, Path, str]) -> None:
    text = (senior_dossier[0] / "application.md").read_text(encoding="utf-8")
    assert text.startswith("# Application Details")
    order = [
        "## Company",
        "## Position",
        "## Job URL",
        "## Status",
        "## Job Description",
        "## Application Date",
        "## Personal Connection",
        "## Notes",
    ]
    positions = [text.index(heading) for heading in order]
    assert positions == sorted(positions)
    assert "Brightwater Payments" in text
    assert "R-20931" in text
    assert "180,000" in text
    # answered from the bank, and the product questions left open rather than invented
    assert "notice" in text.lower()
    assert "- [ ] Have you used our product?" in text
    assert "### Key skills to emphasize" in text
    assert "### Bullets to highlight or modify, by experience" in text
    assert "### Cover-letter points by paragraph" in text


def test_tracker_holds_the_application_and_its_documents(
    senior_dossier: tuple[Path, Path, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _, home, _ = senior_dossier
    monkeypatch.setenv("APPLYKIT_HOME", str(home))
    repository = open_repository(get_settings())
    [application] = repository.list_applications()
    assert application.company == "Brightwater Payments"
    assert application.requisition_id == "R-20931"
    names = {document.filename for document in application.documents}
    assert {"resume.pdf", "resume.docx", "cover-letter.md"} <= names
    assert all(len(document.sha256) == 64 for document in application.documents)


def test_rerun_reuses_the_tracker_record(tmp_path: Path, examples: Path) -> None:
    settings = get_settings()
    posting = examples / "postings/contract-mlops-remote.txt"
    first = build_dossier(
        posting, examples / "profile.yaml", out_dir=tmp_path / "a", today=TODAY, settings=settings
    )
    second = build_dossier(
        posting, examples / "profile.yaml", out_dir=tmp_path / "b", today=TODAY, settings=settings
    )
    assert first.application.id == second.application.id
    # the same bytes are not stored twice, nor the same banked answer recorded twice
    assert len(second.application.documents) == len(first.application.documents)
    assert len(second.application.answers) == len(first.application.answers)
    assert len(open_repository(settings).list_applications()) == 1
    assert json.loads((tmp_path / "b/fit-report.json").read_text())["score"] == first.fit.score


def test_missing_posting_is_a_user_error_without_traceback(tmp_path: Path, examples: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "applykit",
            "apply",
            str(tmp_path / "nope.txt"),
            "--profile",
            str(examples / "profile.yaml"),
            "--out",
            str(tmp_path / "out"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "nope.txt" in result.stderr
    assert not (tmp_path / "out").exists()
