"""Tracing numbers: the same value, a compatible unit, and the same words around it (the
words of the number's clause in the fact, or the fact's employer), compared as whole lemmas."""

from __future__ import annotations

import functools
import re

from applykit.models.documents import Claim
from applykit.write.claims import Quantity, range_partners
from applykit.write.evidence import Evidence, Source
from applykit.write.grounding_dates import Entry
from applykit.write.grounding_entities import owner_named, owner_of
from applykit.write.grounding_letter import forward_looking
from applykit.write.grounding_words import lemma, lemma_set
from applykit.write.grounding_years import (
    trace_employer_tenure,
    trace_experience_years,
    trace_year,
)
from applykit.write.posting_figures import (
    as_rounded,
    company_figure,
    general_statement,
    names_own_entry,
)
from applykit.write.text_units import clause_around, clauses_before, sentence_around
from applykit.write.tracing import make_claim, voice_at

_HYPHENATED_TERM = re.compile(r"[a-z]+-[a-z]+", re.IGNORECASE)
_EMPLOYED_AT = re.compile(r"\b(?:at|across|for|with|in)\s+$", re.IGNORECASE)


def same_value(claimed: Quantity, found: Quantity) -> bool:
    if claimed.vague:
        return claimed.value <= found.value < claimed.upper
    margin = max(1e-6 * max(1.0, abs(found.value)), found.tolerance, claimed.tolerance)
    return abs(claimed.value - found.value) <= margin


def claimed_unit_differs(claimed: Quantity, found: Quantity) -> bool:
    """An order of magnitude ("millions of users") must count the same thing."""
    magnitude = claimed.vague and claimed.upper >= 10 * claimed.value  # not "more than N"
    return magnitude and bool(claimed.unit and found.unit) and claimed.unit != found.unit


def _near_number(quantity: Quantity, text: str) -> set[str]:
    """Content lemmas next to the number: up to six words before it and three after, in its
    clause."""
    clause = clause_around(text, quantity.start)
    before = text[clause.start : quantity.start].split()[-6:]
    after = text[quantity.end : max(clause.end, quantity.end)].split()[:3]
    return set(lemma_set(" ".join(before + after)))


def _clause_before(quantity: Quantity, text: str) -> frozenset[str]:
    """The end of the clause before the number's ("chargeback losses: down $2M")."""
    clauses = clauses_before(text, quantity.start)
    if len(clauses) < 2:
        return frozenset()
    return lemma_set(" ".join(text[clauses[1].start : clauses[1].end].split()[-6:]))


def compatible(claimed: Quantity, found: Quantity) -> bool:
    groups = {"count": "n", "number": "n"}
    if groups.get(claimed.kind, claimed.kind) != groups.get(found.kind, found.kind):
        return False
    if claimed.kind == "duration":
        return claimed.unit == found.unit
    if claimed.unit == "time":  # "twice", "3 times": only a count of times or a ratio
        return found.unit in {"time", "x"}
    return (claimed.unit == "x") == (found.unit == "x")  # "doubled" is a ratio, not a count


def trace_quantity(
    quantity: Quantity, text: str, evidence: Evidence, others: list[Quantity] | None = None
) -> Claim:
    """Trace one number of `text`; `others` are the text's other numbers (they bound the
    words read around this one)."""
    others = [q for q in (others or []) if q is not quantity]
    score = _SCORE_OUT_OF.match(text, quantity.start)
    if score:  # "3.86/4.0": a score out of a scale, the same as the profile writes it
        found = evidence.find_in_profile(score.group(0))
        if found is not None:
            note = "a score the profile states"
            return make_claim(
                quantity.text, quantity.kind, quantity.start, quantity.end, found.id, note
            )
    voice, _ = voice_at(text, quantity.start, evidence)
    claim = _trace_in_profile(as_rounded(quantity, text), text, evidence, others)
    if claim is not None and (claim.traced or voice != "company" or _own_time(claim, text)):
        return claim
    return _trace_in_posting(quantity, text, evidence, voice)


