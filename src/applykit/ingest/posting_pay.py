"""Pay in a posting: "$45/hr – $95/hr", "€4.500 – €5.500 brutto/Monat", "up to $90/hr".

Every money amount is a candidate; each is scored by what surrounds it (a pay word before,
a period after, a range) and by what argues against it (a budget, a stipend, "billion").
A number without a currency is pay only when a pay word and a period frame it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

import ahocorasick_rs

from applykit.ingest.posting_case import folded_ascii
from applykit.ingest.posting_keywords import Scan, needles
from applykit.ingest.posting_pay_units import (
    PERIOD_WORD,
    amount_value,
    currency_code,
    guess_period,
    period_of,
    plausible_pay,
)
from applykit.ingest.posting_text import fold, has_any
from applykit.models.posting import Compensation, PayPeriod

# Patterns used inside functions, compiled once (re.match(pattern, …) looks each up per call).
_AMOUNT_CHAR = re.compile(r"[\d$€£]")
_AND_GAP = re.compile(r"[^\d]{0,12}?\band\b", re.I)
_RANGE_LEAD = re.compile(r"between\s*$|\brange\b", re.I)


_NEEDLES = needles(
    "$",
    "€",
    "£",
    "¥",
    "₹",
    "usd",
    "eur",
    "gbp",
    "cad",
    "chf",
    "aud",
    "inr",
    "sek",
    "nok",
    "dkk",
    "pln",
    "salary",
    "pay",
    "rate",
    "wage",
    "compensation",
    "gehalt",
    "brutto",
    "vergütung",
    "remuneration",
)

_CURRENCY_PREFIX = (
    r"(?:(?<![A-Za-z])(?:US\$|USD\s?\$?|CA\$|C\$|CAD\s?\$?|AU\$|A\$|AUD\s?\$?|NZ\$|NZD|HK\$|S\$|SGD|\$|€|EUR|£|GBP"
    r"|CHF|¥|JPY|₹|INR|Rs\.?|SEK|NOK|DKK|PLN|R\$|BRL|MXN))"
)
_CURRENCY_SUFFIX = r"(?:€|(?:EUR|euros?|USD|dollars|GBP|CHF|CAD|SEK|NOK|DKK|PLN|zł|kr)\b)"
_NUMBER = r"\d{1,3}(?:[,.' ]\d{3})+(?:[.,]\d{1,2})?|\d{1,7}(?:[.,]\d{1,2})?"
_MULT = r"(?:\s?(?:[kK]|[mM]{1,2}|thousand|million)\b)?"
_AMOUNT = (
    rf"(?:(?P<c§>{_CURRENCY_PREFIX})\s?(?P<n§>{_NUMBER})(?P<m§>{_MULT})(?:\s?(?:USD|CAD|EUR|GBP)\b)?"
    rf"|(?P<nn§>{_NUMBER})(?P<mm§>{_MULT})\s?(?P<cs§>{_CURRENCY_SUFFIX})?)"
)
_PERIOD = (
    r"(?:\s?(?:/|per|an|a|each|every|pro|je)\s?|\s?)"
    r"(?P<p§>hour|hr|h|hourly|day|daily|week|wk|weekly|month|mo|monthly|monat|year|yr|annum"
    r"|annual|annually|yearly|jahr|p\.?\s?a\.?|Std\.?|Stunde)\b"
)
_SEP = r"\s?(?:-|–|—|to|bis|and|through)\s?"
_RANGE = re.compile(
    _AMOUNT.replace("§", "1")
    + rf"(?:{_PERIOD.replace('§', '1')})?"
    + rf"(?:{_SEP}"
    + _AMOUNT.replace("§", "2")
    + rf"(?:{_PERIOD.replace('§', '2')})?)?"
    + rf"(?:{_SEP}"
    + _AMOUNT.replace("§", "3")
    + ")?"
    + r"(?P<tail>[^\n.;]{0,40})?",
    re.IGNORECASE,
)
_PAY_BEFORE = re.compile(
    r"salary|\bpay\b|compensation|\brate\b|wage|\bbase\b|range|earn|\bote\b|gehalt|vergütung"
    r"|per annum|hourly|remuneration|stipend of|package|brutto|between|\bfrom\b|up to"
    r"|starting at|paying",
    re.IGNORECASE,
)
_NOT_PAY = re.compile(
    r"budget|bonus|learning|relocation|401|match|equity|raised|revenue|funding|referral"
    r"|sign[- ]on|signing|allowance|tuition|valuation|reimburs|billion|million|spend|saving"
    r"|donat|grant|fee|price|cost|sales of|quota|portfolio|assets|loans?\b|deals?\b|capital"
    r"|worth|stipend|credit|insurance|annual report|per transaction|customers|merchants",
    re.IGNORECASE,
)


@dataclass
class _Candidate:
    score: float
    start: int
    min: float | None
    max: float | None
    currency: str | None
    period: PayPeriod | None
    raw: str

    def compensation(self) -> Compensation:
        return Compensation(
            min=self.min, max=self.max, currency=self.currency, period=self.period, raw=self.raw
        )


def find_compensation(
    text: str | Scan, *, dollar: str = "USD"
) -> tuple[Compensation | None, list[str]]:
    """The posting's pay (or None) and warnings when pay is mentioned but unclear."""
    candidates: list[_Candidate] = []
    scan = text if isinstance(text, Scan) else Scan(text)
    text = scan.text
    windows = scan.spans(_NEEDLES, 30, 110)  # 30 back: "62,000 - 70,000 EUR"
    for match in _amounts(text, windows):
        candidate = _candidate(text, match, dollar)
        if candidate is not None:
            candidates.append(candidate)
    good = [c for c in candidates if c.score >= 3]
    warnings: list[str] = []
    if not good:
        if any(c.score >= 1 for c in candidates):
            warnings.append("pay is mentioned but unclear: no amount could be read as the salary")
        return None, warnings
    best = max(good, key=lambda c: (c.score, -c.start))
    distinct = {(c.min, c.max) for c in good if c.score >= best.score - 1}
    if len(distinct) > 2:
        warnings.append("several pay ranges are given (by location or level); showing one")
    return best.compensation(), warnings


