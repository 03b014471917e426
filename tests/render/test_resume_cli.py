"""`applykit resume tailor` end to end: real files in, real files out."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from applykit.cli.main import app
from applykit.models.documents import TailoredResume
from applykit.render.ats import ats_check, extract_text
from applykit.render.pdf import page_count

POSTING = "postings/senior-ml-engineer.md"


def _tailor(examples: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(
        app,
        [
            "resume",
            "tailor",
            "-p",
            str(examples / "profile.yaml"),
            "-j",
            str(examples / POSTING),
            *args,
        ],
    )
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout


@pytest.mark.parametrize("design", ["classic", "compact"])
def test_pdf_with_json_is_one_page_and_reads_back(
    examples: Path, tmp_path: Path, design: str
) -> None:
    out = tmp_path / "resume.pdf"
    code, stdout = _tailor(
        examples, "--format", "pdf", "--design", design, "--out", str(out), "--json"
    )
    assert code == 0
    printed = TailoredResume.model_validate(json.loads(stdout))
    pdf = out.read_bytes()
    assert page_count(pdf) == 1
    assert ats_check(printed, extract_text(pdf, "pdf")) == []


def test_markdown_to_stdout_with_changes(examples: Path) -> None:
    code, stdout = _tailor(examples, "--format", "md", "--show-changes")
    assert code == 0
    assert stdout.startswith("# Maya Lindqvist-Okafor")
    assert "# Changes against the master profile" in stdout
    assert "## Selected" in stdout and "Be ready to defend in an interview" in stdout


def test_docx_default_name_in_the_current_folder(
    examples: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, _ = _tailor(examples, "--format", "docx", "--pages", "2")
    assert code == 0
    [written] = list(tmp_path.glob("resume-*.docx"))
    assert "brightwater" in written.name
    assert "Northwind Analytics" in extract_text(written.read_bytes(), "docx")


def test_unknown_format_is_a_user_error_without_traceback(examples: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "applykit",
            "resume",
            "tailor",
            "-p",
            str(examples / "profile.yaml"),
            "-j",
            str(examples / POSTING),
            "--format",
            "rtf",
            "--out",
            str(tmp_path / "x"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1, result.stderr
    assert "unknown resume format 'rtf'" in result.stderr and "Traceback" not in result.stderr
