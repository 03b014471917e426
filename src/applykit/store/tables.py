"""The tracker's tables (SQLAlchemy Core). Migrations in `migrations/versions/` build them.

Change a table here only together with a new, append-only migration; a test compares the
two so they never drift apart.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

UTC = dt.UTC

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING)


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Aware datetimes in UTC on every database (SQLite keeps no offset: store naive UTC)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if not isinstance(value, dt.datetime):
            raise TypeError(f"expected a datetime, got {type(value).__name__}")
        aware = value if value.tzinfo is not None else value.replace(tzinfo=UTC)
        aware = aware.astimezone(UTC)
        return aware.replace(tzinfo=None) if dialect.name == "sqlite" else aware

    def process_result_value(self, value: Any, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if not isinstance(value, dt.datetime):
            raise TypeError(f"expected a datetime, got {type(value).__name__}")
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


def _app_fk() -> ForeignKey:
    return ForeignKey("applications.id", ondelete="CASCADE")


applications = Table(
    "applications",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("company", String(300), nullable=False),
    Column("position", String(300), nullable=False),
    Column("job_url", Text),
    Column("status", String(20), nullable=False),
    Column("location", Text),
    Column("work_mode", String(50)),
    Column("compensation", Text),
    Column("requisition_id", String(200)),
    Column("team", Text),
    Column("posted_on", Date),
    Column("applied_on", Date),
    Column("follow_up_on", Date),
    Column("job_description", Text, nullable=False, default=""),
    Column("personal_connection", Text),
    Column("created_at", UTCDateTime, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
    Column("revision", Integer, nullable=False, default=0),
    Index("ix_applications_status", "status"),
    Index("ix_applications_company", "company"),
)

status_events = Table(
    "status_events",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("application_id", Integer, _app_fk(), nullable=False, index=True),
    Column("status", String(20), nullable=False),
    Column("at", UTCDateTime, nullable=False),
    Column("note", Text, nullable=False, default=""),
)

notes = Table(
    "notes",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("application_id", Integer, _app_fk(), nullable=False, index=True),
    Column("at", UTCDateTime, nullable=False),
    Column("text", Text, nullable=False),
)

contacts = Table(
    "contacts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("application_id", Integer, _app_fk(), nullable=False, index=True),
    Column("name", Text, nullable=False),
    Column("role", Text),
    Column("email", Text),
    Column("note", Text, nullable=False, default=""),
)

interviews = Table(
    "interviews",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("application_id", Integer, _app_fk(), nullable=False, index=True),
    Column("at", UTCDateTime, nullable=False),
)

documents = Table(
    "documents",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("application_id", Integer, _app_fk(), nullable=False, index=True),
    Column("kind", String(50), nullable=False),
    Column("filename", Text, nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("size", Integer, nullable=False),
    Column("added_at", UTCDateTime, nullable=False),
    Column("content", LargeBinary),
)

application_answers = Table(
    "application_answers",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("application_id", Integer, _app_fk(), nullable=False, index=True),
    Column("question", Text, nullable=False),
    Column("answer", Text, nullable=False),
    Column("source", String(10), nullable=False),
)

answer_bank = Table(
    "answer_bank",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("question_key", Text, nullable=False),
    Column("question", Text, nullable=False),
    Column("answer", Text, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
    UniqueConstraint("question_key"),
)

CHILD_TABLES: tuple[Table, ...] = (
    status_events,
    notes,
    contacts,
    interviews,
    documents,
    application_answers,
)
ALL_TABLES: tuple[Table, ...] = (applications, *CHILD_TABLES, answer_bank)
