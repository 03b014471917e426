"""Find names (employers, schools, tools), job-title claims and degrees in a text."""

from __future__ import annotations

import re

from applykit.write.claims import MAX_TEXT_CHARS
from applykit.write.claims_spelled import SPELLED_RE
from applykit.write.text_units import sentence_spans, words

_TOKEN_RE = re.compile(r"[^\W_][\w+#./&'’-]*")
_CONNECTORS = {"of", "for", "de", "the", "&"}
COMMON_CAPITALISED = words(
    """
    a about after all also although an and another any are as at be because before being
    both but by can could dear during each even every few for from had has have having
    he her here hers him his how however i if in into is it its just last let many may
    me more most much my new next no nor not now of on once one only or other our out
    over own please same she since so some such than thank thanks that the their them
    then there these they this those though through thus to today together too under
    until up upon us very was we were what when where whether which while who whom whose
    why will with within without would yet you your yours best kind warm regards
    sincerely yours respectfully cordially hello hi greetings dear hiring manager team
    recruiter recruiting sir madam looking given beyond across around along among
    between against toward towards like first second third finally lastly above below
    alongside besides despite meanwhile instead outside inside throughout amid via unlike
    except underneath whereas whilst afterwards beforehand tell describe share explain note
    imagine consider
    most working having building leading what's that's it's i'm i've i'd i'll let's
    here's there's throughout whenever wherever meanwhile moreover furthermore
    nevertheless nonetheless otherwise instead rather therefore hence indeed still
    already again almost always never often sometimes usually perhaps maybe besides
    despite except including beside behind beneath inside outside near past via per
    whatever whichever whoever everyone everything someone something anyone anything
    nobody nothing none either neither few several most lots plenty just only even yes
    okay ok sure great good glad happy excited thrilled eager proud please attached
    enclosed following regarding re subject my our their his her its your this that
    these those there here now then soon later earlier recently currently previously
    today yesterday tomorrow overall together plus
    """
)
"""Words that start a sentence or a letter convention and name nothing."""

LETTER_CONVENTIONS = frozenset(
    {"hiring manager", "hiring team", "recruiting team", "talent team", "to whom it may concern"}
    | {"pacific", "eastern", "central", "mountain", "utc", "gmt", "cet", "cest", "bst"}
    | {"pst", "pdt", "est", "edt", "pt", "et", "ct"}
)
"""Salutations and time zones ("Pacific time"): conventions of a letter, not claims."""


def find_names(text: str) -> list[tuple[str, int, int]]:
    """Capitalised sequences and tool-like tokens ("Northwind Analytics", "PyTorch", "p95")."""
    text = text[:MAX_TEXT_CHARS]
    tokens = list(_TOKEN_RE.finditer(text))
    starts = {s.start for s in sentence_spans(text)}
    names: list[tuple[str, int, int]] = []
    run: list[re.Match[str]] = []

    def is_name(token: re.Match[str]) -> bool:
        word = token.group(0).rstrip(".'’-")
        if not word or word == "I" or word[0].isdigit():
            return False
        core = word.split("'")[0].split("’")[0]
        if not core or core == "I":  # "I'm", "I’ve"
            return False
        line_start = _line_start(text, token.start()) or _cell_start(text, token.start())
        initial = token.start() in starts or line_start or _after_bullet(text, token.start())
        initial = initial or after_label(text, token.start())
        if initial and _plain_word(core):
            return False
        has_upper_inside = any(ch.isupper() for ch in core[1:])
        if has_upper_inside or (
            any(ch.isdigit() for ch in core) and any(c.isalpha() for c in core)
        ):
            return True
        if not core[0].isupper():
            return False
        return not (initial and core.lower() in COMMON_CAPITALISED)

    def flush() -> None:
        while run and run[-1].group(0).lower() in _CONNECTORS:
            run.pop()
        if run:
            start, end = run[0].start(), run[-1].end()
            raw = text[start:end]
            stripped = re.sub(r"(['’]s|['’])$", "", raw).rstrip(".-")
            names.append((stripped, start, start + len(stripped)))
        run.clear()

    previous_end = -1
    for token in tokens:
        word = token.group(0)
        gap = text[previous_end : token.start()] if previous_end >= 0 else " "
        contiguous = previous_end >= 0 and gap.strip() == "" and "\n" not in gap
        if is_name(token):
            if run and (not contiguous or token.start() in starts):
                flush()  # "… and Prometheus. Tools I have …": two sentences, two names
            run.append(token)
            if word.endswith(("'s", "’s")):
                flush()
        elif run and contiguous and word.lower() in _CONNECTORS and word[0].islower():
            run.append(token)
        else:
            flush()
        previous_end = token.end()
    flush()
    return names


_LINE_START = re.compile(r"(?:^|\n)[ \t]*(?:[*_#>]+[ \t]*)?$")


