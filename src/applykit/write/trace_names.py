"""Tracing names, job titles, degrees and the posting's skills."""

from __future__ import annotations

import re

from applykit.models.documents import Claim, ClaimKind
from applykit.write.acronyms import acronym_source
from applykit.write.claim_scope import (
    brought_by_candidate,
    claimed_by_pronoun,
    gerund_topic,
    known_entry,
    negated_item,
    skill_like,
    unclaimed_reason,
)
from applykit.write.evidence import Evidence, Source
from applykit.write.grounding_letter import forward_looking
from applykit.write.names import LETTER_CONVENTIONS
from applykit.write.posting_mentions import (
    MENTIONED,
    SCHOOL_WORDS,
    in_record,
    mentioned_only,
    posting_label,
    restates_posting,
)
from applykit.write.text_units import CONTENT_STOPWORDS, clauses_before, voice_of
from applykit.write.trace_titles import normalise_title
from applykit.write.tracing import make_claim, voice_at

_EMPLOYMENT_BEFORE = re.compile(r"\b(?:at|for|with|joined|joining|left|from)\s+$", re.I)
_PAST_WORK = re.compile(
    r"\b(?:i|we)\s+(?:\w+ed|built|led|ran|cut|shipped|grew|made|wrote|drove|won|took|brought|"
    r"set|held|did|spent|have\s+been|had|was|were)\b",
    re.I,
)


def _name_kind(name: str, evidence: Evidence) -> ClaimKind:
    lowered = name.lower()
    if any(
        normalise_title(name) == normalise_title(title)
        for title in [*evidence.positions, evidence.posting_title or ""]
        if title
    ):
        return "title"
    if SCHOOL_WORDS.search(name):
        return "school"
    if any(lowered == employer.lower() for employer in evidence.employers + evidence.company_names):
        return "employer"
    if any(lowered == skill.lower() for skill in evidence.posting_skills):
        return "skill"
    return "product"


def _is_employment_claim(name_start: int, text: str) -> bool:
    before = text[max(0, name_start - 12) : name_start]
    if not _EMPLOYMENT_BEFORE.search(before):
        return False
    sentence_start = max(text.rfind(". ", 0, name_start), text.rfind("\n", 0, name_start), 0)
    lead = text[max(0, name_start - 40) : name_start]
    if (
        _JOB_NOUN_BEFORE.search(lead)
        and not _MY_JOB_BEFORE.search(lead)
        and not _HELD.search(text[sentence_start:name_start])
    ):
        return False  # "… the Product Engineer opening at Loomcraft": the job applied for
    clause = clauses_before(text, name_start)[:1]
    if clause and voice_of(text[clause[0].start : name_start], []) == "company":
        return False  # "… the 25% your team is targeting for GPU spend": the company's
    sentence_start = max(text.rfind(". ", 0, name_start), text.rfind("\n", 0, name_start), 0)
    sentence_end = min(
        (i for i in (text.find(". ", name_start), text.find("\n", name_start)) if i >= 0),
        default=len(text),
    )
    return bool(_PAST_WORK.search(text[sentence_start:sentence_end]))


_AMONG_MINE = re.compile(
    r"(?:\bused\s+(?:in\s+production\s+)?by|\b(?:my|our)\s+(?:\w+\s+)?(?:clients|customers|"
    r"users|employers|adopters)|\b(?:I|we)\s+(?:have\s+)?(?:worked|consulted|built)\s+(?:for|with))"
    r"\b[^.;:]{0,40}\b(?:including|such\s+as|among\s+them|like)\s+$",
    re.IGNORECASE,
)
"""… "used in production by 3 companies, including Kestrel": the company named among the
candidate's own record."""
_JOB_NOUN_BEFORE = re.compile(
    r"\b(?:opening|role|position|job|vacancy|opportunity|posting|contract|engagement|internship)"
    r"\s+(?:here\s+)?(?:at|with|for)\s+$",
    re.IGNORECASE,
)
_MY_JOB_BEFORE = re.compile(
    r"\b(?:my|our)\s+(?:[\w-]+\s+){0,3}(?:role|position|job|contract|engagement|internship)\s+"
    r"(?:at|with|for)\s+$",
    re.IGNORECASE,
)
_HELD = re.compile(
    r"\b(?:I|we)\s+(?:\w+\s+)?(?:held|had|worked|did|took|left|joined|filled)\b|"
    r"\b(?:I|we)\s+(?:was|were)\s+(?:on|in|at|part|a|an|the)\b",
    re.IGNORECASE,
)
_BUILT_BEFORE = re.compile(
    r"\b(?:i|we)\s+(?:built|rebuilt|led|ran|shipped|designed|migrated|scaled|owned|managed|"
    r"launched|created|grew|maintained)\s+(?:the\s+)?$",
    re.I,
)


