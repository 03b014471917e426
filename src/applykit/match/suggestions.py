"""What the application should lead with, as a coach writes it, and honest gap advice.

Every suggestion points at facts the profile already has; a posting's wording is offered
only for a fact that supports it, and a gap is never answered with "claim it".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from applykit.match.hard_lines import HARD_METHODS
from applykit.match.profile_items import ProfileItem
from applykit.match.requirements import MatchContext
from applykit.match.skill_units import skill_units
from applykit.match.text import content_terms, count_names, mentions, shorten
from applykit.models.fit import (
    BulletSuggestion,
    ExperienceSuggestions,
    Gap,
    RequirementFit,
    SkillEmphasis,
)
from applykit.models.posting import Posting

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

Section = Literal["work", "projects", "volunteer"]
HIGHLIGHT = 0.55
MODIFY = 0.45


@dataclass
class PostingSkill:
    name: str
    canonical: str
    mentions: int
    required: bool


def posting_text(posting: Posting) -> str:
    if posting.description.strip():
        return posting.description
    lines = [posting.title or "", *posting.responsibilities]
    stack = list(posting.requirements)
    while stack:
        requirement = stack.pop(0)
        lines.append(requirement.text)
        stack.extend(requirement.children)
    return "\n".join(lines)


def posting_skills(posting: Posting, ctx: MatchContext) -> list[PostingSkill]:
    """The skills the posting names, with how often it names them."""
    text = posting_text(posting).lower()
    found: dict[str, PostingSkill] = {}

    def visit(refs: list[tuple[str, str]], required: bool) -> None:
        for name, canonical in refs:
            key = canonical.lower()
            if key not in found:
                found[key] = PostingSkill(name, canonical, 1, required)
            elif required:
                found[key].required = True

    stack = list(posting.requirements)
    while stack:
        requirement = stack.pop(0)
        refs = [*requirement.skills, *ctx.graph.extract(requirement.text)]
        visit([(r.name, r.canonical) for r in refs], requirement.kind == "required")
        stack.extend(requirement.children)
    for line in posting.responsibilities:
        visit([(r.name, r.canonical) for r in ctx.graph.extract(line)], True)
    visit([(r.name, r.canonical) for r in posting.skills], False)
    kept = [s for s in found.values() if not ctx.graph.is_broad(s.canonical)]
    counts = count_names(text, [n for s in kept for n in (s.name, s.canonical)])
    for skill in kept:
        skill.mentions = max(counts[skill.name.lower()], counts[skill.canonical.lower()], 1)
    return sorted(kept, key=lambda s: (-s.mentions, not s.required, s.name.lower()))


def _shows(item: ProfileItem, canonical: str, ctx: MatchContext) -> bool:
    """The item names the skill or a kind of it (PyTorch shows "deep learning frameworks")."""
    return canonical.lower() in ctx.covers(item)


def skills_to_emphasize(skills: list[PostingSkill], ctx: MatchContext) -> list[SkillEmphasis]:
    """Skills in both the posting and the profile, most stressed first, with their facts."""
    result = []
    for skill in skills:
        facts = [i.id for i in ctx.items if i.kind == "fact" and _shows(i, skill.canonical, ctx)]
        others = [i.id for i in ctx.items if i.kind != "fact" and _shows(i, skill.canonical, ctx)]
        if facts or [i for i in others if not i.startswith("skills/")]:
            result.append(
                SkillEmphasis(
                    name=skill.name,
                    canonical=skill.canonical,
                    posting_mentions=skill.mentions,
                    fact_ids=(facts + others)[:6],
                )
            )
    return result


def experience_suggestions(
    ctx: MatchContext,
    skills: list[PostingSkill],
    targets: list[tuple[str, str, NDArray[np.float32]]],
) -> list[ExperienceSuggestions]:
    """Facts ranked per role or project against the posting's requirements and duties.

    `targets` are (id, text, vector) of every requirement and responsibility.
    """
    import numpy as np

    matrix = np.vstack([t[2] for t in targets]) if targets else None
    by_entry: dict[str, list[BulletSuggestion]] = {}
    for index, item in enumerate(ctx.items):
        if item.kind != "fact":
            continue
        cosines = np.zeros(1, dtype=np.float32) if matrix is None else matrix @ ctx.vectors[index]
        best = int(np.argmax(cosines))
        supported = [s for s in skills if _shows(item, s.canonical, ctx)]
        relevance = min(1.0, float(cosines[best]) + 0.05 * min(len(supported), 4))
        terms = [s.name for s in supported]
        reworded = [t for t in terms if not mentions(item.text, t)]
        action: Literal["highlight", "modify", "keep"]
        if relevance >= HIGHLIGHT and not reworded:
            action = "highlight"
        elif relevance >= MODIFY and reworded:
            action = "modify"
        elif relevance >= HIGHLIGHT:
            action = "highlight"
        else:
            action = "keep"
        target_id, target_text = (targets[best][0], targets[best][1]) if targets else ("", "")
        reason = f"closest to {target_id} “{shorten(target_text, 70)}” (cosine {cosines[best]:.2f})"
        if reworded:
            reason += f"; the posting's words for what this shows: {', '.join(reworded)}"
        by_entry.setdefault(item.entry_id, []).append(
            BulletSuggestion(
                fact_id=item.id,
                text=item.text,
                relevance=round(relevance, 3),
                action=action,
                posting_terms=terms,
                reason=reason,
            )
        )
    entries: list[tuple[Section, str, str, str]] = []
    for n, work in enumerate(ctx.profile.work):
        entries.append(("work", work.id or f"work-{n + 1}", work.position or "", work.name or ""))
    for n, project in enumerate(ctx.profile.projects):
        entries.append(("projects", project.id or f"project-{n + 1}", project.name, ""))
    for n, volunteer in enumerate(ctx.profile.volunteer):
        entry_id = volunteer.id or f"volunteer-{n + 1}"
        entries.append(
            ("volunteer", entry_id, volunteer.position or "", volunteer.organization or "")
        )
    result = []
    for section, entry_id, title, organization in entries:
        bullets = sorted(by_entry.get(entry_id, []), key=lambda b: (-b.relevance, b.fact_id))
        if bullets:
            result.append(
                ExperienceSuggestions(
                    entry_id=entry_id,
                    section=section,
                    title=title,
                    organization=organization,
                    bullets=bullets,
                )
            )
    return result


def _cited(fits: list[RequirementFit], entry_id: str) -> list[RequirementFit]:
    """Requirements (met or partly met) whose evidence comes from this entry."""
    found = []
    for fit in _flatten(fits):
        if fit.status == "gap" or fit.children:
            continue
        if any(e.fact_id == entry_id or e.fact_id.startswith(entry_id + ".") for e in fit.evidence):
            found.append(fit)
    return found


def education_to_emphasize(
    ctx: MatchContext, fits: list[RequirementFit], posting: Posting, skills: list[PostingSkill]
) -> list[str]:
    """Degrees that meet a degree requirement or back another one, with courses the
    posting's skills or words point to."""
    wanted_skills = {s.canonical.lower() for s in skills}
    wanted_terms = set(content_terms(posting_text(posting)))
    degree_found = " ".join(
        e.quote
        for f in _flatten(fits)
        if f.status == "met"
        for e in f.evidence
        if e.method == "degree"
    )
    result = []
    for index, school in enumerate(ctx.profile.education):
        entry = school.id or f"education-{index + 1}"
        courses = []
        for course in school.courses:
            course_skills = {r.canonical.lower() for r in ctx.graph.extract(course)}
            terms = set(content_terms(course))
            if course_skills & wanted_skills or (
                terms and len(terms & wanted_terms) >= max(2, len(terms))
            ):
                courses.append(course)
        named = bool(school.institution and school.institution in degree_found)
        cited = _cited(fits, entry)
        if not (named or cited or courses):
            continue
        degree = " in ".join(p for p in (school.studyType, school.area) if p)
        line = f"{degree}, {school.institution}" if school.institution else degree
        reasons = []
        if named:
            reasons.append("meets the degree requirement")
        reasons += [f"backs {f.requirement_id}" for f in cited if f.evidence[0].method != "degree"][
            :2
        ]
        if courses:
            reasons.append("relevant courses: " + ", ".join(courses))
        result.append(line + " — " + "; ".join(reasons))
    return result


