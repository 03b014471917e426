"""Resumes built by hand from the example profile, and the golden-file helper.

Refresh the golden files with `APPLYKIT_UPDATE_GOLDEN=1 pytest tests/render`.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from applykit.models.documents import ResumeBullet, ResumeEntry, ResumeSection, TailoredResume
from applykit.models.profile import Profile

GOLDEN = Path(__file__).resolve().parents[1] / "golden"
HOSTILE = (  # Typst and Markdown markup a posting or profile could carry
    '#set page(width: 1pt) $x^2$ *bold* _it_ @ref <label> [x] \\ " ` // no comment '
    '/* nor this */ #import "/etc/passwd" ]} )'
)


def example_profile(examples: Path) -> Profile:
    data = yaml.safe_load((examples / "profile.yaml").read_text(encoding="utf-8"))
    return Profile.model_validate(data)


def resume_from(profile: Profile, *, page_budget: int = 1) -> TailoredResume:
    """Every role and bullet in profile order; later bullets less relevant."""
    work = [
        ResumeEntry(
            entry_id=f"work-{i}",
            title=role.position or "",
            organization=role.name or "",
            location=role.location,
            start=role.startDate,
            end=role.endDate,
            url=role.url,
            bullets=[
                ResumeBullet(
                    fact_id=f"work-{i}-{j}",
                    text=fact.text,
                    original_text=fact.text,
                    relevance=round(1.0 - 0.2 * i - 0.05 * j, 2),
                )
                for j, fact in enumerate(role.highlights)
            ],
        )
        for i, role in enumerate(profile.work)
    ]
    education = [
        ResumeEntry(
            entry_id=f"education-{i}",
            title=", ".join(p for p in (school.studyType, school.area) if p),
            organization=school.institution or "",
            start=school.startDate,
            end=school.endDate,
        )
        for i, school in enumerate(profile.education)
    ]
    return TailoredResume(
        basics=profile.basics,
        summary="Machine learning engineer who takes models from notebook to production.",
        skills=[skill for group in profile.skills for skill in group.keywords][:14],
        sections=[
            ResumeSection(heading="Experience", entries=work),
            ResumeSection(heading="Education", entries=education),
            ResumeSection(heading="Certifications", lines=[c.name for c in profile.certificates]),
        ],
        page_budget=page_budget,
    )


@pytest.fixture
def profile(examples: Path) -> Profile:
    return example_profile(examples)


@pytest.fixture
def resume(profile: Profile) -> TailoredResume:
    return resume_from(profile)


@pytest.fixture
def golden() -> Callable[[str, str], None]:
    """`golden(name, text)`: compare with tests/golden/NAME, or rewrite it when asked."""

    def check(name: str, text: str) -> None:
        path = GOLDEN / name
        if os.environ.get("APPLYKIT_UPDATE_GOLDEN") == "1" or not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            if os.environ.get("APPLYKIT_UPDATE_GOLDEN") != "1":
                pytest.fail(f"golden file {name} was missing and has been written; rerun")
        assert text == path.read_text(encoding="utf-8"), (
            f"{name} differs from the golden file; if the change is intended, rerun with "
            "APPLYKIT_UPDATE_GOLDEN=1 and review the diff"
        )

    return check


@pytest.fixture
def hostile() -> str:
    return HOSTILE
