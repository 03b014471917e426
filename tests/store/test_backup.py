"""Backups taken while a writer is busy are consistent; restore reads both forms."""

from __future__ import annotations

import multiprocessing
import os
import signal
import sqlite3
import time
from pathlib import Path

import pytest

from applykit.errors import InputError, ValidationFailed
from applykit.models.application import Application
from applykit.store.backup import backup, restore
from applykit.store.repository import Repository, open_repository


def _fill(repo: Repository) -> Application:
    app = repo.add_application(Application(company="Loomcraft", position="Engineer"))
    assert app.id is not None
    repo.set_status(app.id, "applied", note="sent")
    repo.add_document(app.id, "resume", "resume.pdf", b"%PDF-1.7 \x00\x01 bytes")
    repo.bank_answer("What is your notice period?", "Four weeks.")
    return repo.get_application(app.id)


def _busy_writer(url: str) -> None:
    repo = open_repository(url=url)
    step = 0
    while True:
        step += 1
        app = repo.add_application(Application(company=f"Busy {step}", position="P"))
        assert app.id is not None
        repo.set_status(app.id, "applied")
        repo.add_note(app.id, "written during the backup")


def _consistent(repo: Repository) -> None:
    for app in repo.list_applications():
        assert app.status == app.status_history[-1].status
        assert app.revision == len(app.status_history) - 1 + len(app.notes) + len(app.documents)


@pytest.mark.parametrize("suffix", [".db", ".json"])
def test_backup_while_in_use_then_restore(db_url: str, tmp_path: Path, suffix: str) -> None:
    with open_repository(url=db_url) as repo:
        original = _fill(repo)
    writer = multiprocessing.get_context("fork").Process(target=_busy_writer, args=(db_url,))
    writer.start()
    try:
        with open_repository(url=db_url) as repo:
            deadline = time.monotonic() + 30
            while len(repo.list_applications()) < 3 and time.monotonic() < deadline:
                time.sleep(0.02)  # back up only once the writer is really writing
            if suffix == ".db" and not db_url.startswith("sqlite"):
                with pytest.raises(ValidationFailed):
                    backup(repo, tmp_path / "x.db", kind="sqlite")
                return
            infos = [backup(repo, tmp_path / f"copy{i}{suffix}") for i in range(3)]
    finally:
        assert writer.pid is not None
        os.kill(writer.pid, signal.SIGKILL)
        writer.join()
    assert infos[-1].kind == ("sqlite" if suffix == ".db" else "json")
    assert infos[-1].applications >= 3 and infos[-1].bytes > 0
    if suffix == ".db":
        with sqlite3.connect(tmp_path / "copy2.db") as connection:
            assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)

    target = open_repository(url=f"sqlite:///{tmp_path / 'restored.db'}")
    restored_info = restore(target, tmp_path / f"copy2{suffix}")
    assert restored_info.applications == infos[-1].applications
    _consistent(target)
    assert target.get_application(original.id or 0) == original
    assert target.document_content(original.id or 0, original.documents[0].sha256).startswith(
        b"%PDF"
    )
    assert target.lookup_answer("what is your notice period") == "Four weeks."
    # new rows after a restore get fresh ids
    fresh = target.add_application(Application(company="After", position="Restore"))
    assert (fresh.id or 0) > max(a.id or 0 for a in target.list_applications()[:-1])
    target.close()


def test_restore_into_either_database_and_refuses_to_overwrite(
    repo: Repository, tmp_path: Path
) -> None:
    source = open_repository(url=f"sqlite:///{tmp_path / 'source.db'}")
    original = _fill(source)
    backup(source, tmp_path / "b.db")
    backup(source, tmp_path / "b.json")
    source.close()

    restore(repo, tmp_path / "b.json")
    assert repo.list_applications() == [original]
    with pytest.raises(ValidationFailed) as caught:
        restore(repo, tmp_path / "b.db")
    assert "--replace" in (caught.value.fix or "")
    repo.add_application(Application(company="Extra", position="Row"))
    restore(repo, tmp_path / "b.db", replace=True)
    assert repo.list_applications() == [original]
    again = repo.add_application(Application(company="Next", position="Id"))
    assert again.id == (original.id or 0) + 1


def test_damaged_or_foreign_backups_are_refused(repo: Repository, tmp_path: Path) -> None:
    cases = {
        "text.json": b'{"hello": 1}',
        "garbage.bin": os.urandom(4096),
        "truncated.db": b"SQLite format 3\x00" + b"\x00" * 50,
    }
    foreign = tmp_path / "foreign.db"
    with sqlite3.connect(foreign) as connection:
        connection.execute("CREATE TABLE t (x)")
    for name, data in cases.items():
        (tmp_path / name).write_bytes(data)
    for path in [*(tmp_path / n for n in cases), foreign]:
        with pytest.raises(InputError):
            restore(repo, path)
    assert repo.list_applications() == []
