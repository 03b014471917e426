"""`analyze_fit`: a posting's requirements against a profile's facts, explained.

The score weighs required items more than preferred ones (met 1, partial 0.5, gap 0);
degree, years, work authorization and location are eligibility checks reported on their
own and never averaged into the score. docs/fit.md explains every number.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from applykit.match.eligibility import check_eligibility
from applykit.match.embed import Embedder, default_embedder
from applykit.match.hard_lines import HARD_METHODS
from applykit.match.profile_items import collect_items
from applykit.match.requirements import MatchContext, match_requirement
from applykit.match.skillgraph import SkillGraph, default_graph
from applykit.match.suggestions import (
    education_to_emphasize,
    experience_suggestions,
    gaps,
    posting_skills,
    projects_to_emphasize,
    skills_to_emphasize,
)
from applykit.match.text import shorten
from applykit.models.fit import Band, EligibilityCheck, EligibilityStatus, FitReport, RequirementFit
from applykit.models.posting import Posting, Requirement
from applykit.models.profile import Profile

EligibilityName = Literal[
    "degree", "years_experience", "work_authorization", "location", "work_mode"
]
WEIGHTS = {"required": 1.0, "preferred": 0.4}
MAX_REQUIREMENTS = 300
MAX_DUTIES = 100
MAX_EMBED_CHARS = 4000
STATUS_VALUE = {"met": 1.0, "partial": 0.5, "gap": 0.0}
BANDS: list[tuple[int, Band]] = [(80, "great"), (65, "strong"), (50, "good"), (35, "fair")]


def band_for(score: int) -> Band:
    for floor, band in BANDS:
        if score >= floor:
            return band
    return "poor"


def is_hard(fit: RequirementFit) -> bool:
    """Degree and years lines: reported as eligibility, left out of the score."""
    return bool(fit.evidence) and fit.evidence[0].method in HARD_METHODS


def score_requirements(fits: list[RequirementFit]) -> int:
    total = weight = 0.0
    for fit in fits:
        if is_hard(fit):
            continue
        w = WEIGHTS[fit.kind]
        total += w * STATUS_VALUE[fit.status]
        weight += w
    return round(100 * total / weight) if weight else 0


def _requirements(posting: Posting) -> list[Requirement]:
    """The posting's requirements; without any, its responsibilities stand in for them."""
    if posting.requirements:
        return posting.requirements
    return [
        Requirement(id=f"duty-{n + 1}", text=line, kind="required")
        for n, line in enumerate(posting.responsibilities)
    ]


def _bounded(posting: Posting) -> tuple[list[Requirement], list[str]]:
    """At most MAX_REQUIREMENTS lines (children included), so a huge or hostile posting
    cannot make a fit slow; what was left out is said in the report's warnings."""
    requirements = _requirements(posting)
    total = len(_all_nodes(requirements))
    if total <= MAX_REQUIREMENTS:
        return requirements, []
    kept: list[Requirement] = []
    budget = MAX_REQUIREMENTS
    for requirement in requirements:
        size = len(_all_nodes([requirement]))
        if size > budget:
            break
        kept.append(requirement)
        budget -= size
    return kept, [f"only the first {len(kept)} of the posting's requirement lines were checked"]


def _all_nodes(requirements: list[Requirement]) -> list[Requirement]:
    out: list[Requirement] = []
    for requirement in requirements:
        out.append(requirement)
        out.extend(_all_nodes(requirement.children))
    return out


def _eligibility_from_lines(
    posting: Posting, fits: list[RequirementFit], checks: list[EligibilityCheck]
) -> list[EligibilityCheck]:
    """Posting-level checks, plus those read from required lines the parser left."""
    names: set[str] = {c.name for c in checks}
    extra = []
    by_method: dict[str, EligibilityName] = {
        "degree": "degree",
        "years": "years_experience",
        "authorization": "work_authorization",
    }
    for fit in fits:
        if fit.kind != "required" or not is_hard(fit):
            continue
        name = by_method[fit.evidence[0].method]
        if name in names:
            continue
        names.add(name)
        status: EligibilityStatus = (
            "met" if fit.status == "met" else "unclear" if fit.status == "partial" else "not_met"
        )
        extra.append(
            EligibilityCheck(
                name=name,
                status=status,
                required=fit.text,
                found=fit.evidence[0].quote,
                explanation=fit.explanation.split(": ", 1)[-1],
            )
        )
    return checks + extra


