"""What makes an application complete: steps, questions to answer, and company facts."""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from collections.abc import Callable
from itertools import accumulate

import ahocorasick_rs

from applykit.ingest import posting_cues as cues
from applykit.ingest.posting_case import folded_ascii
from applykit.ingest.posting_sections import Section
from applykit.ingest.posting_text import fold, has_any, has_injection, sentences

_STEP = re.compile(
    r"\b(?:send|submit|include|attach|upload|complete|fill (?:in|out)|write|list|indicate"
    r"|provide|apply with|answer|choose|select|tell us|let us know|share|record|enclose"
    r"|register|sign up|take (?:the|an?)|schedule|email|e-mail|mention|add|specify|state"
    r"|describe)\b",
    re.IGNORECASE,
)
_STEP_CONTEXT = re.compile(
    r"\bto apply\b|\bapply\b|\bapplication\b|\bapplying\b|\bresume\b|\bcv\b|\bcover letter"
    r"|\bportfolio\b|\bform\b|\bstatement\b|\btranscript|\bcoursework\b|\bbewerbung",
    re.IGNORECASE,
)
_NOT_STEP = re.compile(
    r"\bwe (?:will|aim|review|read|reply|respond|may|do not|don't|are)\b|\bincomplete\b"
    r"|\bequal opportunity\b|\baccommodation|\bshortlisted\b|\bwill not be\b"
    r"|\bwill be contacted|\bonly when\b|\bfollowing\b|\bare done\b",
    re.IGNORECASE,
)
_ENUMERATED = re.compile(r"(?:^|[\s;:])\(?(\d{1,2}|[a-h])\)\s+")


def application_steps(sections: list[Section], body_sentences: list[str]) -> list[str]:
    """Imperative sentences about applying, split at "(1) … (2) …" enumerations."""
    steps: list[str] = []
    apply_lines = [line.text for s in sections if s.kind == "apply" for line in s.lines]
    candidates: list[str] = []
    for line in apply_lines:
        candidates.extend(_split_enumeration(line))
    in_apply = set(candidates)
    for sentence in body_sentences:
        if re.match(
            r"(?i)(?:to apply|please (?:send|submit|apply|include)|apply (?:with|by))", sentence
        ):
            candidates.append(sentence)
    for candidate in candidates:
        for part in re.split(r";\s+(?=we |our |you will )", candidate):
            text = part.strip(" ;,")
            if len(text) < 12 or _NOT_STEP.search(text[:40]) or has_injection(text):
                continue
            if not _STEP.search(text) or text.endswith(":"):
                continue
            if not (_STEP_CONTEXT.search(text) or candidate in in_apply):
                continue
            text = text[0].upper() + text[1:]
            if text not in steps:
                steps.append(text)
    return steps[:15]


def _split_enumeration(line: str) -> list[str]:
    marks = list(_ENUMERATED.finditer(line))
    if len(marks) < 2:
        return sentences(line)
    pieces = [line[: marks[0].start()]]
    for index, mark in enumerate(marks):
        end = marks[index + 1].start() if index + 1 < len(marks) else len(line)
        pieces.append(line[mark.end() : end])
    lead = pieces[0].strip()
    out = [p.strip(" ;,.") for p in pieces[1:] if p.strip(" ;,.")]
    tail = sentences(out[-1]) if out else []
    if len(tail) > 1:
        out[-1:] = tail
    return ([lead] if lead and not lead.endswith(":") else []) + out


_QUESTION_LEAD = re.compile(
    r"^(?:tell us|describe|explain|what|why|how|which|share|give us|walk us through)\b",
    re.IGNORECASE,
)


def application_questions(sections: list[Section]) -> list[str]:
    questions: list[str] = []
    for section in sections:
        if section.kind == "questions":
            for item in section.items():
                text = item.text.strip()
                if text and not has_injection(text):
                    questions.append(text)
        elif section.kind == "apply":
            for sentence in sentences(section.text):
                if sentence.endswith("?") and _QUESTION_LEAD.match(sentence):
                    questions.append(sentence)
    return questions[:20]


