"""One requirement against the profile: status, evidence, confidence, one line of why.

Three signals, each explainable: skills (exact, or through a taxonomy parent: PyTorch
is a deep learning framework), lexical overlap (the requirement's content words a fact
shares, weighted by rarity in the profile), and semantic similarity (cosine of sentence
embeddings). Degree and years lines are decided by the eligibility checks.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from applykit.match.hard_lines import hard_check, hard_fit, language_fit, optional_degree_span
from applykit.match.profile_items import ProfileItem
from applykit.match.skill_units import SkillUnit, skill_units
from applykit.match.skillgraph import SkillGraph
from applykit.match.text import content_terms, says_any_of, shorten
from applykit.models.fit import Evidence, FitStatus, RequirementFit
from applykit.models.posting import Requirement
from applykit.models.profile import Profile

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

SEMANTIC_MET = 0.60
SEMANTIC_PARTIAL = 0.45
LEXICAL_MET = 0.60
LEXICAL_PARTIAL = 0.34
KIND_VALUE = {
    "fact": 1.0,
    "project": 0.95,
    "summary": 0.95,
    "publication": 0.9,
    "education": 0.9,
    "certificate": 0.9,
    "award": 0.9,
    "skills": 0.5,
}
SHOWN = 0.9
"""A skill counts as shown by a fact, project, role summary, degree, certificate, paper or
award; the skills section alone only lists it (half credit)."""


@dataclass
class MatchContext:
    """Everything a requirement is matched against, computed once per fit."""

    profile: Profile
    items: list[ProfileItem]
    vectors: NDArray[np.float32]
    item_terms: list[set[str]]
    idf: dict[str, float]
    graph: SkillGraph
    today: dt.date
    requirement_vectors: dict[int, NDArray[np.float32]]  # by id() of the Requirement
    countries: list[str] = field(default_factory=list)

    @classmethod
    def build(
        cls,
        profile: Profile,
        items: list[ProfileItem],
        vectors: NDArray[np.float32],
        graph: SkillGraph,
        today: dt.date,
        requirement_vectors: dict[int, NDArray[np.float32]],
    ) -> MatchContext:
        item_terms = [set(content_terms(item.text)) for item in items]
        frequency: dict[str, int] = {}
        for terms in item_terms:
            for term in terms:
                frequency[term] = frequency.get(term, 0) + 1
        total = max(len(items), 1)
        idf = {t: math.log(1 + (total - n + 0.5) / (n + 0.5)) for t, n in frequency.items()}
        return cls(profile, items, vectors, item_terms, idf, graph, today, requirement_vectors)

    def covers(self, item: ProfileItem) -> set[str]:
        """The item's skills and every broader skill they are kinds of (lower-case)."""
        if item.covers is None:
            covered = set(item.skills)
            for name in item.skills.values():
                covered.update(a.lower() for a in self.graph.ancestors(name))
            item.covers = covered
        return item.covers

    def term_weight(self, term: str) -> float:
        return self.idf.get(term, math.log(1 + (len(self.items) + 0.5) / 0.5))


def _round(value: float) -> float:
    return round(float(value), 3)


def _unit_support(unit: SkillUnit, ctx: MatchContext) -> tuple[float, list[Evidence]]:
    """1.0 when a fact shows the skill, 0.5 when only the skills section lists it."""
    best = 0.0
    evidence: list[Evidence] = []
    wanted = {option.lower(): option for option in unit.options}
    for item in ctx.items:
        if not ctx.covers(item).intersection(wanted):
            continue
        for key, name in item.skills.items():
            if key in wanted:
                method, matched, score = "skill", name, 1.0
            else:
                parents = {a.lower() for a in ctx.graph.ancestors(name)} & set(wanted)
                if not parents:
                    continue
                parent = wanted[sorted(parents)[0]]
                method, matched, score = "parent", f"{name} (a kind of {parent})", 0.9
            value = KIND_VALUE[item.kind]
            best = max(best, value)
            evidence.append(
                Evidence(
                    fact_id=item.id,
                    quote=shorten(item.text, 200),
                    matched=matched,
                    method=method,
                    score=_round(score * value),
                )
            )
            break
    evidence.sort(key=lambda e: (-e.score, e.fact_id))
    return best, evidence


