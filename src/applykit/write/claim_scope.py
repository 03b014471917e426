"""Whether a mention is a claim at all: what a negation covers, which posting names are
skills (a candidate can claim them) and which are places, organisations or benefits (a
candidate can only mention them).

* "I have not used Kubeflow, Argo CD or Helm": the negation covers every item of the list;
* "the hybrid schedule in South Lake Union", "a Skilled Worker visa", "900,000 Canadians":
  names of the posting that no skills taxonomy knows are the company's world, and naming them
  claims nothing about the candidate (working *at* them still does, see `trace_names`);
* "Kafka", "Helm", "Evidently" (a tool the posting lists beside known tools): a skill, so the
  candidate's sentence claims it.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from applykit.write.gap_labels import in_gap_list
from applykit.write.text_units import clause_around, sentence_around

if TYPE_CHECKING:
    from applykit.skills.taxonomy import SkillEntry, Taxonomy
    from applykit.write.evidence import Evidence

_ITEM = r"[A-Z0-9][\w.+#/-]*(?:[ \t][A-Z0-9][\w.+#/-]*){0,2}"
_LIST_SEP = r"(?:\s*,\s*(?:or\s+|and\s+|nor\s+)?|\s+(?:or|and|nor)\s+)"
_NEGATED_ITEMS = re.compile(
    r"\b(?:not|never|no|without|nor|haven't|hasn't|hadn't|didn't|don't|doesn't)\s+"
    r"(?!only\b|just\b|merely\b|simply\b)(?:[a-z]+\s+){0,2}(?:(?:an?|the|any)\s+)?"
    rf"(?:{_ITEM}{_LIST_SEP})+$"
)
"""… "not used Kubeflow, Argo CD or " before "Helm": a later item of a negated list."""


def negated_item(start: int, text: str) -> bool:
    """The name at `start` is a later item of a list that a negation opened ("I have not
    shipped React or TypeScript", "no Kubeflow, Argo CD or Helm")."""
    return bool(_NEGATED_ITEMS.search(text[max(0, start - 160) : start]))


@functools.lru_cache(maxsize=4096)
def word_pattern(phrase: str, *, plural: bool = False, hyphen: bool = True) -> re.Pattern[str]:
    """A compiled, cached pattern for a phrase as whole words, any case (compiled once: the
    guard looks up the same names in every letter); with `hyphen`, a hyphen also bounds."""
    tail = r"s?" if plural else ""
    edge = r"[\w-]" if hyphen else r"\w"
    return re.compile(rf"(?<!{edge})" + re.escape(phrase) + tail + rf"(?!{edge})", re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def _taxonomy() -> Taxonomy:
    from applykit.skills.taxonomy import load_taxonomy  # the taxonomy ships with the package

    return load_taxonomy()


def known_entry(name: str) -> SkillEntry | None:
    """The taxonomy's entry for a skill name, or None."""
    return _taxonomy().lookup(name)


def known_skill(name: str) -> bool:
    """The skills taxonomy knows the name, or one of its capitalised words ("Kubeflow
    Pipelines" ← "Kubeflow")."""
    taxonomy = _taxonomy()
    if taxonomy.lookup(name) is not None:
        return True
    parts = re.findall(r"[A-Za-z][\w+#.-]*", name)
    return len(parts) > 1 and any(
        len(part) >= 2 and part[0].isupper() and taxonomy.lookup(part) is not None for part in parts
    )


def soft_skill(name: str) -> bool:
    """The taxonomy files the name as a soft skill ("Leadership"), not a tool or method."""
    entry = _taxonomy().lookup(name)
    return entry is not None and entry.category == "soft_skill"


_NEIGHBOURS = re.compile(rf"({_ITEM})(?={_LIST_SEP}|\s*\)|\s*$)")


def skill_like(name: str, evidence: Evidence) -> bool:
    """A name the candidate could claim as experience: a skill of the posting, a skill the
    taxonomy knows, or a name the posting lists beside such skills ("Prometheus, Grafana,
    Evidently or similar")."""
    lowered = name.lower()
    if any(lowered == skill.lower() for skill in evidence.posting_skills):
        return True
    if any(  # "Bayesian" of the posting's "Bayesian methods"
        re.search(rf"(?<![\w-]){re.escape(lowered)}(?![\w-])", skill.lower())
        for skill in evidence.posting_skills
        if " " in skill
    ):
        return True
    if known_skill(name):
        return True
    skills = frozenset(skill.lower() for skill in evidence.posting_skills)
    return _listed_with_skills(name, evidence.posting_text, skills)


_BEFORE_ITEM = re.compile(r"([\w+#./ -]{1,30}?)\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)$")
_AFTER_ITEM = re.compile(r"^\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)([\w+#./ -]{1,30})")


@functools.lru_cache(maxsize=256)
def _listed_with_skills(name: str, posting: str, skills: frozenset[str]) -> bool:
    """The posting lists the name next to a skill ("Prometheus, Grafana, Evidently or
    similar"), or as an example of one ("feature stores (Feast, Tecton)")."""
    pattern = re.compile(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])")
    for match in pattern.finditer(posting):
        left = posting.rfind("(", max(0, match.start() - 60), match.start())
        if left >= 0 and ")" not in posting[left : match.start()]:
            head = " ".join(posting[max(0, left - 40) : left].split()[-3:]).lower()
            if any(re.search(rf"\b{re.escape(skill)}\b", head) for skill in skills):
                return True  # "feature stores (Feast, Tecton)": examples of a skill
        neighbours = []
        before = _BEFORE_ITEM.search(posting[max(0, match.start() - 40) : match.start()])
        after = _AFTER_ITEM.match(posting[match.end() : match.end() + 40])
        if before:
            neighbours.append(before.group(1).split(",")[-1].strip())
        if after:
            neighbours.append(re.split(r"[,.;)]", after.group(1))[0].strip())
        for item in neighbours:
            words = item.split()
            candidates = {item, " ".join(words[-2:]), words[-1] if words else ""}
            candidates |= {" ".join(words[:2]), words[0] if words else ""}
            if any(c and c != name and (known_skill(c) or c.lower() in skills) for c in candidates):
                return True
    return False


_CLOSINGS = re.compile(
    r"\b(?:regards|wishes|sincerely|faithfully|cordially|respectfully|cheers|thanks|"
    r"thank you|best|yours|warmly|gr(?:ü|ue)(?:ß|ss)e|gr(?:ü|ue)(?:ß|ss)en|gruß|hälsningar|"
    r"hilsen|groeten|saludos|saluti|cordialement|salutations|mvh)\b",
    re.IGNORECASE,
)


def closing_line(line: str) -> bool:
    """A sign-off line ("Mit freundlichen Grüßen", "Warm regards"): short, no digits, with a
    word of leave-taking."""
    stripped = line.strip()
    return (
        0 < len(stripped.split()) <= 5
        and not re.search(r"\d", stripped)
        and bool(_CLOSINGS.search(stripped))
        and not stripped.endswith((".", "?", ":"))
    )


# --- mentions that claim nothing: negated, wished for, heard about -----------------------------

_NEGATION_CUE = re.compile(
    r"\b(?:not|never|no|neither|nor|haven't|hasn't|hadn't|didn't|don't|doesn't|"
    r"can't|cannot|lack|lacking|rather\s+than|instead\s+of)\b(?!\s+(?:only|just|merely|simply|long|least|doubt|problem)\b)",
    re.IGNORECASE,
)
_WISH_CUE = re.compile(
    r"\b(?:to\s+learn|learning|to\s+pick\s+up|picking\s+up|ramp(?:ing)?\s+up\s+on|"
    r"get(?:ting)?\s+up\s+to\s+speed\s+(?:on|with)|to\s+study|to\s+explore|to\s+try|"
    r"(?:hear|hearing|heard|read|reading|talk|talking|talked)\s+(?:more\s+)?about|"
    r"working\s+towards?|aiming\s+(?:for|at)|studying\s+for|preparing\s+for|"
    r"(?:grow|improve|develop|build\s+up|deepen|strengthen|broaden)\s+my\s+(?:\w+\s+)?"
    r"(?:skills?|knowledge|experience)\s+(?:in|with|of|on))\b",
    re.IGNORECASE,
)
_NOT_A_WISH = re.compile(r"\b(?:machine|deep|reinforcement|representation|transfer)\s+$", re.I)
_SCOPE_BREAK = re.compile(
    r"[;:.!?—–()]|\b(?:but|however|though|although|while|whereas|yet\s+(?:i|we)|"
    r"instead|which|who|where|because|so)\b|\b(?:i|we)\b|\b(?:and|but)\s+(?:my|our)\b|"
    r"(?:,|\band\b|\bor\b)\s+(?!(?:any|some|no|every)thing\b)"
    r"(?-i:[a-z]+(?:ed|ing)|built|ran|led|wrote|made|took|grew|won|"
    r"drove|brought|kept|held|spent|sent|set|put|cut|got|saw)\b",
    re.IGNORECASE,
)
_AFTER_NEGATED = re.compile(
    r"^(?:\s+[a-z][\w-]*){0,2}(?:\s*(?:,|\bor\b|\band\b)\s*[\w+#./-]+(?:\s[\w+#./-]+){0,2})*"
    r"(?:\s*\([^()]{1,60}\)|\))?\s*"
    r"(?:(?:(?:would|will)\s+(?:all\s+|both\s+)?be|is|are|was|were|remains?)\s+(?:(?:still|"
    r"entirely|completely|both|all|quite|fairly|relatively)\s+)?(?:new|unfamiliar)"
    r"(?:\s+(?:to|for)\s+me\b|\s*(?=[).;!]|$))|"
    r"(?:is|are|was|were)(?:n't|\s+not)\s+(?:\w+\s+){0,2}?(?:(?:I|I've|I\s+have|we)\s+"
    r"(?:\w+\s+)?(?:used|shipped|worked|touched|built|run|written|done|had)|in\s+my|part\s+of\s+my)\b|"
    r"(?:I|we)\s+(?:have\s+|had\s+|do\s+|did\s+)?(?:never|not|haven't|hadn't|didn't|don't)\b|"
    r"(?:I|we)\s+(?:only\s+)?(?:know|knew)\s+(?:\w+\s+)?(?:only\s+)?(?:from|by|through)\s+"
    r"(?:reading|docs|documentation|tutorials?|courses?|books?|name|talks|blog\s+posts)\b|"
    r"[,:—–-]\s*(?:(?:also|again|still|likewise)\s+)?(?:no|not\s+yet|never|not)\b"
    r"(?=\s*(?:[.,;!)]|$|(?:used|touched|shipped|run)\b|in\s+(?:a\s+job|production|my\s+work)\b|"
    r"professionally\b))|"
    r"[,\s]+(?:[a-z]+,\s*)?(?:is|are)\s+not\s*(?=[.;!]|$)|"
    r"(?:is|are)\s+(?:\w+\s+){0,2}?(?:gaps?|weakness|weak\s+spot|blind\s+spot)\b(?!\s+I\s+closed))",
    re.IGNORECASE,
)
"""… "Argo CD I have never used", "React and TypeScript aren't things I've shipped", "Helm
and Terraform I know only from reading", "Java is the honest gap", "Kubeflow and Argo: not
used", "Java, not in a job", "Bayesian methods, honestly, are not": the list is negated after
it."""
_ONLY_READ = re.compile(
    r"\b(?:read|seen|studied|looked\s+at|heard\s+of|followed)\s+(?:\w+\s+)?$", re.IGNORECASE
)
_BUT_NEVER_IT = re.compile(
    r"^\s+but\s+(?:have\s+|had\s+)?never\s+(?:\w+\s+)?(?:written|used|shipped|run|built|"
    r"touched|deployed|worked\s+with)\s+(?:it|them)\b",
    re.IGNORECASE,
)
"""… "I have read Java but never written it": known about, not used."""


def _scope_clear(segment: str) -> bool:
    """Nothing between a cue and the name ends the cue's reach: no clause break, and any
    commas only separate short list items ("not used Kubeflow, Argo CD or Helm")."""
    if len(segment) > 100 or _SCOPE_BREAK.search(segment):
        return False
    parts = segment.split(",")
    return all(len(part.split()) <= 4 for part in parts[1:])


def unclaimed_reason(start: int, end: int, text: str) -> str | None:
    """Why a mention at `start`-`end` claims nothing, or None: a negation reaches it ("I have
    never run distributed training", "no paper at a venue such as NeurIPS or KDD"), it is
    what the candidate wants to learn or heard about ("I'd like to learn Java", "hearing
    about the move to Kubeflow Pipelines"), or it is called new to the candidate ("Argo CD
    would be new to me")."""
    if in_gap_list(start, text):
        return "negated"  # "What I haven't done: CUDA, C++, distributed training …"
    sentence_start = max(text.rfind(".", 0, start), text.rfind("\n", 0, start)) + 1
    before = text[max(sentence_start, start - 160) : start]
    for cue, reason in ((_NEGATION_CUE, "negated"), (_WISH_CUE, "wished for or heard about")):
        matches = list(cue.finditer(before))
        if not matches:
            continue
        last = matches[-1]
        if cue is _WISH_CUE and _NOT_A_WISH.search(before[: last.start()]):
            continue
        if _scope_clear(before[last.end() :]):
            return reason
    sentence_end = min(
        [i for i in (text.find(".", end), text.find("\n", end)) if i >= 0] + [len(text)]
    )
    after = text[end : min(sentence_end, end + 300)]
    lead = text[clause_around(text, start).start : start]
    affirmed = bool(re.search(r"\b(?:I|we)\b", lead)) and not _NEGATION_CUE.search(lead)
    if (_AFTER_NEGATED.match(after) and not affirmed) or (
        _BUT_NEVER_IT.match(after) and _ONLY_READ.search(text, max(0, start - 40), start)
    ):
        return "new to the candidate"  # not "I have used dbt daily, and Databricks would be new"
    wish = _AFTER_WISH.match(after)
    if (
        wish
        and not _CANDIDATE.search(after[: wish.start("verb")])
        and not re.search(r"\b(?:which|that|who|what)\s+$", after[: wish.start("verb")])
    ):
        return "wished for or heard about"  # "A project on X … is the gap I would like to close"
    if _YOUR_COORDINATED.search(text, max(0, start - 60), start):
        return "the company's topic"  # "your legal and insurance specialists"
    topic = _OF_THE_COMPANY.match(after)
    lead = text[clause_around(text, start).start : start]
    if topic and not _CANDIDATE.search(topic.group(0)) and not _CANDIDATE.search(lead):
        return "the company's topic"  # "the prompting, retrieval … in your pattern pipeline"
    return None


_CANDIDATE = re.compile(r"\b(?:I|I'm|I've|I'd|me|my|we|our)\b")
_YOUR_COORDINATED = re.compile(
    r"\b(?:your|the\s+company's)\s+(?:[a-z][\w-]*(?:\s*,\s*|\s+(?:and|or)\s+)){1,3}$"
)
"""… "your legal and insurance specialists": "your" reaches every modifier of its noun."""
_AFTER_WISH = re.compile(
    r"^[^;:]*?\b(?P<verb>is|are|would be|remains?)\s+(?:exactly\s+|precisely\s+|still\s+)?"
    r"(?:the\s+|a\s+|an\s+|what\s+|where\s+)?(?:gap|area|thing|skill|part|what|where|something|"
    r"one)\b[^.;]*?\b(?:I|we)\s*(?:would|'d|’d)?\s*(?:like|love|want|hope|plan|need|am\s+eager|"
    r"am\s+keen)\s+to\s+(?:learn|close|grow|develop|improve|build\s+up|get\s+better|study|"
    r"explore|pick\s+up|fill|gain)\b"
)
_OF_THE_COMPANY = re.compile(
    r"^(?:\s*,\s*[\w/+-]+(?:\s[\w/+-]+){0,3}|\s+(?:and|or)\s+[\w/+-]+(?:\s[\w/+-]+){0,3})*"
    r"(?:\s+[a-z][\w-]*){0,2}\s+(?:in|of|for|behind|at)\s+(?:your|the\s+company's)\b"
)


_CONTINUES = re.compile(
    r"^(?:which|that|who|whom|whose|where|at|in|on|for|with|from|to|by|of|into|including|"
    r"such as|like|built|run|led|held|written|shown|given|known|used|won|made|"
    r"[a-z]+(?:ed|en))\b"
)


def continues_previous(clause: str) -> bool:
    """A clause that has no subject of its own and continues the one before it: a relative
    or participial clause ("presented at NeurIPS", "which served …"), a prepositional
    phrase, or a short apposition ("Two-Tower Retrieval at Streaming Scale")."""
    words = clause.split()
    if not words:
        return True
    return bool(_CONTINUES.match(clause)) or (len(words) <= 6 and clause[0].isupper())


_BRING = re.compile(
    r"\b(?:I|we)\s+(?:would\s+|'d\s+|’d\s+|can\s+|will\s+|could\s+)?(?:bring|offer|contribute)\b"
)


def brought_by_candidate(start: int, text: str) -> bool:
    """The sentence offers the skill as the candidate's own ("Flink streaming is exactly the
    part I would bring to your team"): a "your" in it does not make the skill the company's."""
    sentence = sentence_around(text, start)
    return bool(
        _BRING.search(text, max(sentence.start, start - 300), min(sentence.end, start + 300))
    )


_PRONOUN_RECORD = re.compile(
    r"\b(?:I|we)(?:'ve|’ve|\s+have|\s+had)?\s+(?:\w+\s+)?(?:written|wrote|used|shipped|run|ran|"
    r"built|deployed|worked\s+with|maintained|operated|managed|used)\s+(?:it|them)\b",
    re.IGNORECASE,
)
_NEGATED_WORDS = re.compile(r"\b(?:not|never|no)\b|n't\b", re.IGNORECASE)
_ANOTHER_NAME = re.compile(r"\b[A-Z][\w+#.-]*[A-Z0-9a-z]\b")


def claimed_by_pronoun(end: int, text: str) -> bool:
    """A later "I've written it professionally" picks up the name last mentioned ("Where I'd
    need help: Java. … I've written it for two years"): the record after all. Looked for to the
    end of the next sentence, and only while no other name has been mentioned."""
    first = sentence_around(text, end)
    second = (
        sentence_around(text, min(len(text) - 1, first.end + 2)) if first.end < len(text) else first
    )
    window = text[end : max(first.end, second.end)]
    for match in _PRONOUN_RECORD.finditer(window):
        between = window[: match.start()]
        names = [n for n in _ANOTHER_NAME.findall(between) if n not in {"I", "I'm", "I've", "I'd"}]
        if names or _NEGATED_WORDS.search(match.group(0)):
            continue
        return True
    return False


_GERUND_OPENING = re.compile(r"[\s*_>#-]*(?-i:[A-Z])[a-z]+ing\s+(?!(?:at|for|with)\s)", re.I)
_TOPIC_PREDICATE = re.compile(
    r"\b(?:is|sounds|seems|feels|looks|would\s+be)\s+(?:\w+\s+){0,3}?"
    r"(?:exactly|precisely|just|the\s+kind|the\s+sort|the\s+work|what|a\s+|an\s+)",
    re.IGNORECASE,
)
_RECORD_IN_SUBJECT = re.compile(
    r"\b(?:I|I'm|I've|I'd|(?i:me|my|we|our|was|were|had|did))\b|\b(?:at|for|with)\s+[A-Z]"
)


_REPORTED_AFTER = re.compile(
    r"\b(?:I|we)(?:'ve|’ve)?\s+(?:\w+ed|do|did|does|have|has|had|know|built|led|ran|run|"
    r"shipped|was|were|wrote|made|cut|used|use)\b|\b(?:my|our)\b",
    re.IGNORECASE,
)
_APPRECIATED = re.compile(
    r"\b(?:I|I'd|I’d|we)\s+(?:would\s+|really\s+|most\s+)?(?:enjoy|love|like|relish|want|hope|"
    r"welcome)|\b(?:exciting|appealing|interesting|compelling|fascinating|rewarding|fun|"
    r"challenging|demanding|ambitious|meaningful|worthwhile)\b",
    re.IGNORECASE,
)
"""… "is exactly the kind of migration I enjoy": a judgement, not a report ("… is what I do
every day", "… is work I have done for years" report the record)."""


def gerund_topic(start: int, text: str) -> bool:
    """The name is inside a gerund phrase that is the subject of a present-tense judgement
    ("Helping a service … move from scripts on EC2 to Kubeflow Pipelines is exactly the kind
    of migration I enjoy"): the work on offer, not the record. Not when the phrase has a
    first person, a past tense or an employer ("Helping Northwind move to Kubeflow was …",
    "Moving my team to Kubeflow is what I did")."""
    sentence = sentence_around(text, start)
    opening = _GERUND_OPENING.match(text, sentence.start, start)
    if opening is None:
        return False
    predicate = _TOPIC_PREDICATE.search(text, start, sentence.end)
    if predicate is None:
        return False
    subject = text[sentence.start : predicate.start()]
    reported = _REPORTED_AFTER.search(text, predicate.start(), sentence.end)
    liked = _APPRECIATED.search(text, predicate.start(), sentence.end)
    return not _RECORD_IN_SUBJECT.search(subject) and reported is None and liked is not None
