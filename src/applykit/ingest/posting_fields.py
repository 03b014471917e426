"""Who and what: title, company and team."""

from __future__ import annotations

import re
from collections.abc import Sequence

from applykit.ingest.posting_keywords import Scan, lower, needles
from applykit.ingest.posting_windows import iter_in_spans

# Patterns used inside functions, compiled once (re.match(pattern, …) looks each up per call).
_SPACES = re.compile(r"\s+")
_NOT_TITLE_LINE = re.compile(
    r"(?i)(?:apply|save|share|posted|similar|careers|salary|pay|rate|location)\b"
)
_LONG_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_TITLE_END = re.compile(r"\s+(?:to|who|for|in|at|with|on|where)\b")
_MODE_PREFIX = re.compile(r"^(?:Remote|Hybrid|On-?site)\s+")
_NOT_COMPANY_LINE = re.compile(r"[>|›@:/]|\d{3}")


ROLE_NOUN = re.compile(
    r"\b(?:engineer|scientist|developer|manager|analyst|intern|designer|specialist|director"
    r"|architect|consultant|researcher|administrator|coordinator|associate|representative"
    r"|executive|officer|lead|head|technician|accountant|writer|editor|strategist|advisor"
    r"|adviser|recruiter|nurse|assistant|underwriter|merchandiser|programmer|operator"
    r"|supervisor|champion|partner|president|vp|cto|ceo|cfo|sre|devops|mlops|teacher|tutor"
    r"|agent|clerk|planner|producer|owner|principal|trainee|apprentice|fellow|economist"
    r"|statistician|counsel|attorney|paralegal|physician|therapist|pharmacist|mechanic"
    r"|electrician|driver|cashier|chef|cook|controller|auditor|buyer|marketer|support"
    r"|entwickler(?:in)?|ingenieur(?:in)?|berater(?:in)?|leiter(?:in)?|referent(?:in)?"
    r"|sachbearbeiter(?:in)?|praktikant(?:in)?|architekt(?:in)?|werkstudent(?:in)?"
    r"|développeur|ingénieur|desarrollador|ingeniero|analista)s?\b",
    re.IGNORECASE,
)


def _role_words() -> frozenset[str]:
    """Every word ROLE_NOUN matches whole: its alternatives, with "(?:in)?" and "s" expanded."""
    body = ROLE_NOUN.pattern[len(r"\b(?:") : -len(r")s?\b")]
    words: set[str] = set()
    for alternative in body.split("|"):
        stems = [alternative[: -len("(?:in)?")], alternative[: -len("(?:in)?")] + "in"]
        for stem in stems if alternative.endswith("(?:in)?") else [alternative]:
            words.update((stem, stem + "s"))
    return frozenset(words)


_ROLE_WORDS = _role_words()
_WORD = re.compile(r"\w+")
# Characters re.IGNORECASE matches to an ASCII letter while str.lower maps them elsewhere.
_FOLD_TRAPS = str.maketrans({"İ": "i", "ı": "i", "ſ": "s"})


def has_role_noun(text: str) -> bool:
    """`ROLE_NOUN.search(text)`, by set look-ups: a match is always one whole word (\\b…\\b)."""
    if not text.isascii():
        text = text.translate(_FOLD_TRAPS)
    return not _ROLE_WORDS.isdisjoint(_WORD.findall(text.lower()))


