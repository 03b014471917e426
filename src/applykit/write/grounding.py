"""The grounding guard: every claim in a generated text must trace to the profile or posting.

`check_grounding` extracts numbers (with units), dates, names (employers, schools, products,
skills), job titles and degrees, and traces each one:

* a claim in the candidate's voice ("I cut latency to 35ms") must come from the profile, and
  a number must come from a fact that talks about the same thing (shared content words);
* a claim about the company or the posting ("your team of 9 moves $30 billion") may trace to
  a span of the posting, but a company figure is never the candidate's own evidence;
* anything else is untraced, and a text with one untraced claim is not ok (fail closed).
"""

from __future__ import annotations

import functools
import re

from applykit.models.documents import Claim, ClaimKind, GroundingReport
from applykit.models.posting import Posting
from applykit.models.profile import Profile
from applykit.write.claims import (
    CONTENT_STOPWORDS,
    DEGREE_RE,
    LETTER_CONVENTIONS,
    MAX_TEXT_CHARS,
    TITLE_CLAIM_RE,
    Quantity,
    Voice,
    clause_around,
    clauses_before,
    content_stems,
    degree_level,
    find_names,
    find_quantities,
    sentence_around,
    voice_of,
    words,
)
from applykit.write.evidence import Evidence, Source, build_evidence, normal_text, phrase_pattern

__all__ = ["check_grounding", "describe_untraced"]

_CONTACT_RE = re.compile(
    r"https?://\S+|www\.\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|"
    r"\+?\d[\d ().-]{7,}\d",
)
_EMPLOYMENT_BEFORE = re.compile(r"\b(?:at|for|with|joined|joining|left|from)\s+$", re.I)
_PAST_WORK = re.compile(
    r"\b(?:i|we)\s+(?:\w+ed|built|led|ran|cut|shipped|grew|made|wrote|drove|won|took|brought|"
    r"set|held|did|spent|have\s+been|had|was|were)\b",
    re.I,
)
_SCHOOL_WORDS = re.compile(r"\b(university|college|institute|school|academy|polytechnic)\b", re.I)


def check_grounding(text: str, profile: Profile, posting: Posting | None) -> GroundingReport:
    """Trace every claim of `text`; `ok` only when none is left untraced."""
    evidence = build_evidence(profile, posting)
    truncated = len(text) > MAX_TEXT_CHARS
    text = text[:MAX_TEXT_CHARS]
    masked = _mask_contacts(text)
    claims: list[Claim] = []
    for quantity in find_quantities(masked):
        claims.append(_trace_quantity(quantity, masked, evidence))
    for name, start, end in find_names(masked):
        claim = _trace_name(name, start, end, masked, evidence)
        if claim is not None:
            claims.append(claim)
    claims.extend(_trace_titles(masked, evidence))
    claims.extend(_trace_degrees(masked, evidence))
    claims.extend(_trace_posting_skills(masked, evidence, claims))
    claims = _posting_owned(claims, masked, evidence)
    claims.sort(key=lambda claim: (claim.start, claim.end))
    ok = not truncated and all(claim.traced for claim in claims)
    return GroundingReport(ok=ok, claims=claims, truncated=truncated)


def describe_untraced(report: GroundingReport, limit: int = 8) -> str:
    """A short human list of the untraced claims: '"$3M" (money: not in the profile)'."""
    parts = [f'"{claim.text}" ({claim.kind}: {claim.note})' for claim in report.untraced[:limit]]
    more = len(report.untraced) - limit
    if more > 0:
        parts.append(f"and {more} more")
    return "; ".join(parts)


_HELD_NOTES = ("claims work at", "a title the candidate has not held")


def _posting_owned(claims: list[Claim], text: str, evidence: Evidence) -> list[Claim]:
    """Claims inside a verified quote of the posting, or inside the posting's own title or
    company name, belong to the posting (not to the candidate)."""
    owned: list[tuple[int, int, str]] = []
    for match in _QUOTE_RE.finditer(text):
        inner = match.group(1) or match.group(2) or ""
        if normal_text(inner) and normal_text(inner) in evidence.posting_normal:
            source = evidence.find_in_posting(inner) or "posting:quote"
            owned.append((match.start(), match.end(), source))
    for phrase in [*evidence.title_parts, *evidence.company_names]:
        if not phrase:
            continue
        source = evidence.find_in_posting(phrase) or "posting:title"
        for match in phrase_pattern(phrase).finditer(text):
            owned.append((match.start(), match.end(), source))
    result: list[Claim] = []
    for claim in claims:
        region = next((o for o in owned if o[0] <= claim.start and claim.end <= o[1]), None)
        if claim.traced or region is None or claim.note.startswith(_HELD_NOTES):
            result.append(claim)
            continue
        update = {"traced": True, "source": region[2], "note": "quoted from the posting"}
        result.append(claim.model_copy(update=update))
    return result