_SCORE_OUT_OF = re.compile(r"\d+(?:\.\d+)?\s*/\s*\d+(?:\.\d+)?(?![\d.])")
_OWN_TIME = re.compile(r"\b(?:I|we)\b(?:'ve|’ve)?(?:\s+\w+){0,3}\s*$")


def _own_time(claim: Claim, text: str) -> bool:
    """Time the candidate says they spent ("a job I have been doing for five years") is their
    record, even in a sentence that names the posting."""
    if claim.kind != "duration" or claim.source is not None:
        return False
    clause = clause_around(text, claim.start)
    return bool(_OWN_TIME.search(text[clause.start : claim.start].split(" for ")[0]))


def _trace_in_profile(
    quantity: Quantity, text: str, evidence: Evidence, others: list[Quantity]
) -> Claim | None:
    if quantity.kind == "date":
        return trace_year(quantity, text, evidence)
    if _HYPHENATED_TERM.fullmatch(quantity.text):
        term = evidence.find_in_profile(quantity.text)  # "two-tower": a term, not a count
        if term is not None:
            return make_claim(
                quantity.text,
                "count",
                quantity.start,
                quantity.end,
                term.id,
                "a term of the profile",
            )
    tenure = trace_employer_tenure(quantity, text, evidence, others)
    if tenure is not None:
        return tenure
    stems = _near_number(quantity, text)
    sentence = sentence_around(text, quantity.start)
    sentence_stems = lemma_set(text[sentence.start : sentence.end])
    if not stems:  # no words next to it: the rest of its sentence, never beyond
        stems = set(sentence_stems)
    needed = min(2, len(stems))
    if len(stems) < 2:  # "losses: down $2M": the label before counts too, the bar stays
        stems |= _clause_before(quantity, text)
    partners = range_partners(quantity, others, text)
    named = owner_named(quantity, text, others, evidence)
    elsewhere: Entry | None = None
    for found, source in evidence.quantities:
        if not (same_value(quantity, found) and compatible(quantity, found)):
            continue
        if claimed_unit_differs(quantity, found):
            continue
        owner = owner_of(source, evidence)
        if named and owner is not None and owner not in named:
            elsewhere = elsewhere or owner
            continue
        if _counts_other_things(quantity, found, stems, source):
            continue  # "a team of 12 engineers" is not "12 languages"
        own_stems = lemma_set(source.text)
        shared = stems & (_local_lemmas(source.text, found.start) | lemma_set(source.context))
        if quantity.unit and quantity.kind == "count" and lemma(quantity.unit) == lemma(found.unit):
            shared = shared | {f"unit:{quantity.unit}"}  # both count the same thing
        if any(_in_source(partner, source, evidence) for partner in partners):
            shared = shared | {"range"}  # "from 120ms to 35ms": both ends in this fact
        distinctive = found.value != int(found.value) and found.kind != "date"
        enough = shared and (len(shared) >= needed or distinctive)  # 0.81, 4.1: not by chance
        # or: a word next to the number is somewhere in the fact, and the sentence tells the
        # fact's story (three of its words)
        if enough or ((shared or stems & own_stems) and len(sentence_stems & own_stems) >= 3):
            other = _clause_about_other_work(quantity, text, source, owner, evidence)
            if other is not None:
                elsewhere, named = owner, [other]
                continue
            return make_claim(
                quantity.text,
                quantity.kind,
                quantity.start,
                quantity.end,
                source.id,
                "stated in this fact",
            )
    listed = _listed(quantity, text, evidence)
    if (
        listed is not None
        and listed[1] == "employers"
        and not _EMPLOYED_AT.search(text[max(0, quantity.start - 12) : quantity.start])
    ):
        listed = None  # "used by 3 companies" is not where the candidate worked
    if listed is not None and quantity.value in listed[0]:
        note = f"the number of entries in the profile's {listed[1]}"
        where = f"profile:{listed[1]}"
        return make_claim(quantity.text, "count", quantity.start, quantity.end, where, note)
    if elsewhere is not None and named:
        note = f"a figure of the work at {elsewhere.name}, claimed for {named[0].name}"
        return make_claim(quantity.text, quantity.kind, quantity.start, quantity.end, None, note)
    return trace_experience_years(quantity, text, evidence, others)


