"""A fit report: every requirement of a posting against the facts of a profile."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from applykit.models.base import StrictModel
from applykit.models.posting import RequirementKind

FitStatus = Literal["met", "partial", "gap"]
EligibilityStatus = Literal["met", "unclear", "not_met"]
Band = Literal["poor", "fair", "good", "strong", "great"]
EvidenceMethod = Literal["skill", "parent", "lexical", "semantic", "degree", "years", "any_of"]


class Evidence(StrictModel):
    fact_id: str
    quote: str
    matched: str
    method: EvidenceMethod
    score: float


class RequirementFit(StrictModel):
    requirement_id: str
    text: str
    kind: RequirementKind
    status: FitStatus
    confidence: float
    explanation: str
    evidence: list[Evidence] = Field(default_factory=list)
    children: list[RequirementFit] = Field(default_factory=list)
    any_of: bool = False


class EligibilityCheck(StrictModel):
    """A hard requirement (degree, years, authorization, location) reported on its own."""

    name: Literal["degree", "years_experience", "work_authorization", "location", "work_mode"]
    status: EligibilityStatus
    required: str
    found: str
    explanation: str


class SkillEmphasis(StrictModel):
    name: str
    canonical: str
    posting_mentions: int
    fact_ids: list[str] = Field(default_factory=list)


class BulletSuggestion(StrictModel):
    fact_id: str
    text: str
    relevance: float
    action: Literal["highlight", "modify", "keep"]
    posting_terms: list[str] = Field(default_factory=list)
    reason: str = ""


class ExperienceSuggestions(StrictModel):
    """Ranked facts of one role or project, with the posting's words they support."""

    entry_id: str
    section: Literal["work", "projects", "volunteer"]
    title: str
    organization: str
    bullets: list[BulletSuggestion] = Field(default_factory=list)


class Gap(StrictModel):
    requirement_id: str
    text: str
    kind: RequirementKind
    mitigation: str | None = None
    adjacent_skills: list[str] = Field(default_factory=list)


class FitReport(StrictModel):
    posting_title: str | None = None
    company: str | None = None
    candidate: str | None = None
    score: int = Field(ge=0, le=100)
    band: Band
    summary: str
    requirements: list[RequirementFit] = Field(default_factory=list)
    eligibility: list[EligibilityCheck] = Field(default_factory=list)
    skills_to_emphasize: list[SkillEmphasis] = Field(default_factory=list)
    experiences: list[ExperienceSuggestions] = Field(default_factory=list)
    education_to_emphasize: list[str] = Field(default_factory=list)
    projects_to_emphasize: list[str] = Field(default_factory=list)
    gaps: list[Gap] = Field(default_factory=list)