def _mask_contacts(text: str) -> str:
    return _CONTACT_RE.sub(lambda match: " " * len(match.group(0)), text)


_QUOTE_RE = re.compile(r"“([^”]{3,600})”|\"([^\"\n]{3,600})\"")


@functools.lru_cache(maxsize=8)
def _quotes(text: str) -> tuple[tuple[int, int, str], ...]:
    return tuple(
        (m.start(), m.end(), m.group(1) or m.group(2) or "") for m in _QUOTE_RE.finditer(text)
    )


def _voice(text: str, position: int, evidence: Evidence) -> tuple[Voice, str]:
    """Who speaks at `position`: a quote of the posting is the company's own voice, and a
    clause with no voice of its own takes the voice of the clause before it."""
    for start, end, inner in _quotes(text):
        quoted = normal_text(inner)
        if start < position < end and quoted and quoted in evidence.posting_normal:
            return "company", inner
    clauses = clauses_before(text, position)
    own = text[clauses[0].start : clauses[0].end] if clauses else ""
    for span in clauses:
        voice = voice_of(text[span.start : span.end], evidence.company_names)
        if voice != "neutral":
            return voice, own
    return "neutral", own


def _claim(
    text: str, kind: ClaimKind, start: int, end: int, source: str | None, note: str
) -> Claim:
    return Claim(
        text=text,
        kind=kind,
        start=start,
        end=end,
        traced=source is not None,
        source=source,
        note=note,
    )


# --- quantities ---------------------------------------------------------------------------------


def _same_value(claimed: Quantity, found: Quantity) -> bool:
    if claimed.vague:
        return claimed.value <= found.value < claimed.value * 1000
    return abs(claimed.value - found.value) <= 1e-6 * max(1.0, abs(found.value))


def claimed_unit_differs(claimed: Quantity, found: Quantity) -> bool:
    """An order of magnitude ("millions of users") must count the same thing."""
    return claimed.vague and bool(claimed.unit and found.unit) and claimed.unit != found.unit


def _near_number(quantity: Quantity, text: str) -> set[str]:
    """Content stems next to the number: up to six words before it, three after, in its clause."""
    clause = clause_around(text, quantity.start)
    before = text[clause.start : quantity.start].split()[-6:]
    after = text[quantity.end : max(clause.end, quantity.end)].split()[:3]
    return content_stems(" ".join(before + after))


def _compatible(claimed: Quantity, found: Quantity) -> bool:
    groups = {"count": "n", "number": "n"}
    if groups.get(claimed.kind, claimed.kind) != groups.get(found.kind, found.kind):
        return False
    if claimed.kind == "duration":
        return claimed.unit == found.unit
    return True


def _trace_quantity(quantity: Quantity, text: str, evidence: Evidence) -> Claim:
    voice, _ = _voice(text, quantity.start, evidence)
    stems = _near_number(quantity, text)
    sentence = sentence_around(text, quantity.start)
    sentence_stems = content_stems(text[sentence.start : sentence.end])
    if not stems:
        stems = content_stems(text[max(0, quantity.start - 120) : quantity.end + 120])
    same_value = [
        (found, source)
        for found, source in evidence.quantities
        if _same_value(quantity, found) and _compatible(quantity, found)
    ]
    for found, source in same_value:
        if quantity.kind == "date":
            context = content_stems(source.text + " " + source.context) & sentence_stems
            if len(context) < min(2, len(sentence_stems)):
                continue
            return _claim(
                quantity.text,
                "date",
                quantity.start,
                quantity.end,
                source.id,
                "date in the profile",
            )
        if claimed_unit_differs(quantity, found):
            continue
        fact_stems = content_stems(source.text + " " + source.context)
        shared = stems & fact_stems
        if len(shared) >= min(2, len(stems)) or (shared and len(sentence_stems & fact_stems) >= 3):
            return _claim(
                quantity.text,
                quantity.kind,
                quantity.start,
                quantity.end,
                source.id,
                "stated in this fact",
            )
    in_posting = [
        found
        for found in evidence.posting_quantities
        if _same_value(quantity, found) and _compatible(quantity, found)
    ]
    if in_posting and voice == "company":
        found = in_posting[0]
        return _claim(
            quantity.text,
            quantity.kind,
            quantity.start,
            quantity.end,
            f"posting:{found.start}-{found.end}",
            "the company's figure, from the posting",
        )
    if in_posting:
        note = "a figure from the posting (the company's), claimed as the candidate's"
    elif same_value:
        note = "this number appears in the profile, but about something else"
    else:
        note = "not in the profile or the posting"
    return _claim(quantity.text, quantity.kind, quantity.start, quantity.end, None, note)


