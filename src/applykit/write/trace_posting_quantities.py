"""Numbers that are not the profile's: the posting's figures restated as the company's, the
posting's pay range, a pay expectation, plans for the new job, and general magnitudes; anything
else is untraced, with a note that says why."""

from __future__ import annotations

import re

from applykit.models.documents import Claim
from applykit.write.claims import Quantity
from applykit.write.company_subject import company_subject
from applykit.write.degree_length import degree_length
from applykit.write.evidence import Evidence
from applykit.write.grounding_letter import forward_looking
from applykit.write.grounding_words import lemma, lemma_set
from applykit.write.posting_figures import (
    company_figure,
    general_statement,
    joined_clause_start,
    names_own_entry,
)
from applykit.write.quantity_match import compatible, near_number, same_value
from applykit.write.text_units import clause_around, sentence_around
from applykit.write.tracing import make_claim

_RATE_AFTER = re.compile(r"\s+(?:a|an|per|each|every)\s+(?:day|week|month|year)\b", re.I)
"""… "three days a week": a working arrangement, not the candidate's record."""
_AFTER_OFFER = re.compile(
    r"\s+(?:after|of|from|following)\s+(?:(?:an?|the|my|your)\s+)?(?:\w+\s+)?"
    r"(?:offer|start|signing|acceptance|hire|contract)\b|\s+(?:notice|notice\s+period)\b",
    re.IGNORECASE,
)
_REPORT = re.compile(
    r"\b(?:I|we)\s+(?:\w+ed|built|ran|led|cut|shipped|grew|made|took|brought|won|spent)\b|"
    r"\d\s*(?:→|->|to|-|–)\s*$",
    re.IGNORECASE,
)


def _reported(quantity: Quantity, text: str) -> bool:
    """The number is part of a report of past work ("I moved the pipelines … (9 h → 2.5 h a
    day)"), not an arrangement."""
    sentence = sentence_around(text, quantity.start)
    return bool(_REPORT.search(text[sentence.start : quantity.start]))


_EXPECTATION = re.compile(
    r"\b(?:expectations?|expecting|expect|asking|ask\s+for|looking\s+for|target|hoping\s+for|"
    r"would\s+(?:like|want|need))\b",
    re.IGNORECASE,
)


def _sentence_before(quantity: Quantity, text: str) -> str:
    sentence = sentence_around(text, quantity.start)
    return text[sentence.start : quantity.start]


_PLAN_BEFORE = re.compile(r"\b(?:first|next|within|after)\s+$", re.IGNORECASE)


def _claims_done(quantity: Quantity, text: str) -> bool:
    clause = clause_around(text, quantity.start)
    return bool(
        re.search(
            r"\b(?:i|we)\s+(?:\w+ed|earned|made|won)\b", text[clause.start : clause.end], re.I
        )
    )


_OWN_WORK_AFTER = re.compile(
    r"\b(?:my|our)\s+(?:\w+\s+){0,2}?(?:service|model|models|team|work|system|pipeline|"
    r"platform|code|project|library|job|product)\b|\b(?:I|we)\s+(?:\w+ed|built|ran|did|led|made|"
    r"shipped|wrote)\b",
    re.IGNORECASE,
)


def _posting_subject(
    quantity: Quantity, text: str, in_posting: list[Quantity], evidence: Evidence
) -> bool:
    """The posting's figure leads its clause and the candidate only appears after it, as an
    object ("two conference visits caught my eye"), in the posting's own words."""
    clause = clause_around(text, quantity.start)
    person = r"\b(?:i|we|my|our|me|us)\b"
    if re.search(person, text[clause.start : quantity.start], re.I):
        return False
    if not re.search(person, text[quantity.end : clause.end], re.I):
        return False  # its voice came from another clause: "… which let it read millions …"
    if _OWN_WORK_AFTER.search(text[quantity.end : clause.end]):
        return False  # "Paying 900,000 Canadians … is what my service at Parcelly did"
    near = near_number(quantity, text) | {lemma(quantity.unit)}
    return any(len(near & _posting_words(found, evidence)) >= 2 for found in in_posting)


def _posting_words(found: Quantity, evidence: Evidence) -> frozenset[str]:
    sentence = sentence_around(evidence.posting_text, found.start)
    return lemma_set(evidence.posting_text[sentence.start : sentence.end])


_YOUR_BEFORE = re.compile(r"\byour\s+(?:[\w-]+\s+)?$", re.IGNORECASE)
_DONE_BEFORE = re.compile(
    r"\b(?:i|we)(?:'ve|\s+have|\s+had)?\s+(?:\w+\s+)?(?!(?:noticed|loved|liked|admired|enjoyed|"
    r"followed|watched|learned|wondered|wanted|hoped|imagined|appreciated|needed|excited|"
    r"impressed|inspired|interested|intrigued|delighted|thrilled|drawn|attracted)\b)"
    r"(?:\w+ed|built|ran|led|kept|paid|cut|grew|made|wrote|won|brought|took|got|did)\b",
    re.IGNORECASE,
)
"""… "I built fraud models for your 200,000 merchants": work reported on the company's
figure claims it, "your" or not (opinions such as "I noticed your …" do not)."""
_THE_PERIOD = re.compile(r"\bthe\s+(?:(?:full|whole|entire|complete)\s+)?$", re.IGNORECASE)
"""… "for the full six months": "the" refers back to the period the posting sets."""
_PAST_SAID = re.compile(
    r"\b(?:i|we)(?:'ve|\s+have|\s+had)?\s+(?:\w+\s+)?(?:\w+ed|spent|built|ran|led|kept|cut|"
    r"grew|made|wrote|won|took|did|was|were)\b",
    re.IGNORECASE,
)
"""… "The six months I spent on the migration": a past report anywhere in the sentence."""