_START = re.compile(
    r"[$€£¥₹\d]|(?:USD|EUR|GBP|CAD|AUD|CHF|INR|SEK|NOK|DKK|PLN|NZD|SGD|HK|US|CA|AU|NZ|C|A|S|R|Rs)"
    r"(?=\s?[$\d])"
)


_SIGN = re.compile(r"[$€£¥₹\d]")


def _start(text: str, position: int, end: int) -> int:
    """Where `_START.search(text, position, end)` matches, or -1, with a cheaper scan.

    Every match is a sign or digit, or a code (case-sensitive, first letters `_CODE_FIRST`)
    whose look-ahead reads a "$" or digit at most 4 characters on: so the first match is the
    first sign or digit, unless a code match starts in the 4 characters before it.
    """
    sign = _SIGN.search(text, position, end)
    if sign is None:
        return -1  # a code's look-ahead needs a "$" or digit before `end` too
    at = sign.start()
    for before in range(max(position, at - 4), at):
        if text[before] in _CODE_FIRST and _START.match(text, before, end):
            return before
    return at


_CODE_FIRST = frozenset("UEGCAISNPDHR")


def _amounts(text: str, windows: list[tuple[int, int]]) -> list[re.Match[str]]:
    """Range matches tried only where an amount can start (a currency sign, code or digit)."""
    found: list[re.Match[str]] = []
    last_end = -1
    for start, end in windows:
        position = max(start, last_end)
        while True:
            at = _start(text, position, end)
            if at < 0:
                break
            if text[at].isdigit() and at and (text[at - 1].isdigit() or text[at - 1] in ",.'"):
                position = at + 1  # inside a number already seen
                continue
            match = _RANGE.match(text, at, min(len(text), end + 60))
            if match is None or match.end() == at:
                position = at + 1
                continue
            found.append(match)
            last_end = position = match.end()
    return found


