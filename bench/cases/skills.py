"""Skills: taxonomy load time and size, matcher speed, and strict span-F1 on SkillSpan dev.

SkillSpan (Zhang et al., NAACL 2022) dev split, HOUSE + TECH, from ../shared/data/skills/skillspan/.
A predicted span counts only when its tokens match a gold span exactly (strict span-F1), per
type (SKILL, KNOWLEDGE) and for both together. The matcher's categories map to the types:
soft skills and ESCO's verb-phrase skills ("manage staff") are SKILL, names of tools, fields and
methods ("Terraform", "A/B testing") are KNOWLEDGE, as SkillSpan annotates them.
"""

from __future__ import annotations

import gzip
import json
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from applykit.skills import SkillMention
from bench.common import REPO, SHARED_DATA, Row, median_seconds, needs_shared

SKILLSPAN = SHARED_DATA / "skills" / "skillspan"
SKILL_CATEGORIES = frozenset({"soft_skill"})
TYPES = ("SKILL", "KNOWLEDGE")


@dataclass(frozen=True)
class Sentence:
    """One CoNLL sentence: tokens and the gold spans `(type, first token, last token + 1)`."""

    tokens: list[str]
    spans: frozenset[tuple[str, int, int]]

    @property
    def text_and_offsets(self) -> tuple[str, list[int]]:
        offsets, position = [], 0
        for token in self.tokens:
            offsets.append(position)
            position += len(token) + 1
        return " ".join(self.tokens), offsets


def bio_spans(tags: list[str], kind: str) -> Iterator[tuple[str, int, int]]:
    """Spans of a BIO tag column (an I- without a B- starts a span, as conlleval does)."""
    start: int | None = None
    for index, tag in enumerate([*tags, "O"]):
        if start is not None and not tag.startswith("I-"):
            yield kind, start, index
            start = None
        if tag.startswith("B-") or (tag.startswith("I-") and start is None):
            start = index


def read_conll(path: Path) -> list[Sentence]:
    sentences: list[Sentence] = []
    rows: list[list[str]] = []
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if line.strip():
            rows.append(line.split("\t"))
            continue
        if rows:
            tokens = [row[0] for row in rows]
            spans = {*bio_spans([r[1] for r in rows], "SKILL")}
            spans |= {*bio_spans([r[2] for r in rows], "KNOWLEDGE")}
            sentences.append(Sentence(tokens, frozenset(spans)))
            rows = []
    return sentences


def read_split(split: str) -> list[Sentence]:
    needs_shared(SKILLSPAN)
    return [
        sentence
        for subset in ("house", "tech")
        for sentence in read_conll(SKILLSPAN / f"skillspan_{subset}_{split}.conll")
    ]


def is_skill_type(mention: SkillMention) -> bool:
    """SkillSpan's SKILL: soft skills and ESCO verb-phrase skills; names of things are KNOWLEDGE."""
    if mention.category in SKILL_CATEGORIES:
        return True
    return mention.category == "method" and mention.skill_id.startswith("esco:")


def matcher_spans(sentence: Sentence) -> set[tuple[str, int, int]]:
    """The taxonomy matcher's mentions as typed token spans."""
    from applykit.skills import extract_skills

    text, offsets = sentence.text_and_offsets
    token_at = {offset: index for index, offset in enumerate(offsets)}
    spans = set()
    for mention in extract_skills(text):
        first = token_at.get(mention.start)
        last = token_at.get(text.rfind(" ", 0, mention.end) + 1)
        if first is None or last is None:
            continue  # the mention starts or ends inside a token: never a strict match
        if offsets[last] + len(sentence.tokens[last]) != mention.end:
            continue
        kind = "SKILL" if is_skill_type(mention) else "KNOWLEDGE"
        spans.add((kind, first, last + 1))
    return spans


def span_scores(
    gold: Iterable[frozenset[tuple[str, int, int]]], predicted: Iterable[set[tuple[str, int, int]]]
) -> dict[str, tuple[float, float, float]]:
    """Precision, recall, F1 (in %) per type and for `ALL`, strict match."""
    counts = {kind: [0, 0, 0] for kind in (*TYPES, "ALL")}  # true positives, predicted, gold
    for gold_spans, predicted_spans in zip(gold, predicted, strict=True):
        for kind in TYPES:
            g = {s for s in gold_spans if s[0] == kind}
            p = {s for s in predicted_spans if s[0] == kind}
            for key in (kind, "ALL"):
                counts[key][0] += len(g & p)
                counts[key][1] += len(p)
                counts[key][2] += len(g)
    scores = {}
    for kind, (tp, n_pred, n_gold) in counts.items():
        precision = 100 * tp / n_pred if n_pred else 0.0
        recall = 100 * tp / n_gold if n_gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        scores[kind] = (precision, recall, f1)
    return scores


