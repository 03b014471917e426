"""When a figure of the posting in the candidate's sentence is the company's, not a claim.

A figure the posting states ("900,000 Canadians every two weeks", "a 14-person team") may
appear anywhere in a letter as the company's fact. It becomes the candidate's claim when the
letter makes it part of the candidate's record: a clause with the candidate as subject or
owner ("I paid 900,000 Canadians"), a past-tense report of what happened ("after the rebuild it
scored every transaction"), or a relative clause or pronoun hanging it on the candidate's work
("…, which served 50 million subscribers", "50 million subscribers rely on it").

So a posting figure is the company's when its sentence, up to the end of the figure's clause,
has none of those, and the clause restates the posting around that figure (two content words
of the posting's sentence or its neighbours, the unit included).
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace
from typing import TYPE_CHECKING

from applykit.write.claim_scope import gerund_topic
from applykit.write.evidence import distinctive_word
from applykit.write.grounding_words import lemma, lemma_set
from applykit.write.letter_ratios import stated_ratio
from applykit.write.text_units import clause_around, sentence_around, sentence_spans
from applykit.write.tracing import quotes

if TYPE_CHECKING:
    from applykit.models.documents import Claim
    from applykit.write.claims import Quantity
    from applykit.write.evidence import Evidence

_OWNED = re.compile(
    r"\b(?!US\b)(?i:i|i'm|i've|i'd|my|me|mine|we|our|us|it(?!\s+(?:sounds|seems|looks|feels)\b)|"
    r"its|them)\b"
    r"|^\s*(?i:which|that|who|whom|whose|where)\b"
)
_NEW_SUBJECT = re.compile(
    r"(?:,\s*(?:and|but|so)|;\s*(?:and|but|so)|\s(?:and|but|so))\s+"
    r"(?=(?:the|a|an|your|this|these|that|[a-z]+ing)\s)|[;:]\s+|,\s*but\s+(?=with\s)",
)
"""A clause that opens with a subject of its own (", and paying …", "scale: 200,000 …")."""
_OBJECT_LIST = re.compile(
    r"\b(?:with|using|on|in|of|from)\s+(?:[\w.-]+\s+){0,2}[\w.-]+$", re.IGNORECASE
)
"""… "served with FastAPI and a pgvector index to …": a bare "and" that joins the objects of a
preposition, not a new clause."""
_ABOUT_THEM = re.compile(
    r"\b(?:that|how|whether)\s+(?:the\s+)?(?P<who>you|your|[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,2})\b"
)
"""… "I saw that Loomcraft now has …": a clause whose subject is the company."""
_OPINION_THAT = re.compile(
    r"\b(?:love|like|admire|appreciate|enjoy|noticed?|saw|see|read|struck\s+by|impressed\s+by)"
    r"\s+(?:that|how)\s+(?=(?:a|an|the)\s)|"
    r"\b(?:excited|impressed|struck|inspired|drawn|attracted)\s+(?:by|to)\s+(?=(?:a|an|the)\s)",
    re.IGNORECASE,
)
"""… "I love that a 14-person team already reaches …", "I am excited by a 14-person team that
ships every day": an opinion on others."""
_FIRST_PERSON = re.compile(r"\b(?!US\b)(?i:i|i'm|i've|i'd|my|me|mine|we|our|us)\b")
_RELATIVE = re.compile(r"\b(?:which|that|who|whom|whose|where)\b", re.IGNORECASE)
_PAST = re.compile(
    r"(?<![\w-])(?<!\bis )(?<!\bare )(?<!\bbe )(?<!\bbeen )(?<!\bbeing )"
    r"(?:[a-z]{3,}ed|built|ran|led|grew|won|made|took|brought|drove|cut|shipped|"
    r"scored|served|held|kept|saw|got|had|was|were|did|sold|paid|spent|wrote|went|rose|fell|"
    r"came|became|began|gave|hit|stood)(?![\w-])|(?:→|->)\s*[~$€£]?\d"
)
"""A past-tense report ("after the rebuild it scored …", "lead time went from …", a change
"3 weeks → 4 days"); a present passive ("are paid") is not one."""
_PLANNED_BEFORE_COLON = re.compile(
    r"\b(?:I|we)\s*(?:would|'d|’d)\s+(?:most\s+)?(?:like|love|want)\s+to\b[^:;]*:\s*$|"
    r"\b(?:I|we)\s+(?:want|hope|plan)\s+to\b[^:;]*:\s*$",
    re.IGNORECASE,
)
"""… "the migration I would most like to do next: scripts on EC2 moved onto Kubernetes …":
what follows the colon spells out the plan, so its past participles report nothing."""
_APPLYING = re.compile(r"\b(?:apply|applying|application)\s+(?:for|to)\b", re.IGNORECASE)
_NEW_CLAUSE = re.compile(r"\b(?:because|since|after|where|which|as|and\s+(?:i|we))\b|[;:]", re.I)
_PLAN = re.compile(
    r"\b(?:the|your|its|their)\s+(?:plan|goal|aim|target|roadmap|ambition)\s+(?:to|of|for|is)\b",
    re.IGNORECASE,
)
_APPROXIMATE = re.compile(
    r"(?:\b(?:about|around|roughly|approximately|nearly|almost|close\s+to|some|circa|"
    r"just\s+(?:under|over))|~|\bc\.)\s*(?:a\s+|an\s+)?$",
    re.IGNORECASE,
)
_AT_LEAST = re.compile(
    r"\b(?:more\s+than|over|at\s+least|upwards\s+of|north\s+of)\s+(?:a\s+|an\s+)?$",
    re.IGNORECASE,
)


