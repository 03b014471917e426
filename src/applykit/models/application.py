"""A tracked application: status history, dates, notes, contacts, documents, answers."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from applykit.models.base import StrictModel

ApplicationStatus = Literal[
    "saved",
    "applied",
    "screening",
    "interviewing",
    "offer",
    "accepted",
    "rejected",
    "withdrawn",
    "ghosted",
]
STATUSES: tuple[str, ...] = ApplicationStatus.__args__  # type: ignore[attr-defined]


class StatusEvent(StrictModel):
    status: ApplicationStatus
    at: dt.datetime
    note: str = ""


class Note(StrictModel):
    at: dt.datetime
    text: str


class Contact(StrictModel):
    name: str
    role: str | None = None
    email: str | None = None
    note: str = ""


class SentDocument(StrictModel):
    kind: str
    filename: str
    sha256: str
    size: int
    added_at: dt.datetime


class Answer(StrictModel):
    question: str
    answer: str
    source: Literal["bank", "user"] = "user"


class Application(StrictModel):
    id: int | None = None
    company: str
    position: str
    job_url: str | None = None
    status: ApplicationStatus = "saved"
    status_history: list[StatusEvent] = Field(default_factory=list)
    location: str | None = None
    work_mode: str | None = None
    compensation: str | None = None
    requisition_id: str | None = None
    team: str | None = None
    posted_on: dt.date | None = None
    applied_on: dt.date | None = None
    follow_up_on: dt.date | None = None
    interview_dates: list[dt.datetime] = Field(default_factory=list)
    job_description: str = ""
    personal_connection: str | None = None
    notes: list[Note] = Field(default_factory=list)
    contacts: list[Contact] = Field(default_factory=list)
    documents: list[SentDocument] = Field(default_factory=list)
    answers: list[Answer] = Field(default_factory=list)
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None
    revision: int = Field(
        default=0, ge=0, description="Counts every change; lets writers detect lost updates."
    )


class FunnelStage(StrictModel):
    status: ApplicationStatus
    reached: int = Field(description="Applications that ever reached this status.")
    share_of_applied: float | None = None


class TrackerStats(StrictModel):
    """The pipeline at a glance: a funnel, the response rate and days to a reply."""

    total: int
    by_status: dict[str, int]
    funnel: list[FunnelStage]
    applied: int
    responded: int
    response_rate: float | None = None
    median_days_to_reply: float | None = None


class ImportedItem(StrictModel):
    id: int
    company: str
    position: str
    where: str


class SkippedItem(StrictModel):
    where: str
    reason: str


class ImportReport(StrictModel):
    """What an import wrote, what it skipped and why; nothing is half-written."""

    source: str
    imported: list[ImportedItem] = Field(default_factory=list)
    skipped: list[SkippedItem] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)


class BackupInfo(StrictModel):
    """A backup written or restored: where, in which form, and how much it holds."""

    path: str
    kind: Literal["sqlite", "json"]
    applications: int
    rows: int
    bytes: int
