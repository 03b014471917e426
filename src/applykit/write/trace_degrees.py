"""Degrees: a level the profile's education lists ("an MS", "a Bachelor of Science"), and when
a field is named ("an MS in Statistics"), a degree of that level in that field."""

from __future__ import annotations

import re

from applykit.models.documents import Claim
from applykit.write.claim_scope import unclaimed_reason
from applykit.write.evidence import Evidence
from applykit.write.grounding_words import lemma_set
from applykit.write.names import DEGREE_RE, degree_level
from applykit.write.posting_mentions import posting_label
from applykit.write.trace_names import negated
from applykit.write.tracing import make_claim, voice_at

_DEGREE_FIELD = re.compile(
    r"(?:\s+degree)?\s+in\s+(?P<field>[A-Z][\w&-]*(?:\s+(?:and\s+|&\s+|of\s+)?[A-Z][\w&-]*)*)"
)
"""… "an MS in Statistics", "a Bachelor's degree in Computer Science and Engineering"."""
_FIELD_BESIDE = re.compile(
    r"[ \t]+(?P<field>(?!(?:Student|Candidate|Program|Programme|Graduate|Thesis|Track|Degree|"
    r"Holder|Intern|Research|From|At|In)\b)[A-Z][\w&-]*(?:[ \t]+(?:and[ \t]+|&[ \t]+|of[ \t]+)?"
    r"[A-Z][\w&-]*)*)"
)
"""… "BSc Informatics and Computing Engineering, University of Porto": a field written right
after the abbreviation, as in a table or a CV line."""


def _field_source(level: str, field: str, evidence: Evidence) -> str | None:
    """The degree of that level whose field holds every word of `field`, or None."""
    wanted = lemma_set(field)
    for degree, described, degree_id in evidence.degree_fields:
        if degree == level and wanted <= lemma_set(described):
            return degree_id
    return None


_HONORIFIC = re.compile(r"Ms\.?")
_SURNAME = re.compile(r"\s+[A-Z][a-z]")


def trace_degrees(text: str, evidence: Evidence) -> list[Claim]:
    claims: list[Claim] = []
    for match in DEGREE_RE.finditer(text):
        raw = match.group("degree")
        start, end = match.start("degree"), match.end("degree")
        if negated(start, text):  # "I do not have a PhD"
            continue
        if _HONORIFIC.fullmatch(raw) and _SURNAME.match(text, end):
            continue  # "Dear Ms. Hoffmann": a form of address, not a Master of Science
        if posting_label(start, text, evidence):  # "| MSc or PhD in Computer Science | …"
            note = "a label restating the posting's requirement"
            claims.append(make_claim(raw, "degree", start, end, "posting:label", note))
            continue
        level = degree_level(raw)
        field = _DEGREE_FIELD.match(text, end)
        if field is None and re.fullmatch(r"[A-Z][A-Za-z.]+", raw):
            field = _FIELD_BESIDE.match(text, end)  # "MSc Computer Science", "BSc Physics"
        if field and level in evidence.degree_levels:
            source = _field_source(level, field.group("field"), evidence)
            voice, _ = voice_at(text, start, evidence)
            wanted = evidence.find_in_posting(field.group("field"))
            if source is None and voice == "company" and wanted:
                claims.append(
                    make_claim(raw, "degree", start, end, wanted, "the posting asks for it")
                )
                continue
            if source is None and unclaimed_reason(start, field.end(), text):
                continue  # "an MS in Statistics, which I do not have"
            if source is None:
                note = f"a degree in a field the profile does not list ({field.group('field')})"
                claims.append(make_claim(raw, "degree", start, field.end(), None, note))
                continue
            note = "a degree the profile lists, in its field"
            claims.append(make_claim(raw, "degree", start, field.end(), source, note))
            continue
        if level in evidence.degree_levels:
            claims.append(
                make_claim(
                    raw,
                    "degree",
                    start,
                    end,
                    evidence.degree_levels[level],
                    "a degree the profile lists",
                )
            )
            continue
        voice, _ = voice_at(text, start, evidence)
        in_posting = evidence.find_in_posting(raw)
        if voice == "company" and in_posting:
            claims.append(
                make_claim(raw, "degree", start, end, in_posting, "the posting asks for it")
            )
            continue
        claims.append(
            make_claim(raw, "degree", start, end, None, "a degree the profile does not list")
        )
    return claims


