"""The parts of a letter that are conventions, not claims.

* the salutation and the sign-off lines ("Liebes Kornblume-Team,", "Hi Sam and the Loomcraft
  team,", "Viele Grüße,"): names there address someone, they claim nothing;
* a capitalised word that starts a sentence and is an ordinary lower-case word of the posting
  or the profile ("Payroll has to be correct"), or a number word ("Three results …");
* "three results:" followed by a list of three items counts the letter's own list;
* a question asserts nothing ("How many bikes should be in Kreuzberg at 8 a.m.?");
* what the candidate *would* do may use the posting's words and figures ("I would bring the
  same habits to your 12 models", "available from January 2027").
"""

from __future__ import annotations

import functools
import re

from applykit.models.documents import Claim
from applykit.write.claim_scope import closing_line, known_skill
from applykit.write.claims import find_quantities
from applykit.write.claims_spelled import SPELLED_RE
from applykit.write.evidence import Evidence
from applykit.write.grounding_words import english_vocabulary, lemma
from applykit.write.names import after_label
from applykit.write.starter_labels import topic_label
from applykit.write.text_units import (
    Span,
    clauses_before,
    sentence_around,
    sentence_spans,
    words,
)

_GREETING = re.compile(
    r"^\s*(?:dear|hi|hello|hey|greetings|good (?:morning|afternoon|evening)|to|liebe[rs]?|hallo|"
    r"sehr geehrte[rs]?|guten (?:tag|morgen|abend)|moin|servus|grüezi|grüß gott|god dag|hej|"
    r"hola|buenos días|bonjour|cher|chère|ciao|buongiorno|salut|goedemiddag|goedendag)\b",
    re.IGNORECASE,
)
_SUBJECT_LINE = re.compile(r"^(?:re|subject|betreff|ref|application for)\s*:", re.IGNORECASE)
_BULLET = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s+\S")


def courtesy_spans(text: str) -> list[tuple[int, int]]:
    """The salutation (the first line that greets, after a heading, a subject line or a short
    header block if any), a subject line ("Re: …"), sign-off lines (short lines ending in a
    comma or an exclamation mark, such as "Viele Grüße,") and the name signed right after one,
    and address lines ("48 Curtain Road", "London EC2A 3PT")."""
    spans: list[tuple[int, int]] = []
    position = 0
    first = True
    signed_off = False
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        start = position + (len(line) - len(line.lstrip()))
        position += len(line)
        if not stripped:
            continue
        words = stripped.split()
        greets = first and _GREETING.match(stripped) and len(words) <= 12
        greets = greets or bool(_SUBJECT_LINE.match(stripped))  # "Re: <the posting's title>"
        signs_off = not first and len(words) <= 5 and stripped.endswith((",", "!"))
        signs_off = signs_off or (not first and closing_line(stripped))
        signature = signed_off and len(words) <= 3 and not re.search(r"\d", stripped)
        if greets or signs_off or signature or _ADDRESS_LINE.search(stripped):
            spans.append((start, start + len(stripped)))
        signed_off = signs_off
        # the salutation may follow a subject line ("**Subject: …**", whose names are checked),
        # a heading or a short header block (the sender's and the company's address, a date)
        first = first and not greets and _HEADER_LINE.match(stripped) is not None
    return spans


_ADDRESS_LINE = re.compile(
    r"^\d{1,4}[a-z]?\s+(?:[A-Z][a-z]+\s+){1,3}(?:Road|Street|St\.?|Avenue|Ave\.?|Lane|Way|"
    r"Place|Square|Boulevard|Blvd\.?|Drive|Straße|Strasse|Allee|Platz)$|"
    r"^[A-Z][a-z]+\s+[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}$|"
    r"^(?:\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\s+\d{1,2},)\s+\d{4}$"
)
"""… "48 Curtain Road", "London EC2A 3PT", "8 December 2026": a street address, a UK postcode
line or the letter's date line."""


