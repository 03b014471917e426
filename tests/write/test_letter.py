"""Letters from the example profile: structure, honesty, the retry-then-fallback loop, CLI."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from applykit.backends.base import Backend, BackendOptions, Prompt
from applykit.cli.main import app
from applykit.config import Settings
from applykit.ingest.postings import parse_posting_file
from applykit.ingest.profiles import load_profile
from applykit.match.fit import analyze_fit
from applykit.models.fit import FitReport
from applykit.models.posting import Posting
from applykit.models.profile import Profile
from applykit.write.critique import critique_letter
from applykit.write.grounding import check_grounding
from applykit.write.letter import write_letter

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
POSTINGS = sorted((EXAMPLES / "postings").iterdir())


class ScriptedModel(Backend):
    """A stand-in for a remote model: replies from a script (no network)."""

    name = "scripted"

    def __init__(self, settings: Settings, replies: list[str]) -> None:
        super().__init__(settings)
        self.replies = replies
        self.prompts: list[Prompt] = []

    def stream(
        self, prompt: Prompt, options: BackendOptions, schema: dict[str, object] | None = None
    ) -> Iterator[str]:
        self.prompts.append(prompt)
        yield self.replies.pop(0) if self.replies else ""


@pytest.fixture(scope="module")
def profile() -> Profile:
    return load_profile(EXAMPLES / "profile.yaml")


@pytest.fixture(scope="module")
def brightwater() -> tuple[Posting, FitReport]:
    posting = parse_posting_file(EXAMPLES / "postings" / "senior-ml-engineer.md")
    return posting, analyze_fit(load_profile(EXAMPLES / "profile.yaml"), posting)


@pytest.mark.parametrize("path", POSTINGS, ids=[p.name for p in POSTINGS])
def test_grounded_letter_for_every_example_posting(path: Path, profile: Profile) -> None:
    posting = parse_posting_file(path)
    letter = write_letter(profile, posting, analyze_fit(profile, posting))
    assert letter.backend == "grounded" and not letter.fell_back
    assert letter.grounding.ok, [c.text for c in letter.grounding.untraced]
    assert check_grounding(letter.markdown, profile, posting).ok
    assert 250 <= letter.word_count <= 400, letter.markdown
    assert posting.company and posting.company.rstrip(".") in letter.markdown
    assert "Maya Lindqvist-Okafor" in letter.markdown
    assert not re.search(r"\[[^\]]*\]", letter.markdown)
    roles = [p.role for p in letter.paragraphs]
    assert roles[:3] == ["salutation", "opening", "accomplishment"]
    assert {"range", "bridge", "close", "signoff"} <= set(roles)
    first, second = [p for p in letter.paragraphs if p.role in ("accomplishment", "range")][:2]
    assert first.fact_ids != second.fact_ids
    assert "**" not in letter.text and "  \n" not in letter.text


def test_grounded_letter_scores_well_in_the_critique(
    profile: Profile, brightwater: tuple[Posting, FitReport]
) -> None:
    posting, fit = brightwater
    letter = write_letter(profile, posting, fit)
    generic = (EXAMPLES / "letters" / "generic.md").read_text(encoding="utf-8")
    assert critique_letter(letter.markdown, posting).score > critique_letter(generic, posting).score
    assert critique_letter(letter.markdown, posting).score >= 70


def test_missing_name_is_a_warning_never_a_placeholder(
    profile: Profile, brightwater: tuple[Posting, FitReport]
) -> None:
    posting, fit = brightwater
    nameless = profile.model_copy(
        update={"basics": profile.basics.model_copy(update={"name": None})}
    )
    letter = write_letter(nameless, posting, fit)
    assert any("no name" in warning for warning in letter.warnings)
    assert "[" not in letter.markdown and "Name" not in letter.markdown
    assert letter.grounding.ok


def test_fabricating_model_is_retried_then_replaced_visibly(
    profile: Profile, brightwater: tuple[Posting, FitReport]
) -> None:
    posting, fit = brightwater
    invented = (
        "Dear Brightwater team,\n\nAs Staff Machine Learning Engineer at Stripe I cut fraud "
        "losses by $9M and led 40 engineers. "
        + "I love payments and fraud work. " * 30
        + "\n\nBest regards,\n[Your Name]"
    )
    model = ScriptedModel(Settings(grounding_retries=2), [invented, invented, invented])
    letter = write_letter(profile, posting, fit, backend=model)
    assert letter.fell_back
    assert letter.attempts == 3
    assert letter.grounding.ok
    assert "Stripe" not in letter.markdown and "$9M" not in letter.markdown
    warning = next(w for w in letter.warnings if "was not shown" in w)
    assert "Stripe" in warning and "$9M" in warning
    retry = model.prompts[1].user
    assert "Stripe" in retry and "$9M" in retry


def test_honest_model_letter_is_kept_with_the_real_signature(
    profile: Profile, brightwater: tuple[Posting, FitReport]
) -> None:
    posting, fit = brightwater
    honest = (EXAMPLES / "letters" / "strong.md").read_text(encoding="utf-8")
    body = honest.rsplit("Best regards", 1)[0] + "Best regards,\nSomeone Else"
    model = ScriptedModel(Settings(), [body])
    letter = write_letter(profile, posting, fit, backend=model)
    assert not letter.fell_back and letter.attempts == 1
    assert letter.backend == "scripted"
    assert "Someone Else" not in letter.markdown
    assert letter.markdown.rstrip().endswith("+1 (206) 555-0147")
    assert letter.grounding.ok


def test_cli_writes_markdown_and_json(tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "letter.md"
    args = [
        "letter",
        "write",
        "--profile",
        str(EXAMPLES / "profile.yaml"),
        "--posting",
        str(EXAMPLES / "postings" / "data-scientist-berlin.txt"),
    ]
    result = runner.invoke(app, [*args, "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "Kornblume" in out.read_text(encoding="utf-8")
    result = runner.invoke(app, [*args, "--json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["grounding"]["ok"] is True and data["backend"] == "grounded"


def test_cli_unknown_backend_is_a_user_error() -> None:
    args = [
        "letter",
        "write",
        "--profile",
        str(EXAMPLES / "profile.yaml"),
        "--posting",
        str(EXAMPLES / "postings" / "data-scientist-berlin.txt"),
        "--backend",
        "nope",
    ]
    result = CliRunner().invoke(app, args)
    assert result.exit_code != 0
    assert "no language-model backend called 'nope'" in str(result.exception)


def test_sparse_inputs_give_warnings_not_placeholders() -> None:
    fit = FitReport(score=0, band="poor", summary="")
    letter = write_letter(Profile(), Posting(), fit)
    assert letter.grounding.ok
    assert "this role role" not in letter.markdown and "[" not in letter.markdown
    assert any("no name" in w for w in letter.warnings)
    assert any("no facts" in w for w in letter.warnings)
    assert any("words" in w for w in letter.warnings)
