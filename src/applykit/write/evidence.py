"""What a claim may trace to: the profile's facts and fields, and the posting's text."""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field

from applykit.models.posting import Posting
from applykit.models.profile import Fact, Profile
from applykit.write.claims import Quantity, derived_readings, find_quantities, other_readings
from applykit.write.claims_spelled import find_spelled_numbers
from applykit.write.countries import COUNTRY_NAMES
from applykit.write.grounding_dates import Entry, build_entries, list_counts
from applykit.write.grounding_words import lemma_index
from applykit.write.names import degree_level
from applykit.write.requirement_table import posting_initials
from applykit.write.text_units import words


@dataclass(frozen=True)
class Source:
    """One citable piece of the profile: a fact (highlight) or a field, with its id."""

    id: str
    text: str
    context: str = ""
    is_fact: bool = False


@dataclass
class Evidence:
    """Everything the guard may cite, indexed once per check."""

    sources: list[Source]
    posting_text: str
    company_names: list[str]
    employers: list[str]
    positions: list[str]
    degree_levels: dict[str, str]
    posting_skills: list[str]
    quantities: list[tuple[Quantity, Source]] = field(default_factory=list)
    posting_quantities: list[Quantity] = field(default_factory=list)
    posting_title: str | None = None
    posting_normal: str = ""
    title_parts: list[str] = field(default_factory=list)
    entries: list[Entry] = field(default_factory=list)
    pay: set[float] = field(default_factory=set)
    this_year: int = 0
    """The year the periods still open end in: a later year can only be a plan."""
    """The posting's pay range (min, max): figures the candidate may quote."""
    list_counts: dict[str, tuple[set[int], str]] = field(default_factory=dict)
    """"two degrees": the size of a profile list, by the noun that counts it."""
    degree_fields: list[tuple[str, str, str]] = field(default_factory=list)
    """Each degree's level, its field ("Master of Science · Computer Science (Machine
    Learning track)") and its id: "an MS in Statistics" must name the field too."""
    lemmas: dict[str, Source] = field(default_factory=dict)
    """Each lemma of the profile's words, with the first source (facts first) that has it."""
    """Dated parts of the profile, for year and tenure arithmetic."""
    _memo: dict[tuple[str, str], object] = field(default_factory=dict)

    def find_in_profile(self, phrase: str) -> Source | None:
        """The first source (facts first) that contains `phrase` as whole words."""
        key = ("profile", phrase.lower())
        if key not in self._memo:
            self._memo[key] = self._find_in_profile(phrase)
        found = self._memo[key]
        return found if isinstance(found, Source) else None

    def find_in_posting(self, phrase: str) -> str | None:
        """`posting:START-END` of `phrase` in the posting text, or None."""
        key = ("posting", phrase.lower())
        if key not in self._memo:
            self._memo[key] = self._find_in_posting(phrase)
        found = self._memo[key]
        return found if isinstance(found, str) else None

    def _find_in_profile(self, phrase: str) -> Source | None:
        for variant in _variants(phrase):
            pattern = phrase_pattern(variant)
            for source in self.sources:
                if pattern.search(source.text):
                    return source
        return None

    def _find_in_posting(self, phrase: str) -> str | None:
        if not self.posting_text:
            return None
        for variant in _variants(phrase):
            match = phrase_pattern(variant).search(self.posting_text)
            if match:
                return f"posting:{match.start()}-{match.end()}"
        return posting_initials(phrase, self.posting_text)


def normal_text(text: str) -> str:
    """Lower case, punctuation folded to single spaces: for comparing quotes."""
    return re.sub(r"[^a-z0-9$%]+", " ", text.lower()).strip()


def _variants(phrase: str) -> list[str]:
    """The phrase, and its singular when it is a plural ("LLMs" → "LLM")."""
    variants = [phrase]
    if len(phrase) > 3 and phrase.endswith("s") and not phrase.endswith("ss"):
        variants.append(phrase[:-1])
    return variants


_COMPANY_SUFFIXES = words(
    """
    inc inc. llc ltd ltd. gmbh ag plc corp corp. co co. company group holdings sa
    """
)


def title_phrases(title: str) -> list[str]:
    """The posting's title and its parts ("Research Scientist Intern, Machine Learning (PhD)"
    → "Research Scientist Intern", "Machine Learning", …)."""
    parts = [title, *re.split(r"\s*[,(|/–—]\s*|\s+-\s+|\)", title)]
    return [part.strip() for part in parts if len(part.strip().split()) >= 2]