# Per amount of _RANGE: its group names (number, multiplier, the same without a currency
# prefix, prefix code, suffix code, period), and the groups whose end may end the amounts.
_AMOUNT_GROUPS = [
    (i, f"n{i}", f"m{i}", f"nn{i}", f"mm{i}", f"c{i}", f"cs{i}", f"p{i}" if i < 3 else None)
    for i in (1, 2, 3)
]
_END_GROUPS = {
    i: (f"n{i}", f"m{i}", f"nn{i}", f"mm{i}", f"cs{i}", f"p{i}" if i < 3 else f"n{i}")
    for i in (1, 2, 3)
}


def _candidate(text: str, match: re.Match[str], dollar: str) -> _Candidate | None:
    values: list[float] = []
    currency: str | None = None
    period: PayPeriod | None = None
    end_of_amounts = match.start()
    group = match.groupdict()  # one call instead of ~20 match.group calls
    for i, n, m, nn, mm, c, cs, p in _AMOUNT_GROUPS:
        number = group[n] or group[nn]
        if number is None:
            continue
        value = amount_value(number, group[m] or group[mm] or "")
        if value is None:
            return None
        if values and (value < values[0] or (i == 2 and _joined_by_and(match))):
            break  # "$95,000 and a $2,000 budget": two amounts, not a range
        values.append(value)
        code = group[c] or group[cs]
        if code and currency is None:
            currency = currency_code(code, dollar)
        end_of_amounts = -1  # the furthest end of the groups this amount holds
        for name in _END_GROUPS[i]:
            if group[name] is not None:
                end = match.end(name)
                if end > end_of_amounts:
                    end_of_amounts = end
        if p is not None and group[p] and period is None:
            period = period_of(group[p])
    if not values:
        return None
    raw_end = end_of_amounts
    if period is None:
        found = PERIOD_WORD.search(text, end_of_amounts, end_of_amounts + 20)
        if found and not _AMOUNT_CHAR.search(text[end_of_amounts : found.start()]):
            period = period_of(found.group(1))
            raw_end = found.end()
    if currency is None and period is None:
        return None  # what the checks below would conclude, without reading the context
    # The two refusals below depend on the amounts and on the words before them only: they are
    # decided before the context is scored (the same answers, less work for refused amounts).
    spaces = _SPACES.match(text, end_of_amounts)
    if spaces is not None and text.startswith(_NOT_AMOUNT_AFTER, spaces.end()):
        return None
    before = text[max(0, match.start() - 60) : match.start()]
    before = _SENTENCE_BREAK.split(before)[-1]  # the same sentence only
    pay_before = _has(_PAY_BEFORE, _PAY_BEFORE_WORDS, before)
    if currency is None and not pay_before:  # period is not None here
        return None
    after = _AFTER_BREAK.split(text[raw_end : raw_end + 30], maxsplit=1)[0]
    score = 0.0
    if currency is not None:
        score += 2
    if pay_before:
        score += 2
    if period is not None:
        score += 1.5
    if len(values) >= 2:
        score += 1
    if _has(_NOT_PAY, _NOT_PAY_WORDS, before[-30:]) or _has(_NOT_PAY, _NOT_PAY_WORDS, after):
        score -= 4
    low, high = values[0], values[-1]
    if period is None:
        period = guess_period(high)
    if period is None or not plausible_pay(low, high, period):
        score -= 3
    raw = text[match.start() : raw_end].strip()
    if len(values) == 1 and _UP_TO.search(before):
        return _Candidate(score, match.start(), None, high, currency, period, raw)
    if len(values) == 1 and _FROM.search(before):
        return _Candidate(score, match.start(), low, None, currency, period, raw)
    return _Candidate(score, match.start(), low, high, currency, period, raw)