def _sentence_bounds(quantity: Quantity, text: str) -> tuple[int, int]:
    sentence = sentence_around(text, quantity.start)
    return sentence.start, sentence.end


_POSSESSED = re.compile(r"^\W*(?:your|the\s+company's)\b", re.IGNORECASE)
"""… "Your 50 million subscribers in 40 countries …": a clause that opens with the company's
possessive, with no first person before the figure."""


def trace_in_posting(quantity: Quantity, text: str, evidence: Evidence, voice: str) -> Claim:
    length = degree_length(quantity, text, evidence)  # "a four-year PhD": its own dates
    if length is not None:
        return length
    profile_value = any(
        same_value(quantity, found) and compatible(quantity, found)
        for found, _ in evidence.quantities
    )
    in_posting = [
        found
        for found in evidence.posting_quantities
        if same_value(quantity, found) and compatible(quantity, found)
    ]
    if in_posting and voice != "company" and company_figure(quantity, text, in_posting, evidence):
        voice = "company"  # "Reaching 60,000 makers with a 14-person team says a lot"
    clause = clause_around(text, quantity.start)
    lead = text[clause.start : quantity.start]
    theirs = _POSSESSED.search(lead) and not re.search(r"\b(?:I|we|my|our)\b", lead)
    theirs = theirs or company_subject(quantity, text, evidence)  # "Quillfield AI's mission …"
    if _YOUR_BEFORE.search(lead) and not _DONE_BEFORE.search(lead):
        theirs = True  # "… learn how your 200,000+ merchants differ": theirs, nothing done to it
    if theirs and in_posting:
        voice = "company"  # "Your 50 million subscribers …": the company's, whoever else is named
    elif in_posting and names_own_entry(
        text[joined_clause_start(text, clause.start) : clause.end], evidence
    ):
        in_posting = []  # "Skald has 60,000 monthly active makers": said of the candidate's own
    if in_posting and voice == "neutral":
        # "A six-month engagement to finish a migration …": no one's voice, the posting's words
        near = near_number(quantity, text)
        in_posting = [f for f in in_posting if len(near & _posting_words(f, evidence)) >= 2]
        voice = "company" if in_posting else voice
    if in_posting and voice == "candidate" and forward_looking(text, quantity.start):
        voice = "company"  # "I would bring the same habits to your 12 models"
    if (
        in_posting
        and voice == "candidate"
        and _posting_subject(quantity, text, in_posting, evidence)
    ):
        voice = "company"  # "two conference visits caught my eye"
    if in_posting and _DONE_BEFORE.search(lead) and not forward_looking(text, quantity.start):
        voice = "candidate"  # "I built fraud models for your 200,000 merchants"
    if (
        in_posting
        and voice == "candidate"
        and quantity.kind == "duration"
        and _THE_PERIOD.search(text, max(0, quantity.start - 30), quantity.start)
        and not _PAST_SAID.search(text, *_sentence_bounds(quantity, text))
        and not _reported(quantity, text)
        and not names_own_entry(text[clause.start : clause.end], evidence)
    ):
        voice = "company"  # "… commit 40 hours a week for the full six months": the posting's
    if (
        quantity.kind == "money"
        and quantity.value in evidence.pay
        and not _claims_done(quantity, text)
    ):
        where = evidence.find_in_posting(quantity.text) or "posting:compensation"
        return make_claim(
            quantity.text, "money", quantity.start, quantity.end, where, "the posting's pay range"
        )
    if quantity.kind == "money" and _EXPECTATION.search(_sentence_before(quantity, text)):
        note = "the candidate's pay expectation, not a claim"  # "My rate expectation is $85/hr"
        return make_claim(quantity.text, "money", quantity.start, quantity.end, "plan", note)
    if _PLAN_BEFORE.search(text[max(0, quantity.start - 20) : quantity.start]) and (
        quantity.kind == "duration" and quantity.unit in {"day", "week", "month"}
    ):
        note = "a plan for the new job, not a claim"
        return make_claim(quantity.text, "duration", quantity.start, quantity.end, "plan", note)
    if (
        quantity.kind == "duration"
        and quantity.unit in {"hour", "day", "week", "month"}
        and (
            forward_looking(text, quantity.start, possession=True)
            or (
                (_RATE_AFTER.match(text, quantity.end) or _AFTER_OFFER.match(text, quantity.end))
                and not _reported(quantity, text)
            )  # "three days a week in the office", "three months after an offer"
        )
        and not _claims_done(quantity, text)
    ):
        note = "what the candidate would do, not a claim"  # "work from the office three days"
        return make_claim(quantity.text, "duration", quantity.start, quantity.end, "plan", note)
    if in_posting and voice == "company":
        found = in_posting[0]
        return make_claim(
            quantity.text,
            quantity.kind,
            quantity.start,
            quantity.end,
            f"posting:{found.start}-{found.end}",
            "the company's figure, from the posting",
        )
    if general_statement(quantity, text, evidence):
        note = "an order of magnitude in a general statement, about no one's record"
        return make_claim(
            quantity.text, quantity.kind, quantity.start, quantity.end, "general", note
        )
    if in_posting:
        note = "a figure from the posting (the company's), claimed as the candidate's"
    elif profile_value:
        note = "this number appears in the profile, but about something else"
    else:
        note = "not in the profile or the posting"
    return make_claim(quantity.text, quantity.kind, quantity.start, quantity.end, None, note)
