"""The degree a posting asks for: level, field, in progress, from the lines that mention one."""

from __future__ import annotations

import bisect
import itertools
import re

import ahocorasick_rs

from applykit.ingest.posting_automata import occurrences
from applykit.ingest.posting_case import folded_ascii
from applykit.ingest.posting_keywords import Scan, needles
from applykit.ingest.posting_text import fold, has_any
from applykit.models.posting import Degree, DegreeLevel

# Patterns used inside functions, compiled once (re.match(pattern, …) looks each up per call).
_SENTENCE_CUT = re.compile(r"(?<=[.;!?])\s+|,\s+and\s+")
_OR_EQUIVALENT = re.compile(r"(?:,? or)? equivalent$|,? or$")


_DEGREES: list[tuple[DegreeLevel, re.Pattern[str]]] = [
    ("associate", re.compile(r"\bassociate(?:'s|’s)? degree\b", re.IGNORECASE)),
    (
        "bachelor",
        re.compile(
            r"\bbachelor(?:'s|’s|s)?\b|\bB\.?S\.?c?\b(?! ?degree in nursing)|\bB\.A\.|\bBA\b"
            r"|\bB\.?Eng\b|\bundergraduate degree\b|\b(?:university|college|4[- ]year) degree\b",
            re.IGNORECASE,
        ),
    ),
    (
        "master",
        re.compile(
            r"\bmaster(?:'s|’s|s)?\b(?! (?:data|file|record|class))|\bM\.?Sc\b|\bM\.S\.|\bMS\b"
            r"|\bMBA\b|\bM\.?Eng\b|\bM\.A\.",
            re.IGNORECASE,
        ),
    ),
    ("phd", re.compile(r"\bph\.? ?d\b|\bdoctorate\b|\bdoctoral\b", re.IGNORECASE)),
]
_DEGREE_WORD = re.compile(r"\bdegree\b|\bdiploma\b|\bstudium\b", re.IGNORECASE)
_FIELD = re.compile(
    r"\b(?:in|of) ((?:[A-Z][\w&-]*|a|an|or|and|related|relevant|technical|quantitative|field"
    r"|discipline|similar|comparable|equivalent|,)(?:[ ,]+(?:[A-Z][\w&-]*|a|an|or|and|related"
    r"|relevant|technical|quantitative|field|discipline|similar|comparable|equivalent))*)"
)
_NOT_REQUIRED = re.compile(r"not required|helpful but|is a plus|nice to have|preferred", re.I)


def find_degree(
    required: list[str], other: list[str], mentions: set[str] | None = None
) -> Degree | None:
    """The lowest degree level the required lines ask for (else any line mentioning one).

    `mentions`: the lines with a degree word, when known (`degree_lines`), else found here.
    """
    if mentions is None:
        mentions = _lines_with_degree_words([*required, *other])
    seen: dict[str, _Level | None] = {}  # required lines come again in `other`
    for lines in (required, other):
        best: tuple[_Level, str] | None = None
        for line in lines:
            if line not in mentions:
                continue
            for sentence in _degree_sentences(line):
                if sentence in seen:
                    found = seen[sentence]
                else:
                    found = seen[sentence] = _degree_level(sentence)
                if found is not None and (best is None or found[0] < best[0][0]):
                    best = found, sentence
        if best is not None:
            return _degree(best[1], best[0])  # the field and the rest: for the one chosen
    return None


# Lower-cased, padded with spaces (see _degree_sentences) so "ms" does not hit "systems".
_DEGREE_NEEDLES = (
    "degree",
    "bachelor",
    "master",
    "phd",
    "ph.d",
    "ph. d",
    "doctora",
    "b.s",
    "m.s",
    " bs ",
    " ms ",
    " ba ",
    " ma ",
    "msc",
    "bsc",
    " mba",
    "diploma",
    "b.a.",
    "m.a.",
    "b.eng",
    "m.eng",
    " beng",
    " meng",
    "studium",
)


