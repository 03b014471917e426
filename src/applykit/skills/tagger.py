"""A learned skill-span tagger (linear-chain CRF) that works alongside the taxonomy matcher.

The matcher only finds names the taxonomy knows ("PyTorch", "A/B testing"). Postings also ask
for skills in free phrasing ("build partnerships with suppliers"); SkillSpan annotates those
as SKILL spans and names of tools and fields as KNOWLEDGE spans. The tagger was trained on the
SkillSpan train split by `scripts/train_skill_tagger.py` with python-crfsuite; the weights ship
as `applykit/data/skills/tagger.json.gz` and are decoded here with a small Viterbi in pure Python,
so nothing extra is needed at run time. The matcher's mentions are features of the tagger:
the two are combined, not alternatives.
"""

from __future__ import annotations

import functools
import gzip
import json
import re
from dataclasses import dataclass, replace
from importlib import resources
from typing import Any

from applykit.skills.extractor import SkillMention, extract_skills

WORD_RE = re.compile(r"\w+(?:[-'’/.]\w+)*(?:\+\+|\+|#)?|\S")
"""Tokens as SkillSpan writes them: words keep inner hyphens and apostrophes, punctuation splits."""
LABELS = ("O", "B-SKILL", "I-SKILL", "B-KNOWLEDGE", "I-KNOWLEDGE")


@dataclass(frozen=True, slots=True)
class SkillSpan:
    """A span the tagger marks as a skill (`kind` "skill") or knowledge (`kind` "knowledge").

    When the span is exactly a taxonomy mention, `mention` holds it (with its skill id).
    """

    start: int
    end: int
    text: str
    kind: str
    mention: SkillMention | None = None


def _shape(word: str) -> str:
    shape = re.sub(r"[A-Z]+", "X", word)
    shape = re.sub(r"[a-z]+", "x", shape)
    return re.sub(r"[0-9]+", "d", shape)


def matcher_tags(tokens: list[str], mentions: list[SkillMention]) -> list[str]:
    """`B-<category>`/`I-<category>` per token from matcher mentions over the joined tokens."""
    tags = ["O"] * len(tokens)
    starts, position = [], 0
    for token in tokens:
        starts.append(position)
        position += len(token) + 1
    token_index = 0
    for mention in mentions:
        kind = mention.category
        while token_index < len(tokens) and starts[token_index] + len(tokens[token_index]) <= (
            mention.start
        ):
            token_index += 1
        index, first = token_index, True
        while index < len(tokens) and starts[index] < mention.end:
            tags[index] = f"{'B' if first else 'I'}-{kind}"
            first = False
            index += 1
    return tags


def token_features(tokens: list[str], tags: list[str], verbs: frozenset[str]) -> list[list[str]]:
    """CRF attributes of every token: the word, its shape and affixes, neighbours, matcher tag."""
    lower = [token.lower() for token in tokens]
    shapes = [_shape(token) for token in tokens]
    count = len(tokens)
    features = []
    for i, word in enumerate(lower):
        token = tokens[i]
        own = [
            "b",
            f"w={word}",
            f"s3={word[-3:]}",
            f"s2={word[-2:]}",
            f"p3={word[:3]}",
            f"sh={shapes[i]}",
            f"m={tags[i]}",
        ]
        if token.istitle():
            own.append("title")
        if token.isupper() and len(token) > 1:
            own.append("upper")
        if word in verbs:
            own.append("verb")
        if i == 0:
            own.append("first")
        for offset in (-2, -1, 1, 2):
            j = i + offset
            if 0 <= j < count:
                own.append(f"w{offset}={lower[j]}")
                if offset in (-1, 1):
                    own += [f"sh{offset}={shapes[j]}", f"m{offset}={tags[j]}"]
                    if lower[j] in verbs:
                        own.append(f"verb{offset}")
            elif offset in (-1, 1):
                own.append(f"edge{offset}")
        if i > 0:
            own.append(f"bi-={lower[i - 1]}|{word}")
        if i + 1 < count:
            own.append(f"bi+={word}|{lower[i + 1]}")
        features.append(own)
    return features


