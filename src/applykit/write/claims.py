"""Find the numbers in a text: values, units, money, durations, dates, magnitudes.

Pure text functions with no knowledge of the profile; `grounding.py` traces what they find.
"""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass, replace

from applykit.models.documents import ClaimKind
from applykit.number_words import WORD_NUMBERS
from applykit.write.claims_spelled import find_fractions, find_spelled_numbers, find_times
from applykit.write.text_units import words

MAX_TEXT_CHARS = 50_000
"""Longer texts are cut before scanning, so a huge input cannot hang the guard."""

_MULTIPLIERS = {
    "k": 1e3,
    "thousand": 1e3,
    "m": 1e6,
    "mm": 1e6,
    "million": 1e6,
    "b": 1e9,
    "bn": 1e9,
    "billion": 1e9,
}
_DURATION_UNITS = {
    "ms": "ms",
    "millisecond": "ms",
    "s": "s",
    "sec": "s",
    "second": "s",
    "min": "min",
    "minute": "min",
    "hour": "hour",
    "hr": "hour",
    "h": "hour",
    "day": "day",
    "week": "week",
    "month": "month",
    "year": "year",
    "yr": "year",
}
_MONEY_UNITS = {"dollar", "usd", "eur", "euro", "gbp", "pound", "sek", "cad", "chf"}
_CURRENCY_SYMBOLS = {"$": "usd", "€": "eur", "£": "gbp"}
_NOT_UNITS = words(
    """
    to and or in of by from the a an at for with across on over per than while as into
    up down off after before since during vs x is are was were
    """
)

_MULTIPLES = {
    "doubled": 2.0,
    "doubling": 2.0,
    "twofold": 2.0,
    "tripled": 3.0,
    "tripling": 3.0,
    "threefold": 3.0,
    "halved": 0.5,
    "halving": 0.5,
    "tenfold": 10.0,
    "quadrupled": 4.0,
}
_MULTIPLE_RE = re.compile(
    r"\b(?:doubled|doubling|two-?fold|tripled|tripling|three-?fold|halved|halving|ten-?fold|"
    r"quadrupled)\b",
    re.IGNORECASE,
)
_DECADE_RE = re.compile(r"\b(?:(?P<count>two|three)\s+)?decades?\b", re.IGNORECASE)
_VAGUE_RE = re.compile(
    r"\b(?:(?P<prefix>tens|hundreds) of )?(?P<size>thousands|millions|billions)\b"
    r"(?:\s+of\s+(?P<unit>[A-Za-z]+))?",
    re.IGNORECASE,
)
_NUMBER_RE = re.compile(
    r"(?<![\w.,/$€£@-])(?P<cur>[$€£])?\s?"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?:[\s-]?(?P<mult>[kKMB]|bn|mm|thousand|million|billion)(?![a-zA-Z]))?"
    r"(?P<plus>\+)?"
    r"(?P<pct>\s?%|\s?percent\b|\s?per cent\b)?"
    r"(?:[\s-]?(?P<unit>[A-Za-z][A-Za-z/]*))?"
)
_AFTER_SPELLED_RE = re.compile(
    r"(?P<plus>\+|-plus\b)?(?:[\s-]+(?:(?:more|plus)\s+)?(?P<unit>[A-Za-z][A-Za-z/]*))?"
)
_RANGE_GAP_RE = re.compile(r"\s*(?:to|and|-|–|—|→|->|=>)\s*", re.IGNORECASE)
_ELLIPTICAL_BEFORE = re.compile(r"\b[a-z]{3,}ed\s+$")
"""A past verb before a bare number counts something already named ("… and hired six")."""
_ONE_COUNTS = re.compile(
    r"[\s-]+(?:day|week|month|year|hour|minute|second|millisecond)s?\b", re.IGNORECASE
)
_NOT_SPELLED_UNITS = words(
    "decade decades hundred hundreds percent per third thirds quarter quarters half halves"
)


