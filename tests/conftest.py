"""Shared fixtures: every test runs with its own APPLYKIT_HOME."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"


@pytest.fixture(autouse=True)
def applykit_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """User state goes to a fresh temp folder; nothing touches the real home."""
    home = tmp_path_factory.mktemp("applykit_home")
    monkeypatch.setenv("APPLYKIT_HOME", str(home))
    monkeypatch.delenv("APPLYKIT_DATABASE_URL", raising=False)
    return home


@pytest.fixture
def examples() -> Path:
    return EXAMPLES
