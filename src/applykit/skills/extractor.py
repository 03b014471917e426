"""Find skill mentions in text: leftmost-longest alias matching, then context for ambiguous words.

1. The text is tokenised (see `tokens.py`); at each token the longest alias that starts there
   wins, so "Apache Spark SQL" is one mention and "C/C++" is two (C, C++).
2. Aliases that are also ordinary words ("Go", "R", "Spark", "Excel") are kept only when the
   context says so: a neighbouring skill in the same sentence ("Python, Go or Rust"), a cue
   word of the entry nearby ("Spark jobs", "statistical computing in R"), or a preposition that
   introduces a tool ("experience with Go"); a stop word right after them rules them out
   ("Go to market", "R&D").

Time is linear in the text. Most texts take the sparse path (`sparse_scan.py`): a few C-level
passes over the text's word skeleton find where an alias may start, and only there are tokens
read; ambiguous matches get their context from the tokens around them (`context_regions.py`).
Texts the skeleton cannot vouch for take the full pass: every token, one regex pass.
"""

from __future__ import annotations

import itertools
import re
import weakref
from dataclasses import dataclass
from typing import TYPE_CHECKING

from applykit.skills.skeleton import (
    BOUNDARY_TABLE,
    SKELETON_TABLE,
    AliasIndex,
    alias_index,
    ascii_bytes,
    needs_full_pass,
)
from applykit.skills.sparse_scan import (
    LINE_STARTERS,
    SENTENCE_ENDS,
    case_allows,
    sparse_matches,
    spot_ranges,
)
from applykit.skills.taxonomy import (
    CASE_SENSITIVE,
    FLAG_BITS,
    LOOKUP_ONLY,
    NEEDS_CAPITAL,
    NEEDS_CONTEXT,
    SkillEntry,
    Taxonomy,
    load_taxonomy,
)
from applykit.skills.tokens import TOKEN_RE

if TYPE_CHECKING:
    from applykit.models.skill import SkillRef

WINDOW = 4
"""How many tokens either side of an ambiguous alias count as its context."""
TOOL_PREPOSITIONS = frozenset({"in", "with", "using", "of", "via", "like", "including", "use"})
"""Words right before an ambiguous alias that introduce a tool ("experience with Go")."""
NEIGHBOUR_CATEGORIES = frozenset(
    {
        "language",
        "framework",
        "library",
        "platform",
        "tool",
        "ml_area",
        "method",
        "database",
        "cloud",
    }
)
"""Categories of an accepted mention that vouch for an ambiguous neighbour in a list."""
CATEGORY_CUES: dict[str, frozenset[str]] = {
    "language": frozenset(
        {
            "programming",
            "language",
            "languages",
            "coding",
            "code",
            "scripting",
            "developer",
            "developers",
            "backend",
            "stack",
            "proficiency",
            "proficient",
            "fluent",
            "fluency",
            "written",
            "libraries",
            "compiled",
        }
    ),
}


@dataclass(frozen=True, slots=True)
class SkillMention:
    """A skill found in text: the character span, the words used, and the taxonomy entry."""

    start: int
    end: int
    text: str
    skill_id: str
    canonical: str
    category: str

    def to_ref(self) -> SkillRef:
        """The mention as the models' SkillRef."""
        from applykit.models.skill import SkillRef

        return SkillRef(
            name=self.text,
            canonical=self.canonical,
            skill_id=self.skill_id,
            category=self.category,
        )


@dataclass(slots=True)
class _Candidate:
    first: int
    last: int
    index: int
    entry: SkillEntry
    accepted: bool
    capital_mid_sentence: bool = False


CHUNK_CHARS = 1 << 18
"""Long texts are read in blocks of about this many characters, cut at line ends, so memory
stays bounded; a mention never spans a line end in practice."""


def extract_skills(text: str, taxonomy: Taxonomy | None = None) -> list[SkillMention]:
    """Skill mentions in `text`: non-overlapping, sorted by start, longest match wins."""
    taxonomy = taxonomy or load_taxonomy()
    return _mentions(text, skill_spans(text, taxonomy), taxonomy)


def skill_spans(text: str, taxonomy: Taxonomy) -> list[tuple[int, int, int]]:
    """`(start, end, entry index)` of each mention `extract_skills` finds, without building
    the mentions (for callers that only need a few of their fields)."""
    index = alias_index(taxonomy)
    spans: list[tuple[int, int, int]] = []
    for start, end in _blocks(text):
        if index.complete and not needs_full_pass(text[start:end]):
            spans += _sparse_spans(text, start, end, taxonomy, index)
        else:
            spans += _block_spans(text, start, end, taxonomy)
    return spans