class SkillTagger:
    """Viterbi decoding over the shipped CRF weights."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.labels: list[str] = data["labels"]
        self.transitions: list[list[float]] = data["transitions"]
        self.weights: dict[str, list[list[float]]] = data["features"]
        self.verbs = frozenset(data["verbs"])

    def tag(self, tokens: list[str], mentions: list[SkillMention] | None = None) -> list[str]:
        """BIO labels (see LABELS) for `tokens`; `mentions`: matcher output on the joined text."""
        if not tokens:
            return []
        if mentions is None:
            mentions = extract_skills(" ".join(tokens))
        features = token_features(tokens, matcher_tags(tokens, mentions), self.verbs)
        size = len(self.labels)
        scores = []
        for attributes in features:
            row = [0.0] * size
            for attribute in attributes:
                for label, weight in self.weights.get(attribute, ()):
                    row[int(label)] += weight
            scores.append(row)
        return [self.labels[i] for i in self._viterbi(scores)]

    def _viterbi(self, scores: list[list[float]]) -> list[int]:
        size = len(self.labels)
        best = list(scores[0])
        back: list[list[int]] = []
        for row in scores[1:]:
            pointers, current = [], []
            for label in range(size):
                options = [best[p] + self.transitions[p][label] for p in range(size)]
                previous = max(range(size), key=options.__getitem__)
                pointers.append(previous)
                current.append(options[previous] + row[label])
            back.append(pointers)
            best = current
        path = [max(range(size), key=best.__getitem__)]
        for pointers in reversed(back):
            path.append(pointers[path[-1]])
        return path[::-1]


@functools.cache
def load_tagger() -> SkillTagger:
    """The shipped CRF tagger, read once per process."""
    packed = resources.files("applykit").joinpath("data/skills/tagger.json.gz").read_bytes()
    return SkillTagger(json.loads(gzip.decompress(packed)))


def label_spans(labels: list[str]) -> list[tuple[str, int, int]]:
    """`(kind, first token, last token + 1)` for every B/I run of the labels."""
    spans: list[tuple[str, int, int]] = []
    start: int | None = None
    kind = ""
    for index, label in enumerate([*labels, "O"]):
        inside = label.startswith("I-") and start is not None and label[2:] == kind
        if start is not None and not inside:
            spans.append((kind, start, index))
            start = None
        if label.startswith("B-") or (label.startswith("I-") and start is None):
            start, kind = index, label[2:]
    return spans


SENTENCE_RE = re.compile(r"(?:[^\n.!?;•]|[.!?;](?=[^\s.!?;]))+[.!?;]*")
"""A sentence ends at a line end, a bullet, or `.!?;` before a space ("Node.js" stays whole)."""
MAX_TOKENS = 200
"""Longer runs without a sentence end are tagged in pieces of this many tokens."""


def find_skill_spans(text: str) -> list[SkillSpan]:
    """Skill and knowledge spans in `text`, sentence by sentence, matcher and tagger combined."""
    tagger = load_tagger()
    results: list[SkillSpan] = []
    for sentence in SENTENCE_RE.finditer(text):
        matches = list(WORD_RE.finditer(text, sentence.start(), sentence.end()))
        for piece in range(0, len(matches), MAX_TOKENS):
            results += _tag_piece(text, matches[piece : piece + MAX_TOKENS], tagger)
    return results


def _tag_piece(text: str, matches: list[re.Match[str]], tagger: SkillTagger) -> list[SkillSpan]:
    tokens = [match.group() for match in matches]
    labels = tagger.tag(tokens, extract_skills(" ".join(tokens)))
    begin, end = matches[0].start(), matches[-1].end()
    mentions = {
        (m.start + begin, m.end + begin): replace(m, start=m.start + begin, end=m.end + begin)
        for m in extract_skills(text[begin:end])
    }
    spans = []
    for kind, first, last in label_spans(labels):
        start, stop = matches[first].start(), matches[last - 1].end()
        spans.append(
            SkillSpan(start, stop, text[start:stop], kind.lower(), mentions.get((start, stop)))
        )
    return spans