_NOT_NOUNS = frozenset({"x", "time", "%", "point", ""})


def _counts_other_things(
    claimed: Quantity, found: Quantity, near: set[str], source: Source
) -> bool:
    """Both numbers count something, and not the same thing: neither's noun is beside the
    other ("a team of 12 engineers" against "covering 12 languages")."""
    if claimed.kind != "count" or found.kind != "count":
        return False
    if claimed.unit in _NOT_NOUNS or found.unit in _NOT_NOUNS:
        return False
    mine, theirs = lemma(claimed.unit), lemma(found.unit)
    return (
        mine != theirs
        and mine not in _local_lemmas(source.text, found.start)
        and theirs not in near
    )


def _clause_about_other_work(
    quantity: Quantity, text: str, source: Source, owner: Entry | None, evidence: Evidence
) -> Entry | None:
    """The job the number's clause plainly describes, when that is not the job of the fact
    the number matched: "… reducing p95 latency from 120ms to 35ms at 4,000 requests per
    second with 99.95% availability" tells Northwind's story, so Lumen Media's 99.95% does
    not belong there. Needs four words of the other job's fact and at most two of this one."""
    if owner is None:
        return None
    clause = clause_around(text, quantity.start)
    words = lemma_set(text[clause.start : clause.end])
    if len(words & _fact_lemmas(source.text)) > 2:
        return None
    for other in evidence.sources:
        if not other.is_fact or other is source:
            continue
        other_owner = owner_of(other, evidence)
        if other_owner is None or other_owner is owner:
            continue
        if len(words & _fact_lemmas(other.text)) >= 4:
            return other_owner
    return None


@functools.lru_cache(maxsize=4096)
def _fact_lemmas(fact: str) -> frozenset[str]:
    return lemma_set(fact)


@functools.lru_cache(maxsize=2048)
def _local_lemmas(fact: str, position: int) -> frozenset[str]:
    """The words of the fact's clause that holds the number at `position`."""
    clause = clause_around(fact, position)
    return lemma_set(fact[clause.start : clause.end])


def _listed(quantity: Quantity, text: str, evidence: Evidence) -> tuple[set[int], str] | None:
    """The profile list a count counts: its unit or a noun right after ("two workshop
    papers")."""
    if quantity.kind != "count":
        return None
    nouns = [quantity.unit, *re.findall(r"[A-Za-z]+", text[quantity.end : quantity.end + 30])[:2]]
    for noun in nouns:
        listed = evidence.list_counts.get(lemma(noun)) if noun else None
        if listed is not None:
            return listed
    return None


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
    near = _near_number(quantity, text) | {lemma(quantity.unit)}
    return any(len(near & _posting_words(found, evidence)) >= 2 for found in in_posting)


def _posting_words(found: Quantity, evidence: Evidence) -> frozenset[str]:
    sentence = sentence_around(evidence.posting_text, found.start)
    return lemma_set(evidence.posting_text[sentence.start : sentence.end])


def _in_source(quantity: Quantity, source: Source, evidence: Evidence) -> bool:
    return any(
        other is source and same_value(quantity, found) and compatible(quantity, found)
        for found, other in evidence.quantities
    )


def _trace_in_posting(quantity: Quantity, text: str, evidence: Evidence, voice: str) -> Claim:
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
    if in_posting and names_own_entry(text[clause.start : clause.end], evidence):
        in_posting = []  # "Skald has 60,000 monthly active makers": said of the candidate's own
    if in_posting and voice == "neutral":
        # "A six-month engagement to finish a migration …": no one's voice, the posting's words
        near = _near_number(quantity, text)
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
