"""Numbers a fact states, with their unit and what they measure.

"reducing p95 latency from 120ms to 35ms" → Metric(value=35, from_value=120, unit="ms",
kind="duration", measures="p95 latency"); "$2M annually" → money 2,000,000 USD;
"40M+ monthly active users" → count 40,000,000 measuring "monthly active users".
Years, dates, version numbers and numbers glued to words (p95, S3, F1) are not metrics.
"""

from __future__ import annotations

import re

from applykit.models.profile import Metric, MetricKind

_CURRENCY_SIGNS = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR"}
_CURRENCY_CODES = ("USD", "EUR", "GBP", "CAD", "AUD", "SEK", "NOK", "DKK", "CHF", "JPY", "INR")
_SCALES = {
    "k": 1e3,
    "thousand": 1e3,
    "m": 1e6,
    "mm": 1e6,
    "mn": 1e6,
    "million": 1e6,
    "millions": 1e6,
    "b": 1e9,
    "bn": 1e9,
    "billion": 1e9,
    "t": 1e12,
    "trillion": 1e12,
}
_DURATIONS = {
    "ms": "ms",
    "millisecond": "ms",
    "milliseconds": "ms",
    "µs": "µs",
    "us": "µs",
    "microseconds": "µs",
    "ns": "ns",
    "s": "s",
    "sec": "s",
    "secs": "s",
    "second": "s",
    "seconds": "s",
    "min": "minutes",
    "mins": "minutes",
    "minute": "minutes",
    "minutes": "minutes",
    "h": "hours",
    "hr": "hours",
    "hrs": "hours",
    "hour": "hours",
    "hours": "hours",
    "day": "days",
    "days": "days",
    "week": "weeks",
    "weeks": "weeks",
    "month": "months",
    "months": "months",
    "year": "years",
    "years": "years",
}
_SIZES = {
    "kb": "KB",
    "mb": "MB",
    "gb": "GB",
    "tb": "TB",
    "pb": "PB",
    "kib": "KiB",
    "mib": "MiB",
    "gib": "GiB",
    "tib": "TiB",
}
_PERCENT = {"%": "%", "percent": "%", "per cent": "%", "pct": "%", "pp": "pp", "points": "points"}
_RATIO = {"x": "x", "×": "x", "times": "x", "fold": "x"}

_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
_UNIT_WORDS = "|".join(
    sorted(
        (re.escape(u) for u in [*_SCALES, *_DURATIONS, *_SIZES, *_PERCENT, *_RATIO]),
        key=len,
        reverse=True,
    )
)
_CODES = "|".join(_CURRENCY_CODES)


def _quantity_pattern(p: str) -> str:
    """A number with an optional currency, scale and unit; group names prefixed with `p`."""
    return (
        rf"(?P<{p}cur>[$€£¥₹]|(?:{_CODES})\s?)?"
        rf"(?P<{p}num>{_NUMBER})"
        rf"(?P<{p}plus0>\+)?"
        rf"(?:[\s-]?(?P<{p}unit>{_UNIT_WORDS})(?![A-Za-z]))?"
        rf"(?:\s?(?P<{p}unit2>{_UNIT_WORDS})(?![A-Za-z]))?"
        rf"(?P<{p}plus>\+)?"
        rf"(?:\s?(?P<{p}code>{_CODES})\b)?"
    )


_SINGLE = re.compile(r"(?<![\w.$€£¥₹/-])" + _quantity_pattern("a"), re.IGNORECASE)
_RANGE = re.compile(
    r"(?:\bfrom\s+)?(?<![\w.$€£¥₹/-])"
    + _quantity_pattern("a")
    + r"(?:\s*(?:→|->|–>|⇒|\bto\b)\s*|(?P<dash>\s?[-–]\s?))"
    + _quantity_pattern("b"),
    re.IGNORECASE,
)
_WORD = re.compile(r"[A-Za-z][\w/+&.'-]*")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_STOP_AFTER = _words(
    "a an the and or of in on at by for with from to into over across while than per as its "
    "their our his her that which who whom this these those is are was were be been it via "
    "within under after before during annually each every"
)
_VERBS_BEFORE = _words(
    "reduced reducing cut cutting lowered lowering decreased decreasing improved improving raised "
    "raising increased increasing grew growing boosted boosting shortened shortening sped "
    "speeding scaled scaling saved saving drove driving delivered delivering lifted lifting "
    "achieved achieving brought bringing moved moving took taking by from the a an of its our "
    "their and"
)


