"""Whether a name of the posting that the profile lacks is only mentioned or claimed.

A posting name that is not a skill (a place, an organisation, a benefit, a reference number)
is the company's world: naming it claims nothing, unless a clause about the candidate's own
record holds it ("I lived in Berlin", "my publications at ACL", "my 2023 NeurIPS paper"), a
paper, talk or award came from it ("a first-author paper at ICML"), or it is a school.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from applykit.write.claim_scope import continues_previous, skill_like
from applykit.write.grounding_words import lemma_set
from applykit.write.requirement_table import requirement_restated, subject_names_title
from applykit.write.text_units import clauses_before, sentence_spans

if TYPE_CHECKING:
    from applykit.write.evidence import Evidence

SCHOOL_WORDS = re.compile(r"\b(university|college|institute|school|academy|polytechnic)\b", re.I)

_FIRST_PERSON = re.compile(
    r"\b(?:I|I'm|I've|I'd|[Mm]y|[Mm]e|[Mm]ine|[Ww]e|[Oo]ur|[Uu]s)\b(?<!\bUS)"
)


_RECORD = re.compile(
    r"\b(?:I|we)\s+(?:have|had|'ve|was|were|am\s+based|live|lived|work|worked|studied|"
    r"hold|held|earned|received|got|[a-z]+ed|built|ran|led|wrote|won|spent|taught|gave|"
    r"made)\b|"
    r"\b(?:I've|I'd\s+(?:worked|been|built))|\bI'm\s+(?:based|living|located|settled)\b|"
    r"\b(?:my|our)\s+(?:\S+\s+){0,3}(?:publications?|papers?|work|job|jobs|roles?|employers?|"
    r"teams?|degrees?|studies|internships?|clients?|customers?|experience|background|"
    r"projects?|record|career|talks?|awards?)\b",
    re.IGNORECASE,
)
"""A clause about the candidate's record: what they did, have, or where they live or work
("my publications at ACL", "I live in London"); "My answer is Berlin" is not one."""
_APPLYING = re.compile(r"\b(?:apply|applying|application)\b", re.IGNORECASE)
MENTIONED = "a place, organisation or label of the posting: mentioned, not claimed"


_VENUE_BEFORE = re.compile(
    r"\b(?:paper|papers|publication|publications|published|presented|accepted|talk|poster|"
    r"spoke|keynote|award|prize|certified|certificate)\b[^.;:]{0,30}\b(?:at|in|by|from)\s+"
    r"(?:the\s+)?$",
    re.IGNORECASE,
)


_TIME_IN = re.compile(
    r"\b(?:years?|months?|summers?|semesters?)\s+(?:in|at|with)\s+(?:the\s+)?$", re.IGNORECASE
)


_PLANNED = re.compile(r"\b(?:first|next|coming|initial|few)\s+$", re.IGNORECASE)


def mentioned_only(name: str, start: int, text: str, evidence: Evidence) -> bool:
    """A posting name that is not a skill (a place, an organisation, a benefit, a reference
    number) is only mentioned unless a clause about the candidate's own record holds it
    ("my publications at ACL"), or it names where a paper, talk or award came from ("a
    first-author paper at ICML"); "I am applying for the role in London" claims nothing."""
    if skill_like(name, evidence) or SCHOOL_WORDS.search(name):
        return False  # a skill, or a school: "a degree from the Technical University of …"
    if _VENUE_BEFORE.search(text[max(0, start - 60) : start]):
        return False
    time_in = _TIME_IN.search(text, max(0, start - 40), start)
    if time_in and not _PLANNED.search(text, max(0, time_in.start() - 16), time_in.start()):
        return False  # "after three years in Austin": time the candidate spent there
    clause = _first_person_clause(start, text)
    return clause is None or bool(_APPLYING.search(clause)) or not _RECORD.search(clause)


def _first_person_clause(start: int, text: str) -> str | None:
    """The clause that speaks of the candidate and holds the name: its own ("my
    publications at ACL"), or one it continues ("My publications include a paper, …,
    presented at NeurIPS")."""
    for index, clause in enumerate(clauses_before(text, start)):
        body = text[clause.start : clause.end].strip()
        lead = text[clause.start : start] if index == 0 else body
        if _FIRST_PERSON.search(lead):  # "… Eastern overlap falls in my morning": not before
            return body
        if not continues_previous(body):
            return None
    return None


_MY_TIME_AT = re.compile(
    r"\b(?:my|our)\s+(?:\w+\s+){0,2}(?:time|years?|months?|work|job|role|days|stint|team|"
    r"internship|tenure)\s+(?:at|with|in)\s+(?:the\s+)?$|"
    r"\b(?:my|our)\s+(?:(?!to\b|into\b)[\w-]+\s+){1,3}(?:at|with|for)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_RECORD_AFTER = re.compile(
    r"^(?:\s+in\s+[A-Z][\w-]*)?\s*,?\s*(?:where|when|at\s+which|in\s+which)\s+(?:I|we)\s+"
    r"(?:(?:also|first|then|once)\s+)?(?:[a-z]+ed|built|ran|led|made|wrote|took|spent|was|were|"
    r"had|grew|cut|shipped|won|drove|held|set)\b"
    r"|^\s*,\s*(?:my|our)\s+(?:\w+\s+){0,2}(?:employer|company|job|team|workplace|client|"
    r"school|university)\b"
)


def in_record(start: int, end: int, text: str) -> bool:
    """The sentence puts the name in the candidate's record however the clause is shaped ("I'd
    write about Spotify, where I moved feature pipelines …", "my time at Spotify", "Spotify,
    my previous employer"): a wish or a plan around it does not make it unclaimed."""
    return bool(
        _MY_TIME_AT.search(text[max(0, start - 50) : start])
        or _RECORD_AFTER.match(text[end : end + 120])
    )


_LABEL = re.compile(
    r"(?:^|\n)[ \t]*(?:[-*•]|\d+[.)])?[ \t]*(?:\*\*|__)?(?P<label>[^:\n*_|]{2,80}?)(?:\*\*|__)?:"
)


_BACK_REFERENCE = re.compile(
    r"\s*(?:[\w-]+\s+){0,3}?(?:those|these|them|it|its|this|that|they|both|each|all)\b",
    re.IGNORECASE,
)


_ANSWERS_FOR_IT = re.compile(
    r"[\s*_.:|]*(?:yes\b|\d|(?:\w+ly\s+)?(?:\w+ed|built|ran|led|wrote|shipped|made|done|grew|"
    r"won|kept|cut)\b)",
    re.IGNORECASE,
)
"""… "| Kubeflow Pipelines | Used daily at Northwind |", "- Terraform: 3 years": an answer with
no subject of its own is about the label, so the label is claimed."""


_OWN_FIGURE = re.compile(r"[\s*_.:|]*(?:~|about\s+|over\s+|nearly\s+)?\d")
"""… "| 5+ years building ML systems | 6+ years taking models …": the answer states a figure of
its own, so the label's figure stays the requirement's."""


def posting_label(start: int, text: str, evidence: Evidence, figure: str = "") -> bool:
    """The name is in the label of a line and the label's words (two to twelve) are all in one
    sentence of the posting: the requirement the line answers, not a claim. A label is the
    text before a colon ("- GPU spend: training cost 35% lower …"), a bold lead
    ("**Workflow orchestration and Spark.**", "- **Low-latency ML services.** My rebuild …") or
    the first cell of a table row ("| Fluent English | Native speaker |")."""
    line_start = text.rfind("\n", 0, start) + 1
    if requirement_restated(start, text, evidence, figure, answered=True):
        return True  # "| Time-series forecasting | … would be new to me |": named again there
    if not figure and subject_names_title(start, text, evidence):
        return True  # "Subject: Application – Data Scientist, Pricing & Demand Forecasting"
    for pattern in _LABELS:
        match = pattern.match(text, max(0, line_start - 1))
        if match is None or not match.start("label") <= start < match.end("label"):
            continue
        line_end = text.find("\n", match.end())
        body = text[match.end() : line_end if line_end >= 0 else len(text)]
        own_figure = bool(figure) and _OWN_FIGURE.match(body) is not None
        if _BACK_REFERENCE.match(body.lstrip("*_ .:")) or (
            _ANSWERS_FOR_IT.match(body) and not own_figure
        ):
            return False  # "- Flink streaming: built those jobs at Northwind": the label is claimed
        raw = match.group("label")  # with its aside when the posting has it too ("(Argo CD)")
        labels = [_label_words(_ASIDE.sub(" ", raw)), _label_words(raw)]
        return any(
            2 <= len(label) <= 12 and label <= _label_words(sentence) and figure in sentence
            for label in labels
            for sentence in _posting_sentences(evidence.posting_text)
        ) or requirement_restated(start, text, evidence, figure)
        # a figure in the label ("| 3+ years in a quantitative role |") must be the posting's
    return False


_LABELS = (
    _LABEL,
    re.compile(
        r"(?:^|\n)[ \t]*(?:[-*•]|\d+[.)])?[ \t]*(?:\*\*|__)(?P<label>[^*_\n]{2,120}?)\.?(?:\*\*|__)"
    ),
    re.compile(r"(?:^|\n)[ \t]*\|(?P<label>[^|\n]{2,80})\|(?=[^\n]*\|)"),
)
_ASIDE = re.compile(r"\([^()]*\)")
"""… "OCR and document layout models (nice to have)": the aside is not the requirement's."""


_KIND_WORDS = lemma_set("nice have must required preferred bonus plus optional essential")
_ACRONYM = re.compile(r"\b[A-Z][A-Z0-9]*(?:/[A-Z0-9]+)+\b")


def _label_words(text: str) -> frozenset[str]:
    """A label's content words, slashed capitals included ("CI/CD for models": ci/cd, model)."""
    acronyms = {found.lower() for found in _ACRONYM.findall(text)}
    return (lemma_set(text) - _KIND_WORDS) | acronyms


"""… "German (B1 or higher, nice to have)": how much the posting wants it, not what it is."""


@functools.lru_cache(maxsize=16)
def _posting_sentences(posting: str) -> tuple[str, ...]:
    """The posting's sentences, and its lines ("* Strong Python; comfort with Terraform …")."""
    sentences = tuple(posting[span.start : span.end] for span in sentence_spans(posting))
    return sentences + tuple(line for line in posting.splitlines() if line.strip())


_PAST_REPORT = re.compile(
    r"(?<![\w-])(?:[a-z]{3,}ed|built|ran|led|grew|won|made|took|shipped|was|were|had|did)"
    r"(?![\w-])"
)
_FIRST_PERSON_AHEAD = re.compile(
    r",?\s*(?:and|but|so)?\s*\b(?:I|I'm|I've|I'd|[Mm]y|[Ww]e|[Oo]ur)\b"
)


_THEIR_CLAUSE_AHEAD = re.compile(
    r",\s*(?:and|but|while|whereas)\s+(?:your|the\s+company's)\b", re.IGNORECASE
)


def restates_posting(start: int, text: str, evidence: Evidence) -> bool:
    """The name stands in a stretch with no first person and no past report whose content
    words are mostly one sentence of the posting, with no label colon and no profile employer
    ("An AI workspace that helps knitters, weavers
    and small textile studios turn a photo or sketch into a pattern is …"): the letter retells
    the company's description, so the name is the company's. The stretch runs from the sentence
    start to its end, to the first "I / my / we" or to a clause about the company (", and your
    …"); the name is in that posting sentence, and
    the line is not an item of a list or a table cell."""
    sentence = next((s for s in sentence_spans(text) if s.start <= start < s.end), None)
    if sentence is None:
        return False
    before = text[sentence.start : start]
    ahead = _FIRST_PERSON_AHEAD.search(text, start, sentence.end)
    theirs = _THEIR_CLAUSE_AHEAD.search(text, start, ahead.start() if ahead else sentence.end)
    ahead = theirs or ahead  # "…, and your pipeline …": a clause of its own about the company
    stretch = text[sentence.start : ahead.start() if ahead else sentence.end]
    if _FIRST_PERSON.search(before) or _PAST_REPORT.search(stretch) or ":" in stretch:
        return False  # a label with its answer ("- **Terraform:** 3 years at …") is not retold
    if any(employer.lower() in stretch.lower() for employer in evidence.employers if employer):
        return False  # "… at Northwind": the record, not the company's description
    if _LIST_OR_CELL.match(text, text.rfind("\n", 0, start) + 1):
        return False  # "- Low-latency services with Kafka …": an item of the candidate's list
    own = lemma_set(stretch)
    if len(own) < 6:
        return False
    name = lemma_set(text[start : start + 40].split()[0]) if text[start:].split() else frozenset()
    return any(
        len(own & lemmas) >= 0.6 * len(own) and name <= lemmas
        for lemmas in _sentence_lemmas(evidence.posting_text)
    )


_LIST_OR_CELL = re.compile(r"[ \t]*(?:[-*•|]|\d+[.)])")


@functools.lru_cache(maxsize=16)
def _sentence_lemmas(posting: str) -> tuple[frozenset[str], ...]:
    return tuple(frozenset(lemma_set(sentence)) for sentence in _posting_sentences(posting))
