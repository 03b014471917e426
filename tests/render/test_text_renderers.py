"""Markdown and Typst source: golden files, and untrusted text kept inert."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from applykit.errors import InputError
from applykit.models.documents import ResumeBullet, ResumeChange, TailoredResume
from applykit.render.markdown import changes_markdown, escape, resume_markdown
from applykit.render.resume_text import clean, format_dates
from applykit.render.typst_source import resume_typst, typst_string

Golden = Callable[[str, str], None]


def test_markdown_matches_golden(resume: TailoredResume, golden: Golden) -> None:
    golden("resume_example.md", resume_markdown(resume))


@pytest.mark.parametrize("design", ["classic", "compact"])
def test_typst_source_matches_golden(resume: TailoredResume, golden: Golden, design: str) -> None:
    golden(f"resume_example_{design}.typ", resume_typst(resume, design=design))


def test_typst_string_escapes_quotes_and_backslashes() -> None:
    assert typst_string('a "b" \\ c') == '"a \\"b\\" \\\\ c"'
    assert typst_string("line\nbreak\x00\u200b") == '"line break"'


def test_markdown_escape_keeps_markup_inert() -> None:
    assert escape("# heading") == "\\# heading"
    assert escape("- not a list") == "\\- not a list"
    assert escape("*b* [l](x) <i> a_b | &amp;") == "\\*b\\* \\[l\\](x) \\<i\\> a\\_b \\| \\&amp;"


def test_hostile_bullet_stays_text_in_markdown(resume: TailoredResume, hostile: str) -> None:
    entry = resume.sections[0].entries[0]
    entry.bullets.insert(0, ResumeBullet(fact_id="x", text=hostile, original_text=hostile))
    markdown = resume_markdown(resume)
    assert "- #set page" in markdown  # "#set" is no heading: a heading needs "# "
    assert "\\*bold\\* \\_it\\_ @ref \\<label\\> \\[x\\] \\\\" in markdown
    assert "<label>" not in markdown


def test_unknown_design_is_a_user_error(resume: TailoredResume) -> None:
    with pytest.raises(InputError, match="unknown resume design"):
        resume_typst(resume, design="fancy")


def test_dates_are_printed_readably() -> None:
    assert format_dates("2023-09", None) == "Sep 2023 – Present"
    assert format_dates("2019", "2020-12-01") == "2019 – Dec 2020"
    assert format_dates(None, "2020-05") == "May 2020"
    assert format_dates(None, None) == ""


def test_clean_removes_hidden_characters_and_caps_length() -> None:
    assert clean("a\u200bb\u202ec\x07  d") == "abc d"
    assert clean("x" * 500, limit=10) == "x" * 9 + "…"


def test_changes_markdown_lists_every_kind(resume: TailoredResume) -> None:
    resume.changes = [
        ResumeChange(kind="cut", detail="cut to fit 1 page", before="Old bullet"),
        ResumeChange(kind="rewritten", detail="sklearn → scikit-learn", before="a", after="b"),
    ]
    resume.defend = ["$2M chargeback reduction"]
    text = changes_markdown(resume)
    assert "## Cut (1)" in text and "Old bullet" in text
    assert "before: a" in text and "after: b" in text
    assert "Be ready to defend" in text and "$2M" in text