_GENDER = re.compile(r"\s*\((?:[mwfdx](?:\s*/\s*[mwfdx]){1,3}|all genders)\)", re.IGNORECASE)
_GENERIC_HEADINGS = re.compile(
    r"^(?:application details|job description|job posting|posting|careers?|jobs?|details"
    r"|about.*|overview|description|summary|position|role|untitled)$",
    re.IGNORECASE,
)
_NAME = r"[A-Z][\w&'’.-]*(?:[ -](?:&|of|and|de|la|[A-Z0-9][\w&'’.-]*)){0,4}"
_TITLE_WORDS = (
    r"((?:[A-Z][\w/&+.'-]*)(?:(?:\s+|,\s+)(?:[A-Z][\w/&+.'-]*|of|and|&|-|–|\(\w+\))){0,7})"
)
_ADJECTIVES = r"(?:(?:[a-z][\w-]*,?\s+){0,4})"
# The phrase patterns run on "\n" + text, so "^" (the real start, a line end there) never starts
# a match and is left out; each pattern starts with a literal (or a branch of literals, or a
# letter with a look-behind for the word boundary) so the regex engine skips ahead to it.
_TITLE_PHRASES = [
    re.compile(
        r"\b(?:is|are|we're|we are) (?:currently )?(?:hiring|looking for|seeking|searching for"
        r"|recruiting) (?:an?|one|two|several|our next|a new)\s+" + _ADJECTIVES + _TITLE_WORDS
    ),
    re.compile(
        r"\b(?:opportunity|opening|vacancy|role|position) for an? " + _ADJECTIVES + _TITLE_WORDS
    ),
    re.compile(r"(?:\.\s+|!\s+)As an? " + _TITLE_WORDS + r",? you\b"),
    re.compile(
        r"(?:\.\s+|!\s+|:\s+|\n|, )[Tt]he " + _TITLE_WORDS + r",? (?:is|will|maintains|reports"
        r"|position|role|serves|works|leads|owns|provides|supports|manages|partners|plays"
        r"|oversees|drives|helps)\b"
    ),
    re.compile(r"[Jj](?<!\w.)oin (?:our|the) (?:\w+ ){0,2}team as an? " + _TITLE_WORDS),
]
# Per pattern above: the words that must occur for it to match (cheap windows first).
_TITLE_NEEDLES: list[tuple[str, ...]] = [
    needles("hiring", "looking for", "seeking", "searching for", "recruiting"),
    needles("opportunity for", "opening for", "vacancy for", "role for", "position for"),
    needles("\nas a", ". as a", "! as a"),
    needles("\nthe ", ". the ", "! the ", ": the ", ", the "),
    needles("join"),
]
_NOT_TITLE = re.compile(r"^(?:we|our|the|this|you|your|it|they|an?|as|in|if|all)\b", re.I)
_LABELS = re.compile(
    r"^(?:job title|position title|position|title|role|job)\s*[:\-–]\s*(.{3,120})$",
    re.IGNORECASE,
)
_COMPANY_PHRASES = [
    re.compile(r"(?:\.\s+|!\s+|\n)At (" + _NAME + r")(?:, [^,\n]{1,60},)?,? (?:we|our|you)\b"),
    re.compile(
        r"(?:\.\s+|!\s+|\n)(" + _NAME + r") (?:is (?:one of|a|an|the)\b|are (?:one of|a|an|the)\b"
        r"|has (?:a|an|been)\b|offers\b|values\b|provides\b|builds\b|helps\b|delivers\b)"
    ),
    re.compile(r"(?:\.\s+|!\s+|\n)(" + _NAME + r") is (?:hiring|looking|seeking|growing)\b"),
    re.compile(r"[Jj](?<!\w.)oin (" + _NAME + r")(?: as|,| and| in|!|\.)"),
    re.compile(r"[Aa](?<!\w.)s an? (" + _NAME + r") (?:employee|team member|associate)\b"),
    re.compile(r"f(?<!\w.)or you at (" + _NAME + r")[.!,]"),
]
_NEEDS_REPEAT = {1, 5}
_COMPANY_NEEDLES: list[tuple[str, ...]] = [
    needles("\nat ", ". at ", "! at "),
    needles(
        " is one of",
        " is a",
        " is an",
        " is the",
        " are one of",
        " are a",
        " are an",
        " are the",
        " has a",
        " has an",
        " has been",
        " offers",
        " values",
        " provides",
        " builds",
        " helps",
        " delivers",
    ),
    needles(" is hiring", " is looking", " is seeking", " is growing"),
    needles("join "),
    needles("as a ", "as an "),
    needles("for you at "),
]
_NOT_COMPANY = re.compile(
    r"^(?:we|our|the|this|you|your|it|they|job|position|role|team|company|client|our client"
    r"|about|an?|as|in|if|all|remote|hybrid|salary|pay|location|responsibilities|requirements"
    r"|equal|applicants|candidates|there|here|what|who|why|how|when|full|part|please|every"
    r"|each|no|not|successful|qualified|in this|at|for)\b",
    re.IGNORECASE,
)
_LEGAL_SUFFIX = re.compile(
    r",?\s+(?:Inc\.?|LLC|Ltd\.?|GmbH|AG|SE|S\.A\.|B\.V\.|Corp\.?|Co\.|plc|PLC|LLP|SAS|SARL|Oy|AB)$"
)


def clean_title(text: str) -> str:
    title = _GENDER.sub("", text)
    title = _SPACES.sub(" ", title).strip(" -–—|:*#")
    return title


def title_from_line(line: str) -> str | None:
    """A header line that reads like a job title (a role noun, short, not a sentence)."""
    if len(line) > 120 or ">" in line or "›" in line or line.endswith("."):
        return None
    if len(line.split()) > 14 or not has_role_noun(line):
        return None
    if _NOT_TITLE_LINE.match(line):
        return None
    if ": " in line or not _title_case(line):
        return None
    return clean_title(line)


def _title_case(line: str) -> bool:
    """Job titles capitalise their words; sentences and duties do not."""
    words = [w for w in _LONG_WORD.findall(line) if len(w) >= 4]
    if not words:
        return True
    capitalised = sum(1 for w in words if w[0].isupper())
    return capitalised / len(words) >= 0.6


