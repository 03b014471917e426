"""Who and what: title, company, team, employment type, work mode and seniority."""

from __future__ import annotations

import re

from applykit.ingest.posting_text import find_in_spans, spans
from applykit.models.posting import EmploymentType, WorkMode

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
_TITLE_PHRASES = [
    re.compile(
        r"\b(?:is|are|we're|we are) (?:currently )?(?:hiring|looking for|seeking|searching for"
        r"|recruiting) (?:an?|one|two|several|our next|a new)\s+" + _ADJECTIVES + _TITLE_WORDS
    ),
    re.compile(
        r"\b(?:opportunity|opening|vacancy|role|position) for an? " + _ADJECTIVES + _TITLE_WORDS
    ),
    re.compile(r"(?:^|[.!]\s+)As an? " + _TITLE_WORDS + r",? you\b"),
    re.compile(
        r"(?:^|[.!:]\s+|\n|, )[Tt]he " + _TITLE_WORDS + r",? (?:is|will|maintains|reports"
        r"|position|role|serves|works|leads|owns|provides|supports|manages|partners|plays"
        r"|oversees|drives|helps)\b"
    ),
    re.compile(r"\b[Jj]oin (?:our|the) (?:\w+ ){0,2}team as an? " + _TITLE_WORDS),
]
# Per pattern above: the words that must occur for it to match (cheap windows first).
_TITLE_NEEDLES: list[tuple[str, ...]] = [
    ("hiring", "looking for", "seeking", "searching for", "recruiting"),
    ("opportunity for", "opening for", "vacancy for", "role for", "position for"),
    ("\nas a", ". as a", "! as a"),
    ("\nthe ", ". the ", "! the ", ": the ", ", the "),
    ("join",),
]
_NOT_TITLE = re.compile(r"^(?:we|our|the|this|you|your|it|they|an?|as|in|if|all)\b", re.I)
_LABELS = re.compile(
    r"^(?:job title|position title|position|title|role|job)\s*[:\-–]\s*(.{3,120})$",
    re.IGNORECASE,
)
_COMPANY_PHRASES = [
    re.compile(r"(?:^|[.!]\s+|\n)At (" + _NAME + r")(?:, [^,\n]{1,60},)?,? (?:we|our|you)\b"),
    re.compile(
        r"(?:^|[.!]\s+|\n)(" + _NAME + r") (?:is (?:one of|a|an|the)\b|are (?:one of|a|an|the)\b"
        r"|has (?:a|an|been)\b|offers\b|values\b|provides\b|builds\b|helps\b|delivers\b)"
    ),
    re.compile(r"(?:^|[.!]\s+|\n)(" + _NAME + r") is (?:hiring|looking|seeking|growing)\b"),
    re.compile(r"\b[Jj]oin (" + _NAME + r")(?: as|,| and| in|!|\.)"),
    re.compile(r"\b[Aa]s an? (" + _NAME + r") (?:employee|team member|associate)\b"),
    re.compile(r"\bfor you at (" + _NAME + r")[.!,]"),
]
_NEEDS_REPEAT = {1, 5}
_COMPANY_NEEDLES: list[tuple[str, ...]] = [
    ("\nat ", ". at ", "! at "),
    (
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
    (" is hiring", " is looking", " is seeking", " is growing"),
    ("join ",),
    ("as a ", "as an "),
    ("for you at ",),
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
    title = re.sub(r"\s+", " ", title).strip(" -–—|:*#")
    return title


def title_from_line(line: str) -> str | None:
    """A header line that reads like a job title (a role noun, short, not a sentence)."""
    if len(line) > 120 or ">" in line or "›" in line or line.endswith("."):
        return None
    if len(line.split()) > 14 or not ROLE_NOUN.search(line):
        return None
    if re.match(
        r"(?i)(?:apply|save|share|posted|similar|careers|salary|pay|rate|location)\b", line
    ):
        return None
    if ": " in line or not _title_case(line):
        return None
    return clean_title(line)


def _title_case(line: str) -> bool:
    """Job titles capitalise their words; sentences and duties do not."""
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", line) if len(w) >= 4]
    if not words:
        return True
    capitalised = sum(1 for w in words if w[0].isupper())
    return capitalised / len(words) >= 0.6


def title_from_label(lines: list[str]) -> str | None:
    for line in lines[:40]:
        match = _LABELS.match(line)
        if match and ROLE_NOUN.search(match.group(1)):
            return clean_title(match.group(1))
    return None


def title_from_phrases(text: str) -> str | None:
    head = "\n" + text[:6000]
    low = head.lower()
    for pattern, needles in zip(_TITLE_PHRASES, _TITLE_NEEDLES, strict=True):
        for match in find_in_spans(pattern, head, spans(low, needles, 4, 160)):
            candidate = re.split(r"\s+(?:to|who|for|in|at|with|on|where)\b", match.group(1))[0]
            candidate = candidate.strip(" ,.-–")
            if (
                ROLE_NOUN.search(candidate)
                and len(candidate.split()) <= 8
                and _title_case(candidate)
                and not _NOT_TITLE.match(candidate)
            ):
                return clean_title(re.sub(r"^(?:Remote|Hybrid|On-?site)\s+", "", candidate))
    return None


def generic_heading(text: str) -> bool:
    return bool(_GENERIC_HEADINGS.match(text.strip()))


def company_from_line(line: str) -> str | None:
    """A short header line that is a company name ("Kornblume Mobility GmbH")."""
    text = line.strip("* ")
    if not text or len(text) > 60 or len(text.split()) > 6 or ROLE_NOUN.search(text):
        return None
    if re.search(r"[>|›@:/]|\d{3}", text) or not text[0].isupper():
        return None
    if _LEGAL_SUFFIX.search(text):
        return text
    return None


def company_candidates(text: str) -> list[str]:
    """Company names from phrases ("At X, we", "X is one of"), most frequent first."""
    found: list[str] = []
    head = "\n" + text[:8000]
    low = head.lower()
    for index, pattern in enumerate(_COMPANY_PHRASES):
        windows = spans(low, _COMPANY_NEEDLES[index], 80, 90)
        for match in find_in_spans(pattern, head, windows):
            name = match.group(1).strip(" .,")
            name = re.sub(r"(?:'s|’s)$", "", name)
            if _NOT_COMPANY.match(name) or ROLE_NOUN.search(name) or len(name) < 2:
                continue
            if index in _NEEDS_REPEAT and text.count(name.split()[0], 0, 20000) < 2:
                continue  # "Travel is a …" once: a sentence subject, not the employer
            found.append(name)
    # The employer is the name the text keeps coming back to.
    counts = {name: text.count(name, 0, 20000) + found.count(name) for name in found}
    return sorted(counts, key=lambda n: (-counts[n], found.index(n)))


def extend_company(short: str, text: str) -> str:
    """ "Brightwater" → "Brightwater Payments" when the longer form is written too."""
    match = re.search(re.escape(short) + r"((?: [A-Z][\w&'.-]+){1,2})\b", text[:20000])
    if match is None:
        return short
    extended = short + match.group(1)
    tail = match.group(1).split()[-1]
    if ROLE_NOUN.search(tail) or _NOT_COMPANY.match(tail) or tail in {"Careers", "Team"}:
        return short
    if text.count(extended) >= 2 or _LEGAL_SUFFIX.search(extended):
        return extended
    return short


_TEAM = re.compile(
    r"\b(?:[Tt]he|[Oo]ur|[Jj]oin (?:the|our)) "
    r"((?:[A-Z][\w&/+-]*)(?: (?:&|and|[A-Z][\w&/+-]*)){0,4})"
    r" team\b"
)


def find_team(texts: list[str]) -> str | None:
    for text in texts:
        head = text[:20000]
        for match in find_in_spans(_TEAM, head, spans(head.lower(), (" team",), 70, 6)):
            team = match.group(1).strip()
            if team and not _NOT_COMPANY.match(team) and len(team) <= 50:
                return team
    return None


_TYPES: list[tuple[EmploymentType, re.Pattern[str]]] = [
    (
        "internship",
        re.compile(r"\bintern(?:ship)?s?\b|\bco-?op\b|\bpraktikum\b|\bwerkstudent", re.IGNORECASE),
    ),
    (
        "contract",
        re.compile(
            r"\bcontract(?:or)?\b(?! management| manager| negotiation| law| review| administration)"
            r"|\bfreelance\b|\b1099\b|corp-to-corp|\bc2c\b|contract[- ]to[- ]hire|\bw-?2 contract",
            re.IGNORECASE,
        ),
    ),
    (
        "temporary",
        re.compile(
            r"\btemporary\b|\btemp\b|\bseasonal\b|\bfixed[- ]term\b|\bbefristet", re.IGNORECASE
        ),
    ),
    ("part_time", re.compile(r"\bpart[- _]?time\b|\bteilzeit\b", re.IGNORECASE)),
    ("full_time", re.compile(r"\bfull[- _]?time\b|\bvollzeit\b|\bpermanent\b", re.IGNORECASE)),
]
_BODY_TYPES: list[tuple[EmploymentType, re.Pattern[str]]] = [
    (
        "internship",
        re.compile(r"\b(?:this|an|our|the|summer|fall|spring|paid) internship\b", re.IGNORECASE),
    ),
    (
        "contract",
        re.compile(
            r"\b(?:this is an? |on an? )?(?:\d+|six|three|twelve)[- ]month contract\b"
            r"|\bcontract (?:role|position|engagement|assignment|basis|opportunity)\b"
            r"|\bcontract[- ]to[- ]hire\b|\b(?:fully remote|this is a|is a) contract\b",
            re.IGNORECASE,
        ),
    ),
    ("temporary", re.compile(r"\btemporary (?:role|position|assignment|job)\b", re.IGNORECASE)),
    (
        "part_time",
        re.compile(r"\bpart[- ]time (?:role|position|job|schedule|basis)\b", re.IGNORECASE),
    ),
    (
        "full_time",
        re.compile(
            r"\bfull[- ]time (?:role|position|job|employment|opportunity|schedule|basis"
            r"|, permanent)"
            r"|\b(?:job|employment) type:? full[- ]time\b|\bthis is a full[- ]time\b",
            re.IGNORECASE,
        ),
    ),
]


def employment_type(title: str | None, header: str, body: str) -> EmploymentType | None:
    """The title and the header lines speak first; the body only through clear phrases."""
    if title:
        for kind, pattern in _TYPES[:2]:
            if pattern.search(title):
                return kind
    for kind, pattern in _TYPES:
        for match in pattern.finditer(header):
            if not _in_type_list(header, match):
                return kind
    best: tuple[int, EmploymentType] | None = None
    low = body.lower()
    windows = spans(low, _TYPE_NEEDLES, 40, 40)
    if not windows:
        return None
    for kind, pattern in _BODY_TYPES:
        found = find_in_spans(pattern, body, windows)
        if found and (best is None or found[0].start() < best[0]):
            best = (found[0].start(), kind)
    if best:
        return best[1]
    for kind, pattern in (_TYPES[4], _TYPES[3]):
        for match in find_in_spans(pattern, body, windows):
            if not _in_type_list(body, match):
                return kind
    return None


_TYPE_WORD = re.compile(
    r"(?i)\b(?:full[- ]time|part[- ]time|contract|temporary|permanent|seasonal|intern|freelance)"
)


def _in_type_list(text: str, match: re.Match[str]) -> bool:
    """ "We offer contract, temporary and permanent placements": a list, not this job's type."""
    before = text[max(0, match.start() - 25) : match.start()]
    after = text[match.end() : match.end() + 25]
    return bool(_TYPE_WORD.search(before) or _TYPE_WORD.search(after))


_TYPE_NEEDLES = (
    "intern",
    "contract",
    "temporary",
    "temp ",
    "seasonal",
    "fixed-term",
    "fixed term",
    "part-time",
    "part time",
    "parttime",
    "full-time",
    "full time",
    "fulltime",
    "permanent",
    "teilzeit",
    "vollzeit",
    "praktikum",
    "werkstudent",
    "befristet",
    "freelance",
    "1099",
    "corp-to-corp",
    "c2c",
    "co-op",
    "coop",
)
_HYBRID = re.compile(
    r"\bhybrid\b|\b(?:\d|one|two|three|four) days? (?:a|per|each) week (?:in|at|on[- ]site)"
    r"|\b(?:\d|one|two|three|four) days? (?:on[- ]site|in[- ](?:the[- ])?office)"
    r"|office[^.\n]{0,40}\bon (?:mondays|tuesdays|wednesdays|thursdays|fridays)"
    r"|(?:in the|our) office (?:on )?(?:mondays|tuesdays|wednesdays|thursdays|fridays)",
    re.IGNORECASE,
)
_REMOTE = re.compile(
    r"\bremote(?:[- ]first|[- ]friendly)?\b(?! sensing| control| monitoring| patient)"
    r"|\bwork (?:from|at) home\b|\bwfh\b|\bhome[- ]based\b|\bvirtual (?:position|role)\b"
    r"|\bfully distributed\b|\bwork from anywhere\b|\btelework",
    re.IGNORECASE,
)
_NOT_REMOTE = re.compile(
    r"\b(?:not|no|isn't|is not) (?:a )?remote\b|\bremote work is not\b|\bnon-remote\b",
    re.IGNORECASE,
)
_ONSITE = re.compile(
    r"\bon[- ]?site\b|\bin[- ]office\b|\bin[- ]person\b|\bvor ort\b|\bpräsenz", re.IGNORECASE
)


def work_mode(title: str | None, header: str, body: str) -> WorkMode | None:
    for source in (f"{title or ''}\n{header}", body):
        low = source.lower()
        windows = spans(low, ("hybrid", "day", "office"), 60, 60)
        if find_in_spans(_HYBRID, source, windows):
            return "hybrid"
        windows = spans(
            low, ("remote", "home", "wfh", "virtual", "distributed", "anywhere", "telework"), 20, 30
        )
        if find_in_spans(_REMOTE, source, windows) and not find_in_spans(
            _NOT_REMOTE, source, windows
        ):
            return "remote"
        windows = spans(low, ("site", "office", "person", "vor ort", "präsenz"), 10, 10)
        if find_in_spans(_ONSITE, source, windows):
            return "onsite"
    return None


_SENIORITY_TITLE: list[tuple[str, re.Pattern[str]]] = [
    (
        "intern",
        re.compile(r"\bintern(?:ship)?\b|\bco-?op\b|\btrainee\b|\bapprentice", re.IGNORECASE),
    ),
    (
        "junior",
        re.compile(
            r"\b(?:junior|jr\.?|entry[- ]level|graduate|new grad|associate)\b", re.IGNORECASE
        ),
    ),
    (
        "executive",
        re.compile(r"\b(?:vp|vice president|chief|cto|ceo|cfo|coo|head of)\b", re.IGNORECASE),
    ),
    ("director", re.compile(r"\bdirector\b", re.IGNORECASE)),
    ("principal", re.compile(r"\b(?:principal|distinguished)\b(?= \w)", re.IGNORECASE)),
    (
        "staff",
        re.compile(
            r"\bstaff (?:\w+ ){0,2}(?:engineer|scientist|developer|designer|architect|researcher)",
            re.IGNORECASE,
        ),
    ),
    ("senior", re.compile(r"\b(?:senior|sr\.?|snr)\b|\blead\b", re.IGNORECASE)),
    ("mid", re.compile(r"\bmid[- ]?(?:level|senior)?\b|\bintermediate\b", re.IGNORECASE)),
]
_LEVEL = re.compile(r"\b(?:L|IC|E|P)([1-9])\b")
_LEVEL_NAMES = {1: "junior", 2: "junior", 3: "mid", 4: "senior", 5: "staff", 6: "principal"}
_SENIORITY_BODY: list[tuple[str, re.Pattern[str]]] = [
    (
        "junior",
        re.compile(
            r"\bentry[- ]level\b|\bnew grad(?:uate)?s?\b|\brecent graduates?\b|\bjunior[- ]level\b",
            re.IGNORECASE,
        ),
    ),
    ("mid", re.compile(r"\bmid[- ]level\b", re.IGNORECASE)),
    ("senior", re.compile(r"\bsenior[- ]level\b", re.IGNORECASE)),
]


def seniority(
    title: str | None, header: str, body: str, years_min: float | None
) -> tuple[str | None, str | None]:
    """(seniority, explicit level code such as "L6") from the title, then the text."""
    level_match = _LEVEL.search(title or "") or _LEVEL.search(header)
    level = level_match.group(0) if level_match else None
    if title:
        for name, pattern in _SENIORITY_TITLE:
            if pattern.search(title):
                return name, level
    if level_match and level_match.group(0)[0] in "LI":
        return _LEVEL_NAMES.get(int(level_match.group(1)), "principal"), level
    text = f"{header}\n{body[:8000]}"
    windows = spans(
        text.lower(), ("entry", "new grad", "recent grad", "junior", "mid", "senior"), 5, 20
    )
    for name, pattern in _SENIORITY_BODY:
        if find_in_spans(pattern, text, windows):
            return name, level
    if years_min is not None:
        if years_min < 2:
            return "junior", level
        if years_min < 5:
            return "mid", level
        return "senior", level
    return None, level
