"""Work told as another job's: "at Northwind I migrated feature pipelines from cron jobs to
Spark on Airflow" tells a story that only Lumen Media's facts hold.

A careful reader checks the job a sentence attributes work to ("at X I …", "at X, a streaming
service, I …", "at X in Stockholm, where I …", or after the work: "I migrated … to Spark on
Airflow at X, cutting …") against the facts of that job. When the words
that follow the job's name are plainly one fact of *another* job (four of its content words,
twice as many as any fact of the named job shares), the attribution is refused at the name,
whether or not a number comes with it. Skills get the same check (`moved_skills`): one that the
profile shows only in some jobs' or projects' entries is refused when claimed at another job.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING

from applykit.write.grounding_words import lemma_set
from applykit.write.text_units import sentence_around

if TYPE_CHECKING:
    from applykit.models.documents import Claim
    from applykit.write.evidence import Evidence, Source

_ATTRIBUTED = re.compile(
    r"(?:\b(?:at|with|for|while\s+at|when\s+at)\s+(?:the\s+)?$)", re.IGNORECASE
)
_NOT_THIS_JOB = re.compile(
    r"\b(?:before|prior\s+to|after|since|until|than|unlike|leaving|left|joining|joined|to)\s+"
    r"(?:joining\s+|leaving\s+|at\s+)?$",
    re.IGNORECASE,
)
_STORY_START = re.compile(
    r"^(?:\s+in\s+[A-Z][\w-]*)?(?:,\s+an?\s+[^,.;]{0,60},)?[,\s]*(?:where\s+)?(?:I|we)\b"
)
"""… "at Lumen Media in Stockholm, where I …", "at Lumen Media, a streaming service, I …"."""


@functools.lru_cache(maxsize=2048)
def _lemmas(text: str) -> frozenset[str]:
    return lemma_set(text)


def moved_work(claims: list[Claim], text: str, evidence: Evidence) -> list[Claim]:
    """The claims, with an employer name refused where the work told after it is another
    job's (see the module docstring)."""
    jobs = {e.name: e for e in evidence.entries if e.kind in {"work", "volunteer"} and e.name}
    projects = {e.name for e in evidence.entries if e.kind == "project" and e.name}
    summaries = {e.id: e.name for e in evidence.entries if e.name in jobs or e.name in projects}
    facts: list[tuple[str, Source]] = []  # a project's work told at a job is moved work too
    for source in evidence.sources:
        owner = source.context.split(" · ")[0] if source.is_fact else summaries.get(source.id, "")
        if owner in jobs or owner in projects:
            facts.append((owner, source))  # its facts, and its summary or description
    if not facts:
        return claims
    result = []
    for claim in claims:
        named = _named_job(claim, jobs)
        if named is None or not claim.traced:
            result.append(claim)
            continue
        owner = named
        before = text[max(0, claim.start - 20) : claim.start]
        sentence = sentence_around(text, claim.start)
        story = _story(claim, text, sentence.end, jobs)
        possessed = _possessed_work(claim, text, sentence.end, before)
        if possessed is not None:
            story = possessed  # "Migrated Parcelly's feature pipelines … to Spark on Airflow"
        elif not _ATTRIBUTED.search(before) or _NOT_THIS_JOB.search(before):
            result.append(claim)
            continue
        story = story if story is not None else _story_before(claim, text, sentence.start, jobs)
        if story is None:
            result.append(claim)
            continue
        words = _lemmas(story)
        own_best = max((len(words & _lemmas(s.text)) for o, s in facts if o == owner), default=0)
        other = max(
            ((len(words & _lemmas(s.text)), o) for o, s in facts if o != owner),
            default=(0, ""),
        )
        if other[0] >= 4 and other[0] >= 2 * max(1, own_best):
            note = f"tells work from {other[1]}'s facts as work at {owner}"
            result.append(claim.model_copy(update={"traced": False, "source": None, "note": note}))
        else:
            result.append(claim)
    return result


def _named_job(claim: Claim, jobs: Mapping[str, object]) -> str | None:
    return _alias_index(tuple(jobs)).get(claim.text.lower())


@functools.lru_cache(maxsize=64)
def _alias_index(names: tuple[str, ...]) -> dict[str, str]:
    from applykit.write.evidence import company_aliases

    return {alias.lower(): name for name in reversed(names) for alias in company_aliases(name)}


def _story(claim: Claim, text: str, end: int, jobs: Mapping[str, object]) -> str | None:
    """The work told right after the job's name: from "I …" to the end of the sentence or to
    the next job named."""
    from applykit.write.evidence import company_aliases

    rest = text[claim.end : end]
    start = _STORY_START.match(rest)
    if start is None:
        return None
    cut = len(rest)
    for name in jobs:
        for alias in company_aliases(name):
            found = re.search(rf"\b{re.escape(alias)}\b", rest)
            if found:
                cut = min(cut, found.start())
    return rest[: min(cut, 400)]