def title_from_label(lines: list[str]) -> str | None:
    for line in lines[:40]:
        match = _LABELS.match(line)
        if match and has_role_noun(match.group(1)):
            return clean_title(match.group(1))
    return None


def title_from_phrases(text: str | Scan) -> str | None:
    scan = (text if isinstance(text, Scan) else Scan(text)).derive("\n", 6000)
    head = scan.text
    for pattern, words in zip(_TITLE_PHRASES, _TITLE_NEEDLES, strict=True):
        for match in iter_in_spans(pattern, head, scan.spans(words, 4, 160)):
            candidate = _TITLE_END.split(match.group(1))[0]
            candidate = candidate.strip(" ,.-–")
            if (
                has_role_noun(candidate)
                and len(candidate.split()) <= 8
                and _title_case(candidate)
                and not _NOT_TITLE.match(candidate)
            ):
                return clean_title(_MODE_PREFIX.sub("", candidate))
    return None


def generic_heading(text: str) -> bool:
    return bool(_GENERIC_HEADINGS.match(text.strip()))


def company_from_line(line: str) -> str | None:
    """A short header line that is a company name ("Kornblume Mobility GmbH")."""
    text = line.strip("* ")
    if not text or len(text) > 60 or len(text.split()) > 6 or has_role_noun(text):
        return None
    if _NOT_COMPANY_LINE.search(text) or not text[0].isupper():
        return None
    if _LEGAL_SUFFIX.search(text):
        return text
    return None


def company_candidates(text: str | Scan) -> list[str]:
    """Company names from phrases ("At X, we", "X is one of"), most frequent first."""
    found: list[str] = []
    whole = text if isinstance(text, Scan) else Scan(text)
    text = whole.text
    scan = whole.derive("\n", 8000)
    head = scan.text
    tally: dict[str, int] = {}  # text.count(word, 0, 20000), each word counted once

    def times(word: str) -> int:
        if word not in tally:
            tally[word] = text.count(word, 0, 20000)
        return tally[word]

    for index, pattern in enumerate(_COMPANY_PHRASES):
        windows = scan.spans(_COMPANY_NEEDLES[index], 80, 90)
        for match in iter_in_spans(pattern, head, windows):
            name = match.group(1).strip(" .,")
            if name.endswith(("'s", "’s")):
                name = name[:-2]
            if _NOT_COMPANY.match(name) or has_role_noun(name) or len(name) < 2:
                continue
            if index in _NEEDS_REPEAT and times(name.split()[0]) < 2:
                continue  # "Travel is a …" once: a sentence subject, not the employer
            found.append(name)
    # The employer is the name the text keeps coming back to.
    counts = {name: times(name) + found.count(name) for name in found}
    return sorted(counts, key=lambda n: (-counts[n], found.index(n)))


_AFTER_NAME = re.compile(r"((?: [A-Z][\w&'.-]+){1,2})\b")


def extend_company(short: str, text: str) -> str:
    """ "Brightwater" → "Brightwater Payments" when the longer form is written too."""
    # re.search(re.escape(short) + _AFTER_NAME.pattern, text[:20000]), without compiling a
    # pattern for each name: the tail is tried after each place the name is written.
    match = None
    at = text.find(short, 0, 20000)
    while at != -1 and match is None:
        match = _AFTER_NAME.match(text, at + len(short), 20000)
        at = text.find(short, at + 1, 20000)
    if match is None:
        return short
    extended = short + match.group(1)
    tail = match.group(1).split()[-1]
    if has_role_noun(tail) or _NOT_COMPANY.match(tail) or tail in {"Careers", "Team"}:
        return short
    if text.count(extended) >= 2 or _LEGAL_SUFFIX.search(extended):
        return extended
    return short


# "\b(?:[Tt]he|[Oo]ur|[Jj]oin (?:the|our)) " written to start with a character class (the
# word boundary as a look-behind after it), so the regex engine skips ahead to those letters.
_TEAM = re.compile(
    r"[TtOoJj](?<!\w.)(?:(?<=[Tt])he|(?<=[Oo])ur|(?<=[Jj])oin (?:the|our)) "
    r"((?:[A-Z][\w&/+-]*)(?: (?:&|and|[A-Z][\w&/+-]*)){0,4})"
    r" team\b"
)


_TEAM_NEEDLES = needles(" team")


def find_team(texts: Sequence[str | Scan]) -> str | None:
    for text in texts:
        if not isinstance(text, Scan) and " team" not in lower(text):
            continue  # no window, no match: not worth a scan of its own
        scan = (text if isinstance(text, Scan) else Scan(text)).derive("", 20000)
        head = scan.text
        for match in iter_in_spans(_TEAM, head, scan.spans(_TEAM_NEEDLES, 70, 6)):
            team = match.group(1).strip()
            if team and not _NOT_COMPANY.match(team) and len(team) <= 50:
                return team
    return None
