"""From cleaned text to a Posting: sections are read in the order a recruiter would."""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field

import ahocorasick_rs

from applykit.ingest import posting_steps as steps
from applykit.ingest.posting_conditions import SKIP_BODY, fill_conditions, fill_identity
from applykit.ingest.posting_requirements import (
    fallback_requirements,
    fallback_responsibilities,
    posting_skills,
    requirements_from,
    responsibilities_from,
)
from applykit.ingest.posting_sections import Section, split_sections
from applykit.ingest.posting_text import (
    INJECTION,
    Line,
    clean_text,
    fold,
    has_any,
    looks_truncated,
    lower,
    sentences,
    sentences_by_line,
    split_lines,
)
from applykit.models.posting import Posting

# `(?i)\b(?:the|and|you|with|for|our|will|are|of|to)\b`, run on `fold`ed text: case-sensitive,
# and each word starts with a letter from one character class, so the regex engine skips ahead
# instead of trying ten case-insensitive branches at every character (~10x faster).
_ENGLISH_WORD = re.compile(
    r"[taywfo](?<!\w.)(?:(?<=t)(?:he|o)|(?<=a)(?:nd|re)|(?<=y)ou|(?<=w)i(?:th|ll)|(?<=f)or"
    r"|(?<=o)(?:ur|f))\b"
)
_ENGLISH_FIRST_CUT = 1500  # most postings show enough English words long before this
_INJECTION_NEEDLES = (
    "ignore",
    "disregard",
    "you are a",
    "ai ",
    "ai-",
    "llm",
    "gpt",
    "claude",
    "gemini",
    "copilot",
    "language model",
)
# `(?i)to apply|please (?:send|submit|apply|include)|apply (?:with|by)`, written to start with
# one character class so the regex engine skips ahead (no other character folds to t, p or a).
_APPLY_CUE = re.compile(
    r"[TtPpAa](?:(?<=[Tt])(?i:o apply)|(?<=[Pp])(?i:lease (?:send|submit|apply|include))"
    r"|(?<=[Aa])(?i:pply (?:with|by)))"
)


@dataclass
class Parts:
    body: str
    source_format: str
    today: dt.date
    hidden: list[str] = field(default_factory=list)
    skills: bool = True


def assemble(parts: Parts) -> Posting:
    cleaned = clean_text(parts.body)
    warnings = list(cleaned.warnings)
    if parts.hidden:
        warnings.append(
            f"{len(parts.hidden)} hidden element(s) were removed and ignored: "
            + "; ".join(repr(h[:80]) for h in parts.hidden[:3])
        )
        if any(INJECTION.search(h) for h in parts.hidden):
            warnings.append("hidden text contains instructions addressed to AI tools; ignored")
    text = cleaned.text
    if not text.strip():
        warnings.append("the posting is empty: there is no text to read")
        return Posting(source_format=parts.source_format, warnings=warnings)
    lines = split_lines(text, cleaned.utf8)
    injected = _injected_lines(text, lines, cleaned.utf8)
    if injected:
        warnings.append(
            "the posting contains instructions addressed to AI tools (ignored): "
            + repr(injected[0].text[:120])
        )
        lines = [line for line in lines if line not in injected]
    sections = split_sections(lines)
    posting = Posting(source_format=parts.source_format, description=_description(sections))
    fill_identity(posting, sections)
    fill_conditions(posting, sections, parts.today, warnings)
    _content(posting, sections)
    if parts.skills:
        posting.skills = posting_skills(posting)
    if looks_truncated(text):
        warnings.append("the text looks truncated (it stops mid-sentence); paste the full posting")
    if len(text) > 300 and not _english_enough(text[:5000]):
        warnings.append("the text does not look like English; some fields may be missing")
    if not posting.requirements and len(text) > 200:
        warnings.append("no requirements were found")
    posting.warnings = warnings + posting.warnings
    return posting


