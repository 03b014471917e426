"""`applykit profile import|show|check|export` end to end (real files, real home folder)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from applykit.cli.main import app

RESUMES = Path(__file__).parent / "resumes"


def _applykit(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "applykit", *args], capture_output=True, text=True, timeout=120
    )


def test_import_saves_then_show_check_export(examples: Path, applykit_home: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["profile", "import", str(examples / "profile.yaml"), "--json"])
    assert result.exit_code == 0, result.output
    assert (applykit_home / "profile.yaml").exists()

    shown = runner.invoke(app, ["profile", "show", "--json"])
    data = json.loads(shown.stdout)
    assert data["work"][0]["highlights"][0]["id"].startswith("w-northwind-")

    checked = runner.invoke(app, ["profile", "check"])
    assert checked.exit_code == 0 and "25 facts" in checked.stdout

    exported = runner.invoke(app, ["profile", "export", "--format", "jsonresume"])
    resume = json.loads(exported.stdout)
    assert resume["work"][0]["highlights"][0].startswith("Rebuilt the real-time")

    out = applykit_home / "cv.md"
    runner.invoke(app, ["profile", "export", "--format", "markdown", "--out", str(out)])
    assert out.read_text(encoding="utf-8").startswith("# Maya Lindqvist-Okafor")

    facts = runner.invoke(app, ["profile", "show", "--facts"])
    assert "w-northwind-" in facts.stdout


def test_no_save_leaves_home_untouched(applykit_home: Path) -> None:
    result = CliRunner().invoke(
        app, ["profile", "import", str(RESUMES / "sam-plain.txt"), "--no-save"]
    )
    assert result.exit_code == 0, result.output
    assert "Paystream Africa" in result.stdout and "no dates" in result.stdout
    assert not (applykit_home / "profile.yaml").exists()


def test_user_errors_exit_1_with_where_and_fix() -> None:
    bad = _applykit("profile", "check", str(RESUMES / "bad-profile.yaml"))
    assert bad.returncode == 1 and "Traceback" not in bad.stderr
    assert f"{RESUMES / 'bad-profile.yaml'}:6" in bad.stderr and "fix:" in bad.stderr
    missing = _applykit("profile", "show")
    assert missing.returncode == 1 and "applykit profile import" in missing.stderr
    recipe = _applykit("profile", "import", str(RESUMES / "not-a-resume.txt"))
    assert recipe.returncode == 1 and "does not look like a resume" in recipe.stderr
    unknown = _applykit(
        "profile", "export", "--format", "docx", "--profile", str(RESUMES / "alex-chen.md")
    )
    assert unknown.returncode == 1 and "jsonresume, yaml, markdown" in unknown.stderr


def test_reimport_keeps_the_previous_profile_as_backup(examples: Path, applykit_home: Path) -> None:
    runner = CliRunner()
    runner.invoke(app, ["profile", "import", str(examples / "profile.yaml")])
    saved = applykit_home / "profile.yaml"
    edited = saved.read_text(encoding="utf-8").replace("Seattle", "Tacoma")
    saved.write_text(edited, encoding="utf-8")
    result = runner.invoke(app, ["profile", "import", str(RESUMES / "alex-chen.md")])
    assert result.exit_code == 0, result.output
    assert "Alex Chen" in saved.read_text(encoding="utf-8")
    assert (applykit_home / "profile.yaml.bak").read_text(encoding="utf-8") == edited
