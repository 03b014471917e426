"""Bring a database to the newest schema (Alembic `upgrade head`), safely from many processes.

The migration runs inside one write transaction: BEGIN IMMEDIATE on SQLite, an advisory
lock on PostgreSQL. A second process opening the same database waits, then finds the
schema already current. DDL is transactional on both, so a killed migration leaves nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from applykit.errors import ConfigError
from applykit.store.engine import WRITE_OPTION

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy.engine import Connection, Engine

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# The newest revision in migrations/versions; a test checks it matches Alembic's head.
HEAD_REVISION = "0001"
_PG_LOCK_KEY = 0x61706B74  # "apkt"


def current_revision(connection: Connection) -> str | None:
    from sqlalchemy import inspect, text

    if not inspect(connection).has_table("alembic_version"):
        return None
    row = connection.execute(text("SELECT version_num FROM alembic_version")).first()
    return None if row is None else str(row[0])


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str | None:
    """Alembic's own view of the head (slow: loads every migration script)."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def upgrade(engine: Engine) -> None:
    """Migrate to head unless the database is already there (the common, fast case)."""
    with engine.connect() as probe:
        revision = current_revision(probe)
        probe.rollback()
    if revision == HEAD_REVISION:
        return
    if revision is not None and revision > HEAD_REVISION:
        raise ConfigError(
            f"the database was written by a newer applykit (schema {revision})",
            where=str(engine.url.render_as_string(hide_password=True)),
            fix="upgrade applykit (pip install -U applykit) before opening this database",
        )
    from alembic import command

    with engine.connect() as connection:
        connection.execution_options(**{WRITE_OPTION: True})
        with connection.begin():
            if connection.dialect.name == "postgresql":
                from sqlalchemy import text

                connection.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_LOCK_KEY})
            if current_revision(connection) != HEAD_REVISION:
                command.upgrade(alembic_config(connection), "head")
