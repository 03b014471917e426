"""Tracing the posting's skill phrases ("credit risk", "distributed training") where the
letter names them: the candidate may claim only what the profile shows, in any form of the
same words; the posting's own topics, negated skills and wishes to learn claim nothing."""

from __future__ import annotations

import re

from applykit.models.documents import Claim
from applykit.write.claim_scope import (
    brought_by_candidate,
    known_entry,
    unclaimed_reason,
    word_pattern,
)
from applykit.write.evidence import Evidence, Source
from applykit.write.grounding_letter import forward_looking
from applykit.write.grounding_words import lemma_match
from applykit.write.method_kinds import shown_by_kind
from applykit.write.posting_mentions import posting_label
from applykit.write.professed import professed_value
from applykit.write.questions import in_question
from applykit.write.text_units import CONTENT_STOPWORDS
from applykit.write.tracing import make_claim, voice_at


def _all_words_in_profile(phrase: str, evidence: Evidence) -> Source | None:
    """A multi-word skill whose content words all appear in the profile."""
    found: list[Source] = []
    for word in re.findall(r"[\w+#]+", phrase):
        if word.lower() in CONTENT_STOPWORDS:
            continue
        source = evidence.find_in_profile(word)
        if source is None:
            return None
        found.append(source)
    return found[0] if len(found) > 1 else None


_AREA_CATEGORIES = frozenset({"ml_area"})


def _named_by_synonym(skill: str, evidence: Evidence) -> Source | None:
    """An area of machine learning the profile names by one of its narrower names in the
    skills taxonomy ("representation learning" ← "embedding model"), or a kind of tool by one
    tool of that kind. Otherwise a tool's taxonomy neighbours (Grafana ~ Prometheus) are
    different skills."""
    kind = shown_by_kind(skill, evidence)  # "experimentation" ← "A/B testing"
    if kind is not None or len(skill.split()) < 2:
        return kind
    entry = known_entry(skill)
    if entry is not None and entry.category == "tool" and entry.canonical.islower():
        # a kind of tool named generically: one tool of that kind shows it ("workflow
        # orchestration" ← "Airflow"); not the other way round, and not a neighbour
        for alias in entry.aliases:
            if alias[:1].isupper() and not alias.isupper():
                source = evidence.find_in_profile(alias)
                if source is not None:
                    return source
    if entry is None or entry.category not in _AREA_CATEGORIES:
        return None
    for alias in entry.aliases:
        if len(alias.split()) >= 2 and alias.islower():
            source = evidence.find_in_profile(alias)
            if source is not None:
                return source
    return None


def _named_by_acronym(skill: str, evidence: Evidence) -> Source | None:
    """The profile writes the phrase as its acronym ("large language models" ← "LLM",
    "natural language processing" ← "NLP"): the initials of two to four words, as a whole word
    in capitals, a plural 's' allowed."""
    parts = re.findall(r"[A-Za-z]+", skill)
    if not 2 <= len(parts) <= 4:
        return None
    pattern = re.compile(r"\b" + "".join(part[0] for part in parts).upper() + r"s?\b")
    return next((source for source in evidence.sources if pattern.search(source.text)), None)


def trace_posting_skills(text: str, evidence: Evidence, seen: list[Claim]) -> list[Claim]:
    """Lower-case skill phrases of the posting ("credit risk") claimed by the candidate."""
    claims: list[Claim] = []
    taken = [(claim.start, claim.end) for claim in seen]
    for skill in evidence.posting_skills:
        if len(skill) < 3:
            continue
        pattern = word_pattern(skill)
        for match in pattern.finditer(text):
            if any(a < match.end() and match.start() < b for a, b in taken):
                continue
            taken.append((match.start(), match.end()))
            source = (
                evidence.find_in_profile(skill)
                or _all_words_in_profile(skill, evidence)
                or lemma_match(skill, evidence.lemmas)
                or _named_by_synonym(skill, evidence)
                or _named_by_acronym(skill, evidence)
            )
            if source is not None:
                claims.append(
                    make_claim(
                        match.group(0),
                        "skill",
                        match.start(),
                        match.end(),
                        source.id,
                        "a skill in the profile",
                    )
                )
                continue
            voice, _ = voice_at(text, match.start(), evidence)
            in_posting = evidence.find_in_posting(skill)
            unclaimed = unclaimed_reason(match.start(), match.end(), text)
            offered = brought_by_candidate(match.start(), text)
            if (
                (voice == "company" and not offered)
                or unclaimed
                or posting_label(match.start(), text, evidence)
                or in_question(text, match.start())  # "Would ranking be a sensible area?"
                or professed_value(skill, match.start(), text)  # "I care about communication"
                or (forward_looking(text, match.start(), possession=True) and not offered)
            ):
                claims.append(
                    make_claim(
                        match.group(0),
                        "skill",
                        match.start(),
                        match.end(),
                        in_posting or "posting:skills",
                        "the posting asks for it",
                    )
                )
            else:
                claims.append(
                    make_claim(
                        match.group(0),
                        "skill",
                        match.start(),
                        match.end(),
                        None,
                        "a skill from the posting that the profile does not show",
                    )
                )
    return claims
