"""A fit report: every requirement of a posting against the facts of a profile."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from applykit.models.base import StrictModel
from applykit.models.posting import RequirementKind

FitStatus = Literal["met", "partial", "gap"]
EligibilityStatus = Literal["met", "unclear", "not_met"]
Band = Literal["poor", "fair", "good", "strong", "great"]
EvidenceMethod = Literal[
    "skill",
    "parent",
    "lexical",
    "semantic",
    "degree",
    "years",
    "authorization",
    "language",
    "any_of",
]


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
    warnings: list[str] = Field(default_factory=list)


class RankFilters(StrictModel):
    """Hard filters for ranking, from the profile's preferences and the command line."""

    locations: list[str] = Field(default_factory=list)
    remote_only: bool = False
    min_yearly_pay: float | None = None
    pay_currency: str = "USD"
    seniority: list[str] = Field(default_factory=list)
    employment_types: list[str] = Field(default_factory=list)
    exclude_companies: list[str] = Field(default_factory=list)


class RankedPosting(StrictModel):
    """One posting in a ranking: its score and why, or why it was filtered out."""

    rank: int | None = None
    score: int = Field(ge=0, le=100)
    source: str
    title: str | None = None
    company: str | None = None
    location: str | None = None
    work_mode: str | None = None
    pay: str | None = None
    yearly_pay_max: float | None = None
    semantic: float = 0.0
    title_similarity: float = 0.0
    skill_overlap: float = 0.0
    lexical: float = 0.0
    matched_skills: list[str] = Field(default_factory=list)
    missing_skills: list[str] = Field(default_factory=list)
    reasons: list[str] = Field(default_factory=list)
    top_gap: str | None = None
    filtered_out: list[str] = Field(default_factory=list)


class RankResult(StrictModel):
    candidate: str | None = None
    total: int
    filters: RankFilters
    ranked: list[RankedPosting] = Field(default_factory=list)
    filtered: list[RankedPosting] = Field(default_factory=list)
