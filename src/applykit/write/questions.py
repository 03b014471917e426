"""Questions in a letter: a question that does not speak about the candidate claims nothing
("How many bikes do your riders move at 8 a.m.?"), nor does a form's question line."""

from __future__ import annotations

import re

from applykit.write.text_units import clause_around, sentence_around
from applykit.write.tracing import quotes

_FIRST_PERSON = re.compile(r"\b(?:i|i'm|i've|my|me|we|our)\b", re.IGNORECASE)


def in_question(text: str, position: int) -> bool:
    """Inside a question that does not speak about the candidate, or inside a quoted question
    that is someone's words, not a title: it opens in lower case or after a verb of asking
    ("patience for "wait, why is this None?" questions", "a student asked "Why Python?"")."""
    if any(
        start < position < end
        and inner.rstrip().endswith("?")
        and not _FIRST_PERSON.search(inner)
        and (inner.lstrip()[:1].islower() or _SPOKEN.search(text, max(0, start - 30), start))
        for start, end, inner in quotes(text)
    ):
        return True  # not a title ("My paper "Does Rust beat Go at Scale?" won …")
    sentence = sentence_around(text, position)
    end = sentence.end
    while _ABBREVIATION_END.search(text[sentence.start : end]) and end < len(text):
        end = sentence_around(text, min(len(text) - 1, end + 1)).end  # "at 8 a.m. on …?"
    body = text[sentence.start : end].rstrip()
    line_start = text.rfind("\n", 0, position) + 1
    if _QUESTION_LINE.match(text, line_start) and not _ANSWER.search(text, line_start, position):
        return True  # "**Q: Research problem (max. 200 words)**": the form's question
    if not body.endswith("?"):
        return False
    if not _FIRST_PERSON.search(body):
        return True
    # "Would ranking be a sensible area to pick, given that my background is in systems?": the
    # candidate speaks only in another clause of the question
    clause = clause_around(text, position)
    return bool(_INTERROGATIVE.match(body)) and not _FIRST_PERSON.search(
        text[clause.start : clause.end]
    )


_INTERROGATIVE = re.compile(
    r"[\s>*#-]*(?:would|should|could|can|is|are|do|does|did|will|what|which|how|where|when|who|"
    r"whose|why)\b",
    re.IGNORECASE,
)


_SPOKEN = re.compile(r"\b(?:ask|asks|asked|asking|wonder|wondered|wondering|say|says|said)\b\W*$")
_ANSWER = re.compile(r"\bA\s*\d*\s*:|\?")
"""… "Q: Users served? A: 90M": what follows the question on its line is the answer."""
_QUESTION_LINE = re.compile(r"[#*_> \t]*Q\s*\d*\s*[:.]\s")


_ABBREVIATION_END = re.compile(r"\b(?:a\.m|p\.m|e\.g|i\.e|etc|vs|approx|incl)\.$", re.IGNORECASE)
