"""A job posting, understood: the public JSON contract of `applykit posting parse`."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from applykit.models.base import StrictModel
from applykit.models.skill import SkillRef

WorkMode = Literal["remote", "hybrid", "onsite"]
EmploymentType = Literal["full_time", "part_time", "contract", "internship", "temporary"]
PayPeriod = Literal["hour", "day", "week", "month", "year"]
RequirementKind = Literal["required", "preferred"]
DegreeLevel = Literal["associate", "bachelor", "master", "phd"]


class Location(StrictModel):
    raw: str
    city: str | None = None
    region: str | None = None
    country: str | None = None


class Compensation(StrictModel):
    min: float | None = None
    max: float | None = None
    currency: str | None = None
    period: PayPeriod | None = None
    raw: str


class Requirement(StrictModel):
    """One qualification; `children` hold the sub-items of a nested list."""

    id: str
    text: str
    kind: RequirementKind = "required"
    children: list[Requirement] = Field(default_factory=list)
    any_of: bool = False
    skills: list[SkillRef] = Field(default_factory=list)


class Degree(StrictModel):
    level: DegreeLevel
    field: str | None = None
    in_progress: bool = False
    raw: str = ""


class YearsExperience(StrictModel):
    min: float | None = None
    max: float | None = None
    raw: str = ""


class Posting(StrictModel):
    title: str | None = None
    company: str | None = None
    team: str | None = None
    locations: list[Location] = Field(default_factory=list)
    work_mode: WorkMode | None = None
    employment_type: EmploymentType | None = None
    seniority: str | None = None
    level: str | None = None
    compensation: Compensation | None = None
    responsibilities: list[str] = Field(default_factory=list)
    requirements: list[Requirement] = Field(default_factory=list)
    skills: list[SkillRef] = Field(default_factory=list)
    degree: Degree | None = None
    years_experience: YearsExperience | None = None
    requisition_id: str | None = None
    posted_on: dt.date | None = None
    start_date: str | None = None
    duration: str | None = None
    url: str | None = None
    application_steps: list[str] = Field(default_factory=list)
    application_questions: list[str] = Field(default_factory=list)
    company_facts: list[str] = Field(default_factory=list)
    description: str = ""
    source_format: str | None = None
    warnings: list[str] = Field(default_factory=list)
