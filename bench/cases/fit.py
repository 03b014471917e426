"""Fit report speed (warm, target < 50 ms) and embedding throughput vs the raw model."""

from __future__ import annotations

import os
import statistics
import tempfile
import time

from bench.common import EXAMPLES, Row, median_seconds


def _sentences() -> list[str]:
    from applykit.ingest.postings import parse_posting_file
    from applykit.ingest.profiles import load_profile

    profile = load_profile(EXAMPLES / "profile.yaml")
    texts = [fact.text for fact in profile.facts()]
    for path in sorted((EXAMPLES / "postings").iterdir()):
        posting = parse_posting_file(path)
        texts += posting.responsibilities + [r.text for r in posting.requirements]
    return texts


def run() -> list[Row]:
    os.environ["APPLYKIT_HOME"] = tempfile.mkdtemp(prefix="applykit-bench-")
    from applykit.ingest.postings import parse_posting_file
    from applykit.ingest.profiles import load_profile
    from applykit.match.embed import MiniLMEmbedder
    from applykit.match.fit import analyze_fit

    profile = load_profile(EXAMPLES / "profile.yaml")
    posting = parse_posting_file(EXAMPLES / "postings" / "senior-ml-engineer.md")
    start = time.perf_counter()
    analyze_fit(profile, posting)
    cold = time.perf_counter() - start
    warm = median_seconds(lambda: analyze_fit(profile, posting), repeat=9)
    rows = [
        Row("fit: report, cold (model load + embed)", cold, "s", "senior-ml-engineer.md"),
        Row("fit: report, warm (target < 0.05)", warm, "s", "median of 9, embeddings cached"),
    ]
    rows.append(_swap_sanity(profile, posting))
    model = MiniLMEmbedder()
    texts = _sentences() * 2
    model.embed_batch(texts[:8])
    batches = model.batches(texts)  # the same batches embed_batch runs

    def raw() -> None:
        for _, ids, mask in batches:
            model.run_model(ids, mask)

    full_times, raw_times = [], []
    for _ in range(3):  # interleaved, so load from other processes hits both alike
        full_times.append(median_seconds(lambda: model.embed_batch(texts), repeat=1, warmup=0))
        raw_times.append(median_seconds(raw, repeat=1, warmup=0))
    full, raw_s = statistics.median(full_times), statistics.median(raw_times)
    rows += [
        Row(
            "embed: sentences/s, embed_batch",
            len(texts) / full,
            "1/s",
            f"{len(texts)} sentences, threads={model.threads}",
        ),
        Row("embed: sentences/s, raw model only", len(texts) / raw_s, "1/s", "same batches"),
        Row(
            "embed: share of raw speed (target >= 0.7)",
            raw_s / full,
            "ratio",
            "tokenise + pool + normalise",
        ),
    ]
    return rows


SWAP_SKILLS = ["Kubernetes", "Airflow", "Docker", "SQL", "Spark", "PyTorch"]


def _swap_sanity(profile: object, posting: object) -> Row:
    """Remove one skill at a time from the profile (facts and skills list): only the
    requirements that name it may change (one that offers alternatives may stay met)."""
    from applykit.match.fit import analyze_fit
    from applykit.models.posting import Posting
    from applykit.models.profile import Profile

    assert isinstance(profile, Profile) and isinstance(posting, Posting)
    before = analyze_fit(profile, posting)
    clean = 0
    notes: list[str] = []
    for skill in SWAP_SKILLS:
        without = profile.model_copy(deep=True)
        for entry in [*without.work, *without.projects]:
            for fact in entry.highlights:
                fact.text = fact.text.replace(skill, "our tools")
                fact.skills = [
                    s for s in fact.skills if skill.lower() not in f"{s.name} {s.canonical}".lower()
                ]
        for group in without.skills:
            group.keywords = [k for k in group.keywords if k != skill]
        after = analyze_fit(without, posting)
        changed = {
            b.requirement_id
            for b, a in zip(before.requirements, after.requirements, strict=True)
            if b.status != a.status
        }
        naming = {r.requirement_id for r in before.requirements if skill.lower() in r.text.lower()}
        clean += changed <= naming
        notes.append(f"{skill}: {','.join(sorted(changed)) or 'none'}")
    return Row(
        "fit: sanity, removing a skill changes only its requirements",
        clean / len(SWAP_SKILLS),
        "share",
        "changed: " + "; ".join(notes),
    )
