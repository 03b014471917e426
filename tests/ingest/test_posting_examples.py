"""The bundled example postings come out with the facts examples/README.md describes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from applykit.ingest.postings import parse_posting_file
from applykit.models.posting import Posting, Requirement

TODAY = dt.date(2026, 11, 23)


def _parse(examples: Path, name: str) -> Posting:
    return parse_posting_file(examples / "postings" / name, today=TODAY)


def _find(requirements: list[Requirement], words: str) -> Requirement:
    for requirement in requirements:
        if words in requirement.text:
            return requirement
    raise AssertionError(f"no requirement mentions {words!r}")


def test_senior_markdown_contract_fields(examples: Path) -> None:
    posting = _parse(examples, "senior-ml-engineer.md")
    assert posting.title == "Senior Machine Learning Engineer, Risk ML"
    assert posting.company == "Brightwater Payments"
    assert posting.team == "Risk ML"
    assert [(loc.city, loc.region) for loc in posting.locations] == [("Seattle", "WA")]
    assert (posting.work_mode, posting.employment_type, posting.seniority) == (
        "hybrid",
        "full_time",
        "senior",
    )
    pay = posting.compensation
    assert pay is not None
    assert (pay.min, pay.max, pay.currency, pay.period) == (180_000, 240_000, "USD", "year")
    assert posting.requisition_id == "R-20931"
    assert posting.posted_on == dt.date(2026, 10, 28)
    assert posting.years_experience is not None and posting.years_experience.min == 5
    assert posting.degree is not None and posting.degree.level == "bachelor"
    assert len(posting.responsibilities) == 7
    required = [r for r in posting.requirements if r.kind == "required"]
    preferred = [r for r in posting.requirements if r.kind == "preferred"]
    assert (len(required), len(preferred)) == (7, 6)
    assert [r.id for r in posting.requirements[:3]] == ["r1", "r2", "r3"]
    python = _find(posting.requirements, "Strong Python")
    assert {"Python", "SQL", "PyTorch"} <= {s.canonical for s in python.skills}
    assert "Kubernetes" in {s.canonical for s in posting.skills}
    assert len({s.canonical for s in posting.skills}) == len(posting.skills)
    assert any("resume" in step for step in posting.application_steps)
    assert any("200,000 merchants" in fact for fact in posting.company_facts)
    assert posting.warnings == []


def test_intern_nested_lists_steps_and_relative_date(examples: Path) -> None:
    posting = _parse(examples, "intern-ml-bigtech.txt")
    assert posting.title is not None and posting.title.startswith("Research Scientist Intern")
    assert posting.company == "Meridian Compute"
    assert [loc.city for loc in posting.locations] == ["Seattle", "Menlo Park", "New York"]
    assert (posting.employment_type, posting.seniority) == ("internship", "intern")
    pay = posting.compensation
    assert pay is not None and (pay.min, pay.max, pay.period) == (45, 95, "hour")
    assert posting.posted_on == TODAY - dt.timedelta(weeks=3)
    assert posting.requisition_id == "7741203"
    assert posting.duration == "at least ten weeks"
    areas = _find(posting.requirements, "one or more of these areas")
    assert areas.any_of and areas.kind == "required"
    assert len(areas.children) == 8
    assert [c.id for c in areas.children[:2]] == [f"{areas.id}.1", f"{areas.id}.2"]
    assert areas.children[0].text == "Deep learning"
    following = _find(posting.requirements, "one or more of the following")
    assert following.kind == "preferred" and len(following.children) == 4
    degree = posting.degree
    assert degree is not None and degree.in_progress and degree.level == "master"
    steps = " | ".join(posting.application_steps).lower()
    for expected in ("contact details", "coursework", "interest form", "200 words"):
        assert expected in steps, expected
    assert len(posting.application_steps) >= 4
    assert not any("Similar" in loc.raw for loc in posting.locations)


def test_berlin_monthly_eur_and_german_numbers(examples: Path) -> None:
    posting = _parse(examples, "data-scientist-berlin.txt")
    assert posting.title == "Data Scientist"
    assert posting.company == "Kornblume Mobility GmbH"
    pay = posting.compensation
    assert pay is not None
    assert (pay.min, pay.max, pay.currency, pay.period) == (4500, 5500, "EUR", "month")
    assert posting.locations[0].city == "Berlin" and posting.locations[0].country == "Germany"
    assert posting.work_mode == "hybrid" and posting.employment_type == "full_time"
    assert posting.start_date == "as soon as possible"
    assert [r.kind for r in posting.requirements].count("preferred") == 5
    assert not any(w.startswith("the text looks truncated") for w in posting.warnings)


def test_contract_cap_and_numbers_that_are_not_pay(examples: Path) -> None:
    posting = _parse(examples, "contract-mlops-remote.txt")
    pay = posting.compensation
    assert pay is not None
    assert (pay.min, pay.max, pay.currency, pay.period) == (None, 90, "USD", "hour")
    assert posting.employment_type == "contract" and posting.work_mode == "remote"
    assert posting.duration == "6 months"
    assert posting.start_date == "January 2027"
    assert posting.years_experience is not None and posting.years_experience.min == 4
    assert any("50 million subscribers" in fact for fact in posting.company_facts)


def test_html_jsonld_wins_and_chrome_is_dropped(examples: Path) -> None:
    posting = _parse(examples, "applied-scientist-jsonld.html")
    assert posting.title == "Applied Scientist, Document Intelligence"
    assert posting.company == "Quillfield AI"
    assert posting.locations[0].city == "London"
    assert posting.locations[0].country == "United Kingdom"
    pay = posting.compensation
    assert pay is not None and (pay.min, pay.max, pay.currency) == (85_000, 110_000, "GBP")
    assert posting.posted_on == dt.date(2026, 11, 2)
    assert posting.requisition_id == "QF-APS-0142"
    assert posting.source_format == "html"
    assert posting.url is not None and posting.url.startswith("https://careers.quillfield")
    assert "cookie" not in posting.description.lower()
    assert "Other roles" not in posting.description
    assert [r.kind for r in posting.requirements].count("preferred") == 3


def test_record_markdown_fields_and_questions(examples: Path) -> None:
    posting = _parse(examples, "record-product-engineer.md")
    assert posting.title == "Product Engineer, Full-Stack + ML"
    assert posting.company == "Loomcraft"
    assert posting.url == "https://jobs.loomcraft.example.io/product-engineer-fullstack-ml"
    pay = posting.compensation
    assert pay is not None and (pay.min, pay.max, pay.period) == (120_000, 150_000, "year")
    assert len(posting.application_questions) == 3
    assert posting.application_questions[0].startswith("Tell us how you have used our product")
    assert "Sam Okonkwo" not in posting.description  # the user's own notes are not the posting


def test_plain_paragraphs_without_structure(examples: Path) -> None:
    posting = _parse(examples, "junior-swe-plain.txt")
    assert posting.title == "Junior Software Engineer"
    assert posting.company == "Maplestone Software"
    assert posting.team == "Payroll Integrations"
    assert posting.seniority == "junior"
    assert posting.years_experience is not None
    assert (posting.years_experience.min, posting.years_experience.max) == (0, 2)
    assert posting.employment_type == "full_time" and posting.work_mode == "hybrid"
    pay = posting.compensation
    assert pay is not None and (pay.min, pay.max, pay.currency) == (75_000, 90_000, "CAD")
    assert posting.degree is None  # "helpful but not required"
    assert any(r.kind == "preferred" and "degree" in r.text for r in posting.requirements)
    assert posting.application_steps and "resume" in posting.application_steps[0]


@pytest.mark.parametrize(
    "name", sorted(p.name for p in (Path(__file__).parents[2] / "examples" / "postings").iterdir())
)
def test_every_example_round_trips_through_json(examples: Path, name: str) -> None:
    posting = _parse(examples, name)
    assert posting.title
    assert Posting.model_validate_json(posting.model_dump_json()) == posting
