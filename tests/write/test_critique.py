"""The critique on letters written here: strong beats generic, and each check says why."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from applykit.cli.main import app
from applykit.ingest.postings import parse_posting_file
from applykit.models.documents import Critique, CritiqueCheck
from applykit.models.posting import Posting
from applykit.write.critique import critique_letter

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
STRONG = (EXAMPLES / "letters" / "strong.md").read_text(encoding="utf-8")
GENERIC = (EXAMPLES / "letters" / "generic.md").read_text(encoding="utf-8")

COMPANY_STATS_ONLY = """\
Dear Brightwater Payments team,

I am applying for the Senior Machine Learning Engineer role at Brightwater Payments. Brightwater
moves more than $30 billion a year for over 200,000 merchants, and your Risk ML team of 9
scores every transaction in under 50ms.

I have worked on fraud models and real-time services for several years, and I care about
merchants getting paid safely. I know Kubernetes, Airflow and Python well.

I would welcome a conversation about how I could help Brightwater's Risk ML team.

Best regards,
Maya Lindqvist-Okafor
"""

ONE_ACCOMPLISHMENT = """\
Dear hiring team,

I am applying for the Senior Machine Learning Engineer role at Brightwater Payments.

At Northwind Analytics I rebuilt our fraud scoring service and reduced p95 latency from 120ms to
35ms at 4,000 requests per second.

Thank you for your time. I look forward to hearing from you.

Sincerely,
Maya Lindqvist-Okafor
"""

PLACEHOLDERS = STRONG.replace("Brightwater Payments", "[Company Name]").replace(
    "Maya Lindqvist-Okafor", "[Your Name]"
)


@pytest.fixture(scope="module")
def posting() -> Posting:
    return parse_posting_file(EXAMPLES / "postings" / "senior-ml-engineer.md")


def _check(result: Critique, name: str) -> CritiqueCheck:
    return next(check for check in result.checks if check.name == name)


def test_strong_letter_ranks_above_generic_and_says_why(posting: Posting) -> None:
    strong = critique_letter(STRONG, posting)
    generic = critique_letter(GENERIC, posting)
    assert strong.score >= 85
    assert generic.score <= 30
    assert strong.score - generic.score >= 50
    assert "Needs work" in generic.summary
    failed = {check.name for check in generic.checks if not check.passed}
    assert {
        "company named and specific",
        "quantified evidence of your own results",
        "clichés",
        "specific close with an ask",
    } <= failed
    for check in generic.checks:
        assert check.evidence
        if not check.passed:
            assert check.suggestion


def test_ranking_holds_without_a_posting() -> None:
    assert critique_letter(STRONG).score > critique_letter(GENERIC).score + 40


def test_evidence_quotes_the_letter(posting: Posting) -> None:
    strong = critique_letter(STRONG, posting)
    quantified = _check(strong, "quantified evidence of your own results")
    assert any("120ms to 35ms" in line for line in quantified.evidence)
    cliches = _check(critique_letter(GENERIC, posting), "clichés")
    assert "“team player”" in cliches.evidence


def test_company_statistics_are_not_the_candidates_evidence(posting: Posting) -> None:
    result = critique_letter(COMPANY_STATS_ONLY, posting)
    quantified = _check(result, "quantified evidence of your own results")
    assert not quantified.passed
    assert any("company" in line for line in quantified.evidence)
    assert _check(result, "company named and specific").passed


def test_one_accomplishment_and_a_passive_close(posting: Posting) -> None:
    result = critique_letter(ONE_ACCOMPLISHMENT, posting)
    assert not _check(result, "two distinct accomplishments").passed
    assert _check(result, "quantified evidence of your own results").score > 0
    assert not _check(result, "specific close with an ask").passed
    assert not _check(result, "length").passed


def test_placeholders_cap_the_score(posting: Posting) -> None:
    result = critique_letter(PLACEHOLDERS, posting)
    assert result.score <= 40
    assert "[Company Name]" in _check(result, "placeholders").evidence


def test_binary_and_empty_input_do_not_crash() -> None:
    assert critique_letter("").score < 20
    assert critique_letter("\x00\xff" * 5000).score < 30


def test_cli_critique_json_and_table(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(
        app,
        [
            "letter",
            "critique",
            str(EXAMPLES / "letters" / "strong.md"),
            "--posting",
            str(EXAMPLES / "postings" / "senior-ml-engineer.md"),
            "--json",
        ],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["score"] >= 85 and len(data["checks"]) == 8
    table = runner.invoke(app, ["letter", "critique", str(EXAMPLES / "letters" / "generic.md")])
    assert table.exit_code == 0 and "clichés" in table.stdout
    missing = runner.invoke(app, ["letter", "critique", str(tmp_path / "none.md")])
    assert missing.exit_code != 0
