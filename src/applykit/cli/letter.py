"""`applykit letter …` commands."""

from __future__ import annotations

import typer

from applykit.errors import NotBuilt

app = typer.Typer(help="letter commands.", no_args_is_help=True)


@app.command("status")
def not_built() -> None:
    """Not built yet."""
    raise NotBuilt("'applykit letter' is not built yet", fix="see the README's status section")