def _injected_lines(text: str, lines: list[Line], utf8: bytes | None = None) -> list[Line]:
    """The lines that hold instructions addressed to AI tools (`INJECTION`), in order.

    Every match of INJECTION holds one of `_INJECTION_NEEDLES`, at most `_NEEDLE_REACH`
    characters past its start (in the `fold`ed text, which keeps offsets); the regex is tried
    only there, and only when the whole text (lower-cased as written) holds a needle too. Most
    postings hold none: then the lines are not even lower-cased. `utf8`: the text's UTF-8
    bytes, where known.
    """
    automaton = _injection_automaton()
    try:
        if not _holds_needle(text, automaton, utf8):
            return []
        lows = [line.low for line in lines]
        hits = automaton.find_matches_as_indexes("\n".join(lows), overlapping=True)
    except UnicodeEncodeError:  # a lone surrogate: UTF-8 cannot hold it; scan as before
        candidates = [line for line in lines if has_any(line.low, _INJECTION_NEEDLES)]
        if not candidates or not has_any(text.lower(), _INJECTION_NEEDLES):
            return []
        return [line for line in candidates if INJECTION.search(line.text)]
    if not hits:
        return []
    starts = sorted({start for _, start, _ in hits})
    found: list[Line] = []
    next_hit, offset = 0, 0
    for line, low in zip(lines, lows, strict=True):
        end = offset + len(low)
        at: list[int] = []
        while next_hit < len(starts) and starts[next_hit] < end:
            at.append(starts[next_hit] - offset)
            next_hit += 1
        if at and _injection_near(line.text, at, len(low)):
            found.append(line)
        offset = end + 1
    return found


def _holds_needle(
    text: str, automaton: ahocorasick_rs.AhoCorasick, utf8: bytes | None = None
) -> bool:
    """Whether `lower(text)` holds one of `_INJECTION_NEEDLES` (all ASCII).

    Only two non-ASCII characters lower-case to ASCII letters (İ, the Kelvin sign); without
    them, the needles are found in the UTF-8 bytes with their ASCII letters lowered, where a
    non-ASCII character's bytes never read as ASCII (no decoding, no offsets to map back).
    `utf8`: those bytes, where known (then the text holds no lone surrogate).
    """
    if text.isascii() or ("\u0130" not in text and "\u212a" not in text):
        # A lone surrogate raises, as the caller expects.
        data = text.encode("utf-8") if utf8 is None else utf8
        return bool(_injection_bytes().find_matches_as_indexes(data.lower()))
    return bool(automaton.find_matches_as_indexes(lower(text)))


@functools.cache
def _injection_bytes() -> ahocorasick_rs.BytesAhoCorasick:
    return ahocorasick_rs.BytesAhoCorasick([needle.encode() for needle in _INJECTION_NEEDLES])


# How far past the start of an INJECTION match its needle may begin: "when you are a"
# (5), "chatgpt" (4, "gpt"); every other branch starts with its needle.
_NEEDLE_REACH = 5


def _injection_near(text: str, needles_at: list[int], folded_length: int) -> bool:
    """Whether INJECTION matches `text` at a start within reach of a needle's offset."""
    if folded_length != len(text):  # offsets would not line up (`fold` keeps them; be safe)
        return INJECTION.search(text) is not None
    tried: set[int] = set()
    for at in needles_at:
        for start in range(max(0, at - _NEEDLE_REACH), at + 1):
            if start not in tried:
                tried.add(start)
                if INJECTION.match(text, start):
                    return True
    return False


@functools.cache
def _injection_automaton() -> ahocorasick_rs.AhoCorasick:
    return ahocorasick_rs.AhoCorasick(
        list(_INJECTION_NEEDLES), implementation=ahocorasick_rs.Implementation.DFA
    )


