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

import datetime as dt
import re
from dataclasses import replace

from applykit.models.documents import Claim, GroundingReport
from applykit.models.posting import Posting
from applykit.models.profile import Profile
from applykit.write.acronyms import acronym_source, expansion_source
from applykit.write.claims import Quantity, find_quantities
from applykit.write.evidence import Evidence, build_evidence, normal_text, phrase_pattern
from applykit.write.grounding_layout import in_layout_line, is_label, ordinary_heading_name
from applykit.write.grounding_letter import (
    address_spans,
    courtesy_spans,
    is_plain_starter,
    lower_case_words,
    own_list_count,
)
from applykit.write.grounding_words import lemma
from applykit.write.moved_work import moved_skills, moved_work
from applykit.write.names import DEGREE_RE, find_names
from applykit.write.posting_figures import derived_from_letter
from applykit.write.posting_mentions import posting_label
from applykit.write.questions import in_question
from applykit.write.restated_figures import referred_back, within_bound
from applykit.write.text_units import sentence_around, words
from applykit.write.trace_degrees import (
    trace_certificate_tiers,
    trace_credentials,
    trace_degrees,
    trace_honours,
)
from applykit.write.trace_languages import trace_languages
from applykit.write.trace_names import trace_name
from applykit.write.trace_quantities import trace_quantity
from applykit.write.trace_skills import trace_posting_skills
from applykit.write.trace_titles import trace_titles
from applykit.write.tracing import QUOTE_RE

__all__ = ["check_grounding", "describe_untraced"]

_CONTACT_RE = re.compile(
    r"https?://\S+|www\.\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|"
    r"\+?\d[\d ().-]{7,}\d",
)


# A cover letter is 1,500-3,000 characters. The guard reads five letters' worth; what is longer is
# refused (fail closed), because clause reading grows faster than linearly on text without
# sentence ends (12,000 characters ~1 s, 50,000 characters ~13 s on one core).
GUARD_MAX_CHARS = 12_000