def address_spans(text: str) -> list[tuple[int, int]]:
    """The address and date lines of a letter's header: their numbers count nothing."""
    spans = []
    for line in re.finditer(r"[^\n]+", text):
        stripped = line.group(0).strip()
        if stripped and _ADDRESS_LINE.match(stripped):
            spans.append((line.start(), line.end()))
    return spans


_HEADER_LINE = re.compile(
    r"^(?:#{1,6}\s.*|[*_]*(?:re|subject|betreff|ref)\s*:.*|[^.!?]{1,60})$", re.IGNORECASE
)


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
    line_start = start == 0 or bool(_LINE_OR_CELL_START.search(text, max(0, start - 40), start))
    list_item = bool(
        re.search(r"(?:^|\n)[ \t]*(?:[-*•]|\d+[.)])[ \t]+(?:[*_]+[ \t]*)?$", text[:start])
    )
    if name.rstrip(".").upper() in {"P.S", "PS", "P.P.S", "N.B", "NB"}:
        return True  # a postscript marker
    if name.lower() in _COURTESY and _COURTESY_NEXT.match(text, start + len(name)):
        return True  # "Happy to talk timing …": an elliptical courtesy, "I am" left out
    if name.lower() in _COMMENT and _COMMENT_NEXT.match(text, start + len(name)):
        return True  # "Funny you should say that.": an elliptical comment, "It's" left out
    labelled = after_label(text, start)
    if start not in starts and not line_start and not list_item and not labelled:
        return False
    if SPELLED_RE.fullmatch(name):
        return True
    lowered = name.lower()
    if lowered in {skill.lower() for skill in evidence.posting_skills}:
        return False
    if lowered in lower or lowered in _STARTERS or lemma(lowered) in _lemmas_of(lower):
        return True  # "Tools I have used …" ← "tool" in the posting
    if list_item and lowered in english_vocabulary():
        return True  # "1. Inventory the models …": a list item starts with a plain verb
    if (
        labelled
        and lowered in english_vocabulary()
        and _ROLE_OF.match(text, start + len(name))
        and not known_skill(name)
    ):
        return True  # "- **Drift monitoring:** Author of tidewatch": a role noun, not a name
    if topic_label(name, start, text, line_start or list_item):
        return True  # "People. I manage …", "| Creator of boxwise |"
    if _vocabulary_word(lowered) and _LABEL_AFTER.match(text, start + len(name)):
        return True  # "Quick note: …", "Practicalities: …": a label, not a name
    heading = line_start and (_heading_rest(text, start + len(name)) or _header_row(text, start))
    if heading and lowered in english_vocabulary() and not known_skill(name):
        return True  # "**Key qualifications**", "## Relevant experience", "| My experience |"
    following = _LOWER_NEXT.match(text, start + len(name))
    if (
        lowered in english_vocabulary()
        and following
        and following.group(1) in english_vocabulary()
        and not known_skill(name)
    ):
        return True  # "Quick note about …": an English word heading a fragment, not a tool
    return lowered.endswith(_ENGLISH_SUFFIXES) and lowered in english_vocabulary()


def _vocabulary_word(lowered: str) -> bool:
    """An English word, or one derived from one ("practicalities" ← "practical")."""
    vocabulary = english_vocabulary()
    if lowered in vocabulary or lemma(lowered) in vocabulary:
        return True
    return any(
        lowered.endswith(ending) and lowered[: -len(ending)] in vocabulary
        for ending in ("ities", "ity", "ness", "ments", "ment")
    )