def _claims_their_work(start: int, end: int, text: str) -> bool:
    """ "I built Kestrel's recommendation platform": past work on the organisation's own
    systems, which only an employee could have done."""
    possessive = text[end : end + 2] in {"'s", "’s"}
    return possessive and bool(_BUILT_BEFORE.search(text[max(0, start - 40) : start]))


_NEGATION_BEFORE = re.compile(
    r"\b(?:(?:not|never|haven't|hasn't|hadn't|didn't|don't|doesn't|can't|cannot|won't|"
    r"wasn't|isn't)(?:\s+(?!and\b|or\b|but\b)[a-z]+){0,2}|no|without|rather than|"
    r"instead of|nor|lack|new to|(?:less|little|limited|no)\s+experience\s+(?:with|in))\s+"
    r"(?:an?\s+|the\s+)?$",
    re.I,
)
_NEGATED_LIST = re.compile(
    r"\b(?:not|never|haven't|have not)\b[^:.;]{0,60}:(?![^.;:]*\b(?:I|we)\b)[^.;:]*$", re.I
)
"""… "Tools I have not used: Kubeflow, Argo CD and Helm"."""


def negated(start: int, text: str) -> bool:
    """A negation before the name reaches it ("not used", "no", a negated list)."""
    before = text[max(0, start - 120) : start]
    return bool(
        _NEGATION_BEFORE.search(before[-40:])
        or _NEGATED_LIST.search(before)
        or negated_item(start, text)
    )


def trace_name(name: str, start: int, end: int, text: str, evidence: Evidence) -> Claim | None:
    if name.lower() in LETTER_CONVENTIONS:
        return None
    kind = _name_kind(name, evidence)
    record = in_record(start, end, text)
    unclaimed = "negated" if negated(start, text) else unclaimed_reason(start, end, text)
    if (record and unclaimed != "negated") or (unclaimed and claimed_by_pronoun(end, text)):
        unclaimed = None  # "I'd love to talk about my time at Spotify": the record, all the same
    if unclaimed and evidence.find_in_profile(name) is None:
        where = evidence.find_in_posting(name) or unclaimed
        note = f"{unclaimed}: the text does not claim the candidate has it"
        return make_claim(name, kind, start, end, where, note)
    source = evidence.find_in_profile(name) or _spelling_variant(name, evidence)
    if source is not None:
        if (
            _is_employment_claim(start, text)
            and kind == "employer"
            and not any(name.lower() == employer.lower() for employer in evidence.employers)
        ):
            return make_claim(
                name,
                "employer",
                start,
                end,
                None,
                "claims work at an organisation that is not an employer in the profile",
            )
        return make_claim(name, kind, start, end, source.id, "named in the profile")
    in_posting = evidence.find_in_posting(name)
    if in_posting is not None:
        if _is_employment_claim(start, text) or _claims_their_work(start, end, text):
            return make_claim(
                name,
                "employer",
                start,
                end,
                None,
                "claims work at an organisation named only in the posting",
            )
        if gerund_topic(start, text):  # "Helping a service … move to Kubeflow Pipelines is …"
            return make_claim(name, kind, start, end, in_posting, "the work on offer")
        if restates_posting(start, text, evidence):  # "An AI workspace that helps knitters …"
            return make_claim(name, kind, start, end, in_posting, "retells the posting")
        voice, _ = voice_at(text, start, evidence)
        is_application_target = any(
            name.lower() == known.lower()
            for known in [*evidence.company_names, evidence.posting_title or ""]
            if known
        )
        among_mine = bool(_AMONG_MINE.search(text, max(0, start - 80), start))
        offered = brought_by_candidate(start, text) and skill_like(name, evidence)
        if among_mine and any(name.lower() == c.lower() for c in evidence.company_names):
            note = "claims the company among the candidate's own users, clients or employers"
            return make_claim(name, "employer", start, end, None, note)
        if (voice == "company" and not offered) or is_application_target:
            return make_claim(name, kind, start, end, in_posting, "named in the posting")
        if posting_label(start, text, evidence):
            return make_claim(name, kind, start, end, in_posting, "named in the posting")
        if mentioned_only(name, start, text, evidence):
            return make_claim(name, kind, start, end, in_posting, MENTIONED)
        if (
            forward_looking(text, start, possession=True)
            and not offered
            and not claimed_by_pronoun(end, text)
        ):
            note = "named in the posting, in what the candidate would do (not a claim of past work)"
            return make_claim(name, kind, start, end, in_posting, note)
        return make_claim(
            name,
            kind,
            start,
            end,
            None,
            "named in the posting but not in the profile: not the candidate's",
        )
    if (
        forward_looking(text, start, possession=True)
        and not record
        and not _EMPLOYMENT_BEFORE.search(text[max(0, start - 12) : start])
        and not SCHOOL_WORDS.search(name)
    ):  # "The city I would most like to improve with data is Amsterdam"
        note = "in what the candidate would do or like (not a claim of past work)"
        return make_claim(name, kind, start, end, "plan", note)
    words = name.split()
    if len(words) > 1:
        return _trace_name_parts(name, start, text, evidence)
    return make_claim(name, kind, start, end, None, "not in the profile or the posting")