@dataclass(frozen=True)
class Quantity:
    """A number in a text with its unit, normalised so that "$2M" equals "2 million dollars"."""

    text: str
    start: int
    end: int
    value: float
    unit: str
    kind: ClaimKind
    vague: bool = False
    """"millions of users": an order of magnitude, not an exact value."""
    upper: float = 0.0
    """For a vague quantity, the first value it no longer covers ("tens of millions": 1e8)."""
    tolerance: float = 0.0
    """How far a claim may round this value (a percentage worked out from a range)."""


def _singular(word: str) -> str:
    word = word.lower()
    if len(word) > 3 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 2 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _classify(value: float, unit: str, has_currency: bool, raw_num: str, mult: str) -> ClaimKind:
    if unit == "%":
        return "percent"
    if has_currency or unit in _MONEY_UNITS:
        return "money"
    if unit in _DURATION_UNITS.values():
        return "duration"
    if (
        not mult
        and "," not in raw_num
        and "." not in raw_num
        and len(raw_num) == 4
        and 1950 <= value <= 2059
    ):
        return "date"
    if unit:
        return "count"
    return "number"


def find_quantities(text: str) -> list[Quantity]:
    """Every number in `text` with a normalised value and unit."""
    return list(_find_quantities(text[:MAX_TEXT_CHARS]))


@functools.lru_cache(maxsize=1024)
def _find_quantities(text: str) -> tuple[Quantity, ...]:
    """Cached: the profile's and the posting's texts are read again for every check."""
    found: list[Quantity] = []
    for match in _NUMBER_RE.finditer(text):
        raw_num = match.group("num")
        try:
            value = float(raw_num.replace(",", ""))
        except ValueError:  # pragma: no cover - the pattern only admits digits
            continue
        mult = match.group("mult") or ""
        value *= _MULTIPLIERS.get(mult.lower(), 1.0)
        unit_word = match.group("unit") or ""
        attached_x = unit_word.lower() == "x" and match.start("unit") == match.end("num")
        if unit_word.lower() in _NOT_UNITS and not attached_x:  # "3.4x" is a ratio, "3 x 4" not
            unit_word = ""
        end = match.end("plus") if match.group("plus") else match.end("num")
        if match.group("mult"):
            end = max(end, match.end("mult"))
        if match.group("pct"):
            unit = "%"
            end = match.end("pct")
        else:
            singular = _singular(unit_word.split("/")[0]) if unit_word else ""
            unit = _DURATION_UNITS.get(singular, singular)
            if unit_word:
                end = match.end("unit")
        cur = match.group("cur")
        if cur:
            unit = _CURRENCY_SYMBOLS[cur]
        kind = _classify(value, unit, bool(cur), raw_num, mult)
        if kind == "date":
            unit = ""
            end = match.end("num")  # "2023 practitioner paper": the claim is the year
        begin = match.start("cur") if cur else match.start("num")
        found.append(Quantity(text[begin:end], begin, end, value, unit, kind))
    found.extend(_spelled_quantities(text))
    for match in _VAGUE_RE.finditer(text):
        value = _MULTIPLIERS[match.group("size").lower().rstrip("s")]
        prefix = (match.group("prefix") or "").lower()
        value *= {"tens": 10.0, "hundreds": 100.0}.get(prefix, 1.0)
        unit = _singular(match.group("unit") or "")
        upper = value * (10.0 if prefix else 1000.0)
        found.append(
            Quantity(match.group(0), match.start(), match.end(), value, unit, "count", True, upper)
        )
    for start, end, percent, floor in find_fractions(text):
        span = text[start:end]
        if floor:  # "by more than two thirds": anything from two thirds up
            found.append(Quantity(span, start, end, percent, "%", "percent", True, 100.0))
        else:
            found.append(Quantity(span, start, end, percent, "%", "percent", tolerance=3.5))
    for start, end, times in find_times(text):
        found.append(Quantity(text[start:end], start, end, times, "time", "count"))
    for match in _MULTIPLE_RE.finditer(text):
        value = _MULTIPLES[match.group(0).lower().replace("-", "")]
        found.append(Quantity(match.group(0), match.start(), match.end(), value, "x", "number"))
    for match in _DECADE_RE.finditer(text):
        count = WORD_NUMBERS.get((match.group("count") or "").lower(), 1)
        found.append(
            Quantity(match.group(0), match.start(), match.end(), 10.0 * count, "year", "duration")
        )
    found = [_as_frequency(q, text) for q in found]
    ordered = _inherit_range_units(sorted(found, key=lambda q: q.start), text)
    return tuple(_group_sizes(_inherit_elided_units(ordered, text), text))