_LINE_OR_CELL_START = re.compile(r"(?:^|\n|\|)[ \t]*(?:[*_#>]+[ \t]*)?$")
_HEADING_REST = re.compile(r"((?:[ \t]+[a-z][a-z'-]*){1,5})[ \t]*(?:[*_]+[ \t]*)?(?:\||:|\n|$)")
_COURTESY = frozenset({"happy", "glad", "keen", "eager", "delighted", "ready", "grateful"})
_COURTESY_NEXT = re.compile(r"\s+to\s+[a-z]+")
_COMMENT = frozenset({"funny", "strange", "interesting", "odd", "curious", "ironic", "fair"})
_COMMENT_NEXT = re.compile(r"\s+(?:you|that|how|enough|as\s+(?:it|that|this))\b")
_ROLE_OF = re.compile(r"\s+(?:of|for|on|behind)\s+[a-z]")
_SEPARATOR_ROW = re.compile(r"[ \t]*\|?[ \t]*:?-{3,}")


def _header_row(text: str, start: int) -> bool:
    """A table's header row ("| Area | Evidence |" above "|---|---|") names columns."""
    line_end = text.find("\n", start)
    return line_end >= 0 and bool(_SEPARATOR_ROW.match(text, line_end + 1))


def _heading_rest(text: str, end: int) -> bool:
    """The rest of the heading, label or table cell is ordinary lower-case words only."""
    rest = _HEADING_REST.match(text, end)
    return rest is not None and all(w in english_vocabulary() for w in rest.group(1).split())


_LOWER_NEXT = re.compile(r"\s+([a-z]{2,})\s+(?:about|on|re|regarding|for|from|to)\b")
"""… "Quick note about …", "Short answer to …": a fragment that heads the text, no subject."""
_LABEL_AFTER = re.compile(r"(?:,?\s+[a-z]+){0,5}\s*:")
_STARTERS = words(
    """
    mine yours ours theirs half both either neither whichever hence thereafter did does do
    done should shall might must cannot can't don't didn't isn't wasn't aren't won't
    """
)
_ENGLISH_SUFFIXES = (
    "er",
    "est",
    "ly",
    "ness",
    "ment",
    "tion",
    "sion",
    "ity",
    "ful",
    "less",
    "ous",
    "ive",
    "able",
)


@functools.lru_cache(maxsize=8)
def _lemmas_of(lower: frozenset[str]) -> frozenset[str]:
    return frozenset(lemma(word) for word in lower)


_FORWARD = re.compile(
    r"\b(?:i|we)\s*(?:would|will|could|'d|’d|'ll|’ll|want to|hope to|plan to|intend to|"
    r"look forward|am eager|am keen|am available)\b|\bavailable\s+(?:from|in|for|to)\b|"
    r"^\s*(?:and\s+)?(?:would|will|could|can)\s+(?:be\s+)?(?:happy|glad|keen|eager|able|"
    r"love|like|want|work|start|join|relocate|move|come)\b",
    re.IGNORECASE,
)
"""… "I live in Seattle and would be happy to work from the office three days a week": a
clause that opens with a modal goes on with the subject before it."""
_SUBJECT_IN = re.compile(r"\b(?:i|we)\b", re.IGNORECASE)
_HELP_AHEAD = re.compile(r"\b(?:could|would|will|can|might)\s+help\b", re.IGNORECASE)
_DONE_RELATIVE = re.compile(
    r"\b(?:that|which|who)\s+(?:\w+ed|cut|built|ran|led|grew|won|brought|made|took|saved)\b",
    re.IGNORECASE,
)
_DONE = re.compile(
    r"\b(?:i|we)\s+(?:\w+ed|built|led|ran|cut|shipped|grew|wrote|won|have)\b|"
    r"\bhaving\s+(?:been|\w+ed|built|led|ran|run|cut|shipped|grown|written|won|made|done)\b",
    re.I,
)
"""… "I would love to join, having built Flink jobs at Northwind": a past record after all."""


_MINE = re.compile(r"\b(?:my|our|i have|i've|i hold)\b", re.IGNORECASE)
_BRINGS = re.compile(r"\b(?:bring|brings|offer|contribute|apply my|use my)\b", re.IGNORECASE)


