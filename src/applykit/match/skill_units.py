"""What a requirement line asks for, as units of skills: each unit must be shown.

"Strong Python and SQL" is two units; "PyTorch, TensorFlow or XGBoost" is one unit that
any of the three satisfies; "a deep learning framework such as PyTorch or JAX" is one unit
(the parent), which any kind of deep learning framework satisfies.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from applykit.match.skillgraph import SkillGraph
from applykit.models.skill import SkillRef


@dataclass
class SkillUnit:
    """One thing to show: any of `options` (canonical names) satisfies it."""

    label: str
    options: list[str] = field(default_factory=list)
    concept: bool = False
    """A method, area or domain ("experimentation"), not a named tool: meaning can show it."""
    start: int = 0
    end: int = 0

    @property
    def is_choice(self) -> bool:
        return len(self.options) > 1


@dataclass
class _Mention:
    canonical: str
    surface: str
    start: int
    end: int


def _locate(text: str, refs: list[SkillRef]) -> list[_Mention]:
    lower = text.lower()
    found: dict[str, _Mention] = {}
    for ref in refs:
        key = ref.canonical.lower()
        if key in found:
            continue
        for surface in (ref.name, ref.canonical):
            at = lower.find(surface.lower())
            if at >= 0:
                found[key] = _Mention(ref.canonical, surface, at, at + len(surface))
                break
        else:
            found[key] = _Mention(ref.canonical, ref.name, len(text), len(text))
    return sorted(found.values(), key=lambda m: (m.start, m.canonical))


_LEADS = re.compile(r".*\b(in|with|of|such as|like|e\.g\.?|including|either)\s+", re.I)
HARD_CATEGORIES = frozenset(
    {"language", "framework", "library", "platform", "tool", "database", "cloud"}
)


def _or_spans(text: str) -> list[tuple[int, int, int]]:
    """(start, end of the "or", end) of "A, B, C or D" lists: any one item will do."""
    spans = []
    for found in re.finditer(r"\s(or|and/or)\s", text, re.I):
        tail = re.search(r"[,;.()]|$", text[found.end() :])
        end = found.end() + (tail.start() if tail else 0)
        start = found.start()
        while True:
            boundary = max(text.rfind(c, 0, start) for c in ",;:()")
            segment = text[boundary + 1 : start]
            if len(segment.split()) > 4 or text[boundary : boundary + 1] in (";", ":", "(", ")"):
                lead = _LEADS.match(segment)
                start = boundary + 1 + (lead.end() if lead else 0)
                break
            start = boundary + 1
            if boundary < 0 or text[boundary] != ",":
                break
            start = boundary
        spans.append((start, found.end(), end))
    return spans


def skill_units(text: str, refs: list[SkillRef], graph: SkillGraph) -> list[SkillUnit]:
    """Group the skills a requirement names into units (see the module docstring)."""
    mentions = _locate(text, refs)
    if not mentions:
        return []
    hard = {r.canonical.lower() for r in refs if r.category in HARD_CATEGORIES}
    groups: dict[int, list[_Mention]] = {}
    owner: dict[int, int] = {}
    for n, (start, after_or, end) in enumerate(_or_spans(text)):
        before = [m for m in mentions if start <= m.start < after_or]
        after = [m for m in mentions if after_or <= m.start < end][:1]
        members = [m for m in before + after if id(m) not in owner]
        if len(members) > 1:
            groups[n] = members
            owner.update({id(m): n for m in members})
    units: list[SkillUnit] = []
    placed: set[int] = set()
    for mention in mentions:
        group = owner.get(id(mention))
        if group is None:
            concept = mention.canonical.lower() not in hard
            units.append(
                SkillUnit(mention.surface, [mention.canonical], concept, mention.start, mention.end)
            )
        elif group not in placed:
            placed.add(group)
            run = groups[group]
            units.append(
                SkillUnit(
                    " or ".join(m.surface for m in run),
                    [m.canonical for m in run],
                    not any(m.canonical.lower() in hard for m in run),
                    run[0].start,
                    run[-1].end,
                )
            )
    return _fold_into_parents(_join_examples(text, units), graph)


_EXAMPLES = re.compile(r"^\W*(such as|like|e\.g\.?|for example|including)\W*$", re.I)


def _join_examples(text: str, units: list[SkillUnit]) -> list[SkillUnit]:
    """ "streaming systems such as Kafka or Flink": the examples are ways to meet the area."""
    joined: list[SkillUnit] = []
    for unit in units:
        previous = joined[-1] if joined else None
        if previous is not None and _EXAMPLES.match(text[previous.end : unit.start]):
            previous.label += f" (such as {unit.label})"
            previous.options += [o for o in unit.options if o not in previous.options]
            previous.concept = previous.concept and unit.concept
            previous.end = unit.end
            continue
        joined.append(unit)
    return joined


def _fold_into_parents(units: list[SkillUnit], graph: SkillGraph) -> list[SkillUnit]:
    """Units whose every option is a kind of another unit's skill merge into that unit."""
    singles = {u.options[0].lower(): u for u in units if not u.is_choice}
    kept: list[SkillUnit] = []
    for unit in units:
        parents = None
        for option in unit.options:
            ancestors = {a.lower() for a in graph.ancestors(option)} & set(singles)
            parents = ancestors if parents is None else parents & ancestors
        if parents and unit not in singles.values():
            parent = singles[sorted(parents)[0]]
            parent.label += f" (such as {' or '.join(unit.options)})"
            continue
        if parents and not unit.is_choice:
            parent = singles[sorted(parents)[0]]
            if parent is not unit:
                parent.label += f" (such as {unit.label})"
                continue
        kept.append(unit)
    return kept
