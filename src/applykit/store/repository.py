"""The tracker's repository: every read and write of applications goes through here.

Each public method is one transaction. Writers lock the application row they change
(SELECT … FOR UPDATE on PostgreSQL, BEGIN IMMEDIATE on SQLite) and bump its `revision`,
so concurrent processes queue instead of overwriting each other.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from applykit.errors import NotFound, ValidationFailed
from applykit.models.application import (
    Answer,
    Application,
    Contact,
    SentDocument,
    TrackerStats,
)
from applykit.store import answers as bank
from applykit.store import tables as t
from applykit.store.engine import WRITE_OPTION, create_db_engine
from applykit.store.rows import (
    DuplicateIndex,
    application_values,
    check_status,
    clean_text,
    insert_application,
    load_applications,
    now,
)

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection, Engine, Row

    from applykit.config import Settings

T = TypeVar("T")
MAX_DOCUMENT_BYTES = 50_000_000
_WRITE_ATTEMPTS = 6


def open_repository(settings: Settings | None = None, url: str | None = None) -> Repository:
    """Open (creating and migrating as needed) the tracker database.

    `url` wins over settings; settings default to the environment (APPLYKIT_DATABASE_URL, or
    a SQLite file inside APPLYKIT_HOME).
    """
    from applykit.store.migrate import upgrade

    if url is None:
        if settings is None:
            from applykit.config import get_settings

            settings = get_settings()
        if not settings.database_url:
            settings.ensure_home()
        url = settings.resolved_database_url
    engine = create_db_engine(url)
    upgrade(engine)
    return Repository(engine)


class Repository:
    """Applications, their history and documents, and the answer bank, in one database."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Repository:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # transactions -------------------------------------------------------------------------

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        """A read transaction that sees one snapshot (SQLite WAL; REPEATABLE READ on PostgreSQL)."""
        with self.engine.connect() as connection:
            if connection.dialect.name == "postgresql":
                connection.execution_options(isolation_level="REPEATABLE READ")
            with connection.begin():
                yield connection

    def writing(self, work: Callable[[Connection], T]) -> T:
        """Run `work` in one write transaction, retried when the database stays locked."""
        from sqlalchemy.exc import OperationalError

        for attempt in range(_WRITE_ATTEMPTS):
            try:
                with self.engine.connect() as connection:
                    connection.execution_options(**{WRITE_OPTION: True})
                    with connection.begin():
                        return work(connection)
            except OperationalError as error:
                locked = "locked" in str(error.orig) or "busy" in str(error.orig)
                if not locked or attempt == _WRITE_ATTEMPTS - 1:
                    raise
                time.sleep(0.05 * 2**attempt)
        raise AssertionError("unreachable")  # pragma: no cover

    def _lock(self, connection: Connection, app_id: int) -> Row[Any]:
        from sqlalchemy import select

        row = connection.execute(
            select(t.applications).where(t.applications.c.id == app_id).with_for_update()
        ).first()
        if row is None:
            raise NotFound(
                f"there is no application #{app_id}",
                where=f"application id {app_id}",
                fix="list the ids with: applykit track list",
            )
        return row

    def _touch(self, connection: Connection, row: Row[Any], **values: Any) -> None:
        connection.execute(
            t.applications.update()
            .where(t.applications.c.id == row.id)
            .values(revision=row.revision + 1, updated_at=now(), **values)
        )

    def _load_one(self, connection: Connection, app_id: int) -> Application:
        from sqlalchemy import select

        row = connection.execute(
            select(t.applications).where(t.applications.c.id == app_id)
        ).first()
        if row is None:
            raise NotFound(
                f"there is no application #{app_id}",
                where=f"application id {app_id}",
                fix="list the ids with: applykit track list",
            )
        return load_applications(connection, [row])[0]

    # applications -------------------------------------------------------------------------

    def add_application(self, app: Application) -> Application:
        """Store a new application with its initial status event; returns it with its id."""
        return self.writing(lambda c: self._load_one(c, insert_application(c, app)))

    def get_application(self, app_id: int) -> Application:
        with self.reading() as connection:
            return self._load_one(connection, app_id)

    def list_applications(
        self,
        status: str | None = None,
        company: str | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
    ) -> list[Application]:
        """Applications filtered by status, company (substring, any case) and date.

        The date is the application date, or the day it was saved when it has none.
        """
        from sqlalchemy import and_, func, or_, select

        a = t.applications
        query = select(a).order_by(a.c.id)
        if status:
            query = query.where(a.c.status == check_status(status))
        if company:
            query = query.where(func.lower(a.c.company).contains(company.lower(), autoescape=True))
        if since:
            start = dt.datetime.combine(since, dt.time(), tzinfo=dt.UTC)
            query = query.where(
                or_(
                    a.c.applied_on >= since, and_(a.c.applied_on.is_(None), a.c.created_at >= start)
                )
            )
        if until:
            end = dt.datetime.combine(until + dt.timedelta(days=1), dt.time(), tzinfo=dt.UTC)
            query = query.where(
                or_(a.c.applied_on <= until, and_(a.c.applied_on.is_(None), a.c.created_at < end))
            )
        with self.reading() as connection:
            return load_applications(connection, connection.execute(query).all())

    def find_application(
        self, company: str, position: str, job_url: str | None = None
    ) -> Application | None:
        """The application for this posting, matched by URL when given, else company+position."""
        with self.reading() as connection:
            app_id = DuplicateIndex(connection).find(company, position, job_url)
            return None if app_id is None else self._load_one(connection, app_id)

    def set_status(
        self, app_id: int, status: str, *, note: str = "", at: dt.datetime | None = None
    ) -> Application:
        """Move an application to `status`, appending the change to its history."""
        new = check_status(status)
        when = at or now()
        text = clean_text(note, field="note") or ""

        def work(connection: Connection) -> Application:
            row = self._lock(connection, app_id)
            connection.execute(
                t.status_events.insert(),
                {"application_id": app_id, "status": new, "at": when, "note": text},
            )
            extra: dict[str, Any] = {"status": new}
            if new == "applied" and row.applied_on is None:
                extra["applied_on"] = when.date()
            self._touch(connection, row, **extra)
            return self._load_one(connection, app_id)

        return self.writing(work)

    def update_fields(self, app_id: int, **fields: Any) -> Application:
        """Change plain fields (dates, URL, team, …); status has its own method."""
        allowed = set(application_values(Application(company="x", position="y"))) - {"status"}
        unknown = set(fields) - allowed
        if unknown:
            raise ValidationFailed(
                f"cannot set {', '.join(sorted(unknown))} this way",
                where="fields",
                fix="use set_status for the status; settable: " + ", ".join(sorted(allowed)),
            )

        def work(connection: Connection) -> Application:
            from pydantic import ValidationError

            row = self._lock(connection, app_id)
            current = {k: getattr(row, k) for k in allowed}
            try:
                merged = Application.model_validate({**current, "status": row.status, **fields})
            except ValidationError as error:
                first = error.errors()[0]
                field = ".".join(str(x) for x in first["loc"])
                raise ValidationFailed(
                    f"{field}: {first['msg']}", where=field, fix="give a value of the right kind"
                ) from error
            values = application_values(merged)
            values.pop("status")
            self._touch(connection, row, **values)
            return self._load_one(connection, app_id)

        return self.writing(work)

    def add_note(self, app_id: int, text: str, *, at: dt.datetime | None = None) -> Application:
        body = clean_text(text, field="note")
        if not body:
            raise ValidationFailed("the note is empty", where="note", fix="give the note text")
        return self._append(app_id, t.notes, {"at": at or now(), "text": body})

    def add_contact(self, app_id: int, contact: Contact) -> Application:
        values = {
            "name": clean_text(contact.name, field="contact name", optional=False),
            "role": clean_text(contact.role, field="contact role"),
            "email": clean_text(contact.email, field="contact email"),
            "note": clean_text(contact.note, field="contact note") or "",
        }
        if not values["name"]:
            raise ValidationFailed("a contact needs a name", where="contact", fix="give a name")
        return self._append(app_id, t.contacts, values)

    def add_interview(self, app_id: int, at: dt.datetime) -> Application:
        return self._append(app_id, t.interviews, {"at": at})

    def _append(self, app_id: int, table: Any, values: dict[str, Any]) -> Application:
        def work(connection: Connection) -> Application:
            row = self._lock(connection, app_id)
            connection.execute(table.insert(), {"application_id": app_id, **values})
            self._touch(connection, row)
            return self._load_one(connection, app_id)

        return self.writing(work)

    # documents and answers ----------------------------------------------------------------

    def add_document(self, app_id: int, kind: str, filename: str, content: bytes) -> SentDocument:
        """Keep the exact bytes sent, with their SHA-256, so the user can see what went where."""
        if len(content) > MAX_DOCUMENT_BYTES:
            raise ValidationFailed(
                f"{filename} is {len(content):,} bytes; the limit is {MAX_DOCUMENT_BYTES:,}",
                where=filename,
                fix="store a smaller export of the document",
            )
        doc = SentDocument(
            kind=clean_text(kind, field="kind", optional=False) or "document",
            filename=clean_text(Path(filename).name, field="filename", optional=False) or "unnamed",
            sha256=hashlib.sha256(content).hexdigest(),
            size=len(content),
            added_at=now(),
        )
        self._append(app_id, t.documents, {**doc.model_dump(), "content": content})
        return doc

    def document_content(self, app_id: int, sha256: str) -> bytes:
        from sqlalchemy import select

        d = t.documents
        query = select(d.c.content).where(d.c.application_id == app_id, d.c.sha256 == sha256)
        with self.reading() as connection:
            row = connection.execute(query).first()
        if row is None or row.content is None:
            raise NotFound(
                f"application #{app_id} has no stored document with sha256 {sha256[:12]}…",
                where=f"application id {app_id}",
                fix="see the documents with: applykit track show ID",
            )
        return bytes(row.content)

    def record_answer(
        self, app_id: int, question: str, answer: str, source: str = "user"
    ) -> Answer:
        """Record the answer given to an application question (replaces an earlier one)."""
        from sqlalchemy import func

        if source not in ("bank", "user"):
            raise ValidationFailed(
                f"unknown answer source {source!r}", where="source", fix="use 'bank' or 'user'"
            )
        q = clean_text(question, field="question")
        a = clean_text(answer, field="answer")
        if not q or not a:
            raise ValidationFailed(
                "both the question and the answer are needed", where="answer", fix="give both"
            )
        result = Answer(question=q, answer=a, source=source)

        def work(connection: Connection) -> Answer:
            row = self._lock(connection, app_id)
            aa = t.application_answers
            connection.execute(
                aa.delete().where(
                    aa.c.application_id == app_id, func.lower(aa.c.question) == q.lower()
                )
            )
            connection.execute(aa.insert(), {"application_id": app_id, **result.model_dump()})
            self._touch(connection, row)
            return result

        return self.writing(work)

    def bank_answer(self, question: str, answer: str) -> Answer:
        return self.writing(lambda c: bank.bank(c, question, answer))

    def lookup_answer(self, question: str) -> str | None:
        """The user's banked answer for this question (normalised match), or None."""
        with self.reading() as connection:
            return bank.lookup(connection, question)

    def answer_bank(self) -> list[Answer]:
        with self.reading() as connection:
            return bank.all_answers(connection)

    def unanswered(self, questions: list[str]) -> list[str]:
        """The questions the bank has no answer for, in the order given."""
        with self.reading() as connection:
            return [q for q in questions if bank.lookup(connection, q) is None]

    def import_answer_file(self, path: Path) -> list[Answer]:
        """Bank every {question, answer} of a YAML file, all or nothing."""
        pairs = bank.read_answer_file(path)
        return self.writing(lambda c: [bank.bank(c, q, a) for q, a in pairs])

    # reports ------------------------------------------------------------------------------

    def followups(self, today: dt.date | None = None, within_days: int = 0) -> list[Application]:
        """Open applications whose follow-up date is due by `today + within_days`."""
        from applykit.store.stats import due_followups

        return due_followups(self.list_applications(), today or now().date(), within_days)

    def stats(self) -> TrackerStats:
        from applykit.store.stats import compute_stats

        return compute_stats(self.list_applications())