def forward_looking(text: str, position: int, *, possession: bool = False) -> bool:
    """The candidate says what they *would* do here, not what they did. With `possession`
    (a name or skill), "what I would bring: Helm" still claims to have it."""
    clauses = clauses_before(text, position)[:6]  # "I'd like to learn …, get comfortable in …"
    own = text[clauses[0].start : clauses[0].end] if clauses else ""
    if _DONE.search(own) or _DONE_RELATIVE.search(own):
        return False  # "… the approach that cut spend by 25% at Northwind": a past result
    spans: list[str] = []
    for clause in clauses:  # the nearest clause with a subject decides
        spans.append(text[clause.start : clause.end])
        if _SUBJECT_IN.search(spans[-1]):
            break
    if clauses and not _SUBJECT_IN.search(own):  # "React and TypeScript I would learn"
        sentence_end = sentence_around(text, position).end
        spans.append(text[clauses[0].end : sentence_end].split(",")[0])
    sentence = sentence_around(text, position)
    if possession and _BRINGS.search(text[sentence.start : position]):
        return False
    if _HELP_AHEAD.search(own):
        return True  # "… how my platform background could help Risk ML keep every score under …"
    if clauses and _MINE.search(text[clauses[0].start : position]):
        return False  # "… and my publications at ACL": a claim about the candidate
    if possession and clauses and _list_head_is_mine(text, clauses, position):
        return False  # "I am eager to learn X, and my experience with Y, Z and Helm …"
    return any(_FORWARD.search(span) for span in spans)


def _list_head_is_mine(text: str, clauses: list[Span], position: int) -> bool:
    """The name is an item of a list whose head is the candidate's ("my experience with
    Kubernetes, Airflow, MLflow and Terraform"): each clause back to the head is a bare item."""
    own = clauses[0]
    if not _LIST_JOIN.fullmatch(text[own.start : position]):
        return False
    if _SUBJECT_IN.search(text, position, own.end):
        return False  # "…; React and TypeScript I would learn": the list has its own verb
    for clause in clauses[1:]:
        span = text[clause.start : clause.end]
        if not _BARE_ITEM.fullmatch(span):
            return bool(_POSSESSIVE.search(span)) and ";" not in text[clause.end : position]
    return False


_LIST_JOIN = re.compile(r"\s*(?:(?:and|or)\s+)?", re.IGNORECASE)
_POSSESSIVE = re.compile(r"\b(?:my|our)\b", re.IGNORECASE)
_BARE_ITEM = re.compile(r"\s*(?:(?:and|or)\s+)?[\w.+#/-]+(?:\s+[\w.+#/-]+){0,2}\s*")


def own_list_count(claim: Claim, text: str) -> bool:
    """ "Three results that map onto your posting:" followed by exactly three list items."""
    counted = find_quantities(claim.text) if claim.kind in {"count", "number"} else []
    if not counted:
        return False
    line_end = text.find("\n", claim.end)
    line_end = len(text) if line_end < 0 else line_end
    if ":" not in text[claim.end : line_end]:  # "Three quick facts, then a question." + list
        return _items_below(text, line_end) == counted[0].value
    colon = text.find(":", claim.end, line_end)
    inline = text[colon + 1 : line_end].strip() if colon >= 0 else ""
    if inline:  # "Three things: A; B; and C."
        separator = r";\s*(?:and\s+)?" if ";" in inline else r",\s*(?:and\s+)?|\s+and\s+"
        parts = re.split(separator, inline.rstrip("."))
        return len([part for part in parts if part.strip()]) == counted[0].value
    items = 0
    for line in text[line_end:].lstrip("\n").splitlines():
        if not line.strip():
            continue  # items may stand apart, one paragraph each
        if not _BULLET.match(line):
            break
        items += 1
    return items == counted[0].value


def _items_below(text: str, line_end: int) -> int:
    items = 0
    for line in text[line_end:].lstrip("\n").splitlines():
        if not line.strip():
            continue
        if not _BULLET.match(line):
            break
        items += 1
    return items