def _apply_cue_lines(lines: list[Line]) -> list[str]:
    """The texts of the lines in which `_APPLY_CUE` occurs.

    Every match holds "apply" or "plea" (in `fold`ed text), letters no non-ASCII character
    lower-cases or folds to; so the lines that hold one are found in all lines joined, read
    one byte per character with their ASCII letters lowered (`encode("ascii", "replace")`:
    every other character a `?`; one automaton pass, offsets the text's own), and the regex
    is tried only where a match may start.
    """
    texts = [line.text for line in lines]
    joined = "\n".join(texts)
    low = joined.encode("ascii", "replace").lower()
    if not low or joined.count("\n") != len(texts) - 1:  # (or a line holds a line end)
        return [text for text in texts if _APPLY_CUE.search(text)]
    # Where a match may start: 3 before "apply" ("to apply") or at it, at "plea".
    starts = sorted(
        {
            at - back
            for needle, at, _ in _cue_needles().find_matches_as_indexes(low, overlapping=True)
            for back in ((3, 0) if needle == 0 else (0,))
        }
    )
    if not starts:
        return []
    tried: dict[int, list[int]] = {}  # line → offsets in it where a match may start
    line, counted, line_start = 0, 0, 0
    for at in starts:
        if at < 0:  # "apply" near the start: no "to " before it
            continue
        breaks = low.count(b"\n", counted, at)
        if breaks:
            line += breaks
            line_start = low.rfind(b"\n", 0, at) + 1
        counted = at
        tried.setdefault(line, []).append(at - line_start)
    return [texts[index] for index, offsets in tried.items() if _cue_in(texts[index], offsets)]


def _cue_in(text: str, offsets: list[int]) -> bool:
    """`_APPLY_CUE.search(text)`, tried only at `offsets` (every match starts at one of them:
    its first letters are ASCII in any case, no other character matches them)."""
    return any(_APPLY_CUE.match(text, at) for at in offsets)


@functools.cache
def _cue_needles() -> ahocorasick_rs.BytesAhoCorasick:
    return ahocorasick_rs.BytesAhoCorasick([b"apply", b"plea"])


def _english_enough(head: str) -> bool:
    """At least one English function word per 400 characters; stops counting once there.

    Counts first in the text up to a space past `_ENGLISH_FIRST_CUT` (no word runs over a
    space, so every word found there is one of the whole text's), lower-casing only that.
    """
    need = len(head) / 400
    cut = head.find(" ", _ENGLISH_FIRST_CUT)
    if cut != -1:
        for count, _ in enumerate(_ENGLISH_WORD.finditer(fold(head[:cut])), 1):
            if count >= need:
                return True
    return sum(1 for _ in _ENGLISH_WORD.finditer(fold(head))) >= need


def _description(sections: list[Section]) -> str:
    parts: list[str] = []
    for section in sections:
        if section.kind in {"notes", "similar"}:
            continue
        if section.heading:
            parts.append(f"\n{section.heading}")
        for line in section.lines:
            marker = "  " * (line.indent // 2) + "- " if line.bullet else ""
            parts.append(marker + line.text)
    return "\n".join(parts).strip()


def _content(posting: Posting, sections: list[Section]) -> None:
    posting.responsibilities = responsibilities_from(sections)
    posting.requirements = requirements_from(sections)
    prose = [s for s in sections if s.kind in {"header", "role", "other", "company", "team"}]
    body_lines = [line for s in sections if s.kind not in SKIP_BODY for line in s.lines]
    split = _SentenceMemo()  # the fallbacks and the company facts split many of the same lines
    if not posting.requirements:
        texts = [line.text for line in body_lines]
        split.learn(texts)  # every body line is split: all at once
        body_sentences = [sentence for text in texts for sentence in split(text)]
        posting.requirements = fallback_requirements(body_sentences)
    else:  # only the sentences the step finder looks at: those that start "To apply…"
        body_sentences = [s for line in _apply_cue_lines(body_lines) for s in split(line)]
    if not posting.responsibilities:
        texts = [line.text for s in prose for line in s.lines]
        split.learn(texts)
        posting.responsibilities = fallback_responsibilities(
            [sentence for text in texts for sentence in split(text)]
        )
    posting.application_steps = steps.application_steps(sections, body_sentences)
    posting.application_questions = steps.application_questions(sections)
    posting.company_facts = steps.company_facts(sections, posting.company, split)


class _SentenceMemo:
    """`sentences(text)`, remembered by text for one parse (callers only read the lists)."""

    def __init__(self) -> None:
        self._known: dict[str, list[str]] = {}

    def __call__(self, text: str) -> list[str]:
        found = self._known.get(text)
        if found is None:
            found = self._known[text] = sentences(text)
        return found

    def learn(self, texts: list[str]) -> None:
        """Split those of `texts` not split yet in one go (`sentences_by_line`)."""
        known = self._known
        new = [text for text in texts if text not in known]
        for text, found in zip(new, sentences_by_line(new), strict=True):
            known.setdefault(text, found)
