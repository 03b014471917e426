"""Regenerate the shipped skills taxonomy: `python scripts/build_taxonomy.py [--curated-only]`.

Reads the curated layer `src/applykit/data/skills/curated.yaml` and, unless `--curated-only`,
the public sources in `../shared/data/` (O*NET Technology Skills, ESCO skills, the skill
gazetteer), and writes `src/applykit/data/skills/taxonomy.json`. The curated layer wins every
conflict. See docs/skills.md.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from applykit.skills.taxonomy import (  # noqa: E402
    CASE_SENSITIVE,
    CATEGORIES,
    NEEDS_CONTEXT,
    TAXONOMY_FORMAT,
)
from applykit.skills.tokens import normalize_key  # noqa: E402

DATA = REPO / "src" / "applykit" / "data" / "skills"
SHARED = REPO.parent / "shared" / "data"


class Builder:
    """Collects entries and alias keys; the first layer to claim a key keeps it."""

    def __init__(self) -> None:
        self.entries: list[list[Any]] = []
        self.index_of: dict[str, int] = {}
        self.aliases: dict[str, list[int]] = {}
        self.cased: dict[str, list[str]] = {}
        self.context: dict[str, list[list[str]]] = {}

    def add_entry(
        self,
        skill_id: str,
        canonical: str,
        category: str,
        parent: str | None,
        hot: bool,
        source: str,
        aliases: list[str],
    ) -> int:
        if category not in CATEGORIES:
            raise ValueError(f"{skill_id}: unknown category {category!r}")
        if skill_id in self.index_of:
            raise ValueError(f"duplicate skill id {skill_id!r}")
        self.index_of[skill_id] = len(self.entries)
        self.entries.append([skill_id, canonical, category, parent, int(hot), source, aliases])
        return self.index_of[skill_id]

    def add_alias(self, index: int, surface: str, flags: int) -> bool:
        key = normalize_key(surface)
        if not key or key in self.aliases:
            return False
        self.aliases[key] = [index, flags]
        if flags & CASE_SENSITIVE:
            self.cased[key] = [surface]
        return True


def parse_marked(alias: str) -> tuple[str, int]:
    """Strip the curated markers: '?' needs context, '=' case-sensitive."""
    flags = 0
    while alias[:1] in {"?", "="}:
        flags |= NEEDS_CONTEXT if alias[0] == "?" else CASE_SENSITIVE
        alias = alias[1:]
    return alias, flags


def add_curated(builder: Builder, path: Path) -> None:
    items = yaml.safe_load(path.read_text(encoding="utf-8"))
    for item in items:
        marked = [parse_marked(str(alias)) for alias in item.get("aliases", [])]
        plain = [alias for alias, _ in marked]
        index = builder.add_entry(
            item["id"],
            item["name"],
            item["cat"],
            item.get("parent"),
            bool(item.get("hot", False)),
            "curated",
            [alias for alias in dict.fromkeys(plain) if alias != item["name"]],
        )
        marked_surfaces = {alias for alias, _ in marked}
        if item["name"] not in marked_surfaces:
            builder.add_alias(index, item["name"], 0)
        for alias, flags in marked:
            builder.add_alias(index, alias, flags)
        if item.get("cues") or item.get("stop_after"):
            cues = sorted(normalize_key(str(cue)) for cue in item.get("cues", []))
            stops = sorted(str(word).lower() for word in item.get("stop_after", []))
            builder.context[str(index)] = [cues, stops]
    for entry in builder.entries:
        if entry[3] is not None and entry[3] not in builder.index_of:
            raise ValueError(f"{entry[0]}: unknown parent {entry[3]!r}")


def add_public_layers(builder: Builder, shared: Path) -> None:
    """O*NET, ESCO and the gazetteer (added in the next step)."""
    del builder, shared


def build(curated_only: bool) -> dict[str, Any]:
    builder = Builder()
    add_curated(builder, DATA / "curated.yaml")
    if not curated_only:
        add_public_layers(builder, SHARED)
    return {
        "format": TAXONOMY_FORMAT,
        "sources": "curated" if curated_only else "curated, O*NET 29.2, ESCO 1.1.0, gazetteer",
        "entries": builder.entries,
        "aliases": builder.aliases,
        "cased": builder.cased,
        "context": builder.context,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--curated-only", action="store_true", help="skip ../shared/data")
    parser.add_argument("--out", type=Path, default=DATA / "taxonomy.json")
    args = parser.parse_args()
    data = build(args.curated_only)
    args.out.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), "utf-8")
    print(f"wrote {args.out} ({len(data['entries'])} entries, {len(data['aliases'])} aliases)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