def _text_signals(requirement: Requirement, ctx: MatchContext) -> list[tuple[int, float, float]]:
    """(item index, semantic cosine, lexical coverage) for every item, best first."""
    import numpy as np

    vector = ctx.requirement_vectors.get(id(requirement))
    if vector is not None and len(ctx.items):
        cosines = ctx.vectors @ vector
    else:
        cosines = np.zeros(len(ctx.items), dtype=np.float32)
    terms = content_terms(requirement.text)
    weight = sum(ctx.term_weight(t) for t in terms) or 1.0
    rows = []
    for index, item_terms in enumerate(ctx.item_terms):
        shared = sum(ctx.term_weight(t) for t in terms if t in item_terms)
        rows.append((index, float(cosines[index]), shared / weight))
    rows.sort(key=lambda r: (-(0.7 * r[1] + 0.3 * r[2]), r[0]))
    return rows


def _text_evidence(
    requirement: Requirement, ctx: MatchContext, rows: list[tuple[int, float, float]]
) -> list[Evidence]:
    terms = content_terms(requirement.text)
    evidence = []
    for index, cosine, coverage in rows[:3]:
        item = ctx.items[index]
        if item.kind == "skills":
            continue
        shared = [t for t in terms if t in ctx.item_terms[index]]
        if cosine >= SEMANTIC_PARTIAL or (coverage >= LEXICAL_PARTIAL and cosine >= 0.3):
            lexical = coverage >= LEXICAL_PARTIAL and coverage * 0.9 > cosine
            evidence.append(
                Evidence(
                    fact_id=item.id,
                    quote=shorten(item.text, 200),
                    matched=("shared words: " + ", ".join(shared))
                    if lexical
                    else f"similar meaning (cosine {cosine:.2f})",
                    method="lexical" if lexical else "semantic",
                    score=_round(coverage if lexical else cosine),
                )
            )
    return evidence


