"""Generated documents: cover letters, tailored resumes, critiques and their grounding."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from applykit.models.base import StrictModel
from applykit.models.profile import Basics

ClaimKind = Literal[
    "number",
    "percent",
    "money",
    "duration",
    "date",
    "employer",
    "title",
    "school",
    "degree",
    "skill",
    "product",
    "count",
]


class Claim(StrictModel):
    """A checkable statement inside generated text and where it comes from."""

    text: str
    kind: ClaimKind
    start: int
    end: int
    traced: bool
    source: str | None = None
    note: str = ""


class GroundingReport(StrictModel):
    ok: bool
    claims: list[Claim] = Field(default_factory=list)
    truncated: bool = False
    """The text was longer than the guard reads; the rest was not checked, so not ok."""

    @property
    def untraced(self) -> list[Claim]:
        return [claim for claim in self.claims if not claim.traced]


ParagraphRole = Literal[
    "salutation", "opening", "accomplishment", "range", "bridge", "close", "signoff"
]


class LetterParagraph(StrictModel):
    role: ParagraphRole
    text: str
    fact_ids: list[str] = Field(default_factory=list)


class PlannedFact(StrictModel):
    """One profile fact chosen for a letter, with the role or project it belongs to."""

    fact_id: str
    text: str
    organization: str | None = None
    role: str | None = None
    section: Literal["work", "projects", "volunteer"] = "work"


class LetterPlan(StrictModel):
    """What a letter will say, chosen from the profile and the posting before any wording.

    Every field is either a profile fact or a span of the posting: a backend words it.
    """

    candidate: str | None = None
    email: str | None = None
    phone: str | None = None
    company: str | None = None
    position: str | None = None
    team: str | None = None
    why_role: str | None = None
    top_requirement: str | None = None
    outcome: str | None = None
    accomplishments: list[PlannedFact] = Field(default_factory=list)
    extra: list[PlannedFact] = Field(default_factory=list)
    skills: list[str] = Field(default_factory=list)
    variant: int = 0


class CoverLetter(StrictModel):
    company: str | None = None
    position: str | None = None
    candidate: str | None = None
    paragraphs: list[LetterParagraph] = Field(default_factory=list)
    markdown: str
    text: str = ""
    word_count: int
    backend: str
    attempts: int = 1
    fell_back: bool = False
    grounding: GroundingReport
    warnings: list[str] = Field(default_factory=list)


class CritiqueCheck(StrictModel):
    name: str
    passed: bool
    score: float = Field(ge=0, le=1)
    evidence: list[str] = Field(default_factory=list)
    suggestion: str = ""


class Critique(StrictModel):
    score: int = Field(ge=0, le=100)
    summary: str
    checks: list[CritiqueCheck] = Field(default_factory=list)


class ResumeBullet(StrictModel):
    fact_id: str
    text: str
    original_text: str
    rewritten: bool = False
    relevance: float = 0.0
    posting_terms: list[str] = Field(default_factory=list)


class ResumeEntry(StrictModel):
    entry_id: str
    title: str
    organization: str
    location: str | None = None
    start: str | None = None
    end: str | None = None
    url: str | None = None
    bullets: list[ResumeBullet] = Field(default_factory=list)


class ResumeSection(StrictModel):
    heading: str
    entries: list[ResumeEntry] = Field(default_factory=list)
    lines: list[str] = Field(default_factory=list)


ChangeKind = Literal["selected", "reordered", "rewritten", "cut", "shrunk", "reverted"]


class ResumeChange(StrictModel):
    kind: ChangeKind
    detail: str
    fact_id: str | None = None
    entry_id: str | None = None
    before: str | None = None
    after: str | None = None


class TailoredResume(StrictModel):
    basics: Basics
    summary: str = ""
    skills: list[str] = Field(default_factory=list)
    sections: list[ResumeSection] = Field(default_factory=list)
    changes: list[ResumeChange] = Field(default_factory=list)
    page_budget: int = 1
    posting_title: str | None = None
    company: str | None = None
    defend: list[str] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    paper: Literal["us-letter", "a4"] = "us-letter"
