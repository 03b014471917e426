"""Pay normalised to a yearly figure in one currency, with the table written down.

Periods become a year with a full-time calendar (the table `PERIODS_PER_YEAR`);
currencies are converted with fixed reference rates (`USD_PER_UNIT`) so rankings are
reproducible offline. The rates are approximate 2025 averages: good enough to compare
offers against a floor, not for accounting. docs/fit.md prints both tables.
"""

from __future__ import annotations

from dataclasses import dataclass

from applykit.errors import InputError
from applykit.models.posting import Compensation

PERIODS_PER_YEAR: dict[str, float] = {
    "hour": 2080.0,  # 40 hours x 52 weeks
    "day": 260.0,  # 5 days x 52 weeks
    "week": 52.0,
    "biweekly": 26.0,
    "semimonthly": 24.0,
    "month": 12.0,
    "year": 1.0,
}

PERIOD_ALIASES: dict[str, str] = {
    "hourly": "hour",
    "hr": "hour",
    "h": "hour",
    "daily": "day",
    "weekly": "week",
    "wk": "week",
    "monthly": "month",
    "mo": "month",
    "yearly": "year",
    "annual": "year",
    "annually": "year",
    "yr": "year",
    "biweekly": "biweekly",
    "bi-weekly": "biweekly",
    "semimonthly": "semimonthly",
    "semi-monthly": "semimonthly",
}

USD_PER_UNIT: dict[str, float] = {
    "USD": 1.0,
    "EUR": 1.08,
    "GBP": 1.27,
    "CHF": 1.13,
    "CAD": 0.73,
    "AUD": 0.66,
    "NZD": 0.60,
    "SEK": 0.095,
    "NOK": 0.093,
    "DKK": 0.145,
    "PLN": 0.25,
    "CZK": 0.043,
    "JPY": 0.0067,
    "INR": 0.012,
    "SGD": 0.74,
    "HKD": 0.128,
    "CNY": 0.138,
    "BRL": 0.18,
    "MXN": 0.055,
    "ZAR": 0.055,
    "ILS": 0.27,
}

CURRENCY_SYMBOLS: dict[str, str] = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR"}


def normalize_period(period: str | None) -> str | None:
    if period is None:
        return None
    key = period.strip().lower().replace("per ", "").replace("/", "")
    key = PERIOD_ALIASES.get(key, key)
    return key if key in PERIODS_PER_YEAR else None


def normalize_currency(currency: str | None) -> str | None:
    if currency is None:
        return None
    code = currency.strip()
    code = CURRENCY_SYMBOLS.get(code, code).upper()
    return code if code in USD_PER_UNIT else None


def convert(amount: float, from_currency: str, to_currency: str) -> float:
    source = normalize_currency(from_currency)
    target = normalize_currency(to_currency)
    if source is None or target is None:
        unknown = from_currency if source is None else to_currency
        raise InputError(
            f"unknown currency {unknown!r}",
            fix=f"use one of {', '.join(sorted(USD_PER_UNIT))}",
        )
    return amount * USD_PER_UNIT[source] / USD_PER_UNIT[target]


@dataclass(frozen=True)
class YearlyPay:
    """A pay range as yearly amounts in `currency`; `note` says how it was derived."""

    low: float | None
    high: float | None
    currency: str
    note: str

    @property
    def best(self) -> float | None:
        """The most the posting offers (the top of the range, else the bottom)."""
        return self.high if self.high is not None else self.low

    def label(self) -> str:
        def short(value: float) -> str:
            return f"{value / 1000:.0f}k"

        if self.low is not None and self.high is not None and self.high != self.low:
            return f"{short(self.low)}–{short(self.high)} {self.currency}/yr"
        value = self.best
        return f"{short(value)} {self.currency}/yr" if value is not None else "—"


def yearly_pay(compensation: Compensation | None, *, currency: str = "USD") -> YearlyPay | None:
    """The posting's pay per year in `currency`, or None when it cannot be worked out
    (no amount, or a period or currency outside the tables)."""
    if compensation is None or (compensation.min is None and compensation.max is None):
        return None
    period = normalize_period(compensation.period) or "year"
    source = normalize_currency(compensation.currency or "USD")
    if source is None or normalize_currency(currency) is None:
        return None
    factor = PERIODS_PER_YEAR[period]

    def scale(amount: float | None) -> float | None:
        if amount is None:
            return None
        return round(convert(amount * factor, source, currency), 2)

    note = f"{source} per {period} x {factor:g}"
    if source != normalize_currency(currency):
        note += f", converted at {USD_PER_UNIT[source]:g} USD per {source}"
    return YearlyPay(scale(compensation.min), scale(compensation.max), currency.upper(), note)
