"""Which jobs a stretch of time is about when no employer is named beside it.

* a role: "a year and a half as a data scientist", "a research intern for three months",
  "for more than three years I have served as tech lead": the entries whose title (or whose
  summary) holds that role, their periods merged;
* an activity plainly one job's: "three years leading fraud and risk scoring at a fintech";
* a back-reference: "in my two years there", "…Lumen Media, where I spent two years": the
  employer the text named last before it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from applykit.write.claim_scope import word_pattern
from applykit.write.evidence import company_aliases
from applykit.write.grounding_words import lemma_set
from applykit.write.text_units import clause_around, sentence_around

if TYPE_CHECKING:
    from applykit.write.claims import Quantity
    from applykit.write.evidence import Evidence
    from applykit.write.grounding_dates import Entry

_ROLE = r"(?:an?\s+|the\s+|our\s+)?[A-Za-z][A-Za-z-]*(?:\s+[A-Za-z][A-Za-z-]*){0,3}"
_ROLE_AFTER = re.compile(
    rf"^\s*(?:[A-Za-z]+\s+){{0,3}}?(?:as|(?:with|under|holding)\s+the\s+(?:job\s+)?title(?:\s+of)?|"
    rf"(?:I|we)(?:'ve|\s+have|\s+had)?\s+(?:was|were|been|worked\s+as|served\s+as))\s+"
    rf"(?P<roles>{_ROLE}(?:(?:\s*,\s*{_ROLE}){{0,2}}\s*,?\s+and\s+{_ROLE})?)"
)
"""… "two years as a data scientist and machine learning engineer", "for three years I was a
data scientist", "as ML Scientist, Applied Scientist and Senior Applied Scientist" (a list
that ends in "and")."""
_ROLE_BEFORE = re.compile(
    rf"\b(?:as|was|been|served as|worked as)\s+(?P<roles>{_ROLE})\s+(?:for|over)\s+"
    r"(?:the\s+)?(?:(?:last|past|first|nearly|almost|about|around|over|more than)\s+)?$"
)
"""… "was research intern for three months"."""
_ROLE_END = re.compile(
    r"\s+(?:at|of|for|in|on|with|who|where|which|from|to|since|during|before|after|"
    r"building|leading|working)\b.*$",
    re.IGNORECASE,
)
_THERE = re.compile(r"\b(?:there|in\s+that\s+(?:job|role|position))\b", re.IGNORECASE)
_WHERE = re.compile(r"\s*where\b", re.IGNORECASE)
"""… "I joined Lumen Media, where I spent two years …": the employer just named."""
_WORK_KINDS = {"work", "volunteer"}
_ASIDE = re.compile(r"^\s*\([^()]{0,40}\)")
"""… "almost two years (2021–2023) as a Software Engineer": the dates in brackets."""


def _roles(quantity: Quantity, text: str) -> list[str]:
    """The roles named right after the number ("as a data scientist and …") or right
    before it ("was research intern for")."""
    sentence = sentence_around(text, quantity.start)
    rest = _ASIDE.sub("", text[quantity.end : sentence.end], count=1)  # "(2021–2023)"
    after = _ROLE_AFTER.match(rest)
    before = _ROLE_BEFORE.search(text[sentence.start : quantity.start])
    found = after or before
    if not found:
        return []
    roles = []
    for part in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", found.group("roles")):
        role = _ROLE_END.sub("", part)
        role = re.sub(r"^(?:an?|the|our)\s+", "", role.strip(), flags=re.IGNORECASE).lower()
        if len(role) >= 4:
            roles.append(role)
    return roles


def role_months(quantity: Quantity, text: str, evidence: Evidence) -> tuple[float, str] | None:
    """Years spent in the roles named beside the number ("as a data scientist"), their
    periods merged, with the id of one entry that holds them; None when no role is named or
    the profile holds none of them."""
    held: list[Entry] = []
    for role in _roles(quantity, text):
        pattern = word_pattern(role, plural=True, hyphen=False)
        held += [
            entry
            for entry in evidence.entries
            if entry.kind in _WORK_KINDS
            and entry.months
            and entry not in held
            and (pattern.search(entry.title) or pattern.search(entry.text[:200]))
        ]
    return (merged_years(held), held[0].id) if held else None


_ACTIVITY = re.compile(r"\s*(?:[:—–]\s*)?(?:[a-z]+ing)\b[^.;:,]*", re.IGNORECASE)
"""… "five years leading fraud scoring", "five years: keeping a fraud model fast"."""
_ACTIVITY_BEFORE = re.compile(
    r"\b(?:been|spent|spend|spending)\s+(?P<act>[a-z]+ing\b[^.;:,]{0,80}?)\s+(?:for|over)\s+"
    r"(?:the\s+)?(?:(?:last|past|nearly|almost|about|around|roughly|over|more\s+than|a\s+little|"
    r"just|well|some)\s+)*$",
    re.IGNORECASE,
)
"""… "I have been building fraud models for five years": the activity before the number."""


def activity_months(quantity: Quantity, text: str, evidence: Evidence) -> tuple[float, str] | None:
    """ "more than three years leading fraud and risk scoring at a fintech", "I have been
    building fraud models for five years": when the activity beside the number is plainly one
    job's, the years are checked against that job. Plainly one job's: three of its words and no
    other job with more than one, or words that only that job's entry has (none of another)."""
    sentence = sentence_around(text, quantity.start)
    found = _ACTIVITY.match(text, quantity.end, sentence.end)
    before = _ACTIVITY_BEFORE.search(text, sentence.start, quantity.start)
    if not found and not before:
        return None
    words = lemma_set(" ".join(m.group(0) for m in (found, before) if m))
    jobs = [e for e in evidence.entries if e.kind in _WORK_KINDS and e.months]
    scored = sorted(((len(words & e.lemmas), e) for e in jobs), key=lambda p: p[0], reverse=True)
    if scored and scored[0][0] >= 3 and (len(scored) < 2 or scored[1][0] <= 1):
        return merged_years([scored[0][1]]), scored[0][1].id
    owners = {id(e): e for e in jobs for w in words if _only_in(w, e, jobs)}
    if len(owners) == 1:
        entry = next(iter(owners.values()))
        return merged_years([entry]), entry.id
    return None


