"""Fixtures for matching tests: the real bundled embedder and small hand-built inputs."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from applykit.match.embed import Embedder, MiniLMEmbedder
from applykit.models.profile import Profile

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
_MODEL = MiniLMEmbedder()


@pytest.fixture(scope="session")
def embedder() -> Embedder:
    """The bundled MiniLM model, loaded once for the whole session (no cache)."""
    return _MODEL


@pytest.fixture
def example_profile() -> Profile:
    data = yaml.safe_load((EXAMPLES / "profile.yaml").read_text(encoding="utf-8"))
    return Profile.model_validate(data)