def _lines_with_degree_words(lines: list[str]) -> set[str]:
    """The lines in which `_degree_sentences` finds a degree word: one scan of all lines.

    The lines are joined padded as `_degree_sentences` pads each one (" line "), with line ends
    between them; no key word holds a line end, so each hit lies inside one padded line.
    """
    if not lines:
        return set()
    joined = (" " + " \n ".join(lines) + " ").lower()
    if len(joined) != sum(map(len, lines)) + 3 * len(lines) - 1:
        return {line for line in lines if _degree_sentences(line)}  # "İ" lower-cases longer
    joined = joined.replace(",", " ").replace("/", " ").replace("(", " ")
    hits = occurrences(joined, _DEGREE_NEEDLES)
    found: set[str] = set()
    if not hits:
        return found
    starts = list(itertools.accumulate((len(line) + 3 for line in lines), initial=0))
    for at in hits:
        found.add(lines[bisect.bisect_right(starts, at) - 1])
    return found


# `_degree_sentences` reads each line lower-cased, with ",", "/" and "(" as spaces, padded with
# a space at each end. In the body (lines joined by line ends) a degree word's space is one of
# those characters, or a line end where it stood for the padding.
_AS_SPACE = (" ", ",", "/", "(")


def _spellings(word: str) -> list[tuple[str, int]]:
    options = [
        (*_AS_SPACE, "\n") if c == " " and i in (0, len(word) - 1) else _AS_SPACE if c == " " else c
        for i, c in enumerate(word)
    ]
    return [("".join(p), int(p[0] == "\n")) for p in itertools.product(*options)]


_DEGREE_SPELLINGS = {s: lead for word in _DEGREE_NEEDLES for s, lead in _spellings(word)}
needles(*_DEGREE_SPELLINGS)


def degree_lines(body: Scan, lines: list[tuple[int, str]]) -> set[str] | None:
    """The texts of the body lines in which `_degree_sentences` finds a degree word.

    `lines`: (offset in the body, text) of every body line, in order. None when the body's
    lower-cased form is not aligned with it (then `find_degree` looks for itself).
    """
    if len(body.low) != len(body.text):
        return None
    found: set[str] = set()
    if not lines:
        return found
    starts = [at for at, _ in lines]
    for spelling, hits in body.present(_DEGREE_SPELLINGS):
        lead = _DEGREE_SPELLINGS[spelling]
        for at in hits:
            found.add(lines[bisect.bisect_right(starts, at + lead) - 1][1])
    for _, line in (lines[0], lines[-1]):  # padding at the very start and end of the body
        if line not in found and _degree_word_at_edge(line):
            found.add(line)
    return found


_LONGEST = max(map(len, _DEGREE_NEEDLES))


def _degree_word_at_edge(line: str) -> bool:
    """`_degree_sentences(line)` is not empty, for a line in which the body scan found no word.

    Every word inside the padded line (" line ") is in the body too, spelled as one of
    `_DEGREE_SPELLINGS`; so only a word that holds the padding space at either end can be
    there, and it lies within `_LONGEST` characters of that end.
    """
    size = _LONGEST
    if len(line) < size:  # a word may hold both padding spaces
        return bool(_degree_sentences(line))
    head = f" {line[:size].lower().replace(',', ' ').replace('/', ' ').replace('(', ' ')}"
    tail = f"{line[-size:].lower().replace(',', ' ').replace('/', ' ').replace('(', ' ')} "
    return _has_degree_word(head) or _has_degree_word(tail)


_DEGREE_WORDS = ahocorasick_rs.BytesAhoCorasick([needle.encode() for needle in _DEGREE_NEEDLES])
assert all(needle.isascii() and "?" not in needle for needle in _DEGREE_NEEDLES)


def _has_degree_word(low: str) -> bool:
    """`has_any(low, _DEGREE_NEEDLES)`: the needles are ASCII (without "?"), so they are found
    in `low` read one byte per character (`encode("ascii", "replace")`) by one automaton pass."""
    return bool(_DEGREE_WORDS.find_matches_as_indexes(low.encode("ascii", "replace")))


def _degree_sentences(line: str) -> list[str]:
    low = f" {line.lower().replace(',', ' ').replace('/', ' ').replace('(', ' ')} "
    if not _has_degree_word(low):
        return []
    if len(line) < 200:
        return [line]
    return [s for s in _SENTENCE_CUT.split(line) if s]


