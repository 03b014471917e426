"""`applykit resume …` commands."""

from __future__ import annotations

from pathlib import Path

import typer

app = typer.Typer(help="Tailored resumes: PDF, DOCX or Markdown.", no_args_is_help=True)

TAILOR_HELP = """\
Tailor your master profile to one posting: the most relevant facts of each role first,
within a page budget, skills ordered by what the posting stresses, skill aliases written
the posting's way where the fact supports it. Every role keeps its title, employer and
dates. The PDF and DOCX are read back to check an ATS sees everything in order.

\b
Examples:
  applykit resume tailor --profile examples/profile.yaml \\
      --posting examples/postings/senior-ml-engineer.md --format pdf --out resume.pdf
  applykit resume tailor -p me.yaml -j job.html --format md --show-changes
  applykit resume tailor -p me.yaml -j job.txt --format docx --pages 2 --design compact
"""


@app.command("tailor", help=TAILOR_HELP)
def tailor(
    profile: Path = typer.Option(..., "--profile", "-p", help="Your master profile file."),
    posting: str = typer.Option(..., "--posting", "-j", help="Posting file, or - for stdin."),
    fmt: str = typer.Option("pdf", "--format", "-f", help="pdf, docx or md."),
    pages: int = typer.Option(1, "--pages", min=1, max=2, help="Page budget: 1 or 2."),
    design: str = typer.Option("classic", "--design", help="PDF design: classic or compact."),
    paper: str = typer.Option(
        "auto", "--paper", help="auto (Letter in North America, else A4), letter or a4."
    ),
    out: Path | None = typer.Option(
        None, "--out", "-o", help="Output file (default: resume-COMPANY-TITLE.EXT; md: stdout)."
    ),
    backend: str | None = typer.Option(
        None, "--backend", help="Rewrite backend (default: grounded, no model)."
    ),
    show_changes: bool = typer.Option(
        False, "--show-changes", help="Explain what was selected, reordered, rewritten, cut."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the tailored resume as JSON."),
) -> None:
    import sys

    from applykit.backends.plugins import get_backend
    from applykit.cli.output import console, print_model_json
    from applykit.ingest.postings import parse_posting_file
    from applykit.ingest.profiles import load_profile
    from applykit.match.fit import analyze_fit
    from applykit.render.markdown import changes_markdown
    from applykit.render.resume_files import (
        check_choices,
        default_filename,
        paper_choice,
        render_resume,
    )
    from applykit.write.tailor import tailor_resume

    check_choices(fmt, design)
    paper_choice(paper)
    master = load_profile(profile)
    job = parse_posting_file(posting)
    fit = analyze_fit(master, job)
    tailored = tailor_resume(
        master,
        job,
        fit,
        pages=pages,
        backend=get_backend(backend),
        design=design,
        paper=paper_choice(paper),
    )
    rendered = render_resume(tailored, fmt, design=design)
    err = console(stderr=True)
    target = out
    if target is None and (fmt != "md" or as_json):
        target = Path(default_filename(rendered.resume, fmt))
    if target is not None:
        target.write_bytes(rendered.data)
    else:
        sys.stdout.write(rendered.data.decode("utf-8"))
    if as_json:
        print_model_json(rendered.resume)
    elif show_changes:
        sys.stdout.write(changes_markdown(rendered.resume))
    if target is not None:
        kinds = [change.kind for change in rendered.resume.changes]
        pages_note = f", {rendered.pages} page(s)" if rendered.pages else ""
        err.print(
            f"[green]✓[/] wrote {target}{pages_note}: {kinds.count('selected')} facts selected, "
            f"{kinds.count('cut')} cut, {kinds.count('rewritten')} rewritten"
            + ("" if show_changes else " (see --show-changes)")
        )
    for warning in rendered.resume.warnings:
        err.print(f"[yellow]warning:[/] {warning}")