def company_aliases(company: str) -> list[str]:
    """The company's name and its short forms ("Brightwater Payments" → "Brightwater")."""
    names = [company]
    words = company.replace(",", " ").split()
    while words and words[-1].lower() in _COMPANY_SUFFIXES:
        words.pop()
    if words and " ".join(words) != company:
        names.append(" ".join(words))
    if (
        len(words) > 1
        and len(words[0]) > 3
        and words[0][0].isupper()
        and distinctive_word(words[0])
    ):
        names.append(words[0])
    return names


_GENERIC_LEADS = words("university institute college school academy certified graduate")


@functools.lru_cache(maxsize=1024)
def distinctive_word(word: str) -> bool:
    """A first word that can stand for the whole name: not a skill ("Python Porto" is not
    meant by "a cost model in Python") nor a kind of institution ("University of Toronto" is
    not meant by "the University of Porto")."""
    from applykit.skills.taxonomy import load_taxonomy

    return word.lower() not in _GENERIC_LEADS and load_taxonomy().lookup(word) is None


@functools.lru_cache(maxsize=4096)
def phrase_pattern(phrase: str) -> re.Pattern[str]:
    words = [re.escape(part) for part in re.split(r"[\s\-–/:]+", phrase.strip()) if part]
    body = r"[\s\-–/:]+".join(words)  # "Requisition ID R-20931" ← "Requisition ID: R-20931"
    return re.compile(r"(?<![\w])" + body + r"(?:'s|’s|s|es)?(?![\w])", re.IGNORECASE)


def entry_id(given: str, prefix: str, index: int) -> str:
    """The entry's own id, or the positional one the fit report uses ("work-1")."""
    return given or f"{prefix}-{index + 1}"


def fact_id(fact: Fact, entry: str, index: int) -> str:
    """The fact's own id, or the positional one the fit report uses ("work-1.h2")."""
    return fact.id or f"{entry}.h{index + 1}"


def posting_text(posting: Posting | None) -> str:
    """The text the posting spans index into: the description, or the fields joined."""
    if posting is None:
        return ""
    if posting.description.strip():
        return posting.description
    parts: list[str] = [posting.title or "", posting.company or "", posting.team or ""]
    parts.extend(posting.responsibilities)
    parts.extend(_requirement_texts(posting))
    parts.extend(posting.company_facts)
    return "\n".join(part for part in parts if part)


def _requirement_texts(posting: Posting) -> list[str]:
    texts: list[str] = []
    stack = list(posting.requirements)
    while stack:
        requirement = stack.pop(0)
        texts.append(requirement.text)
        stack.extend(requirement.children)
    return texts


def _join(*parts: str | None) -> str:
    return " · ".join(part for part in parts if part)


def _entry_sources(profile: Profile) -> list[Source]:
    sources: list[Source] = []
    for i, work in enumerate(profile.work):
        header = _join(work.name, work.position, work.location)
        sources.append(
            Source(
                entry_id(work.id, "work", i),
                _join(header, work.summary, work.description, work.startDate, work.endDate),
            )
        )
        for j, fact in enumerate(work.highlights):
            sources.append(
                Source(fact_id(fact, entry_id(work.id, "work", i), j), fact.text, header, True)
            )
    for i, project in enumerate(profile.projects):
        header = _join(project.name, project.entity, *project.roles)
        sources.append(
            Source(
                entry_id(project.id, "project", i),
                _join(
                    header,
                    project.description,
                    ", ".join(project.keywords),
                    project.startDate,
                    project.endDate,
                ),
            )
        )
        for j, fact in enumerate(project.highlights):
            entry = entry_id(project.id, "project", i)
            sources.append(Source(fact_id(fact, entry, j), fact.text, header, True))
    for i, volunteer in enumerate(profile.volunteer):
        header = _join(volunteer.organization, volunteer.position)
        sources.append(
            Source(
                entry_id(volunteer.id, "volunteer", i),
                _join(header, volunteer.summary, volunteer.startDate, volunteer.endDate),
            )
        )
        for j, fact in enumerate(volunteer.highlights):
            entry = entry_id(volunteer.id, "volunteer", i)
            sources.append(Source(fact_id(fact, entry, j), fact.text, header, True))
    return sources