def _summary(
    posting: Posting, score: int, band: Band, fits: list[RequirementFit], report: FitReport
) -> str:
    counted = [f for f in fits if not is_hard(f)]
    parts = []
    for kind in ("required", "preferred"):
        group = [f for f in counted if f.kind == kind]
        if group:
            met = sum(f.status == "met" for f in group)
            partial = sum(f.status == "partial" for f in group)
            parts.append(
                f"{met} of {len(group)} {kind} met" + (f", {partial} partly" if partial else "")
            )
    role = " at ".join(p for p in (posting.title, posting.company) if p) or "this posting"
    text = (
        f"{band.capitalize()} fit ({score}/100) for {role}: "
        + ("; ".join(parts) or "no requirements found")
        + "."
    )
    blocking = [c for c in report.eligibility if c.status == "not_met"]
    unclear = [c for c in report.eligibility if c.status == "unclear"]
    if blocking:
        text += " Not eligible as written: " + "; ".join(
            f"{c.name.replace('_', ' ')} ({c.explanation})" for c in blocking
        )
    elif report.eligibility:
        text += (
            " Eligibility: "
            + ", ".join(
                f"{c.name.replace('_', ' ')} {c.status.replace('_', ' ')}"
                for c in report.eligibility
            )
            + "."
        )
    if unclear and blocking:
        text += " Unclear: " + ", ".join(c.name.replace("_", " ") for c in unclear) + "."
    if report.skills_to_emphasize:
        text += " Lead with " + ", ".join(s.name for s in report.skills_to_emphasize[:4]) + "."
    required_gaps = [g for g in report.gaps if g.kind == "required"]
    if required_gaps:
        text += f" Biggest gap: {shorten(required_gaps[0].text, 80)}"
    return text


def analyze_fit(
    profile: Profile,
    posting: Posting,
    *,
    embedder: Embedder | None = None,
    graph: SkillGraph | None = None,
    today: dt.date | None = None,
) -> FitReport:
    """Every requirement of `posting` against the facts of `profile`, with evidence.

    Deterministic for the same inputs (and the same `today`, which dates "present").
    """
    import numpy as np

    embedder = embedder or default_embedder()
    graph = graph or default_graph()
    today = today or dt.date.today()
    items = collect_items(profile, graph)
    requirements, warnings = _bounded(posting)
    nodes = _all_nodes(requirements)
    lines = posting.responsibilities[:MAX_DUTIES]
    duties = [(f"duty-{n + 1}", line) for n, line in enumerate(lines)]
    texts = [i.text for i in items] + [r.text for r in nodes] + [d[1] for d in duties]
    texts = [t[:MAX_EMBED_CHARS] for t in texts]
    vectors = embedder.embed_batch(texts) if texts else np.zeros((0, 1), dtype=np.float32)
    item_vectors = vectors[: len(items)]
    # Keyed by object, not by id: a posting may repeat an id.
    node_vectors = {id(r): vectors[len(items) + n] for n, r in enumerate(nodes)}
    duty_vectors = vectors[len(items) + len(nodes) :]
    ctx = MatchContext.build(profile, items, item_vectors, graph, today, node_vectors)
    ctx.countries = [loc.country for loc in posting.locations if loc.country]
    fits = [match_requirement(r, ctx) for r in requirements]
    score = score_requirements(fits)
    band = band_for(score)
    skills = posting_skills(posting, ctx)
    leaves = [r for r in nodes if not r.children]
    targets = [(r.id, r.text, node_vectors[id(r)]) for r in leaves]
    targets += [(d[0], d[1], duty_vectors[n]) for n, d in enumerate(duties)]
    experiences = experience_suggestions(ctx, skills, targets)
    eligibility = _eligibility_from_lines(posting, fits, check_eligibility(posting, profile, today))
    report = FitReport(
        posting_title=posting.title,
        company=posting.company,
        candidate=profile.basics.name,
        score=score,
        band=band,
        summary="",
        requirements=fits,
        eligibility=eligibility,
        skills_to_emphasize=skills_to_emphasize(skills, ctx),
        experiences=experiences,
        education_to_emphasize=education_to_emphasize(ctx, fits, posting, skills),
        projects_to_emphasize=projects_to_emphasize(ctx, fits, experiences),
        gaps=gaps(fits, ctx),
        warnings=warnings,
    )
    report.summary = _summary(posting, score, band, fits, report)
    return report