def check_grounding(
    text: str, profile: Profile, posting: Posting | None, *, today: dt.date | None = None
) -> GroundingReport:
    """Trace every claim of `text`; `ok` only when none is left untraced. `today` ends the
    jobs still open (default: today), so time claims are checked as of that day."""
    evidence = build_evidence(profile, posting, today)
    truncated = len(text) > GUARD_MAX_CHARS
    text = text[:GUARD_MAX_CHARS]
    masked = _mask_contacts(text)
    claims: list[Claim] = []
    addresses = address_spans(masked)  # "48 Curtain Road", "8 December 2026"
    quantities = [
        q
        for q in find_quantities(masked)
        if not in_question(masked, q.start)
        and not any(a <= q.start < b for a, b in addresses)
        and not is_label(q.start, q.unit, masked)
        and not _VAGUE_PAIR.search(masked[max(0, q.start - 12) : q.start])
        and not (
            q.value <= 5
            and (q.text[:1].isalpha() or in_layout_line(masked, q.start))
            and _counts_discourse(q, masked)
        )  # "two places", "### 3 Reasons I Fit": the letter's own points
        and not posting_label(q.start, masked, evidence, figure=q.text)
    ]
    traced = [trace_quantity(quantity, masked, evidence, quantities) for quantity in quantities]
    derived = derived_from_letter(quantities, traced, masked)
    claims.extend(referred_back(derived, masked, evidence))
    courtesy = courtesy_spans(masked)
    lower = lower_case_words(evidence)
    for name, start, end in find_names(masked):
        degree = DEGREE_RE.match(masked, start)
        if degree and degree.end() == end:
            continue  # "an MS in Statistics": a degree claim
        calendar = all(part in _CALENDAR | {"to", "through"} for part in name.lower().split("-"))
        if calendar or DEGREE_RE.fullmatch(name) or in_question(masked, start):
            continue  # "since September 2023": the year is the claim; "MSc": a degree claim
        if any(a <= start and end <= b for a, b in courtesy):
            continue  # "Liebes Kornblume-Team," / "Viele Grüße,": conventions, not claims
        if is_plain_starter(name, start, masked, evidence, lower):
            continue
        if ordinary_heading_name(name, start, masked, evidence):
            continue  # "## Key Qualifications at a Glance": capitals of the layout, no name
        if _REFERENCE.fullmatch(name) and evidence.find_in_posting(name):
            continue  # "(ref. QF-APS-0142)": the posting's own reference number
        compound = _COMPOUND.fullmatch(name)
        if compound:  # "Eastern-time overlap", "Kafka-based": the name is the head
            name, end = compound.group(1), start + len(compound.group(1))
        single = _SINGLE.fullmatch(name)
        if single:  # "the one-VM setup": one of the thing named, as "a VM"
            name, start = single.group(1), start + single.start(1)
        bounded = _BOUNDED_NUMBER.fullmatch(name)
        if bounded:  # "a sub-50ms budget": a number with a bound, traced as one
            offset = start + bounded.start(1)
            claims.extend(
                trace_quantity(
                    replace(q, start=q.start + offset, end=q.end + offset),
                    masked,
                    evidence,
                    quantities,
                )
                for q in find_quantities(bounded.group(1))
            )
            continue
        claim = trace_name(name, start, end, masked, evidence)
        if claim is not None and not claim.traced and _SLASHED.fullmatch(name):
            parts = (  # "React/TypeScript": the names a slash lists, each checked on its own
                trace_name(
                    part.group(0), start + part.start(), start + part.end(), masked, evidence
                )
                for part in re.finditer(r"[^/]+", name)
            )
            claims.extend(part for part in parts if part is not None)
            continue
        expanded = acronym_source(name, evidence) if claim and not claim.traced else None
        if claim and not claim.traced and expanded is None:
            expanded = expansion_source(start, end, masked, evidence)
        if claim is not None and expanded is not None:
            note = "an acronym of words in the profile or the posting"
            claim = claim.model_copy(update={"traced": True, "source": expanded, "note": note})
        if claim is not None:
            claims.append(claim)
    claims.extend(trace_titles(masked, evidence))
    degrees = trace_degrees(masked, evidence)
    claims.extend(degrees)
    claims.extend(trace_honours(masked, evidence))
    claims.extend(trace_credentials(masked, evidence))
    claims.extend(trace_certificate_tiers(masked, evidence))
    languages = [c for c in trace_languages(masked, evidence) if not in_question(masked, c.start)]
    claims = [_unless_disowned(claim, [*languages, *degrees]) for claim in claims]
    claims.extend(languages)
    claims.extend(trace_posting_skills(masked, evidence, claims))
    claims = _posting_owned(claims, masked, evidence)
    claims = moved_skills(moved_work(claims, masked, evidence), masked, evidence)
    claims = [
        claim.model_copy(
            update={"traced": True, "source": "letter:list", "note": "counts the letter's own list"}
        )
        if not claim.traced
        and (own_list_count(claim, masked) or _names_its_employers(claim, masked, evidence))
        else claim
        for claim in claims
    ]
    claims = within_bound(claims, masked, evidence)
    claims.sort(key=lambda claim: (claim.start, claim.end))
    ok = not truncated and all(claim.traced for claim in claims)
    return GroundingReport(ok=ok, claims=claims, truncated=truncated)


_SLASHED = re.compile(r"[A-Za-z][\w.+#-]*(?:/[A-Za-z][\w.+#-]*)+")


def _unless_disowned(claim: Claim, covering: list[Claim]) -> Claim:
    """A name inside a traced language or degree claim is that claim ("Fluent English" traces
    as the profile's English at its level, "BSc Informatics" as the degree in that field); one
    inside a phrase that says the candidate does not speak a language ("My German is
    non-existent") claims nothing either."""
    if claim.traced:
        return claim
    for wider in covering:
        if wider.traced and wider.start <= claim.start and claim.end <= wider.end:
            return claim.model_copy(
                update={"traced": True, "source": wider.source, "note": wider.note}
            )
    return claim


def describe_untraced(report: GroundingReport, limit: int = 8) -> str:
    """A short human list of the untraced claims: '"$3M" (money: not in the profile)'."""
    parts = [f'"{claim.text}" ({claim.kind}: {claim.note})' for claim in report.untraced[:limit]]
    if report.truncated:
        parts.append(f"the text is longer than the {GUARD_MAX_CHARS:,} characters the guard reads")
    more = len(report.untraced) - limit
    if more > 0:
        parts.append(f"and {more} more")
    return "; ".join(parts)


_CALENDAR = words(
    """
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    monday tuesday wednesday thursday friday saturday sunday mondays tuesdays wednesdays
    thursdays fridays weekends
    """
)


_DISCOURSE_NOUNS = words(
    """
    thing reason way place area example lesson question part piece word line sentence
    paragraph side aspect idea story step note detail comment remark gap caveat concern point
    thought limitation weakness strength
    """
)
_DISCOURSE_LEMMAS = frozenset(lemma(noun) for noun in _DISCOURSE_NOUNS)
"""… "two places", "three reasons": the letter counting its own points, not a claim."""