def company_figure(
    quantity: Quantity, text: str, in_posting: list[Quantity], evidence: Evidence
) -> bool:
    """The posting figure `quantity` is named as the company's fact, not claimed (see the
    module docstring)."""
    clause = clause_around(text, quantity.start)
    sentence = sentence_around(text, quantity.start)
    before = text[sentence.start : quantity.start]
    if _APPLYING.search(before) and not _NEW_CLAUSE.search(before):
        return True  # "I am applying for the … role for 2027"
    if _PLAN.search(before):
        return True  # "… about the plan to move the 12 highest-traffic models"
    opening = sentence.start
    for boundary in _ABOUT_THEM.finditer(text, sentence.start, quantity.start):
        name = boundary.group("who").lower()
        if name in {"you", "your"} or any(name == n.lower() for n in evidence.company_names):
            opening = boundary.start("who")  # "I saw that Loomcraft now has … 14 people"
    for boundary in _OPINION_THAT.finditer(text, opening, quantity.start):
        opening = boundary.end()  # "I love that a 14-person team already reaches …"
    quoted = quotes(text)
    for boundary in _NEW_SUBJECT.finditer(text, opening, quantity.start):
        if any(a < boundary.start() < b for a, b, _ in quoted):
            continue  # a colon inside a quoted title ("Streaming Scale: Lessons") opens nothing
        if boundary.group().lstrip()[:3].lower() == "and" and _OBJECT_LIST.search(
            text, opening, boundary.start()
        ):
            continue  # "… served with FastAPI and a pgvector index to 60,000 users"
        opening = boundary.end()  # "I am applying because …, and paying 900,000 Canadians …"
    lead = text[opening : max(clause.end, quantity.end)]
    planned = _PLANNED_BEFORE_COLON.search(text, sentence.start, opening)
    topic = gerund_topic(quantity.start, text)  # "Helping a service with 50 million … is …"
    if not topic and (_OWNED.search(lead) or (_PAST.search(lead) and not planned)):
        return False  # but "… the migration I would like to do next: scripts moved onto …"
    if names_own_entry(lead, evidence) or _with_own_figure(quantity, lead, evidence):
        return False
    if _RELATIVE.search(text[opening : quantity.start]):
        return False  # "…, which served 50 million subscribers"
    words = lemma_set(lead) | ({lemma(quantity.unit)} if quantity.unit else set())
    return any(
        len(words & _posting_context(found, evidence)) >= 2 or _same_noun(quantity, found, evidence)
        for found in in_posting
    )


def _same_noun(quantity: Quantity, found: Quantity, evidence: Evidence) -> bool:
    """The letter counts what the posting counts with that figure ("60,000 makers" ← "60,000
    monthly active makers"): the value and its noun are two words of the posting's."""
    if not quantity.unit or quantity.kind != "count":
        return False
    after = evidence.posting_text[found.start : found.end + 40].split()[:4]
    return lemma(quantity.unit) in lemma_set(" ".join(after))


def _with_own_figure(quantity: Quantity, lead: str, evidence: Evidence) -> bool:
    """The clause also states a figure of the candidate's record ("p95 latency from 120ms to
    35ms at 4,000 requests per second for 200,000 merchants"): the posting's figure is told as
    part of that record."""
    from applykit.write.claims import find_quantities
    from applykit.write.quantity_match import compatible, same_value

    posting = evidence.posting_quantities
    for other in find_quantities(lead):
        if other.value == quantity.value or other.kind == "date":
            continue
        mine = any(same_value(other, f) and compatible(other, f) for f, _ in evidence.quantities)
        theirs = any(same_value(other, f) and compatible(other, f) for f in posting)
        if mine and not theirs:
            return True
    return False


def joined_clause_start(text: str, start: int) -> int:
    """Where the clause starting at `start` really begins: a clause cut off at a bare "and"
    that joins the objects of a preposition ("Skald was served with Docker and a small VM to
    …") begins with the clause before it."""
    sentence = sentence_around(text, start)
    head = text[sentence.start : start]
    joined = re.search(r"\s+and\s+$", head)
    if joined and _OBJECT_LIST.search(head, 0, joined.start()):
        previous = clause_around(text, sentence.start + joined.start() - 1)
        return min(start, previous.start)
    return start


def names_own_entry(lead: str, evidence: Evidence) -> bool:
    """The clause names one of the candidate's own jobs or projects ("Skald has 60,000 makers"):
    a figure said of it is the candidate's claim. A name is matched whole, or by its first word
    when that is capitalised and at least five letters ("Northwind")."""
    return bool(_own_entries_pattern(tuple(_own_names(evidence))).search(lead))


