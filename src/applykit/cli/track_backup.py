"""`applykit backup` and `applykit restore`: consistent copies of the tracker, and back."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import typer

from applykit.cli.output import print_model_json
from applykit.cli.track import JSON, open_tracker
from applykit.errors import InputError


def backup_command(
    file: Path | None = typer.Argument(None, help="Where to write (default: HOME/backups/…)."),
    fmt: str | None = typer.Option(None, "--format", help="sqlite or json (default: by database)."),
    as_json: bool = JSON,
) -> None:
    """Write a consistent copy of the tracker, even while it is in use.

    Example: applykit backup ~/applykit-backup.db
    """
    from applykit.cli.track_views import backup_view
    from applykit.config import get_settings
    from applykit.store.backup import backup

    if fmt not in (None, "sqlite", "json"):
        raise InputError(f"unknown format {fmt!r}", where="--format", fix="use sqlite or json")
    with open_tracker() as repo:
        if file is None:
            suffix = ".json" if fmt == "json" or not repo.url.startswith("sqlite") else ".db"
            stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
            file = get_settings().home / "backups" / f"applykit-{stamp}{suffix}"
        info = backup(repo, file, fmt)
    print_model_json(info) if as_json else backup_view(info, "Backed up")


def restore_command(
    file: Path = typer.Argument(..., help="A backup written by `applykit backup` (.db or .json)."),
    replace: bool = typer.Option(False, "--replace", help="Overwrite a tracker that holds data."),
    as_json: bool = JSON,
) -> None:
    """Load a backup into the tracker (in one transaction).

    Example: applykit restore ~/applykit-backup.db --replace
    """
    from applykit.cli.track_views import backup_view
    from applykit.store.backup import restore

    with open_tracker() as repo:
        info = restore(repo, file, replace=replace)
    print_model_json(info) if as_json else backup_view(info, "Restored")
