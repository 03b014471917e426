"""Numbers written in words: "twelve languages", "two million dollars", "a billion people",
"twenty-five engineers", "two and a half"; fractions of change ("by a third"); "twice".

A spelled number is a claim only when a noun follows it (or it is a fraction such as "two
and a half", whose unit comes from the range it ends); "one" on its own is never a claim
("one of the largest", "one change").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from applykit.number_words import TENS, UNITS

_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9}
_SMALL = "|".join([*TENS, *UNITS])
_BELOW_HUNDRED = rf"(?:(?:{'|'.join(TENS)})[\s-](?:{'|'.join(UNITS)})|{_SMALL})"
SPELLED_RE = re.compile(
    rf"\b(?P<number>(?:(?P<lead>{_BELOW_HUNDRED}|a)\s+hundred(?:\s+(?:and\s+)?{_BELOW_HUNDRED})?"
    rf"|{_BELOW_HUNDRED}|a(?=\s+(?:dozen|thousand|million|billion)\b))"
    rf"(?:[\s-]+(?P<dozen>dozen))?"
    rf"(?:[\s-]+(?P<scale>thousand|million|billion))?)"
    rf"(?P<half>\s+and\s+a\s+half)?(?![\w-]*\d)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class SpelledNumber:
    """A number written in words: its value and where it ends in the text."""

    value: float
    start: int
    end: int
    bare_one: bool
    """Just "one" (or "a"), which is a claim only inside a larger number."""


def _below_hundred(words: str) -> int:
    total = 0
    for part in re.split(r"[\s-]+", words.lower().strip()):
        total += TENS.get(part, 0) + UNITS.get(part, 0)
    return total


def _value(match: re.Match[str]) -> float:
    number = match.group("number").lower()
    if " hundred" in number:
        lead, _, rest = number.partition(" hundred")
        lead_value = 1 if lead.strip() == "a" else _below_hundred(lead)
        rest = re.sub(r"\b(?:and|dozen|thousand|million|billion)\b", " ", rest)
        value = float(lead_value * 100 + _below_hundred(rest))
    elif number.startswith("a") and not number.startswith(("an", "ab")) and number[1:2] in " ":
        value = 1.0
    else:
        head = re.sub(r"\b(?:dozen|thousand|million|billion)\b", " ", number)
        value = float(_below_hundred(head))
    if match.group("dozen"):
        value *= 12
    if match.group("scale"):
        value *= _SCALES[match.group("scale").lower()]
    if match.group("half"):
        value += 0.5
    return value


def find_spelled_numbers(text: str) -> list[SpelledNumber]:
    """Every number written in words in `text`, with its value."""
    found: list[SpelledNumber] = []
    for match in SPELLED_RE.finditer(text):
        value = _value(match)
        if value <= 0:
            continue
        number = match.group("number").lower().strip()
        bare = number in {"one", "a"} and not match.group("half")
        found.append(SpelledNumber(value, match.start(), match.end(), bare))
    return found


_FRACTIONS = {
    "half": 50.0,
    "third": 100 / 3,
    "quarter": 25.0,
    "a third": 100 / 3,
    "one third": 100 / 3,
    "a quarter": 25.0,
    "one quarter": 25.0,
    "two thirds": 200 / 3,
    "three quarters": 75.0,
}
FRACTION_RE = re.compile(
    r"\b(?P<cue>by|than|nearly|almost|about|around|roughly|over|cut|cutting|reduced|reducing|"
    r"saved|saving|lifted|raised|improved|halved)\s+"
    r"(?:(?:roughly|about|around|nearly|almost|some|approximately|close\s+to|just)\s+)?"
    r"(?:(?P<more>more\s+than|over|at\s+least)\s+|less\s+than\s+|under\s+)?"
    r"(?P<fraction>(?:(?:a|one)\s+)?(?:half|third|quarter)|two[- ]thirds|three[- ]quarters)"
    r"\b",
    re.IGNORECASE,
)
TIMES_RE = re.compile(r"\b(?P<word>twice|thrice)\b", re.IGNORECASE)


def find_fractions(text: str) -> list[tuple[int, int, float, bool]]:
    """Fractions used as amounts of change ("cut cost by a third" → 33.3 %), and whether
    they are a floor ("by more than two thirds")."""
    found = []
    for match in FRACTION_RE.finditer(text):
        fraction = re.sub(r"[\s-]+", " ", match.group("fraction").lower())
        fraction = re.sub(r"^(?:a|one) ", "", fraction)
        floor = match.group("more") is not None
        found.append((match.start("fraction"), match.end("fraction"), _FRACTIONS[fraction], floor))
    return found


def find_times(text: str) -> list[tuple[int, int, float]]:
    """ "twice", "thrice": counts of times."""
    return [
        (m.start(), m.end(), 2.0 if m.group("word").lower() == "twice" else 3.0)
        for m in TIMES_RE.finditer(text)
    ]
