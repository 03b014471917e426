"""Hard requirements, reported on their own: degree, years, work authorization, location.

These are not averaged into the fit score: a missing degree is not "20% less fit", it may
be a screen-out, and the person should see it plainly.
"""

from __future__ import annotations

import datetime as dt
import re

from applykit.match.text import mentions
from applykit.models.fit import EligibilityCheck, EligibilityStatus
from applykit.models.posting import Degree, Posting, YearsExperience
from applykit.models.profile import Education, Profile, Work

DEGREE_ORDER = {"associate": 1, "bachelor": 2, "master": 3, "phd": 4}
_DEGREE_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("phd", re.compile(r"\b(ph\.?\s?d|doctor(ate)?|d\.?phil)\b", re.I)),
    ("master", re.compile(r"\b(master|m\.?sc?|m\.?eng|mba|m\.?a\.?|m\.?s\.?)\b", re.I)),
    ("bachelor", re.compile(r"\b(bachelor|b\.?sc?|b\.?eng|b\.?a\.?|b\.?s\.?|undergrad)", re.I)),
    ("associate", re.compile(r"\bassociate", re.I)),
]


def degree_level(text: str | None) -> str | None:
    """'Master of Science' → 'master'; None when no level is named."""
    if not text:
        return None
    for level, pattern in _DEGREE_PATTERNS:
        if pattern.search(text):
            return level
    return None


