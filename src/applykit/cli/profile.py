"""`applykit profile …`: import a resume, show, check and export the master profile."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from applykit.models.profile import Profile

app = typer.Typer(
    help="Your master profile: import a resume, show it, check a hand-edited file, export it.",
    no_args_is_help=True,
)

IMPORT_HELP = """\
Import a resume or profile into your master profile (and save it as the current one).

FILE may be JSON Resume (.json), the same structure in YAML (.yaml, recommended for writing
by hand), Markdown (.md), plain text, DOCX or PDF; the format is detected. Every bullet
becomes a fact with a stable id, its skills and the metrics it states. Text that could not
be placed is kept under `unplaced`; things to review are listed as warnings.

Examples:

  applykit profile import examples/profile.yaml

  applykit profile import my-resume.pdf --json --no-save
"""


@app.command("import", help=IMPORT_HELP)
def import_command(
    file: Path = typer.Argument(..., help="The resume or profile file."),
    json_output: bool = typer.Option(False, "--json", help="Print the Profile as JSON."),
    save: bool = typer.Option(
        True, "--save/--no-save", help="Save as the current profile under APPLYKIT_HOME."
    ),
) -> None:
    from applykit.cli.output import console, print_model_json
    from applykit.ingest.profile_store import backup_path, current_profile_path
    from applykit.ingest.profiles import import_profile, save_profile

    previous = current_profile_path()
    had_previous = previous.exists()
    profile = import_profile(file)
    saved = save_profile(profile) if save else None
    if json_output:
        print_model_json(profile)
    else:
        _print_summary(profile)
    if saved is not None:
        err = console(stderr=True)
        err.print(f"saved as the current profile: {saved} (edit it, then `applykit profile check`)")
        if had_previous and backup_path(saved).exists():
            err.print(f"the previous profile is kept in {backup_path(saved)}")


@app.command("show")
def show_command(
    json_output: bool = typer.Option(False, "--json", help="Print the Profile as JSON."),
    facts: bool = typer.Option(False, "--facts", help="List every fact with its id."),
    profile_file: Path | None = typer.Option(
        None, "--profile", help="A profile file instead of the current one."
    ),
) -> None:
    """Show the current profile (or --profile FILE).

    Example:

      applykit profile show --facts
    """
    from applykit.cli.output import print_model_json

    profile = _current(profile_file)
    if json_output:
        print_model_json(profile)
        return
    _print_summary(profile)
    if facts:
        _print_facts(profile)


@app.command("check")
def check_command(
    file: Path | None = typer.Argument(
        None, help="A JSON or YAML profile (default: the current profile)."
    ),
) -> None:
    """Validate a hand-edited profile; errors name the file, line, field and fix.

    Example:

      applykit profile check ~/.local/share/applykit/profile.yaml
    """
    from applykit.cli.output import console
    from applykit.ingest.profile_store import require_current_profile
    from applykit.ingest.profiles import check_profile

    path = file or require_current_profile()
    profile = check_profile(path)
    entries = len(profile.work) + len(profile.projects) + len(profile.education)
    console().print(f"ok: {path} is valid ({entries} entries, {len(profile.facts())} facts)")


@app.command("export")
def export_command(
    fmt: str = typer.Option(
        "yaml", "--format", "-f", help="jsonresume | yaml | markdown", show_default=True
    ),
    out: Path | None = typer.Option(None, "--out", "-o", help="Write here instead of stdout."),
    profile_file: Path | None = typer.Option(
        None, "--profile", help="A profile file instead of the current one."
    ),
) -> None:
    """Export the profile as JSON Resume, editable YAML or a Markdown resume.

    Example:

      applykit profile export --format markdown --out resume.md
    """
    import sys

    from applykit.cli.output import console
    from applykit.ingest.profiles import export_profile

    text = export_profile(_current(profile_file), fmt)
    if out is None:
        sys.stdout.write(text)
        return
    out.write_text(text, encoding="utf-8")
    console(stderr=True).print(f"wrote {fmt} to {out}")


def _current(profile_file: Path | None) -> Profile:
    from applykit.ingest.profiles import load_current_profile, load_profile

    return load_profile(profile_file) if profile_file else load_current_profile()


def _print_summary(profile: Profile) -> None:
    from rich.table import Table

    from applykit.cli.output import console

    out = console()
    basics = profile.basics
    out.print(f"[bold]{basics.name or '(no name)'}[/bold]  {basics.label or ''}")
    contact = [basics.email, basics.phone, basics.url, *(p.url for p in basics.profiles)]
    out.print("  ".join(c for c in contact if c))
    table = Table("section", "entry", "dates", "facts", title="Profile")
    for work in profile.work:
        title = " — ".join(p for p in (work.position, work.name) if p)
        table.add_row(
            "work", title, _dates(work.startDate, work.endDate), str(len(work.highlights))
        )
    for project in profile.projects:
        dates = _dates(project.startDate, project.endDate)
        table.add_row("project", project.name, dates, str(len(project.highlights)))
    for edu in profile.education:
        title = " — ".join(p for p in (edu.studyType, edu.area, edu.institution) if p)
        table.add_row(
            "education", title, _dates(edu.startDate, edu.endDate), str(len(edu.highlights))
        )
    for volunteer in profile.volunteer:
        title = " — ".join(p for p in (volunteer.position, volunteer.organization) if p)
        dates = _dates(volunteer.startDate, volunteer.endDate)
        table.add_row("volunteer", title, dates, str(len(volunteer.highlights)))
    out.print(table)
    skills = sorted({k for group in profile.skills for k in group.keywords})
    if skills:
        out.print(f"skills ({len(skills)}): {', '.join(skills)}")
    for warning in profile.warnings:
        out.print(f"[yellow]warning:[/yellow] {warning}")
    if profile.unplaced:
        out.print(f"[yellow]{len(profile.unplaced)} line(s) could not be placed[/yellow]:")
        for text in profile.unplaced:
            out.print(f"  - {text}")


def _print_facts(profile: Profile) -> None:
    from rich.table import Table

    from applykit.cli.output import console

    table = Table("id", "fact", "skills", "metrics", title="Facts")
    for fact in profile.facts():
        skills = ", ".join(skill.canonical for skill in fact.skills)
        metrics = ", ".join(metric.raw for metric in fact.metrics)
        table.add_row(fact.id, fact.text, skills, metrics)
    console().print(table)


def _dates(start: str | None, end: str | None) -> str:
    if not start and not end:
        return "(no dates)"
    return f"{start or '?'} – {end or ''}".rstrip()
