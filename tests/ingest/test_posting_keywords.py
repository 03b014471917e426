"""The shared keyword scan answers exactly what a `str.find` loop per word answers."""

from __future__ import annotations

import random

from applykit.ingest.posting_keywords import Scan, needles
from applykit.ingest.posting_text import spans

_WORDS = ["salary", "pay", "c2c", "aa", "aba", " is a", "\nthe ", "the ", "€", "präsenz", "yr"]
_PIECES = ["a", "b", "c2", "c", "2", " ", "\n", "the", "pay", "salary", "İ", "€", "Präsenz"]
_PIECES += ["PAY", "Σ", "ı", "aba", "yr", "YEAR"]
needles(*_WORDS)


def _random_text(rng: random.Random, most: int) -> str:
    return "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, most)))


def test_spans_match_a_find_loop_on_derived_texts() -> None:
    rng = random.Random(7)
    for _ in range(3000):
        text = _random_text(rng, 40)
        prefix = _random_text(rng, 5)
        stop = rng.choice([None, 0, 3, 10, 30])
        base = Scan(text)
        derived = base.derive(prefix, stop)
        twice = derived.derive(_random_text(rng, 3), rng.choice([None, 5, 20]))
        for scan in (base, derived, twice):
            words = tuple(rng.sample([*_WORDS, "zz", "never registered"], 4))
            before, after = rng.randint(0, 5), rng.randint(0, 5)
            limit = rng.choice([400, 2, 1])
            expected = spans(scan.text.lower(), words, before, after, limit)
            assert scan.spans(words, before, after, limit) == expected


def test_self_overlapping_words_step_past_each_hit() -> None:
    scan = Scan("c2c2c and aaaa")
    assert scan.positions("c2c") == [0]
    assert scan.positions("aa") == [10, 12]
    assert scan.has_any(("zz", "aba")) is False
    assert scan.has("pay") is False


def test_a_text_whose_lower_case_is_longer_is_scanned_on_its_own() -> None:
    scan = Scan("İstanbul pay").derive("Salary: ", 20)
    assert scan.text == "Salary: İstanbul pay"
    assert scan.positions("salary") == [0]
    assert scan.positions("pay") == [len(scan.text.lower()) - 3]


def test_lower_is_str_lower() -> None:
    from applykit.ingest.posting_keywords import lower

    pieces = ["A", "b", " ", "’", "é", "É", "Σ", "ς", "İ", "ı", "ſ", "K", "ß", "€", "😀", "ΣΑ"]
    rng = random.Random(3)
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        assert lower(text) == text.lower()


def test_a_lone_surrogate_keeps_every_offset() -> None:
    text = "Salary \ud800 pay"
    scan = Scan(text)
    assert scan.positions("salary") == [0]
    assert scan.positions("pay") == [9]


def test_starts_match_a_find_loop_on_scans_derived_with_one_prefix() -> None:
    rng = random.Random(11)
    for _ in range(2000):
        text = _random_text(rng, 40)
        base = Scan(text)
        # The second derivation with the same prefix reuses the first (a remembered scan).
        scans = [base, base.derive("\n", rng.randint(0, 30)), base.derive("\n", rng.randint(0, 30))]
        for scan in scans:
            words = tuple(rng.sample(_WORDS, 3))
            expected = sorted(
                {
                    at
                    for word in words
                    for at in range(len(scan.low))
                    if scan.low.startswith(word, at)
                }
            )
            if scan.aligned():
                assert scan.starts(words) == expected


def test_merged_windows_are_posting_text_merge_windows() -> None:
    from applykit.ingest.posting_keyword_table import merge
    from applykit.ingest.posting_text import merge_windows

    rng = random.Random(5)
    for _ in range(5000):
        starts = [rng.randint(0, 40) for _ in range(rng.randint(0, 6))]
        hits = [(at, at + rng.randint(0, 9)) for at in starts]
        assert merge(list(hits)) == merge_windows(list(hits))


def test_occurrences_of_each_is_a_find_loop_per_word() -> None:
    from applykit.ingest.posting_automata import occurrences_of_each

    words = ("ab", "b", "aba", "\u20ac")
    rng = random.Random(9)
    for _ in range(2000):
        text = "".join(rng.choice(["a", "b", "ab", "\u20ac", " ", "\ud800"]) for _ in range(12))
        expected = sorted(
            (at, index)
            for index, word in enumerate(words)
            for at in range(len(text))
            if text.startswith(word, at)
        )
        found = occurrences_of_each(text, words)
        assert sorted((at, index) for index, at in found) == expected
        assert occurrences_of_each(text, words) is found  # the same text: remembered
