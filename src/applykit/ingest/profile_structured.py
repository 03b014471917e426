"""JSON Resume in JSON or YAML (and our own saved profile) → Profile.

`strict=False` (import): common variations are repaired and said so (old JSON Resume names
such as `company` and `website`, empty dates, "Jan 2020"-style dates), and unknown fields
are moved to `unplaced` with a warning instead of failing. `strict=True` (`profile check`):
every deviation is an error with file, line, field and fix.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from applykit.errors import InputError, ValidationFailed
from applykit.ingest.profile_dates import parse_partial_date
from applykit.ingest.profile_errors import dotted, validation_failed
from applykit.models.profile import Profile

_TOP_LEVEL = set(Profile.model_fields) | {"$schema"}
_DATE_KEYS = {"startDate", "endDate", "date", "releaseDate"}
_RENAMED = {  # old JSON Resume (v0.0.x) names → current ones
    ("basics", "website"): "url",
    ("work", "company"): "name",
    ("work", "website"): "url",
    ("volunteer", "website"): "url",
    ("publications", "website"): "url",
    ("projects", "website"): "url",
    ("certificates", "website"): "url",
}


def parse_structured_text(text: str, fmt: str, path: Path) -> Any:
    """JSON or YAML text → Python data; syntax errors name the line."""
    import yaml

    if fmt == "json":
        try:
            return json.loads(text)
        except json.JSONDecodeError as error:
            raise ValidationFailed(
                f"the JSON is not valid: {error.msg}",
                where=f"{path}:{error.lineno}:{error.colno}",
                fix="check for a missing comma, quote or bracket near that line",
            ) from error
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark is not None else str(path)
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise ValidationFailed(
            f"the YAML is not valid: {problem}",
            where=where,
            fix="check the indentation and quote values that contain ': ' or start with '*' or '&'",
        ) from error


def profile_from_data(data: Any, *, path: Path, text: str, strict: bool) -> Profile:
    """Validate JSON Resume data into a Profile (repairing common variations unless strict)."""
    if not isinstance(data, dict):
        raise InputError(
            f"the top level is a {type(data).__name__}, not a mapping of resume sections",
            where=str(path),
            fix="start the file with 'basics:', 'work:', … (see docs/profiles.md)",
        )
    if not (set(data) & _TOP_LEVEL):
        raise InputError(
            "this file is not a JSON Resume profile: none of basics, work, education, skills, "
            "projects is present",
            where=str(path),
            fix="see docs/profiles.md for the format, or import the resume as PDF, DOCX or "
            "Markdown",
        )
    if strict:
        try:
            return Profile.model_validate(_dates_as_text(data))
        except ValidationError as error:
            raise validation_failed(error, path, text) from error
    warnings: list[str] = []
    data = _repair(data, warnings)
    unplaced: list[str] = []
    for _ in range(3):
        try:
            profile = Profile.model_validate(data)
        except ValidationError as error:
            extra = [e for e in error.errors() if e["type"] == "extra_forbidden"]
            if not extra or len(extra) != len(error.errors()):
                raise validation_failed(error, path, text) from error
            for item in extra:
                loc = tuple(item["loc"])
                value = _pop(data, loc)
                unplaced.append(f"{dotted(loc)}: {_short(value)}")
                warnings.append(
                    f"unknown field {dotted(loc)} is not part of the profile: kept in 'unplaced'"
                )
            continue
        profile.unplaced = [*profile.unplaced, *unplaced]
        profile.warnings = [*profile.warnings, *warnings]
        return profile
    raise InputError("the profile could not be validated", where=str(path))


def _repair(data: dict[str, Any], warnings: list[str]) -> dict[str, Any]:
    data = json.loads(json.dumps(data, default=str))  # a deep copy with plain types
    basics = data.get("basics")
    if isinstance(basics, dict):
        _rename(basics, "basics", warnings, "basics")
        location = basics.get("location")
        if isinstance(location, str):
            basics["location"] = {"address": location}
            warnings.append("basics.location was text; kept it as basics.location.address")
    for section, entries in data.items():
        if not isinstance(entries, list):
            continue
        for index, entry in enumerate(entries):
            if isinstance(entry, dict):
                _rename(entry, section, warnings, f"{section}[{index}]")
                _repair_dates(entry, warnings, f"{section}[{index}]")
    return data


def _dates_as_text(data: Any) -> Any:
    """YAML reads `2020` as a number and `2020-05-14` as a date: both mean the text."""
    if isinstance(data, dict):
        return {
            key: str(value)
            if key in _DATE_KEYS and value is not None and not isinstance(value, str | dict | list)
            else _dates_as_text(value)
            for key, value in data.items()
        }
    if isinstance(data, list):
        return [_dates_as_text(item) for item in data]
    return data


def _rename(entry: dict[str, Any], section: str, warnings: list[str], where: str) -> None:
    for (known_section, old), new in _RENAMED.items():
        if known_section == section and old in entry and new not in entry:
            entry[new] = entry.pop(old)
            warnings.append(f"{where}.{old} is the old JSON Resume name; read it as '{new}'")


def _repair_dates(entry: dict[str, Any], warnings: list[str], where: str) -> None:
    for key in _DATE_KEYS & set(entry):
        value = entry[key]
        if value is None or value == "":
            entry.pop(key)
            continue
        if not isinstance(value, str):
            value = str(value)
        parsed = parse_partial_date(value)
        if parsed is not None and parsed != value:
            entry[key] = parsed
            warnings.append(f"{where}.{key} '{value}' read as '{parsed}'")
        elif parsed is not None:
            entry[key] = parsed


def _pop(data: Any, loc: tuple[Any, ...]) -> Any:
    target = data
    for part in loc[:-1]:
        target = target[part]
    return target.pop(loc[-1], None) if isinstance(target, dict) else None


def _short(value: Any, limit: int = 200) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return text if len(text) <= limit else text[: limit - 1] + "…"
