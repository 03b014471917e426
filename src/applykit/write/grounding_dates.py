"""The profile's dated entries (jobs, schools, awards, projects) for the guard's arithmetic."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from applykit.models.profile import Profile
from applykit.write.grounding_words import lemma, lemma_set

_KIND_WORDS = {
    "work": "joined job role position employer",
    "volunteer": "volunteer volunteering",
    "education": "degree graduated graduation studied studies student finished completed",
    "award": "award awarded prize won recognised recognized",
    "certificate": "certificate certified certification",
    "publication": "paper published publication article",
    "project": "project",
}
"""Words that refer to an entry by its kind ("the paper", "the award", "graduated")."""
_INTERNSHIP = re.compile(r"\b(?:intern|internship|trainee|apprentice|student)\b", re.IGNORECASE)
_ACADEMIC = re.compile(r"\b(?:University|Universit[äy]t|College|Institute|Academy)\b")
"""A university that employed the candidate (a postdoc) is an employer, not a company: "three
companies" may leave it out, "three employers" may not."""
_DATE_RE = re.compile(r"^(?P<year>\d{4})(?:-(?P<month>\d{2}))?")


@dataclass(frozen=True)
class Entry:
    """One dated part of the profile: a job, a school, an award, a project."""

    id: str
    kind: str
    name: str
    lemmas: frozenset[str]
    years: frozenset[int]
    months: tuple[int, int] | None
    """First and last month (year * 12 + month - 1), the last month inclusive."""
    internship: bool = False
    """Internships do not count towards years of experience."""
    title: str = ""
    """The position held (jobs and volunteering)."""
    text: str = ""
    """Everything the entry says (title, summary, highlights)."""


def _month(value: str | None, *, end: bool, today: dt.date) -> int | None:
    if value is None or value == "present":
        return today.year * 12 + today.month - 1 if end else None
    match = _DATE_RE.match(value)
    if not match:
        return None
    month = match.group("month")
    return int(match.group("year")) * 12 + (int(month) - 1 if month else (11 if end else 0))


