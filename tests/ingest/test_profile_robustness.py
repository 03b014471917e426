"""Untrusted input: random text and bytes, huge lines, injected instructions."""

from __future__ import annotations

import contextlib
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from applykit.errors import InputError, UserError
from applykit.ingest.profile_text import parse_resume_text
from applykit.ingest.profiles import import_profile

_LINES = st.lists(
    st.one_of(
        st.sampled_from(
            [
                "## Experience",
                "EDUCATION",
                "Skills:",
                "### Engineer — Acme Labs",
                "2019 – 2021",
                "**Acme**, Analyst",
                "> summary",
                "| a | b |",
                "|---|---|",
                "Languages: English",
            ]
        ),
        st.text(max_size=80).map(lambda t: f"- {t}"),
        st.text(max_size=120),
    ),
    max_size=40,
)


@given(_LINES)
@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_resume_text_parser_never_crashes(lines: list[str]) -> None:
    try:
        profile = parse_resume_text("\n".join(lines), source="fuzz.md")
    except InputError:
        return
    for fact in profile.facts():
        assert fact.text.strip()


@given(st.binary(max_size=2000))
@settings(max_examples=80, deadline=None)
def test_random_bytes_are_read_or_refused(data: bytes) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        for suffix in (".pdf", ".docx", ".txt"):
            path = Path(folder) / f"x{suffix}"
            path.write_bytes(data)
            with contextlib.suppress(UserError):
                import_profile(path)


@pytest.mark.timeout(60)
@pytest.mark.parametrize(
    "text",
    [
        "Experience\n" + "a." * 120_000,
        "Jo\n" + "1" * 100_000 + "x\nExperience\n- did 5 things\n",
        "Experience\n" + "a@" * 120_000,
        "EXPERIENCE\n" + "Acme Corp — Engineer, Seattle, WA 2019 – 2020\n" * 3000,
    ],
    ids=["dots", "digits", "at-signs", "many-entries"],
)
def test_pathological_text_stays_fast(text: str) -> None:
    start = time.perf_counter()
    with contextlib.suppress(InputError):
        parse_resume_text(text, source="big.txt")
    assert time.perf_counter() - start < 20


def test_overlong_text_is_refused() -> None:
    with pytest.raises(InputError, match="characters long"):
        parse_resume_text("Experience\n" + "word " * 100_000, source="long.txt")


def test_markdown_table_resume(tmp_path: Path) -> None:
    path = tmp_path / "cv.md"
    path.write_text(
        "# Kim Lee\n\n## Experience\n\n| Role | Company | Dates |\n|---|---|---|\n"
        "| Data Engineer | Bluefin Analytics | 2020 – 2023 |\n\n"
        "- Built the nightly ETL in Airflow for 200 tables.\n",
        encoding="utf-8",
    )
    profile = import_profile(path)
    work = profile.work[-1]
    assert (work.name, work.position, work.startDate, work.endDate) == (
        "Bluefin Analytics",
        "Data Engineer",
        "2020",
        "2023",
    )
    assert work.highlights[0].text == "Built the nightly ETL in Airflow for 200 tables."
