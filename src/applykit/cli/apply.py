"""`applykit apply POSTING --profile P`: the whole dossier in one command."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import typer

APPLY_HELP = """\
Build the complete application dossier for one posting: parse it, analyse fit, tailor the
resume (PDF, DOCX, Markdown), write and critique a cover letter, record the application
in the tracker, and write everything into one folder.

\b
Examples:
  applykit apply examples/postings/senior-ml-engineer.md --profile examples/profile.yaml
  applykit apply posting.html --profile me.yaml --answers answers.yaml --out dossier/
"""


def register(root: typer.Typer) -> None:
    @root.command("apply", help=APPLY_HELP)
    def apply(
        posting: str = typer.Argument(
            ..., help="Posting file (txt, md, html, pdf, docx, json) or -"
        ),
        profile: Path = typer.Option(..., "--profile", "-p", help="Your master profile file."),
        backend: str | None = typer.Option(
            None, "--backend", help="Writing backend (default: grounded, no model)."
        ),
        out: Path | None = typer.Option(
            None, "--out", help="Dossier folder (default: ./dossiers/DATE-COMPANY-TITLE)."
        ),
        answers: Path | None = typer.Option(
            None, "--answers", help="YAML answer bank to add before answering questions."
        ),
        today: str | None = typer.Option(
            None, "--today", help="Date to resolve 'posted 3 weeks ago' (YYYY-MM-DD)."
        ),
        as_json: bool = typer.Option(False, "--json", help="Print a JSON summary."),
    ) -> None:
        from applykit.cli.dates import parse_today
        from applykit.cli.output import console
        from applykit.pipeline import APPLY_STEPS, build_dossier

        err = console(stderr=True)
        done: list[str] = []

        def on_step(name: str, seconds: float) -> None:
            done.append(name)
            err.print(
                f"[green]✓[/] [{len(done)}/{len(APPLY_STEPS)}] {name} ({seconds * 1000:.0f} ms)"
            )

        result = build_dossier(
            posting,
            profile,
            out_dir=out,
            backend_name=backend,
            answers_path=answers,
            today=parse_today(today) if today else dt.date.today(),
            on_step=on_step,
        )
        if as_json:
            import json
            import sys

            summary = {
                "folder": str(result.folder),
                "files": [str(path) for path in result.files],
                "application_id": result.application.id,
                "score": result.fit.score,
                "band": result.fit.band,
                "critique_score": result.critique.score,
                "letter_fell_back": result.letter.fell_back,
                "step_seconds": result.step_seconds,
                "warnings": result.warnings,
            }
            sys.stdout.write(json.dumps(summary, indent=2) + "\n")
            return
        out_console = console()
        title = f"{result.posting.title or '?'} at {result.posting.company or '?'}"
        out_console.print(f"\n[bold]{title}[/]: fit {result.fit.score}/100 ({result.fit.band})")
        out_console.print(f"Cover letter critique: {result.critique.score}/100")
        out_console.print(
            f"Tracker: application #{result.application.id} ({result.application.status})"
        )
        out_console.print(f"Dossier: {result.folder}")
        for path in result.files:
            out_console.print(f"  {path.name}")
        for warning in result.warnings:
            err.print(f"[yellow]warning:[/] {warning}")