def _entry(
    entry_id: str,
    kind: str,
    name: str,
    texts: list[str | None],
    dates: tuple[str | None, str | None],
    today: dt.date,
) -> Entry:
    start = _month(dates[0], end=False, today=today)
    last = _month(dates[1], end=True, today=today) if start is not None else None
    months = (start, last) if start is not None and last is not None and last >= start else None
    years = {int(m.group(0)) for d in dates if d for m in re.finditer(r"\d{4}", d)}
    if months and kind in {"work", "volunteer"}:
        years |= set(range(months[0] // 12, months[1] // 12 + 1))
    if months and dates[1] in (None, "present") and today.day < 15 and months[1] > months[0]:
        months = (
            months[0],
            months[1] - 1,
        )  # an open entry on 7 December: its time ends in November
    text = " ".join(t for t in [name, *texts, _KIND_WORDS.get(kind, "")] if t)
    internship = kind == "work" and bool(_INTERNSHIP.search(texts[0] or "")) if texts else False
    title = (texts[0] or "") if kind in {"work", "volunteer"} and texts else ""
    lemmas = lemma_set(text)
    return Entry(entry_id, kind, name, lemmas, frozenset(years), months, internship, title, text)


def build_entries(profile: Profile, today: dt.date) -> list[Entry]:
    """The dated entries of a profile, with ids matching the guard's sources."""
    entries: list[Entry] = []
    for i, w in enumerate(profile.work):
        texts = [w.position, w.summary, w.description, *(f.text for f in w.highlights)]
        dates = (w.startDate, w.endDate)
        entries.append(_entry(w.id or f"work-{i + 1}", "work", w.name or "", texts, dates, today))
    for i, v in enumerate(profile.volunteer):
        texts = [v.position, v.summary, *(f.text for f in v.highlights)]
        entry_id = v.id or f"volunteer-{i + 1}"
        name = v.organization or ""
        dates = (v.startDate, v.endDate)
        entries.append(_entry(entry_id, "volunteer", name, texts, dates, today))
    for i, p in enumerate(profile.projects):
        texts = [p.description, p.entity, *p.keywords, *(f.text for f in p.highlights)]
        dates = (p.startDate, p.endDate)
        entries.append(_entry(p.id or f"project-{i + 1}", "project", p.name, texts, dates, today))
    for i, e in enumerate(profile.education):
        texts = [e.studyType, e.area, *e.courses]
        dates = (e.startDate, e.endDate)
        name = e.institution or ""
        entries.append(_entry(e.id or f"education[{i}]", "education", name, texts, dates, today))
    for i, a in enumerate(profile.awards):
        texts = [a.awarder, a.summary]
        entries.append(
            _entry(a.id or f"awards[{i}]", "award", a.title, texts, (a.date, None), today)
        )
    for i, c in enumerate(profile.certificates):
        cert_id = c.id or f"certificates[{i}]"
        entries.append(_entry(cert_id, "certificate", c.name, [c.issuer], (c.date, None), today))
    for i, pub in enumerate(profile.publications):
        texts = [pub.publisher, pub.summary]
        pub_id = pub.id or f"publications[{i}]"
        dates = (pub.releaseDate, None)
        entries.append(_entry(pub_id, "publication", pub.name, texts, dates, today))
    return entries


def same_job_place(one: Entry, other: Entry) -> bool:
    """Two positions at one employer (a promotion: "Software Engineer", then "Data Engineer II"
    at Tidequill Payments): the employer named in a letter means both."""
    return (
        one.kind == other.kind
        and one.kind in {"work", "volunteer"}
        and bool(one.name)
        and one.name.casefold() == other.name.casefold()
    )


def same_employer(entry: Entry, entries: list[Entry]) -> list[Entry]:
    """`entry` and every other position held at the same employer, `entry` first."""
    return [entry, *(e for e in entries if e is not entry and same_job_place(e, entry))]


def merged_work_years(entries: list[Entry]) -> float:
    """Years of work, overlapping periods counted once, internships left out."""
    periods = sorted(
        e.months for e in entries if e.kind == "work" and e.months and not e.internship
    )
    total = 0
    current: list[int] | None = None
    for first, last in periods:
        if current and first <= current[1] + 1:
            current[1] = max(current[1], last)
            continue
        if current:
            total += current[1] - current[0] + 1
        current = [first, last]
    if current:
        total += current[1] - current[0] + 1
    return total / 12


_LIST_NOUNS = {
    "degree": "education",
    "language": "languages",
    "publication": "publications",
    "paper": "publications",
    "certificate": "certificates",
    "certification": "certificates",
    "award": "awards",
    "project": "projects",
    "company": "companies",
    "employer": "employers",
}


def list_counts(profile: Profile) -> dict[str, tuple[set[int], str]]:
    """How many entries each list of the profile holds, by the noun that counts them
    ("two degrees" → 2 education entries, "four languages" → 4 languages)."""
    employers = {w.name for w in profile.work if w.name}
    interned = {w.name for w in profile.work if w.name and _INTERNSHIP.search(w.position or "")}
    academic = {w.name for w in profile.work if w.name and _ACADEMIC.search(w.name)}
    sizes: dict[str, set[int]] = {
        "employers": {len(employers), len(employers - interned)},
        "companies": {len(employers), len(employers - interned), len(employers - academic)},
        "education": {len([e for e in profile.education if e.studyType or e.area])},
        "languages": {len(profile.languages)},
        "publications": {len(profile.publications)},
        "certificates": {len(profile.certificates)},
        "awards": {len(profile.awards)},
        "projects": {len(profile.projects)},
    }
    return {lemma(noun): (sizes[section], section) for noun, section in _LIST_NOUNS.items()}
