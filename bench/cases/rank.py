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


def _sanity(profile: object) -> list[Row]:
    """Role-targeted profiles must rank their role's postings first (see docs/fit.md)."""
    from applykit.ingest.postings import parse_posting_file
    from applykit.match.rank import rank_postings
    from applykit.models.profile import Profile

    assert isinstance(profile, Profile)
    postings = [(p.name, parse_posting_file(p)) for p in sorted((EXAMPLES / "postings").iterdir())]
    targets = {
        "data-scientist-berlin.txt": (
            "Data Scientist",
            ["statistics", "A/B testing", "SQL", "Python", "forecasting"],
        ),
        "contract-mlops-remote.txt": (
            "MLOps Engineer",
            ["Kubernetes", "Terraform", "MLflow", "CI/CD", "Docker"],
        ),
        "junior-swe-plain.txt": (
            "Junior Software Engineer",
            ["JavaScript", "Git", "React", "SQL", "testing"],
        ),
        "senior-ml-engineer.md": (
            "Senior Machine Learning Engineer",
            ["PyTorch", "fraud detection", "Kubernetes", "Airflow", "AWS"],
        ),
    }
    hits = 0
    for name, (label, skills) in targets.items():
        focused = profile.model_copy(deep=True)
        focused.basics.label = label
        focused.skills = [type(profile.skills[0])(name="Core", keywords=skills)]
        for work in focused.work:
            work.position = label
        ranked = rank_postings(focused, postings).ranked
        hits += ranked[0].source == name
    return [
        Row(
            "rank: sanity, role profile ranks its posting first",
            hits / len(targets),
            "share",
            f"{hits} of {len(targets)} role-focused profiles",
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
        Row("rank: index build, BM25", stats["bm25_s"], "s", "bm25s, 4,000 chars a posting"),
        Row("rank: index build, skills", stats["skills_s"], "s", "taxonomy extractor"),
        Row("rank: peak RSS after build", rss_after, "MiB", f"{rss_before:.0f} MiB before"),
        Row("rank: rank 100k warm, top 20 (target < 0.5)", rank_s, "s", "median of 5"),
        *_sanity(profile),
    ]
