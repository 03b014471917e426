"""The llamacpp backend with the real bundled SmolLM2 model (marker `llm`)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from pydantic import BaseModel

from applykit.backends.base import Prompt
from applykit.backends.llamacpp import LlamaCppBackend, bundled_model_path
from applykit.config import Settings
from applykit.errors import BackendUnavailable, NotFound
from applykit.ingest.postings import parse_posting_file
from applykit.ingest.profiles import load_profile
from applykit.match.fit import analyze_fit
from applykit.write.letter import write_letter

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
needs_llama = pytest.mark.skipif(
    importlib.util.find_spec("llama_cpp") is None or bundled_model_path() is None,
    reason="llama_cpp is not importable: install the [local] extra to run this test",
)


class Greeting(BaseModel):
    greeting: str


def test_missing_model_file_is_named(tmp_path: Path) -> None:
    backend = LlamaCppBackend(Settings(llamacpp_model_path=tmp_path / "nope.gguf"))
    availability = backend.check()
    assert not availability.available
    if importlib.util.find_spec("llama_cpp") is not None:
        with pytest.raises(NotFound):
            backend.model_path()


@pytest.mark.llm
@needs_llama
def test_bundled_model_generates_and_streams() -> None:
    backend = LlamaCppBackend(Settings())
    assert backend.check().available
    pieces: list[str] = []
    options = backend.options(max_tokens=12, temperature=0.0, seed=1)
    result = backend.generate(Prompt(user="Say hello."), options=options, on_text=pieces.append)
    assert result.text.strip()
    assert "".join(pieces) == result.text


@pytest.mark.llm
@needs_llama
def test_bundled_model_schema_output_is_validated() -> None:
    backend = LlamaCppBackend(Settings())
    options = backend.options(max_tokens=40, temperature=0.0, seed=1, schema_retries=1)
    try:
        result = backend.generate(Prompt(user="Greet me in JSON."), Greeting, options)
    except BackendUnavailable as error:  # a 135M model may fail twice; that must be named
        assert "valid Greeting JSON" in error.what
    else:
        assert result.parsed is not None
        assert Greeting.model_validate(result.parsed).greeting


@pytest.mark.llm
@needs_llama
def test_model_letter_passes_the_guard_or_falls_back_visibly() -> None:
    profile = load_profile(EXAMPLES / "profile.yaml")
    posting = parse_posting_file(EXAMPLES / "postings" / "senior-ml-engineer.md")
    backend = LlamaCppBackend(Settings(grounding_retries=0))
    options = backend.options(max_tokens=96, temperature=0.2, seed=3)
    fit = analyze_fit(profile, posting)
    letter = write_letter(profile, posting, fit, backend=backend, options=options)
    assert letter.grounding.ok
    assert letter.backend == "llamacpp"
    assert letter.attempts == 1
    if letter.fell_back:
        assert any("was not shown" in w for w in letter.warnings)
        assert "Maya Lindqvist-Okafor" in letter.markdown
