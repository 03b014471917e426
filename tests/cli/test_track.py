"""`applykit track …`, `backup` and `restore` through the real CLI on a real SQLite file."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from applykit.cli.main import app
from applykit.errors import UserError

runner = CliRunner()


def _ok(*args: str) -> str:
    result = runner.invoke(app, list(args), catch_exceptions=False, env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    return result.stdout


def _user_error(*args: str) -> UserError:
    result = runner.invoke(app, list(args))
    assert isinstance(result.exception, UserError), result.output
    return result.exception


def test_full_flow(examples: Path, tmp_path: Path) -> None:
    _ok("track", "import", str(examples / "postings" / "record-product-engineer.md"))
    added = json.loads(
        _ok(
            "track",
            "add",
            "Northwind Labs",
            "ML Engineer",
            "--url",
            "https://x.example/1",
            "--json",
        )
    )
    app_id = str(added["id"])
    _ok("track", "status", app_id, "applied", "--note", "via portal", "--at", "2026-11-02T10:00")
    _ok("track", "status", app_id, "screening", "--at", "2026-11-06T10:00")
    _ok("track", "note", app_id, "Recruiter called")
    _ok("track", "update", app_id, "--follow-up", "2026-11-20", "--interview", "2026-12-03T15:00")
    _ok("track", "update", app_id, "--contact", "Sam Okonkwo", "--role", "Recruiter")
    resume = tmp_path / "resume.pdf"
    resume.write_bytes(b"%PDF-1.7 sent version")
    _ok("track", "document", app_id, str(resume), "--kind", "resume")
    _ok("track", "answers", "import", str(examples / "answers.yaml"))
    _ok("track", "answer", app_id, "What is your NOTICE period")
    _ok("track", "answer", app_id, "Have you used our product?", "Yes, daily.", "--bank")

    shown = json.loads(_ok("track", "show", app_id, "--json"))
    assert [e["status"] for e in shown["status_history"]] == ["saved", "applied", "screening"]
    assert shown["applied_on"] == "2026-11-02"
    assert shown["documents"][0]["size"] == len(b"%PDF-1.7 sent version")
    assert {a["source"] for a in shown["answers"]} == {"bank", "user"}
    assert shown["contacts"][0]["name"] == "Sam Okonkwo"

    table = _ok("track", "list")
    assert "Loomcraft" in table and "Northwind Labs" in table
    listed = json.loads(_ok("track", "list", "--status", "screening", "--json"))
    assert [a["id"] for a in listed] == [added["id"]]
    due = json.loads(_ok("track", "followups", "--today", "2026-11-21", "--json"))
    assert [a["id"] for a in due] == [added["id"]]
    stats = json.loads(_ok("track", "stats", "--json"))
    assert stats["applied"] == 1 and stats["responded"] == 1
    assert stats["median_days_to_reply"] == 4.0
    assert "Response rate: 100%" in _ok("track", "stats")
    banked = json.loads(_ok("track", "answers", "list", "--json"))
    assert len(banked) == 5

    ics = _ok("track", "export", "--format", "ics")
    assert "DTSTART:20261203T" in ics and "Follow up: ML Engineer" in ics
    exported = tmp_path / "all.json"
    _ok("track", "export", "--format", "json", "-o", str(exported))
    report = json.loads(_ok("track", "import", str(exported), "--json"))
    assert report["imported"] == [] and len(report["skipped"]) == 2


def test_user_mistakes_are_clear_errors(tmp_path: Path) -> None:
    added = json.loads(_ok("track", "add", "Acme", "Engineer", "--json"))
    error = _user_error("track", "status", str(added["id"]), "interview")
    assert "interviewing" in error.what
    assert "track list" in (_user_error("track", "show", "999").fix or "")
    assert "YYYY-MM-DD" in (_user_error("track", "list", "--since", "yesterday").fix or "")
    unanswered = _user_error("track", "answer", str(added["id"]), "Have you used our product?")
    assert "no answer" in unanswered.what
    assert "--format" in (_user_error("track", "export", "--format", "pdf").where or "")


def test_backup_and_restore_commands(tmp_path: Path) -> None:
    _ok("track", "add", "Acme", "Engineer")
    info = json.loads(_ok("backup", str(tmp_path / "b.db"), "--json"))
    assert info["kind"] == "sqlite" and info["applications"] == 1
    _ok("backup", str(tmp_path / "b.json"), "--format", "json")
    _ok("track", "add", "Beta", "Analyst")
    assert "--replace" in (_user_error("restore", str(tmp_path / "b.json")).fix or "")
    _ok("restore", str(tmp_path / "b.json"), "--replace")
    assert [a["company"] for a in json.loads(_ok("track", "list", "--json"))] == ["Acme"]
    default = json.loads(_ok("backup", "--json"))
    assert Path(default["path"]).parent.name == "backups"


@pytest.mark.slow
def test_exit_codes_through_the_console_script() -> None:
    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "applykit", *args], capture_output=True, text=True, timeout=120
        )

    assert run("track", "add", "Acme", "Engineer").returncode == 0
    bad = run("track", "status", "1", "hired")
    assert bad.returncode == 1 and "Traceback" not in bad.stderr and "hired" in bad.stderr
    assert run("track", "status").returncode == 2
