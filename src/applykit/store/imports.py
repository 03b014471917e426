"""Import applications from Markdown (`# Application Details`), CSV or JSON.

Every record is read and checked first; then all good records are written in one
transaction. The report says what was imported, what was skipped and why (malformed,
unknown status, duplicate of a stored application); nothing is half-written.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from applykit.errors import InputError, NotFound, UserError
from applykit.models.application import (
    STATUSES,
    ImportedItem,
    ImportReport,
    SkippedItem,
)
from applykit.models.application import (
    Application as App,
)
from applykit.store import markdown_records as mdr
from applykit.store.exports import CSV_LISTS, CSV_SCALARS
from applykit.store.rows import DuplicateIndex, application_values, insert_application

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

    from applykit.store.repository import Repository

MAX_IMPORT_BYTES = 50_000_000
IMPORT_FORMATS = ("md", "csv", "json")


@dataclass
class Candidate:
    where: str
    app: App | None = None
    error: str | None = None


@dataclass
class Parsed:
    candidates: list[Candidate] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _reason(error: ValidationError) -> str:
    parts = []
    for item in error.errors()[:3]:
        loc = ".".join(str(x) for x in item["loc"]) or "record"
        parts.append(f"{loc}: {item['msg']}")
    return "; ".join(parts)


def _validate(where: str, data: dict[str, Any]) -> Candidate:
    try:
        app = App.model_validate(data)
        application_values(app)
    except ValidationError as error:
        return Candidate(where, error=_reason(error))
    except UserError as error:
        return Candidate(where, error=error.what)
    return Candidate(where, app=app)


# ---------------------------------------------------------------------------- Markdown


def parse_markdown(text: str, source: str, now: dt.datetime) -> Parsed:
    records, stray = mdr.split_records(text)
    parsed = Parsed(warnings=list(stray))
    if not records:
        parsed.warnings.append(f"{source}: no '{mdr.TITLE}' heading found; nothing to import")
    for record in records:
        where = f"{source}:{record.line}"
        for heading in record.unknown:
            parsed.warnings.append(f"{where}: section '## {heading}' is not known; ignored")
        try:
            parsed.candidates.append(_validate(where, mdr.record_data(record, now)))
        except mdr.RecordError as error:
            parsed.candidates.append(Candidate(where, error=str(error)))
    return parsed


# ---------------------------------------------------------------------------- CSV, JSON


def _csv_row(row: dict[str, str], now: dt.datetime) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for name in CSV_SCALARS:
        value = (row.get(name) or "").strip()
        if name == "id" or not value:
            continue
        if name == "status":
            status, _ = mdr.read_status(value)
            if status is None:
                raise mdr.RecordError(
                    f"unknown status {value[:60]!r}; use one of: {', '.join(STATUSES)}"
                )
            data[name] = status
        else:
            data[name] = value
    for name in CSV_LISTS:
        value = (row.get(name) or "").strip()
        if not value:
            continue
        if value.startswith("["):
            try:
                data[name] = json.loads(value)
            except json.JSONDecodeError as error:
                raise mdr.RecordError(f"column {name} is not a JSON list: {error.msg}") from error
        elif name == "notes":
            data[name] = [{"at": now, "text": value}]
        elif name == "interview_dates":
            data[name] = [part.strip() for part in value.split(";") if part.strip()]
        else:
            raise mdr.RecordError(f"column {name} must be a JSON list (as applykit exports it)")
    return data


def parse_csv(text: str, source: str, now: dt.datetime) -> Parsed:
    parsed = Parsed()
    csv.field_size_limit(max(csv.field_size_limit(), 20_000_000))
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        header = [h.strip().lower() for h in (reader.fieldnames or [])]
    except csv.Error as error:
        raise InputError(
            f"cannot read the CSV header: {error}", where=source, fix="check the file"
        ) from error
    if "company" not in header or "position" not in header:
        raise InputError(
            "the CSV has no 'company' and 'position' columns",
            where=f"{source}:1",
            fix="add a header row naming at least company,position (see the export's columns)",
        )
    reader.fieldnames = header
    known = set(CSV_SCALARS) | set(CSV_LISTS)
    for extra in [h for h in header if h not in known]:
        parsed.warnings.append(f"{source}:1: column {extra!r} is not known; ignored")
    line = 1
    try:
        for row in reader:
            where = f"{source}:{line + 1}"
            line = reader.line_num
            if None in row:
                parsed.candidates.append(
                    Candidate(where, error="the row has more cells than the header")
                )
                continue
            try:
                parsed.candidates.append(_validate(where, _csv_row(row, now)))
            except mdr.RecordError as error:
                parsed.candidates.append(Candidate(where, error=str(error)))
    except csv.Error as error:
        parsed.candidates.append(
            Candidate(f"{source}:{line + 1}", error=f"unreadable CSV from here on: {error}")
        )
    return parsed


def parse_json(text: str, source: str) -> Parsed:
    try:
        data: Any = json.loads(text)
    except RecursionError as error:
        raise InputError(
            "the JSON is nested too deeply to be an application list",
            where=source,
            fix="give an object with an 'applications' list (as applykit exports)",
        ) from error
    except json.JSONDecodeError as error:
        raise InputError(
            f"the file is not valid JSON: {error.msg}",
            where=f"{source}:{error.lineno}:{error.colno}",
            fix="fix the JSON, or export again with: applykit track export --format json",
        ) from error
    if isinstance(data, dict) and isinstance(data.get("applications"), list):
        items: list[Any] = data["applications"]
    elif isinstance(data, list):
        items = data
    elif isinstance(data, dict):
        items = [data]
    else:
        raise InputError(
            "the JSON holds neither an application nor a list of them",
            where=source,
            fix="give an object with an 'applications' list (as applykit exports)",
        )
    parsed = Parsed()
    for index, item in enumerate(items, start=1):
        where = f"{source}: application {index}"
        if not isinstance(item, dict):
            parsed.candidates.append(Candidate(where, error="not a JSON object"))
            continue
        parsed.candidates.append(_validate(where, {k: v for k, v in item.items() if k != "id"}))
    return parsed


# ---------------------------------------------------------------------------- entry points


def read_import_file(
    path: Path, fmt: str | None = None, *, now: dt.datetime | None = None
) -> Parsed:
    if not path.is_file():
        raise NotFound(f"no file at {path}", where=str(path), fix="check the path")
    if path.stat().st_size > MAX_IMPORT_BYTES:
        raise InputError("the file is larger than 50 MB", where=str(path), fix="split it")
    raw = path.read_bytes()
    if b"\x00" in raw[:8192]:
        raise InputError(
            "the file is binary, not text", where=str(path), fix="give a .md, .csv or .json file"
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(
            "the file is not UTF-8 text", where=str(path), fix="save it as UTF-8"
        ) from error
    fmt = fmt or detect_format(path, text)
    stamp = now or dt.datetime.now(dt.UTC)
    if fmt == "md":
        return parse_markdown(text, str(path), stamp)
    if fmt == "csv":
        return parse_csv(text, str(path), stamp)
    if fmt == "json":
        return parse_json(text, str(path))
    raise InputError(f"unknown import format {fmt!r}", where=str(path), fix="use md, csv or json")


def detect_format(path: Path, text: str) -> str:
    suffix = path.suffix.lower().lstrip(".")
    if suffix in ("md", "markdown", "txt") and mdr.TITLE.lower() in text.lower():
        return "md"
    if suffix in ("md", "markdown", "csv", "json"):
        return {"markdown": "md"}.get(suffix, suffix)
    head = text.lstrip()[:1]
    if head in ("{", "["):
        return "json"
    if mdr.TITLE.lower() in text.lower():
        return "md"
    raise InputError(
        "cannot tell the file's format",
        where=str(path),
        fix="name the format: --format md|csv|json",
    )


class _DryRun(Exception):
    def __init__(self, report: ImportReport) -> None:
        self.report = report


def import_file(
    repo: Repository, path: Path, fmt: str | None = None, *, dry_run: bool = False
) -> ImportReport:
    """Import every good record of `path` in one transaction and report on each record."""
    parsed = read_import_file(path, fmt)
    report = ImportReport(source=str(path), warnings=parsed.warnings)
    good: list[tuple[str, App]] = []
    for candidate in parsed.candidates:
        if candidate.app is None:
            report.skipped.append(
                SkippedItem(where=candidate.where, reason=candidate.error or "unreadable")
            )
        else:
            good.append((candidate.where, candidate.app))

    def work(connection: Connection) -> ImportReport:
        done = report.model_copy(deep=True)
        stored = DuplicateIndex(connection)
        for where, app in good:
            duplicate = stored.find(app.company, app.position, app.job_url)
            if duplicate is not None:
                reason = f"duplicate of application #{duplicate} ({app.company}, {app.position})"
                done.skipped.append(SkippedItem(where=where, reason=reason))
                continue
            new_id = insert_application(connection, app)
            stored.add(new_id, app.company, app.position, app.job_url)
            done.imported.append(
                ImportedItem(id=new_id, company=app.company, position=app.position, where=where)
            )
        if dry_run:
            raise _DryRun(done)
        return done

    from sqlalchemy.exc import DBAPIError

    try:
        return repo.writing(work)
    except _DryRun as rolled_back:
        return rolled_back.report
    except DBAPIError as error:  # nothing was written: the transaction rolled back
        raise InputError(
            f"the database refused a record, so nothing was imported: {error.orig}",
            where=str(path),
            fix="fix or remove that record (see the message) and import again",
        ) from error