def _only_in(word: str, entry: Entry, jobs: list[Entry]) -> bool:
    """`word` is in this job's entry and in no other job's: it names that job's work."""
    return (
        len(word) >= 4
        and word in entry.lemmas
        and not any(word in other.lemmas for other in jobs if other is not entry)
    )


def merged_years(entries: list[Entry]) -> float:
    periods = sorted(entry.months for entry in entries if entry.months)
    total, current = 0, None
    for first, last in periods:
        if current and first <= current[1] + 1:
            current = (current[0], max(current[1], last))
            continue
        if current:
            total += current[1] - current[0] + 1
        current = (first, last)
    if current:
        total += current[1] - current[0] + 1
    return total / 12


def referred_employer(quantity: Quantity, text: str, evidence: Evidence) -> Entry | None:
    """ "In my two years there": the job the text named last before the number (within the
    sentence and the two before it)."""
    clause = clause_around(text, quantity.start)
    own = text[clause.start : clause.end]
    where = bool(_WHERE.match(own))
    if not _THERE.search(own) and not where:
        return None
    sentence = sentence_around(text, quantity.start)
    window_start = sentence.start if where else max(0, quantity.start - 400)
    best: tuple[int, Entry] | None = None
    for entry in evidence.entries:
        if entry.kind not in _WORK_KINDS or not entry.name or not entry.months:
            continue
        for alias in company_aliases(entry.name):
            for found in word_pattern(alias, hyphen=False).finditer(
                text, window_start, quantity.start
            ):
                position = found.start()
                if best is None or position > best[0]:
                    best = (position, entry)
    return best[1] if best else None