def _counts_discourse(quantity: Quantity, text: str) -> bool:
    """ "two places", "Two relevant stories", "two gaps": what is counted is the letter's own
    points; so is a count that opens its sentence when the letter then enumerates ("Two
    systems from that work map onto your list. The first is …")."""
    following = re.match(r"(?:[ \t]+([A-Za-z]+))?(?:[ \t]+([A-Za-z]+))?", text[quantity.end :])
    nouns = [quantity.unit, *(following.groups() if following else ())]
    if any(lemma(noun) in _DISCOURSE_LEMMAS for noun in nouns if noun):
        return True
    sentence = sentence_around(text, quantity.start)
    if quantity.unit == "time" and text[quantity.end : quantity.end + 2].lstrip().startswith(":"):
        onces = re.findall(r"\bonce\b", text[quantity.end : sentence.end], re.IGNORECASE)
        return len(onces) == int(quantity.value)  # "twice: once as …, and once as …"
    if sentence.start != quantity.start or quantity.value < 2:
        return False
    if _REPORTED.search(text, quantity.end, sentence.end):
        return False  # "Two teams adopted it. The first …": a report of the record
    after = text[sentence.end : sentence.end + 1500]
    ordinals = [_ORDINALS.index(m.group(1).lower()) + 1 for m in _ENUMERATION.finditer(after)]
    return int(quantity.value) in ordinals  # "The first is … The second is …"


_ORDINALS = ["first", "second", "third", "fourth", "fifth"]
_ENUMERATION = re.compile(
    r"(?:^|[.:\n]\s*|\*\*)(?:The\s+)?(first|second|third|fourth|fifth)(?:ly)?\b",
    re.IGNORECASE | re.MULTILINE,
)
_REPORTED = re.compile(
    r"\b(?:I|we|my|our|me)\b|\b(?:[a-z]{3,}ed|built|ran|led|grew|won|made|took|shipped|served|"
    r"cut|was|were|had)\b",
    re.IGNORECASE,
)

_VAGUE_PAIR = re.compile(r"\b(?:one|two|three|a few)\s+or\s+$", re.IGNORECASE)
"""… "one or two people": a rough size, not a count."""
_REFERENCE = re.compile(r"(?=[\w-]*\d)[A-Z0-9]+(?:-[A-Za-z0-9]+)+")
_BOUNDED_NUMBER = re.compile(
    r"(?:sub|under|over|near|above|below|mid|early|late)-(\d[\w.,%]*)", re.IGNORECASE
)
_COMPOUND = re.compile(r"([A-Z][\w+#.]*?)-(?:[a-z]+)")
_SINGLE = re.compile(r"(?:one|single)-([A-Z][\w+#.]*)", re.IGNORECASE)

_HELD_NOTES = (
    "claims work at",
    "a title the candidate has not held",
    "claims the company among",
)


def _posting_owned(claims: list[Claim], text: str, evidence: Evidence) -> list[Claim]:
    """Claims inside a verified quote of the posting, or inside the posting's own title or
    company name, belong to the posting (not to the candidate)."""
    owned: list[tuple[int, int, str]] = []
    for match in QUOTE_RE.finditer(text):
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


_EMPLOYERS_COUNTED = re.compile(
    r"\s*(?:compan(?:y|ies)|employers?|jobs)\s*(?::|—|–|\s-\s|\s--\s)", re.IGNORECASE
)
"""… "at two companies:" or "at two companies — …": a colon or a dash opens what is counted."""


def _names_its_employers(claim: Claim, text: str, evidence: Evidence) -> bool:
    """ "at two companies: for backfills at Northwind, and at Lumen Media, …": the count is of
    the profile employers the sentence names right after the colon (each checked itself)."""
    counted = find_quantities(claim.text) if claim.kind in {"count", "number"} else []
    if not counted or not _EMPLOYERS_COUNTED.match(f" {claim.text.split()[-1]}{text[claim.end :]}"):
        return False
    from applykit.write.evidence import company_aliases

    rest = text[claim.end : sentence_around(text, claim.start).end]
    named = {
        e.name
        for e in evidence.entries
        if e.kind == "work"
        and e.name
        and any(re.search(rf"\b{re.escape(a)}\b", rest) for a in company_aliases(e.name))
    }
    return len(named) == counted[0].value
