"""`applykit posting …` commands: parse a posting and show what was understood."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import typer

from applykit.errors import InputError

if TYPE_CHECKING:
    from rich.text import Text

    from applykit.models.posting import Posting, Requirement

app = typer.Typer(help="Understand job postings.", no_args_is_help=True)


@app.command("parse")
def parse(
    file: str = typer.Argument(..., help="Posting file (.txt .md .html .pdf .docx .json) or '-'."),
    as_json: bool = typer.Option(False, "--json", help="Print the Posting JSON contract."),
    today: str | None = typer.Option(
        None, "--today", help="Date to resolve 'posted 3 weeks ago' against (YYYY-MM-DD)."
    ),
) -> None:
    """Parse a job posting into title, company, pay, requirements, application steps, ….

    Examples:

      applykit posting parse examples/postings/senior-ml-engineer.md

      applykit posting parse page.html --json --today 2026-11-23

      pbpaste | applykit posting parse -
    """
    from applykit.cli.output import print_model_json
    from applykit.ingest.postings import parse_posting_file

    posting = parse_posting_file(file, today=_date(today))
    if as_json:
        print_model_json(posting)
    else:
        _show(posting)


def _date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as error:
        raise InputError(
            f"--today {value!r} is not a date",
            where="--today",
            fix="write it as YYYY-MM-DD, e.g. --today 2026-11-23",
        ) from error


def _show(posting: Posting) -> None:
    from rich.table import Table
    from rich.text import Text

    from applykit.cli.output import console

    out = console()
    out.print(Text(posting.title or "(no title found)", style="bold"))
    table = Table.grid(padding=(0, 2))
    table.add_column(style="dim")
    table.add_column()
    pay = posting.compensation
    rows = [
        ("company", posting.company),
        ("team", posting.team),
        ("locations", "; ".join(loc.raw for loc in posting.locations)),
        ("work mode", posting.work_mode),
        ("type", posting.employment_type),
        ("seniority", " ".join(x for x in (posting.seniority, posting.level) if x)),
        ("pay", _pay(posting) if pay else None),
        ("experience", posting.years_experience.raw if posting.years_experience else None),
        ("degree", _degree(posting)),
        ("requisition", posting.requisition_id),
        ("posted", posting.posted_on.isoformat() if posting.posted_on else None),
        ("start", posting.start_date),
        ("duration", posting.duration),
        ("url", posting.url),
    ]
    for label, value in rows:
        if value:
            table.add_row(label, Text(str(value)))
    out.print(table)
    _section(out, "Responsibilities", [Text(f"• {r}") for r in posting.responsibilities])
    lines: list[Text] = []
    for requirement in posting.requirements:
        _requirement_lines(requirement, 0, lines)
    _section(out, "Requirements", lines)
    if posting.skills:
        _section(out, "Skills", [Text(", ".join(s.canonical for s in posting.skills))])
    _section(
        out, "To complete the application", [Text(f"☐ {s}") for s in posting.application_steps]
    )
    _section(out, "Questions to answer", [Text(f"? {q}") for q in posting.application_questions])
    _section(out, "Warnings", [Text(f"! {w}", style="yellow") for w in posting.warnings])


def _pay(posting: Posting) -> str:
    pay = posting.compensation
    assert pay is not None
    low = f"{pay.min:,.0f}" if pay.min is not None else "…"
    high = f"{pay.max:,.0f}" if pay.max is not None else "…"
    span = low if pay.min == pay.max else f"{low} – {high}"
    return f"{pay.currency or '?'} {span} per {pay.period or '?'}  ({pay.raw})"


def _degree(posting: Posting) -> str | None:
    degree = posting.degree
    if degree is None:
        return None
    text = degree.level + (f" in {degree.field}" if degree.field else "")
    return text + (" (in progress)" if degree.in_progress else "")


def _requirement_lines(requirement: Requirement, depth: int, lines: list[Text]) -> None:
    from rich.text import Text

    mark = "★" if requirement.kind == "required" else "☆"
    line = Text("  " * depth + f"{mark} [{requirement.id}] ")
    line.append(requirement.text)
    if requirement.any_of:
        line.append("  (any of)", style="dim")
    lines.append(line)
    for child in requirement.children:
        _requirement_lines(child, depth + 1, lines)


def _section(out: object, title: str, lines: list[Text]) -> None:
    from rich.console import Console
    from rich.text import Text

    assert isinstance(out, Console)
    if not lines:
        return
    out.print()
    out.print(Text(title, style="bold underline"))
    for line in lines:
        out.print(line)