def _spelling_variant(name: str, evidence: Evidence) -> Source | None:
    """The profile names the same tool spelled another way ("Postgres" ← "PostgreSQL"): a name
    of the same skills-taxonomy entry that shares its first five letters (a neighbour such as
    pgvector is a different thing)."""
    entry = known_entry(name)
    if entry is None:
        return None
    for other in [entry.canonical, *entry.aliases]:
        if other.lower() != name.lower() and other[:5].lower() == name[:5].lower():
            found = evidence.find_in_profile(other)
            if found is not None:
                return found
    return None


_INSTITUTION = re.compile(
    r"\b(?:University|Universit[äy]t|Institute|College|School|Academy|Polytechnic|Hochschule)\b"
)
"""A school is one name: its words found apart (a city of a job, "University" of another
school) do not make it the candidate's."""


def _acronym_in_profile(word: str, evidence: Evidence) -> Source | None:
    """ "VMs" where the profile writes "virtual machines": the source the acronym expands in."""
    source_id = acronym_source(word, evidence)
    return next((s for s in evidence.sources if s.id == source_id), None) if source_id else None


def _trace_name_parts(name: str, start: int, text: str, evidence: Evidence) -> Claim:
    """A multi-word name not found whole: every word must be found on its own."""
    missing = []
    for match in re.finditer(r"\S+", name):
        word = re.sub(r"(?<=\w)-[a-z]+$", "", match.group(0).strip(",."))  # "CUPED-based"
        if word.lower() in CONTENT_STOPWORDS or len(word) < 2:
            continue
        if (
            evidence.find_in_profile(word) is None
            and evidence.find_in_posting(word) is None
            and acronym_source(word, evidence) is None  # "GCP VMs" ← "… virtual machines"
        ):
            missing.append(word)
    kind = _name_kind(name, evidence)
    if missing:
        return make_claim(
            name,
            kind,
            start,
            start + len(name),
            None,
            f"not in the profile or the posting ({', '.join(missing)})",
        )
    voice, _ = voice_at(text, start, evidence)
    in_posting = evidence.find_in_posting(name.split()[0])
    if in_posting and mentioned_only(name, start, text, evidence):
        return make_claim(name, kind, start, start + len(name), in_posting, MENTIONED)
    parts = [re.sub(r"(?<=\w)-[a-z]+$", "", word) for word in name.split()]
    profile_sources = [
        evidence.find_in_profile(word) or _acronym_in_profile(word, evidence) for word in parts
    ]
    found = [source.id for source in profile_sources if source is not None]
    if found and all(source is not None for source in profile_sources):
        if _INSTITUTION.search(name):  # "University of Lisbon" ← "University of …", "Lisbon"
            note = "a school or institute the profile does not name"
            return make_claim(name, kind, start, start + len(name), None, note)
        return make_claim(
            name, kind, start, start + len(name), found[0], "each word is in the profile"
        )
    if voice == "company" or posting_label(start, text, evidence):
        span = next((s for s in (evidence.find_in_posting(word) for word in parts) if s), None)
        return make_claim(
            name,
            kind,
            start,
            start + len(name),
            span or (found[0] if found else None),
            "each word is in the posting or the profile",
        )
    return make_claim(
        name,
        kind,
        start,
        start + len(name),
        None,
        "combines words from the posting into a name the profile does not have",
    )
