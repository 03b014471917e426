from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from applykit.errors import InputError
from applykit.match.cache import CachedEmbedder, EmbeddingCache
from applykit.match.embed import Embedder
from applykit.match.pay import convert, yearly_pay
from applykit.match.rank import rank_postings
from applykit.match.rank_filters import filter_reasons
from applykit.match.rank_input import load_postings
from applykit.models.fit import RankFilters
from applykit.models.posting import Compensation, Location, Posting
from applykit.models.profile import Profile

ROWS = [
    {
        "title": "Machine Learning Engineer",
        "company_name": "Orbit Labs",
        "location": "Seattle, WA",
        "description": "Train and deploy recommender models in PyTorch; Python, SQL, Kubernetes.",
        "min_salary": "150000",
        "max_salary": "190000",
        "pay_period": "YEARLY",
        "currency": "USD",
        "formatted_work_type": "Full-time",
        "remote_allowed": "1",
        "formatted_experience_level": "Mid-Senior level",
    },
    {
        "title": "Registered Nurse, Night Shift",
        "company_name": "Valley Hospital",
        "location": "Fresno, CA",
        "description": "Provide patient care, administer medication, and chart in Epic.",
        "min_salary": "45",
        "max_salary": "60",
        "pay_period": "HOURLY",
        "currency": "USD",
        "formatted_work_type": "Full-time",
        "remote_allowed": "",
        "formatted_experience_level": "Entry level",
    },
    {
        "title": "Data Scientist, Experimentation",
        "company_name": "Orbit Labs Inc.",
        "location": "Remote",
        "description": "Design A/B tests, analyse results in Python and SQL, build forecasts.",
        "min_salary": "4000",
        "max_salary": "5000",
        "pay_period": "MONTHLY",
        "currency": "EUR",
        "formatted_work_type": "Contract",
        "remote_allowed": "1",
        "formatted_experience_level": "Associate",
    },
]


@pytest.fixture
def postings_csv(tmp_path: Path) -> Path:
    path = tmp_path / "postings.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(ROWS[0]))
        writer.writeheader()
        writer.writerows(ROWS)
    return path


def test_pay_is_normalised_to_a_year() -> None:
    hourly = yearly_pay(Compensation(min=45, max=60, currency="USD", period="hour", raw=""))
    assert hourly is not None and (hourly.low, hourly.high) == (93600, 124800)
    monthly = yearly_pay(Compensation(min=4000, currency="EUR", period="month", raw=""))
    assert monthly is not None and monthly.low == pytest.approx(4000 * 12 * 1.08)
    assert yearly_pay(Compensation(min=1, currency="XYZ", raw="")) is None
    with pytest.raises(InputError):
        convert(1, "USD", "XYZ")


def test_csv_rows_become_postings(postings_csv: Path) -> None:
    loaded = load_postings([postings_csv])
    assert [s for s, _ in loaded] == ["postings.csv:2", "postings.csv:3", "postings.csv:4"]
    nurse = loaded[1][1]
    assert nurse.compensation is not None and nurse.compensation.period == "hour"
    assert loaded[0][1].work_mode == "remote" and loaded[2][1].employment_type == "contract"


def test_filters_say_why() -> None:
    posting = Posting(
        title="Senior Data Engineer",
        company="Globex, Inc.",
        locations=[Location(raw="Austin, TX")],
        work_mode="onsite",
        employment_type="contract",
        compensation=Compensation(min=50, max=60, currency="USD", period="hour", raw=""),
    )
    filters = RankFilters(
        locations=["Seattle"],
        remote_only=True,
        min_yearly_pay=150000,
        seniority=["junior", "mid"],
        employment_types=["full-time"],
        exclude_companies=["globex"],
    )
    reasons = filter_reasons(posting, yearly_pay(posting.compensation), filters)
    assert len(reasons) == 6
    assert any("124,800" in r for r in reasons)  # 60/h x 2080
    assert filter_reasons(posting, yearly_pay(posting.compensation), RankFilters()) == []


def test_rank_orders_by_fit_filters_and_reuses_the_cache(
    postings_csv: Path, example_profile: Profile, embedder: Embedder, tmp_path: Path
) -> None:
    cached = CachedEmbedder(embedder, EmbeddingCache(tmp_path / "e.sqlite"))
    postings = load_postings([postings_csv])
    result = rank_postings(example_profile, postings, embedder=cached)
    titles = [r.title for r in result.ranked]
    assert titles[-1] == "Registered Nurse, Night Shift"
    assert result.ranked[0].score > result.ranked[-1].score
    assert result.ranked[0].matched_skills and result.ranked[0].reasons
    computed = cached.computed
    filtered = rank_postings(
        example_profile,
        postings,
        embedder=cached,
        filters=RankFilters(min_yearly_pay=130000, exclude_companies=["Orbit Labs"]),
    )
    assert cached.computed == computed  # nothing re-embedded
    assert filtered.ranked == []
    why = {r.title: r.filtered_out for r in filtered.filtered}
    assert any("excluded" in w for w in why["Machine Learning Engineer"])
    assert any("under your" in w for w in why["Registered Nurse, Night Shift"])
    again = rank_postings(example_profile, postings, embedder=cached)
    assert json.loads(again.model_dump_json()) == json.loads(result.model_dump_json())


def test_tracked_applications_can_be_ranked(
    example_profile: Profile, embedder: Embedder, tmp_path: Path
) -> None:
    from applykit.match.rank_input import load_tracked_postings
    from applykit.models.application import Application
    from applykit.store.repository import open_repository

    with open_repository() as repository:
        repository.add_application(
            Application(
                company="Orbit Labs",
                position="Machine Learning Engineer",
                location="Remote",
                job_description="We need PyTorch, Python, Kubernetes and recommender systems.",
            )
        )
        repository.add_application(
            Application(
                company="Valley Hospital",
                position="Registered Nurse",
                job_description="Patient care, medication administration, charting in Epic.",
            )
        )
    tracked = load_tracked_postings()
    assert [s for s, _ in tracked] == ["tracker:1", "tracker:2"]
    cached = CachedEmbedder(embedder, EmbeddingCache(tmp_path / "e.sqlite"))
    result = rank_postings(example_profile, tracked, embedder=cached)
    assert [r.company for r in result.ranked] == ["Orbit Labs", "Valley Hospital"]


def test_jsonl_accepts_postings_and_rows_and_rejects_garbage(tmp_path: Path) -> None:
    path = tmp_path / "postings.jsonl"
    posting = Posting(title="ML Engineer", company="Orbit", description="PyTorch and Python.")
    path.write_text(
        posting.model_dump_json() + "\n\n" + json.dumps(ROWS[1]) + "\n", encoding="utf-8"
    )
    loaded = load_postings([path])
    assert [(s, p.title) for s, p in loaded] == [
        ("postings.jsonl:1", "ML Engineer"),
        ("postings.jsonl:3", "Registered Nurse, Night Shift"),
    ]
    path.write_text('{"title": "ok"}\nnot json\n', encoding="utf-8")
    with pytest.raises(InputError) as raised:
        load_postings([path])
    assert raised.value.where and raised.value.where.endswith(":2")
