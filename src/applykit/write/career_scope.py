"""Time that is the whole career's, though a job is named beside it.

* "I am a Senior Machine Learning Engineer at Northwind Analytics with 6+ years of experience":
  "with N years of experience" describes the person, not the job named before it; only a job
  named after the duration ("with 6 years of experience at Northwind") bounds it by that job,
  and joining a job "with N years" is the time worked before it (`before_joining`).
* "6+ years taking models to production at Northwind Analytics, Lumen Media and Parcelly":
  time spent at every job of the work history (internships aside) is the work history's time.

Both are checked against all work periods merged (`trace_experience_years`), which no job's
own dates can exceed; anything else is left to the employer rules.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from applykit.write.tenure_roles import employers_in, merged_years
from applykit.write.text_units import sentence_around
from applykit.write.tracing import make_claim

if TYPE_CHECKING:
    from applykit.models.documents import Claim
    from applykit.write.claims import Quantity
    from applykit.write.evidence import Evidence
    from applykit.write.grounding_dates import Entry

_WITH_BEFORE = re.compile(
    r"\bwith\s+(?:(?:more\s+than|over|nearly|almost|about|around|roughly|some|at\s+least)\s+)?$",
    re.IGNORECASE,
)
_OF_EXPERIENCE = re.compile(
    r"\s*(?:of\s+(?:[\w-]+\s+){0,3}?experience|experience)\b", re.IGNORECASE
)
_ARRIVED = re.compile(
    r"\b(?:joined|joining|join|moved\s+to|came\s+to|started\s+at|arrived|hired|recruited)\b",
    re.IGNORECASE,
)
_THERE = re.compile(r"\b(?:there|here|that\s+(?:job|role|company|team))\b", re.IGNORECASE)
_NAME = r"(?:the\s+)?[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*){0,4}"
_NAME_LIST = re.compile(
    rf"\b(?:at|across|between)\s+{_NAME}(?:(?:,\s+(?:and\s+)?|\s+and\s+){_NAME})+"
)
"""… "at Northwind Analytics, Lumen Media and Parcelly": one list of names, read whole."""
_CLAUSE_END = re.compile(r"[.;:|!?]|\n|\s[-–—]\s")


def career_wide(quantity: Quantity, text: str, evidence: Evidence) -> bool:
    """The duration is the career's (see the module docstring)."""
    if quantity.kind != "duration" or quantity.unit not in {"year", "month"}:
        return False
    sentence = sentence_around(text, quantity.start)
    end = _CLAUSE_END.search(text, quantity.end, sentence.end)
    rest = text[quantity.end : end.start() if end else sentence.end][:160]
    before = text[max(sentence.start, quantity.start - 40) : quantity.start]
    if _WITH_BEFORE.search(before) and _OF_EXPERIENCE.match(rest):
        if _ARRIVED.search(text, sentence.start, quantity.start):
            return False  # "I joined Lumen Media with 4 years of experience": `before_joining`
        return not employers_in(rest, evidence) and not _THERE.search(rest)
    jobs = {
        e.name
        for e in evidence.entries
        if e.kind == "work" and e.name and e.months and not e.internship
    }
    listed = _NAME_LIST.search(rest)
    named = {e.name for e in employers_in(listed.group(0), evidence)} if listed else set()
    return len(jobs) >= 2 and jobs <= named


_ROUNDING = re.compile(
    r"\b(?P<q>about|around|roughly|nearly|almost|close\s+to)\s+$|\b(?:more\s+than|over|"
    r"at\s+least)\s+$",
    re.IGNORECASE,
)


def before_joining(quantity: Quantity, text: str, evidence: Evidence) -> Claim | None:
    """ "I joined Lumen Media with 4 years of experience": the work before that job's first
    month (overlaps once, internships aside) must hold the years; None when the sentence does
    not join a job with years of experience."""
    if quantity.kind != "duration" or quantity.unit not in {"year", "month"}:
        return None
    sentence = sentence_around(text, quantity.start)
    before = text[max(sentence.start, quantity.start - 40) : quantity.start]
    arrived = list(_ARRIVED.finditer(text, sentence.start, quantity.start))
    if not arrived or not _WITH_BEFORE.search(before):
        return None
    if not _OF_EXPERIENCE.match(text, quantity.end):
        return None
    joined = employers_in(text[arrived[-1].end() : quantity.start], evidence)
    if len(joined) != 1 or not joined[0].months:
        return None
    start = joined[0].months[0]
    earlier = [
        e
        for e in evidence.entries
        if e.kind == "work" and e.months and not e.internship and e.months[0] < start
    ]
    actual = merged_years([_until(e, start - 1) for e in earlier]) if earlier else 0.0
    claimed = quantity.value / (12 if quantity.unit == "month" else 1)
    rounding = _ROUNDING.search(text, max(0, quantity.start - 20), quantity.start)
    slack = 0.5 if rounding and rounding.group("q") else 0.0 if rounding else 0.25
    if claimed <= actual + slack:
        note = f"within the work before {joined[0].name} ({actual:.1f} years)"
        return make_claim(
            quantity.text, "duration", quantity.start, quantity.end, "profile:work-dates", note
        )
    note = f"more years than the work before {joined[0].name} gives ({actual:.1f} years)"
    return make_claim(quantity.text, "duration", quantity.start, quantity.end, None, note)


def _until(entry: Entry, last: int) -> Entry:
    first, end = entry.months or (0, 0)
    return replace(entry, months=(first, min(end, last)))