# Per pattern of _DEGREES: lower-case words one of which every match holds (a cheap test on
# `fold(sentence)` before the case-insensitive search).
_DEGREE_GATES: list[tuple[str, ...]] = [
    ("associate",),
    (
        "bachelor",
        "bs",
        "b.s",
        "b.a.",
        "ba",
        "beng",
        "b.eng",
        "undergraduate degree",
        "university degree",
        "college degree",
        "4-year degree",
        "4 year degree",
    ),
    ("master", "msc", "m.sc", "m.s.", "ms", "mba", "meng", "m.eng", "m.a."),
    ("phd", "ph.d", "ph. d", "ph d", "doctora"),
]
_DEGREE_IN = re.compile(r"(?i)\b(?:degree|diploma) in\b|\bdegree\b.{0,30}\brequired")
_IN_FIELD = re.compile(r"(?i)\bin [A-Z]|pursuing")
_IN_PROGRESS = re.compile(r"(?i)currently (?:pursuing|enrolled)|pursuing")
_NOT_REQUIRED_WORDS = ("not required", "helpful but", "is a plus", "nice to have", "preferred")


_Level = tuple[int, DegreeLevel, int]  # rank (lowest first), level, where its word starts


# The word groups `_degree_level` asks about, as bits: the gates of `_DEGREES` (bit = rank),
# then these.
_GENERIC, _DEGREE_OR_DIPLOMA, _NOT_REQUIRED_BIT, _IN_OR_PURSUING = 16, 32, 64, 128
_LEVEL_WORDS: dict[int, tuple[str, ...]] = {
    **{1 << rank: gates for rank, gates in enumerate(_DEGREE_GATES)},
    _GENERIC: ("degree", "diploma", "studium"),
    _DEGREE_OR_DIPLOMA: ("degree", "diploma"),
    _NOT_REQUIRED_BIT: _NOT_REQUIRED_WORDS,
    _IN_OR_PURSUING: ("in ", "pursuing"),
}


def _level_automaton() -> tuple[ahocorasick_rs.BytesAhoCorasick, list[int]]:
    """Every word of `_LEVEL_WORDS` (all ASCII) in one automaton, and each word's bits."""
    bits: dict[str, int] = {}
    for bit, words in _LEVEL_WORDS.items():
        for word in words:
            bits[word] = bits.get(word, 0) | bit
    assert all(word.isascii() and "?" not in word for word in bits)
    return ahocorasick_rs.BytesAhoCorasick([word.encode() for word in bits]), list(bits.values())


_LEVEL_AUTOMATON, _LEVEL_BITS = _level_automaton()


def _level_words(sentence: str) -> int:
    """The bits of the groups of `_LEVEL_WORDS` that `fold(sentence)` holds a word of: one
    automaton pass over it read one byte per character (`folded_ascii`)."""
    view = folded_ascii(sentence)
    present = 0
    if view is None:
        low = fold(sentence)
        for bit, words in _LEVEL_WORDS.items():
            if has_any(low, words):
                present |= bit
        return present
    bits = _LEVEL_BITS
    for index, _, _ in _LEVEL_AUTOMATON.find_matches_as_indexes(view, overlapping=True):
        present |= bits[index]
    return present


def _degree_level(sentence: str) -> _Level | None:
    """The lowest degree level a sentence asks for, if it asks for one."""
    present = _level_words(sentence)
    levels = [
        (rank, level, m.start())
        for rank, (level, pattern) in enumerate(_DEGREES)
        if present >> rank & 1
        for m in [pattern.search(sentence)]
        if m is not None
    ]
    generic = _DEGREE_WORD.search(sentence) if present & _GENERIC else None
    if not levels and generic and present & _DEGREE_OR_DIPLOMA and _DEGREE_IN.search(sentence):
        levels = [(1, "bachelor", generic.start())]
    if not levels or (present & _NOT_REQUIRED_BIT and _NOT_REQUIRED.search(sentence)):
        return None
    if generic is None and not (present & _IN_OR_PURSUING and _IN_FIELD.search(sentence)):
        return None
    return min(levels)


def _degree(sentence: str, found: _Level) -> Degree:
    """The degree a sentence asks for, at the level `_degree_level` found in it."""
    _, level, position = found
    low = fold(sentence)
    field_match = _FIELD.search(sentence, position)
    field = field_match.group(1).strip(" ,") if field_match else None
    if field:
        field = _OR_EQUIVALENT.sub("", field).strip(" ,") or None
    if field and field.lower().startswith(("a ", "an ", "or ", "and ")):
        field = field.split(" ", 1)[1]
    in_progress = has_any(low, ("pursuing", "currently enrolled")) and bool(
        _IN_PROGRESS.search(sentence)
    )
    return Degree(level=level, field=field or None, in_progress=in_progress, raw=sentence[:300])
