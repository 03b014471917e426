"""Profile → JSON Resume, our editable YAML, or a Markdown resume that imports back.

- "jsonresume": standard JSON Resume (highlights as strings, no applykit additions except
  education highlights, which JSON Resume readers ignore).
- "yaml": the file we store under APPLYKIT_HOME: facts keep their `id`; skills and metrics
  are left out because they are derived from the text again on every load.
- "markdown": `## Section` / `### Title — Company` / date line / bullets, the shape the
  Markdown importer reads, so fact ids survive a round trip.
"""

from __future__ import annotations

import json
from typing import Any

from applykit.errors import InputError
from applykit.models.profile import Profile

FORMATS = ("jsonresume", "yaml", "markdown")
_APPLYKIT_ONLY = {"unplaced", "warnings", "preferences"}


def export_profile(profile: Profile, fmt: str) -> str:
    """The profile as text in `fmt` ("jsonresume", "yaml" or "markdown")."""
    if fmt == "jsonresume":
        return json.dumps(to_json_resume(profile), indent=2, ensure_ascii=False) + "\n"
    if fmt == "yaml":
        return to_yaml(profile)
    if fmt == "markdown":
        from applykit.ingest.profile_markdown import to_markdown

        return to_markdown(profile)
    raise InputError(
        f"unknown export format '{fmt}'",
        where="--format",
        fix=f"use one of: {', '.join(FORMATS)}",
    )


def to_json_resume(profile: Profile) -> dict[str, Any]:
    """Standard JSON Resume data: empty values, ids, skills and metrics left out."""
    data = profile.model_dump(mode="json", by_alias=True, exclude_none=True)
    for key in _APPLYKIT_ONLY:
        data.pop(key, None)
    for section in (
        "work",
        "volunteer",
        "projects",
        "education",
        "awards",
        "certificates",
        "publications",
    ):
        for entry in data.get(section, []):
            entry.pop("id", None)
            if "highlights" in entry:
                entry["highlights"] = [fact["text"] for fact in entry["highlights"]]
    cleaned: dict[str, Any] = _drop_empty(data)
    return cleaned


def to_yaml(profile: Profile) -> str:
    """The editable YAML we save: ids kept, derived skills/metrics and warnings left out."""
    import yaml

    data = profile.model_dump(mode="json", by_alias=True, exclude_none=True)
    data.pop("warnings", None)
    for section in ("work", "volunteer", "projects", "education"):
        for entry in data.get(section, []):
            entry["highlights"] = [
                {"id": fact["id"], "text": fact["text"]} for fact in entry.get("highlights", [])
            ]
    data = _drop_empty(data)
    header = (
        "# applykit master profile (JSON Resume + fact ids). Edit freely, then run\n"
        "# `applykit profile check` to validate. Keep each fact's `id` when you edit its\n"
        "# text so letters and fit reports that cite it stay linked; new facts need no id.\n"
    )
    body = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=10_000)
    return header + body


def _drop_empty(value: Any) -> Any:
    """Leave out None, "", [] and {} (JSON Resume treats absent and empty alike); an entry's
    highlights go last, after the fields that say what the entry is."""
    if isinstance(value, dict):
        keys = sorted(value, key=lambda key: key == "highlights")
        cleaned = {k: _drop_empty(value[k]) for k in keys}
        return {k: v for k, v in cleaned.items() if v not in (None, "", [], {})}
    if isinstance(value, list):
        return [_drop_empty(item) for item in value]
    return value