_POSSESSIVE = re.compile(r"['’]s\s")
_WORK_VERB_BEFORE = re.compile(
    r"(?:^|[|;:>*-]\s*|\b(?:I|we)\s+)(?:re)?(?:migrated|built|designed|scaled|rebuilt|ran|led|"
    r"moved|shipped|automated|replaced|cut|sped\s+up|owned)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _possessed_work(claim: Claim, text: str, end: int, before: str) -> str | None:
    """ "Migrated Parcelly's feature pipelines from cron jobs to Spark …": work told as done on
    a job's own systems is work at that job; the story runs to the end of its clause or cell."""
    if not _POSSESSIVE.match(text, claim.end) or not _WORK_VERB_BEFORE.search(before):
        return None
    rest = text[claim.end + 2 : end]
    stop = re.search(r"[|;]|\.\s", rest)
    return rest[: stop.start() if stop else 400]


_TRAILING_AT = re.compile(r"\s+at\s+(?:the\s+)?$", re.IGNORECASE)
_WORK_STARTS = re.compile(r"[|;:(]|\s[-–—]\s|^\s*[-*]\s")
_TRAILING_END = re.compile(r"\s*(?:[,.;|)]|$)")


def _story_before(claim: Claim, text: str, start: int, jobs: Mapping[str, object]) -> str | None:
    """The work told right before "at X" that ends its clause ("Migrated feature pipelines … to
    Spark on Airflow at X, cutting …"): from the clause's start (the sentence, a table cell, a
    list item, after a semicolon or colon) to the name; none when a job is named earlier in the
    sentence or the clause is about the company or a plan."""
    from applykit.write.evidence import company_aliases

    before = text[max(start, claim.start - 400) : claim.start]
    if not _TRAILING_AT.search(before) or not _TRAILING_END.match(text, claim.end):
        return None
    cuts = list(_WORK_STARTS.finditer(before))
    story = before[cuts[-1].end() :] if cuts else before
    if any(
        re.search(rf"\b{re.escape(alias)}\b", before)
        for name in jobs
        for alias in company_aliases(name)
    ):
        return None
    if re.search(r"\b(?:you|your|would|could|might|will)\b", story, re.IGNORECASE):
        return None  # the company's work or a plan, not the record
    return story


# --- a skill the profile places at one job, claimed at another ----------------------------------


def moved_skills(claims: list[Claim], text: str, evidence: Evidence) -> list[Claim]:
    """A skill or system the profile shows only in the entries of some jobs or projects
    ("RAG": the weekend project Skald), claimed in a clause that names another job ("put a
    retrieval-augmented generation system into production at Northwind"), is refused; a skill
    of the profile's skills list or summary may be claimed at any job."""
    from applykit.write.claims import Quantity
    from applykit.write.evidence import company_aliases
    from applykit.write.grounding_entities import owner_named

    owners = [e for e in evidence.entries if e.kind in {"work", "project", "volunteer"} and e.name]
    names = sorted({a for e in owners for a in company_aliases(e.name)}, key=len, reverse=True)
    mentions = [m.start() for m in _names_pattern(tuple(names)).finditer(text)] if names else []
    if not mentions:
        return claims
    sources = tuple(evidence.sources)
    entries = tuple((e.id, e.name) for e in owners)
    result = []
    for claim in claims:
        if claim.kind not in {"skill", "product"} or not claim.traced or not claim.source:
            result.append(claim)
            continue
        sentence = sentence_around(text, claim.start)
        if not any(sentence.start <= m < sentence.end for m in mentions):
            result.append(claim)
            continue
        homes = _homes(claim.text, sources, entries)
        if not homes:
            result.append(claim)
            continue
        probe = Quantity(claim.text, claim.start, claim.end, 0.0, "", "number")
        named = [e for e in owner_named(probe, text, [], evidence) if e.name]
        if not named or any(e.name in homes or e.name == claim.text for e in named):
            result.append(claim)
            continue
        note = f"shown at {', '.join(sorted(homes))} in the profile, claimed for {named[0].name}"
        result.append(claim.model_copy(update={"traced": False, "source": None, "note": note}))
    return result


def skill_homes(name: str, evidence: Evidence) -> frozenset[str]:
    """The jobs and projects whose entries alone show the skill `name` (empty when a general part
    of the profile shows it, or nothing does)."""
    owners = [e for e in evidence.entries if e.kind in {"work", "project", "volunteer"} and e.name]
    return _homes(name, tuple(evidence.sources), tuple((e.id, e.name) for e in owners))


@functools.lru_cache(maxsize=64)
def _names_pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b")


@functools.lru_cache(maxsize=1024)
def _acronym(phrase: str) -> str:
    parts = re.findall(r"[A-Za-z]+", phrase)
    return "".join(part[0] for part in parts).upper() if len(parts) >= 2 else ""


@functools.lru_cache(maxsize=4096)
def _homes(
    name: str, sources: tuple[Source, ...], entries: tuple[tuple[str, str], ...]
) -> frozenset[str]:
    """The jobs and projects whose entries show `name` (or its acronym); empty when a general
    part of the profile (skills, summary, education …) shows it too, or nothing does."""
    from applykit.write.evidence import phrase_pattern

    patterns = [phrase_pattern(name)]
    if _acronym(name):
        patterns.append(re.compile(rf"\b{_acronym(name)}\b"))
    names = dict(entries)
    homes: set[str] = set()
    for source in sources:
        if not any(p.search(source.text) for p in patterns):
            continue
        owner = source.context.split(" · ")[0] if source.is_fact else names.get(source.id)
        if not owner:
            return frozenset()  # the skills list, the summary …: not tied to one job
        homes.add(owner)
    return frozenset(homes)
