"""Tracing numbers: the same value, a compatible unit, and the same words around it (the
words of the number's clause in the fact, or the fact's employer), compared as whole lemmas."""

from __future__ import annotations

import functools
import re
from dataclasses import replace

from applykit.models.documents import Claim
from applykit.write.antecedent_facts import told_of_another_fact
from applykit.write.career_scope import before_joining, career_wide
from applykit.write.claims import Quantity, find_quantities, range_partners
from applykit.write.evidence import Evidence, Source
from applykit.write.grounding_dates import Entry
from applykit.write.grounding_entities import owner_named, owner_of
from applykit.write.grounding_words import lemma, lemma_set
from applykit.write.grounding_years import (
    trace_employer_tenure,
    trace_experience_years,
    trace_year,
)
from applykit.write.metric_check import other_measure
from applykit.write.posting_figures import as_rounded
from applykit.write.quantity_match import (
    claimed_unit_differs,
    clause_before_words,
    compatible,
    near_number,
    same_value,
)
from applykit.write.text_units import clause_around, sentence_around
from applykit.write.trace_posting_quantities import trace_in_posting
from applykit.write.tracing import make_claim, voice_at

_HYPHENATED_TERM = re.compile(r"[a-z]+-[a-z]+", re.IGNORECASE)
_EMPLOYED_AT = re.compile(r"\b(?:at|across|for|with|in)\s+$", re.IGNORECASE)


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
    done = _DONE_TIMES.search(text, max(0, quantity.start - 30), quantity.start)
    if quantity.unit == "time" and done:
        quantity = replace(quantity, unit=lemma(done.group(1)))  # "starred 1,200+ times": stars
    one_of = quantity.unit == "one" and _MODEL_BEFORE.search(
        text, max(0, quantity.start - 80), quantity.start
    )
    if (
        (quantity.unit in _MODEL_WORDS or one_of)  # "a 13B model into a 1.3B one"
        and _SIZE_SUFFIX.match(quantity.text)
        and quantity.text[-1:] != "s"
    ):
        quantity = replace(quantity, unit="parameter")  # "a 7B model": its parameters
    voice, _ = voice_at(text, quantity.start, evidence)
    claim = _trace_in_profile(as_rounded(quantity, text), text, evidence, others)
    moved = other_measure(claim, quantity, text, evidence) if claim is not None else None
    other = told_of_another_fact(claim, quantity, text, evidence) if claim is not None else None
    if claim is not None and other is not None:  # "…, which cut chargeback losses by $2M"
        note = f"a figure of another fact ({claim.source}), told as the result of {other}"
        return claim.model_copy(update={"traced": False, "source": None, "note": note})
    if claim is not None and moved is not None:  # "cutting inference cost by 22%"
        note = f"the profile's figure changes another measure ({moved})"
        return claim.model_copy(update={"traced": False, "source": None, "note": note})
    if claim is not None and (claim.traced or voice != "company" or _own_time(claim, text)):
        return claim
    return trace_in_posting(quantity, text, evidence, voice)


_MODEL_WORDS = frozenset({"model", "llm", "transformer", "checkpoint", "network"})
_MODEL_BEFORE = re.compile(r"\b(?:model|llm|transformer)\b[^.;:\n]{0,60}$", re.I)
_SIZE_SUFFIX = re.compile(r"\d+(?:\.\d+)?\s?(?:B|M|bn)\b")
"""… "a 7B model", "a 1.3B LLM": a model's size counts its parameters ("7B-parameter")."""
_DONE_TIMES = re.compile(r"\b([a-z]{3,}ed)\s+(?:over\s+|more\s+than\s+|about\s+)?$")
"""… "starred 1,200+ times", "downloaded 40,000 times": a count of what the verb names."""
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
    joining = before_joining(quantity, text, evidence)  # "I joined X with 4 years of …"
    if joining is not None:
        return joining
    if career_wide(quantity, text, evidence):  # "… at Northwind with 6+ years of experience"
        career = trace_experience_years(quantity, text, evidence, others)
        if career is not None:
            return career
    tenure = trace_employer_tenure(quantity, text, evidence, others)
    if tenure is not None:
        return tenure
    stems = near_number(quantity, text)
    sentence = sentence_around(text, quantity.start)
    sentence_stems = lemma_set(text[sentence.start : sentence.end])
    if not stems:  # no words next to it: the rest of its sentence, never beyond
        stems = set(sentence_stems)
    needed = min(2, len(stems))
    if len(stems) < 2:  # "losses: down $2M": the label before counts too, the bar stays
        stems |= clause_before_words(quantity, text)
    partners = range_partners(quantity, others, text)
    named = owner_named(quantity, text, others, evidence)
    elsewhere: Entry | None = None
    employed = (  # "at three companies" counts employers, not a fact's "3 companies" as users
        quantity.kind == "count"
        and lemma(quantity.unit) in {"company", "employer"}
        and bool(_EMPLOYED_AT.search(text[max(0, quantity.start - 12) : quantity.start]))
    )
    for found, source in [] if employed else evidence.quantities:
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
        if quantity.unit and quantity.kind == "count" and _same_noun(quantity, found, source):
            shared = shared | {f"unit:{quantity.unit}"}  # both count the same thing
            if owner is not None and (owner in named or _appositive_of(owner, quantity, text)):
                shared = shared | {"owner"}  # "tidewatch, a … library with 1,200+ stars"
        if any(_in_source(partner, source, evidence) for partner in partners):
            shared = shared | {"range"}  # "from 120ms to 35ms": both ends in this fact
        elif _before_and_after(quantity, found, others, text, source):
            shared = shared | {"range"}  # "used to take three weeks; now it takes four days"
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
        and listed[1] in ("employers", "companies")
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


