"""Hard filters for ranking: each failed filter says why, in words a person can check."""

from __future__ import annotations

import re

from applykit.match.pay import YearlyPay
from applykit.models.fit import RankFilters
from applykit.models.posting import Posting
from applykit.models.profile import Preferences

SENIORITY_LEVELS: dict[str, int] = {
    "intern": 0,
    "internship": 0,
    "entry": 1,
    "entry level": 1,
    "junior": 1,
    "graduate": 1,
    "associate": 2,
    "mid": 2,
    "mid level": 2,
    "intermediate": 2,
    "mid-senior": 3,
    "mid-senior level": 3,
    "senior": 3,
    "staff": 4,
    "lead": 4,
    "principal": 5,
    "director": 6,
    "executive": 7,
    "vp": 7,
}
_TITLE_LEVEL = [
    (re.compile(r"\b(intern|internship)\b", re.I), 0),
    (re.compile(r"\b(junior|jr\.?|entry[- ]level|graduate|new grad)\b", re.I), 1),
    (re.compile(r"\b(principal|distinguished)\b", re.I), 5),
    (re.compile(r"\b(staff|lead)\b", re.I), 4),
    (re.compile(r"\b(senior|sr\.?)\b", re.I), 3),
    (re.compile(r"\b(director|head of)\b", re.I), 6),
    (re.compile(r"\b(vp|vice president|chief)\b", re.I), 7),
]
EMPLOYMENT_ALIASES = {
    "full-time": "full_time",
    "full time": "full_time",
    "fulltime": "full_time",
    "part-time": "part_time",
    "part time": "part_time",
    "contractor": "contract",
    "temp": "temporary",
    "intern": "internship",
}
_COMPANY_SUFFIX = re.compile(r"[,.]?\s+(inc|llc|ltd|gmbh|plc|corp|corporation|co|ab|sa)\.?$", re.I)


def seniority_level(text: str | None) -> int | None:
    """A seniority word or a job title on one scale (intern 0 … executive 7)."""
    if not text:
        return None
    key = text.strip().lower()
    if key in SENIORITY_LEVELS:
        return SENIORITY_LEVELS[key]
    for pattern, level in _TITLE_LEVEL:
        if pattern.search(text):
            return level
    return None


def employment_key(text: str) -> str:
    key = text.strip().lower()
    return EMPLOYMENT_ALIASES.get(key, key.replace("-", "_").replace(" ", "_"))


def company_key(name: str) -> str:
    return _COMPANY_SUFFIX.sub("", name.strip()).lower()


def merge_filters(preferences: Preferences | None, given: RankFilters | None) -> RankFilters:
    """Command-line filters override the profile's preferences field by field."""
    base = RankFilters()
    if preferences is not None:
        base = RankFilters(
            locations=preferences.locations,
            remote_only=preferences.remote_only,
            min_yearly_pay=preferences.min_yearly_pay,
            pay_currency=preferences.pay_currency,
            seniority=preferences.seniority,
            employment_types=preferences.employment_types,
            exclude_companies=preferences.exclude_companies,
        )
    if given is None:
        return base
    update = given.model_dump(exclude_defaults=True)
    return base.model_copy(update=update)


def filter_reasons(posting: Posting, pay: YearlyPay | None, filters: RankFilters) -> list[str]:
    """Why `posting` fails the filters (empty when it passes). Unknown values pass."""
    reasons: list[str] = []
    if filters.remote_only and posting.work_mode in ("onsite", "hybrid"):
        reasons.append(f"not remote ({posting.work_mode})")
    if filters.locations and posting.work_mode != "remote" and posting.locations:
        wanted = [w.lower() for w in filters.locations]
        places = [loc.raw.lower() for loc in posting.locations]
        if not any(w in p or p in w for w in wanted for p in places):
            shown = "; ".join(loc.raw for loc in posting.locations)
            reasons.append(f"location {shown} not in {', '.join(filters.locations)}")
    best = pay.best if pay is not None else None
    if filters.min_yearly_pay is not None and best is not None and best < filters.min_yearly_pay:
        currency = pay.currency if pay is not None else filters.pay_currency
        reasons.append(
            f"pay up to {best:,.0f} {currency}/yr is under your {filters.min_yearly_pay:,.0f}"
        )
    if filters.seniority:
        levels = [lvl for lvl in (seniority_level(s) for s in filters.seniority) if lvl is not None]
        level = seniority_level(posting.seniority) or seniority_level(posting.title)
        if levels and level is not None and not min(levels) <= level <= max(levels):
            shown = posting.seniority or posting.title or "?"
            reasons.append(f"seniority '{shown}' outside {', '.join(filters.seniority)}")
    if filters.employment_types and posting.employment_type is not None:
        allowed = {employment_key(t) for t in filters.employment_types}
        if posting.employment_type not in allowed:
            reasons.append(f"employment type {posting.employment_type} not wanted")
    excluded = {company_key(c) for c in filters.exclude_companies}
    if posting.company and company_key(posting.company) in excluded:
        reasons.append(f"company {posting.company} is excluded")
    return reasons
