"""Bullets in the posting's words, only where the fact supports it; what to defend.

Two kinds of rewrite:

* alias normalisation (always, no model): a skill the fact names in other words
  ("sklearn", "k8s") is written the way the posting writes it ("scikit-learn",
  "Kubernetes") when both resolve to the same taxonomy entry;
* a model backend (optional) may reword a bullet toward the posting's terms; its text must
  pass the grounding guard, keep every number of the original and stay near its length,
  or the original comes back and the attempt is recorded as "reverted".
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field

from applykit.errors import BackendUnavailable
from applykit.models.documents import ResumeBullet, ResumeChange, TailoredResume
from applykit.models.fit import FitReport
from applykit.models.posting import Posting
from applykit.models.profile import Profile

if TYPE_CHECKING:
    from applykit.backends.base import Backend

MAX_MODEL_REWRITES = 4
"""Model rewrites per resume: the most relevant bullets with posting terms they lack."""
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


class BulletRewrite(BaseModel):
    # No docstring: it would become the schema's description, which small models echo.
    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, max_length=800)


def _posting_names(posting: Posting) -> dict[str, str]:
    """Canonical skill (casefolded) → its standard name, for skills the posting writes
    by their standard name (its skills list and every requirement's skills)."""
    names: dict[str, str] = {}
    refs = list(posting.skills)
    stack = list(posting.requirements)
    while stack:
        requirement = stack.pop(0)
        refs.extend(requirement.skills)
        stack.extend(requirement.children)
    for ref in refs:
        if ref.name.strip().casefold() == ref.canonical.strip().casefold():
            names.setdefault(ref.canonical.casefold(), ref.name.strip())
    return names


def _same_word(a: str, b: str) -> bool:
    """Equal but for case or a plural "s": no rewrite is worth that."""
    return a.casefold().rstrip("s") == b.casefold().rstrip("s")


def is_short_form(alias: str, name: str) -> bool:
    """Whether `alias` spells `name` in short: "sklearn" / "scikit-learn", "Postgres" /
    "PostgreSQL", "k8s" / "Kubernetes". Acronyms are left alone.

    The taxonomy also files tools under their category ("Airflow" under "workflow
    orchestration"); those are different words for different things and fail this test.
    """
    if alias.isupper():
        return False  # an acronym ("ML", "LLM") reads well as it is; expanded it often does not
    short = re.sub(r"[^a-z0-9]", "", alias.casefold())
    long = re.sub(r"[^a-z0-9]", "", name.casefold())
    if not short or not long or short[0] != long[0]:
        return False
    numeronym = re.fullmatch(r"([a-z])(\d+)([a-z])", short)
    if numeronym:
        first, count, last = numeronym.groups()
        return len(long) == int(count) + 2 and long[0] == first and long[-1] == last
    letters = iter(long)
    return all(char in letters for char in short)


def normalise_aliases(text: str, posting_names: dict[str, str]) -> tuple[str, list[str]]:
    """`text` with each skill it names by an alias ("sklearn") written by the standard
    name the posting uses ("scikit-learn"); the swaps made.

    Only a mention that resolves to exactly the skill the posting names is swapped, and
    only to that skill's standard name, so the fact still says what it said.
    """
    from applykit.skills import extract_skills

    swaps: list[str] = []
    pieces: list[str] = []
    last = 0
    for mention in extract_skills(text):
        wanted = posting_names.get(mention.canonical.casefold())
        if wanted is None or _same_word(wanted, mention.text):
            continue
        if not is_short_form(mention.text, wanted):
            continue
        pieces.append(text[last : mention.start])
        pieces.append(wanted)
        last = mention.end
        swaps.append(f"{mention.text} → {wanted}")
    pieces.append(text[last:])
    return "".join(pieces), swaps


def _bullets(resume: TailoredResume) -> list[tuple[str, ResumeBullet]]:
    return [
        (f"{entry.title}, {entry.organization}".strip(", "), bullet)
        for section in resume.sections
        for entry in section.entries
        for bullet in entry.bullets
    ]


def rewrite_bullets(
    resume: TailoredResume, profile: Profile, posting: Posting, backend: Backend | None
) -> None:
    """Rewrite in place: aliases always, a model backend's wording when it holds up."""
    names = _posting_names(posting)
    for label, bullet in _bullets(resume):
        text, swaps = normalise_aliases(bullet.text, names)
        if swaps:
            resume.changes.append(
                ResumeChange(
                    kind="rewritten",
                    detail=f"{label}: the posting's words for the same skill: " + "; ".join(swaps),
                    fact_id=bullet.fact_id,
                    before=bullet.text,
                    after=text,
                )
            )
            bullet.text, bullet.rewritten = text, True
    if backend is None or not backend.needs_model:
        return
    candidates = [
        (label, bullet)
        for label, bullet in _bullets(resume)
        if any(term.casefold() not in bullet.text.casefold() for term in bullet.posting_terms)
    ]
    candidates.sort(key=lambda item: -item[1].relevance)
    for label, bullet in candidates[:MAX_MODEL_REWRITES]:
        _model_rewrite(label, bullet, resume, profile, posting, backend)


def _prompt_text(bullet: ResumeBullet, posting: Posting) -> tuple[str, str]:
    missing = [t for t in bullet.posting_terms if t.casefold() not in bullet.text.casefold()]
    system = (
        "You edit one resume bullet. Keep every fact, number and name exactly; add nothing "
        "that the bullet does not already say. Where the bullet describes the same thing, use "
        'the job posting\'s words. Answer with JSON {"text": "..."} only.'
    )
    user = (
        f"Posting title: {posting.title or 'unknown'}\n"
        f"Posting terms this bullet supports: {', '.join(missing)}\n"
        f"Bullet: {bullet.text}"
    )
    return system, user


def _holds_up(original: str, rewrite: str, profile: Profile, posting: Posting) -> str | None:
    """Why `rewrite` cannot replace `original`, or None when it may."""
    from applykit.write.grounding import check_grounding, describe_untraced

    if not rewrite.strip():
        return "empty"
    if len(rewrite) > max(1.5 * len(original), len(original) + 80):
        return "much longer than the fact"
    if sorted(_NUMBER.findall(rewrite)) != sorted(_NUMBER.findall(original)):
        return "numbers differ from the fact"
    report = check_grounding(rewrite, profile, posting)
    if not report.ok:
        return "untraced: " + describe_untraced(report, limit=3)
    return None


def _model_rewrite(
    label: str,
    bullet: ResumeBullet,
    resume: TailoredResume,
    profile: Profile,
    posting: Posting,
    backend: Backend,
) -> None:
    from applykit.backends.base import Prompt

    system, user = _prompt_text(bullet, posting)
    options = backend.options(
        max_tokens=min(400, len(bullet.text) // 3 + 64), temperature=0.2, schema_retries=1
    )
    try:
        generation = backend.generate(
            Prompt(system=system, user=user, fallback=bullet.text),
            schema=BulletRewrite,
            options=options,
        )
    except BackendUnavailable as error:
        resume.warnings.append(f"rewrite skipped ({backend.name}): {error.what}")
        return
    parsed = BulletRewrite.model_validate(generation.parsed or {"text": generation.text})
    rewrite = re.sub(r"\s+", " ", parsed.text).strip()
    if rewrite == bullet.text:
        return
    problem = _holds_up(bullet.original_text, rewrite, profile, posting)
    kind = "reverted" if problem else "rewritten"
    resume.changes.append(
        ResumeChange(
            kind=kind,
            detail=f"{label}: {backend.name} rewrite "
            + (f"reverted ({problem})" if problem else "in the posting's terms"),
            fact_id=bullet.fact_id,
            before=bullet.text,
            after=rewrite,
        )
    )
    if problem is None:
        bullet.text, bullet.rewritten = rewrite, True


def defend_points(resume: TailoredResume, fit: FitReport) -> list[str]:
    """What the candidate must be ready to talk about: numbers, new words, bare skills."""
    points: list[str] = []
    for label, bullet in sorted(_bullets(resume), key=lambda item: -item[1].relevance):
        if bullet.rewritten:
            points.append(f"{label}: reworded as “{bullet.text}”; explain it in your own words")
        elif _NUMBER.search(bullet.text):
            points.append(f"{label}: how you measured the numbers in “{bullet.text}”")
    shown = {s.canonical.casefold() for s in fit.skills_to_emphasize if s.fact_ids}
    emphasised = {s.canonical.casefold(): s.canonical for s in fit.skills_to_emphasize}
    for key, skill in emphasised.items():
        if key not in shown and any(skill.casefold() == s.casefold() for s in resume.skills):
            points.append(f"{skill}: listed in your skills, but no bullet shows it; have a story")
    return points[:12]
