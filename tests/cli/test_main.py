"""The CLI edge: help, version, and the exit-code contract (0, 1 user error, 2 usage)."""

from __future__ import annotations

import subprocess
import sys

from applykit import __version__

NOUNS = ["posting", "profile", "fit", "rank", "resume", "letter", "apply", "track"]


def _applykit(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "applykit", *args], capture_output=True, text=True, timeout=120
    )


def test_help_lists_every_noun() -> None:
    result = _applykit("--help")
    assert result.returncode == 0
    for noun in NOUNS:
        assert f"  {noun} " in result.stdout or f"  {noun}\n" in result.stdout, noun


def test_version() -> None:
    result = _applykit("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"applykit {__version__}"


def test_usage_error_exits_2() -> None:
    result = _applykit("no-such-command")
    assert result.returncode == 2
    assert "No such command" in result.stderr


def test_user_error_exits_1_without_traceback(tmp_path: object) -> None:
    result = _applykit("posting", "parse", "/definitely/not/here.txt")
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert "/definitely/not/here.txt" in result.stderr
