"""The hooks a backend plugin implements."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from applykit.backends.base import Backend

hookspec = pluggy.HookspecMarker("applykit")
hookimpl = pluggy.HookimplMarker("applykit")


@hookspec
def register_backends(register: Callable[[type[Backend]], None]) -> None:
    """Call `register(BackendClass)` for each backend this plugin provides."""
