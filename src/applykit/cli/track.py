"""`applykit track …` (the application tracker) and the top-level `backup` and `restore`.

Commands parse arguments, call applykit.store, and present: Rich for people, --json for
machines. Heavy imports (SQLAlchemy) happen inside the commands.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from applykit.cli.output import console, print_json_list, print_model_json
from applykit.errors import InputError

if TYPE_CHECKING:
    from applykit.store.repository import Repository

app = typer.Typer(
    help="""Track applications: status history, dates, notes, documents sent, answers.

Examples:

  applykit track add Loomcraft "Product Engineer" --url https://jobs.example.io/1

  applykit track import examples/postings/record-product-engineer.md

  applykit track status 1 applied --note "via careers page"

  applykit track list --status applied

  applykit track stats
""",
    no_args_is_help=True,
)
answers_app = typer.Typer(
    help="""The answer bank: your answers to common questions, reused, never invented.

Examples:

  applykit track answers import examples/answers.yaml

  applykit track answers list
""",
    no_args_is_help=True,
)
app.add_typer(answers_app, name="answers")

JSON = typer.Option(False, "--json", help="Print JSON for machines instead of a table.")


def open_tracker() -> Repository:
    from applykit.store.repository import open_repository

    return open_repository()


def _date(value: str | None, option: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as error:
        raise InputError(
            f"{value!r} is not a date", where=option, fix="write it as YYYY-MM-DD"
        ) from error


def _datetime(value: str | None, option: str) -> dt.datetime | None:
    if value is None:
        return None
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError as error:
        raise InputError(
            f"{value!r} is not a date and time", where=option, fix="write it as 2026-12-01T15:00"
        ) from error
    return parsed if parsed.tzinfo else parsed.astimezone()  # naive: the user's local time


@app.command("add")
def add(
    company: str = typer.Argument(..., help="Company name."),
    position: str = typer.Argument(..., help="Position title."),
    url: str | None = typer.Option(None, "--url", help="The posting's URL."),
    status: str = typer.Option("saved", "--status", help="Initial status."),
    applied_on: str | None = typer.Option(None, "--applied-on", help="YYYY-MM-DD"),
    follow_up: str | None = typer.Option(None, "--follow-up", help="YYYY-MM-DD"),
    location: str | None = typer.Option(None, "--location"),
    as_json: bool = JSON,
) -> None:
    """Start tracking an application.  Example: applykit track add Loomcraft "Engineer" """
    from applykit.models.application import Application
    from applykit.store.rows import check_status

    new = Application(
        company=company,
        position=position,
        job_url=url,
        status=check_status(status),
        applied_on=_date(applied_on, "--applied-on"),
        follow_up_on=_date(follow_up, "--follow-up"),
        location=location,
    )
    with open_tracker() as repo:
        stored = repo.add_application(new)
    if as_json:
        print_model_json(stored)
    else:
        console().print(
            f"Tracking #{stored.id}: {stored.company}, {stored.position} ({stored.status})"
        )


@app.command("list")
def list_(
    status: str | None = typer.Option(None, "--status", help="Only this status."),
    company: str | None = typer.Option(None, "--company", help="Company contains this text."),
    since: str | None = typer.Option(
        None, "--since", help="Applied (or saved) on/after YYYY-MM-DD."
    ),
    until: str | None = typer.Option(
        None, "--until", help="Applied (or saved) on/before YYYY-MM-DD."
    ),
    as_json: bool = JSON,
) -> None:
    """List applications.  Example: applykit track list --status applied --since 2026-11-01"""
    from applykit.cli.track_views import applications_table

    with open_tracker() as repo:
        apps = repo.list_applications(
            status=status,
            company=company,
            since=_date(since, "--since"),
            until=_date(until, "--until"),
        )
    if as_json:
        print_json_list(list(apps))
    else:
        applications_table(apps, "Applications")


@app.command("show")
def show(
    app_id: int = typer.Argument(..., metavar="ID", help="Application id."), as_json: bool = JSON
) -> None:
    """Everything about one application.  Example: applykit track show 1"""
    from applykit.cli.track_views import application_detail

    with open_tracker() as repo:
        found = repo.get_application(app_id)
    print_model_json(found) if as_json else application_detail(found)


@app.command("status")
def status(
    app_id: int = typer.Argument(..., metavar="ID", help="Application id."),
    new_status: str = typer.Argument(..., metavar="NEW", help="saved, applied, screening, …"),
    note: str = typer.Option("", "--note", help="Why, or what happened."),
    at: str | None = typer.Option(None, "--at", help="When (default now), e.g. 2026-11-20T09:30"),
    as_json: bool = JSON,
) -> None:
    """Move an application to a new status.  Example: applykit track status 1 screening"""
    with open_tracker() as repo:
        updated = repo.set_status(app_id, new_status, note=note, at=_datetime(at, "--at"))
    if as_json:
        print_model_json(updated)
    else:
        console().print(f"#{updated.id} is now {updated.status}")


@app.command("note")
def note(
    app_id: int = typer.Argument(..., metavar="ID", help="Application id."),
    text: str = typer.Argument(..., metavar="TEXT"),
) -> None:
    """Add a note.  Example: applykit track note 1 "Recruiter called back" """
    with open_tracker() as repo:
        updated = repo.add_note(app_id, text)
    console().print(f"#{updated.id}: {len(updated.notes)} notes")


@app.command("update")
def update(
    app_id: int = typer.Argument(..., metavar="ID", help="Application id."),
    follow_up: str | None = typer.Option(None, "--follow-up", help="YYYY-MM-DD"),
    applied_on: str | None = typer.Option(None, "--applied-on", help="YYYY-MM-DD"),
    posted_on: str | None = typer.Option(None, "--posted-on", help="YYYY-MM-DD"),
    url: str | None = typer.Option(None, "--url"),
    interview: str | None = typer.Option(
        None, "--interview", help="Add one, e.g. 2026-12-01T15:00"
    ),
    contact: str | None = typer.Option(None, "--contact", help="Add a contact by name."),
    role: str | None = typer.Option(None, "--role", help="The contact's role."),
    email: str | None = typer.Option(None, "--email", help="The contact's e-mail."),
    as_json: bool = JSON,
) -> None:
    """Set dates or the URL, add an interview or a contact.

    Example: applykit track update 1 --follow-up 2026-12-01 --interview 2026-12-03T15:00
    """
    from applykit.models.application import Contact

    fields = {
        "follow_up_on": _date(follow_up, "--follow-up"),
        "applied_on": _date(applied_on, "--applied-on"),
        "posted_on": _date(posted_on, "--posted-on"),
        "job_url": url,
    }
    with open_tracker() as repo:
        updated = repo.get_application(app_id)
        changed = {k: v for k, v in fields.items() if v is not None}
        if changed:
            updated = repo.update_fields(app_id, **changed)
        if interview:
            when = _datetime(interview, "--interview")
            assert when is not None
            updated = repo.add_interview(app_id, when)
        if contact:
            updated = repo.add_contact(app_id, Contact(name=contact, role=role, email=email))
    if as_json:
        print_model_json(updated)
    else:
        console().print(f"#{updated.id} updated (revision {updated.revision})")


@app.command("document")
def document(
    app_id: int = typer.Argument(..., metavar="ID", help="Application id."),
    file: Path = typer.Argument(..., help="The file exactly as you sent it."),
    kind: str = typer.Option("document", "--kind", help="resume, cover-letter, portfolio, …"),
) -> None:
    """Keep a copy of a document you sent, with its SHA-256.

    Example: applykit track document 1 out/resume.pdf --kind resume
    """
    if not file.is_file():
        raise InputError(f"no file at {file}", where=str(file), fix="check the path")
    with open_tracker() as repo:
        doc = repo.add_document(app_id, kind, file.name, file.read_bytes())
    console().print(f"#{app_id}: kept {doc.filename} ({doc.size:,} bytes, sha256 {doc.sha256})")


@app.command("answer")
def answer(
    app_id: int = typer.Argument(..., metavar="ID", help="Application id."),
    question: str = typer.Argument(..., metavar="QUESTION"),
    text: str | None = typer.Argument(None, metavar="ANSWER", help="Omit to reuse the bank's."),
    bank: bool = typer.Option(False, "--bank", help="Also keep this answer in the answer bank."),
) -> None:
    """Record the answer given to an application question.

    Without ANSWER, the answer bank's answer is used; a question it does not know stays
    unanswered (nothing is invented).

    Example: applykit track answer 1 "What is your notice period?"
    """
    with open_tracker() as repo:
        source = "user"
        if text is None:
            text = repo.lookup_answer(question)
            source = "bank"
            if text is None:
                raise InputError(
                    f"the answer bank has no answer for {question!r}",
                    where="answer bank",
                    fix=f'give the answer: applykit track answer {app_id} "{question}" "…" --bank',
                )
        elif bank:
            repo.bank_answer(question, text)
        recorded = repo.record_answer(app_id, question, text, source)
    console().print(f"#{app_id}: answered ({recorded.source}) {recorded.question}")


@app.command("followups")
def followups(
    within: int = typer.Option(0, "--within", help="Also what is due in the next N days."),
    today: str | None = typer.Option(None, "--today", help="Pretend today is YYYY-MM-DD."),
    as_json: bool = JSON,
) -> None:
    """Open applications whose follow-up is due.  Example: applykit track followups --within 7"""
    from applykit.cli.track_views import applications_table

    with open_tracker() as repo:
        due = repo.followups(_date(today, "--today"), within)
    print_json_list(list(due)) if as_json else applications_table(due, "Follow-ups due")


@app.command("stats")
def stats(as_json: bool = JSON) -> None:
    """The funnel (applied → screening → interview → offer), response rate, days to reply."""
    from applykit.cli.track_views import stats_view

    with open_tracker() as repo:
        result = repo.stats()
    print_model_json(result) if as_json else stats_view(result)


@app.command("export")
def export(
    fmt: str = typer.Option("md", "--format", "-f", help="md, csv, json or ics."),
    output: Path | None = typer.Option(None, "--output", "-o", help="File (default: stdout)."),
    status: str | None = typer.Option(None, "--status", help="Only this status."),
    company: str | None = typer.Option(None, "--company", help="Company contains this text."),
) -> None:
    """Export applications; md, csv and json import back without loss, ics is a calendar.

    Example: applykit track export --format ics -o interviews.ics
    """
    from applykit.store.exports import FORMATS, export_applications

    if fmt not in FORMATS:
        raise InputError(
            f"unknown format {fmt!r}", where="--format", fix="use md, csv, json or ics"
        )
    with open_tracker() as repo:
        text = export_applications(repo.list_applications(status=status, company=company), fmt)
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8", newline="")
        console(stderr=True).print(f"wrote {output}")


@app.command("import")
def import_(
    file: Path = typer.Argument(..., help="A .md (# Application Details), .csv or .json file."),
    fmt: str | None = typer.Option(
        None, "--format", "-f", help="md, csv or json (default: guess)."
    ),
    dry_run: bool = typer.Option(False, "--dry-run", help="Check and report; write nothing."),
    as_json: bool = JSON,
) -> None:
    """Import applications; reports what was imported and what was skipped, and why.

    Example: applykit track import examples/postings/record-product-engineer.md
    """
    from applykit.cli.track_views import import_report
    from applykit.store.imports import import_file

    with open_tracker() as repo:
        report = import_file(repo, file, fmt, dry_run=dry_run)
    print_model_json(report) if as_json else import_report(report)


@answers_app.command("import")
def answers_import(
    file: Path = typer.Argument(..., help="YAML list of {question, answer}."),
) -> None:
    """Bank every answer in a YAML file.  Example: applykit track answers import answers.yaml"""
    with open_tracker() as repo:
        banked = repo.import_answer_file(file)
    console().print(f"banked {len(banked)} answers from {file}")


@answers_app.command("add")
def answers_add(
    question: str = typer.Argument(..., metavar="QUESTION"),
    text: str = typer.Argument(..., metavar="ANSWER"),
) -> None:
    """Bank one answer.  Example: applykit track answers add "Notice period?" "Four weeks." """
    with open_tracker() as repo:
        repo.bank_answer(question, text)
    console().print("banked")


@answers_app.command("list")
def answers_list(as_json: bool = JSON) -> None:
    """Show the answer bank."""
    from applykit.cli.track_views import answers_table

    with open_tracker() as repo:
        answers = repo.answer_bank()
    print_json_list(list(answers)) if as_json else answers_table(answers)


def register_backup(root: typer.Typer) -> None:
    """`applykit backup` and `applykit restore` live at the top level."""
    from applykit.cli.track_backup import backup_command, restore_command

    root.command("backup")(backup_command)
    root.command("restore")(restore_command)
