"""Units of a pay amount: its number, currency, period, and what range is plausible per period."""

from __future__ import annotations

import re

from applykit.models.posting import PayPeriod

# Patterns used inside functions, compiled once (re.match(pattern, …) looks each up per call).
_GERMAN_NUMBER = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?")
_ENGLISH_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?")


_PERIODS: dict[str, PayPeriod] = {
    "hour": "hour",
    "hr": "hour",
    "h": "hour",
    "hourly": "hour",
    "std": "hour",
    "stunde": "hour",
    "day": "day",
    "daily": "day",
    "week": "week",
    "wk": "week",
    "weekly": "week",
    "month": "month",
    "mo": "month",
    "monthly": "month",
    "monat": "month",
    "year": "year",
    "yr": "year",
    "annum": "year",
    "annual": "year",
    "annually": "year",
    "yearly": "year",
    "jahr": "year",
    "pa": "year",
}
_CODES = {
    "$": "USD",
    "us$": "USD",
    "usd": "USD",
    "ca$": "CAD",
    "c$": "CAD",
    "cad": "CAD",
    "au$": "AUD",
    "a$": "AUD",
    "aud": "AUD",
    "nz$": "NZD",
    "nzd": "NZD",
    "hk$": "HKD",
    "s$": "SGD",
    "sgd": "SGD",
    "€": "EUR",
    "eur": "EUR",
    "euro": "EUR",
    "euros": "EUR",
    "£": "GBP",
    "gbp": "GBP",
    "chf": "CHF",
    "¥": "JPY",
    "jpy": "JPY",
    "₹": "INR",
    "inr": "INR",
    "rs": "INR",
    "rs.": "INR",
    "sek": "SEK",
    "nok": "NOK",
    "dkk": "DKK",
    "pln": "PLN",
    "zł": "PLN",
    "r$": "BRL",
    "brl": "BRL",
    "mxn": "MXN",
    "dollars": "USD",
}


def amount_value(number: str, multiplier: str) -> float | None:
    cleaned = number.replace(" ", "").replace("'", "")
    if _GERMAN_NUMBER.fullmatch(cleaned):  # German: 4.500,00
        cleaned = cleaned.replace(".", "").replace(",", ".")
    elif _ENGLISH_NUMBER.fullmatch(cleaned):
        cleaned = cleaned.replace(",", "")
    else:
        cleaned = cleaned.replace(",", ".")
    try:
        value = float(cleaned)
    except ValueError:
        return None
    mult = multiplier.strip().lower()
    if mult in {"k", "thousand"}:
        value *= 1_000
    elif mult in {"m", "mm", "million"}:
        value *= 1_000_000
    return value


def currency_code(raw: str, dollar: str) -> str:
    key = raw.strip().lower().replace(" ", "").rstrip("$") if raw.strip() != "$" else "$"
    if key in {"us", "usd"}:
        return "USD"
    if key == "$" or raw.strip() == "$":
        return dollar
    if key in {"ca", "c", "cad"}:
        return "CAD"
    if key in {"au", "a", "aud"}:
        return "AUD"
    return _CODES.get(key, _CODES.get(raw.strip().lower(), raw.strip().upper()))


def period_of(raw: str) -> PayPeriod | None:
    key = raw.lower().replace(".", "").replace(" ", "")
    return _PERIODS.get(key)


PERIOD_WORD = re.compile(
    r"\b(?:per|an|a|/)?\s?(hour|hr|hourly|day|daily|week|weekly|month|monthly|monat|year|yr"
    r"|annum|annual|annually|yearly|jahr)\b",
    re.IGNORECASE,
)


def period_in(text: str) -> PayPeriod | None:
    match = PERIOD_WORD.search(text)
    return period_of(match.group(1)) if match else None


def guess_period(value: float) -> PayPeriod | None:
    if value >= 15_000:
        return "year"
    if value <= 300:
        return "hour"
    return None


def plausible_pay(low: float, high: float, period: PayPeriod) -> bool:
    bounds = {
        "hour": (5, 2_000),
        "day": (40, 10_000),
        "week": (200, 40_000),
        "month": (500, 200_000),
        "year": (8_000, 5_000_000),
    }[period]
    return bounds[0] <= low <= bounds[1] and bounds[0] <= high <= bounds[1] * 3
