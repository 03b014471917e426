"""Consistent backups while the tracker is in use, and restore from either form.

SQLite → a SQLite file copied with SQLite's online backup API. Any database → a JSON file
holding every row of our tables, read in one snapshot transaction (PostgreSQL users need no
pg_dump). `restore` reads either form into any database, in one transaction.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import os
import sqlite3
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Date, LargeBinary

from applykit.errors import InputError, NotFound, ValidationFailed
from applykit.models.application import BackupInfo
from applykit.store import tables as t
from applykit.store.engine import sqlite_path
from applykit.store.migrate import HEAD_REVISION

if TYPE_CHECKING:
    from sqlalchemy import Table
    from sqlalchemy.engine import Connection

    from applykit.store.repository import Repository

BACKUP_FORMAT = "applykit.backup"
SQLITE_MAGIC = b"SQLite format 3\x00"
_INSERT_CHUNK = 500


def backup(repo: Repository, dest: Path, kind: str | None = None) -> BackupInfo:
    """Write a consistent copy of the tracker to `dest` (atomically replaced)."""
    source = sqlite_path(repo.url)
    kind = kind or ("sqlite" if source is not None and dest.suffix.lower() != ".json" else "json")
    if kind == "sqlite" and source is None:
        raise ValidationFailed(
            "a SQLite-file backup needs a SQLite database; this one is PostgreSQL",
            where=repo.url,
            fix="write a JSON backup instead: applykit backup FILE.json",
        )
    dest.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp_name = tempfile.mkstemp(prefix=".applykit-backup-", dir=dest.parent)
    os.close(handle)
    tmp = Path(tmp_name)
    try:
        if kind == "sqlite":
            assert source is not None
            _sqlite_copy(source, tmp)
            tables = _dump_sqlite_file(tmp)
        else:
            with repo.reading() as connection:  # one snapshot of every table
                tables = dump_tables(connection)
            tmp.write_text(_to_json(tables), encoding="utf-8")
        os.replace(tmp, dest)
    finally:
        tmp.unlink(missing_ok=True)
    return _info(dest, kind, tables)


def _sqlite_copy(source: Path, target: Path) -> None:
    src = sqlite3.connect(source, timeout=30)
    dst = sqlite3.connect(target)
    try:
        src.execute("PRAGMA busy_timeout=30000")
        src.backup(dst)
        dst.execute("PRAGMA journal_mode=DELETE")
        (result,) = dst.execute("PRAGMA integrity_check").fetchone()
        if result != "ok":
            raise RuntimeError(f"backup copy failed its integrity check: {result}")
    finally:
        dst.close()
        src.close()


def _dump_sqlite_file(path: Path) -> dict[str, list[dict[str, Any]]]:
    from applykit.store.engine import create_db_engine
    from applykit.store.migrate import upgrade

    engine = create_db_engine(f"sqlite:///{path}")
    try:
        upgrade(engine)
        with engine.connect() as connection:
            return dump_tables(connection)
    finally:
        engine.dispose()


def dump_tables(connection: Connection) -> dict[str, list[dict[str, Any]]]:
    from sqlalchemy import select

    return {
        table.name: [
            dict(row._mapping) for row in connection.execute(select(table).order_by(table.c.id))
        ]
        for table in t.ALL_TABLES
    }


def _encode(table: Table, row: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in row.items():
        if isinstance(value, bytes | memoryview):
            out[key] = base64.b64encode(bytes(value)).decode("ascii")
        elif isinstance(value, dt.date | dt.datetime):
            out[key] = value.isoformat()
        else:
            out[key] = value
    return out


def _decode(table: Table, row: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in row.items():
        if key not in table.c:
            raise ValueError(f"unknown column {table.name}.{key}")
        column_type = table.c[key].type
        if value is None:
            out[key] = None
        elif isinstance(column_type, LargeBinary):
            out[key] = base64.b64decode(value, validate=True)
        elif isinstance(column_type, t.UTCDateTime):
            out[key] = dt.datetime.fromisoformat(value)
        elif isinstance(column_type, Date):
            out[key] = dt.date.fromisoformat(value)
        else:
            out[key] = value
    return out


def _to_json(tables: dict[str, list[dict[str, Any]]]) -> str:
    by_name = {table.name: table for table in t.ALL_TABLES}
    payload = {
        "format": BACKUP_FORMAT,
        "schema_revision": HEAD_REVISION,
        "written_at": dt.datetime.now(dt.UTC).isoformat(),
        "tables": {
            name: [_encode(by_name[name], r) for r in rows] for name, rows in tables.items()
        },
    }
    return json.dumps(payload, ensure_ascii=False) + "\n"


def _info(path: Path, kind: str, tables: dict[str, list[dict[str, Any]]]) -> BackupInfo:
    return BackupInfo(
        path=str(path),
        kind=kind,
        applications=len(tables.get("applications", [])),
        rows=sum(len(rows) for rows in tables.values()),
        bytes=path.stat().st_size,
    )


def read_backup(path: Path) -> tuple[str, dict[str, list[dict[str, Any]]]]:
    """('sqlite'|'json', rows by table) from a backup file of either form."""
    if not path.is_file():
        raise NotFound(f"no backup at {path}", where=str(path), fix="check the path")
    with path.open("rb") as handle:
        magic = handle.read(len(SQLITE_MAGIC))
    if magic == SQLITE_MAGIC:
        with tempfile.TemporaryDirectory(prefix="applykit-restore-") as folder:
            copy = Path(folder) / "restore.db"
            try:
                _sqlite_copy(path, copy)
                with sqlite3.connect(copy) as check:
                    known = check.execute(
                        "SELECT 1 FROM sqlite_master WHERE name = 'alembic_version'"
                    ).fetchone()
            except (sqlite3.DatabaseError, RuntimeError) as error:
                raise InputError(
                    f"the SQLite backup is damaged: {error}",
                    where=str(path),
                    fix="use another backup",
                ) from error
            if known is None:
                raise InputError(
                    "the SQLite file is not an applykit tracker",
                    where=str(path),
                    fix="give a file written by: applykit backup",
                )
            return "sqlite", _dump_sqlite_file(copy)
    try:
        payload: Any = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InputError(
            "the file is neither a SQLite database nor an applykit JSON backup",
            where=str(path),
            fix="give a file written by: applykit backup",
        ) from error
    if not isinstance(payload, dict) or payload.get("format") != BACKUP_FORMAT:
        raise InputError(
            "the JSON file is not an applykit backup",
            where=str(path),
            fix="give a file written by: applykit backup",
        )
    if payload.get("schema_revision") != HEAD_REVISION:
        raise InputError(
            f"the backup has schema {payload.get('schema_revision')!r}; "
            f"this applykit reads {HEAD_REVISION!r}",
            where=str(path),
            fix="restore it with the applykit version that wrote it, then back up again",
        )
    by_name = {table.name: table for table in t.ALL_TABLES}
    raw_tables = payload.get("tables")
    if not isinstance(raw_tables, dict) or set(raw_tables) - set(by_name):
        raise InputError(
            "the backup's tables are not applykit's",
            where=str(path),
            fix="give a file written by: applykit backup",
        )
    try:
        tables = {
            name: [_decode(by_name[name], row) for row in rows] for name, rows in raw_tables.items()
        }
    except (ValueError, TypeError, AttributeError) as error:
        raise InputError(
            f"the backup is damaged: {error}", where=str(path), fix="use another backup"
        ) from error
    return "json", tables


def restore(repo: Repository, source: Path, *, replace: bool = False) -> BackupInfo:
    """Load a backup into the tracker in one transaction; refuses to overwrite unless told."""
    from sqlalchemy import func, select, text

    kind, tables = read_backup(source)

    def work(connection: Connection) -> None:
        present = connection.execute(select(func.count()).select_from(t.applications)).scalar_one()
        if present and not replace:
            raise ValidationFailed(
                f"the tracker already holds {present} applications",
                where=repo.url,
                fix="restore into an empty tracker, or pass --replace to overwrite it",
            )
        for table in reversed(t.ALL_TABLES):
            connection.execute(table.delete())
        for table in t.ALL_TABLES:
            rows = tables.get(table.name, [])
            for start in range(0, len(rows), _INSERT_CHUNK):
                connection.execute(table.insert(), rows[start : start + _INSERT_CHUNK])
        if connection.dialect.name == "postgresql":
            for table in t.ALL_TABLES:
                connection.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                        f"COALESCE((SELECT MAX(id) FROM {table.name}), 0) + 1, false)"
                    )
                )

    from sqlalchemy.exc import IntegrityError

    try:
        repo.writing(work)
    except IntegrityError as error:
        raise InputError(
            f"the backup's rows do not fit together: {error.orig}",
            where=str(source),
            fix="use another backup",
        ) from error
    return _info(source, kind, tables)
