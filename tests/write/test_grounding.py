"""The grounding guard on real example files: honest text passes, fabrications are named."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from applykit.ingest.postings import parse_posting_file
from applykit.ingest.profiles import load_profile
from applykit.models.posting import Posting
from applykit.models.profile import Profile
from applykit.write.grounding import check_grounding, describe_untraced

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
STRONG = (EXAMPLES / "letters" / "strong.md").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def profile() -> Profile:
    return load_profile(EXAMPLES / "profile.yaml")


@pytest.fixture(scope="module")
def posting() -> Posting:
    return parse_posting_file(EXAMPLES / "postings" / "senior-ml-engineer.md")


def _flagged(text: str, planted: str, profile: Profile, posting: Posting) -> list[str]:
    start = text.index(planted)
    end = start + len(planted)
    report = check_grounding(text, profile, posting)
    assert not report.ok
    return [c.text for c in report.untraced if c.start < end and c.end > start]


def test_honest_letter_traces_every_claim(profile: Profile, posting: Posting) -> None:
    report = check_grounding(STRONG, profile, posting)
    assert report.ok, describe_untraced(report)
    kinds = {claim.kind for claim in report.claims}
    assert {"duration", "money", "percent", "employer"} <= kinds
    fact_ids = {fact.id for fact in profile.facts()}
    latency = next(c for c in report.claims if c.text == "35ms")
    assert latency.source in fact_ids
    assert "35ms" in next(f.text for f in profile.facts() if f.id == latency.source)


def test_posting_spans_point_at_the_posting_text(profile: Profile, posting: Posting) -> None:
    text = "Your posting says every transaction is scored in under 50ms, and I want to help."
    report = check_grounding(text, profile, posting)
    assert report.ok, describe_untraced(report)
    claim = next(c for c in report.claims if c.text.startswith("50ms"))
    assert claim.source is not None
    match = re.fullmatch(r"posting:(\d+)-(\d+)", claim.source)
    assert match
    assert posting.description[int(match[1]) : int(match[2])].startswith("50ms")


@pytest.mark.parametrize(
    ("original", "planted"),
    [
        ("from 120ms to 35ms", "from 120ms to 15ms"),
        ("cut chargeback losses by $2M annually", "cut chargeback losses by $4M annually"),
        ("cutting training cost 35%", "cutting training cost 22%"),
        ("At Northwind Analytics I lead", "At Acme Robotics I lead"),
        ("in Python and FastAPI on Kubernetes", "in Python and Rust on Kubernetes"),
    ],
)
def test_planted_fabrications_are_flagged(
    original: str, planted: str, profile: Profile, posting: Posting
) -> None:
    text = STRONG.replace(original, planted, 1)
    assert _flagged(text, planted, profile, posting)


def test_company_figures_are_not_the_candidates(profile: Profile, posting: Posting) -> None:
    about_them = "Brightwater moves more than $30 billion a year for over 200,000 merchants."
    assert check_grounding(about_them, profile, posting).ok
    claimed = "At Northwind Analytics I protected over 200,000 merchants from fraud."
    report = check_grounding(claimed, profile, posting)
    assert not report.ok
    assert "posting" in report.untraced[0].note


def test_title_upgrade_and_inflated_years_are_flagged(profile: Profile, posting: Posting) -> None:
    upgraded = "As Principal Machine Learning Engineer at Northwind Analytics I led the rebuild."
    assert not check_grounding(upgraded, profile, posting).ok
    assert check_grounding("I have 6+ years of experience in production ML.", profile, posting).ok
    report = check_grounding("I have 11 years of experience in production ML.", profile, posting)
    assert [c.text for c in report.untraced] == ["11 years"]


def test_degrees_and_schools(profile: Profile, posting: Posting) -> None:
    assert check_grounding(
        "I hold a Master of Science from the University of Washington.", profile, posting
    ).ok
    report = check_grounding("I hold a PhD from Stanford University.", profile, posting)
    assert {c.kind for c in report.untraced} >= {"degree", "school"}


def test_without_a_posting_everything_must_come_from_the_profile(profile: Profile) -> None:
    assert check_grounding(STRONG.split("\n\n")[2], profile, None).ok
    assert not check_grounding("Brightwater moves $30 billion a year.", profile, None).ok


def test_negated_skills_are_not_claims(profile: Profile, posting: Posting) -> None:
    assert check_grounding("I have worked in Python, not Rust.", profile, posting).ok
    assert not check_grounding("I have worked in Python and Rust.", profile, posting).ok


def test_huge_input_is_bounded_and_fails_closed(profile: Profile, posting: Posting) -> None:
    sentence = "At Northwind Analytics I cut latency from 120ms to 35ms. "
    start = time.perf_counter()
    assert check_grounding(sentence * 150, profile, posting).ok
    report = check_grounding(sentence * 1500, profile, posting)
    assert time.perf_counter() - start < 30
    assert report.truncated
    assert not report.ok
    assert "longer than the 12,000 characters" in describe_untraced(report)


def test_run_on_text_without_sentence_ends_is_cut_at_the_guard_limit(
    profile: Profile, posting: Posting
) -> None:
    unit = "and at Northwind Analytics I cut latency 35% with Python and Kafka in Seattle "
    report = check_grounding(unit * 1000, profile, posting)  # 78,000 characters, no full stop
    assert report.truncated
    assert not report.ok


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(max_size=400))
def test_arbitrary_text_never_crashes(text: str, profile: Profile, posting: Posting) -> None:
    report = check_grounding(text, profile, posting)
    assert report.ok == all(c.traced for c in report.claims)
    for claim in report.claims:
        assert 0 <= claim.start <= claim.end <= len(text)
