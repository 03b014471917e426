"""Shared presentation helpers for CLI commands."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pydantic import BaseModel
    from rich.console import Console


def console(stderr: bool = False) -> Console:
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=False)


def print_model_json(model: BaseModel) -> None:
    """Print a model as the JSON contract (no Rich markup, stable key order)."""
    sys.stdout.write(model.model_dump_json(indent=2, by_alias=True) + "\n")


def print_json_list(models: list[BaseModel]) -> None:
    import json

    payload = [json.loads(m.model_dump_json(by_alias=True)) for m in models]
    sys.stdout.write(json.dumps(payload, indent=2, ensure_ascii=False) + "\n")
