"""`applykit track …` commands."""

from __future__ import annotations

import typer

from applykit.errors import NotBuilt

app = typer.Typer(help="track commands.", no_args_is_help=True)


@app.command("status")
def not_built() -> None:
    """Not built yet."""
    raise NotBuilt("'applykit track' is not built yet", fix="see the README's status section")


def register_backup(root: typer.Typer) -> None:
    """`applykit backup` and `applykit restore` live at the top level."""
