"""Choose what a letter says before any wording: facts from the profile, spans of the posting.

The plan follows the structure a hiring manager keeps reading: why this role (a concrete line
of the posting), a quantified accomplishment matched to the top requirement, a second one
from a different role or project, a bridge to outcomes, and a close.
"""

from __future__ import annotations

import math
import re
import zlib
from dataclasses import dataclass

from applykit.backends.grounded import starts_with_past_verb
from applykit.models.documents import LetterPlan, PlannedFact
from applykit.models.fit import FitReport
from applykit.models.posting import Posting, Requirement
from applykit.models.profile import Profile
from applykit.write.claims import find_quantities
from applykit.write.evidence import entry_id, fact_id, posting_text
from applykit.write.text_units import content_stems, sentence_spans

_OUTCOME_WORDS = re.compile(
    r"\b(customers?|users?|merchants?|patients?|clients?|trust|trustworthy|revenue|loss(es)?|"
    r"growth|impact|business(es)?|outcomes?|safe|safety|decisions?|lives|communities|players|"
    r"readers|listeners|sellers|buyers|drivers|riders|makers|insurers|students)\b",
    re.I,
)
_NOT_OUTCOME = re.compile(
    r"\d|[>|]|benefit|vacation|salary|equal opportunity|apply|visa|relocation|degree|years of",
    re.I,
)
MAX_QUOTE_CHARS = 220


@dataclass
class _Candidate:
    fact: PlannedFact
    stems: set[str]
    quantified: bool
    score: float = 0.0


def _facts(profile: Profile) -> list[_Candidate]:
    found: list[_Candidate] = []
    for i, work in enumerate(profile.work):
        for j, fact in enumerate(work.highlights):
            planned = PlannedFact(
                fact_id=fact_id(fact, entry_id(work.id, "work", i), j),
                text=fact.text,
                organization=work.name,
                role=work.position,
                section="work",
            )
            found.append(_candidate(planned))
    for i, project in enumerate(profile.projects):
        for j, fact in enumerate(project.highlights):
            planned = PlannedFact(
                fact_id=fact_id(fact, entry_id(project.id, "project", i), j),
                text=fact.text,
                organization=project.name,
                section="projects",
            )
            found.append(_candidate(planned))
    for i, volunteer in enumerate(profile.volunteer):
        for j, fact in enumerate(volunteer.highlights):
            planned = PlannedFact(
                fact_id=fact_id(fact, entry_id(volunteer.id, "volunteer", i), j),
                text=fact.text,
                organization=volunteer.organization,
                role=volunteer.position,
                section="volunteer",
            )
            found.append(_candidate(planned))
    return found


def _candidate(fact: PlannedFact) -> _Candidate:
    quantified = any(q.kind != "date" for q in find_quantities(fact.text))
    return _Candidate(fact, content_stems(fact.text), quantified)


def _flat(requirements: list[Requirement]) -> list[Requirement]:
    flat: list[Requirement] = []
    for requirement in requirements:
        flat.append(requirement)
        flat.extend(_flat(requirement.children))
    return flat


def _overlap(a: set[str], b: set[str]) -> float:
    return len(a & b) / (1.0 + math.sqrt(len(a)))


def _score(candidates: list[_Candidate], posting: Posting, fit: FitReport) -> None:
    posting_stems = content_stems(posting_text(posting))
    relevance: dict[str, float] = {}
    for experience in fit.experiences:
        for bullet in experience.bullets:
            relevance[bullet.fact_id] = max(relevance.get(bullet.fact_id, 0.0), bullet.relevance)
    for requirement in fit.requirements:
        for evidence in requirement.evidence:
            bonus = 0.3 if requirement.kind == "required" else 0.15
            relevance[evidence.fact_id] = relevance.get(evidence.fact_id, 0.0) + bonus
    for candidate in candidates:
        lexical = _overlap(candidate.stems, posting_stems)
        candidate.score = (
            relevance.get(candidate.fact.fact_id, 0.0)
            + 0.25 * lexical
            + (0.5 if candidate.quantified else 0.0)
            + (0.2 if starts_with_past_verb(candidate.fact.text) else 0.0)
        )