_WE_OUR = re.compile(r"(?i)(?:we|our)\b")


_DIGIT = re.compile(r"\d")
_FACT_NEEDLES = (
    "one of the",
    "largest",
    "leading",
    "fastest",
    "founded",
    "headquartered",
    "backed by",
)
_READER_NEEDLES = ("you", "looking for", "hiring", "seeking", "join")


def _is_fact(text: str, low: str | None = None) -> bool:
    """`_FACT` in `text`: a digit, or one of its words.

    Past `\\d`, `_FACT` is a list of plain words without `\\b`, and a case-insensitive
    plain word occurs in a text exactly when it is a substring of the `fold`ed text.
    """
    if _DIGIT.search(text):
        return True
    return has_any(fold(text) if low is None else low, _FACT_NEEDLES)


def _addresses_reader(sentence: str) -> bool:
    low = fold(sentence)
    return has_any(low, _READER_NEEDLES) and cues.ADDRESSES_READER.search(low) is not None


def company_facts(
    sections: list[Section],
    company: str | None,
    split: Callable[[str], list[str]] = sentences,
) -> list[str]:
    """Sentences that describe the company, so a letter can cite them as the company's."""
    facts: list[str] = []
    names = [company] if company else []
    if company:
        names.append(company.split()[0])
    chosen = [
        (section.kind == "company", section.lines[:40])
        for section in sections[:12]
        if section.kind in {"company", "header", "role", "team", "other"}
    ]
    asked = [
        line.text
        for in_company, lines in chosen
        if not in_company
        for line in lines
        if line.bullet is None
    ]
    fact_lines = _fact_texts(asked)
    number = 0  # the line's place in `asked`
    for in_company, lines in chosen:
        for line in lines:
            if line.bullet is not None and not in_company:
                continue
            if not in_company:
                number += 1
                if number - 1 not in fact_lines:
                    continue
            for sentence in split(line.text):
                # The tests are pure, so they run cheapest first: the injection scan last.
                if len(sentence) < 30:
                    continue
                if not in_company and not (
                    (any(n in sentence for n in names) or _WE_OUR.match(sentence))
                    and _is_fact(sentence)
                ):
                    continue
                if _addresses_reader(sentence) or has_injection(sentence):
                    continue
                if sentence not in facts:
                    facts.append(sentence)
    return facts[:12]


def _fact_texts(texts: list[str]) -> set[int]:
    """The indexes of the texts for which `_is_fact` holds, told for all texts at once.

    One automaton pass over the texts joined by "\\n" and `fold`ed (offsets kept; no needle
    holds a line end) finds the fact words and the ASCII digits; a text with other characters
    is also searched for the other digits `\\d` matches.
    """
    joined = "\n".join(texts)
    if joined.count("\n") != len(texts) - 1:  # a text holds a line end: ask each alone
        return {index for index, text in enumerate(texts) if _is_fact(text)}
    starts = list(accumulate((len(text) + 1 for text in texts), initial=0))
    view = folded_ascii(joined)  # the needles are ASCII: read one byte per character
    hits = (
        _fact_needles().find_matches_as_indexes(fold(joined))
        if view is None
        else _fact_bytes().find_matches_as_indexes(view)
    )
    found = {bisect_right(starts, at) - 1 for _, at, _ in hits}
    if not joined.isascii():
        found.update(
            index
            for index, text in enumerate(texts)
            if index not in found and not text.isascii() and _DIGIT.search(text)
        )
    return found


@functools.cache
def _fact_needles() -> ahocorasick_rs.AhoCorasick:
    return ahocorasick_rs.AhoCorasick([*_FACT_NEEDLES, *"0123456789"])


@functools.cache
def _fact_bytes() -> ahocorasick_rs.BytesAhoCorasick:
    return ahocorasick_rs.BytesAhoCorasick([w.encode() for w in [*_FACT_NEEDLES, *"0123456789"]])
