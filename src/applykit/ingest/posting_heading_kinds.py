"""What a posting section is for, from its heading: "requirements", "benefits", … or "other"."""

from __future__ import annotations

import functools
import re

import ahocorasick_rs

# Order matters: the first kind whose pattern matches a heading wins.
_KINDS: list[tuple[str, re.Pattern[str]]] = [
    ("notes", re.compile(r"^(?:my )?notes?$|^status$|^application status$")),
    ("record_company", re.compile(r"^(?:company|company name|employer|organi[sz]ation)$")),
    ("record_position", re.compile(r"^(?:position|position title|job title|title|role)$")),
    ("record_url", re.compile(r"^(?:job )?(?:url|link|posting url|job link)$")),
    ("record_location", re.compile(r"^(?:job )?location$")),
    ("questions", re.compile(r"application questions|screening questions|questions for you")),
    (
        "apply",
        re.compile(
            r"how to apply|to apply|application process|apply now|next steps|hiring process"
            r"|interview process|what happens next|bewerbung"
        ),
    ),
    (
        "preferred",
        re.compile(
            r"preferred|nice[- ]to[- ]have|bonus|pluses|\bplus\b|desired|good to have|extra credit"
            r"|wünschenswert|ideally|would be great|stand out|even better|put you ahead"
            r"|set(?:s)? you apart|give you an edge"
        ),
    ),
    ("compensation", re.compile(r"compensation|salary|\bpay\b|pay range|\brate\b|gehalt")),
    (
        "benefits",
        re.compile(
            r"benefits|what we offer|we offer|perks|why (?:join|work)|what's in it|in return"
            r"|wir bieten"
        ),
    ),
    (
        "requirements",
        re.compile(
            r"requirement|qualification|looking for|must[- ]have|who you are|you have|you bring"
            r"|you need|about you|your profile|ideal candidate|a fit if|to be successful|skills"
            r"|experience|what it takes|competenc|you(?:'ll| will) need|we need|dein profil"
            r"|ihr profil|anforderungen|^education|certifications?$"
        ),
    ),
    (
        "responsibilities",
        re.compile(
            r"responsibilit|what you(?:'ll| will)? (?:do|deliver|work on|own|build)"
            r"|duties|your impact|day[- ]to[- ]day|in this role|you will|you'll|the work"
            r"|your (?:role|tasks)|key (?:tasks|accountabilities)|deine aufgaben"
            r"|ihre aufgaben|aufgaben"
        ),
    ),
    ("team", re.compile(r"^(?:about )?(?:the|our|your) team$|^team$")),
    (
        "role",
        re.compile(
            r"about the (?:role|job|position|opportunity|engagement)|the (?:role|opportunity|job"
            r"|position|engagement)|job (?:summary|description|overview)|overview|summary"
            r"|position (?:summary|description)|description|der job|your mission|the mission"
        ),
    ),
    (
        "company",
        re.compile(
            r"^about\b|who we are|about us|our (?:story|company|mission)|the company|company"
            r"|über uns|wer wir sind"
        ),
    ),
    (
        "logistics",
        re.compile(r"logistics|location|working here|work(?:ing)? (?:model|arrangement)"),
    ),
    ("similar", re.compile(r"similar jobs|other (?:roles|jobs)|related jobs|more jobs|share")),
    ("legal", re.compile(r"equal opportunity|eeo|diversity|accommodation|disclaimer|privacy")),
]


def heading_kind(text: str, known: dict[str, str] | None = None) -> str:
    """The purpose of a section named `text` (or "other").

    `known` remembers answers by key within one parse: a line is often asked twice (is it a
    heading? then: which kind?), and each answer costs ~19 regex searches.
    """
    key = text.lower().strip().rstrip(":").strip()
    key = key.replace("’", "'")
    if known is not None:
        kind = known.get(key)
        if kind is None:
            kind = known[key] = _kind_of(key)
        return kind
    return _kind_of(key)