def _mentions(
    text: str, spans: list[tuple[int, int, int]], taxonomy: Taxonomy
) -> list[SkillMention]:
    mentions = []
    for start, end, index in spans:
        entry = taxonomy.entry_at(index)
        mentions.append(
            SkillMention(start, end, text[start:end], entry.id, entry.canonical, entry.category)
        )
    return mentions


def _sparse_spans(
    text: str, begin: int, end: int, taxonomy: Taxonomy, index: AliasIndex | None = None
) -> list[tuple[int, int, int]]:
    """The same spans as `_block_spans`, reading tokens only where an alias may start."""
    block = text[begin:end]
    index = index or alias_index(taxonomy)
    ascii_text = ascii_bytes(block)
    skeleton = ascii_text.translate(SKELETON_TABLE)
    boundaries = ascii_text.translate(BOUNDARY_TABLE)
    ranges = spot_ranges(skeleton, boundaries, block, index)
    if not ranges:
        return []
    found = sparse_matches(block, ascii_text, skeleton, ranges, boundaries, taxonomy, index)
    if any(not match.accepted for match in found):
        from applykit.skills.context_regions import resolve_in_regions

        resolve_in_regions(block, boundaries, found, taxonomy, _resolve_context)
    return [
        (begin + match.start, begin + match.end, match.index) for match in found if match.accepted
    ]


def _blocks(text: str) -> list[tuple[int, int]]:
    """`(start, end)` blocks of at most ~CHUNK_CHARS, cut after a newline (else a space)."""
    blocks, start = [], 0
    while len(text) - start > CHUNK_CHARS:
        limit = start + CHUNK_CHARS
        cut = text.rfind("\n", start, limit) + 1 or text.rfind(" ", start, limit) + 1
        cut = cut if cut > start else limit
        blocks.append((start, cut))
        start = cut
    blocks.append((start, len(text)))
    return blocks


_TOKEN_SPLIT = re.compile(f"({TOKEN_RE.pattern})")
"""Splits text into [gap, token, gap, token, …, gap]: tokens and their offsets without a
Python-level loop over the tokens."""


def _tokens(text: str, begin: int, end: int) -> tuple[list[int], list[int], list[str]]:
    """Start and end offsets and lower-cased forms of the tokens of `text[begin:end]`."""
    parts = _TOKEN_SPLIT.split(text[begin:end])
    bounds = list(itertools.accumulate(map(len, parts), initial=begin))
    tokens = parts[1::2]
    # Tokens hold no spaces, and a space stops the context rules of str.lower (final sigma),
    # so lowering them joined is lowering each one.
    words = " ".join(tokens).lower().split(" ") if tokens else []
    return bounds[1:-1:2], bounds[2::2], words


def _block_spans(text: str, begin: int, end: int, taxonomy: Taxonomy) -> list[tuple[int, int, int]]:
    starts, ends, words = _tokens(text, begin, end)
    candidates = _scan(text, starts, ends, words, taxonomy)
    if any(not candidate.accepted for candidate in candidates):
        _resolve_context(candidates, words, taxonomy)
    return [(starts[c.first], ends[c.last], c.index) for c in candidates if c.accepted]


_PREFIXES: weakref.WeakKeyDictionary[Taxonomy, frozenset[str]] = weakref.WeakKeyDictionary()


def _prefixes(taxonomy: Taxonomy) -> frozenset[str]:
    """Every leading run of 2+ tokens of every multi-token alias key (built once per taxonomy).

    `_scan` extends a match token by token only while the words so far start some alias, so
    it never builds keys for lengths that cannot match.
    """
    found = _PREFIXES.get(taxonomy)
    if found is None:
        prefixes: set[str] = set()
        for key in taxonomy.aliases:
            end = key.find(" ")
            while end != -1:
                end = key.find(" ", end + 1)
                prefixes.add(key if end == -1 else key[:end])
        found = _PREFIXES[taxonomy] = frozenset(prefixes)
    return found


def _reach(words: list[str], i: int, longest: int, prefixes: frozenset[str]) -> int:
    """How many tokens from `i` on (at most `longest`) still spell the start of an alias."""
    reach = 1
    key = words[i]
    limit = min(longest, len(words) - i)
    while reach < limit:
        key = f"{key} {words[i + reach]}"
        if key not in prefixes:
            break
        reach += 1
    return reach


