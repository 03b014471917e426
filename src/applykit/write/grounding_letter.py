"""The parts of a letter that are conventions, not claims.

* the salutation and the sign-off lines ("Liebes Kornblume-Team,", "Hi Sam and the Loomcraft
  team,", "Viele Grüße,"): names there address someone, they claim nothing;
* a capitalised word that starts a sentence and is an ordinary lower-case word of the posting
  or the profile ("Payroll has to be correct"), or a number word ("Three results …");
* "three results:" followed by a list of three items counts the letter's own list.
"""

from __future__ import annotations

import re

from applykit.models.documents import Claim
from applykit.write.claims import find_quantities
from applykit.write.claims_spelled import SPELLED_RE
from applykit.write.evidence import Evidence
from applykit.write.text_units import sentence_spans

_GREETING = re.compile(
    r"^\s*(?:dear|hi|hello|hey|greetings|good (?:morning|afternoon)|to|liebe[rs]?|hallo|"
    r"sehr geehrte[rs]?|hej|hola|bonjour|cher|chère|ciao|salut)\b",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s+\S")


def courtesy_spans(text: str) -> list[tuple[int, int]]:
    """The salutation (a first line that greets) and sign-off lines (short lines ending in a
    comma or an exclamation mark, such as "Best regards," or "Viele Grüße,")."""
    spans: list[tuple[int, int]] = []
    position = 0
    first = True
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        start = position + (len(line) - len(line.lstrip()))
        position += len(line)
        if not stripped:
            continue
        words = stripped.split()
        greets = first and _GREETING.match(stripped) and len(words) <= 12
        signs_off = not first and len(words) <= 5 and stripped.endswith((",", "!"))
        if greets or signs_off:
            spans.append((start, start + len(stripped)))
        first = False
    return spans


def lower_case_words(evidence: Evidence) -> frozenset[str]:
    """Words the posting or the profile writes in lower case (ordinary words, not names)."""
    texts = [evidence.posting_text, *(source.text for source in evidence.sources)]
    return frozenset(word for text in texts for word in re.findall(r"\b[a-z][a-z-]+\b", text))


def is_plain_starter(
    name: str, start: int, text: str, evidence: Evidence, lower: frozenset[str]
) -> bool:
    """A one-word "name" that only starts a sentence: a number word, or a word the posting or
    profile uses in lower case that is not one of the posting's skills."""
    if " " in name:
        return False
    starts = {span.start for span in sentence_spans(text)}
    line_start = start == 0 or text[start - 1] == "\n"
    if start not in starts and not line_start:
        return False
    if SPELLED_RE.fullmatch(name):
        return True
    lowered = name.lower()
    skills = {skill.lower() for skill in evidence.posting_skills}
    return lowered in lower and lowered not in skills


def own_list_count(claim: Claim, text: str) -> bool:
    """ "Three results that map onto your posting:" followed by exactly three list items."""
    counted = find_quantities(claim.text) if claim.kind in {"count", "number"} else []
    if not counted:
        return False
    line_end = text.find("\n", claim.end)
    line_end = len(text) if line_end < 0 else line_end
    if not text[claim.end : line_end].rstrip().endswith(":"):
        return False
    items = 0
    for line in text[line_end:].lstrip("\n").splitlines():
        if not _BULLET.match(line):
            break
        items += 1
    return items == counted[0].value
