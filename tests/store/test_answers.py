"""The answer bank file: the examples' YAML imports; mistakes are errors that say where."""

from __future__ import annotations

from pathlib import Path

import pytest

from applykit.errors import InputError, NotFound
from applykit.store.answers import question_key
from applykit.store.repository import Repository


def test_examples_answers_import_and_reimport_replaces(repo: Repository, examples: Path) -> None:
    banked = repo.import_answer_file(examples / "answers.yaml")
    assert len(banked) == 4
    assert repo.lookup_answer("what is your notice period") == (
        "Four weeks from the date I accept an offer."
    )
    repo.import_answer_file(examples / "answers.yaml")
    assert len(repo.answer_bank()) == 4
    assert repo.unanswered(["Have you used our product?", "How long?"]) == [
        "Have you used our product?",
        "How long?",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("- question: Q\n\tanswer: A\n", ":2:"),
        ("question: Q\nanswer: A\n", "YAML list"),
        ("- question: Q\n", "item 1"),
        ("- question: Sponsorship?\n  answer: Yes\n", 'answer: "Yes"'),
        ("- question: Q\n  answer: A\n  extra: 1\n", "unknown keys"),
        ("- question: Q\n  answer: '   '\n", "empty"),
    ],
)
def test_bad_answer_files_say_what_and_where(
    repo: Repository, tmp_path: Path, text: str, expected: str
) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        repo.import_answer_file(path)
    assert expected in caught.value.render()
    assert repo.answer_bank() == []


def test_missing_file(repo: Repository, tmp_path: Path) -> None:
    with pytest.raises(NotFound):
        repo.import_answer_file(tmp_path / "nope.yaml")


def test_question_key_ignores_case_punctuation_and_spacing() -> None:
    assert question_key("  Are you legally AUTHORIZED to work in the U.S.?") == (
        "are you legally authorized to work in the u s"
    )
    assert question_key("Notice period?") != question_key("What is your notice period?")
