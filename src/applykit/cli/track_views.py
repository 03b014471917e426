"""Rich presentation for `applykit track …`: tables and detail views, no logic."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from applykit.cli.output import console

if TYPE_CHECKING:
    from applykit.models.application import (
        Answer,
        Application,
        BackupInfo,
        ImportReport,
        TrackerStats,
    )

STATUS_STYLE = {
    "saved": "dim",
    "applied": "cyan",
    "screening": "blue",
    "interviewing": "magenta",
    "offer": "green",
    "accepted": "bold green",
    "rejected": "red",
    "withdrawn": "yellow",
    "ghosted": "dim red",
}


def _day(value: dt.date | dt.datetime | None) -> str:
    if value is None:
        return "-"
    if isinstance(value, dt.datetime):
        return value.astimezone().strftime("%Y-%m-%d %H:%M")
    return value.isoformat()


def _status(status: str) -> str:
    return f"[{STATUS_STYLE.get(status, '')}]{status}[/]"


def applications_table(apps: list[Application], title: str) -> None:
    from rich.markup import escape
    from rich.table import Table

    out = console()
    if not apps:
        out.print(f"{title}: none")
        return
    table = Table(title=title, title_justify="left")
    for column in ("ID", "Company", "Position", "Status", "Applied", "Follow-up", "Updated"):
        wrap = column in ("Company", "Position")
        table.add_column(column, justify="right" if column == "ID" else "left", no_wrap=not wrap)
    for app in apps:
        table.add_row(
            str(app.id),
            escape(app.company),
            escape(app.position),
            _status(app.status),
            _day(app.applied_on),
            _day(app.follow_up_on),
            _day(app.updated_at),
        )
    out.print(table)


def application_detail(app: Application) -> None:
    from rich.markup import escape
    from rich.table import Table

    out = console()
    out.print(f"[bold]#{app.id} {escape(app.position)}[/] at [bold]{escape(app.company)}[/]")
    fields = [
        ("Status", _status(app.status)),
        ("Job URL", escape(app.job_url or "-")),
        ("Location", escape(app.location or "-")),
        ("Work type", escape(app.work_mode or "-")),
        ("Compensation", escape(app.compensation or "-")),
        ("Requisition", escape(app.requisition_id or "-")),
        ("Team", escape(app.team or "-")),
        ("Posted", _day(app.posted_on)),
        ("Applied", _day(app.applied_on)),
        ("Follow up", _day(app.follow_up_on)),
        ("Interviews", ", ".join(_day(d) for d in app.interview_dates) or "-"),
        ("Connection", escape(app.personal_connection or "-")),
    ]
    for label, value in fields:
        out.print(f"  {label:<13} {value}")
    history = Table(title="Status history", title_justify="left")
    for column in ("When", "Status", "Note"):
        history.add_column(column)
    for event in app.status_history:
        history.add_row(_day(event.at), _status(event.status), escape(event.note))
    out.print(history)
    for note in app.notes:
        out.print(f"  note {_day(note.at)}: {escape(note.text)}")
    for contact in app.contacts:
        extra = ", ".join(x for x in (contact.role, contact.email, contact.note) if x)
        out.print(f"  contact: {escape(contact.name)}" + (f" ({escape(extra)})" if extra else ""))
    for doc in app.documents:
        out.print(
            f"  sent {escape(doc.kind)}: {escape(doc.filename)}  {doc.size:,} bytes  "
            f"sha256 {doc.sha256[:16]}…  {_day(doc.added_at)}"
        )
    for answer in app.answers:
        source = escape(f"[{answer.source}]")
        out.print(f"  Q: {escape(answer.question)}\n     A: {escape(answer.answer)} {source}")
    if app.job_description:
        out.print(f"  job description: {len(app.job_description):,} characters (see --json)")


def answers_table(answers: list[Answer]) -> None:
    from rich.markup import escape
    from rich.table import Table

    table = Table(title="Answer bank", title_justify="left")
    table.add_column("Question")
    table.add_column("Answer")
    for answer in answers:
        table.add_row(escape(answer.question), escape(answer.answer))
    console().print(table if answers else "Answer bank: empty")


def stats_view(stats: TrackerStats) -> None:
    from rich.table import Table

    out = console()
    table = Table(title=f"Funnel ({stats.total} applications)", title_justify="left")
    for column in ("Stage", "Reached", "Of applied"):
        table.add_column(column, justify="left" if column == "Stage" else "right")
    for stage in stats.funnel:
        share = "-" if stage.share_of_applied is None else f"{stage.share_of_applied:.0%}"
        table.add_row(_status(stage.status), str(stage.reached), share)
    out.print(table)
    rate = "-" if stats.response_rate is None else f"{stats.response_rate:.0%}"
    median = "-" if stats.median_days_to_reply is None else f"{stats.median_days_to_reply:g} days"
    out.print(f"Response rate: {rate} ({stats.responded} of {stats.applied} applied)")
    out.print(f"Median time to a reply: {median}")
    now = ", ".join(f"{status} {n}" for status, n in stats.by_status.items() if n)
    out.print(f"Now: {now or 'nothing tracked yet'}")


def import_report(report: ImportReport) -> None:
    from rich.markup import escape

    out = console()
    counts = f"Imported {len(report.imported)}, skipped {len(report.skipped)}"
    out.print(f"{counts} from {escape(report.source)}")
    for item in report.imported:
        out.print(f"  [green]+[/] #{item.id} {escape(item.company)}: {escape(item.position)}")
    for skipped in report.skipped:
        out.print(f"  [red]-[/] {escape(skipped.where)}: {escape(skipped.reason)}")
    for warning in report.warnings:
        out.print(f"  [yellow]![/] {escape(warning)}")


def backup_view(info: BackupInfo, verb: str) -> None:
    from rich.markup import escape

    console().print(
        f"{verb} {info.applications} applications ({info.rows} rows, {info.kind}, "
        f"{info.bytes:,} bytes): {escape(info.path)}"
    )