_HONOURS = re.compile(
    r"\b(?:summa|magna)?\s*cum\s+laude\b|\bwith\s+(?:high(?:est)?\s+)?(?:distinction|honou?rs)\b|"
    r"\bfirst[- ]class\s+(?:honou?rs|degree)\b|\bvaledictorian\b|\bdean'?s\s+list\b|"
    r"\bsalutatorian\b|\bphi\s+beta\s+kappa\b",
    re.IGNORECASE,
)
"""… "I graduated summa cum laude from KTH": an academic honour is a claim of the record."""


def trace_honours(text: str, evidence: Evidence) -> list[Claim]:
    """Academic honours ("summa cum laude", "with distinction", "dean's list") must be in the
    profile; negated or wished ones claim nothing."""
    claims: list[Claim] = []
    for match in _HONOURS.finditer(text):
        start, end = match.start(), match.end()
        phrase = match.group(0).strip()
        if negated(start, text) or unclaimed_reason(start, end, text):
            continue
        source = evidence.find_in_profile(phrase)
        note = (
            "an honour in the profile" if source else "an academic honour the profile does not list"
        )
        claims.append(make_claim(phrase, "degree", start, end, source.id if source else None, note))
    return claims


_CREDENTIAL = re.compile(
    r"\b(?:I|we)\s+(?:already\s+|also\s+|now\s+)?(?:hold|have|possess|got|obtained|received|"
    r"was\s+granted)\s+(?:a\s+|an\s+|the\s+|my\s+)?(?P<what>(?:[\w-]+\s+){0,3}?(?:permanent\s+)?"
    r"(?:residency|residence|citizenship|visa|work\s+permit|passport|green\s+card|"
    r"security\s+clearance|clearance|driver'?s\s+licen[cs]e|licen[cs]e))\b",
    re.IGNORECASE,
)
"""… "I already hold Canadian permanent residency": a right to work or a licence the candidate
says they hold."""


def trace_credentials(text: str, evidence: Evidence) -> list[Claim]:
    """A residency, citizenship, visa, permit, clearance or licence the candidate says they hold
    must be in the profile (nothing else can say whether it is true)."""
    claims: list[Claim] = []
    for match in _CREDENTIAL.finditer(text):
        start, end = match.start("what"), match.end("what")
        if negated(match.start(), text) or re.search(r"\bnot\b|n't\b", match.group(0), re.I):
            continue
        phrase = match.group("what")
        source = evidence.find_in_profile(phrase)
        note = (
            "in the profile" if source else "a right to work or licence the profile does not list"
        )
        claims.append(make_claim(phrase, "degree", start, end, source.id if source else None, note))
    return claims


_TIER_WORDS = (
    r"Associate|Professional|Specialty|Speciality|Expert|Foundational|Practitioner|Fundamentals|"
    r"Advanced|Master"
)
_TIERED_NAME = re.compile(rf"^(?P<base>.+?)\s*[-–—:]?\s*\b(?P<tier>{_TIER_WORDS})\b", re.IGNORECASE)


def _certificate_tiers(evidence: Evidence) -> dict[str, tuple[set[str], str]]:
    """Certificate name without its level → (the levels the profile holds, a source id):
    "AWS Certified Solutions Architect - Associate" → {"associate"}."""
    tiers: dict[str, tuple[set[str], str]] = {}
    for source in evidence.sources:
        if source.is_fact or not source.id.startswith(("c-", "certificates[")):
            continue
        named = _TIERED_NAME.match(source.text.split(" · ")[0])
        if named:
            held, _ = tiers.setdefault(named.group("base").strip().lower(), (set(), source.id))
            held.add(named.group("tier").lower())
    return tiers


def trace_certificate_tiers(text: str, evidence: Evidence) -> list[Claim]:
    """A certificate named with another level than the profile holds ("AWS Certified Solutions
    Architect - Professional" when the profile has "- Associate") is a certificate the
    candidate does not have, even though its name matches up to the level."""
    claims: list[Claim] = []
    for base, (held, source_id) in _certificate_tiers(evidence).items():
        pattern = re.compile(
            rf"{re.escape(base)}\s*[-–—:]?\s*\b(?P<tier>{_TIER_WORDS})\b", re.IGNORECASE
        )
        for match in pattern.finditer(text):
            tier = match.group("tier").lower()
            start, end = match.start(), match.end()
            if tier in held:
                note = "a certificate in the profile, at its level"
                claims.append(make_claim(match.group(0), "degree", start, end, source_id, note))
            elif not negated(start, text):
                note = f"a certificate level the profile does not list ({', '.join(sorted(held))})"
                claims.append(make_claim(match.group(0), "degree", start, end, None, note))
    return claims
