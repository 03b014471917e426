"""Ranking 100k synthetic postings (from ../shared dev postings) for one profile:
index build time and memory, warm ranking (target < 0.5 s), and a sanity evaluation."""

from __future__ import annotations

import os
import random
import resource
import tempfile

from bench.common import EXAMPLES, SHARED_DATA, Row, median_seconds, needs_shared

CORPUS = 100_000
LEVELS = ["", "Senior ", "Junior ", "Lead "]
CITIES = ["Seattle, WA", "Austin, TX", "New York, NY", "Remote", "Chicago, IL", "Denver, CO"]


def synthetic(n: int, seed: int = 7) -> list[tuple[str, object]]:
    """n postings: each a dev posting with a level prefix, company, city and pay changed."""
    from applykit.match.rank_input import load_postings
    from applykit.models.posting import Compensation, Location

    base = load_postings([needs_shared(SHARED_DATA / "postings" / "linkedin_dev.csv")])
    rng = random.Random(seed)
    out: list[tuple[str, object]] = []
    for i in range(n):
        _, posting = base[i % len(base)]
        level = LEVELS[(i // len(base)) % len(LEVELS)]
        city = rng.choice(CITIES)
        low = rng.randrange(40, 220) * 1000
        out.append(
            (
                f"synthetic:{i}",
                posting.model_copy(
                    update={
                        "title": level + (posting.title or ""),
                        "company": f"{posting.company} {i % 997}",
                        "locations": [Location(raw=city)],
                        "work_mode": "remote" if city == "Remote" else "onsite",
                        "compensation": Compensation(
                            min=low, max=low * 1.3, currency="USD", period="year", raw=""
                        ),
                    }
                ),
            )
        )
    return out


ROLE_PROFILES: dict[str, tuple[str, list[str], list[str]]] = {
    # target posting: (title, facts written for this bench, skills). Fictional people.
    "data-scientist-berlin.txt": (
        "Data Scientist",
        [
            "Built weekly demand forecasts for a scooter-sharing marketplace with gradient "
            "boosting, cutting forecast error by 12%.",
            "Designed and analysed pricing experiments in Python and SQL for 3 cities.",
            "Built Looker dashboards that operations teams used to plan fleet moves.",
        ],
        ["Python", "SQL", "pandas", "statistics", "forecasting", "A/B testing"],
    ),
    "contract-mlops-remote.txt": (
        "MLOps Engineer",
        [
            "Migrated model training jobs from cron scripts to Kubeflow Pipelines on Kubernetes.",
            "Set up an MLflow model registry and CI/CD for model releases with GitHub Actions.",
            "Managed cloud infrastructure with Terraform and added Prometheus alerts for serving.",
        ],
        ["Kubernetes", "Terraform", "MLflow", "Docker", "CI/CD", "AWS"],
    ),
    "junior-swe-plain.txt": (
        "Junior Software Engineer",
        [
            "Built a REST API in Java with Spring Boot for a student housing app (capstone).",
            "Wrote unit tests and fixed bugs during a co-op term on a bank's payments team.",
            "Used Git, SQL and code review every day on a team of six.",
        ],
        ["Java", "Python", "SQL", "Git", "REST APIs"],
    ),
}


def _role_profile(title: str, facts: list[str], skills: list[str]) -> object:
    from applykit.models.profile import Profile

    return Profile.model_validate(
        {
            "basics": {"name": "Bench Person", "label": title},
            "work": [{"name": "Example Co", "position": title, "highlights": facts}],
            "skills": [{"name": "Core", "keywords": skills}],
        }
    )


def _sanity(example: object) -> list[Row]:
    """Role profiles must rank their role's posting first among the seven examples, and so
    must the example ML engineer for the senior ML posting (see docs/fit.md)."""
    from applykit.ingest.postings import parse_posting_file
    from applykit.match.rank import rank_postings
    from applykit.models.profile import Profile

    postings = [(p.name, parse_posting_file(p)) for p in sorted((EXAMPLES / "postings").iterdir())]
    cases = [(name, _role_profile(*spec)) for name, spec in ROLE_PROFILES.items()]
    cases.append(("senior-ml-engineer.md", example))
    hits = []
    for name, profile in cases:
        assert isinstance(profile, Profile)
        ranked = rank_postings(profile, postings).ranked
        hits.append(f"{name}: #{[r.source for r in ranked].index(name) + 1}")
    first = sum(h.endswith("#1") for h in hits)
    return [
        Row(
            "rank: sanity, role profile ranks its posting first",
            first / len(cases),
            "share",
            "; ".join(hits),
        )
    ]


def run() -> list[Row]:
    os.environ["APPLYKIT_HOME"] = tempfile.mkdtemp(prefix="applykit-bench-")
    from applykit.ingest.profiles import load_profile
    from applykit.match.embed import default_embedder
    from applykit.match.rank import build_index, rank_postings

    profile = load_profile(EXAMPLES / "profile.yaml")
    corpus = synthetic(CORPUS)
    embedder = default_embedder()
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    index = build_index(corpus, embedder=embedder)  # type: ignore[arg-type]
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rank_s = median_seconds(lambda: rank_postings(profile, index, top=20), repeat=5)
    stats = index.stats
    unique = f"{stats['unique_texts_embedded']:.0f} unique texts"
    return [
        Row("rank: index build 100k, total", stats["total_s"], "s", "fresh embedding cache"),
        Row("rank: index build, embedding", stats["embed_s"], "s", unique),
        Row("rank: index build, BM25", stats["bm25_s"], "s", "bm25s over skills + 600 chars"),
        Row("rank: index build, skills", stats["skills_s"], "s", "taxonomy extractor"),
        Row("rank: peak RSS after build", rss_after, "MiB", f"{rss_before:.0f} MiB before"),
        Row("rank: rank 100k warm, top 20 (target < 0.5)", rank_s, "s", "median of 5"),
        *_sanity(profile),
    ]
