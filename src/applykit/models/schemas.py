"""Generate the committed JSON Schemas: `python -m applykit.models.schemas [DIR]`."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from pydantic import BaseModel

from applykit.models import (
    Application,
    CoverLetter,
    Critique,
    FitReport,
    Posting,
    Profile,
    TailoredResume,
)

SCHEMA_MODELS: dict[str, type[BaseModel]] = {
    "posting": Posting,
    "profile": Profile,
    "fit_report": FitReport,
    "cover_letter": CoverLetter,
    "critique": Critique,
    "tailored_resume": TailoredResume,
    "application": Application,
}


def render_schemas() -> dict[str, str]:
    """File name → schema text, exactly as committed."""
    return {
        f"{name}.schema.json": json.dumps(model.model_json_schema(), indent=2, sort_keys=True)
        + "\n"
        for name, model in SCHEMA_MODELS.items()
    }


def write_schemas(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for filename, text in render_schemas().items():
        path = folder / filename
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("schemas")
    for path in write_schemas(target):
        print(path)
