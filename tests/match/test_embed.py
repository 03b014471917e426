from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from applykit.errors import ConfigError
from applykit.match.cache import CachedEmbedder, EmbeddingCache
from applykit.match.embed import Embedder, MiniLMEmbedder


def test_rows_are_unit_length_and_close_for_paraphrases(embedder: Embedder) -> None:
    vectors = embedder.embed_batch(
        [
            "Built recommendation models in PyTorch",
            "Trained recommender systems with PyTorch",
            "Baked sourdough bread for a farmers market",
            "",
        ]
    )
    assert vectors.shape == (4, 384)
    assert np.allclose(np.linalg.norm(vectors[:3], axis=1), 1.0, atol=1e-4)
    assert not vectors[3].any()  # an empty text is a zero row, not noise
    assert vectors[0] @ vectors[1] > 0.6 > vectors[0] @ vectors[2] + 0.3


def test_same_text_same_vector_whatever_the_batch(embedder: Embedder) -> None:
    alone = embedder.embed_batch(["Strong Python and SQL"])[0]
    mixed = embedder.embed_batch(["a much longer sentence " * 20, "Strong Python and SQL"])[1]
    assert np.allclose(alone, mixed, atol=1e-4)


def test_checksum_mismatch_is_a_clear_error(tmp_path: Path) -> None:
    fake = tmp_path / "model.onnx"
    fake.write_bytes(b"not a model")
    with pytest.raises(ConfigError) as raised:
        MiniLMEmbedder(model_path=fake).embed_batch(["x"])
    assert "checksum" in raised.value.what and raised.value.fix


def test_cache_embeds_each_text_once(embedder: Embedder, tmp_path: Path) -> None:
    cache = EmbeddingCache(tmp_path / "cache.sqlite")
    cached = CachedEmbedder(embedder, cache)
    first = cached.embed_batch(["alpha beta", "gamma delta", "alpha beta"])
    assert cached.computed == 2
    again = CachedEmbedder(embedder, EmbeddingCache(tmp_path / "cache.sqlite"))
    second = again.embed_batch(["gamma delta", "alpha beta"])
    assert again.computed == 0
    assert np.array_equal(second[1], first[0]) and len(cache) == 2