_PER_PERIOD = re.compile(r"\s+(?:a|per|each|every)\s+(?:day|night|week|month|quarter|year)\b")


def _as_frequency(quantity: Quantity, text: str) -> Quantity:
    """ "six times a month" counts events in a period (as "6 a month" does), not a ratio."""
    if quantity.unit == "time" and _PER_PERIOD.match(text, quantity.end):
        return replace(quantity, unit="", kind="count")
    return quantity


_THOUSANDS_DOT_RE = re.compile(r"^[$€£]?\s?(?P<num>\d{1,3}(?:\.\d{3})+)(?![\d,])")


def other_readings(quantity: Quantity) -> list[Quantity]:
    """A number written with dots between thousands ("25.000 vehicles", "€4.500" in German
    postings) also reads as 25000 and 4500."""
    match = _THOUSANDS_DOT_RE.match(quantity.text)
    if not match or quantity.kind in {"date", "percent"}:
        return []
    whole = float(match.group("num").replace(".", ""))
    scale = quantity.value / float(match.group("num"))
    return [replace(quantity, value=whole * scale)]


def _spelled_quantities(text: str) -> list[Quantity]:
    """Numbers in words followed by what they count ("twelve languages", "six years")."""
    found: list[Quantity] = []
    for spelled in find_spelled_numbers(text):
        if spelled.bare_one and not _ONE_COUNTS.match(text, spelled.end):
            continue  # "one of the largest", "one change"; but "to one day", "one year"
        after = _AFTER_SPELLED_RE.match(text, spelled.end)
        unit_word = after.group("unit") if after and after.group("unit") else ""
        end = spelled.end
        if after and after.group("plus"):
            end = after.end("plus")
        if unit_word.lower() in _NOT_SPELLED_UNITS:
            continue
        if not unit_word or unit_word.lower() in _NOT_UNITS:
            before = text[max(0, spelled.start - 20) : spelled.start]
            if (
                spelled.value == int(spelled.value)
                and not _ELLIPTICAL_BEFORE.search(before)
                and not _ELIDED_BEFORE.search(before)
                and not _GROUP_OF.search(before)
            ):
                unit = _referent(spelled.start, spelled.end, spelled.value, text)
                if spelled.value >= 2 and _OF_US.match(text, spelled.end):
                    unit = "member"  # "Four of us built …": a team of 4, as "a team of 4" reads
                if not unit:
                    continue  # "two of them", "three and": not a count of anything
                found.append(
                    Quantity(
                        text[spelled.start : end], spelled.start, end, spelled.value, unit, "count"
                    )
                )
                continue
            unit = ""
        else:
            singular = _singular(unit_word.split("/")[0])
            unit = _DURATION_UNITS.get(singular, singular)
            end = after.end("unit") if after else end
        kind: ClaimKind = _classify(spelled.value, unit, False, "", "spelled")
        found.append(
            Quantity(text[spelled.start : end], spelled.start, end, spelled.value, unit, kind)
        )
    return found


_OF_US = re.compile(r"\s+of\s+us\b", re.IGNORECASE)
_OF_THEM = re.compile(r"\s+of\s+(?:them|those|these)\b", re.IGNORECASE)
_PLURAL_BEFORE = re.compile(r"\b([a-z]{3,}[^s\W]s)\b[^.;!?]{0,60}$")


def _referent(start: int, end: int, value: float, text: str) -> str:
    """ "runbooks (I've written fourteen of them)": the plural noun a count of "them" refers
    back to, in its sentence; three or more only ("two of them" is a manner of speaking)."""
    if value < 3 or not _OF_THEM.match(text, end):
        return ""
    noun = _PLURAL_BEFORE.search(text, max(0, start - 80), start)
    return _singular(noun.group(1)) if noun else ""


