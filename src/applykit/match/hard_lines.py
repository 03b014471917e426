"""Requirement lines decided by a rule rather than by evidence: degree, years, work
authorization, and spoken languages (checked against the profile's `languages`)."""

from __future__ import annotations

import datetime as dt
import re

from applykit.match.eligibility import (
    authorization_check,
    degree_check,
    degree_in_text,
    states_authorization_rule,
    years_check,
    years_in_text,
)
from applykit.match.text import mentions, shorten, slug
from applykit.models.fit import EligibilityCheck, Evidence, FitStatus, RequirementFit
from applykit.models.posting import Requirement
from applykit.models.profile import Profile

_OPTIONAL = re.compile(
    r"\b(helpful|nice to have|a plus|is a bonus|preferred|not required|not necessary|"
    r"optional|or equivalent (practical )?experience)\b",
    re.I,
)
_LANGUAGE_CUE = re.compile(
    r"\b(fluent|fluency|spoken|written|native|proficien\w*|language skills|speak\w*|"
    r"[abc][12])\b",
    re.I,
)
_STRONG_FLUENCY = re.compile(
    r"\b(native|fluent|bilingual|full professional|professional|c1|c2|advanced|mother)\b", re.I
)
_METHOD = {
    "degree": "degree",
    "years_experience": "years",
    "work_authorization": "authorization",
}
HARD_METHODS = frozenset({"degree", "years", "authorization"})


def hard_check(
    requirement: Requirement, profile: Profile, today: dt.date, countries: list[str]
) -> EligibilityCheck | None:
    """The eligibility check a line amounts to, or None when it is an ordinary line.

    A degree the line calls optional ("helpful but not required") is not a hard line.
    """
    text = requirement.text
    if states_authorization_rule(text):
        return authorization_check(text, countries, profile)
    degree = degree_in_text(text)
    if degree is not None:
        optional = _OPTIONAL.search(text)
        if optional is None or "equivalent" in optional.group(0).lower():
            return degree_check(degree, profile, today)
        return None
    years = years_in_text(text)
    if years is not None:
        return years_check(years, profile, today)
    return None


_DEGREE_WORD = re.compile(r"\b(degree|diploma|bachelor|master|ph\.?\s?d|msc|bsc)\b", re.I)


def optional_degree_span(text: str) -> tuple[int, int] | None:
    """The characters of "a degree in X or Y is helpful but not required": what the
    posting names there is optional, so it is not a need."""
    cue = _OPTIONAL.search(text)
    if cue is None or "equivalent" in cue.group(0).lower():
        return None
    starts = [m.start() for m in _DEGREE_WORD.finditer(text, 0, cue.start())]
    return (starts[-1], cue.end()) if starts else None


def hard_fit(
    requirement: Requirement, check: EligibilityCheck, extra: list[Evidence]
) -> RequirementFit:
    status: FitStatus = (
        "met" if check.status == "met" else "partial" if check.status == "unclear" else "gap"
    )
    return RequirementFit(
        requirement_id=requirement.id,
        text=requirement.text,
        kind=requirement.kind,
        status=status,
        confidence=0.9 if check.status != "unclear" else 0.5,
        explanation=f"Hard requirement ({check.name.replace('_', ' ')}): {check.explanation}",
        evidence=[
            Evidence(
                fact_id={"degree": "education", "years_experience": "work"}.get(
                    check.name, "preferences"
                ),
                quote=check.found,
                matched=shorten(check.required, 80),
                method=_METHOD[check.name],
                score=1.0 if check.status == "met" else 0.0,
            ),
            *extra[:2],
        ],
    )


def language_fit(requirement: Requirement, profile: Profile) -> RequirementFit | None:
    """A spoken-language line ("Fluent English", "German B1") against `languages`."""
    text = requirement.text
    if not _LANGUAGE_CUE.search(text):
        return None
    named = [lang for lang in profile.languages if mentions(text, lang.language)]
    if not named:
        return None
    evidence = [
        Evidence(
            fact_id=f"languages/{slug(lang.language)}",
            quote=f"{lang.language}: {lang.fluency or 'level not stated'}",
            matched=lang.language,
            method="language",
            score=1.0 if _STRONG_FLUENCY.search(lang.fluency or "") else 0.5,
        )
        for lang in named
    ]
    strong = all(e.score == 1.0 for e in evidence)
    status: FitStatus = "met" if strong else "partial"
    levels = "; ".join(e.quote for e in evidence)
    why = "your level meets it" if strong else "check your level against the one asked"
    return RequirementFit(
        requirement_id=requirement.id,
        text=text,
        kind=requirement.kind,
        status=status,
        confidence=0.85 if strong else 0.6,
        explanation=f"{status.capitalize()}: languages in your profile: {levels}; {why}.",
        evidence=evidence,
    )
