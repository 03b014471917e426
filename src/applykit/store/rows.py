"""Rows ↔ models: build Application models from table rows (batched, no N+1 queries), and
check and clean what goes into the tables."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from applykit.errors import ValidationFailed
from applykit.models.application import (
    STATUSES,
    Answer,
    Application,
    Contact,
    Note,
    SentDocument,
    StatusEvent,
)
from applykit.store import tables as t

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection, Row

MAX_TEXT = 1_000_000
SHORT_LIMITS = {
    "company": 300,
    "position": 300,
    "requisition_id": 200,
    "work_mode": 50,
    "kind": 50,
    "sha256": 64,
}
MAX_SIZE = 2**31 - 1
_CHUNK = 500


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def clean_text(value: str | None, *, field: str, optional: bool = True) -> str | None:
    """Strip, drop NUL characters (PostgreSQL refuses them), cap the size; '' → None."""
    if value is None:
        return None
    text = value.replace("\x00", "").replace("\r\n", "\n").replace("\r", "\n").strip()
    limit = SHORT_LIMITS.get(field, MAX_TEXT)
    if len(text) > limit:
        raise ValidationFailed(
            f"{field} is {len(text):,} characters long; the limit is {limit:,}",
            where=field,
            fix=f"shorten {field}",
        )
    if optional and not text:
        return None
    return text


def check_status(status: str) -> str:
    wanted = status.strip().lower()
    if wanted in STATUSES:
        return wanted
    close = [s for s in STATUSES if s.startswith(wanted[:4])] if len(wanted) >= 4 else []
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    raise ValidationFailed(
        f"unknown status {status!r}{hint}",
        where="status",
        fix="use one of: " + ", ".join(STATUSES),
    )


def application_values(app: Application) -> dict[str, Any]:
    """Column values for the applications table, cleaned and checked."""
    company = clean_text(app.company, field="company", optional=False)
    position = clean_text(app.position, field="position", optional=False)
    if not company or not position:
        raise ValidationFailed(
            "an application needs a company and a position",
            where="company" if not company else "position",
            fix="give both, e.g. applykit track add 'Loomcraft' 'Product Engineer'",
        )
    values: dict[str, Any] = {"company": company, "position": position}
    for field in (
        "job_url",
        "location",
        "work_mode",
        "compensation",
        "requisition_id",
        "team",
        "personal_connection",
    ):
        values[field] = clean_text(getattr(app, field), field=field)
    values["job_description"] = clean_text(app.job_description, field="job_description") or ""
    if app.revision > MAX_SIZE:
        raise ValidationFailed(
            f"revision {app.revision} is out of range",
            where="revision",
            fix=f"give a number from 0 to {MAX_SIZE:,}",
        )
    _check_children(app)
    values["status"] = check_status(app.status)
    if app.status_history and app.status_history[-1].status != values["status"]:
        raise ValidationFailed(
            f"the status is {values['status']!r} but the history ends with "
            f"{app.status_history[-1].status!r}",
            where="status",
            fix="make the status equal to the last status in the history",
        )
    values["posted_on"] = app.posted_on
    values["applied_on"] = app.applied_on
    values["follow_up_on"] = app.follow_up_on
    return values


def _check_children(app: Application) -> None:
    """Texts inside lists (notes, answers, …) obey the same size limit as fields."""
    groups: dict[str, list[Any]] = {
        "notes": app.notes,
        "answers": app.answers,
        "contacts": app.contacts,
        "status_history": app.status_history,
        "documents": app.documents,
    }
    for name, items in groups.items():
        for index, item in enumerate(items, start=1):
            for key, value in item.model_dump().items():
                limit = SHORT_LIMITS.get(key, MAX_TEXT)
                if isinstance(value, str) and len(value) > limit:
                    raise ValidationFailed(
                        f"{name} item {index}: {key} is {len(value):,} characters long; "
                        f"the limit is {limit:,}",
                        where=f"{name}[{index}].{key}",
                        fix=f"shorten it below {limit:,} characters",
                    )
                if isinstance(value, int) and not 0 <= value <= MAX_SIZE:
                    raise ValidationFailed(
                        f"{name} item {index}: {key} {value} is out of range",
                        where=f"{name}[{index}].{key}",
                        fix=f"give a number from 0 to {MAX_SIZE:,}",
                    )


def chunks(ids: Sequence[int]) -> Iterable[Sequence[int]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


def load_applications(connection: Connection, app_rows: Sequence[Row[Any]]) -> list[Application]:
    """Whole Application models for these rows, children fetched in a few batched queries."""
    from sqlalchemy import select

    ids = [int(row.id) for row in app_rows]
    children: dict[str, dict[int, list[Any]]] = {
        table.name: defaultdict(list) for table in t.CHILD_TABLES
    }
    for table in t.CHILD_TABLES:
        columns = [c for c in table.c if c.name != "content"]
        for part in chunks(ids):
            query = select(*columns).where(table.c.application_id.in_(part)).order_by(table.c.id)
            for child in connection.execute(query):
                children[table.name][int(child.application_id)].append(child)
    return [
        _build(row, {name: rows[int(row.id)] for name, rows in children.items()})
        for row in app_rows
    ]


def _build(row: Row[Any], kids: dict[str, list[Any]]) -> Application:
    return Application(
        id=row.id,
        company=row.company,
        position=row.position,
        job_url=row.job_url,
        status=row.status,
        status_history=[
            StatusEvent(status=e.status, at=e.at, note=e.note) for e in kids["status_events"]
        ],
        location=row.location,
        work_mode=row.work_mode,
        compensation=row.compensation,
        requisition_id=row.requisition_id,
        team=row.team,
        posted_on=row.posted_on,
        applied_on=row.applied_on,
        follow_up_on=row.follow_up_on,
        interview_dates=sorted(i.at for i in kids["interviews"]),
        job_description=row.job_description,
        personal_connection=row.personal_connection,
        notes=[Note(at=n.at, text=n.text) for n in kids["notes"]],
        contacts=[
            Contact(name=c.name, role=c.role, email=c.email, note=c.note) for c in kids["contacts"]
        ],
        documents=[
            SentDocument(
                kind=d.kind, filename=d.filename, sha256=d.sha256, size=d.size, added_at=d.added_at
            )
            for d in kids["documents"]
        ],
        answers=[
            Answer(question=a.question, answer=a.answer, source=a.source)
            for a in kids["application_answers"]
        ],
        created_at=row.created_at,
        updated_at=row.updated_at,
        revision=row.revision,
    )


class DuplicateIndex:
    """Which stored application is for the same posting: same URL, else same company and
    position (case-insensitive). Built with one query, then kept up to date in memory."""

    def __init__(self, connection: Connection) -> None:
        from sqlalchemy import select

        a = t.applications
        self.by_url: dict[str, int] = {}
        self.by_name: dict[tuple[str, str], int] = {}
        for row in connection.execute(select(a.c.id, a.c.job_url, a.c.company, a.c.position)):
            self.add(int(row.id), row.company, row.position, row.job_url)

    @staticmethod
    def _name(company: str, position: str) -> tuple[str, str]:
        return (" ".join(company.casefold().split()), " ".join(position.casefold().split()))

    def add(self, app_id: int, company: str, position: str, job_url: str | None) -> None:
        if job_url and job_url.strip():
            self.by_url.setdefault(job_url.strip(), app_id)
        self.by_name.setdefault(self._name(company, position), app_id)

    def find(self, company: str, position: str, job_url: str | None = None) -> int | None:
        if job_url and job_url.strip() in self.by_url:
            return self.by_url[job_url.strip()]
        return self.by_name.get(self._name(company, position))


def insert_application(connection: Connection, app: Application) -> int:
    """Write a whole application (history, notes, contacts, … as given) and return its id.

    Without a history, the current status becomes the first event.
    """
    values = application_values(app)
    stamp = now()
    created = app.created_at or stamp
    values.update(
        created_at=created,
        updated_at=app.updated_at or created,
        revision=app.revision,
    )
    key = connection.execute(t.applications.insert(), values).inserted_primary_key
    assert key is not None
    app_id = int(key[0])
    history = app.status_history or []
    children: dict[Any, list[dict[str, Any]]] = {
        t.status_events: [
            {"status": check_status(e.status), "at": e.at, "note": e.note} for e in history
        ]
        or [{"status": values["status"], "at": created, "note": ""}],
        t.notes: [{"at": n.at, "text": n.text} for n in app.notes],
        t.contacts: [
            {**c.model_dump(), "role": c.role or None, "email": c.email or None}
            for c in app.contacts
        ],
        t.interviews: [{"at": at} for at in app.interview_dates],
        t.documents: [{**d.model_dump(), "content": None} for d in app.documents],
        t.application_answers: [a.model_dump() for a in app.answers],
    }
    for table, rows in children.items():
        if rows:
            connection.execute(
                table.insert(),
                [
                    {
                        "application_id": app_id,
                        **{
                            k: v.replace("\x00", "") if isinstance(v, str) else v
                            for k, v in r.items()
                        },
                    }
                    for r in rows
                ],
            )
    return app_id
