"""`applykit fit` and `applykit rank`: parse arguments, call the library, present."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from applykit.models.fit import FitReport, RankResult
    from applykit.models.profile import Profile

FIT_HELP = """\
Check a posting requirement by requirement against your profile.

Every requirement gets met / partial / gap, the facts that show it, a confidence and one
line of why; degree, years, work authorization and location are reported apart as
eligibility. Then: skills to lead with, bullets to highlight or reword, gaps with honest
mitigations.

Example:

  applykit fit --profile examples/profile.yaml --posting examples/postings/senior-ml-engineer.md
"""

RANK_HELP = """\
Rank many postings for your profile, after your hard filters.

POSTINGS are posting files, folders of them, CSV exports (LinkedIn columns: title,
company_name, location, description, min_salary, max_salary, pay_period, currency,
formatted_work_type, remote_allowed) or JSONL. Filters come from your profile's
preferences; options here override them.

Example:

  applykit rank --profile examples/profile.yaml examples/postings --top 5
"""


def _load_profile(path: Path) -> Profile:
    from applykit.ingest.profiles import load_profile
    from applykit.models.profile import Profile

    profile = load_profile(path)
    assert isinstance(profile, Profile)
    return profile


def _load_posting(path: Path) -> object:
    from applykit.ingest.postings import parse_posting_file

    return parse_posting_file(path)


def _print_fit(report: FitReport) -> None:
    from rich.markup import escape as esc

    from applykit.cli.output import console
    from applykit.models.fit import RequirementFit

    out = console()
    out.print(f"[bold]{esc(report.summary)}[/bold]")
    for warning in report.warnings:
        out.print(f"[yellow]warning:[/] {esc(warning)}")
    colours = {"met": "green", "partial": "yellow", "gap": "red"}
    marks = {"met": "✓", "partial": "~", "gap": "✗"}

    def show(fit: RequirementFit, depth: int) -> None:
        pad = "  " * depth
        colour = colours[fit.status]
        out.print(
            f"{pad}[{colour}]{marks[fit.status]} {fit.status}[/] {esc(fit.requirement_id)} "
            f"({fit.kind}, confidence {fit.confidence:.2f}) {esc(fit.text)}"
        )
        out.print(f"{pad}    [dim]{esc(fit.explanation)}[/]")
        for evidence in fit.evidence[:2]:
            out.print(
                f"{pad}    [dim]{esc(evidence.fact_id)} · {evidence.method}: "
                f"{esc(evidence.matched)} — “{esc(evidence.quote[:110])}”[/]"
            )
        for child in fit.children:
            show(child, depth + 1)

    out.print("\n[bold]Requirements[/bold]")
    for fit in report.requirements:
        show(fit, 0)
    if report.eligibility:
        out.print("\n[bold]Eligibility[/bold] (reported apart, not in the score)")
        for check in report.eligibility:
            out.print(
                f"  {check.name}: {check.status} — {esc(check.explanation)} "
                f"(found: {esc(check.found)})"
            )
    if report.skills_to_emphasize:
        out.print("\n[bold]Lead with[/bold]")
        for skill in report.skills_to_emphasize[:8]:
            out.print(
                f"  {esc(skill.name)} (posting mentions {skill.posting_mentions}): "
                f"{esc(', '.join(skill.fact_ids[:3]))}"
            )
    for entry in report.experiences:
        top = [b for b in entry.bullets if b.action != "keep"][:3]
        if not top:
            continue
        out.print(f"\n[bold]{esc(entry.title)}[/bold] {esc(entry.organization)}")
        for bullet in top:
            terms = ", ".join(bullet.posting_terms)
            out.print(
                f"  {bullet.action} {esc(bullet.fact_id)} ({bullet.relevance:.2f})"
                + (f" — posting words it supports: {esc(terms)}" if terms else "")
            )
    sections = (
        ("Education", report.education_to_emphasize),
        ("Projects", report.projects_to_emphasize),
    )
    for title, lines in sections:
        if lines:
            out.print(f"\n[bold]{title}[/bold]")
            for line in lines:
                out.print(f"  {esc(line)}")
    if report.gaps:
        out.print("\n[bold]Gaps[/bold]")
        for gap in report.gaps:
            out.print(f"  {esc(gap.requirement_id)} ({gap.kind}) {esc(gap.text)}")
            out.print(f"    → {esc(gap.mitigation or '')}")


def _print_rank(result: RankResult) -> None:
    from rich.markup import escape as esc
    from rich.table import Table

    from applykit.cli.output import console

    out = console()
    table = Table(title=f"{len(result.ranked)} ranked of {result.total}")
    for column in ("#", "score", "title", "company", "pay", "why", "top gap"):
        table.add_column(column, overflow="fold")
    for entry in result.ranked:
        table.add_row(
            str(entry.rank),
            str(entry.score),
            esc(entry.title or "—"),
            esc(entry.company or "—"),
            esc(entry.pay or "—"),
            esc("; ".join(entry.reasons[:2])),
            esc(entry.top_gap or "—"),
        )
    out.print(table)
    if result.filtered:
        out.print(f"\n[bold]Filtered out ({len(result.filtered)})[/bold]")
        for entry in result.filtered[:20]:
            out.print(
                f"  {esc(entry.title or entry.source)} — {esc('; '.join(entry.filtered_out))}"
            )


def register(root: typer.Typer) -> None:
    @root.command("fit", help=FIT_HELP)
    def fit(
        profile: Path = typer.Option(..., "--profile", help="Your profile (YAML, JSON, …)."),
        posting: Path = typer.Option(..., "--posting", help="The posting file."),
        json_output: bool = typer.Option(False, "--json", help="Print the FitReport as JSON."),
    ) -> None:
        from applykit.cli.output import print_model_json
        from applykit.match.fit import analyze_fit
        from applykit.models.posting import Posting

        parsed = _load_posting(posting)
        assert isinstance(parsed, Posting)
        report = analyze_fit(_load_profile(profile), parsed)
        if json_output:
            print_model_json(report)
        else:
            _print_fit(report)

    @root.command("rank", help=RANK_HELP)
    def rank(
        postings: list[Path] = typer.Argument(None, help="Posting files, folders, CSV or JSONL."),
        profile: Path = typer.Option(..., "--profile", help="Your profile."),
        top: int | None = typer.Option(None, "--top", min=1, help="Show the best N."),
        location: list[str] = typer.Option([], "--location", help="Acceptable location (repeat)."),
        remote_only: bool = typer.Option(False, "--remote-only", help="Only remote postings."),
        min_pay: float | None = typer.Option(None, "--min-pay", help="Minimum yearly pay."),
        currency: str | None = typer.Option(None, "--currency", help="Currency of --min-pay."),
        seniority: list[str] = typer.Option([], "--seniority", help="Acceptable level (repeat)."),
        employment: list[str] = typer.Option([], "--employment-type", help="full_time, contract…"),
        exclude: list[str] = typer.Option([], "--exclude-company", help="Company to skip."),
        tracker: bool = typer.Option(False, "--tracker", help="Also rank tracked applications."),
        tracker_status: str | None = typer.Option(
            None, "--tracker-status", help="Only tracked applications with this status."
        ),
        json_output: bool = typer.Option(False, "--json", help="Print the ranking as JSON."),
    ) -> None:
        from applykit.cli.output import print_model_json
        from applykit.errors import InputError
        from applykit.match.rank import rank_postings
        from applykit.match.rank_input import load_postings, load_tracked_postings
        from applykit.models.fit import RankFilters

        given = {
            "locations": location,
            "remote_only": remote_only,
            "min_yearly_pay": min_pay,
            "seniority": seniority,
            "employment_types": employment,
            "exclude_companies": exclude,
        }
        if currency:
            given["pay_currency"] = currency.upper()
        filters = RankFilters.model_validate({k: v for k, v in given.items() if v})
        loaded = load_postings(postings or [])
        if tracker or tracker_status:
            loaded += load_tracked_postings(tracker_status)
        if not loaded:
            raise InputError(
                "no postings to rank",
                fix="name posting files, a folder, a CSV/JSONL file, or use --tracker",
            )
        result = rank_postings(_load_profile(profile), loaded, filters=filters, top=top)
        if json_output:
            print_model_json(result)
        else:
            _print_rank(result)