def projects_to_emphasize(
    ctx: MatchContext, fits: list[RequirementFit], experiences: list[ExperienceSuggestions]
) -> list[str]:
    """Projects that back a requirement or whose best fact is close to the posting."""
    result = []
    for entry in experiences:
        if entry.section != "projects":
            continue
        cited = _cited(fits, entry.entry_id)
        top = entry.bullets[0] if entry.bullets else None
        if cited:
            names = "; ".join(f"{f.requirement_id} “{shorten(f.text, 60)}”" for f in cited[:2])
            result.append(f"{entry.title}: evidence for {names}")
        elif top is not None and top.relevance >= MODIFY:
            result.append(f"{entry.title}: {top.reason}")
    return result


def _flatten(fits: list[RequirementFit]) -> list[RequirementFit]:
    out = []
    for fit in fits:
        out.append(fit)
        out.extend(_flatten(fit.children))
    return out


def _gap_nodes(fits: list[RequirementFit]) -> list[RequirementFit]:
    """Requirements not met, at the level that matters: a one-of list counts as one."""
    out = []
    for fit in fits:
        if fit.status == "met":
            continue
        if fit.children and not fit.any_of:
            out.extend(_gap_nodes(fit.children))
        else:
            out.append(fit)
    return out


def gaps(fits: list[RequirementFit], ctx: MatchContext) -> list[Gap]:
    have = {k: v for item in ctx.items for k, v in item.skills.items()}
    result = []
    for fit in _gap_nodes(fits):
        refs = ctx.graph.extract(fit.text)
        units = skill_units(fit.text, refs, ctx.graph)
        missing = [o for u in units for o in u.options if o.lower() not in have]
        adjacent: list[str] = []
        for option in missing:
            for near in [*ctx.graph.related(option), *ctx.graph.ancestors(option)[:1]]:
                if near.lower() in have and have[near.lower()] not in adjacent:
                    adjacent.append(have[near.lower()])
        hard = fit.evidence and fit.evidence[0].method in HARD_METHODS
        if hard:
            mitigation = (
                "Hard requirement: say plainly what you have; apply if the posting accepts "
                "equivalent experience, and do not stretch dates or degrees."
            )
        elif adjacent:
            mitigation = (
                f"Point to your adjacent experience with {', '.join(adjacent[:4])} and say "
                f"plainly you have not used {', '.join(missing[:3]) or 'this'} yet."
            )
        elif fit.status == "partial":
            mitigation = (
                "Partly shown: lead with the closest fact"
                + (f" ({fit.evidence[0].fact_id})" if fit.evidence else "")
                + " and describe exactly what you did; do not widen it."
            )
        elif missing:
            mitigation = (
                f"Not in your profile: a short course or small project in "
                f"{', '.join(missing[:3])} would give you something true to mention; until "
                "then, leave it out."
            )
        else:
            mitigation = (
                "Nothing in your profile shows this. If you have done it, add a fact about it "
                "to your profile first; otherwise leave it out rather than claim it."
            )
        result.append(
            Gap(
                requirement_id=fit.requirement_id,
                text=fit.text,
                kind=fit.kind,
                mitigation=mitigation,
                adjacent_skills=adjacent[:6],
            )
        )
    result.sort(key=lambda g: (g.kind != "required", g.requirement_id))
    return result
