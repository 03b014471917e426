"""The backend seam: registry, options, schema output, the grounded backend."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

from applykit.backends.base import Prompt
from applykit.backends.grounded import GroundedBackend
from applykit.backends.plugins import backend_classes, get_backend, list_backends
from applykit.config import Settings
from applykit.errors import BackendUnavailable, ConfigError, UserError
from applykit.models.documents import LetterPlan, PlannedFact


class Answer(BaseModel):
    title: str
    years: int


def test_builtin_backends_register_through_the_plugin_hook() -> None:
    assert {"grounded", "openai", "llamacpp"} <= set(backend_classes())


def test_default_backend_is_grounded_and_unknown_names_are_user_errors() -> None:
    assert isinstance(get_backend(), GroundedBackend)
    with pytest.raises(ConfigError) as caught:
        get_backend("nonexistent")
    assert "grounded" in (caught.value.fix or "")


def test_settings_choose_the_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("APPLYKIT_BACKEND", "openai")
    assert get_backend().name == "openai"


def test_options_reject_unknown_fields() -> None:
    backend = get_backend("grounded")
    assert backend.options(max_tokens=10).max_tokens == 10
    with pytest.raises(ValidationError):
        backend.options(max_tokenz=10)


def test_list_backends_says_why_something_is_unavailable() -> None:
    settings = Settings(openai_base_url="http://127.0.0.1:9/v1")
    found = {item.name: item for item in list_backends(settings)}
    assert found["grounded"].available
    assert not found["openai"].available
    assert "connection refused" in found["openai"].reason


def test_third_party_backend_streams_and_validates_schema(scripted: Any) -> None:
    backend = get_backend("scripted")
    pieces: list[str] = []
    scripted.replies = ["hello there"]
    result = backend.generate(Prompt(user="hi"), on_text=pieces.append)
    assert result.text.strip() == "hello there"
    assert len(pieces) == 2
    scripted.replies = ["not json", '{"title": "Engineer", "years": 6}']
    parsed = backend.generate(Prompt(user="hi"), Answer)
    assert parsed.parsed == {"title": "Engineer", "years": 6}
    scripted.replies = ["nope", "nope", "nope"]
    with pytest.raises(BackendUnavailable):
        backend.generate(Prompt(user="hi"), Answer)


def test_grounded_backend_composes_a_plan_and_refuses_free_prompts() -> None:
    backend = get_backend("grounded")
    plan = LetterPlan(
        candidate="Ada Example",
        company="Acme",
        position="Data Engineer",
        accomplishments=[
            PlannedFact(
                fact_id="f1",
                text="Cut nightly batch runtime from 6 hours to 1 hour.",
                organization="Foo Ltd",
                role="Data Engineer",
            )
        ],
    )
    text = backend.generate(Prompt(plan=plan)).text
    assert "Acme" in text
    assert "I cut nightly batch runtime from 6 hours to 1 hour" in text
    assert "Ada Example" in text
    assert backend.generate(Prompt(fallback="as given")).text == "as given"
    with pytest.raises(UserError):
        backend.generate(Prompt(user="write me a poem"))


def test_builtins_are_declared_in_the_entry_point_group() -> None:
    from importlib.metadata import entry_points

    declared = {ep.name: ep.value for ep in entry_points(group="applykit_backends")}
    assert declared["grounded"] == "applykit.backends.grounded"
    assert {"openai", "llamacpp"} <= set(declared)


def test_cli_lists_backends_as_json(monkeypatch: pytest.MonkeyPatch) -> None:
    import json

    from typer.testing import CliRunner

    from applykit.cli.main import app

    monkeypatch.setenv("APPLYKIT_OPENAI_BASE_URL", "http://127.0.0.1:9/v1")
    result = CliRunner().invoke(app, ["backends", "--json"])
    assert result.exit_code == 0, result.output
    rows = {row["name"]: row for row in json.loads(result.stdout)}
    assert rows["grounded"]["available"] is True
    assert rows["openai"]["available"] is False and rows["openai"]["reason"]
