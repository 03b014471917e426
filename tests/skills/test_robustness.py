"""Untrusted text: large, binary-ish, adversarial; the extractor stays linear and never fails."""

from __future__ import annotations

import itertools
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from applykit.skills import extract_skills, load_taxonomy


def check_mentions(text: str) -> None:
    mentions = extract_skills(text)
    for mention in mentions:
        assert 0 <= mention.start < mention.end <= len(text)
        assert text[mention.start : mention.end] == mention.text
        assert load_taxonomy().get(mention.skill_id) is not None
    for left, right in itertools.pairwise(mentions):
        assert left.end <= right.start


@given(st.text(max_size=400))
@settings(max_examples=200, deadline=None)
def test_any_text_gives_valid_spans(text: str) -> None:
    check_mentions(text)


WORDS = ["Python", "Go", "R", "Spark", "Excel", "C/C++", "and", ",", "the", "(", ")", "go", "to"]


@given(st.lists(st.sampled_from(WORDS), max_size=60))
@settings(max_examples=200, deadline=None)
def test_ambiguous_word_soup_gives_valid_spans(words: list[str]) -> None:
    check_mentions(" ".join(words))


@pytest.mark.timeout(30)
def test_large_text_is_linear() -> None:
    rng = random.Random(7)
    vocabulary = [*WORDS, "experience", "with", "data", "pipelines", "sklearn", "k8s", "."]
    text = " ".join(rng.choice(vocabulary) for _ in range(200_000))  # ~1.2 MB
    mentions = extract_skills(text)
    assert len(mentions) > 10_000


@pytest.mark.timeout(30)
def test_long_chain_of_ambiguous_words_resolves_in_linear_time() -> None:
    text = "Go, " * 100_000 + "Python"
    mentions = extract_skills(text)
    assert mentions[-1].skill_id == "python"
    assert len(mentions) == 100_001


@pytest.mark.timeout(30)
def test_one_huge_token_and_control_characters() -> None:
    assert extract_skills("x" * 5_000_000) == []
    check_mentions("\x00\x01Python\x02\ufffd\u202eGo\u200b, Rust" * 1000)


def test_long_text_is_read_in_blocks_without_losing_or_shifting_mentions() -> None:
    line = "Built data pipelines in Python and Go on Kubernetes.\n"
    lines = 12_000  # ~0.6 MB: several blocks
    text = line * lines
    mentions = extract_skills(text)
    assert [m.skill_id for m in mentions[:3]] == ["data_engineering", "python", "go"]
    assert len(mentions) == 4 * lines
    for mention in mentions[-4:]:
        assert text[mention.start : mention.end] == mention.text
