"""Time that is the whole career's, though a job is named beside it.

* "I am a Senior Machine Learning Engineer at Northwind Analytics with 6+ years of experience":
  "with N years of experience" describes the person, not the job named before it; only a job
  named after the duration ("with 6 years of experience at Northwind") bounds it by that job.
* "6+ years taking models to production at Northwind Analytics, Lumen Media and Parcelly":
  time spent at every job of the work history (internships aside) is the work history's time.

Both are checked against all work periods merged (`trace_experience_years`), which no job's
own dates can exceed; anything else is left to the employer rules.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from applykit.write.tenure_roles import employers_in
from applykit.write.text_units import sentence_around

if TYPE_CHECKING:
    from applykit.write.claims import Quantity
    from applykit.write.evidence import Evidence

_WITH_BEFORE = re.compile(
    r"\bwith\s+(?:(?:more\s+than|over|nearly|almost|about|around|roughly|some|at\s+least)\s+)?$",
    re.IGNORECASE,
)
_OF_EXPERIENCE = re.compile(
    r"\s*(?:of\s+(?:[\w-]+\s+){0,3}?experience|experience)\b", re.IGNORECASE
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
        return not employers_in(rest, evidence) and not _THERE.search(rest)
    jobs = {
        e.name
        for e in evidence.entries
        if e.kind == "work" and e.name and e.months and not e.internship
    }
    listed = _NAME_LIST.search(rest)
    named = {e.name for e in employers_in(listed.group(0), evidence)} if listed else set()
    return len(jobs) >= 2 and jobs <= named
