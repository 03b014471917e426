"""Pydantic errors on a profile file → one message naming the file, line, field and fix.

Line numbers come from composing the YAML (JSON parses as YAML too) and walking the error's
location through the node tree, the way rendercv maps its errors onto YAML lines.
"""

from __future__ import annotations

import typing
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from applykit.errors import ValidationFailed
from applykit.models.profile import Profile

Loc = tuple[int | str, ...]
_DATE_FIX = "write dates as YYYY, YYYY-MM or YYYY-MM-DD, or 'present' for an ongoing role"


def validation_failed(error: ValidationError, path: Path, text: str) -> ValidationFailed:
    """A ValidationFailed listing every problem with its line, field and fix."""
    lines = line_index(text)
    problems: list[str] = []
    first_where: str | None = None
    first_fix: str | None = None
    for item in error.errors():
        loc: Loc = tuple(item["loc"])
        line = lines.get(loc) or _nearest(lines, loc)
        where = f"{path}:{line}" if line else str(path)
        fix = _fix(item["type"], loc, item.get("input"))
        field = dotted(loc)
        problems.append(f"line {line or '?'}, {field}: {item['msg']} (fix: {fix})")
        if first_where is None:
            first_where, first_fix = where, fix
    count = len(problems)
    what = f"the profile has {count} problem{'s' if count != 1 else ''}:\n    " + "\n    ".join(
        problems
    )
    return ValidationFailed(what, where=first_where, fix=first_fix)


def dotted(loc: Loc) -> str:
    """("work", 0, "startDate") → "work[0].startDate"."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"


def line_index(text: str) -> dict[Loc, int]:
    """Every key and list item path in a YAML/JSON document → its 1-based line number."""
    import yaml

    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return {}
    found: dict[Loc, int] = {}

    def walk(node: Any, loc: Loc) -> None:
        found.setdefault(loc, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                child = (*loc, str(key.value))
                found[child] = key.start_mark.line + 1
                walk(value, child)
        elif isinstance(node, yaml.SequenceNode):
            for index, value in enumerate(node.value):
                walk(value, (*loc, index))

    if root is not None:
        walk(root, ())
    return found


def _nearest(lines: dict[Loc, int], loc: Loc) -> int | None:
    for cut in range(len(loc) - 1, -1, -1):
        if loc[:cut] in lines:
            return lines[loc[:cut]]
    return None


def _fix(kind: str, loc: Loc, value: Any) -> str:
    name = str(loc[-1]) if loc else ""
    if kind == "extra_forbidden":
        allowed = allowed_fields(loc[:-1])
        hint = f"; allowed here: {', '.join(allowed)}" if allowed else ""
        return f"remove '{name}' or correct its spelling{hint}"
    if kind == "string_pattern_mismatch" or "date" in name.lower():
        return _DATE_FIX
    if kind == "missing":
        return f"add '{name}'"
    if kind in ("string_type", "str_type"):
        return f"write '{name}' as text (quote it in YAML if it looks like a number or date)"
    if kind == "list_type":
        return f"write '{name}' as a list ('- item' lines in YAML)"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"write '{name}' as a mapping of fields (key: value lines)"
    return "correct the value; see docs/profiles.md for the format"


def allowed_fields(loc: Loc) -> list[str]:
    """The field names the model accepts at `loc` (for 'did you mean' hints)."""
    model: type[BaseModel] | None = Profile
    for part in loc:
        if isinstance(part, int) or model is None:
            continue
        field = model.model_fields.get(part)
        model = _model_of(field.annotation) if field else None
    if model is None:
        return []
    return [field.alias or name for name, field in model.model_fields.items()]


def _model_of(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _model_of(arg)
        if found is not None:
            return found
    return None
