"""Tailor the master profile to one posting: the right facts first, nothing invented.

`tailor_resume` selects and orders each role's facts by their relevance in the fit report,
keeps every role's title, employer and dates exactly as in the profile (a role may shrink
to its header line, never vanish), writes a summary from the profile's own sentences and a
skills line ordered by what the posting stresses, optionally rewrites bullets in the
posting's words where the fact supports it (write/tailor_rewrite.py), and finally cuts the
least relevant bullets until the PDF fits the page budget. Every decision is a
`ResumeChange`, so `--show-changes` can explain the result.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Literal

from applykit.models.documents import (
    ResumeBullet,
    ResumeChange,
    ResumeEntry,
    ResumeSection,
    TailoredResume,
)
from applykit.models.fit import BulletSuggestion, ExperienceSuggestions, FitReport
from applykit.models.posting import Posting
from applykit.models.profile import Fact, Profile, Project, Volunteer, Work
from applykit.write.tailor_sections import (
    education_section,
    line_sections,
    skills_for,
    summary_for,
)

if TYPE_CHECKING:
    from applykit.backends.base import Backend

MAX_BULLET_CHARS = 600
"""A fact longer than this is not a resume line: it is cut and reported, never truncated."""
ROLE_CAPS = {1: (6, 5, 4, 3, 2), 2: (8, 7, 6, 5, 4)}
"""Most bullets kept per role by position (newest first) before the page is measured."""
PROJECT_MIN_RELEVANCE = 0.3
MAX_PROJECTS = {1: 2, 2: 4}

WorkLike = Work | Project | Volunteer
Paper = Literal["us-letter", "a4"]
LETTER_COUNTRIES = frozenset({"US", "CA", "MX", "PH", "CL", "CO", "VE", "GT", "CR", "PR"})


def paper_for(profile: Profile) -> Paper:
    """US Letter where it is the norm (and when the country is unknown), A4 elsewhere."""
    location = profile.basics.location
    country = (location.countryCode or "").strip().upper() if location else ""
    return "a4" if country and country not in LETTER_COUNTRIES else "us-letter"


def tailor_resume(
    profile: Profile,
    posting: Posting,
    fit: FitReport,
    *,
    pages: int = 1,
    backend: Backend | None = None,
    design: str = "classic",
    paper: Paper | None = None,
) -> TailoredResume:
    """The profile tailored to `posting` within `pages` pages (measured in `design`).

    `paper` defaults to US Letter for candidates in North America (and without a known
    country), A4 elsewhere.
    """
    from applykit.render.pdf import fit_to_pages
    from applykit.write.tailor_rewrite import defend_points, rewrite_bullets

    pages = 2 if pages >= 2 else 1
    changes: list[ResumeChange] = []
    summary = summary_for(profile, posting, fit, changes)
    skills = skills_for(profile, fit, pages, changes)
    sections = [experience_section(profile, fit, pages, changes)]
    projects = projects_section(profile, fit, pages, changes)
    if projects.entries:
        sections.append(projects)
    sections.append(education_section(profile))
    volunteering = volunteer_section(profile, fit, pages, changes)
    if volunteering.entries:
        sections.append(volunteering)
    sections.extend(line_sections(profile))
    resume = TailoredResume(
        basics=profile.basics,
        summary=summary,
        skills=skills,
        sections=sections,
        changes=changes,
        page_budget=pages,
        paper=paper or paper_for(profile),
        posting_title=posting.title,
        company=posting.company,
    )
    rewrite_bullets(resume, profile, posting, backend)
    fitted, _ = fit_to_pages(resume, design=design)
    cut = {c.fact_id for c in fitted.changes if c.kind == "cut" and c.fact_id}
    fitted.changes = [c for c in fitted.changes if not (c.kind == "selected" and c.fact_id in cut)]
    fitted.defend = defend_points(fitted, fit)
    return fitted


def _entry_id(entry: WorkLike, prefix: str, index: int) -> str:
    """The id the fit report uses for this entry (the profile's, or its position)."""
    return entry.id or f"{prefix}-{index + 1}"


def _fact_id(fact: Fact, entry_id: str, index: int) -> str:
    return fact.id or f"{entry_id}.h{index + 1}"


def _suggestions_for(
    fit: FitReport, entry_id: str, title: str, organization: str
) -> ExperienceSuggestions | None:
    for suggestion in fit.experiences:
        if suggestion.entry_id == entry_id:
            return suggestion
    for suggestion in fit.experiences:
        if (suggestion.title, suggestion.organization) == (title, organization):
            return suggestion
    return None


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


def ranked_bullets(
    entry: WorkLike, entry_id: str, suggestion: ExperienceSuggestions | None
) -> list[ResumeBullet]:
    """The entry's facts as bullets, most relevant first (profile order among equals)."""
    by_id: dict[str, BulletSuggestion] = {}
    by_text: dict[str, BulletSuggestion] = {}
    for bullet in suggestion.bullets if suggestion else []:
        by_id[bullet.fact_id] = bullet
        by_text[_normal(bullet.text)] = bullet
    bullets = []
    for index, fact in enumerate(entry.highlights):
        fact_id = _fact_id(fact, entry_id, index)
        ranked = by_id.get(fact_id) or by_text.get(_normal(fact.text))
        bullets.append(
            ResumeBullet(
                fact_id=fact_id,
                text=fact.text,
                original_text=fact.text,
                relevance=ranked.relevance if ranked else 0.0,
                posting_terms=list(ranked.posting_terms) if ranked else [],
            )
        )
    order = sorted(range(len(bullets)), key=lambda i: (-bullets[i].relevance, i))
    return [bullets[i] for i in order]


def _select(
    entry: ResumeEntry,
    profile_order: list[str],
    cap: int,
    pages: int,
    changes: list[ResumeChange],
) -> ResumeEntry:
    """Keep the `cap` most relevant bullets; record what was kept, reordered and cut."""
    label = f"{entry.title}, {entry.organization}".strip(", ")
    kept: list[ResumeBullet] = []
    for bullet in entry.bullets:
        if len(bullet.text) > MAX_BULLET_CHARS:
            why = f"{len(bullet.text)} characters is too long for one resume line"
        elif len(kept) >= cap:
            why = f"not among the {cap} most relevant facts of this role for {pages} page(s)"
        else:
            kept.append(bullet)
            terms = ", ".join(bullet.posting_terms[:5])
            changes.append(
                ResumeChange(
                    kind="selected",
                    detail=f"{label}: relevance {bullet.relevance:.2f}"
                    + (f"; posting terms: {terms}" if terms else ""),
                    fact_id=bullet.fact_id,
                    entry_id=entry.entry_id,
                    before=bullet.text,
                )
            )
            continue
        changes.append(
            ResumeChange(
                kind="cut",
                detail=f"{label}: {why} (relevance {bullet.relevance:.2f})",
                fact_id=bullet.fact_id,
                entry_id=entry.entry_id,
                before=bullet.text,
            )
        )
    kept_ids = [b.fact_id for b in kept]
    if kept_ids != [fact_id for fact_id in profile_order if fact_id in kept_ids]:
        changes.append(
            ResumeChange(
                kind="reordered",
                detail=f"{label}: facts ordered by relevance to the posting, most relevant first",
                entry_id=entry.entry_id,
            )
        )
    if entry.bullets and not kept:
        changes.append(
            ResumeChange(
                kind="shrunk",
                detail=f"{label}: only the title, employer and dates are kept",
                entry_id=entry.entry_id,
            )
        )
    return entry.model_copy(update={"bullets": kept})


def experience_section(
    profile: Profile, fit: FitReport, pages: int, changes: list[ResumeChange]
) -> ResumeSection:
    """Every role, newest first as in the profile, each with its most relevant facts."""
    caps = ROLE_CAPS[pages]
    entries = []
    for index, work in enumerate(profile.work):
        entry_id = _entry_id(work, "work", index)
        title, organization = work.position or "", work.name or ""
        suggestion = _suggestions_for(fit, entry_id, title, organization)
        entry = ResumeEntry(
            entry_id=entry_id,
            title=title,
            organization=organization,
            location=work.location,
            start=work.startDate,
            end=work.endDate,
            url=work.url,
            bullets=ranked_bullets(work, entry_id, suggestion),
        )
        order = [_fact_id(f, entry_id, n) for n, f in enumerate(work.highlights)]
        cap = caps[min(index, len(caps) - 1)]
        entries.append(_select(entry, order, cap, pages, changes))
    return ResumeSection(heading="Experience", entries=entries)


def projects_section(
    profile: Profile, fit: FitReport, pages: int, changes: list[ResumeChange]
) -> ResumeSection:
    """The projects whose best fact is relevant enough, most relevant first."""
    scored: list[tuple[float, int, ResumeEntry]] = []
    orders: dict[str, list[str]] = {}
    for index, project in enumerate(profile.projects):
        entry_id = _entry_id(project, "project", index)
        suggestion = _suggestions_for(fit, entry_id, project.name, "")
        bullets = ranked_bullets(project, entry_id, suggestion)
        best = max((b.relevance for b in bullets), default=0.0)
        description = (project.description or "").strip().rstrip(".")
        entry = ResumeEntry(
            entry_id=entry_id,
            title=project.name,
            organization=description if len(description) <= 110 else "",
            start=project.startDate,
            end=project.endDate,
            url=project.url,
            bullets=bullets,
        )
        scored.append((best, index, entry))
        orders[entry_id] = [_fact_id(f, entry_id, n) for n, f in enumerate(project.highlights)]
    scored.sort(key=lambda item: (-item[0], item[1]))
    entries: list[ResumeEntry] = []
    for best, _, entry in scored:
        if best >= PROJECT_MIN_RELEVANCE and len(entries) < MAX_PROJECTS[pages]:
            cap = 2 if pages == 1 else 3
            entries.append(_select(entry, orders[entry.entry_id], cap, pages, changes))
        else:
            changes.append(
                ResumeChange(
                    kind="cut",
                    detail=f"project {entry.title}: best relevance {best:.2f} "
                    f"(kept: up to {MAX_PROJECTS[pages]} at {PROJECT_MIN_RELEVANCE} or more)",
                    entry_id=entry.entry_id,
                )
            )
    return ResumeSection(heading="Projects", entries=entries)


def volunteer_section(
    profile: Profile, fit: FitReport, pages: int, changes: list[ResumeChange]
) -> ResumeSection:
    """Every volunteer role with its most relevant fact (two on two pages).

    The page fitter may cut the whole section before any relevant work fact.
    """
    entries = []
    for index, role in enumerate(profile.volunteer):
        entry_id = _entry_id(role, "volunteer", index)
        title, organization = role.position or "", role.organization or ""
        suggestion = _suggestions_for(fit, entry_id, title, organization)
        entry = ResumeEntry(
            entry_id=entry_id,
            title=title or organization,
            organization=organization if title else "",
            start=role.startDate,
            end=role.endDate,
            url=role.url,
            bullets=ranked_bullets(role, entry_id, suggestion),
        )
        order = [_fact_id(f, entry_id, n) for n, f in enumerate(role.highlights)]
        entries.append(_select(entry, order, pages, pages, changes))
    return ResumeSection(heading="Volunteering", entries=entries)
