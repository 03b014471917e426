"""Train the skill-span CRF on SkillSpan train: `python scripts/train_skill_tagger.py`.

Needs python-crfsuite (a build-time tool, not a run-time dependency) and ../shared/data. Writes
`src/applykit/data/skills/tagger.json.gz`: labels, transition and state weights, and the verb list
the features use. Decoding at run time is pure Python (applykit.skills.tagger).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

import pycrfsuite

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO / "src"), str(REPO)]

from applykit.skills import extract_skills  # noqa: E402
from applykit.skills.tagger import LABELS, matcher_tags, token_features  # noqa: E402
from bench.cases.skills import SHARED_DATA, Sentence, read_split  # noqa: E402

OUT = REPO / "src" / "applykit" / "data" / "skills" / "tagger.json.gz"
MIN_VERB_USES = 3


def task_verbs() -> frozenset[str]:
    """Words that start at least MIN_VERB_USES O*NET task statements ("Develop", "Manage")."""
    path = SHARED_DATA / "taxonomy" / "onet" / "Task Statements.txt"
    counts: Counter[str] = Counter()
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            words = re.findall(r"[A-Za-z]+", row["Task"])
            if words:
                counts[words[0].lower()] += 1
    return frozenset(word for word, count in counts.items() if count >= MIN_VERB_USES)


def gold_labels(sentence: Sentence) -> list[str]:
    """One label per token; where SKILL and KNOWLEDGE overlap (rare), SKILL wins."""
    labels = ["O"] * len(sentence.tokens)
    for kind in ("KNOWLEDGE", "SKILL"):
        for span_kind, start, end in sentence.spans:
            if span_kind == kind:
                labels[start] = f"B-{kind}"
                for index in range(start + 1, end):
                    labels[index] = f"I-{kind}"
    return labels


def features_of(sentence: Sentence, verbs: frozenset[str]) -> list[list[str]]:
    mentions = extract_skills(" ".join(sentence.tokens))
    return token_features(sentence.tokens, matcher_tags(sentence.tokens, mentions), verbs)


def train(c1: float, c2: float, iterations: int, min_weight: float) -> dict[str, object]:
    verbs = task_verbs()
    trainer = pycrfsuite.Trainer(verbose=False)
    for sentence in read_split("train"):
        trainer.append(features_of(sentence, verbs), gold_labels(sentence))
    trainer.set_params(
        {
            "c1": c1,
            "c2": c2,
            "max_iterations": iterations,
            "feature.possible_transitions": True,
        }
    )
    with tempfile.TemporaryDirectory() as folder:
        model = str(Path(folder) / "skills.crfsuite")
        trainer.train(model)
        tagger = pycrfsuite.Tagger()
        tagger.open(model)
        info = tagger.info()
    index = {label: i for i, label in enumerate(LABELS)}
    transitions = [[0.0] * len(LABELS) for _ in LABELS]
    for (source, target), weight in info.transitions.items():
        transitions[index[source]][index[target]] = round(weight, 3)
    features: dict[str, list[list[float]]] = {}
    for (attribute, label), weight in info.state_features.items():
        if abs(weight) >= min_weight:
            features.setdefault(attribute, []).append([index[label], round(weight, 3)])
    return {
        "format": "applykit-skill-crf-v1",
        "trained_on": "SkillSpan train (house + tech), Zhang et al. NAACL 2022, MIT",
        "params": {"c1": c1, "c2": c2, "max_iterations": iterations, "min_weight": min_weight},
        "labels": list(LABELS),
        "transitions": transitions,
        "features": features,
        "verbs": sorted(verbs),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--c1", type=float, default=0.1)
    parser.add_argument("--c2", type=float, default=0.05)
    parser.add_argument("--iterations", type=int, default=150)
    parser.add_argument("--min-weight", type=float, default=0.01)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    data = train(args.c1, args.c2, args.iterations, args.min_weight)
    text = json.dumps(data, separators=(",", ":"))
    args.out.write_bytes(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))
    features = data["features"]
    assert isinstance(features, dict)
    print(f"wrote {args.out}: {len(features)} attributes, {args.out.stat().st_size / 1e6:.2f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
