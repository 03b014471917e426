"""The candidate's master profile: a superset of JSON Resume where every bullet is a fact."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field, StringConstraints, field_validator

from applykit.models.base import StrictModel
from applykit.models.skill import SkillRef

PartialDate = Annotated[str, StringConstraints(pattern=r"^(\d{4}(-\d{2}(-\d{2})?)?|present)$")]
"""A year, a year-month, a full date, or "present"."""

MetricKind = Literal["percent", "money", "count", "duration", "size", "ratio", "number"]


class Metric(StrictModel):
    """A number a fact states, with its unit and what it measures ("18% CTR")."""

    raw: str
    value: float
    unit: str | None = None
    kind: MetricKind = "number"
    measures: str | None = None
    from_value: float | None = None


class Fact(StrictModel):
    """A citable statement from the profile: one highlight or bullet, with a stable id."""

    id: str = ""
    text: str
    skills: list[SkillRef] = Field(default_factory=list)
    metrics: list[Metric] = Field(default_factory=list)


def _facts(value: Any) -> Any:
    """JSON Resume highlights are plain strings; they become facts with an id to assign."""
    if isinstance(value, list):
        return [{"text": item} if isinstance(item, str) else item for item in value]
    return value


class ProfileLink(StrictModel):
    network: str | None = None
    username: str | None = None
    url: str | None = None


class Address(StrictModel):
    address: str | None = None
    postalCode: str | None = None
    city: str | None = None
    countryCode: str | None = None
    region: str | None = None


class Basics(StrictModel):
    name: str | None = None
    label: str | None = None
    image: str | None = None
    email: str | None = None
    phone: str | None = None
    url: str | None = None
    summary: str | None = None
    location: Address | None = None
    profiles: list[ProfileLink] = Field(default_factory=list)


class _WithHighlights(StrictModel):
    highlights: list[Fact] = Field(default_factory=list)

    @field_validator("highlights", mode="before")
    @classmethod
    def _strings_become_facts(cls, value: Any) -> Any:
        return _facts(value)


class Work(_WithHighlights):
    id: str = ""
    name: str | None = None
    position: str | None = None
    location: str | None = None
    description: str | None = None
    url: str | None = None
    startDate: PartialDate | None = None
    endDate: PartialDate | None = None
    summary: str | None = None


class Volunteer(_WithHighlights):
    id: str = ""
    organization: str | None = None
    position: str | None = None
    url: str | None = None
    startDate: PartialDate | None = None
    endDate: PartialDate | None = None
    summary: str | None = None


class Education(_WithHighlights):
    """`highlights` (thesis, honours) are an applykit addition to JSON Resume."""

    id: str = ""
    institution: str | None = None
    url: str | None = None
    area: str | None = None
    studyType: str | None = None
    startDate: PartialDate | None = None
    endDate: PartialDate | None = None
    score: str | None = None
    courses: list[str] = Field(default_factory=list)


class Award(StrictModel):
    id: str = ""
    title: str
    date: PartialDate | None = None
    awarder: str | None = None
    summary: str | None = None


class Certificate(StrictModel):
    id: str = ""
    name: str
    date: PartialDate | None = None
    issuer: str | None = None
    url: str | None = None


class Publication(StrictModel):
    id: str = ""
    name: str
    publisher: str | None = None
    releaseDate: PartialDate | None = None
    url: str | None = None
    summary: str | None = None


class SkillGroup(StrictModel):
    name: str
    level: str | None = None
    keywords: list[str] = Field(default_factory=list)


class Language(StrictModel):
    language: str
    fluency: str | None = None


class Interest(StrictModel):
    name: str
    keywords: list[str] = Field(default_factory=list)


class Reference(StrictModel):
    name: str
    reference: str | None = None


class Project(_WithHighlights):
    id: str = ""
    name: str
    description: str | None = None
    keywords: list[str] = Field(default_factory=list)
    startDate: PartialDate | None = None
    endDate: PartialDate | None = None
    url: str | None = None
    roles: list[str] = Field(default_factory=list)
    entity: str | None = None
    type: str | None = None


class Preferences(StrictModel):
    """Hard filters the candidate states for ranking (all optional)."""

    locations: list[str] = Field(default_factory=list)
    remote_only: bool = False
    min_yearly_pay: float | None = None
    pay_currency: str = "USD"
    seniority: list[str] = Field(default_factory=list)
    employment_types: list[str] = Field(default_factory=list)
    exclude_companies: list[str] = Field(default_factory=list)
    work_authorization: list[str] = Field(default_factory=list)


class Profile(StrictModel):
    schema_: str | None = Field(default=None, alias="$schema")
    basics: Basics = Field(default_factory=Basics)
    work: list[Work] = Field(default_factory=list)
    volunteer: list[Volunteer] = Field(default_factory=list)
    education: list[Education] = Field(default_factory=list)
    awards: list[Award] = Field(default_factory=list)
    certificates: list[Certificate] = Field(default_factory=list)
    publications: list[Publication] = Field(default_factory=list)
    skills: list[SkillGroup] = Field(default_factory=list)
    languages: list[Language] = Field(default_factory=list)
    interests: list[Interest] = Field(default_factory=list)
    references: list[Reference] = Field(default_factory=list)
    projects: list[Project] = Field(default_factory=list)
    meta: dict[str, Any] = Field(default_factory=dict)
    preferences: Preferences | None = None
    unplaced: list[str] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)

    def facts(self) -> list[Fact]:
        """Every fact of the profile, in document order."""
        found: list[Fact] = []
        for entry in [*self.work, *self.projects, *self.volunteer, *self.education]:
            found.extend(entry.highlights)
        return found