def _leaf(requirement: Requirement, ctx: MatchContext) -> RequirementFit:
    refs = list(requirement.skills) + ctx.graph.extract(requirement.text)
    optional = optional_degree_span(requirement.text) or (0, 0)
    units = [
        unit
        for unit in skill_units(requirement.text, refs, ctx.graph)
        if not all(ctx.graph.is_broad(option) for option in unit.options)
        and not optional[0] <= unit.start < optional[1]
    ]
    rows = _text_signals(requirement, ctx)
    best_cosine = max((r[1] for r in rows), default=0.0)
    best_lexical = max((r[2] for r in rows), default=0.0)
    text_evidence = _text_evidence(requirement, ctx, rows)
    language = language_fit(requirement, ctx.profile)
    if language is not None:
        return language
    hard = hard_check(requirement, ctx.profile, ctx.today, ctx.countries)
    named_tools = [u for u in units if not u.concept]
    if hard is not None and not named_tools:
        return hard_fit(requirement, hard, text_evidence)
    status: FitStatus
    if units:
        shown: list[str] = []
        listed: list[str] = []
        missing: list[str] = []
        evidence: list[Evidence] = []
        total = 0.0
        by_meaning: list[str] = []
        for unit in units:
            value, found = _unit_support(unit, ctx)
            if value < SHOWN and unit.concept and best_cosine >= SEMANTIC_PARTIAL:
                # A method or area ("low-latency") can be shown by a fact that says it
                # in other words; a named tool cannot.
                value = max(value, 1.0 if best_cosine >= SEMANTIC_MET else 0.5)
                by_meaning.append(f"{unit.label} ({'close' if value == 1 else 'partly'})")
            elif value >= SHOWN:
                shown.append(unit.label)
            elif value > 0:
                listed.append(unit.label)
            else:
                missing.append(unit.label)
            total += value
            evidence.extend(found[:2])
        coverage = total / len(units)
        if not listed and not missing and total >= len(units) * SHOWN:
            status = "met"
        elif coverage > 0 or best_cosine >= SEMANTIC_MET:
            status = "partial"
        else:
            status = "gap"
        parts = []
        if shown:
            parts.append("shown: " + ", ".join(shown))
        if by_meaning:
            parts.append("shown in other words: " + ", ".join(by_meaning))
        if listed:
            parts.append("only listed in skills: " + ", ".join(listed))
        if missing:
            parts.append("not in the profile: " + ", ".join(missing))
        confidence = 0.5 + 0.45 * coverage if status != "gap" else 0.8
        seen = {e.fact_id for e in evidence}
        evidence += [e for e in text_evidence if e.fact_id not in seen][: 2 if by_meaning else 1]
        return RequirementFit(
            requirement_id=requirement.id,
            text=requirement.text,
            kind=requirement.kind,
            status=status,
            confidence=_round(confidence),
            explanation=f"{status.capitalize()}: " + "; ".join(parts) + ".",
            evidence=evidence[:6],
        )
    if best_cosine >= SEMANTIC_MET or (best_cosine >= SEMANTIC_PARTIAL and best_lexical >= 0.5):
        status = "met"
    elif best_cosine >= SEMANTIC_PARTIAL or best_lexical >= LEXICAL_PARTIAL:
        status = "partial"
    else:
        status = "gap"
    if text_evidence and status != "gap":
        top = ctx.items[rows[0][0]]
        why = f"closest fact {top.id} ({text_evidence[0].matched})"
    else:
        why = f"no fact is close (best similarity {best_cosine:.2f})"
    confidence = min(0.9, 0.35 + best_cosine * 0.6) if status != "gap" else 0.6
    return RequirementFit(
        requirement_id=requirement.id,
        text=requirement.text,
        kind=requirement.kind,
        status=status,
        confidence=_round(confidence),
        explanation=f"{status.capitalize()} by wording and meaning: {why}.",
        evidence=text_evidence if status != "gap" else [],
    )


def match_requirement(requirement: Requirement, ctx: MatchContext) -> RequirementFit:
    """The fit of one requirement; a nested list is met as a whole or, for "one of the
    following" lists, as soon as one item is."""
    if not requirement.children:
        return _leaf(requirement, ctx)
    children = [match_requirement(child, ctx) for child in requirement.children]
    any_of = requirement.any_of or says_any_of(requirement.text)
    statuses = [child.status for child in children]
    status: FitStatus
    if any_of:
        status = "met" if "met" in statuses else "partial" if "partial" in statuses else "gap"
        done = [c for c in children if c.status == "met"] or [
            c for c in children if c.status == "partial"
        ]
        why = (
            f"one of {len(children)} options is enough; met by: "
            + "; ".join(shorten(c.text, 40) for c in done[:3])
            if done
            else f"none of the {len(children)} options is shown"
        )
    else:
        status = (
            "met"
            if all(s == "met" for s in statuses)
            else "gap"
            if all(s == "gap" for s in statuses)
            else "partial"
        )
        met = sum(s == "met" for s in statuses)
        why = f"{met} of {len(children)} items met"
    evidence = [e for c in children if c.status != "gap" for e in c.evidence[:1]][:4]
    relevant = [c.confidence for c in children if c.status == status] or [0.5]
    return RequirementFit(
        requirement_id=requirement.id,
        text=requirement.text,
        kind=requirement.kind,
        status=status,
        confidence=_round(max(relevant) if any_of else sum(relevant) / len(relevant)),
        explanation=f"{status.capitalize()}: {why}.",
        evidence=evidence,
        children=children,
        any_of=any_of,
    )