# The first five kinds only match a whole key (every branch is `^…$`), so one `match` of their
# union, in order, answers for all five: the first group that matches is the first kind.
_WHOLE_KEY_KINDS = 5
_WHOLE_KEY = re.compile(
    "|".join(f"({pattern.pattern})" for _, pattern in _KINDS[:_WHOLE_KEY_KINDS])
)


def _kind_of(key: str) -> str:
    whole = _WHOLE_KEY.match(key)
    if whole is not None and whole.lastindex is not None:
        return _KINDS[whole.lastindex - 1][0]
    automaton, kinds_of = _kind_needles()
    present = 0
    for needle, _, _ in automaton.find_matches_as_indexes(key, overlapping=True):
        present |= kinds_of[needle]
    if present:
        for bit, (kind, pattern) in enumerate(_KINDS[_WHOLE_KEY_KINDS:]):
            if present >> bit & 1 and pattern.search(key):
                return kind
    return "other"


# For each kind past the first five: words that every match of its pattern holds (keys are
# lower-cased, the patterns case-sensitive), so a kind none of whose words is in the key is
# not searched. Overlapping matches: "about you" (requirements) holds "about" (company).
_KIND_NEEDLES: dict[str, tuple[str, ...]] = {
    "questions": ("questions",),
    "apply": (
        "apply",
        "application process",
        "next steps",
        "hiring process",
        "interview process",
        "what happens next",
        "bewerbung",
    ),
    "preferred": (
        "preferred",
        "nice",
        "bonus",
        "plus",
        "desired",
        "good to have",
        "extra credit",
        "wünschenswert",
        "ideally",
        "would be great",
        "stand out",
        "even better",
        "put you ahead",
        "you apart",
        "give you an edge",
    ),
    "compensation": ("compensation", "salary", "pay", "rate", "gehalt"),
    "benefits": (
        "benefits",
        "offer",
        "perks",
        "why join",
        "why work",
        "what's in it",
        "in return",
        "wir bieten",
    ),
    "requirements": (
        "requirement",
        "qualification",
        "looking for",
        "must",
        "who you are",
        "you have",
        "you bring",
        "you need",
        "about you",
        "your profile",
        "ideal candidate",
        "a fit if",
        "to be successful",
        "skills",
        "experience",
        "what it takes",
        "competenc",
        "you'll need",
        "you will need",
        "we need",
        "dein profil",
        "ihr profil",
        "anforderungen",
        "education",
        "certification",
    ),
    "responsibilities": (
        "responsibilit",
        "what you",
        "duties",
        "your impact",
        "day",
        "in this role",
        "you will",
        "you'll",
        "the work",
        "your role",
        "your tasks",
        "key tasks",
        "key accountabilities",
        "aufgaben",
    ),
    "team": ("team",),
    "role": (
        "the role",
        "the opportunity",
        "the job",
        "the position",
        "the engagement",
        "summary",
        "description",
        "overview",
        "der job",
        "mission",
    ),
    "company": (
        "about",
        "who we are",
        "company",
        "our story",
        "our mission",
        "über uns",
        "wer wir sind",
    ),
    "logistics": ("logistics", "location", "working here", "model", "arrangement"),
    "similar": ("similar jobs", "other roles", "other jobs", "related jobs", "more jobs", "share"),
    "legal": (
        "equal opportunity",
        "eeo",
        "diversity",
        "accommodation",
        "disclaimer",
        "privacy",
    ),
}


@functools.cache
def _kind_needles() -> tuple[ahocorasick_rs.AhoCorasick, list[int]]:
    """All the kinds' words in one automaton, and for each word the bits of its kinds (bit i:
    the i-th kind past the first five)."""
    bits: dict[str, int] = {}
    for bit, (kind, _) in enumerate(_KINDS[_WHOLE_KEY_KINDS:]):
        for needle in _KIND_NEEDLES[kind]:
            bits[needle] = bits.get(needle, 0) | 1 << bit
    return ahocorasick_rs.AhoCorasick(list(bits)), list(bits.values())