def parse_partial_date(value: str | None, today: dt.date, *, end: bool) -> dt.date | None:
    """'2021', '2021-07', '2021-07-15' or 'present' as a date (a month's end for an end)."""
    if value is None:
        return None
    if value == "present":
        return today
    parts = [int(p) for p in value.split("-")]
    year = parts[0]
    month = parts[1] if len(parts) > 1 else (12 if end else 1)
    if len(parts) > 2:
        return dt.date(year, month, parts[2])
    if end:
        following = dt.date(year + month // 12, month % 12 + 1, 1)
        return following - dt.timedelta(days=1)
    return dt.date(year, month, 1)


def years_of_experience(work: list[Work], today: dt.date) -> float:
    """Total years across roles, overlapping periods counted once; no end = today."""
    spans: list[tuple[dt.date, dt.date]] = []
    for role in work:
        start = parse_partial_date(role.startDate, today, end=False)
        if start is None:
            continue
        finish = parse_partial_date(role.endDate, today, end=True) if role.endDate else today
        if finish is None or finish < start:
            continue
        spans.append((start, min(finish, today)))
    spans.sort()
    total = 0
    current: tuple[dt.date, dt.date] | None = None
    for start, finish in spans:
        if current is None or start > current[1]:
            if current is not None:
                total += (current[1] - current[0]).days
            current = (start, finish)
        else:
            current = (current[0], max(current[1], finish))
    if current is not None:
        total += (current[1] - current[0]).days
    return round(total / 365.25, 1)


def _in_progress(school: Education, today: dt.date) -> bool:
    finish = parse_partial_date(school.endDate, today, end=True)
    return finish is None or finish > today


def check_degree(posting: Posting, profile: Profile, today: dt.date) -> EligibilityCheck | None:
    return None if posting.degree is None else degree_check(posting.degree, profile, today)


def degree_check(wanted: Degree, profile: Profile, today: dt.date) -> EligibilityCheck:
    """Whether the profile's education meets `wanted` (a completed degree at that level or
    above; for "currently pursuing", a degree in progress)."""
    need = DEGREE_ORDER[wanted.level]
    required = wanted.raw or f"{wanted.level} degree" + (
        " (in progress)" if wanted.in_progress else ""
    )
    held = []
    for school in profile.education:
        level = degree_level(school.studyType) or degree_level(school.area)
        if level is not None:
            held.append((level, school, _in_progress(school, today)))
    if not held:
        return EligibilityCheck(
            name="degree",
            status="unclear",
            required=required,
            found="no degree in the profile",
            explanation="The profile lists no degree; add your education if you have one.",
        )

    def describe(level: str, school: Education, ongoing: bool) -> str:
        name = school.studyType or level
        where = f", {school.institution}" if school.institution else ""
        return f"{name}{where}" + (" (in progress)" if ongoing else "")

    found = "; ".join(describe(*entry) for entry in held)
    if wanted.in_progress:
        ongoing = [e for e in held if e[2] and DEGREE_ORDER[e[0]] >= need]
        if ongoing:
            return EligibilityCheck(
                name="degree",
                status="met",
                required=required,
                found=describe(*ongoing[0]),
                explanation="The posting asks for a degree in progress and you are enrolled.",
            )
        return EligibilityCheck(
            name="degree",
            status="not_met",
            required=required,
            found=found,
            explanation="The posting is for people currently studying; the profile shows no "
            "degree in progress.",
        )
    done = [e for e in held if not e[2] and DEGREE_ORDER[e[0]] >= need]
    if done:
        best = max(done, key=lambda e: DEGREE_ORDER[e[0]])
        return EligibilityCheck(
            name="degree",
            status="met",
            required=required,
            found=describe(*best),
            explanation=f"Your {best[0]} degree meets the {wanted.level} level asked for.",
        )
    equivalent = "equivalent" in (wanted.raw or "").lower()
    return EligibilityCheck(
        name="degree",
        status="unclear" if equivalent else "not_met",
        required=required,
        found=found,
        explanation="No completed degree at that level"
        + ("; the posting accepts equivalent experience." if equivalent else "."),
    )


_PURSUING = re.compile(r"\b(currently (pursuing|enrolled)|pursuing|enrolled in)\b", re.I)
_YEARS = re.compile(
    r"\b(\d{1,2})\s*\+?\s*(?:(?:-|–|to)\s*\d{1,2}\s*)?\+?\s*(?:years?|yrs?)\b", re.I
)


def degree_in_text(text: str) -> Degree | None:
    """The lowest degree level a requirement line names ("Master's or PhD" → master)."""
    if not re.search(
        r"degree|bachelor|master|ph\.?\s?d|doctor|\bb\.?sc?\b|\bm\.?sc?\b", text, re.I
    ):
        return None
    levels = [lvl for lvl, pattern in _DEGREE_PATTERNS if pattern.search(text)]
    if not levels:
        return None
    lowest = min(levels, key=lambda lvl: DEGREE_ORDER[lvl])
    return Degree(level=lowest, in_progress=bool(_PURSUING.search(text)), raw=text)


def years_in_text(text: str) -> YearsExperience | None:
    """'5+ years of experience …' → at least 5 years."""
    found = _YEARS.search(text)
    if found is None:
        return None
    return YearsExperience(min=float(found.group(1)), raw=text)


def check_years(posting: Posting, profile: Profile, today: dt.date) -> EligibilityCheck | None:
    wanted = posting.years_experience
    if wanted is None or not wanted.min:  # none, or "0-2 years": nothing to check
        return None
    return years_check(wanted, profile, today)


def years_check(wanted: YearsExperience, profile: Profile, today: dt.date) -> EligibilityCheck:
    """Whether the profile's total years of work reach `wanted.min`."""
    minimum = wanted.min or 0.0
    have = years_of_experience(profile.work, today)
    required = wanted.raw or f"{minimum:g}+ years"
    found = f"{have:g} years across {len(profile.work)} roles (overlaps counted once)"
    status: EligibilityStatus
    if have >= minimum:
        status, why = "met", f"You have {have:g} years; the posting asks for {minimum:g}."
    elif have >= 0.8 * minimum:
        status, why = "unclear", f"{have:g} years is just under the {minimum:g} asked for."
    else:
        status, why = "not_met", f"{have:g} years is well under the {minimum:g} asked for."
    return EligibilityCheck(
        name="years_experience", status=status, required=required, found=found, explanation=why
    )


_NO_SPONSOR = re.compile(
    r"(not|no|unable to|cannot|can't|won't)\s+(offer|provide|sponsor|support)\w*\s*(visa|"
    r"immigration)?\s*sponsor|no\s+(visa\s+)?sponsorship|without\s+(visa\s+)?sponsorship",
    re.I,
)
_AUTH_NEEDED = re.compile(
    r"(must|need to|required to)\s+(be\s+)?(legally\s+)?(authori[sz]ed|eligible|obtain work "
    r"authori[sz]ation)|work authori[sz]ation|right to work|work permit|visa status",
    re.I,
)
_SPONSORS = re.compile(
    r"(visa sponsorship (is )?available|will sponsor|offer[s]? visa sponsor)", re.I
)


_NEGATION = re.compile(r"\b(no|not|without|never|don't|doesn't|do not|does not)\b", re.I)


def check_authorization(posting: Posting, profile: Profile) -> EligibilityCheck | None:
    countries = [loc.country for loc in posting.locations if loc.country]
    return authorization_check(posting.description or "", countries, profile)


def states_authorization_rule(text: str) -> bool:
    """Whether a line sets a work-authorization rule (visa, permit, right to work)."""
    return bool(_NO_SPONSOR.search(text) or _AUTH_NEEDED.search(text))


def authorization_check(
    text: str, countries: list[str], profile: Profile
) -> EligibilityCheck | None:
    """The rule `text` states against `preferences.work_authorization` (None: no rule)."""
    if _NO_SPONSOR.search(text):
        required = "work authorization without visa sponsorship"
    elif _SPONSORS.search(text):
        return None
    elif _AUTH_NEEDED.search(text):
        required = "authorization to work in the country of employment"
    else:
        return None
    said = profile.preferences.work_authorization if profile.preferences else []
    if not said:
        return EligibilityCheck(
            name="work_authorization",
            status="unclear",
            required=required,
            found="not stated in the profile",
            explanation="The posting states a work-authorization rule; add "
            "preferences.work_authorization to your profile to check it.",
        )
    statement = "; ".join(said)
    needs_sponsor = any("sponsor" in s.lower() and not _NEGATION.search(s) for s in said)
    if needs_sponsor and required.startswith("work authorization without"):
        return EligibilityCheck(
            name="work_authorization",
            status="not_met",
            required=required,
            found=statement,
            explanation="You need sponsorship and the posting says it offers none.",
        )
    if needs_sponsor:
        status, why = "unclear", "You need sponsorship; the posting does not say it offers it."
    elif not countries or any(mentions(statement, c) for c in countries):
        status, why = "met", "Your stated work authorization covers this posting."
    else:
        status, why = "unclear", f"Check that your authorization covers {', '.join(countries)}."
    return EligibilityCheck(
        name="work_authorization",
        status=status,
        required=required,
        found=statement,
        explanation=why,
    )


def _place_matches(place: str, candidates: list[str]) -> bool:
    place = place.lower()
    return any(c and (c.lower() in place or place in c.lower()) for c in candidates)


def check_location(posting: Posting, profile: Profile) -> list[EligibilityCheck]:
    prefs = profile.preferences
    checks: list[EligibilityCheck] = []
    mode = posting.work_mode
    if prefs is not None and prefs.remote_only and mode is not None:
        ok = mode == "remote"
        checks.append(
            EligibilityCheck(
                name="work_mode",
                status="met" if ok else "not_met",
                required=mode,
                found="remote only",
                explanation="Remote, as you asked."
                if ok
                else f"The role is {mode}; you asked for remote only.",
            )
        )
    if mode == "remote" or not posting.locations:
        return checks
    home = profile.basics.location
    mine = [*(prefs.locations if prefs else [])]
    if home is not None:
        mine += [p for p in (home.city, home.region) if p]
    places = [loc.city or loc.raw for loc in posting.locations]
    required = f"{mode or 'on-site'} in " + "; ".join(loc.raw for loc in posting.locations)
    if not mine:
        status, found, why = "unclear", "no location in the profile", "Add basics.location."
    elif any(_place_matches(p, mine) for p in places):
        status, found = "met", ", ".join(mine)
        why = "You are in or accept one of the posting's locations."
    else:
        status, found = "unclear", ", ".join(mine)
        why = "None of the posting's locations matches yours: relocation would be needed."
    checks.append(
        EligibilityCheck(
            name="location", status=status, required=required, found=found, explanation=why
        )
    )
    return checks


def check_eligibility(posting: Posting, profile: Profile, today: dt.date) -> list[EligibilityCheck]:
    checks = [
        check_degree(posting, profile, today),
        check_years(posting, profile, today),
        check_authorization(posting, profile),
    ]
    found = [c for c in checks if c is not None]
    return found + check_location(posting, profile)