def _other_sources(profile: Profile) -> list[Source]:
    basics = profile.basics
    sources = [
        Source("basics.name", basics.name or ""),
        Source("basics.label", basics.label or ""),
        Source("basics.summary", basics.summary or ""),
    ]
    if basics.location:
        sources.append(
            Source(
                "basics.location",
                _join(
                    basics.location.city,
                    basics.location.region,
                    basics.location.countryCode,
                    COUNTRY_NAMES.get((basics.location.countryCode or "").upper()),
                ),
            )
        )
    for i, link in enumerate(basics.profiles):
        sources.append(Source(f"basics.profiles[{i}]", _join(link.network, link.username)))
    for i, edu in enumerate(profile.education):
        sources.append(
            Source(
                edu.id or f"education[{i}]",
                _join(
                    edu.studyType,
                    edu.area,
                    edu.institution,
                    edu.score,
                    edu.startDate,
                    edu.endDate,
                    *edu.courses,
                ),
            )
        )
    for i, award in enumerate(profile.awards):
        sources.append(
            Source(
                award.id or f"awards[{i}]",
                _join(award.title, award.awarder, award.date, award.summary),
            )
        )
    for i, cert in enumerate(profile.certificates):
        sources.append(
            Source(cert.id or f"certificates[{i}]", _join(cert.name, cert.issuer, cert.date))
        )
    for i, pub in enumerate(profile.publications):
        sources.append(
            Source(
                pub.id or f"publications[{i}]",
                _join(pub.name, pub.publisher, pub.releaseDate, pub.summary),
            )
        )
    for i, group in enumerate(profile.skills):
        sources.append(Source(f"skills[{i}]", _join(group.name, ", ".join(group.keywords))))
    for i, language in enumerate(profile.languages):
        sources.append(Source(f"languages[{i}]", _join(language.language, language.fluency)))
    for i, interest in enumerate(profile.interests):
        sources.append(
            Source(f"interests[{i}]", _join(interest.name, ", ".join(interest.keywords)))
        )
    return [source for source in sources if source.text]


@functools.lru_cache(maxsize=32)
def _bare_spelled(text: str) -> tuple[Quantity, ...]:
    """Numbers in words, with or without a unit (cached per posting text)."""
    return tuple(
        Quantity(text[n.start : n.end], n.start, n.end, n.value, "", "number")
        for n in find_spelled_numbers(text)
        if not n.bare_one
    )


def build_evidence(
    profile: Profile, posting: Posting | None, today: dt.date | None = None
) -> Evidence:
    """Index what the guard may cite; `today` ends the periods still open (default: today)."""
    sources = _entry_sources(profile) + _other_sources(profile)
    text = posting_text(posting)
    company_names = company_aliases(posting.company) if posting and posting.company else []
    title_parts = title_phrases(posting.title) if posting and posting.title else []
    skills: list[str] = []
    if posting:
        for ref in posting.skills:
            skills.extend([ref.name, ref.canonical] if ref.canonical else [ref.name])
        stack = list(posting.requirements)
        while stack:
            requirement = stack.pop(0)
            skills.extend(ref.name for ref in requirement.skills)
            stack.extend(requirement.children)
    employers = [w.name for w in profile.work if w.name]
    employers += [v.organization for v in profile.volunteer if v.organization]
    employers += [p.name for p in profile.projects] + [
        p.entity for p in profile.projects if p.entity
    ]
    positions = [w.position for w in profile.work if w.position]
    positions += [v.position for v in profile.volunteer if v.position]
    if profile.basics.label:
        positions.append(profile.basics.label)
    degrees = {
        degree_level(edu.studyType): edu.id or f"education[{i}]"
        for i, edu in enumerate(profile.education)
        if edu.studyType
    }
    sources.sort(key=lambda source: not source.is_fact)
    evidence = Evidence(
        sources=sources,
        posting_text=text,
        company_names=company_names,
        employers=employers,
        positions=positions,
        degree_levels=degrees,
        posting_skills=sorted({s for s in skills if s}, key=len, reverse=True),
        posting_title=posting.title if posting else None,
        title_parts=title_parts,
        entries=build_entries(profile, today or dt.date.today()),
        this_year=(today or dt.date.today()).year,
        list_counts=list_counts(profile),
        degree_fields=[
            (
                degree_level(edu.studyType),
                _join(edu.studyType, edu.area),
                edu.id or f"education[{i}]",
            )
            for i, edu in enumerate(profile.education)
            if edu.studyType
        ],
        pay={v for v in (posting.compensation.min, posting.compensation.max) if v is not None}
        if posting and posting.compensation
        else set(),
    )
    for source in sources:
        found = find_quantities(source.text)
        for quantity in [*found, *derived_readings(found, source.text)]:
            for reading in [quantity, *other_readings(quantity)]:
                evidence.quantities.append((reading, source))
    evidence.posting_quantities = [
        reading for q in find_quantities(text) for reading in [q, *other_readings(q)]
    ]
    counted = {q.start for q in evidence.posting_quantities}
    evidence.posting_quantities += [  # "a team of four and …": a number the posting states
        q for q in _bare_spelled(text) if q.start not in counted
    ]
    evidence.lemmas = lemma_index(sources)
    evidence.posting_normal = normal_text(text)
    return evidence