# --- names --------------------------------------------------------------------------------------


def _name_kind(name: str, evidence: Evidence) -> ClaimKind:
    lowered = name.lower()
    if any(
        _normalise_title(name) == _normalise_title(title)
        for title in [*evidence.positions, evidence.posting_title or ""]
        if title
    ):
        return "title"
    if _SCHOOL_WORDS.search(name):
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
    sentence_end = min(
        (i for i in (text.find(". ", name_start), text.find("\n", name_start)) if i >= 0),
        default=len(text),
    )
    return bool(_PAST_WORK.search(text[sentence_start:sentence_end]))


_NEGATION_BEFORE = re.compile(
    r"\b(?:not|no|never|without|rather than|instead of|nor|lack|new to)\s+$", re.I
)


def _negated(start: int, text: str) -> bool:
    return bool(_NEGATION_BEFORE.search(text[max(0, start - 24) : start]))


def _trace_name(name: str, start: int, end: int, text: str, evidence: Evidence) -> Claim | None:
    if name.lower() in LETTER_CONVENTIONS:
        return None
    kind = _name_kind(name, evidence)
    if _negated(start, text) and evidence.find_in_profile(name) is None:
        negated = evidence.find_in_posting(name) or "negated"
        note = "negated: the text says the candidate does not have it"
        return _claim(name, kind, start, end, negated, note)
    source = evidence.find_in_profile(name)
    if source is not None:
        if (
            _is_employment_claim(start, text)
            and kind == "employer"
            and not any(name.lower() == employer.lower() for employer in evidence.employers)
        ):
            return _claim(
                name,
                "employer",
                start,
                end,
                None,
                "claims work at an organisation that is not an employer in the profile",
            )
        return _claim(name, kind, start, end, source.id, "named in the profile")
    in_posting = evidence.find_in_posting(name)
    if in_posting is not None:
        if _is_employment_claim(start, text):
            return _claim(
                name,
                "employer",
                start,
                end,
                None,
                "claims work at an organisation named only in the posting",
            )
        voice, _ = _voice(text, start, evidence)
        is_application_target = any(
            name.lower() == known.lower()
            for known in [*evidence.company_names, evidence.posting_title or ""]
            if known
        )
        if voice == "company" or is_application_target:
            return _claim(name, kind, start, end, in_posting, "named in the posting")
        return _claim(
            name,
            kind,
            start,
            end,
            None,
            "named in the posting but not in the profile: not the candidate's",
        )
    words = name.split()
    if len(words) > 1:
        return _trace_name_parts(name, start, text, evidence)
    return _claim(name, kind, start, end, None, "not in the profile or the posting")


def _trace_name_parts(name: str, start: int, text: str, evidence: Evidence) -> Claim:
    """A multi-word name not found whole: every word must be found on its own."""
    missing = []
    for match in re.finditer(r"\S+", name):
        word = match.group(0).strip(",.")
        if word.lower() in CONTENT_STOPWORDS or len(word) < 2:
            continue
        if evidence.find_in_profile(word) is None and evidence.find_in_posting(word) is None:
            missing.append(word)
    kind = _name_kind(name, evidence)
    if missing:
        return _claim(
            name,
            kind,
            start,
            start + len(name),
            None,
            f"not in the profile or the posting ({', '.join(missing)})",
        )
    voice, _ = _voice(text, start, evidence)
    profile_sources = [evidence.find_in_profile(word) for word in name.split()]
    found = [source.id for source in profile_sources if source is not None]
    if found and all(source is not None for source in profile_sources):
        return _claim(name, kind, start, start + len(name), found[0], "each word is in the profile")
    if voice == "company":
        span = next(
            (s for s in (evidence.find_in_posting(word) for word in name.split()) if s), None
        )
        return _claim(
            name,
            kind,
            start,
            start + len(name),
            span or (found[0] if found else None),
            "each word is in the posting or the profile",
        )
    return _claim(
        name,
        kind,
        start,
        start + len(name),
        None,
        "combines words from the posting into a name the profile does not have",
    )


