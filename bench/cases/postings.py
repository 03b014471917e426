"""Posting understanding: per-field accuracy on linkedin_dev.csv (42 real postings) and speed.

The labels are LinkedIn metadata, not annotations of the text: a value can be absent from the
description, so 100% is not reachable. Each row reports correct/42; the note says how often
the parser gave any value (coverage) so misses and wrong answers can be told apart.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import re
import statistics
import time
from collections.abc import Callable
from typing import Any

from bench.common import EXAMPLES, SHARED_DATA, Row, needs_shared

_PERIODS = {
    "YEARLY": "year",
    "HOURLY": "hour",
    "MONTHLY": "month",
    "WEEKLY": "week",
    "DAILY": "day",
    "BIWEEKLY": "biweekly",
}
_TYPES = {
    "Full-time": "full_time",
    "Part-time": "part_time",
    "Contract": "contract",
    "Temporary": "temporary",
    "Internship": "internship",
}
_LEVELS = {
    "Entry level": {"junior", "intern"},
    "Internship": {"intern"},
    "Associate": {"junior", "mid"},
    "Mid-Senior level": {"mid", "senior", "staff", "principal"},
    "Director": {"director", "executive"},
    "Executive": {"executive", "director"},
}


def _norm(text: str | None) -> str:
    text = (text or "").lower()
    text = re.sub(r"\b(?:inc|llc|ltd|llp|corp|corporation|co|group|the)\b\.?", " ", text)
    return " ".join(re.findall(r"[a-z0-9]+", text))


def _close(a: float | None, b: str) -> bool:
    return a is not None and b != "" and abs(a - float(b)) <= 0.01 * max(1.0, float(b))


def _rows() -> list[dict[str, str]]:
    path = needs_shared(SHARED_DATA / "postings" / "linkedin_dev.csv")
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _checks() -> dict[str, Callable[[Any, dict[str, str]], tuple[bool, bool]]]:
    """Field → (posting, row) → (answered, correct)."""

    def pay_min(p: Any, r: dict[str, str]) -> tuple[bool, bool]:
        c = p.compensation
        return c is not None, c is not None and _close(c.min, r["min_salary"])

    def pay_max(p: Any, r: dict[str, str]) -> tuple[bool, bool]:
        c = p.compensation
        return c is not None, c is not None and _close(c.max, r["max_salary"])

    def pay_period(p: Any, r: dict[str, str]) -> tuple[bool, bool]:
        c = p.compensation
        answered = c is not None and c.period is not None
        return answered, answered and c.period == _PERIODS.get(r["pay_period"])

    def location(p: Any, r: dict[str, str]) -> tuple[bool, bool]:
        city = _norm(r["location"].split(",")[0])
        cities = [_norm(loc.city or loc.raw) for loc in p.locations]
        return bool(p.locations), city in cities

    def employment(p: Any, r: dict[str, str]) -> tuple[bool, bool]:
        return p.employment_type is not None, p.employment_type == _TYPES.get(
            r["formatted_work_type"]
        )

    def seniority(p: Any, r: dict[str, str]) -> tuple[bool, bool]:
        expected = _LEVELS.get(r["formatted_experience_level"], set())
        return p.seniority is not None, p.seniority in expected

    def title(p: Any, r: dict[str, str]) -> tuple[bool, bool]:
        return p.title is not None, _norm(p.title) == _norm(r["title"])

    def company(p: Any, r: dict[str, str]) -> tuple[bool, bool]:
        got, want = _norm(p.company), _norm(r["company_name"])
        return p.company is not None, bool(got) and (got == want or got in want or want in got)

    return {
        "pay min": pay_min,
        "pay max": pay_max,
        "pay period": pay_period,
        "location (city)": location,
        "employment type": employment,
        "seniority": seniority,
        "title (exact)": title,
        "company": company,
    }


def _present(name: str, rows: list[dict[str, str]]) -> int | None:
    """How many labels can be read from the description at all (an upper bound)."""

    def has(row: dict[str, str], value: str) -> bool:
        return bool(value) and value.lower() in row["description"].lower()

    if name == "title (exact)":
        return sum(has(r, r["title"]) for r in rows)
    if name == "location (city)":
        return sum(has(r, r["location"].split(",")[0]) for r in rows)
    if name == "company":
        return sum(has(r, _norm(r["company_name"]).split(" ")[0]) for r in rows)
    if name == "employment type":
        words = {
            "Full-time": ("full-time", "full time"),
            "Contract": ("contract",),
            "Part-time": ("part-time", "part time"),
            "Temporary": ("temporary",),
            "Internship": ("intern",),
        }
        return sum(
            any(w in r["description"].lower() for w in words.get(r["formatted_work_type"], ()))
            for r in rows
        )
    if name.startswith("pay"):
        return sum("$" in r["description"] for r in rows)
    return None


def run() -> list[Row]:
    from applykit.ingest.postings import parse_posting

    rows = _rows()
    today = dt.date(2024, 4, 1)
    postings = [parse_posting(r["description"], today=today) for r in rows]
    out: list[Row] = []
    for name, check in _checks().items():
        results = [check(p, r) for p, r in zip(postings, rows, strict=True)]
        correct = sum(1 for _, ok in results if ok)
        answered = sum(1 for given, _ in results if given)
        note = f"{correct}/{len(rows)} right, answered {answered}/{len(rows)}"
        present = _present(name, rows)
        if present is not None:
            note += f", label in the text {present}/{len(rows)}"
        out.append(Row(f"postings dev: {name}", 100 * correct / len(rows), "%", note))
    texts = [r["description"] for r in rows]
    examples = [
        p.read_text(encoding="utf-8")
        for p in sorted((EXAMPLES / "postings").iterdir())
        if p.suffix in {".txt", ".md"}
    ]
    without_skills = functools.partial(parse_posting, skills=False)
    out.append(_speed(texts, parse_posting, today))
    out.append(_speed(texts, without_skills, today, label="linkedin_dev, skills=False"))
    out.append(_speed(examples, parse_posting, today, label="examples .txt/.md"))
    out.append(_speed(examples, without_skills, today, label="examples .txt/.md, skills=False"))
    return out


_RUNS = 7


def _speed(
    texts: list[str], parse: Callable[..., Any], today: dt.date, label: str = "linkedin_dev"
) -> Row:
    """Postings per second on one core: the median of `_RUNS` timed passes over `texts`.

    The parser is single-threaded, so the CPU time of this process is the time of one core;
    unlike wall time it does not count waiting while other processes use the core.
    """
    for text in texts:  # warm-up: taxonomy load, regex compilation
        parse(text, today=today)
    rates = []
    for _ in range(_RUNS):
        start = time.process_time()
        for text in texts:
            parse(text, today=today)
        rates.append(len(texts) / (time.process_time() - start))
    mean_chars = statistics.mean(len(t) for t in texts)
    median = statistics.median(rates)
    return Row(
        f"postings speed ({label})",
        median,
        "postings/s",
        f"one core (single-threaded), CPU time, median of {_RUNS} passes over {len(texts)} "
        f"postings ({mean_chars:,.0f} chars avg): {1000 / median:.2f} ms/posting, "
        f"passes {min(rates):.0f}-{max(rates):.0f}/s; target 2,000/s",
    )
