"""The citable pieces of a profile that can meet a requirement, each with a stable id.

Facts (work, project and volunteer highlights) are the main evidence. Degrees, project
descriptions, role summaries, certificates, publications and the skills section can also
meet a requirement; they get ids derived from their entry (`education-1`, `skills/backend`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from applykit.match.skillgraph import SkillGraph
from applykit.match.text import names_in, slug
from applykit.models.profile import Profile
from applykit.models.skill import SkillRef

ItemKind = Literal[
    "fact", "summary", "project", "education", "certificate", "publication", "skills", "award"
]


@dataclass
class ProfileItem:
    """One piece of evidence: its id, its words, the skills it shows, where it sits."""

    id: str
    text: str
    kind: ItemKind
    entry_id: str
    section: Literal["work", "projects", "volunteer", "education", "other"]
    skills: dict[str, str] = field(default_factory=dict)  # canonical (lower) → display name
    covers: set[str] | None = None  # skills and their ancestors, filled by MatchContext


def _entry_id(given: str, prefix: str, index: int) -> str:
    return given or f"{prefix}-{index + 1}"


def _fact_id(given: str, entry_id: str, index: int) -> str:
    return given or f"{entry_id}.h{index + 1}"


def profile_skill_names(profile: Profile) -> dict[str, str]:
    """Every skill the profile names anywhere (skills section and project keywords)."""
    names: dict[str, str] = {}
    for group in profile.skills:
        for keyword in group.keywords:
            names.setdefault(keyword.lower(), keyword)
    for project in profile.projects:
        for keyword in project.keywords:
            names.setdefault(keyword.lower(), keyword)
    return names


def collect_items(profile: Profile, graph: SkillGraph) -> list[ProfileItem]:
    """All evidence items of `profile`, in document order, with their skills resolved."""
    items: list[ProfileItem] = []
    known = profile_skill_names(profile)

    def add(item: ProfileItem, refs: list[SkillRef]) -> None:
        for ref in refs:
            item.skills.setdefault(ref.canonical.lower(), ref.canonical)
        for ref in graph.extract(item.text):
            item.skills.setdefault(ref.canonical.lower(), ref.canonical)
        for display in names_in(item.text, known):
            canonical = graph.canonical(display)
            item.skills.setdefault(canonical.lower(), canonical)
        items.append(item)

    for index, work in enumerate(profile.work):
        entry = _entry_id(work.id, "work", index)
        for h, fact in enumerate(work.highlights):
            add(
                ProfileItem(_fact_id(fact.id, entry, h), fact.text, "fact", entry, "work"),
                fact.skills,
            )
        role = " at ".join(p for p in (work.position, work.name) if p)
        about = ". ".join(p for p in (role, work.summary) if p)
        if about:
            add(ProfileItem(f"{entry}.summary", about, "summary", entry, "work"), [])
    for index, project in enumerate(profile.projects):
        entry = _entry_id(project.id, "project", index)
        for h, fact in enumerate(project.highlights):
            add(
                ProfileItem(_fact_id(fact.id, entry, h), fact.text, "fact", entry, "projects"),
                fact.skills,
            )
        description = " ".join(filter(None, [project.name, project.description]))
        item = ProfileItem(f"{entry}.description", description, "project", entry, "projects")
        add(item, [SkillRef(name=k, canonical=graph.canonical(k)) for k in project.keywords])
    for index, volunteer in enumerate(profile.volunteer):
        entry = _entry_id(volunteer.id, "volunteer", index)
        for h, fact in enumerate(volunteer.highlights):
            add(
                ProfileItem(_fact_id(fact.id, entry, h), fact.text, "fact", entry, "volunteer"),
                fact.skills,
            )
    for index, school in enumerate(profile.education):
        entry = _entry_id(school.id, "education", index)
        parts = [school.studyType, school.area and f"in {school.area}", school.institution]
        text = " ".join(p for p in parts if p)
        if school.courses:
            text += ". Courses: " + ", ".join(school.courses)
        add(ProfileItem(entry, text, "education", entry, "education"), [])
    for index, cert in enumerate(profile.certificates):
        entry = _entry_id(cert.id, "certificate", index)
        text = cert.name + (f" ({cert.issuer})" if cert.issuer else "")
        add(ProfileItem(entry, text, "certificate", entry, "other"), [])
    for index, paper in enumerate(profile.publications):
        entry = _entry_id(paper.id, "publication", index)
        text = paper.name + (f". {paper.summary}" if paper.summary else "")
        add(ProfileItem(entry, text, "publication", entry, "other"), [])
    for index, award in enumerate(profile.awards):
        entry = _entry_id(award.id, "award", index)
        text = award.title + (f". {award.summary}" if award.summary else "")
        add(ProfileItem(entry, text, "award", entry, "other"), [])
    for group in profile.skills:
        if not group.keywords:
            continue
        entry = f"skills/{slug(group.name)}"
        refs = [SkillRef(name=k, canonical=graph.canonical(k)) for k in group.keywords]
        add(
            ProfileItem(
                entry, f"{group.name}: {', '.join(group.keywords)}", "skills", entry, "other"
            ),
            refs,
        )
    return items