# --- titles, degrees, posting skills ------------------------------------------------------------

_ABBREVIATIONS = {
    "ml": "machine learning",
    "swe": "software engineer",
    "ai": "artificial intelligence",
    "sr": "senior",
    "jr": "junior",
}


def _normalise_title(title: str) -> str:
    words = [_ABBREVIATIONS.get(word, word) for word in re.findall(r"[a-z]+", title.lower())]
    return " ".join(words)


_ING_IN_TITLES = words(
    """
    learning engineering marketing accounting computing consulting banking trading
    manufacturing operating planning testing processing programming modeling modelling
    recruiting publishing reporting
    """
)


def _trace_titles(text: str, evidence: Evidence) -> list[Claim]:
    claims: list[Claim] = []
    positions = [_normalise_title(position) for position in evidence.positions]
    for match in TITLE_CLAIM_RE.finditer(text):
        title = match.group("title")
        words = title.lower().split()
        if any(
            word in CONTENT_STOPWORDS or (word.endswith("ing") and word not in _ING_IN_TITLES)
            for word in words[:-1]
        ):
            continue
        normal = _normalise_title(title)
        start, end = match.start("title"), match.end("title")
        if any(re.search(rf"\b{re.escape(normal)}\b", position) for position in positions):
            claims.append(
                _claim(
                    title, "title", start, end, "profile:positions", "a position the profile holds"
                )
            )
            continue
        source = evidence.find_in_profile(title)
        if source is not None:
            claims.append(_claim(title, "title", start, end, source.id, "named in the profile"))
            continue
        voice, _ = _voice(text, match.start(), evidence)
        in_posting = evidence.find_in_posting(title)
        if in_posting and voice == "company":
            claims.append(_claim(title, "title", start, end, in_posting, "the posting's role"))
            continue
        claims.append(
            _claim(title, "title", start, end, None, "a title the candidate has not held")
        )
    return claims


def _trace_degrees(text: str, evidence: Evidence) -> list[Claim]:
    claims: list[Claim] = []
    for match in DEGREE_RE.finditer(text):
        raw = match.group("degree")
        start, end = match.start("degree"), match.end("degree")
        level = degree_level(raw)
        if level in evidence.degree_levels:
            claims.append(
                _claim(
                    raw,
                    "degree",
                    start,
                    end,
                    evidence.degree_levels[level],
                    "a degree the profile lists",
                )
            )
            continue
        voice, _ = _voice(text, start, evidence)
        in_posting = evidence.find_in_posting(raw)
        if voice == "company" and in_posting:
            claims.append(_claim(raw, "degree", start, end, in_posting, "the posting asks for it"))
            continue
        claims.append(_claim(raw, "degree", start, end, None, "a degree the profile does not list"))
    return claims


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


def _trace_posting_skills(text: str, evidence: Evidence, seen: list[Claim]) -> list[Claim]:
    """Lower-case skill phrases of the posting ("credit risk") claimed by the candidate."""
    claims: list[Claim] = []
    taken = [(claim.start, claim.end) for claim in seen]
    for skill in evidence.posting_skills:
        if len(skill) < 3:
            continue
        pattern = re.compile(r"(?<![\w-])" + re.escape(skill) + r"(?![\w-])", re.IGNORECASE)
        for match in pattern.finditer(text):
            if any(a < match.end() and match.start() < b for a, b in taken):
                continue
            taken.append((match.start(), match.end()))
            source = evidence.find_in_profile(skill) or _all_words_in_profile(skill, evidence)
            if source is not None:
                claims.append(
                    _claim(
                        match.group(0),
                        "skill",
                        match.start(),
                        match.end(),
                        source.id,
                        "a skill in the profile",
                    )
                )
                continue
            voice, _ = _voice(text, match.start(), evidence)
            in_posting = evidence.find_in_posting(skill)
            if voice == "company":
                claims.append(
                    _claim(
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
                    _claim(
                        match.group(0),
                        "skill",
                        match.start(),
                        match.end(),
                        None,
                        "a skill from the posting that the profile does not show",
                    )
                )
    return claims