_SPACES = re.compile(r"\s*")  # what str.lstrip strips (both use str.isspace)
_NOT_AMOUNT_AFTER = ("%", "percent", "+ years", "years", "members")
_SENTENCE_BREAK = re.compile(r"\n|[.;!?]\s")
_AFTER_BREAK = re.compile(r"[+,;(]|\b(?:with|plus|and)\b")
_UP_TO = re.compile(r"(?:up to|max(?:imum)?\.?(?: of)?|bis zu)\s*$", re.I)
_FROM = re.compile(r"(?:from|starting at|ab)\s*$", re.I)
# Every match of _PAY_BEFORE / _NOT_PAY holds one of these lower-case words: when `fold` of
# the text holds none, the case-insensitive alternation (slow: ~40 branches a character) is
# not run.
_PAY_BEFORE_WORDS = (
    "salary", "pay", "compensation", "rate", "wage", "base", "range", "earn", "ote", "gehalt",
    "vergütung", "per annum", "hourly", "remuneration", "stipend of", "package", "brutto",
    "between", "from", "up to", "starting at", "paying",
)  # fmt: skip
_NOT_PAY_WORDS = (
    "budget", "bonus", "learning", "relocation", "401", "match", "equity", "raised", "revenue",
    "funding", "referral", "sign", "allowance", "tuition", "valuation", "reimburs", "billion",
    "million", "spend", "saving", "donat", "grant", "fee", "price", "cost", "sales of", "quota",
    "portfolio", "assets", "loan", "deal", "capital", "worth", "stipend", "credit", "insurance",
    "annual report", "per transaction", "customers", "merchants",
)  # fmt: skip


def _has(pattern: re.Pattern[str], words: tuple[str, ...], text: str) -> bool:
    """`pattern.search(text)` is not None, where every match of `pattern` holds one of `words`.

    Some words are whole alternatives of the pattern, written as they are (no word boundary):
    when `fold(text)` holds one, the pattern matches there (every character that `fold` turns
    into an ASCII letter, digit or space is matched by that character case-insensitively), so
    the search is not run. The ASCII words are looked for in one automaton pass over `fold(text)`
    read one byte per character (`folded_ascii`), the others in `fold(text)`.
    """
    view = folded_ascii(text)
    if view is None:
        low = fold(text)
        sure, others = _SURE[words]
        if has_any(low, sure):
            return True
        return has_any(low, others) and pattern.search(text) is not None
    scan = _WORD_SCANS[words]
    sure_flags = scan.sure
    other = False
    for index, _, _ in scan.automaton.find_matches_as_indexes(view, overlapping=True):
        if sure_flags[index]:
            return True
        other = True
    if not other and scan.others and (scan.ascii_others or not text.isascii()):
        other = has_any(fold(text), scan.others)
    return other and pattern.search(text) is not None


def _joined_by_and(match: re.Match[str]) -> bool:
    """`$20 and $25` is a range only after "between"."""
    end = match.end("n1") if match.group("n1") else match.end("nn1")
    gap = match.string[end : end + 20]  # the pattern below reads at most 16 characters
    if _AND_GAP.match(gap) is None:
        return False
    lead = match.string[max(0, match.start() - 60) : match.start()]
    return _RANGE_LEAD.search(lead) is None


def _split_sure(pattern: re.Pattern[str], words: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """(the ASCII `words` that are alternatives of `pattern` as written, the other words)."""
    alternatives = set(pattern.pattern.split("|"))
    sure = tuple(w for w in words if w.isascii() and w in alternatives)
    return sure, tuple(w for w in words if w not in sure)


_SURE = {
    _PAY_BEFORE_WORDS: _split_sure(_PAY_BEFORE, _PAY_BEFORE_WORDS),
    _NOT_PAY_WORDS: _split_sure(_NOT_PAY, _NOT_PAY_WORDS),
}


class _WordScan(NamedTuple):
    """For `_has`: an automaton over the ASCII words (without "?"), whether each is sure, the
    other words, and whether any of those is ASCII (else an ASCII text cannot hold one)."""

    automaton: ahocorasick_rs.BytesAhoCorasick
    sure: list[bool]
    others: tuple[str, ...]
    ascii_others: bool


def _word_scan(words: tuple[str, ...]) -> _WordScan:
    sure = _SURE[words][0]
    ascii_words = [word for word in words if word.isascii() and "?" not in word]
    others = tuple(word for word in words if word not in ascii_words)
    return _WordScan(
        ahocorasick_rs.BytesAhoCorasick([word.encode() for word in ascii_words]),
        [word in sure for word in ascii_words],
        others,
        any(word.isascii() for word in others),
    )


_WORD_SCANS = {words: _word_scan(words) for words in _SURE}
