"""Database URL → SQLAlchemy engine, with the settings each database needs.

SQLite: WAL journal (readers never block the writer), a busy timeout, foreign keys on, and
write transactions opened with BEGIN IMMEDIATE so two writers queue instead of failing
half-way. PostgreSQL: psycopg 3; writers lock the application row (SELECT … FOR UPDATE).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from applykit.errors import ConfigError, MissingExtra

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection, Engine

BUSY_TIMEOUT_MS = 30_000
WRITE_OPTION = "applykit_write"


def sqlite_path(url: str) -> Path | None:
    """The file behind a SQLite URL, or None for other databases and in-memory SQLite."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return None
    if not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def create_db_engine(url: str) -> Engine:
    """An engine for `url`; raises ConfigError for URLs we cannot use."""
    from sqlalchemy import create_engine, event
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError, NoSuchModuleError

    try:
        parsed = make_url(url)
    except ArgumentError as error:
        raise ConfigError(
            f"cannot read the database URL {url!r}",
            where="APPLYKIT_DATABASE_URL",
            fix="use sqlite:///PATH or postgresql+psycopg://USER@HOST:PORT/DB",
        ) from error
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        path = sqlite_path(url)
        if path is None:
            raise ConfigError(
                "in-memory SQLite cannot hold a tracker",
                where=url,
                fix="use a file: sqlite:////path/to/applykit.db",
            )
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise ConfigError(
                f"cannot create the folder for the database: {error}",
                where=str(path),
                fix="set APPLYKIT_HOME or APPLYKIT_DATABASE_URL to a writable place",
            ) from error
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _sqlite_on_connect)
        event.listen(engine, "begin", _sqlite_on_begin)
        return engine
    if backend == "postgresql":
        if parsed.get_driver_name() != "psycopg":
            parsed = parsed.set(drivername="postgresql+psycopg")
        try:
            import psycopg  # noqa: F401
        except ImportError as error:
            raise MissingExtra("PostgreSQL storage", "postgres", where=url) from error
        try:
            return create_engine(parsed, pool_pre_ping=True)
        except NoSuchModuleError as error:  # pragma: no cover - psycopg present but broken
            raise MissingExtra("PostgreSQL storage", "postgres", where=url) from error
    raise ConfigError(
        f"unsupported database {backend!r}",
        where="APPLYKIT_DATABASE_URL",
        fix="use sqlite:///PATH or postgresql+psycopg://USER@HOST:PORT/DB",
    )


def _sqlite_on_connect(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy's "begin" event decide how transactions start (see _sqlite_on_begin).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
    finally:
        cursor.close()


def _sqlite_on_begin(connection: Connection) -> None:
    immediate = connection.get_execution_options().get(WRITE_OPTION, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")
