"""`applykit backends`."""

from __future__ import annotations

import typer

from applykit.errors import NotBuilt


def register(root: typer.Typer) -> None:
    @root.command("backends")
    def not_built() -> None:
        """Not built yet."""
        raise NotBuilt(
            "'applykit backends' is not built yet", fix="see the README's status section"
        )
