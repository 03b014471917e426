"""Embeddings cached on disk, keyed by the model and the sha256 of the text.

One SQLite file under `<home>/cache/embeddings.sqlite`; a re-run (or a re-rank of the
same postings) embeds only texts it has not seen. An in-process dictionary sits in front
so repeated lookups in one run cost no I/O.
"""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from applykit.match.embed import Embedder

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

_SCHEMA = """
CREATE TABLE IF NOT EXISTS embedding (
    model TEXT NOT NULL,
    key TEXT NOT NULL,
    vector BLOB NOT NULL,
    PRIMARY KEY (model, key)
)
"""
_CHUNK = 500


def content_key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", errors="surrogatepass")).hexdigest()


class EmbeddingCache:
    """Vectors by (model id, content hash) in one SQLite file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._memory: dict[tuple[str, str], bytes] = {}

    @classmethod
    def default(cls) -> EmbeddingCache:
        import os

        from applykit.config import get_settings

        home = os.environ.get("APPLYKIT_HOME")
        base = Path(home).expanduser() if home else get_settings().home
        path = base / "cache" / "embeddings.sqlite"
        known = _OPEN.get(path)
        if known is None:
            known = _OPEN[path] = cls(path)
        return known

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(self.path, timeout=10)
        connection.execute(_SCHEMA)
        return connection

    def get_many(self, model: str, keys: list[str]) -> dict[str, bytes]:
        found = {k: self._memory[(model, k)] for k in keys if (model, k) in self._memory}
        missing = [k for k in dict.fromkeys(keys) if k not in found]
        if not missing or not self.path.exists():
            return found
        with self._connect() as connection:
            for start in range(0, len(missing), _CHUNK):
                chunk = missing[start : start + _CHUNK]
                marks = ",".join("?" * len(chunk))
                rows = connection.execute(
                    f"SELECT key, vector FROM embedding WHERE model = ? AND key IN ({marks})",
                    [model, *chunk],
                )
                for key, blob in rows:
                    found[key] = blob
                    self._memory[(model, key)] = blob
        connection.close()
        return found

    def put_many(self, model: str, items: dict[str, bytes]) -> None:
        if not items:
            return
        for key, blob in items.items():
            self._memory[(model, key)] = blob
        with self._connect() as connection:
            connection.executemany(
                "INSERT OR REPLACE INTO embedding (model, key, vector) VALUES (?, ?, ?)",
                [(model, key, blob) for key, blob in items.items()],
            )
        connection.close()

    def __len__(self) -> int:
        if not self.path.exists():
            return 0
        with self._connect() as connection:
            (count,) = connection.execute("SELECT COUNT(*) FROM embedding").fetchone()
        connection.close()
        return int(count)


_OPEN: dict[Path, EmbeddingCache] = {}


class CachedEmbedder(Embedder):
    """Any embedder, with its vectors remembered by content hash."""

    def __init__(self, inner: Embedder, cache: EmbeddingCache) -> None:
        self.inner = inner
        self.cache = cache
        self.model_id = inner.model_id
        self.dim = inner.dim
        self.computed = 0

    def embed_batch(self, texts: list[str]) -> NDArray[np.float32]:
        import numpy as np

        keys = [content_key(text) for text in texts]
        found = self.cache.get_many(self.model_id, keys)
        missing = list(dict.fromkeys(t for t, k in zip(texts, keys, strict=True) if k not in found))
        if missing:
            vectors = self.inner.embed_batch(missing)
            self.dim = vectors.shape[1]
            self.computed += len(missing)
            fresh = {
                content_key(text): vectors[i].astype(np.float32).tobytes()
                for i, text in enumerate(missing)
            }
            self.cache.put_many(self.model_id, fresh)
            found.update(fresh)
        if not texts:
            return np.zeros((0, self.dim or self.inner.dim), dtype=np.float32)
        rows = [np.frombuffer(found[key], dtype=np.float32) for key in keys]
        return np.vstack(rows)
