"""Rank many postings for one profile: hard filters first, then a score with reasons.

score = 100 x (0.35 meaning + 0.25 title + 0.25 skills + 0.15 words), where
meaning = cosine of the posting's text and the profile's facts (rescaled), title = cosine
of the posting title and the profile's titles, skills = share of the posting's skills the
profile shows (taxonomy parents count), words = BM25 of the profile's skills against the
posting's skills and opening words (divided by the best in the corpus). Embeddings come
from the content-hash cache, so a re-rank embeds nothing new. docs/fit.md explains it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from applykit.match.embed import Embedder, default_embedder
from applykit.match.pay import YearlyPay, yearly_pay
from applykit.match.profile_items import collect_items
from applykit.match.rank_filters import filter_reasons, merge_filters
from applykit.match.skillgraph import SkillGraph, default_graph
from applykit.match.text import words
from applykit.models.fit import RankedPosting, RankFilters, RankResult
from applykit.models.posting import Posting
from applykit.models.profile import Profile

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

WEIGHTS = {"semantic": 0.35, "title": 0.25, "skills": 0.25, "lexical": 0.15}
EMBED_CHARS = 1200
BM25_CHARS = 600


@dataclass
class PostingIndex:
    """Postings ready to rank: vectors, skills, BM25 and pay, built once."""

    sources: list[str]
    postings: list[Posting]
    vectors: NDArray[np.float32]
    title_vectors: NDArray[np.float32]
    skills: list[dict[str, int]]  # canonical (lower) → mentions, per posting
    names: dict[str, str]  # canonical (lower) → display name
    pay: list[YearlyPay | None]
    bm25: Any
    skill_vocab: list[str] = field(default_factory=list)
    skill_indptr: Any = None
    skill_indices: Any = None
    currency: str = "USD"
    stats: dict[str, float] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.postings)


def embedding_text(posting: Posting) -> str:
    """What a posting is about, for its vector: title, then requirements and duties,
    else its description (the model reads about 256 tokens)."""
    parts = [posting.title or ""]
    stack = list(posting.requirements)
    while stack:
        requirement = stack.pop(0)
        parts.append(requirement.text)
        stack.extend(requirement.children)
    parts += posting.responsibilities
    if len(parts) < 3:
        parts.append(posting.description)
    return ". ".join(p for p in parts if p)[:EMBED_CHARS]


def _bm25_text(embedded: str, counts: dict[str, int], names: dict[str, str]) -> str:
    """A short document for word matching: the posting's skills (up to 3 times each, as
    often as it names them) and the start of the text it was embedded from."""
    named = " ".join(" ".join([names[key]] * min(count, 3)) for key, count in counts.items())
    return f"{named} {embedded[:BM25_CHARS]}"


def _full_text(posting: Posting) -> str:
    if posting.description:
        return f"{posting.title or ''}\n{posting.description}"
    return embedding_text(posting)


def build_index(
    postings: list[tuple[str, Posting]],
    *,
    embedder: Embedder | None = None,
    graph: SkillGraph | None = None,
    currency: str = "USD",
) -> PostingIndex:
    """Embed (through the cache), extract skills and index words for every posting."""
    import time

    import bm25s
    import numpy as np

    embedder = embedder or default_embedder()
    graph = graph or default_graph()
    started = time.perf_counter()
    texts = [embedding_text(p) for _, p in postings]
    titles = [p.title or "" for _, p in postings]
    unique = list(dict.fromkeys(texts + titles))
    vectors_by_text = dict(zip(unique, embedder.embed_batch(unique), strict=True)) if unique else {}
    embedded = time.perf_counter()
    dim = embedder.dim or 384
    empty = np.zeros(dim, dtype=np.float32)
    vectors = (
        np.vstack([vectors_by_text.get(t, empty) for t in texts])
        if texts
        else np.zeros((0, dim), np.float32)
    )
    title_vectors = (
        np.vstack([vectors_by_text.get(t, empty) for t in titles])
        if titles
        else np.zeros((0, dim), np.float32)
    )
    skills: list[dict[str, int]] = []
    names: dict[str, str] = {}
    extracted: dict[tuple[str | None, str], dict[str, int]] = {}
    for (_, posting), embedded_text in zip(postings, texts, strict=True):
        # Keyed by the posting's own strings: no copy of 100k descriptions is kept.
        key = (posting.title, posting.description or embedded_text)
        if key not in extracted:
            counts: dict[str, int] = {}
            text = _full_text(posting)[:20000]
            for ref in [*posting.skills, *graph.extract(text)]:
                if graph.is_broad(ref.canonical):
                    continue
                skill = ref.canonical.lower()
                counts[skill] = counts.get(skill, 0) + 1
                names.setdefault(skill, ref.canonical)
            extracted[key] = counts
        skills.append(extracted[key])
    skilled = time.perf_counter()
    vocab: dict[str, int] = {}
    indptr = [0]
    indices: list[int] = []
    for counts in skills:
        indices.extend(vocab.setdefault(skill, len(vocab)) for skill in counts)
        indptr.append(len(indices))
    retriever = bm25s.BM25()
    documents = [
        _bm25_text(text, counts, names) for text, counts in zip(texts, skills, strict=True)
    ]
    retriever.index(
        bm25s.tokenize(documents, stopwords="en", show_progress=False), show_progress=False
    )
    done = time.perf_counter()
    index = PostingIndex(
        sources=[s for s, _ in postings],
        postings=[p for _, p in postings],
        vectors=vectors,
        title_vectors=title_vectors,
        skills=skills,
        names=names,
        pay=[yearly_pay(p.compensation, currency=currency) for _, p in postings],
        bm25=retriever,
        skill_vocab=list(vocab),
        skill_indptr=np.asarray(indptr, dtype=np.int64),
        skill_indices=np.asarray(indices, dtype=np.int64),
        currency=currency,
    )
    index.stats = {
        "postings": len(postings),
        "unique_texts_embedded": len(unique),
        "embed_s": embedded - started,
        "skills_s": skilled - embedded,
        "bm25_s": done - skilled,
        "total_s": time.perf_counter() - started,
    }
    return index


@dataclass
class ProfileQuery:
    vector: NDArray[np.float32]
    title_vector: NDArray[np.float32]
    skills: dict[str, str]
    bm25_tokens: list[str]


def profile_query(profile: Profile, embedder: Embedder, graph: SkillGraph) -> ProfileQuery:
    """The profile as a query: mean of its facts, its titles, its skills."""
    import numpy as np

    from applykit.match.embed import normalize_rows

    items = collect_items(profile, graph)
    facts = [i.text for i in items if i.kind in ("fact", "summary", "project")]
    titles = [t for t in [profile.basics.label, *(w.position for w in profile.work[:3])] if t]
    vectors = (
        embedder.embed_batch(facts + titles) if facts or titles else np.zeros((1, 384), np.float32)
    )
    fact_part = vectors[: len(facts)] if facts else vectors
    title_part = vectors[len(facts) :] if titles else vectors
    skills = {k: v for item in items for k, v in item.skills.items() if not graph.is_broad(v)}
    names = " ".join(skills.values()) + " " + " ".join(titles)
    tokens = [w for w in words(names) if len(w) > 1]
    return ProfileQuery(
        vector=normalize_rows(fact_part.mean(axis=0, keepdims=True))[0],
        title_vector=normalize_rows(title_part.mean(axis=0, keepdims=True))[0],
        skills=skills,
        bm25_tokens=list(dict.fromkeys(tokens)),
    )


def _covered(skill: str, query: ProfileQuery, graph: SkillGraph, cache: dict[str, bool]) -> bool:
    if skill not in cache:
        cache[skill] = skill in query.skills or any(
            skill in {a.lower() for a in graph.ancestors(name)} for name in query.skills.values()
        )
    return cache[skill]


def _bm25_scores(index: PostingIndex, tokens: list[str]) -> NDArray[np.float32]:
    import numpy as np

    known = [t for t in tokens if t in index.bm25.vocab_dict]
    if not known or not len(index):
        return np.zeros(len(index), dtype=np.float32)
    scores: NDArray[np.float32] = np.asarray(index.bm25.get_scores(known), dtype=np.float32)
    top = float(scores.max())
    return scores / top if top > 0 else scores


def rank_postings(
    profile: Profile,
    postings: list[tuple[str, Posting]] | PostingIndex,
    *,
    filters: RankFilters | None = None,
    top: int | None = None,
    embedder: Embedder | None = None,
    graph: SkillGraph | None = None,
) -> RankResult:
    """Filter, score and explain `postings` for `profile`, best first. Deterministic:
    equal scores keep the input order."""
    import numpy as np

    embedder = embedder or default_embedder()
    graph = graph or default_graph()
    merged = merge_filters(profile.preferences, filters)
    index = (
        postings
        if isinstance(postings, PostingIndex)
        else build_index(postings, embedder=embedder, graph=graph, currency=merged.pay_currency)
    )
    query = profile_query(profile, embedder, graph)
    n = len(index)
    semantic = np.clip((index.vectors @ query.vector - 0.1) / 0.6, 0, 1) if n else np.zeros(0)
    title = (
        np.clip((index.title_vectors @ query.title_vector - 0.2) / 0.6, 0, 1) if n else np.zeros(0)
    )
    lexical = _bm25_scores(index, query.bm25_tokens)
    covered: dict[str, bool] = {}
    mask = np.asarray(
        [_covered(s, query, graph, covered) for s in index.skill_vocab], dtype=np.float32
    )
    lengths = np.diff(index.skill_indptr)
    hits = np.concatenate([[0.0], np.cumsum(mask[index.skill_indices])])
    found = hits[index.skill_indptr[1:]] - hits[index.skill_indptr[:-1]]
    overlap = np.where(lengths > 0, found / np.maximum(lengths, 1), 0.0)
    total = (
        WEIGHTS["semantic"] * semantic
        + WEIGHTS["title"] * title
        + WEIGHTS["skills"] * overlap
        + WEIGHTS["lexical"] * lexical
    )
    scores = np.rint(100 * total).astype(int)
    order = np.lexsort((np.arange(n), -total)) if n else np.zeros(0, dtype=int)
    ranked: list[RankedPosting] = []
    filtered: list[RankedPosting] = []
    for i in order.tolist():
        if top is not None and len(ranked) >= top:
            break  # postings below the shown ones are neither shown nor explained
        posting = index.postings[i]
        reasons = filter_reasons(posting, index.pay[i], merged)
        counts = index.skills[i]
        matched = [
            index.names[s] for s in sorted(counts, key=lambda s: (-counts[s], s)) if covered.get(s)
        ]
        missing = [
            index.names[s]
            for s in sorted(counts, key=lambda s: (-counts[s], s))
            if not covered.get(s)
        ]
        pay = index.pay[i]
        entry = RankedPosting(
            score=int(scores[i]),
            source=index.sources[i],
            title=posting.title,
            company=posting.company,
            location="; ".join(loc.raw for loc in posting.locations) or None,
            work_mode=posting.work_mode,
            pay=pay.label() if pay else None,
            yearly_pay_max=pay.best if pay else None,
            semantic=round(float(semantic[i]), 3),
            title_similarity=round(float(title[i]), 3),
            skill_overlap=round(float(overlap[i]), 3),
            lexical=round(float(lexical[i]), 3),
            matched_skills=matched[:8],
            missing_skills=missing[:8],
            reasons=_reasons(matched, len(counts), float(title[i]), float(semantic[i])),
            top_gap=missing[0] if missing else None,
            filtered_out=reasons,
        )
        if reasons:
            filtered.append(entry)
        else:
            entry.rank = len(ranked) + 1
            ranked.append(entry)
    return RankResult(
        candidate=profile.basics.name, total=n, filters=merged, ranked=ranked, filtered=filtered
    )


def _reasons(matched: list[str], total: int, title: float, semantic: float) -> list[str]:
    reasons = []
    if matched:
        reasons.append(f"skills you show: {', '.join(matched[:4])} ({len(matched)} of {total})")
    if title >= 0.7:
        reasons.append("title close to yours")
    if semantic >= 0.6:
        reasons.append("duties close to your facts")
    return reasons or ["little in common with your profile"]