def _top_requirement(posting: Posting, fit: FitReport, best: _Candidate) -> str | None:
    """The posting's requirement this accomplishment answers: the fit's evidence, else words."""
    for requirement in fit.requirements:
        if any(e.fact_id == best.fact.fact_id for e in requirement.evidence):
            return requirement.text
    options = [r.text for r in _flat(posting.requirements)] + posting.responsibilities
    scored = [(_overlap(best.stems, content_stems(text)), text) for text in options]
    scored = [item for item in scored if item[0] > 0 and len(item[1]) <= MAX_QUOTE_CHARS]
    return max(scored)[1] if scored else None


def _why_role(posting: Posting, profile_stems: set[str]) -> str | None:
    lines = [line for line in posting.responsibilities if len(line) <= MAX_QUOTE_CHARS]
    if not lines:
        return None
    return max(lines, key=lambda line: _overlap(content_stems(line), profile_stems))


def _outcome(posting: Posting, exclude: set[str]) -> str | None:
    text = posting_text(posting)
    sentences = [text[s.start : s.end].strip() for s in sentence_spans(text)]
    sentences = posting.company_facts + sentences
    best: tuple[int, str] | None = None
    for sentence in sentences:
        sentence = sentence.strip(" -*•#")
        if len(sentence) > MAX_QUOTE_CHARS or len(sentence) < 40 or sentence in exclude:
            continue
        if _NOT_OUTCOME.search(sentence) or len(sentence.split()) < 8:
            continue
        hits = len(_OUTCOME_WORDS.findall(sentence))
        if hits and (best is None or hits > best[0]):
            best = (hits, sentence)
    return best[1] if best else None


def _skills(profile: Profile, posting: Posting, fit: FitReport) -> list[str]:
    keywords = [k for group in profile.skills for k in group.keywords]
    lowered = {k.lower(): k for k in keywords}
    chosen: list[str] = []
    for emphasis in fit.skills_to_emphasize:
        for name in (emphasis.name, emphasis.canonical):
            if name.lower() in lowered and lowered[name.lower()] not in chosen:
                chosen.append(lowered[name.lower()])
                break
    text = posting_text(posting).lower()
    for keyword in keywords:
        if len(chosen) >= 3:
            break
        pattern = r"(?<![\w-])" + re.escape(keyword.lower()) + r"(?![\w-])"
        if keyword not in chosen and re.search(pattern, text):
            chosen.append(keyword)
    return chosen[:3]


def plan_letter(profile: Profile, posting: Posting, fit: FitReport) -> LetterPlan:
    """Pick the facts and posting lines a letter will use (deterministic)."""
    candidates = _facts(profile)
    _score(candidates, posting, fit)
    ranked = sorted(candidates, key=lambda c: c.score, reverse=True)
    quantified = [c for c in ranked if c.quantified] or ranked
    accomplishments: list[_Candidate] = []
    if quantified:
        accomplishments.append(quantified[0])
        first_org = quantified[0].fact.organization
        second = next((c for c in quantified[1:] if c.fact.organization != first_org), None)
        second = second or next(iter(quantified[1:]), None)
        if second is not None:
            accomplishments.append(second)
    used = {c.fact.fact_id for c in accomplishments}
    extra = [c for c in quantified if c.fact.fact_id not in used][:4]
    profile_stems: set[str] = set()
    for candidate in ranked[:6]:
        profile_stems |= candidate.stems
    why = _why_role(posting, profile_stems)
    top = _top_requirement(posting, fit, accomplishments[0]) if accomplishments else None
    seed = f"{posting.company}|{posting.title}".encode()
    return LetterPlan(
        candidate=profile.basics.name,
        email=profile.basics.email,
        phone=profile.basics.phone,
        company=posting.company,
        position=posting.title,
        team=posting.team,
        why_role=why,
        top_requirement=top if top != why else None,
        outcome=_outcome(posting, {why or "", top or ""}),
        accomplishments=[c.fact for c in accomplishments],
        extra=[c.fact for c in extra],
        skills=_skills(profile, posting, fit),
        variant=zlib.crc32(seed) % 2,
    )
