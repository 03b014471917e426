"""The parts of a tailored resume around the roles: summary, skills, education, short lists.

Each uses only what the profile says: the summary is made of the profile's own summary
sentences, the skills line holds only skills the profile lists or its facts show.
"""

from __future__ import annotations

import re

from applykit.models.documents import ResumeChange, ResumeEntry, ResumeSection
from applykit.models.fit import FitReport
from applykit.models.posting import Posting
from applykit.models.profile import Profile

MAX_SKILLS = {1: 20, 2: 32}
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9])")
_WORD = re.compile(r"[a-z0-9][a-z0-9+#.-]*")


def _words(text: str) -> set[str]:
    return {w.strip(".") for w in _WORD.findall(text.casefold()) if len(w) > 2}


def summary_for(
    profile: Profile, posting: Posting, fit: FitReport, changes: list[ResumeChange]
) -> str:
    """The profile summary's first sentence, plus its sentence closest to the posting."""
    text = re.sub(r"\s+", " ", profile.basics.summary or "").strip()
    sentences = [s for s in _SENTENCE.split(text) if s]
    if not sentences:
        return profile.basics.label or ""
    if len(sentences) <= 2:
        return " ".join(sentences)
    wanted = _words(
        " ".join(
            [posting.title or "", *(s.name for s in posting.skills), *posting.responsibilities]
            + [s.name for s in fit.skills_to_emphasize]
        )
    )
    rest = sentences[1:]
    best = max(range(len(rest)), key=lambda i: (len(_words(rest[i]) & wanted), -i))
    chosen = [sentences[0], rest[best]]
    changes.append(
        ResumeChange(
            kind="selected",
            detail=f"summary: sentences 1 and {best + 2} of the profile summary "
            f"(of {len(sentences)}); the closest to the posting",
            before=text,
            after=" ".join(chosen),
        )
    )
    return " ".join(chosen)


def _canonical(name: str) -> str:
    """The taxonomy's name for a skill keyword when the whole keyword is one skill."""
    from applykit.skills import extract_skills

    mentions = extract_skills(name)
    if len(mentions) == 1 and mentions[0].text.casefold() == name.strip().casefold():
        return mentions[0].canonical.casefold()
    return name.strip().casefold()


def _shown_in_facts(skill: str, fact_ids: list[str], facts: dict[str, str]) -> bool:
    """Whether one of these profile facts names the skill in so many words."""
    pattern = re.compile(rf"(?<![\w-]){re.escape(skill)}(?![\w-])", re.IGNORECASE)
    return any(pattern.search(facts.get(fact_id, "")) for fact_id in fact_ids)


def skills_for(
    profile: Profile, fit: FitReport, pages: int, changes: list[ResumeChange]
) -> list[str]:
    """Profile skills, those the posting stresses first; a stressed skill the profile's
    facts show but its skills list lacks is added under the name the fit report gives."""
    listed: list[str] = []
    seen: set[str] = set()
    for group in profile.skills:
        for word in group.keywords:
            key = word.strip().casefold()
            if word.strip() and key not in seen:
                seen.add(key)
                listed.append(word.strip())
    by_canonical: dict[str, str] = {}
    for name in listed:
        by_canonical.setdefault(name.casefold(), name)
        by_canonical.setdefault(_canonical(name), name)
    facts = {fact.id: fact.text for fact in profile.facts() if fact.id}
    first: list[str] = []
    for emphasis in fit.skills_to_emphasize:
        keys = (emphasis.canonical.casefold(), emphasis.name.casefold(), _canonical(emphasis.name))
        keyword = next((by_canonical[k] for k in keys if k in by_canonical), None)
        if keyword is None and _shown_in_facts(emphasis.canonical, emphasis.fact_ids, facts):
            keyword = emphasis.canonical
        if keyword and keyword not in first:
            first.append(keyword)
    ordered = first + [k for k in listed if k not in first]
    limit = MAX_SKILLS[pages]
    if first:
        changes.append(
            ResumeChange(
                kind="reordered",
                detail="skills: the posting's emphasis first: " + ", ".join(first[:10]),
            )
        )
    if len(ordered) > limit:
        changes.append(
            ResumeChange(
                kind="cut",
                detail=f"skills beyond the {limit} most relevant: " + ", ".join(ordered[limit:]),
            )
        )
    return ordered[:limit]


def education_section(profile: Profile) -> ResumeSection:
    """Every degree, as the profile states it."""
    entries = []
    for index, school in enumerate(profile.education):
        title = ", ".join(part for part in (school.studyType, school.area) if part)
        entries.append(
            ResumeEntry(
                entry_id=school.id or f"education-{index + 1}",
                title=title or (school.institution or ""),
                organization=school.institution or "" if title else "",
                start=school.startDate,
                end=school.endDate,
                url=school.url,
            )
        )
    return ResumeSection(heading="Education", entries=entries)


def _year(value: str | None) -> str:
    return value[:4] if value and value[:4].isdigit() else ""


def _join(*parts: str | None) -> str:
    return ", ".join(part.strip() for part in parts if part and part.strip())


def line_sections(profile: Profile) -> list[ResumeSection]:
    """Certifications, publications, awards and languages as one line each item.

    They come last and are the first whole sections the page fitter may cut.
    """
    sections = []
    certificates = [_join(c.name, c.issuer, _year(c.date)) for c in profile.certificates]
    publications = [_join(p.name, p.publisher, _year(p.releaseDate)) for p in profile.publications]
    awards = [_join(a.title, a.awarder, _year(a.date)) for a in profile.awards]
    languages = [
        ", ".join(
            f"{lang.language} ({lang.fluency})" if lang.fluency else lang.language
            for lang in profile.languages
        )
    ]
    for heading, lines in (
        ("Certifications", certificates),
        ("Publications", publications),
        ("Awards", awards),
        ("Languages", languages),
    ):
        lines = [line for line in lines if line]
        if lines:
            sections.append(ResumeSection(heading=heading, lines=lines))
    return sections
