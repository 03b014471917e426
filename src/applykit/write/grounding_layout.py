"""Layout lines of a letter: headings, bold-only lines and subject lines name nothing by being
capitalised.

A heading in Title Case ("## Key Qualifications at a Glance", "**Leadership and Mentoring**",
"**Subject: … – Application from …**") capitalises every word, so a capital there says nothing
about a name. Such a word is ordinary when it is an English word of the bundled vocabulary and
nothing marks it as a name:

* it is not a tool the skills taxonomy knows (a soft skill such as "Leadership" is a topic),
  nor one of the posting's skills;
* it does not stand where a name stands ("## Five Years at Google", "## From Stanford":
  right after at / from / with / joined / by / under);
* the name it is part of has no organisation word ("Stanford University", "Acme Labs"), and
  it is not a city of the bundled gazetteer ("## Oxford Days");
* the letter does not write it capitalised mid-sentence in its prose ("I moved to Stripe").

Everything else in a heading stays a claim (fail closed): "## Years at Google" is still checked.
"""

from __future__ import annotations

import functools
import re
from importlib.resources import files

from applykit.write.claim_scope import known_skill, soft_skill
from applykit.write.counted_items import counts_its_items
from applykit.write.evidence import Evidence
from applykit.write.grounding_words import english_vocabulary
from applykit.write.names import COMMON_CAPITALISED
from applykit.write.text_units import words

_HEADING = re.compile(r"#{1,6}[ \t]+\S")
_BOLD_ONLY = re.compile(r"(?:\*\*|__)[^*_\n]+(?:\*\*|__)[ \t]*:?[ \t]*$")
_SUBJECT = re.compile(r"(?:\*\*|__)?[ \t]*(?:subject|re|betreff)[ \t]*:", re.IGNORECASE)
_TITLE_LINE = re.compile(r"[A-Z][\w'’-]*(?:[ \t]+(?:[&+:–—-]|[\w'’-]+)){1,9}[ \t]*$")
_NAME_POSITION = re.compile(
    r"\b(?:at|from|with|joined|by|under)[ \t]+(?:the[ \t]+)?$", re.IGNORECASE
)
_ORGANISATION = words(
    """
    university college institute institut school academy labs lab inc ltd llc gmbh ag corp
    corporation company co group technologies technology analytics media bank foundation
    hospital agency ministry department studio studios systems solutions partners ventures
    capital holdings
    """
)


@functools.lru_cache(maxsize=1)
def _city_names() -> frozenset[str]:
    """The single-word names of the bundled gazetteer of well-known cities."""
    text = files("applykit.data").joinpath("cities.tsv").read_text(encoding="utf-8")
    rows = (line.split("\t")[0] for line in text.splitlines() if line and line[0] != "#")
    return frozenset(name for name in rows if " " not in name)


def _line_of(text: str, position: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    return start, len(text) if end < 0 else end


def layout_line(line: str) -> bool:
    """A Markdown heading, a line that is all bold, a subject line, or a short line of
    capitalised words with no sentence punctuation ("Transparent About Gaps")."""
    stripped = line.strip()
    if not stripped:
        return False
    if _HEADING.match(stripped) or _BOLD_ONLY.fullmatch(stripped) or _SUBJECT.match(stripped):
        return True
    if not _TITLE_LINE.fullmatch(stripped):
        return False
    tokens = re.findall(r"[A-Za-z][\w'’-]*", stripped)
    return len(tokens) >= 2 and all(
        token[0].isupper() or token.lower() in COMMON_CAPITALISED for token in tokens
    )


def in_layout_line(text: str, position: int) -> bool:
    """The position is in a heading, bold-only, subject or title line."""
    start, end = _line_of(text, position)
    return layout_line(text[start:end])


@functools.lru_cache(maxsize=8)
def _prose(text: str) -> str:
    """The letter's lines that are not layout lines, joined."""
    return "\n".join(line for line in text.splitlines() if not layout_line(line))


def _capitalised_in_prose(word: str, text: str) -> bool:
    """The letter writes `word` capitalised after a lower-case word in a line that is not
    layout ("I moved to Stripe in 2021"): in this letter it is a name."""
    return re.search(rf"[a-z,;][ \t]+{re.escape(word)}(?![\w-])", _prose(text)) is not None


def ordinary_heading_name(name: str, start: int, text: str, evidence: Evidence) -> bool:
    """Every word of `name` is an ordinary English word capitalised only by the layout line
    it stands in (module docstring)."""
    line_start, line_end = _line_of(text, start)
    if not layout_line(text[line_start:line_end]):
        return False
    titles = sorted(
        (t for t in (evidence.posting_title, *evidence.title_parts) if t), key=len, reverse=True
    )
    for title in titles:  # "Application for MLOps Engineer": the posting's title is its own
        name = re.sub(re.escape(title), lambda found: " " * len(found.group(0)), name, flags=re.I)
    parts = list(re.finditer(r"[A-Za-z][\w'’]*", name))
    if not parts or any(part.group(0).lower() in _ORGANISATION for part in parts):
        return False
    skills = {skill.lower() for skill in evidence.posting_skills}
    vocabulary = english_vocabulary()
    for part in parts:
        word = re.sub(r"['’]s$", "", part.group(0))
        lowered = word.lower()
        if lowered in COMMON_CAPITALISED:
            continue
        if lowered not in vocabulary or lowered in skills:
            return False
        if known_skill(word) and not soft_skill(word):
            return False  # "## Azure Experience"; a soft skill ("## Leadership") is a topic
        if word in _city_names():
            return False  # "## Oxford Days": a place (and its schools) is a name
        before = text[line_start : start + part.start()]
        if _NAME_POSITION.search(before) or _capitalised_in_prose(word, text):
            return False
    return True


_CLOCK_TIME = re.compile(r"\d{1,2}(?:[:.]\d{2})?\s?(?:am|pm|a\.m\.|p\.m\.)(?!\w)", re.IGNORECASE)
_LABEL_BEFORE = re.compile(
    r"(?:\b(?:question|step|item|part|no\.|number|id|ref|page|section|option|phase|round|"
    r"version|v|level|tier|grade)\s*|(?<![#\n])(?<!^)#\s*)$",
    re.IGNORECASE,
)
_MONTH_UNITS = words(
    """
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    """
)


def is_label(start: int, unit: str, text: str) -> bool:
    """A number that names rather than counts: a list marker ("1. Inventory …"), a label
    ("question 3", "Job ID 7741203"), the day of a date ("28 October 2026"), or the letter's
    tally of the items it then states ("twice: 42% … and 55% …")."""
    if unit.lower() in _MONTH_UNITS:
        return True
    if re.match(r"\d{1,2}:\d{2}\b", text[start:]) or re.search(r"\d:$", text[:start]):
        return True  # a time of day ("10:00–15:00 Eastern")
    if _CLOCK_TIME.match(text, start):
        return True  # a time of day ("at 8am", "by 6.30 p.m.")
    if re.search(r"(?:^|\n)[ \t]*(?:[*_#>]+[ \t]*)?$", text[:start]) and re.match(
        r"\d+[.)]\s", text[start:]
    ):
        return True  # "1. Inventory …", "**2. A feature you shipped**": a list marker
    if counts_its_items(start, text):
        return True  # "cut costs twice: 42% … and 55% …": the letter's tally of its items
    return bool(_LABEL_BEFORE.search(text[max(0, start - 12) : start]))  # not "## Ten Years"
