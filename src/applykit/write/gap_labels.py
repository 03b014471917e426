"""A label that names the candidate's gaps negates the list it introduces.

"What I haven't done: CUDA, C++, distributed training across many GPUs, or any paper at
NeurIPS or ICML." and "What I don't have: Java." list what the candidate lacks: the label's
negation ("I haven't done", "I don't have", "where I have no experience") reaches every item
after its colon, to the end of the sentence, unless a new clause starts ("…: Java, but I know
Kotlin well", "…: Rust, which I used at Northwind"). Only labels about having, doing, using or
knowing read this way ("What I haven't forgotten: Kafka" is no gap). A label that names what
the candidate would like to learn ("What I'd like to learn in my first year: Java") reads the
same way.
"""

from __future__ import annotations

import re

_GAP_LABEL = re.compile(
    r"(?:^|\n|[.!?]\s+)[ \t]*(?:[-*•>]\s*)?(?:\*\*|__)?"
    r"(?P<label>[A-Z](?:(?!(?:I|we|and|but|or)\b)[\w'’-]*\s+){0,5}?(?:I|we)\b(?:'ve|’ve|\s+have|\s+had)?\s*"
    r"(?:(?:do|did|have|had|has)\s*(?:not|n't|n’t)|don't|don’t|didn't|didn’t|haven't|haven’t|"
    r"hadn't|hadn’t|never)\s+(?:yet\s+|really\s+|ever\s+)?"
    r"(?:have|had|done|do|used|use|built|worked\s+with|written|shipped|know|known|touched|"
    r"tried|run|got)\b(?:\s+(?!(?:I|we|is|are|was)\b)[\w'’-]+){0,4}?"
    r"|[A-Z](?:(?!(?:I|we|and|but|or)\b)[\w'’-]*\s+){0,4}?(?:I|we)\s+have\s+no\s+(?:\w+\s+)?experience"
    r"(?:\s+(?!(?:I|we|is|are|was)\b)[\w'’-]+){0,3}?)"
    r"(?:\*\*|__)?\s*:(?:\*\*|__)?"
)
_LIST_ENDS = re.compile(
    r"[;.!?—–\n]|\b(?:but|however|though|although|while|whereas|yet|instead|because|so|which|"
    r"who|where)\b|\b(?:I|we|my|our)\b",
    re.IGNORECASE,
)


def in_gap_list(start: int, text: str) -> bool:
    """The mention at `start` is an item of a list that a gap label introduces (see the
    module docstring)."""
    line_start = text.rfind("\n", 0, start) + 1
    end = _SENTENCE_END.search(text, start)
    if _CLAIMED_AFTER.search(text, start, end.start() if end else len(text)):
        return False  # "What I don't have: Java, which I used at Northwind": claimed after all
    for pattern in (_GAP_LABEL, _WISH_LABEL):
        for label in pattern.finditer(text, max(0, line_start - 1), start):
            if not _LIST_ENDS.search(text, label.end(), start):
                return True
    return False


_WISH_LABEL = re.compile(
    r"(?:^|\n|[.!?]\s+)[ \t]*(?:[-*•>]\s*)?(?:\*\*|__)?"
    r"(?:What|Things|Skills|Tools|Areas)\s+(?:I|we)(?:'d|’d|\s+would)?\s+"
    r"(?:(?:like|love|want|hope|plan)\s+to\s+)?(?:learn|pick\s+up|study)\b[^:\n]{0,40}?"
    r"(?:\*\*|__)?\s*:"
)
"""… "What I'd like to learn in my first year: Java, properly, and …": wishes, not the record."""


_SENTENCE_END = re.compile(r"[.!?\n]")
_CLAIMED_AFTER = re.compile(
    r"\b(?:which|that|who)\s+(?:I|we)\b(?!\s*(?:do|did|have|had)?\s*(?:not|n't|n’t|never)\b)"
    r"|\b(?:I|we)(?:'ve|’ve)?\s+(?:\w+ed|used|built|ran|written|wrote|shipped|run)\s+(?:it|them)\b"
)