def employers_in(span: str, evidence: Evidence) -> list[Entry]:
    """The jobs a stretch of text names ("across Lumen Media and Northwind Analytics")."""
    return [
        entry
        for entry in evidence.entries
        if entry.kind in _WORK_KINDS
        and entry.name
        and entry.months
        and any(
            word_pattern(alias, hyphen=False).search(span) for alias in company_aliases(entry.name)
        )
    ]


_CURRENT_JOB = re.compile(
    r"\b(?:my|our)\s+(?:current|day|present|present-day)\s+(?:job|role|employer|position|team)\b"
    r"|\bin\s+my\s+(?:current|present)\s+(?:job|role|position)\b",
    re.IGNORECASE,
)


def current_job(quantity: Quantity, text: str, evidence: Evidence) -> Entry | None:
    """ "… is what I have done at my day job for five years": the job still open (the work
    entry that ends last, at today's month)."""
    sentence = sentence_around(text, quantity.start)
    if not _CURRENT_JOB.search(text, sentence.start, sentence.end):
        return None
    jobs = [e for e in evidence.entries if e.kind == "work" and e.months and not e.internship]
    if not jobs:
        return None
    latest = max(jobs, key=lambda e: e.months[1] if e.months else 0)
    open_jobs = [e for e in jobs if e.months and latest.months and e.months[1] == latest.months[1]]
    return open_jobs[0] if len(open_jobs) == 1 else None


_PROJECT_WORD = re.compile(r"\b(?:side\s+|open-source\s+|weekend\s+)?projects?\b", re.IGNORECASE)


def named_project(quantity: Quantity, text: str, evidence: Evidence) -> Entry | None:
    """ "The side project, which I ran for three years: Skald": time on a project the sentence
    names (only one) is bounded by that project's dates."""
    sentence = sentence_around(text, quantity.start)
    body = text[sentence.start : sentence.end]
    if not _PROJECT_WORD.search(body):
        return None
    named = [
        e
        for e in evidence.entries
        if e.kind == "project" and e.name and e.months and word_pattern(e.name).search(body)
    ]
    return named[0] if len(named) == 1 else None


_WITH_SKILL = re.compile(
    r"\s*(?:of\s+(?:[a-z-]+\s+){0,2}(?:experience|work)\s+)?(?:with|using)\s+"
    r"(?P<skill>[A-Za-z][\w+#.-]*[A-Za-z0-9+#](?:\s+[A-Z][\w+#.-]*)?)"
)


def skill_months(quantity: Quantity, text: str, evidence: Evidence) -> tuple[float, str] | None:
    """ "two years of experience with pgvector": a skill the profile shows only in some jobs'
    or projects' entries bounds the time by their dates (a skills-list skill bounds nothing)."""
    from applykit.write.moved_work import skill_homes

    found = _WITH_SKILL.match(text, quantity.end)
    if not found:
        return None
    homes = skill_homes(found.group("skill"), evidence)
    held = [e for e in evidence.entries if e.name in homes and e.months]
    return (merged_years(held), held[0].id) if held else None


_FOR_THE_LAST = re.compile(
    r",\s*(?:and\s+)?(?:for|over|in)\s+(?:the\s+)?(?:last|past)\s+(?:\w+\s+){0,2}$", re.IGNORECASE
)
_THEN_NAME = re.compile(r"\s*,\s*(?:at\s+|with\s+)?")


def employer_after_aside(quantity: Quantity, text: str, evidence: Evidence) -> Entry | None:
    """ "… a telehealth company and, for the last three years, Sablewood Technologies, where I
    lead …": time set apart in commas right before an employer is time at that employer."""
    if not _FOR_THE_LAST.search(text, max(0, quantity.start - 50), quantity.start):
        return None
    gap = _THEN_NAME.match(text, quantity.end)
    if gap is None:
        return None
    for entry in evidence.entries:
        if entry.kind not in _WORK_KINDS or not entry.name or not entry.months:
            continue
        for alias in company_aliases(entry.name):
            if word_pattern(alias, hyphen=False).match(text, gap.end()):
                return entry
    return None