def range_partners(quantity: Quantity, others: list[Quantity], text: str) -> list[Quantity]:
    """The other ends of a range this number belongs to ("from 120ms to 35ms")."""
    partners = []
    for other in others:
        first, second = (other, quantity) if other.start < quantity.start else (quantity, other)
        if other is not quantity and _RANGE_GAP_RE.fullmatch(text[first.end : second.start]):
            partners.append(other)
    return partners


def derived_readings(found: list[Quantity], text: str) -> list[Quantity]:
    """What a range in a fact also says: "from 120ms to 35ms" is a cut of 85ms and of 71%
    (±1, as people round); "from 31% to 19%" is a change of 12 points."""
    derived: list[Quantity] = []
    for first, second in itertools.pairwise(found):
        if first.unit != second.unit or first.kind in {"date", "number"} or first.vague:
            continue
        if not _RANGE_GAP_RE.fullmatch(text[first.end : second.start]):
            continue
        span = text[first.start : second.end]
        change = abs(first.value - second.value)
        if first.kind == "percent":
            derived.append(
                Quantity(span, first.start, second.end, change, "point", "count", tolerance=0.05)
            )
        else:
            derived.append(replace(first, text=span, end=second.end, value=change))
        low, high = sorted((first.value, second.value))
        if low > 0 and first.kind != "percent":  # "120ms to 35ms" is also 3.4x faster
            ratio = high / low
            derived.append(
                Quantity(
                    span, first.start, second.end, ratio, "x", "number", tolerance=0.05 * ratio
                )
            )
        if first.value > 0:
            percent = 100 * change / first.value
            derived.append(
                Quantity(span, first.start, second.end, percent, "%", "percent", tolerance=1.0)
            )
    return derived


def _inherit_range_units(found: list[Quantity], text: str) -> list[Quantity]:
    """The bare end of a range takes the unit of its other end: "from 120 milliseconds to 35",
    "from 31 to 19%", "from nine hours to two and a half"."""
    result = list(found)
    for i, quantity in enumerate(result):
        if quantity.unit or quantity.kind == "date":
            continue
        for j in (i - 1, i + 1):
            if not 0 <= j < len(result):
                continue
            other = result[j]
            first, second = (other, quantity) if j < i else (quantity, other)
            gap = text[first.end : second.start]
            if other.unit and other.unit != "x" and _RANGE_GAP_RE.fullmatch(gap):
                result[i] = replace(quantity, unit=other.unit, kind=other.kind)
                break
    return result


_ELIDED_BEFORE = re.compile(r"\b(?:the\s+)?(?:last|first|past|final|latest)\s+$", re.IGNORECASE)


def _inherit_elided_units(found: list[Quantity], text: str) -> list[Quantity]:
    """ "seven years of shipping models, the last three-plus at Northwind": a bare number after
    "the last / first" counts what the duration before it in the sentence counts."""
    result = list(found)
    for i, quantity in enumerate(result):
        if quantity.unit or quantity.kind == "date":
            continue
        if not _ELIDED_BEFORE.search(text, max(0, quantity.start - 16), quantity.start):
            continue
        for other in reversed(result[:i]):
            gap = text[other.end : quantity.start]
            if quantity.start - other.end > 150 or re.search(r"[.!?]\s", gap):
                break
            if other.kind == "duration":
                result[i] = replace(quantity, unit=other.unit, kind="duration")
                break
    return result


_GROUP_OF = re.compile(r"\b(?:team|group|squad|crew|staff|class|cohort)\s+of\s+$", re.IGNORECASE)


def _group_sizes(found: list[Quantity], text: str) -> list[Quantity]:
    """ "a team of five": a number of members, not a bare number (nor "5 ML teams")."""
    return [
        replace(q, unit="member", kind="count")
        if not q.unit
        and q.kind == "number"
        and _GROUP_OF.search(text, max(0, q.start - 12), q.start)
        else q
        for q in found
    ]
