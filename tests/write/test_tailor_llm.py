"""A real local model (bundled SmolLM2 via llama-cpp-python) rewriting a bullet: whatever it
writes, the resume keeps only what passes the guard, and says what it reverted."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from applykit.backends.plugins import get_backend
from applykit.ingest.postings import parse_posting_file
from applykit.ingest.profiles import load_profile
from applykit.match.fit import analyze_fit
from applykit.write import tailor_rewrite
from applykit.write.grounding import check_grounding
from applykit.write.tailor import tailor_resume

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.mark.llm
@pytest.mark.timeout(600)
def test_local_model_rewrite_is_kept_only_when_grounded(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("llama_cpp", reason="needs the [local] extra")
    backend = get_backend("llamacpp")
    if not backend.check().available:
        pytest.skip(backend.check().reason)
    monkeypatch.setattr(tailor_rewrite, "MAX_MODEL_REWRITES", 1)  # one generation: keep CI fast
    profile = load_profile(EXAMPLES / "profile.yaml")
    posting = parse_posting_file(EXAMPLES / "postings" / "contract-mlops-remote.txt")
    resume = tailor_resume(profile, posting, analyze_fit(profile, posting), backend=backend)
    model_changes = [c for c in resume.changes if "llamacpp rewrite" in c.detail]
    assert len(model_changes) <= 1
    facts = {fact.text for fact in profile.facts()}
    for section in resume.sections:
        for entry in section.entries:
            for bullet in entry.bullets:
                assert bullet.original_text in facts
                if bullet.text != bullet.original_text:
                    assert bullet.rewritten
                    assert check_grounding(bullet.text, profile, posting).ok
                    numbers = re.findall(r"\d+", bullet.text)
                    assert sorted(numbers) == sorted(re.findall(r"\d+", bullet.original_text))
    for change in model_changes:
        assert change.before and change.after
        if change.kind == "reverted":
            assert change.after not in {
                b.text for s in resume.sections for e in s.entries for b in e.bullets
            }
