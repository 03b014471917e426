"""Time claims checked by arithmetic on the profile's dates.

* "three years at Northwind Analytics": the years of that employer's period;
* "more than six years of experience": the merged work periods (overlaps counted once);
* "in 2024", "since 2022": the year must belong to the entry the sentence talks about (the
  award, the certificate, the employer), not to any entry that happens to share a word.

Qualifiers are read as written: "more than / over / N+" must not exceed the record, "nearly /
almost" may round up by less than a year, "about / around" may be off by half a year, a bare
"three years" may round up by a quarter. Understating is never a fabrication.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from applykit.models.documents import Claim
from applykit.write.claims import Quantity
from applykit.write.grounding_dates import (
    Entry,
    merged_work_years,
    same_employer,
    same_job_place,
)
from applykit.write.grounding_entities import owner_named
from applykit.write.grounding_words import lemma_set
from applykit.write.summary_dates import degree_year, own_list_item, summary_year
from applykit.write.tenure_roles import (
    activity_months,
    current_job,
    employer_after_aside,
    employers_in,
    merged_years,
    named_project,
    referred_employer,
    role_months,
    skill_months,
)
from applykit.write.text_units import appositive_subject, clause_around, sentence_around
from applykit.write.tracing import make_claim, quotes
from applykit.write.year_months import month_before, month_fits

if TYPE_CHECKING:
    from applykit.write.evidence import Evidence


# --- "three years at X", "six years of experience" ---------------------------------------------

_TENURE_BEFORE = re.compile(
    r"\b(?:for|during|spent|spend|spending|past|last|over|nearly|almost|about|around|roughly|"
    r"than|after|least|some|with|my|our|first|those|these|to)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_TENURE_AFTER = re.compile(
    r"^\s*(?:at|with|as|there|across|of\s+experience|of\s+[a-z]+ing|of\s+(?:production|"
    r"professional|industry|hands-on|applied|industrial)|in\s+(?:industry|production|ML|AI|"
    r"machine\s+learning|data\s+science|software|engineering|tech)|"
    r"[a-z]+ing)\b"
)
"""… "at X", "as a data scientist", "of experience", "building recommenders" (time spent)."""
_NAMED = r"(?:at\s+)?(?:the\s+)?[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*){0,4}"
_ACROSS = re.compile(
    r"[^.;:|]{0,40}?\b(?:across|between|at|with)\s+(?:the\s+)?[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*){0,4}"
    r"(?:(?:,\s+" + _NAMED + r")+,?)?\s+and\s+" + _NAMED
)
"""… "across Lumen Media and Northwind Analytics", "across Northwind Analytics, Lumen Media and
Parcelly": the employers named as one stretch, added up."""
_QUALIFIER = re.compile(
    r"\b(?P<q>more than|over|at least|nearly|almost|close to|about|around|roughly|some|"
    r"under|less than|up to)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _consistent(claimed: float, actual: float, qualifier: str, plus: bool) -> bool:
    if plus or qualifier in {"more than", "over", "at least"}:
        return actual >= claimed
    # rounding up is bounded in years and, for short stretches, relative to the claim:
    # "nearly seven years" for 6.9, never "six months" for three
    if qualifier in {"nearly", "almost", "close to"}:
        return actual >= claimed - min(1.0, claimed / 3)
    if qualifier in {"about", "around", "roughly", "some"}:
        return actual >= claimed - min(0.5, claimed / 4)
    if qualifier in {"under", "less than", "up to"}:
        return True
    if qualifier == "exact":
        return actual >= claimed  # a bare total is not rounded up
    return actual >= claimed - min(0.25, claimed / 8)


def _tenure_cue(quantity: Quantity, text: str) -> tuple[float, str, bool] | None:
    """Claimed years, qualifier and '+' when the number reads as time spent somewhere."""
    if quantity.kind != "duration" or quantity.unit not in {"year", "month"}:
        return None
    before = text[max(0, quantity.start - 40) : quantity.start]
    after = text[quantity.end : quantity.end + 40]
    if not (_TENURE_BEFORE.search(before) or _TENURE_AFTER.search(after)):
        return None
    claimed = quantity.value / (12 if quantity.unit == "month" else 1)
    qualifier_match = _QUALIFIER.search(before)
    qualifier = qualifier_match.group("q").lower() if qualifier_match else ""
    plus = quantity.text.rstrip().endswith("+") or bool(re.search(r"\+|\bplus\b", quantity.text))
    return claimed, qualifier, plus


def trace_employer_tenure(
    quantity: Quantity, text: str, evidence: Evidence, others: list[Quantity]
) -> Claim | None:
    """ "three years at Northwind": checked against the dates of the employer the number's
    clause names (see `owner_named`); None when it names none."""
    cue = _tenure_cue(quantity, text)
    if cue is None:
        return None
    claimed, qualifier, plus = cue
    named = owner_named(quantity, text, others, evidence)
    across = _ACROSS.match(text, quantity.end)
    if across:  # "four-plus years of production ML across Lumen Media and Northwind": added up
        named = employers_in(across.group(0), evidence) or named
    named = named if across else named[:1]
    referred = referred_employer(quantity, text, evidence) if not named else None
    referred = referred or (current_job(quantity, text, evidence) if not named else None)
    referred = referred or (named_project(quantity, text, evidence) if not named else None)
    referred = referred or (employer_after_aside(quantity, text, evidence) if not named else None)
    if referred is not None:
        named = [referred]
    if len(named) == 1:  # "nearly four years at Tidequill": every position held there
        named = same_employer(named[0], evidence.entries)
    if not named:
        role = (
            role_months(quantity, text, evidence)
            or activity_months(quantity, text, evidence)
            or skill_months(quantity, text, evidence)
        )
        if role is None:
            return None
        actual, entry_id = role
        if _consistent(claimed, actual, qualifier, plus):
            note = f"within the dates of the role named ({actual:.1f} years)"
            return make_claim(
                quantity.text, "duration", quantity.start, quantity.end, entry_id, note
            )
        note = f"more time than the profile's dates give for that role ({actual:.1f} years)"
        return make_claim(quantity.text, "duration", quantity.start, quantity.end, None, note)
    if len(named) > 1:
        periods = [e for e in named if e.kind in {"work", "volunteer"} and e.months]
        if periods:
            actual = merged_years(periods)
            ok = _consistent(claimed, actual, qualifier, plus)
            verdict = "within" if ok else "more time than"
            note = f"{verdict} the dates of those jobs ({actual:.1f} years)"
            source = periods[0].id if ok else None
            return make_claim(quantity.text, "duration", quantity.start, quantity.end, source, note)
    for entry in named:
        if entry.kind not in {"work", "volunteer", "project"} or not entry.months:
            continue
        actual = (entry.months[1] - entry.months[0] + 1) / 12
        if _consistent(claimed, actual, qualifier, plus):
            note = f"within the dates of {entry.name} ({actual:.1f} years)"
            return make_claim(
                quantity.text, "duration", quantity.start, quantity.end, entry.id, note
            )
        note = f"more time than the profile's dates give for {entry.name} ({actual:.1f} years)"
        return make_claim(quantity.text, "duration", quantity.start, quantity.end, None, note)
    return None


def trace_experience_years(
    quantity: Quantity, text: str, evidence: Evidence, others: list[Quantity]
) -> Claim | None:
    """ "more than six years of experience", "building ML for six years": time spent with no
    employer named is checked against the merged work periods (nothing the candidate did
    professionally can be longer); None when the number is not time spent."""
    cue = _tenure_cue(quantity, text)
    if cue is None:
        return None
    claimed, qualifier, plus = cue
    total = merged_work_years(evidence.entries)
    if _consistent(claimed, total, qualifier or "exact", plus):
        note = f"within the work history's dates ({total:.1f} years)"
        return make_claim(
            quantity.text, "duration", quantity.start, quantity.end, "profile:work-dates", note
        )
    note = f"more years than the work history's dates give ({total:.1f} years)"
    return make_claim(quantity.text, "duration", quantity.start, quantity.end, None, note)


# --- years --------------------------------------------------------------------------------------


_DEGREE_WORDS = re.compile(
    r"\b(?:degree|graduat\w*|complet\w*|finish\w*|bachelor|master|ph\.?d|m\.?sc|b\.?sc|mba)\b",
    re.IGNORECASE,
)


_PAST_RECORD = re.compile(
    r"\b(?!(?:expected|planned|scheduled|intended|proposed|projected|needed)\b)"
    r"(?:[a-z]+ed|won|got|received|joined|left|built|led|ran|became|was|were|had)\b",
    re.IGNORECASE,
)
"""… "won the award in 2027": a past-tense report, so a year still to come is a fabrication."""
_MODAL = re.compile(r"\b(?:could|would|will|can|shall|might|'ll|’ll|'d|’d)\b", re.IGNORECASE)


def trace_year(quantity: Quantity, text: str, evidence: Evidence) -> Claim | None:
    """A year traces when the entry the words around it are most about has that year; a year
    still to come is a plan ("Expected start date: January 2027"), never a record."""
    year = int(quantity.value)
    sentence = sentence_around(text, quantity.start)
    own = clause_around(text, quantity.start)
    if (
        evidence.this_year
        and year > evidence.this_year
        and (
            not _PAST_RECORD.search(text[sentence.start : sentence.end])
            or _MODAL.search(text, own.start, quantity.start)  # "… and could start in 2027"
        )
    ):
        note = "a date still to come: a plan, not the candidate's record"
        return make_claim(quantity.text, "date", quantity.start, quantity.end, "plan", note)
    quoted = _quoted_entry_year(quantity, text, evidence)
    if quoted is not None:
        return quoted
    clause = clause_around(text, quantity.start)
    career = _career_since(quantity, text, clause.start, evidence)
    if career is not None:
        return career
    near_words = own_list_item(_ACRONYMS.sub(_spelled_out, text[clause.start : quantity.start]))
    after = text[quantity.end : max(clause.end, quantity.end)].split()
    if _INTRODUCED_YEAR.fullmatch(text, clause.start, quantity.start) and text.startswith(
        ",", quantity.end
    ):  # "and, back in 2020, carrier EDI messages at a freight forwarder": what follows
        after = text[quantity.end + 1 : sentence.end].split()[:8]
    near_text = " ".join(near_words + after[:3])
    near = lemma_set(near_text)
    if len(near) < 2:  # "in 2019 I interned at the Halvorsen Institute": the rest of its clause
        near_text = " ".join(near_words + after[:6])
        near = lemma_set(near_text)
    sentence = sentence_around(text, quantity.start)
    if len(near) < 2:  # "…, which I finished in 2017": read the clause before too
        near_text = " ".join(own_list_item(text[sentence.start : quantity.start], 8))
        near = lemma_set(near_text)
    degree_date = bool(_DEGREE_WORDS.search(near_text))
    whole = lemma_set(text[sentence.start : sentence.end])
    scored: list[tuple[int, int, Entry]] = []
    before_year = f"{appositive_subject(text, clause.start)} {' '.join(near_words)}"
    after_year = " ".join(after[:6])
    nearest = _nearest_named(evidence.entries, before_year, after_year)
    for entry in evidence.entries:
        near_shared = len(near & entry.lemmas)
        if nearest is not None and (entry is nearest or same_job_place(entry, nearest)):
            near_shared += 3  # "In July 2021 I moved to Lumen Media": the entry named beside it
        scored.append((3 * near_shared + min(3, len(whole & entry.lemmas)), near_shared, entry))
    scored = [  # the positions held at one employer are about it alike (a promotion)
        max(
            ((s, n, entry) for s, n, other in scored if same_job_place(other, entry)),
            default=(score, near_shared, entry),
            key=lambda scored_entry: scored_entry[:2],
        )
        for score, near_shared, entry in scored
    ]
    best = max((score for score, _, _ in scored), default=0)
    month = month_before(quantity, text)
    for score, near_shared, entry in scored:
        degree_end = degree_year(entry, quantity, text)
        if degree_date and entry.kind == "education" and year != degree_end:
            continue  # "a Bachelor of Science from KTH (2014)": a degree dates from its end
        if month is not None and not month_fits(
            year * 12 + month, entry, text[clause.start : quantity.start], degree_date
        ):
            continue  # "since September 2022": the month must fit the entry too
        strong = near_shared >= 3  # the words right next to the year name this entry
        if year in entry.years and (strong or (score == best > 0 and (near_shared or score >= 2))):
            note = f"a date of {entry.name or entry.id}"
            return make_claim(quantity.text, "date", quantity.start, quantity.end, entry.id, note)
    return summary_year(quantity, text, evidence)


_AFTER_QUOTE = re.compile(r"[”\"][ \t]*(?:,|\(|\u2013|-|—)?[ \t]*(?:in[ \t]+)?$")


def _plain(name: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", name.lower()))


def _quoted_entry_year(quantity: Quantity, text: str, evidence: Evidence) -> Claim | None:
    """ "… paper, "Two-Tower Retrieval …: Lessons from Production" (2023)": a year right after
    a quoted title belongs to the profile entry of that title (a paper, project or award), and
    must be one of its years, whatever else the sentence names."""
    before = text[max(0, quantity.start - 12) : quantity.start]
    if not _AFTER_QUOTE.search(before):
        return None
    quote = next((q for q in quotes(text) if 0 < quantity.start - q[1] <= len(before)), None)
    title = _plain(quote[2]) if quote else ""
    if len(title) < 10:
        return None
    for entry in evidence.entries:
        name = _plain(entry.name)
        if name and (title in name or name in title) and min(len(name), len(title)) >= 10:
            year = int(quantity.value)
            source = entry.id if year in entry.years else None
            note = f"a date of {entry.name}" if source else f"not a year of {entry.name}"
            return make_claim(quantity.text, "date", quantity.start, quantity.end, source, note)
    return None


_INTRODUCED_YEAR = re.compile(
    r"\s*(?i:(?:(?:and|but|then)\s+)?(?:(?:way\s+)?back\s+)?(?:in|during|around)\s+)"
    r"(?:[A-Z][a-z]+\s+)?",
)
"""… ", back in 2020, …", ", in January 2020, was …": a year set apart in its own clause is
about what the sentence says next."""
_ACRONYMS = re.compile(r"\b(?:ML|AI|NLP)\b")
_SPELLED_OUT = {
    "ML": "machine learning",
    "AI": "artificial intelligence",
    "NLP": "natural language processing",
}


def _spelled_out(match: re.Match[str]) -> str:
    """ "an ML engineering internship in 2026" is about the Machine Learning … Intern job."""
    return _SPELLED_OUT[match.group(0)]


_CAREER_SINCE = re.compile(
    r"(?:\b(?:I|we)(?:'ve|\s+have|\s+had)?\s+(?:been\s+)?(?:worked|working|built|building|"
    r"shipped|shipping|done|doing)\b[^,;:]{0,60}|"
    r"\b(?:years?|experience)\s+(?:of\s+\w+\s+)?(?:in|across)\s+(?:the\s+)?(?:industry|"
    r"production|machine\s+learning|ml|data\s+science|tech)\s+)"
    r"\b(?:since|from)\s+(?:[A-Z][a-z]+\.?\s+)?$",
    re.IGNORECASE,
)
"""… "I've worked in ML since 2020", "Nearly seven years in industry since January 2020"."""


def _nearest_named(entries: list[Entry], before: str, after: str) -> Entry | None:
    """The entry named nearest the year, in the words before it or after it (only one: "In
    2021 I joined Northwind after Lumen Media" is about Northwind)."""
    from applykit.write.evidence import company_aliases

    best: tuple[int, Entry] | None = None
    for entry in entries:
        for alias in company_aliases(entry.name) if entry.name else []:
            pattern = rf"\b{re.escape(alias)}\b"
            found = [len(before) - m.end() for m in re.finditer(pattern, before)]
            found += [m.start() for m in re.finditer(pattern, after)]
            if found and (best is None or min(found) < best[0]):
                best = (min(found), entry)
    return best[1] if best else None


def _career_since(
    quantity: Quantity, text: str, clause_start: int, evidence: Evidence
) -> Claim | None:
    """ "I've worked in machine learning since 2020" with no job named: the work history must
    have begun by then (an internship counts as the start)."""
    lead = text[clause_start : quantity.start]
    if not _CAREER_SINCE.search(lead) or any(
        e.name and e.name.split()[0] in lead for e in evidence.entries if e.kind == "work"
    ):
        return None
    starts = [e.months[0] // 12 for e in evidence.entries if e.kind == "work" and e.months]
    if not starts:
        return None
    year = int(quantity.value)
    month = month_before(quantity, text)
    first = min(e.months[0] for e in evidence.entries if e.kind == "work" and e.months)
    ok = min(starts) <= year <= (evidence.this_year or year)
    ok = ok and (month is None or first <= year * 12 + month)  # "since January 2020"
    note = f"the work history began in {min(starts)}"
    source = "profile:work-dates" if ok else None
    return make_claim(quantity.text, "date", quantity.start, quantity.end, source, note)
