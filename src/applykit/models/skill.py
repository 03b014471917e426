"""A skill as it is referred to by postings, profiles and fit reports."""

from __future__ import annotations

from applykit.models.base import StrictModel


class SkillRef(StrictModel):
    """A mention of a skill: the words used and the taxonomy entry they resolve to."""

    name: str
    canonical: str
    skill_id: str | None = None
    category: str | None = None
