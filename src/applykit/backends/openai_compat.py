"""Any OpenAI-compatible chat server: Ollama, vLLM, llama.cpp server, OpenAI itself.

Settings: APPLYKIT_OPENAI_BASE_URL, APPLYKIT_OPENAI_MODEL, APPLYKIT_OPENAI_API_KEY,
APPLYKIT_OPENAI_TIMEOUT_S, APPLYKIT_OPENAI_MAX_RETRIES.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

from applykit.backends.base import Availability, Backend, BackendOptions, Prompt
from applykit.backends.hookspecs import hookimpl
from applykit.errors import BackendUnavailable, ConfigError

if TYPE_CHECKING:
    import openai

_LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", "0.0.0.0", "host.docker.internal"}
_NO_KEY = "no-key-needed"


def messages_for(prompt: Prompt, schema: dict[str, object] | None) -> list[dict[str, str]]:
    """Chat messages for a prompt; a schema is stated in the system message too."""
    system = prompt.system
    if schema is not None:
        system += "\n\nReply with JSON only, matching this JSON Schema:\n" + json.dumps(schema)
    messages = []
    if system.strip():
        messages.append({"role": "system", "content": system.strip()})
    messages.append({"role": "user", "content": prompt.user})
    return messages


class OpenAICompatBackend(Backend):
    name = "openai"
    description = "an OpenAI-compatible server (Ollama, vLLM, llama.cpp server, OpenAI)"

    @property
    def model_name(self) -> str | None:
        return self.settings.openai_model

    @property
    def base_url(self) -> str:
        return self.settings.openai_base_url.rstrip("/")

    def _is_local(self) -> bool:
        return (urlparse(self.base_url).hostname or "") in _LOCAL_HOSTS

    def api_key(self) -> str:
        """The configured key; a local server may run without one, a remote one may not."""
        key = self.settings.openai_api_key
        if key:
            return key
        if self._is_local():
            return _NO_KEY
        raise ConfigError(
            f"no API key for the OpenAI-compatible server at {self.base_url}",
            where="APPLYKIT_OPENAI_API_KEY",
            fix="export APPLYKIT_OPENAI_API_KEY=<your key>, or point APPLYKIT_OPENAI_BASE_URL "
            "at a local server such as Ollama (http://127.0.0.1:11434/v1)",
        )

    def client(self) -> openai.OpenAI:
        import openai

        return openai.OpenAI(
            base_url=self.base_url,
            api_key=self.api_key(),
            timeout=self.settings.openai_timeout_s,
            max_retries=self.settings.openai_max_retries,
        )

    def check(self) -> Availability:
        import httpx

        base = super().check()
        try:
            headers = {"Authorization": f"Bearer {self.api_key()}"}
        except ConfigError as error:
            return base.model_copy(update={"available": False, "reason": error.what})
        try:
            response = httpx.get(f"{self.base_url}/models", headers=headers, timeout=2.0)
        except httpx.ConnectError:
            reason = f"no server is listening at {self.base_url} (connection refused)"
            return base.model_copy(update={"available": False, "reason": reason})
        except httpx.TimeoutException:
            reason = f"the server at {self.base_url} did not answer within 2 s"
            return base.model_copy(update={"available": False, "reason": reason})
        except httpx.HTTPError as error:
            reason = f"cannot reach {self.base_url}: {type(error).__name__}"
            return base.model_copy(update={"available": False, "reason": reason})
        if response.status_code in (401, 403):
            reason = f"the server at {self.base_url} refused the API key ({response.status_code})"
            return base.model_copy(update={"available": False, "reason": reason})
        return base.model_copy(
            update={"reason": f"server at {self.base_url}, model {self.settings.openai_model}"}
        )

    def stream(
        self, prompt: Prompt, options: BackendOptions, schema: dict[str, object] | None = None
    ) -> Iterator[str]:
        import openai

        request: dict[str, Any] = {
            "model": self.settings.openai_model,
            "messages": messages_for(prompt, schema),
            "max_tokens": options.max_tokens,
            "temperature": options.temperature,
            "stream": True,
        }
        if options.seed is not None:
            request["seed"] = options.seed
        if schema is not None:
            request["response_format"] = {"type": "json_object", "schema": schema}
        where = f"{self.base_url} (model {self.settings.openai_model})"
        try:
            for chunk in self.client().chat.completions.create(**request):
                if chunk.choices and chunk.choices[0].delta.content:
                    yield chunk.choices[0].delta.content
        except openai.APITimeoutError as error:
            raise BackendUnavailable(
                f"the server timed out after {self.settings.openai_timeout_s:g} s",
                where=where,
                fix="raise APPLYKIT_OPENAI_TIMEOUT_S, or use a smaller model",
            ) from error
        except openai.APIConnectionError as error:
            raise BackendUnavailable(
                "connection refused: no OpenAI-compatible server answered",
                where=where,
                fix="start the server (e.g. `ollama serve`) or set APPLYKIT_OPENAI_BASE_URL",
            ) from error
        except openai.AuthenticationError as error:
            raise ConfigError(
                "the server rejected the API key",
                where=where,
                fix="check APPLYKIT_OPENAI_API_KEY",
            ) from error
        except openai.NotFoundError as error:
            raise ConfigError(
                f"the server does not know the model '{self.settings.openai_model}'",
                where=where,
                fix="set APPLYKIT_OPENAI_MODEL to a model the server lists at /v1/models",
            ) from error
        except openai.APIStatusError as error:
            raise BackendUnavailable(
                f"the server answered HTTP {error.status_code}",
                where=where,
                fix="check the server's log",
            ) from error


@hookimpl
def register_backends(register: object) -> None:
    register(OpenAICompatBackend)  # type: ignore[operator]
