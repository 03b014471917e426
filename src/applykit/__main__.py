"""`python -m applykit` is the `applykit` command."""

from applykit.cli.main import run

run()