def _line_start(text: str, position: int) -> bool:
    """A word that starts a line, after Markdown emphasis or a heading mark ("**Tell us …")."""
    before = text[max(0, position - 12) : position]
    if position > 12 and "\n" not in before:
        return False
    return bool(_LINE_START.search(before))


_CELL_START = re.compile(r"(?:^|\n)[ \t]*\|(?:[^|\n]*\|)*[ \t]*(?:[*_]+[ \t]*)?$")


def _cell_start(text: str, position: int) -> bool:
    """A word that opens a table cell ("| Moved feature pipelines … |") opens a sentence."""
    line = text.rfind("\n", 0, position) + 1
    return bool(_CELL_START.match(text, max(0, line - 1), position))


_AFTER_BOLD_LABEL = re.compile(
    r"(?:^|\n)[ \t]*(?:(?:[-*•]|\d+[.)])[ \t]+)?(?:\*\*|__)[^*_\n]{1,60}?"
    r"(?::(?:\*\*|__)|(?:\*\*|__):)[ \t]+$"
)


def after_label(text: str, position: int) -> bool:
    """A word right after a bold label ("- **Languages:** My German is …") opens a sentence."""
    return bool(_AFTER_BOLD_LABEL.search(text, max(0, position - 90), position))


def _plain_word(word: str) -> bool:
    """A sentence-initial word that is ordinary English, not a name ("Throughout", "Leading")."""
    lowered = word.lower()
    if lowered in COMMON_CAPITALISED or SPELLED_RE.fullmatch(word):
        return True  # "Twelve A/B tests on …": a number, traced as one
    return word[1:].islower() and len(word) > 4 and lowered.endswith(("ly", "ing", "ed"))


def _after_bullet(text: str, position: int) -> bool:
    before = text[max(0, position - 7) : position]
    return bool(re.search(r"(^|\n)\s*([-*•]|\d+[.)])\s*(?:[*_]+\s*)?$", before)) or before.endswith(
        ("“", '"', "(")
    )


# --- titles and degrees ------------------------------------------------------------------------

HEAD_OF = (
    r"(?:head|vp|director|chief) of [a-z]+"
    r"(?:\s+(?!(?:at|and|or|for|in|with|on|to|by|the|of|from|since)\b)[a-z]+)?(?![\w-])"
)
"""… "head of data science at Parcelly": a head-of title is the whole phrase."""
_ROLE_NOUNS = (
    r"engineer|scientist|manager|director|lead|architect|analyst|researcher|intern|developer|"
    r"designer|consultant|officer|cto|ceo|founder|co-founder|" + HEAD_OF
)
TITLE_CLAIM_RE = re.compile(
    r"\b(?:as|became|become|promoted to|i am|i'm|i was|i've been|worked as|work as|role as|"
    r"position as|serving as|served as|title of|title is|title was|former|formerly)\s+"
    r"(?:an?\s+|the\s+|a\s+)?"
    r"(?P<title>(?:(?!(?:and|or|at|for|the|in|of|with|on|to|by)\b)[A-Za-z/&+-]+\s+){0,5}"
    r"(?:" + _ROLE_NOUNS + r"))\b",
    re.IGNORECASE,
)
TITLE_AT_RE = re.compile(
    r"(?<![\w-])(?P<title>(?:(?-i:[A-Z])[A-Za-z/&+-]*\s+){0,4}(?=(?-i:[A-Z]))(?:"
    + _ROLE_NOUNS
    + r"))\s*(?:\s(?:at|@)\s+|,\s+(?=[^,()\n]{2,60}\)))(?=[A-Z])",
    re.IGNORECASE,
)
"""A title in capitals at an employer, with or without a cue ("| Data Scientist at Parcelly",
"- Senior ML Engineer at Lumen Media", "(Senior ML Engineer, Northwind Analytics)"): a table
cell, a list item or a bracketed aside states the position held."""
DEGREE_RE = re.compile(
    r"\b(?P<degree>ph\.?\s?d\.?|doctorate|doctoral|master'?s|masters|m\.?sc\.?|m\.?s\.|m\.?eng\.?|"
    r"mba|bachelor'?s|bachelors|b\.?sc\.?|b\.?s\.|b\.?a\.?|b\.?eng\.?|"
    r"master of [a-z]+|bachelor of [a-z]+|doctor of [a-z]+|"
    r"(?-i:MS|MA|BS|BA|MEng|BEng)(?=\s+(?:in|from|degree)\b))(?![a-z])",
    re.IGNORECASE,
)


def degree_level(raw: str) -> str:
    lowered = raw.lower().replace(".", "").replace(" ", "")
    if lowered.startswith(("phd", "doctor")):
        return "phd"
    if lowered.startswith("mba") or "businessadministration" in lowered:
        return "mba"  # a master's degree, but not the one an MSc is
    if lowered.startswith(("master", "msc", "ms", "meng")):
        return "master"
    if lowered.startswith(("bachelor", "bsc", "bs", "ba", "beng")):
        return "bachelor"
    return lowered