def _own_names(evidence: Evidence) -> list[str]:
    names = []
    for entry in evidence.entries:
        if entry.kind in {"work", "project", "volunteer"} and entry.name:
            names.append(entry.name)
            first = entry.name.split()[0]
            if (
                " " in entry.name
                and len(first) >= 5
                and first[0].isupper()
                and distinctive_word(first)  # not "Python" for the meetup "Python Porto"
            ):
                names.append(first)
    return names


@functools.lru_cache(maxsize=16)
def _own_entries_pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    if not names:
        return re.compile(r"(?!x)x")
    return re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b")


def _posting_context(found: Quantity, evidence: Evidence) -> frozenset[str]:
    """The words of the posting's sentence that holds a figure, and of its neighbours."""
    spans = sentence_spans(evidence.posting_text)
    index = next((i for i, span in enumerate(spans) if span.start <= found.start < span.end), None)
    if index is None:
        return frozenset()
    first, last = spans[max(0, index - 1)], spans[min(len(spans) - 1, index + 1)]
    return lemma_set(evidence.posting_text[first.start : last.end])


def applying_clause(text: str, position: int) -> bool:
    """The clause at `position` states the application itself ("I am applying for …")."""
    clause = clause_around(text, position)
    return bool(_APPLYING.search(text[clause.start : clause.end]))


def as_rounded(quantity: Quantity, text: str) -> Quantity:
    """The claim as honest rounding allows: "about / roughly / nearly / ~ N" matches a value
    within 10% of N (a percentage within 2 points), "more than / over / at least N" a value
    from N up to half as much again ("more than a dozen A/B tests" for 15+). A bare number is
    matched as written."""
    if quantity.kind == "date" or quantity.vague:
        return quantity
    before = text[max(0, quantity.start - 24) : quantity.start]
    if _APPROXIMATE.search(before):
        bound = 2.0 if quantity.kind == "percent" else 0.1 * abs(quantity.value)
        return replace(quantity, tolerance=max(quantity.tolerance, bound))
    if _AT_LEAST.search(before) and quantity.value > 0:
        return replace(quantity, vague=True, upper=1.5 * quantity.value + 1e-9)
    return quantity


_REFERS_BACK = re.compile(
    r"[\s*_>-]*(?:that|this|it|which)(?:'s|’s|\s+is|\s+was|\s+means|\s+made\s+it)\b",
    re.IGNORECASE,
)
"""… "That's more than three times faster": a sentence about the figure just stated."""


def derived_from_letter(quantities: list[Quantity], claims: list[Claim], text: str) -> list[Claim]:
    """A figure the letter works out from its own traced range in the same sentence ("from
    120 ms to 35 ms, roughly a 70% drop", "about 3.4 times faster"), or in the sentence before
    when it opens by referring back ("That's more than three times faster"), traces to that
    range's fact; `claims` are the quantities' claims, in the same order."""
    from applykit.write.claims import derived_readings
    from applykit.write.quantity_match import compatible, same_value

    traced_at = {(c.start, c.end): c for c in claims if c.traced}
    derived = [
        d
        for d in derived_readings(quantities, text)
        if any(s == d.start and (s, e) in traced_at for s, e in traced_at)
    ]
    result: list[Claim] = []
    for quantity, claim in zip(quantities, claims, strict=True):
        ratio_source = None if claim.traced else stated_ratio(quantity, quantities, claims, text)
        if ratio_source is not None:  # "a 13B model into a 1.3B one (ten times smaller)"
            note = "a ratio of two figures the sentence states"
            claim = claim.model_copy(update={"traced": True, "source": ratio_source, "note": note})
        if claim.traced or not derived:
            result.append(claim)
            continue
        sentence = sentence_around(text, quantity.start)
        first = sentence.start
        if _REFERS_BACK.match(text, sentence.start) and sentence.start > 1:
            first = sentence_around(text, sentence.start - 2).start  # "… to 35ms. That's …"
        rounded = as_rounded(quantity, text)
        match = next(
            (
                d
                for d in derived
                if first <= d.start < sentence.end
                and same_value(rounded, d)
                and compatible(rounded, d)
            ),
            None,
        )
        if match is None:
            result.append(claim)
            continue
        source = next(c.source for (s, _), c in traced_at.items() if s == match.start)
        note = "worked out from the range the letter states"
        result.append(claim.model_copy(update={"traced": True, "source": source, "note": note}))
    return result


def general_statement(quantity: Quantity, text: str, evidence: Evidence) -> bool:
    """An order of magnitude ("hundreds of millions of people") in a present-tense sentence
    about things in general: no first person, no pronoun for the candidate's work, no company,
    no past-tense report ("recommenders serving hundreds of millions of people change what
    they see")."""
    if not (quantity.vague and quantity.upper >= 10 * quantity.value):
        return False
    sentence = sentence_around(text, quantity.start)
    body = text[sentence.start : sentence.end]
    if _FIRST_PERSON.search(body) or _PAST.search(body) or re.search(r"\byou", body, re.I):
        return False
    return not any(name and name.lower() in body.lower() for name in evidence.company_names)
