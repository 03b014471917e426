"""The language-model seam: one abstract backend, its options, prompts and results.

A backend turns a `Prompt` into text, streamed piece by piece. Backends that need a model
(`openai`, `llamacpp`) write from the prompt's messages; the `grounded` backend writes from the
prompt's `plan` (facts chosen from the profile and posting) without any model.
"""

from __future__ import annotations

import time
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator
from typing import ClassVar, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from applykit.config import Settings
from applykit.errors import BackendUnavailable
from applykit.models.documents import LetterPlan

SchemaT = TypeVar("SchemaT", bound=BaseModel)


class BackendOptions(BaseModel):
    """Generation options every backend accepts; backends may add their own fields."""

    model_config = ConfigDict(extra="forbid", validate_default=True)

    max_tokens: int = Field(default=600, ge=1, le=8192)
    temperature: float = Field(default=0.4, ge=0.0, le=2.0)
    seed: int | None = None
    schema_retries: int = Field(default=2, ge=0, le=5)


class Prompt(BaseModel):
    """What to write: chat messages for a model, and the plan the grounded backend composes."""

    model_config = ConfigDict(extra="forbid")

    system: str = ""
    user: str = ""
    plan: LetterPlan | None = None
    fallback: str | None = None


class Generation(BaseModel):
    """A finished generation: the text, who wrote it, and how long it took."""

    model_config = ConfigDict(extra="forbid")

    text: str
    backend: str
    model: str | None = None
    seconds: float = 0.0
    parsed: dict[str, object] | None = None


class Availability(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str
    available: bool
    reason: str = ""
    description: str = ""
    needs_model: bool = True
    extra: str | None = None


class Backend(ABC):
    """One language-model backend. Subclasses implement `stream`; `generate` does the rest."""

    name: ClassVar[str]
    description: ClassVar[str] = ""
    needs_model: ClassVar[bool] = True
    extra: ClassVar[str | None] = None
    options_model: ClassVar[type[BackendOptions]] = BackendOptions

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    @property
    def model_name(self) -> str | None:
        return None

    @abstractmethod
    def stream(
        self, prompt: Prompt, options: BackendOptions, schema: dict[str, object] | None = None
    ) -> Iterator[str]:
        """Yield the text as it is produced. `schema` asks for JSON matching that schema."""

    def check(self) -> Availability:
        """Whether this backend can run now, and if not, why (cheap: no generation)."""
        return Availability(
            name=self.name,
            available=True,
            description=self.description,
            needs_model=self.needs_model,
            extra=self.extra,
        )

    def options(self, **values: object) -> BackendOptions:
        """This backend's options, validated (unknown names are errors)."""
        return self.options_model.model_validate(values)

    def generate(
        self,
        prompt: Prompt,
        schema: type[SchemaT] | None = None,
        options: BackendOptions | None = None,
        *,
        on_text: Callable[[str], None] | None = None,
    ) -> Generation:
        """Generate to the end, calling `on_text` with each piece as it streams.

        With `schema`, the text must be JSON that validates against it; a bounded number of
        retries follow, then `BackendUnavailable` names what was wrong.
        """
        options = options or self.options_model()
        started = time.perf_counter()
        json_schema = schema.model_json_schema() if schema is not None else None
        attempts = options.schema_retries + 1 if schema is not None else 1
        problem = ""
        for _ in range(attempts):
            pieces: list[str] = []
            for piece in self.stream(prompt, options, json_schema):
                pieces.append(piece)
                if on_text is not None:
                    on_text(piece)
            text = "".join(pieces)
            if schema is None:
                return Generation(
                    text=text,
                    backend=self.name,
                    model=self.model_name,
                    seconds=time.perf_counter() - started,
                )
            try:
                parsed = schema.model_validate_json(text)
            except ValidationError as error:
                problem = str(error).splitlines()[0] if str(error) else "invalid JSON"
                continue
            return Generation(
                text=text,
                backend=self.name,
                model=self.model_name,
                seconds=time.perf_counter() - started,
                parsed=parsed.model_dump(mode="json"),
            )
        raise BackendUnavailable(
            f"backend '{self.name}' did not return valid {schema.__name__ if schema else ''} "
            f"JSON after {attempts} attempts: {problem}",
            where=f"backend {self.name}",
            fix="try a larger model, or the default 'grounded' backend",
        )