def score_rows(name: str, scores: dict[str, tuple[float, float, float]]) -> list[Row]:
    rows = []
    for kind, (precision, recall, f1) in scores.items():
        note = f"P {precision:.1f} R {recall:.1f}; SkillSpan dev (house+tech), strict"
        rows.append(Row(f"skills: {name} span-F1 {kind}", f1, "%", note))
    return rows


def _cpu_seconds(action: Callable[[], object], repeat: int = 3) -> float:
    """Median process CPU time of `action`."""
    times = []
    for _ in range(repeat):
        started = time.process_time()
        action()
        times.append(time.process_time() - started)
    return statistics.median(times)


def _load_times_cold() -> tuple[float, float, float]:
    """Medians in fresh processes: import + load (wall), load (wall), load (CPU time)."""
    code = (
        "import time; t = time.perf_counter(); from applykit.skills import load_taxonomy; "
        "u = time.perf_counter(); c = time.process_time(); load_taxonomy(); "
        "v = time.perf_counter(); print(v - t, v - u, time.process_time() - c)"
    )
    runs = [
        [
            float(x)
            for x in subprocess.run(
                [sys.executable, "-c", code], check=True, capture_output=True, text=True
            ).stdout.split()
        ]
        for _ in range(7)
    ]
    return (
        statistics.median(r[0] for r in runs),
        statistics.median(r[1] for r in runs),
        statistics.median(r[2] for r in runs),
    )


def run() -> list[Row]:
    from applykit.skills import extract_skills, load_taxonomy

    shipped = REPO / "src" / "applykit" / "data" / "skills" / "taxonomy.json.gz"
    data = json.loads(gzip.decompress(shipped.read_bytes()))
    rows = [
        Row(
            "skills: taxonomy file",
            shipped.stat().st_size / 1e6,
            "MB",
            f"{len(data['entries'])} entries, {len(data['aliases'])} aliases",
        ),
    ]
    with_import, load_only, load_cpu = _load_times_cold()
    rows += [
        Row(
            "skills: taxonomy load",
            load_only,
            "s",
            "load_taxonomy() in a fresh process, wall, median of 7; target < 0.15",
        ),
        Row("skills: taxonomy load (CPU)", load_cpu, "s", "same, process CPU time"),
        Row("skills: import + load", with_import, "s", "import applykit.skills + load_taxonomy()"),
    ]
    load_taxonomy()
    dev = read_split("dev")
    texts = [sentence.text_and_offsets[0] for sentence in dev]

    def extract_all() -> None:
        for text in texts:
            extract_skills(text)

    seconds = median_seconds(extract_all, repeat=3)
    cpu_seconds = _cpu_seconds(extract_all)
    rows += [
        Row(
            "skills: matcher speed",
            len(texts) / seconds,
            "sentences/s",
            f"{len(texts)} SkillSpan dev sentences, wall, one core; target >= 5000",
        ),
        Row(
            "skills: matcher speed (CPU)",
            len(texts) / cpu_seconds,
            "sentences/s",
            "same per CPU second (steady on a busy shared machine)",
        ),
    ]
    predicted = [matcher_spans(sentence) for sentence in dev]
    rows += score_rows("matcher", span_scores([s.spans for s in dev], predicted))
    rows += tagger_rows(dev)
    return rows


def tagger_spans(sentence: Sentence) -> set[tuple[str, int, int]]:
    from applykit.skills.tagger import label_spans, load_tagger

    return set(label_spans(load_tagger().tag(sentence.tokens)))


def tagger_rows(dev: list[Sentence]) -> list[Row]:
    """The CRF (matcher mentions as features) on the same dev split, and its speed."""
    from applykit.skills.tagger import load_tagger

    shipped = REPO / "src" / "applykit" / "data" / "skills" / "tagger.json.gz"
    if not shipped.exists():
        return []
    load_tagger()
    started = time.process_time()
    predicted = [tagger_spans(sentence) for sentence in dev]
    seconds = time.process_time() - started
    return [
        Row("skills: CRF tagger weights", shipped.stat().st_size / 1e6, "MB", "tagger.json.gz"),
        Row(
            "skills: CRF tagger speed",
            len(dev) / seconds,
            "sentences/s",
            "matcher + features + Viterbi, per CPU second, one core",
        ),
        *score_rows("CRF+matcher", span_scores([s.spans for s in dev], predicted)),
    ]
