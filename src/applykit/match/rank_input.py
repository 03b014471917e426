"""Postings to rank, from a folder of files, one posting file, a CSV export or JSONL."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from applykit.errors import InputError, NotFound
from applykit.models.posting import Compensation, EmploymentType, Location, Posting

MAX_TABLE_BYTES = 512 * 1024 * 1024
POSTING_SUFFIXES = {".md", ".txt", ".html", ".htm", ".pdf", ".docx", ".json"}
RANKABLE_SUFFIXES = POSTING_SUFFIXES | {".csv", ".jsonl", ".ndjson"}
_CSV_PERIODS = {
    "hourly": ("hour", 1.0),
    "daily": ("day", 1.0),
    "weekly": ("week", 1.0),
    "biweekly": ("week", 0.5),
    "monthly": ("month", 1.0),
    "yearly": ("year", 1.0),
    "annual": ("year", 1.0),
}
_WORK_TYPES: dict[str, EmploymentType] = {
    "full-time": "full_time",
    "part-time": "part_time",
    "contract": "contract",
    "internship": "internship",
    "temporary": "temporary",
}


def _number(value: Any) -> float | None:
    try:
        number = float(str(value).replace(",", "").strip())
    except ValueError:
        return None
    return number if number == number and number > 0 else None


def posting_from_row(row: dict[str, Any]) -> Posting | None:
    """A LinkedIn-style row (title, company_name, location, description, min_salary,
    max_salary, pay_period, currency, formatted_work_type, remote_allowed, …)."""
    title = str(row.get("title") or "").strip() or None
    description = str(row.get("description") or "").strip()
    if not title and not description:
        return None
    low, high = _number(row.get("min_salary")), _number(row.get("max_salary"))
    if low is None and high is None:
        low = high = _number(row.get("med_salary"))
    compensation = None
    if low is not None or high is not None:
        given = str(row.get("pay_period") or "yearly").lower()
        period, factor = _CSV_PERIODS.get(given, ("year", 1.0))
        compensation = Compensation(
            min=low * factor if low is not None else None,
            max=high * factor if high is not None else None,
            currency=str(row.get("currency") or "USD").upper(),
            period=period,
            raw=f"{low}–{high} {row.get('currency') or 'USD'} {given}",
        )
    location = str(row.get("location") or "").strip()
    remote = str(row.get("remote_allowed") or "").strip() in ("1", "1.0", "true", "True")
    work_type = str(row.get("formatted_work_type") or "").strip().lower()
    return Posting(
        title=title,
        company=str(row.get("company_name") or row.get("company") or "").strip() or None,
        locations=[Location(raw=location)] if location else [],
        work_mode="remote" if remote else None,
        employment_type=_WORK_TYPES.get(work_type),
        seniority=str(row.get("formatted_experience_level") or "").strip() or None,
        compensation=compensation,
        description=description,
        url=str(row.get("job_posting_url") or "").strip() or None,
        source_format="csv",
    )


def _check_size(path: Path) -> None:
    if path.stat().st_size > MAX_TABLE_BYTES:
        raise InputError(
            f"{path.name} is larger than {MAX_TABLE_BYTES // 2**20} MiB",
            where=str(path),
            fix="split the file, or rank a folder of postings instead",
        )


def _read_csv(path: Path) -> Iterator[tuple[str, Posting]]:
    _check_size(path)
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    with path.open(encoding="utf-8", errors="replace", newline="") as handle:
        for number, row in enumerate(csv.DictReader(handle), start=2):
            posting = posting_from_row(row)
            if posting is not None:
                yield f"{path.name}:{number}", posting


def _read_jsonl(path: Path) -> Iterator[tuple[str, Posting]]:
    _check_size(path)
    with path.open(encoding="utf-8", errors="replace") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
            except json.JSONDecodeError as error:
                raise InputError(
                    f"line {number} is not JSON: {error.msg}",
                    where=f"{path}:{number}",
                    fix="write one posting object per line",
                ) from error
            if not isinstance(data, dict):
                raise InputError("each line must be a JSON object", where=f"{path}:{number}")
            try:
                posting = Posting.model_validate(data)
            except ValidationError:
                posting = posting_from_row(data)  # type: ignore[assignment]
            if posting is not None:
                yield f"{path.name}:{number}", posting


def _parse_file(path: Path) -> Posting:
    from applykit.ingest.postings import parse_posting_file

    return parse_posting_file(path)


def load_postings(paths: list[Path]) -> list[tuple[str, Posting]]:
    """(source, posting) for every posting named by `paths`, in a stable order."""
    found: list[tuple[str, Posting]] = []
    for path in paths:
        if not path.exists():
            raise NotFound(f"no such file or folder: {path}", fix="check the path")
        if path.is_dir():
            for child in sorted(path.iterdir()):
                if child.is_file() and child.suffix.lower() in POSTING_SUFFIXES | {
                    ".csv",
                    ".jsonl",
                }:
                    found.extend(load_postings([child]))
        elif path.suffix.lower() == ".csv":
            found.extend(_read_csv(path))
        elif path.suffix.lower() in (".jsonl", ".ndjson"):
            found.extend(_read_jsonl(path))
        else:
            found.append((path.name, _parse_file(path)))
    return found


def load_tracked_postings(status: str | None = None) -> list[tuple[str, Posting]]:
    """Postings of the applications in the tracker (optionally one status), parsed from
    their saved job description; title, company and place come from the record."""
    from applykit.ingest.postings import parse_posting
    from applykit.store.repository import open_repository

    found: list[tuple[str, Posting]] = []
    with open_repository() as repository:
        applications = repository.list_applications(status=status)
    for app in applications:
        posting = parse_posting(app.job_description or f"{app.position}\n{app.company}")
        update: dict[str, Any] = {"title": app.position, "company": app.company}
        if app.location and not posting.locations:
            update["locations"] = [Location(raw=app.location)]
        if app.work_mode in ("remote", "hybrid", "onsite") and posting.work_mode is None:
            update["work_mode"] = app.work_mode
        found.append((f"tracker:{app.id}", posting.model_copy(update=update)))
    return found
