"""Backend registry: pluggy hooks and the `applykit_backends` entry-point group.

Built-in backends register exactly as third-party ones do: a module with a
`register_backends(register)` hook implementation, named in the entry-point group

    [project.entry-points.applykit_backends]
    mybackend = "my_package.my_module"
"""

from __future__ import annotations

import functools
import importlib
from typing import TYPE_CHECKING

import pluggy

from applykit.backends import hookspecs
from applykit.config import Settings, get_settings
from applykit.errors import ConfigError

if TYPE_CHECKING:
    from applykit.backends.base import Availability, Backend

ENTRY_POINT_GROUP = "applykit_backends"
BUILTIN_MODULES = (
    "applykit.backends.grounded",
    "applykit.backends.openai_compat",
    "applykit.backends.llamacpp",
)


@functools.cache
def plugin_manager() -> pluggy.PluginManager:
    """The plugin manager, created on first use (never at import time)."""
    manager = pluggy.PluginManager("applykit")
    manager.add_hookspecs(hookspecs)
    manager.load_setuptools_entrypoints(ENTRY_POINT_GROUP)
    for module_name in BUILTIN_MODULES:
        module = importlib.import_module(module_name)
        if not manager.is_registered(module):
            manager.register(module, name=module_name)
    return manager


def backend_classes() -> dict[str, type[Backend]]:
    """Every registered backend class by name (the first registration of a name wins)."""
    found: dict[str, type[Backend]] = {}

    def register(backend_class: type[Backend]) -> None:
        found.setdefault(backend_class.name, backend_class)

    plugin_manager().hook.register_backends(register=register)
    return dict(sorted(found.items()))


def get_backend(name: str | None = None, settings: Settings | None = None) -> Backend:
    """The backend called `name` (default: the `backend` setting, "grounded")."""
    settings = settings or get_settings()
    chosen = name or settings.backend
    classes = backend_classes()
    if chosen not in classes:
        raise ConfigError(
            f"no language-model backend called '{chosen}'",
            where="--backend or APPLYKIT_BACKEND",
            fix=f"use one of: {', '.join(classes)} (see `applykit backends`)",
        )
    return classes[chosen](settings)


def list_backends(settings: Settings | None = None) -> list[Availability]:
    """Every backend with whether it can run now and, if not, why."""
    settings = settings or get_settings()
    return [backend_class(settings).check() for backend_class in backend_classes().values()]
