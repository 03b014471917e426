"""Migrations: the shipped versions build exactly the tables the code uses, at open."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from applykit.errors import ConfigError
from applykit.store.engine import create_db_engine
from applykit.store.migrate import HEAD_REVISION, MIGRATIONS, current_revision, head_revision
from applykit.store.repository import open_repository
from applykit.store.tables import metadata


def test_head_constant_matches_alembic_head() -> None:
    assert head_revision() == HEAD_REVISION


def test_versions_are_named_and_shipped_as_package_files() -> None:
    versions = sorted(p.name for p in (MIGRATIONS / "versions").glob("*.py"))
    assert versions and all(name[:4].isdigit() and "_" in name for name in versions)
    assert (MIGRATIONS / "env.py").is_file()


def test_migrated_schema_matches_the_tables(db_url: str) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    open_repository(url=db_url).close()
    engine = create_db_engine(db_url)
    try:
        with engine.connect() as connection:
            assert current_revision(connection) == HEAD_REVISION
            diff = compare_metadata(MigrationContext.configure(connection), metadata)
    finally:
        engine.dispose()
    assert diff == []


def test_sqlite_settings_wal_and_foreign_keys(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'x.db'}"
    repo = open_repository(url=url)
    with repo.reading() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert int(connection.exec_driver_sql("PRAGMA busy_timeout").scalar() or 0) >= 10_000
    repo.close()


def test_newer_schema_is_refused_with_a_fix(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    open_repository(url=f"sqlite:///{path}").close()
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(ConfigError) as caught:
        open_repository(url=f"sqlite:///{path}")
    assert "newer applykit" in caught.value.what


def test_bad_urls_are_configuration_errors(tmp_path: Path) -> None:
    for url in ["not a url", "mysql://x@localhost/db", "sqlite://"]:
        with pytest.raises(ConfigError):
            open_repository(url=url)
