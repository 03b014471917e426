"""Regenerate the shipped skills taxonomy: `python scripts/build_taxonomy.py [--curated-only]`.

Reads the curated layer `src/applykit/data/skills/curated.yaml` and, unless `--curated-only`,
the public sources in `../shared/data/` (O*NET Technology Skills, ESCO skills, the skill
gazetteer), and writes `src/applykit/data/skills/taxonomy.json.gz`. The curated layer wins every
conflict. See docs/skills.md.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import yaml
from wordfreq import zipf_frequency

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from applykit.skills.taxonomy import (  # noqa: E402
    ALIAS_SEPARATOR,
    CASE_SENSITIVE,
    CATEGORIES,
    FIELD_SEPARATOR,
    FLAG_BITS,
    LOOKUP_ONLY,
    NEEDS_CAPITAL,
    NEEDS_CONTEXT,
    TAXONOMY_FORMAT,
    WEAK_SOURCE,
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

    def to_data(self, sources: str) -> dict[str, Any]:
        return _builder_to_data(self, sources)

    def add_alias(self, index: int, surface: str, flags: int) -> bool:
        key = normalize_key(surface)
        if not key or key in self.aliases:
            return False
        self.aliases[key] = [index, flags]
        if flags & CASE_SENSITIVE:
            self.cased[key] = [surface]
        return True


def _builder_to_data(builder: Builder, sources: str) -> dict[str, Any]:
    """The shipped layout: compact entry rows, alias keys → packed ints, first-token masks."""
    rows = []
    for skill_id, canonical, category, parent, hot, source, aliases in builder.entries:
        fields = [skill_id, canonical, category, parent or "", str(hot), source]
        fields.append(ALIAS_SEPARATOR.join(aliases))
        if any(FIELD_SEPARATOR in f or ALIAS_SEPARATOR in f for f in fields[:-1]):
            raise ValueError(f"{skill_id}: a field holds a separator")
        rows.append(FIELD_SEPARATOR.join(fields))
    for index, entry in enumerate(builder.entries):
        builder.add_alias(index, entry[1], LOOKUP_ONLY)  # every canonical name can be looked up
    first: dict[str, int] = {}
    for key, (_, flags) in builder.aliases.items():
        if flags & LOOKUP_ONLY:
            continue
        tokens = key.split(" ")
        first[tokens[0]] = first.get(tokens[0], 0) | 1 << len(tokens)
    return {
        "format": TAXONOMY_FORMAT,
        "sources": sources,
        "entries": rows,
        "aliases": {k: i << FLAG_BITS | f for k, (i, f) in builder.aliases.items()},
        "first": first,
        "cased": builder.cased,
        "context": builder.context,
    }


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
        rule_keys = ("cues", "stop_after", "capital_mid_sentence", "ignore_preposition")
        if any(item.get(key) for key in rule_keys):
            cues = sorted(normalize_key(str(cue)) for cue in item.get("cues", []))
            stops = sorted(str(word).lower() for word in item.get("stop_after", []))
            capital = int(bool(item.get("capital_mid_sentence")))
            name = int(bool(item.get("ignore_preposition")))
            builder.context[str(index)] = [cues, stops, capital, name]
    for entry in builder.entries:
        if entry[3] is not None and entry[3] not in builder.index_of:
            raise ValueError(f"{entry[0]}: unknown parent {entry[3]!r}")


WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’]+")
ACRONYM_RE = re.compile(r"^[A-Z][A-Z0-9&/]{1,6}$")
PARENTHESIS_RE = re.compile(r"\s*\(([^)]*)\)\s*$")
COMMON_ZIPF = 3.0
"""One-word aliases at or above this wordfreq Zipf frequency are ordinary English ("schema")."""
ACRONYM_ZIPF = 3.5
"""An all-capitals alias that is this frequent as a word is dropped ("ID", "HR")."""
EVERYDAY_ZIPF = 4.0
"""A gazetteer phrase (or ESCO two-word verb phrase) of only such frequent words is dropped."""
NAME_WORD_ZIPF = 3.5
"""An O*NET name made only of such words is a product only when capitalised in the text."""
MIN_VERB_USES = 3
"""A word that starts at least this many O*NET task statements is a verb ("Develop …")."""


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9+#]+", "-", text.lower()).strip("-")[:80] or "x"


def is_initialism(words: list[str]) -> bool:
    """The last word is the initials of all words before it ("Structured query language SQL"),
    not only of some ("Agile Product Lifecycle Management PLM" is a vendor's product)."""
    acronym = words[-1].lower()
    return "".join(word[0].lower() for word in words[:-1]) == acronym


class PublicLayers:
    """Adds O*NET, ESCO and gazetteer entries whose aliases pass the precision filters.

    A weak alias is kept when it is new (no earlier layer has the key), does not contain a
    curated alias (the curated mention should win), and, if it is one word, that word is not an
    ordinary English word: it is rarely written in lower case in reference prose (O*NET task
    statements and ESCO definitions), where product names keep their capitals.
    """

    def __init__(self, builder: Builder, shared: Path) -> None:
        self.builder = builder
        self.shared = shared
        self.lowercase_uses: Counter[str] = Counter()
        self.verbs: set[str] = set()
        self.curated_keys = set(builder.aliases)
        self.curated_max = max(len(key.split(" ")) for key in self.curated_keys)

    def add_all(self) -> None:
        self._read_reference_prose()
        self.add_onet()
        self.add_esco()
        self.add_gazetteer()

    def _read_reference_prose(self) -> None:
        tasks = self.shared / "taxonomy" / "onet" / "Task Statements.txt"
        first_words: Counter[str] = Counter()
        with tasks.open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                words = WORD_RE.findall(row["Task"])
                if words:
                    first_words[words[0].lower()] += 1
                self.lowercase_uses.update(w for w in words[1:] if w.islower())
        self.verbs = {word for word, count in first_words.items() if count >= MIN_VERB_USES}
        esco = self.shared / "taxonomy" / "esco" / "skills.csv"
        with esco.open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                self.lowercase_uses.update(
                    w for w in WORD_RE.findall(row["description"]) if w.islower()
                )

    def is_common_word(self, word: str) -> bool:
        """Frequent in general English (wordfreq) or written in lower case in O*NET/ESCO prose."""
        lower = word.lower()
        return (
            len(lower) < 3
            or zipf_frequency(lower, "en") >= COMMON_ZIPF
            or self.lowercase_uses[lower] >= 2
        )

    @staticmethod
    def is_everyday_phrase(tokens: list[str], threshold: float) -> bool:
        """Every word is at least this frequent in English ("get it", "web products")."""
        return all(zipf_frequency(token, "en") >= threshold for token in tokens)

    def contains_curated(self, key: str) -> bool:
        tokens = key.split(" ")
        for size in range(1, min(self.curated_max, len(tokens) - 1) + 1):
            for start in range(len(tokens) - size + 1):
                if " ".join(tokens[start : start + size]) in self.curated_keys:
                    return True
        return False

    def alias_flags(self, surface: str, layer: str) -> int | None:
        """Flags for a weak alias of `layer` (onet, esco, gazetteer), or None to drop it."""
        key = normalize_key(surface)
        if not key or key in self.builder.aliases or len(key) > 80:
            return None
        tokens = key.split(" ")
        if len(tokens) > 6 or not any(t[:1].isalpha() for t in tokens):
            return None
        if len(tokens) > 1:
            if self.contains_curated(key):
                return None
            if layer == "gazetteer" and self.is_everyday_phrase(tokens, EVERYDAY_ZIPF):
                return None  # "get it", "web products"
            verb_phrase = len(tokens) == 2 and tokens[0] in self.verbs
            if layer == "esco" and verb_phrase and self.is_everyday_phrase(tokens, EVERYDAY_ZIPF):
                return None  # "provide information", "sell products"
            if layer == "onet" and self.is_everyday_phrase(tokens, NAME_WORD_ZIPF):
                return WEAK_SOURCE | NEEDS_CAPITAL  # "After the Deadline" the product
            return WEAK_SOURCE
        if ACRONYM_RE.match(surface):
            common = zipf_frequency(surface.lower(), "en") >= ACRONYM_ZIPF
            return None if common else WEAK_SOURCE | CASE_SENSITIVE
        if self.is_common_word(surface):
            return None
        return WEAK_SOURCE | NEEDS_CAPITAL

    def add_weak(
        self,
        prefix: str,
        name: str,
        category: str,
        parent: str | None,
        hot: bool,
        source: str,
        surfaces: list[str],
    ) -> int | None:
        """Add an entry for the surfaces that pass the filters; None when none does."""
        accepted = {}
        for surface in dict.fromkeys(surfaces):
            flags = self.alias_flags(surface, source)
            if flags is not None:
                accepted[surface] = flags
        if not accepted:
            return None
        one_word_names = all(
            flags & NEEDS_CAPITAL and " " not in normalize_key(surface)
            for surface, flags in accepted.items()
        )
        if category == "other" and one_word_names:
            category = "tool"  # a capitalised one-word name: a product ("Laravel", "Nginx")
        skill_id = f"{prefix}:{slug(name)}"
        suffix = 2
        while skill_id in self.builder.index_of:
            skill_id, suffix = f"{prefix}:{slug(name)}-{suffix}", suffix + 1
        aliases = [surface for surface in accepted if surface != name]
        index = self.builder.add_entry(skill_id, name, category, parent, hot, source, aliases)
        for surface, flags in accepted.items():
            self.builder.add_alias(index, surface, flags)
        return index

    def add_onet(self) -> None:
        path = self.shared / "taxonomy" / "onet" / "Technology Skills.txt"
        examples: dict[str, tuple[str, bool]] = {}
        with path.open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                name, group = row["Example"].strip(), row["Commodity Title"].strip()
                hot = examples.get(name, ("", False))[1] or row["Hot Technology"] == "Y"
                examples[name] = (group, hot)
        vendors = Counter(name.split(" ")[0] for name in examples if " " in name)
        groups: dict[str, str | None] = {}
        for name, (group, hot) in sorted(examples.items()):
            existing = self.builder.aliases.get(normalize_key(name))
            if existing is not None:
                if hot:
                    self.builder.entries[existing[0]][4] = 1
                continue
            if group not in groups:
                parent_index = self.add_weak(
                    "onet-group", group, "tool", None, False, "onet", [group]
                )
                groups[group] = (
                    None if parent_index is None else self.builder.entries[parent_index][0]
                )
            self.add_weak(
                "onet", name, "tool", groups[group], hot, "onet", self.onet_surfaces(name, vendors)
            )

    @staticmethod
    def onet_surfaces(name: str, vendors: Counter[str]) -> list[str]:
        """The name, and for product names its forms without "software", vendor or acronym."""
        surfaces = [name]
        words = name.split(" ")
        if not any(word[:1].isupper() for word in words[1:]):
            return surfaces  # a generic name ("Medical billing software"): keep it whole
        if len(words) > 2 and words[-1] == "software":
            words = words[:-1]
            surfaces.append(" ".join(words))
        if len(words) > 2 and ACRONYM_RE.match(words[-1]) and is_initialism(words):
            surfaces += [" ".join(words[:-1]), words[-1]]
        rest = words[1:]
        if rest and vendors[words[0]] >= 5 and not (len(rest) == 1 and ACRONYM_RE.match(rest[0])):
            surfaces.append(
                " ".join(rest)
            )  # "Adobe Photoshop" → "Photoshop", not "SAP ERP" → "ERP"
        return surfaces

    def add_esco(self) -> None:
        path = self.shared / "taxonomy" / "esco" / "skills_en_preferred_labels.txt"
        for label in path.read_text(encoding="utf-8").splitlines():
            label = label.strip()
            if not label:
                continue
            bare = PARENTHESIS_RE.sub("", label)
            first = bare.split(" ")[0].lower()
            category = "method" if first in self.verbs and " " in bare else "other"
            self.add_weak("esco", label, category, None, False, "esco", [label, bare])

    def add_gazetteer(self) -> None:
        path = self.shared / "skills" / "gazetteer" / "skills.json"
        for surface in json.loads(path.read_text(encoding="utf-8")):
            self.add_weak("gaz", surface, "other", None, False, "gazetteer", [surface])


def build(curated_only: bool) -> dict[str, Any]:
    builder = Builder()
    add_curated(builder, DATA / "curated.yaml")
    if not curated_only:
        PublicLayers(builder, SHARED).add_all()
    return builder.to_data("curated" if curated_only else "curated, O*NET 29.2, ESCO, gazetteer")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--curated-only", action="store_true", help="skip ../shared/data")
    parser.add_argument("--out", type=Path, default=DATA / "taxonomy.json.gz")
    args = parser.parse_args()
    data = build(args.curated_only)
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    args.out.write_bytes(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))
    print(f"wrote {args.out} ({len(data['entries'])} entries, {len(data['aliases'])} aliases)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
