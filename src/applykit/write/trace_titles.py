"""Job titles a letter claims ("as a Senior Machine Learning Engineer at Lumen Media"): the
position held at the employer named beside the title, else a position the profile holds."""

from __future__ import annotations

import re

from applykit.models.documents import Claim
from applykit.write.evidence import Evidence
from applykit.write.grounding_dates import same_employer
from applykit.write.grounding_entities import employer_near
from applykit.write.names import HEAD_OF, TITLE_AT_RE, TITLE_CLAIM_RE
from applykit.write.posting_mentions import (
    posting_label,
)
from applykit.write.text_units import CONTENT_STOPWORDS, words
from applykit.write.tracing import make_claim, voice_at

_ABBREVIATIONS = {
    "ml": "machine learning",
    "swe": "software engineer",
    "ai": "artificial intelligence",
    "sr": "senior",
    "jr": "junior",
}


_TERMS = re.compile(r"(?P<terms>part time|full time|freelance|contract|interim|temporary)\s+")


def _held_as(title: str, position: str) -> bool:
    """The title (normalised) is in the position's words; terms of employment written first
    may stand anywhere there ("part-time MLOps consultant" ← "MLOps Consultant (part-time
    contract)")."""
    if re.search(rf"\b{re.escape(title)}\b", position):
        return True
    terms = _TERMS.match(title)
    rest = title[terms.end() :] if terms else ""
    return bool(
        terms
        and rest
        and re.search(rf"\b{re.escape(rest)}\b", position)
        and re.search(rf"\b{terms.group('terms')}\b", position)
    )


def normalise_title(title: str) -> str:
    words = [_ABBREVIATIONS.get(word, word) for word in re.findall(r"[a-z]+", title.lower())]
    return " ".join(words)


_ING_IN_TITLES = words(
    """
    learning engineering marketing accounting computing consulting banking trading
    manufacturing operating planning testing processing programming modeling modelling
    recruiting publishing reporting
    """
)


_DESCRIPTIVE = re.compile(
    r"(?:(?:seasoned|experienced|passionate|dedicated|skilled|motivated|versatile|pragmatic|"
    r"curious|driven|results-driven|detail-oriented|hands-on|proven|accomplished|successful|"
    r"self-taught|certified|full-time|former|current|practising|practicing)\s+)+",
    re.IGNORECASE,
)


_CONTRASTED = re.compile(
    r"(?:\brather than|\binstead of|\bnot(?!\s+(?:only|just)\b)|\bnever|n't|\bno longer)\b"
    r"(?:(?!\b(?:but|and|yet|so|though|although|while|because)\b)[^,.;:!?()\n])*$",
    re.IGNORECASE,
)
"""A title in the clause a negation or contrast opens is what the candidate was not ("rather
than three as a full-stack engineer", "I have never worked as a manager")."""


def trace_titles(text: str, evidence: Evidence) -> list[Claim]:
    claims: list[Claim] = []
    positions = [normalise_title(position) for position in evidence.positions]
    cued = list(TITLE_CLAIM_RE.finditer(text))
    ends = {m.end("title") for m in cued}
    uncued = [m for m in TITLE_AT_RE.finditer(text) if m.end("title") not in ends]
    for match in sorted([*cued, *uncued], key=lambda m: m.start()):
        title = match.group("title")
        lead = _DESCRIPTIVE.match(title)
        if lead:  # "a seasoned machine learning engineer": the title is what follows
            title = title[lead.end() :]
        head_of = re.search(HEAD_OF, title, re.IGNORECASE)
        words = title.lower().split()
        words = words[: len(title[: head_of.start()].split())] if head_of else words[:-1]
        if any(
            word in CONTENT_STOPWORDS or (word.endswith("ing") and word not in _ING_IN_TITLES)
            for word in words
        ):
            continue
        if _CONTRASTED.search(text[max(0, match.start() - 50) : match.start()]):
            continue  # "… rather than three as a full-stack engineer": contrasted, not claimed
        normal = normalise_title(title)
        start, end = match.end("title") - len(title), match.end("title")
        if posting_label(start, text, evidence):  # "| 3+ years … as a full-stack engineer | …"
            note = "a label restating the posting's requirement"
            claims.append(make_claim(title, "title", start, end, "posting:label", note))
            continue
        employer = employer_near(start, end, text, evidence)
        if employer is not None and not any(
            _held_as(normal, normalise_title(position.text))
            for position in same_employer(employer, evidence.entries)
        ):  # any position held there: "first as a Software Engineer, then …" at one employer
            note = f"a title the candidate has not held at {employer.name} ({employer.title})"
            claims.append(make_claim(title, "title", start, end, None, note))
            continue
        if any(_held_as(normal, position) for position in positions):
            claims.append(
                make_claim(
                    title, "title", start, end, "profile:positions", "a position the profile holds"
                )
            )
            continue
        source = evidence.find_in_profile(title)
        if source is not None:
            claims.append(make_claim(title, "title", start, end, source.id, "named in the profile"))
            continue
        voice, _ = voice_at(text, match.start(), evidence)
        in_posting = evidence.find_in_posting(title)
        if in_posting and voice == "company":
            claims.append(make_claim(title, "title", start, end, in_posting, "the posting's role"))
            continue
        claims.append(
            make_claim(title, "title", start, end, None, "a title the candidate has not held")
        )
    return claims