_APPOSITIVE = re.compile(r",\s+(?:an?|my|the|our)\s+[^,;:.()|]{0,80}$", re.IGNORECASE)


def _appositive_of(owner: Entry, quantity: Quantity, text: str) -> bool:
    """The number is in an appositive of the entry's name ("tidewatch, a drift-detection
    library with 1,200+ stars"): what it counts is that entry's."""
    if not owner.name:
        return False
    sentence = sentence_around(text, quantity.start)
    head = text[sentence.start : quantity.start]
    named = list(re.finditer(rf"\b{re.escape(owner.name)}\b", head))
    return bool(named) and bool(_APPOSITIVE.fullmatch(head, named[-1].end()))


_NOT_NOUNS = frozenset({"x", "time", "%", "point", ""})


def _same_noun(quantity: Quantity, found: Quantity, source: Source) -> bool:
    """Both count the same thing, the fact perhaps with a modifier before its noun ("5 teams"
    ← "5 ML teams": fewer words, the same teams; "5 ML teams" is not "5 product teams")."""
    unit = lemma(quantity.unit)
    if unit == lemma(found.unit):
        return True
    head = source.text[found.end : found.end + 40].split()[:1]
    return bool(head) and lemma(head[0].strip(".,;:)").lower()) == unit


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
        not _same_noun(claimed, found, source)
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
    stories = [lemma_set(text[clause.start : clause.end])]
    if _PARTICIPLE.match(text, clause.start) and text[: clause.start].rstrip().endswith(","):
        main = clause_around(text, text[: clause.start].rstrip().rfind(",") - 1)
        stories.append(lemma_set(text[main.start : main.end]))  # the clause it continues
    for words in stories:
        if len(words & _fact_lemmas(source.text)) > 2:
            continue
        for other in evidence.sources:
            if not other.is_fact or other is source:
                continue
            other_owner = owner_of(other, evidence)
            if other_owner is None or other_owner is owner:
                continue
            if len(words & _fact_lemmas(other.text)) >= 4:
                return other_owner
    return None


_PARTICIPLE = re.compile(r"\s*(?:and\s+|while\s+|thereby\s+)?[a-z]+ing\b")


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


def _in_source(quantity: Quantity, source: Source, evidence: Evidence) -> bool:
    return any(
        other is source and same_value(quantity, found) and compatible(quantity, found)
        for found, other in evidence.quantities
    )


def _before_and_after(
    quantity: Quantity, found: Quantity, others: list[Quantity], text: str, source: Source
) -> bool:
    """The sentence states both ends of a range the fact states ("from 3 weeks to 4 days"),
    told as before and after ("used to take three weeks; now it takes four days"): the other
    end, of the same kind, is in the same sentence and is the fact's other end. A sentence that
    opens by referring back ("… p95 around 120ms, and I rewrote it. It now sits at 35ms") takes
    the other end from the sentence before, in the fact's order: the later sentence holds the
    fact's later end."""
    sentence = sentence_around(text, quantity.start)
    first = sentence.start
    back = _REFERS_BACK_NOW.match(text, sentence.start) and sentence.start > 1
    if back:
        first = sentence_around(text, sentence.start - 2).start
    mine = [
        other
        for other in others
        if other is not quantity
        and other.kind == quantity.kind
        and first <= other.start < sentence.end
    ]
    if not mine:
        return False
    in_fact = find_quantities(source.text)
    own = next((q for q in in_fact if same_value(found, q) and q.start == found.start), None)
    ends = range_partners(own, in_fact, source.text) if own else []
    return any(
        same_value(other, end)
        and compatible(other, end)
        and (other.start >= sentence.start or (own is not None and end.start < own.start))
        for other in mine
        for end in ends
    )


_REFERS_BACK_NOW = re.compile(
    r"[\s*_>-]*(?:(?:it|this|that|they)\s+(?:now|today)\b|(?:now|today),?\s+(?:it|this|that|they)\b)",
    re.IGNORECASE,
)
"""… "It now sits at 35ms", "Today it takes four days": the thing of the sentence before, now."""
