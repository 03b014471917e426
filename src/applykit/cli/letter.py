"""`applykit letter write` and `applykit letter critique`: parse, call the library, present."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from applykit.models.documents import CoverLetter, Critique

app = typer.Typer(
    help="Write an honest cover letter, or critique any letter.", no_args_is_help=True
)

WRITE_HELP = """\
Write a cover letter from your profile's facts for one posting.

Every claim in the letter (numbers, employers, titles, schools, degrees, skills) is traced to
a fact of your profile or a span of the posting. A model backend's draft with an untraced
claim is retried, then replaced by the grounded letter, and the output says so.

Examples:

  applykit letter write --profile profile.yaml --posting examples/postings/senior-ml-engineer.md

  applykit letter write --profile P --posting J --backend llamacpp --out letter.md

  applykit letter write --profile P --posting J --json
"""

CRITIQUE_HELP = """\
Score any cover letter (yours included) against what hiring managers keep reading:
company named and specific, your own quantified results, two distinct accomplishments, a
bridge to outcomes, a specific close with an ask, generic sentences, clichés and length.

Examples:

  applykit letter critique examples/letters/generic.md

  applykit letter critique my-letter.md --posting examples/postings/senior-ml-engineer.md --json
"""


@app.command("write", help=WRITE_HELP)
def write(
    profile: Path = typer.Option(..., "--profile", help="Profile file (YAML, JSON, resume)."),
    posting: Path = typer.Option(..., "--posting", help="Posting file (text, Markdown, HTML…)."),
    backend: str | None = typer.Option(
        None, "--backend", help="grounded (default), openai or llamacpp; see `applykit backends`."
    ),
    out: Path | None = typer.Option(None, "--out", help="Also write the letter to this file."),
    plain: bool = typer.Option(False, "--plain", help="Print plain text instead of Markdown."),
    as_json: bool = typer.Option(False, "--json", help="Print the CoverLetter as JSON."),
) -> None:
    from applykit.backends.plugins import get_backend
    from applykit.ingest.postings import parse_posting_file
    from applykit.ingest.profiles import load_profile
    from applykit.match.fit import analyze_fit
    from applykit.write.letter import write_letter

    loaded_profile = load_profile(profile)
    loaded_posting = parse_posting_file(posting)
    fit = analyze_fit(loaded_profile, loaded_posting)
    letter = write_letter(loaded_profile, loaded_posting, fit, backend=get_backend(backend))
    if out is not None:
        suffix = out.suffix.lower()
        out.write_text(letter.text if suffix == ".txt" else letter.markdown, encoding="utf-8")
    if as_json:
        from applykit.cli.output import print_model_json

        print_model_json(letter)
        return
    _print_letter(letter, plain=plain, out=out)


def _print_letter(letter: CoverLetter, *, plain: bool, out: Path | None) -> None:
    import sys

    from applykit.cli.output import console

    sys.stdout.write(letter.text if plain else letter.markdown)
    err = console(stderr=True)
    traced = sum(1 for claim in letter.grounding.claims if claim.traced)
    err.print(
        f"\n[dim]{letter.word_count} words · backend {letter.backend} · "
        f"{traced}/{len(letter.grounding.claims)} claims traced"
        + (" · fell back to the grounded letter" if letter.fell_back else "")
        + (f" · written to {out}" if out else "")
        + "[/dim]"
    )
    for warning in letter.warnings:
        err.print(f"[yellow]warning:[/yellow] {warning}")


@app.command("critique", help=CRITIQUE_HELP)
def critique(
    file: Path = typer.Argument(..., help="The letter (Markdown or plain text)."),
    posting: Path | None = typer.Option(
        None, "--posting", help="The posting it answers (makes specificity checks sharper)."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the Critique as JSON."),
) -> None:
    from applykit.write.critique import critique_letter

    text = _read_letter(file)
    loaded_posting = None
    if posting is not None:
        from applykit.ingest.postings import parse_posting_file

        loaded_posting = parse_posting_file(posting)
    result = critique_letter(text, loaded_posting)
    if as_json:
        from applykit.cli.output import print_model_json

        print_model_json(result)
        return
    _print_critique(result)


def _read_letter(file: Path) -> str:
    from applykit.errors import InputError, NotFound

    if not file.is_file():
        raise NotFound(f"no letter at {file}", where=str(file), fix="check the path")
    data = file.read_bytes()[:2_000_000]
    if b"\x00" in data[:4096]:
        raise InputError(
            "this file is binary, not a letter",
            where=str(file),
            fix="save the letter as Markdown or plain text (.md, .txt)",
        )
    return data.decode("utf-8", errors="replace")


def _print_critique(result: Critique) -> None:
    from rich.table import Table

    from applykit.cli.output import console

    out = console()
    out.print(f"[bold]{result.summary}[/bold]\n")
    table = Table(show_lines=True)
    for column in ("check", "score", "evidence", "suggestion"):
        table.add_column(column, overflow="fold")
    for check in result.checks:
        colour = "green" if check.passed else "red"
        table.add_row(
            check.name,
            f"[{colour}]{check.score:.2f}[/]",
            "\n".join(check.evidence),
            check.suggestion,
        )
    out.print(table)
