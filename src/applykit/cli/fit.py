"""`applykit fit`."""

from __future__ import annotations

import typer

from applykit.errors import NotBuilt


def register(root: typer.Typer) -> None:
    @root.command("fit")
    def not_built() -> None:
        """Not built yet."""
        raise NotBuilt("'applykit fit' is not built yet", fix="see the README's status section")

    @root.command("rank")
    def rank_not_built() -> None:
        """Not built yet."""
        raise NotBuilt("'applykit rank' is not built yet", fix="see the README's status section")
