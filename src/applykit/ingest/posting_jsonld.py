"""schema.org `JobPosting` (JSON-LD) fields: the page's own structured data wins."""

from __future__ import annotations

import datetime as dt
import html
from typing import Any

from applykit.ingest.posting_facts import parse_date
from applykit.ingest.posting_fields import clean_title
from applykit.ingest.posting_location import COUNTRIES
from applykit.models.posting import Compensation, EmploymentType, Location, PayPeriod, Posting

_TYPES: dict[str, EmploymentType] = {
    "FULL_TIME": "full_time",
    "PART_TIME": "part_time",
    "CONTRACTOR": "contract",
    "TEMPORARY": "temporary",
    "INTERN": "internship",
    "PER_DIEM": "temporary",
}
_UNITS: dict[str, PayPeriod] = {
    "HOUR": "hour",
    "DAY": "day",
    "WEEK": "week",
    "MONTH": "month",
    "YEAR": "year",
}


def apply_jsonld(posting: Posting, job: dict[str, Any]) -> Posting:
    """Overlay the JSON-LD values that are present and well-formed; keep the rest."""
    title = _text(job.get("title"))
    if title:
        posting.title = clean_title(title)
    org = job.get("hiringOrganization")
    name = _text(org.get("name")) if isinstance(org, dict) else _text(org)
    if name:
        posting.company = name
    locations = _locations(job.get("jobLocation"))
    if locations:
        posting.locations = locations
    if str(job.get("jobLocationType", "")).upper() == "TELECOMMUTE":
        posting.work_mode = "remote"
    kind = job.get("employmentType")
    kinds = kind if isinstance(kind, list) else [kind]
    for value in kinds:
        mapped = _TYPES.get(str(value).upper().replace("-", "_").replace(" ", "_"))
        if mapped:
            posting.employment_type = mapped
            break
    pay = _salary(job.get("baseSalary"))
    found = posting.compensation
    if pay is not None and found is not None and (found.min, found.max) == (pay.min, pay.max):
        pay.raw = found.raw
    if pay is not None:
        posting.compensation = pay
        posting.warnings = [w for w in posting.warnings if not w.startswith("pay is")]
    posted = parse_date(str(job.get("datePosted", ""))[:10])
    if isinstance(posted, dt.date):
        posting.posted_on = posted
    identifier = job.get("identifier")
    value = identifier.get("value") if isinstance(identifier, dict) else identifier
    if isinstance(value, (str, int)) and str(value).strip():
        posting.requisition_id = str(value).strip()[:60]
    url = _text(job.get("url"))
    if url:
        posting.url = url
    return posting


def _text(value: Any) -> str | None:
    if isinstance(value, str) and value.strip():
        return " ".join(html.unescape(value).split())[:200]
    return None


def _locations(value: Any) -> list[Location]:
    places = value if isinstance(value, list) else [value]
    out: list[Location] = []
    for place in places[:20]:
        if not isinstance(place, dict):
            continue
        address = place.get("address")
        if not isinstance(address, dict):
            continue
        city = _text(address.get("addressLocality"))
        region = _text(address.get("addressRegion"))
        country_raw = address.get("addressCountry")
        if isinstance(country_raw, dict):
            country_raw = country_raw.get("name")
        country = _text(country_raw)
        if country:
            country = COUNTRIES.get(country.lower(), country) or country
        raw = ", ".join(p for p in (city, region, country) if p)
        if raw:
            out.append(Location(raw=raw, city=city, region=region, country=country))
    return out


def _salary(value: Any) -> Compensation | None:
    if not isinstance(value, dict):
        return None
    inner = value.get("value")
    currency = _text(value.get("currency"))
    if not isinstance(inner, dict):
        number = _number(inner)
        if number is None:
            return None
        return Compensation(min=number, max=number, currency=currency, raw=str(inner))
    low = _number(inner.get("minValue"))
    high = _number(inner.get("maxValue"))
    single = _number(inner.get("value"))
    if low is None and high is None and single is None:
        return None
    if low is None and high is None:
        low = high = single
    unit = _UNITS.get(str(inner.get("unitText", "")).upper())
    span = "–".join(f"{v:,.0f}" for v in (low, high) if v is not None)
    raw = f"{currency or ''} {span} per {unit or '?'}".strip()
    return Compensation(min=low, max=high, currency=currency, period=unit, raw=raw)


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value.replace(",", ""))
        except ValueError:
            return None
    return None
