"""The learned span tagger: SkillSpan-style SKILL and KNOWLEDGE spans, combined with the matcher."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from applykit.skills import extract_skills
from applykit.skills.tagger import find_skill_spans, label_spans, load_tagger, matcher_tags


def test_tools_are_knowledge_spans_linked_to_the_taxonomy() -> None:
    spans = find_skill_spans("Experience with Python, Kubernetes and AWS is required.")
    assert [(s.text, s.kind) for s in spans] == [
        ("Python", "knowledge"),
        ("Kubernetes", "knowledge"),
        ("AWS", "knowledge"),
    ]
    assert [s.mention.skill_id for s in spans if s.mention] == ["python", "kubernetes", "aws"]


def test_free_phrased_skills_become_skill_spans() -> None:
    text = "Design and implement scalable data pipelines; mentor junior engineers."
    spans = find_skill_spans(text)
    assert any(s.kind == "skill" and "mentor junior engineers" in s.text for s in spans)
    for span in spans:
        assert text[span.start : span.end] == span.text


def test_offsets_of_linked_mentions_are_absolute() -> None:
    text = "First sentence here.\nSecond line uses PostgreSQL daily."
    for span in find_skill_spans(text):
        if span.mention is not None:
            assert text[span.mention.start : span.mention.end] == span.mention.text


def test_label_spans_follows_bio() -> None:
    labels = ["O", "B-SKILL", "I-SKILL", "I-KNOWLEDGE", "B-KNOWLEDGE", "O", "I-SKILL"]
    assert label_spans(labels) == [
        ("SKILL", 1, 3),
        ("KNOWLEDGE", 3, 4),
        ("KNOWLEDGE", 4, 5),
        ("SKILL", 6, 7),
    ]


def test_matcher_tags_mark_mention_tokens() -> None:
    tokens = ["Use", "scikit-learn", "and", "A/B", "testing", "."]
    tags = matcher_tags(tokens, extract_skills(" ".join(tokens)))
    assert tags == ["O", "B-library", "O", "B-method", "I-method", "O"]


def test_empty_input() -> None:
    assert load_tagger().tag([]) == []
    assert find_skill_spans("") == []


@given(st.text(max_size=300))
@settings(max_examples=100, deadline=None)
def test_any_text_gives_ordered_valid_spans(text: str) -> None:
    spans = find_skill_spans(text)
    for span in spans:
        assert text[span.start : span.end] == span.text
        assert span.kind in {"skill", "knowledge"}
    for left, right in itertools.pairwise(spans):
        assert left.end <= right.start


def test_dotted_names_stay_whole_and_long_runs_are_tagged_in_pieces() -> None:
    spans = find_skill_spans("Build services with Node.js and ASP.NET. Then ship.")
    linked = [s.mention.skill_id for s in spans if s.mention is not None]
    assert "node_js" in linked and "dotnet" in linked
    text = "python " * 1000  # one run of 1,000 tokens without a sentence end
    spans = find_skill_spans(text)
    assert spans and all(text[s.start : s.end] == s.text for s in spans)
