"""A fake model backend, registered through the same plugin hook as real ones."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from types import SimpleNamespace
from typing import ClassVar

import pytest

from applykit.backends.base import Backend, BackendOptions, Prompt
from applykit.backends.hookspecs import hookimpl
from applykit.backends.plugins import plugin_manager


class ScriptedBackend(Backend):
    """Replies with the next scripted text each call; records every prompt it got."""

    name = "scripted"
    description = "test double: replies from a script"
    replies: ClassVar[list[str]] = []
    prompts: ClassVar[list[Prompt]] = []

    def stream(
        self, prompt: Prompt, options: BackendOptions, schema: dict[str, object] | None = None
    ) -> Iterator[str]:
        type(self).prompts.append(prompt)
        reply = type(self).replies.pop(0) if type(self).replies else ""
        for word in reply.split(" "):
            yield word + " "


@pytest.fixture
def scripted() -> Iterator[type[ScriptedBackend]]:
    """Register the scripted backend as a plugin for one test."""

    def register_backends(register: Callable[[type[Backend]], None]) -> None:
        register(ScriptedBackend)

    plugin = SimpleNamespace(register_backends=hookimpl(register_backends))
    manager = plugin_manager()
    manager.register(plugin, name="scripted-test-plugin")
    ScriptedBackend.replies = []
    ScriptedBackend.prompts = []
    try:
        yield ScriptedBackend
    finally:
        manager.unregister(plugin)