def extract_metrics(text: str) -> list[Metric]:
    """Every metric `text` states, in order; ranges ("from 120ms to 35ms") count once.

    Only the first 2,000 characters are read: a fact is a sentence or two."""
    text = text[:2000]
    metrics: list[Metric] = []
    taken: list[tuple[int, int]] = []
    for match in _RANGE.finditer(text):
        if _is_year(match.group("anum")) and _is_year(match.group("bnum")):
            continue
        after = _quantity(match, "b")
        before = _quantity(match, "a")
        if after is None or before is None:
            continue
        kind, unit, value = after
        _, unit_a, value_a = before
        if match.group("dash") and (value_a > value or match.group("bnum").startswith("0")):
            continue  # "555-0199" is a phone number, not a range
        if unit is None and unit_a is not None:
            unit, kind = unit_a, before[0]
        measures = _measures_after(text, match.end()) or _measures_before(text, match.start())
        if match.group("dash") and kind == "number":
            if not measures or not _measures_after(text, match.end()):
                continue  # a bare "3-4" counts nothing we can name
            kind = "count"
        metrics.append(
            Metric(
                raw=match.group(0).strip(),
                value=value,
                unit=unit,
                kind=kind,
                measures=measures,
                from_value=value_a,
            )
        )
        taken.append(match.span())
    for match in _SINGLE.finditer(text):
        if any(start <= match.start() < end for start, end in taken):
            continue
        number = match.group("anum")
        found = _quantity(match, "a")
        if found is None:
            continue
        kind, unit, value = found
        if kind == "number" and (_is_year(number) or _glued(text, match)):
            continue
        plus = match.group("aplus") or match.group("aplus0")
        if kind == "number" and not plus and _looks_like_version(text, match):
            continue
        measures = _measures_after(text, match.end())
        if kind in ("percent", "money", "ratio") and not measures:
            measures = _measures_before(text, match.start())
        if kind == "number":
            if not measures:
                continue  # a bare number with nothing counted is not a claim we can cite
            kind = "count"
        raw = text[match.start() : match.end()].strip()
        metrics.append(Metric(raw=raw, value=value, unit=unit, kind=kind, measures=measures))
    metrics.sort(key=lambda metric: text.find(metric.raw))
    return metrics


def _quantity(match: re.Match[str], p: str) -> tuple[MetricKind, str | None, float] | None:
    number = match.group(f"{p}num")
    try:
        value = float(number.replace(",", ""))
    except ValueError:
        return None
    currency = match.group(f"{p}cur") or match.group(f"{p}code")
    kind: MetricKind = "number"
    unit: str | None = None
    for word in (match.group(f"{p}unit"), match.group(f"{p}unit2")):
        if not word:
            continue
        lowered = word.lower()
        if lowered in _SCALES:
            value *= _SCALES[lowered]
        elif lowered in _DURATIONS:
            kind, unit = "duration", _DURATIONS[lowered]
        elif lowered in _SIZES:
            kind, unit = "size", _SIZES[lowered]
        elif lowered in _PERCENT:
            kind, unit = "percent", _PERCENT[lowered]
        elif lowered in _RATIO:
            kind, unit = "ratio", "x"
    if currency:
        code = currency.strip()
        kind, unit = "money", _CURRENCY_SIGNS.get(code, code.upper())
    return kind, unit, value


def _is_year(number: str) -> bool:
    return bool(re.fullmatch(r"(19|20)\d\d", number))


def _glued(text: str, match: re.Match[str]) -> bool:
    """p95, S3, F1, 7th: digits that belong to a word, not a quantity."""
    end = match.end()
    return end < len(text) and (text[end].isalpha() and not match.group("aunit"))


def _looks_like_version(text: str, match: re.Match[str]) -> bool:
    before = text[max(0, match.start() - 12) : match.start()].lower()
    return bool(re.search(r"(python|version|v|java|ios|android|html|css|es|level)\s?$", before))


def _measures_after(text: str, position: int) -> str | None:
    """Up to three content words right after the number ("monthly active users"), or after
    a leading "in"/"of" ("$1.2M in savings")."""
    rest = text[position:]
    if lead := re.match(r"\s+(?:in|of)\s+(?=[A-Za-z])", rest):
        rest = rest[lead.end() - 1 :]  # "$1.2M in savings", "3 years of Python"
    words: list[str] = []
    previous_end = 0
    for match in _WORD.finditer(rest):
        gap = rest[previous_end : match.start()]
        if gap.strip(" -"):  # punctuation ends the phrase
            break
        previous_end = match.end()
        word = match.group(0).rstrip(".")
        lowered = word.lower()
        if lowered == "per":
            words.append(word)
            continue
        if lowered in _STOP_AFTER:
            break
        words.append(word)
        if len(words) >= 3 and words[-2].lower() != "per":
            break
    while words and words[-1].lower() == "per":
        words.pop()
    return " ".join(words) or None


def _measures_before(text: str, position: int) -> str | None:
    """The object of the verb before the number: "Cut model training cost 35%" → its cost."""
    head = text[:position]
    head = re.sub(r"\b(by|to|of|from|at|around|about|over|nearly|almost|up)\s*$", "", head.strip())
    words = _WORD.findall(head)
    picked: list[str] = []
    for word in reversed(words[-5:]):
        if word.lower() in _VERBS_BEFORE:
            break
        picked.insert(0, word.rstrip(".,"))
        if len(picked) == 3:
            break
    clause_break = re.search(r"[,;:()]\s*[^,;:()]*$", head)
    if clause_break and picked:
        tail_words = _WORD.findall(head[clause_break.start() :])
        picked = [w for w in picked if w in tail_words] or picked
    return " ".join(picked) or None
