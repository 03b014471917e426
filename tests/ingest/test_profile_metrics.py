"""extract_metrics and partial dates on the shapes resumes use."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from applykit.ingest.profile_dates import find_date_span, parse_partial_date
from applykit.ingest.profile_metrics import extract_metrics


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Scaled search to 200M+ users", [("count", 200e6, None, "users", None)]),
        ("an 18% CTR lift", [("percent", 18, "%", "CTR lift", None)]),
        ("120ms → 35ms latency", [("duration", 35, "ms", "latency", 120)]),
        ("$2M savings", [("money", 2e6, "USD", "savings", None)]),
        ("cut chargeback losses by €1.5k", [("money", 1500, "EUR", "chargeback losses", None)]),
        ("Cut training cost 35% by moving", [("percent", 35, "%", "training cost", None)]),
        ("runtime from 9 hours to 2.5 hours", [("duration", 2.5, "hours", "runtime", 9)]),
        ("Grew revenue 3x", [("ratio", 3, "x", "revenue", None)]),
        ("processing 2TB per day", [("size", 2, "TB", "per day", None)]),
        ("Mentored 4 engineers", [("count", 4, None, "engineers", None)]),
        ("raised recall@10 from 0.62 to 0.81", [("number", 0.81, None, "recall", 0.62)]),
        ("Reduced costs by 20-30%", [("percent", 30, "%", "costs", 20)]),
        ("Hired 3-4 engineers", [("count", 4, None, "engineers", 3)]),
        ("Saved 10+ hours a week", [("duration", 10, "hours", None, None)]),
        ("$1.2 million in savings", [("money", 1.2e6, "USD", "savings", None)]),
    ],
)
def test_metrics(text: str, expected: list[tuple[object, ...]]) -> None:
    found = [(m.kind, m.value, m.unit, m.measures, m.from_value) for m in extract_metrics(text)]
    assert found == expected


@pytest.mark.parametrize(
    "text",
    [
        "Worked at Acme from 2019 to 2021.",
        "Upgraded services to Python 3.11 and stored files in S3.",
        "Kept p95 and F1 dashboards current.",
        "Joined in 2020.",
        "Call 555-0199 for references.",
        "Read pages 10-12 of the handbook.",
    ],
)
def test_not_metrics(text: str) -> None:
    assert extract_metrics(text) == []


@given(st.text(max_size=300))
@settings(max_examples=150, deadline=None)
def test_metrics_never_crash(text: str) -> None:
    for metric in extract_metrics(text):
        assert metric.raw and metric.raw in text


@pytest.mark.parametrize(
    ("line", "start", "end"),
    [
        ("Jan 2020 – Mar 2022", "2020-01", "2022-03"),
        ("January 2020 - Present", "2020-01", "present"),
        ("01/2020 – 03/2022", "2020-01", "2022-03"),
        ("2020-01 to 2022-03", "2020-01", "2022-03"),
        ("Sep '19 – Current", "2019-09", "present"),
        ("Since 2021", "2021", "present"),
        ("Summer 2017", "2017-06", None),
        ("Acme | Seattle, WA | 2019–2021", "2019", "2021"),
        ("Sept. 2018 - Dec. 2020", "2018-09", "2020-12"),
    ],
)
def test_date_ranges(line: str, start: str, end: str | None) -> None:
    span = find_date_span(line)
    assert span is not None and (span.start, span.end) == (start, end)


def test_partial_dates_reject_nonsense() -> None:
    assert parse_partial_date("2020-13") is None
    assert parse_partial_date("soon") is None
    assert parse_partial_date("now") == "present"
    assert find_date_span("Built 2TB per day") is None
