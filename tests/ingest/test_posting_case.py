"""`lower` and `fold` (posting_case) against `str.lower` on random mixed-script texts."""

from __future__ import annotations

import random

from applykit.ingest.posting_case import fold, lower

_PIECES = [
    *"abcXYZ \n.-’“”•éÉΣσİıſßẞǅ\u0345ΑΒ€Ω",
    "Python ",
    "ΣΑΣ ",
    "İstanbul",
    "x" * 70,
    "Senior Engineer – “Platform” • remote",
]
_TRAPS = str.maketrans({"İ": "i", "ı": "i", "ſ": "s"})


def _texts(count: int) -> list[str]:
    rng = random.Random(7)
    return ["".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 60))) for _ in range(count)]


def test_lower_is_str_lower() -> None:
    for text in _texts(20_000):
        assert lower(text) == text.lower(), repr(text)


def test_fold_maps_the_traps_then_lowers() -> None:
    for text in _texts(20_000):
        assert fold(text) == text.translate(_TRAPS).lower(), repr(text)
        assert len(fold(text)) == len(text)


def test_long_text_with_a_cased_non_ascii_letter_is_lowered_fully() -> None:
    text = "Über " * 20 + "ΣΑΣ"
    assert lower(text) == text.lower()
    assert lower(text).startswith("über")
