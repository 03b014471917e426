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
    notes: list[Note] = Field(default_factory=list)
    contacts: list[Contact] = Field(default_factory=list)
    documents: list[SentDocument] = Field(default_factory=list)
    answers: list[Answer] = Field(default_factory=list)
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None