def _scan(
    text: str, starts: list[int], ends: list[int], words: list[str], taxonomy: Taxonomy
) -> list[_Candidate]:
    """Leftmost-longest alias matches over the tokens."""
    aliases = taxonomy.aliases
    first_tokens = taxonomy.first_tokens
    alias_lengths = taxonomy.alias_lengths
    prefixes = _prefixes(taxonomy)
    candidates: list[_Candidate] = []
    count = len(words)
    resume = 0  # tokens before this are inside an earlier match
    for i in [index for index, word in enumerate(words) if word in first_tokens]:
        if i < resume:
            continue
        lengths = alias_lengths(words[i]) or ()
        reach = _reach(words, i, lengths[0], prefixes) if lengths and lengths[0] > 1 else 1
        for length in lengths:
            if i + length > count or length > reach:
                continue
            key = words[i] if length == 1 else " ".join(words[i : i + length])
            value = aliases.get(key)
            if value is None or value & LOOKUP_ONLY:
                continue
            if value & (CASE_SENSITIVE | NEEDS_CAPITAL):
                surface = text[starts[i] : ends[i + length - 1]]
                if not case_allows(surface, key, value, taxonomy):
                    continue
                if value & NEEDS_CAPITAL and _only_sentence_case(surface, i, text, starts, ends):
                    continue
            index = value >> FLAG_BITS
            found = _Candidate(
                i, i + length - 1, index, taxonomy.entry_at(index), not value & NEEDS_CONTEXT
            )
            if not found.accepted and text[starts[i]].isupper():
                found.capital_mid_sentence = not _at_line_start(i, text, starts, ends)
            candidates.append(found)
            resume = i + length
            break
    return candidates


def _only_sentence_case(
    surface: str, i: int, text: str, starts: list[int], ends: list[int]
) -> bool:
    """The capital is only that of a sentence or line start ("Onboarding new hires …")."""
    if not surface[:1].isupper() or not surface[1:].islower():
        return False
    return _at_line_start(i, text, starts, ends)


def _at_line_start(i: int, text: str, starts: list[int], ends: list[int]) -> bool:
    """Token `i` starts the text, a line, or a sentence."""
    if i == 0:
        return True
    gap = text[ends[i - 1] : starts[i]]
    return "\n" in gap or text[starts[i - 1] : ends[i - 1]] in LINE_STARTERS


def _resolve_context(candidates: list[_Candidate], words: list[str], taxonomy: Taxonomy) -> None:
    """Accept ambiguous candidates that their context confirms.

    A forward and a backward sweep let a confirmed word vouch for its neighbours in a list in
    either direction ("Go, Rust and Python"); two rounds bound the work to linear time.
    """
    order = list(range(len(candidates)))
    for _ in range(2):
        changed = False
        for sweep in (order, order[::-1]):
            for position in sweep:
                candidate = candidates[position]
                if not candidate.accepted and _confirmed(position, candidates, words, taxonomy):
                    candidate.accepted = True
                    changed = True
        if not changed:
            return


def _confirmed(
    position: int, candidates: list[_Candidate], words: list[str], taxonomy: Taxonomy
) -> bool:
    candidate = candidates[position]
    entry = candidate.entry
    rule = taxonomy.context.get(candidate.index)
    following = candidate.last + 1
    if rule is not None and following < len(words) and words[following] in rule.stop_after:
        return False
    if rule is not None and rule.capital_mid_sentence and candidate.capital_mid_sentence:
        return True
    low, high = _sentence_window(candidate, words)
    for other in _neighbours(position, candidates):
        if (
            other.accepted
            and low <= other.first
            and other.last <= high
            and (
                other.entry.category in NEIGHBOUR_CATEGORIES
                or (entry.parent is not None and other.entry.parent == entry.parent)
            )
        ):
            return True
    cues = CATEGORY_CUES.get(entry.category, frozenset())
    if rule is not None:
        cues = cues | rule.cues
    for index in range(low, high + 1):
        if (index < candidate.first or index > candidate.last) and words[index] in cues:
            return True
    if rule is not None and rule.ignore_preposition:
        return False
    previous = candidate.first - 1
    return previous >= low and words[previous] in TOOL_PREPOSITIONS


def _sentence_window(candidate: _Candidate, words: list[str]) -> tuple[int, int]:
    """Token range of up to WINDOW tokens either side, not crossing a sentence end."""
    low = candidate.first
    while low > 0 and candidate.first - low < WINDOW and words[low - 1] not in SENTENCE_ENDS:
        low -= 1
    high = candidate.last
    limit = len(words) - 1
    while high < limit and high - candidate.last < WINDOW and words[high + 1] not in SENTENCE_ENDS:
        high += 1
    return low, high


def _neighbours(position: int, candidates: list[_Candidate]) -> list[_Candidate]:
    """The candidates just before and after, where a list's other items would be."""
    span = range(max(0, position - 3), min(len(candidates), position + 4))
    return [candidates[index] for index in span if index != position]
