"""The `applykit` command: nouns registered here, each defined in its own module."""

from __future__ import annotations

import sys

import typer

from applykit import __version__
from applykit.cli import apply as apply_cli
from applykit.cli import backends as backends_cli
from applykit.cli import fit as fit_cli
from applykit.cli import letter as letter_cli
from applykit.cli import posting as posting_cli
from applykit.cli import profile as profile_cli
from applykit.cli import resume as resume_cli
from applykit.cli import track as track_cli
from applykit.errors import UserError

HELP = """\
applykit: an offline job-application copilot that never invents experience.

Examples:

  applykit posting parse examples/postings/senior-ml-engineer.md

  applykit profile import examples/profile.yaml

  applykit fit --profile examples/profile.yaml --posting examples/postings/senior-ml-engineer.md

  applykit apply examples/postings/senior-ml-engineer.md --profile examples/profile.yaml
"""

app = typer.Typer(
    name="applykit",
    help=HELP,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    add_completion=False,
)
app.add_typer(posting_cli.app, name="posting")
app.add_typer(profile_cli.app, name="profile")
app.add_typer(resume_cli.app, name="resume")
app.add_typer(letter_cli.app, name="letter")
app.add_typer(track_cli.app, name="track")
fit_cli.register(app)
apply_cli.register(app)
backends_cli.register(app)
track_cli.register_backup(app)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"applykit {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version and exit."
    ),
) -> None:
    """applykit: an offline job-application copilot that never invents experience."""


def run() -> None:
    """Console-script entry point: user errors become a message and exit code 1."""
    try:
        app()
    except UserError as error:
        sys.stderr.write(error.render() + "\n")
        sys.exit(1)
    except KeyboardInterrupt:
        sys.stderr.write("interrupted\n")
        sys.exit(130)
