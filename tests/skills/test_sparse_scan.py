"""The sparse scan finds exactly what the full pass over every token finds."""

from __future__ import annotations

import random

import pytest

from applykit.skills import extract_skills, load_taxonomy
from applykit.skills.extractor import _block_spans, _sparse_spans
from applykit.skills.skeleton import alias_index, needs_full_pass, skeleton_words
from applykit.skills.taxonomy import FLAG_BITS, taxonomy_from_data

WORDS = " ".join(
    [
        "Go go R r R&D Python python Spark spark jobs Excel excel C C++ c++ C# F# c/c++",
        "/ , . ; : ( ) • | “ ” ’ – - _ + ++ # & @",
        "and or with in using of like to market the Apache SQL sql Machine learning",
        "Node.js .NET . NET node js A/B testing Julia German programming language",
        "K8s Kubernetes scikit-learn Onboarding TensorFlow ML AI data science",
        "Data Science communication skills written verbal attention to detail",
        "experience in understanding of manage staff Terraform AWS 5+ years",
        "Σ ς ß Straße café naïve é ﬁ ǅ μC/OS @Formula 1940’s \u0130 \u212a",
    ]
).split(" ")
GAPS = ["", " ", " ", " ", "  ", ", ", "\n", ".\n", "\t", "-", "\u00a0", "\u2003"]


def random_text(rng: random.Random) -> str:
    return "".join(
        rng.choice(WORDS) + rng.choice(GAPS) for _ in range(rng.randint(0, rng.choice([5, 40])))
    )


def test_sparse_equals_full_on_random_texts() -> None:
    taxonomy = load_taxonomy()
    rng = random.Random(20261123)
    checked = 0
    for _ in range(3000):
        text = random_text(rng)
        if needs_full_pass(text):
            continue
        full = _block_spans(text, 0, len(text), taxonomy)
        assert _sparse_spans(text, 0, len(text), taxonomy) == full, text
        checked += 1
    assert checked > 2000


@pytest.mark.parametrize(
    "text",
    [
        "Experience with Go, Rust and Python.",
        "Go to market with R&D.",
        "Built services in .NET and ASP . NET",
        "Use C/C++ and C#, c+++ and F#x.",
        "Onboarding new hires.\nManage staff; written and verbal communication skills",
        "- Excel\n- Spark jobs\n* statistical computing in R",
        "μC/OS, @Formula and @ Formula",
        "",
        "   ",
        "Python" * 1000,
    ],
)
def test_sparse_equals_full_on_edge_texts(text: str) -> None:
    taxonomy = load_taxonomy()
    full = _block_spans(text, 0, len(text), taxonomy)
    assert _sparse_spans(text, 0, len(text), taxonomy) == full


def test_a_kelvin_sign_takes_the_full_pass() -> None:
    text = "\u212aubernetes and Python"
    assert needs_full_pass(text)
    assert [m.skill_id for m in extract_skills(text)] == ["kubernetes", "python"]


def test_skeleton_words_drop_punctuation_and_non_ascii() -> None:
    assert skeleton_words("C/C++, Node.js; naïve-Bayes") == [
        b"c",
        b"c",
        b"node",
        b"js",
        b"na",
        b"ve",
        b"bayes",
    ]


def test_a_taxonomy_with_a_key_of_no_ascii_word_uses_the_full_pass() -> None:
    data = {
        "format": "applykit-skills-v2",
        "entries": ["tea\tお茶\tother\t\t0\tcurated\tお茶", "py\tPython\tlanguage\t\t0\tcurated\t"],
        "aliases": {"お茶": 0 << FLAG_BITS, "python": 1 << FLAG_BITS},
        "first": {"お茶": 2, "python": 2},
        "cased": {},
        "context": {},
    }
    taxonomy = taxonomy_from_data(data)
    assert not alias_index(taxonomy).complete
    assert [m.skill_id for m in extract_skills("お茶 and Python", taxonomy)] == ["tea", "py"]
