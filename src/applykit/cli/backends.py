"""`applykit backends`: which language-model backends can run here, and why not."""

from __future__ import annotations

import typer

HELP = """\
List the language-model backends and whether each can run now.

The default, grounded, needs no model. openai talks to any OpenAI-compatible server
(APPLYKIT_OPENAI_BASE_URL, APPLYKIT_OPENAI_MODEL, APPLYKIT_OPENAI_API_KEY); llamacpp runs a
local GGUF model (extra [local]; APPLYKIT_LLAMACPP_MODEL_PATH or the bundled SmolLM2).
Third-party backends register through the `applykit_backends` entry-point group.

Examples:

  applykit backends

  applykit backends --json
"""


def register(root: typer.Typer) -> None:
    @root.command("backends", help=HELP)
    def backends(
        as_json: bool = typer.Option(False, "--json", help="Print the list as JSON."),
    ) -> None:
        from applykit.backends.plugins import list_backends
        from applykit.config import get_settings

        settings = get_settings()
        found = list_backends(settings)
        if as_json:
            from applykit.cli.output import print_json_list

            print_json_list(list(found))
            return
        from rich.table import Table

        from applykit.cli.output import console

        table = Table(title=f"Backends (default: {settings.backend})")
        for column in ("name", "available", "details", "description"):
            table.add_column(column, overflow="fold")
        for item in found:
            mark = "[green]yes[/]" if item.available else "[red]no[/]"
            table.add_row(item.name, mark, item.reason, item.description)
        console().print(table)
