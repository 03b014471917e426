"""Tracker speed on SQLite (and PostgreSQL when APPLYKIT_BENCH_POSTGRES_URL is set): writes,
a 1,000-application list, exports, import, backup."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
import time
from pathlib import Path

from bench.common import Row

N = 1000


def _sample(i: int) -> object:
    from applykit.models.application import Application

    at = dt.datetime(2026, 1, 1, tzinfo=dt.UTC) + dt.timedelta(hours=i)
    return Application.model_validate(
        {
            "company": f"Company {i % 97}",
            "position": f"Engineer {i}",
            "job_url": f"https://jobs.example.io/{i}",
            "job_description": "Build things. " * 200,
            "status_history": [
                {"status": "saved", "at": at},
                {"status": "applied", "at": at + dt.timedelta(days=1)},
            ],
            "status": "applied",
            "notes": [{"at": at, "text": f"note {i}"}],
        }
    )


def _measure(label: str, url: str, folder: Path) -> list[Row]:
    from applykit.store.backup import backup
    from applykit.store.exports import export_applications
    from applykit.store.imports import import_file
    from applykit.store.repository import open_repository

    rows = []
    repo = open_repository(url=url)
    source = folder / f"seed-{label}.json"
    source.write_text(export_applications([_sample(i) for i in range(N)], "json"))  # type: ignore[misc]
    start = time.perf_counter()
    report = import_file(repo, source)
    rows.append(Row(f"tracker {label}: import {N} (json)", time.perf_counter() - start, "s"))
    assert len(report.imported) == N

    ids = [item.id for item in report.imported[:200]]
    start = time.perf_counter()
    for app_id in ids:
        repo.set_status(app_id, "screening", note="bench")
    per = (time.perf_counter() - start) / len(ids) * 1000
    rows.append(Row(f"tracker {label}: set_status", per, "ms", "mean of 200 transactions"))

    start = time.perf_counter()
    apps = repo.list_applications()
    rows.append(
        Row(f"tracker {label}: list {len(apps)} applications", time.perf_counter() - start, "s")
    )
    for fmt in ("md", "csv", "json", "ics"):
        start = time.perf_counter()
        export_applications(apps, fmt)
        rows.append(Row(f"tracker {label}: export {fmt} ({N})", time.perf_counter() - start, "s"))
    start = time.perf_counter()
    info = backup(repo, folder / f"backup-{label}.{'db' if label == 'sqlite' else 'json'}")
    rows.append(
        Row(f"tracker {label}: backup", time.perf_counter() - start, "s", f"{info.bytes:,} bytes")
    )
    repo.close()
    start = time.perf_counter()
    open_repository(url=url).close()
    rows.append(Row(f"tracker {label}: open existing", (time.perf_counter() - start) * 1000, "ms"))
    return rows


def run() -> list[Row]:
    with tempfile.TemporaryDirectory(prefix="applykit-bench-") as name:
        folder = Path(name)
        rows = _measure("sqlite", f"sqlite:///{folder / 'bench.db'}", folder)
        pg = os.environ.get("APPLYKIT_BENCH_POSTGRES_URL")
        if pg:
            rows += _in_fresh_schema(pg, folder)
        return rows


def _in_fresh_schema(base: str, folder: Path) -> list[Row]:
    """Measure in a new PostgreSQL schema, dropped afterwards."""
    import uuid

    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    schema = f"bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(base)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        url = make_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
        return _measure("postgresql", url.render_as_string(hide_password=False), folder)
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()
