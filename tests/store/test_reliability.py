"""Reliability, tested: writers killed with SIGKILL at random points lose no acknowledged
write and leave a sound database; concurrent writers lose no update.

Writers are real forked processes with their own database connections. A writer sends an
acknowledgement down a pipe only after its transaction has committed.
"""

from __future__ import annotations

import multiprocessing
import os
import random
import signal
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from applykit.models.application import STATUSES, Application
from applykit.store.engine import sqlite_path
from applykit.store.repository import Repository, open_repository

CRASH_ITERATIONS = {"sqlite": 200, "postgresql": 60}
CRASH_BUDGET_S = 50.0


def _writer(url: str, fd: int, seed: int, known: list[int]) -> None:
    """Write forever: new applications, status changes and notes; ack each after commit."""
    rng = random.Random(seed)
    repo = open_repository(url=url)
    os.write(fd, b"ready\n")
    ids = list(known)
    step = 0
    while True:
        step += 1
        tag = f"{seed}-{step}"
        roll = rng.random()
        if not ids or roll < 0.25:
            app = repo.add_application(Application(company=f"Co {tag}", position="Engineer"))
            assert app.id is not None
            ids.append(app.id)
            ack = f"app {app.id}"
        elif roll < 0.65:
            app_id = rng.choice(ids)
            repo.set_status(app_id, rng.choice(STATUSES), note=tag)
            ack = f"event {app_id} {tag}"
        else:
            app_id = rng.choice(ids)
            repo.add_note(app_id, tag)
            ack = f"note {app_id} {tag}"
        os.write(fd, (ack + "\n").encode())


def _run_child(target: Callable[[], None]) -> int:
    pid = os.fork()
    if pid == 0:  # child: never return into pytest
        code = 0
        try:
            target()
        except BaseException:
            code = 1
        finally:
            os._exit(code)
    return pid


def _read_all(fd: int) -> str:
    chunks = []
    while chunk := os.read(fd, 65536):
        chunks.append(chunk)
    return b"".join(chunks).decode()


def _wait_lines(fd: int, count: int, timeout: float = 30.0) -> str:
    """What the writer sent until `count` full lines arrived (or the timeout passed)."""
    import select

    seen = b""
    deadline = time.monotonic() + timeout
    while seen.count(b"\n") < count and time.monotonic() < deadline:
        readable, _, _ = select.select([fd], [], [], max(0.0, deadline - time.monotonic()))
        if not readable:
            break
        chunk = os.read(fd, 65536)
        if not chunk:
            break
        seen += chunk
    return seen.decode()


def _check_invariants(repo: Repository) -> list[Application]:
    apps = repo.list_applications()
    for app in apps:
        assert app.status_history, app.id
        assert app.status == app.status_history[-1].status, app.id
        # each committed change bumps the revision in the same transaction as its row
        assert app.revision == len(app.status_history) - 1 + len(app.notes), app.id
    return apps


@pytest.mark.slow
def test_sigkilled_writers_lose_no_acknowledged_write(db_url: str) -> None:
    import alembic.command  # noqa: F401  (loaded once here, so kills land in the migration, not in imports)

    backend = "sqlite" if db_url.startswith("sqlite") else "postgresql"
    rng = random.Random(20261123)
    acked_apps: set[int] = set()
    acked_events: set[tuple[int, str]] = set()
    acked_notes: set[tuple[int, str]] = set()
    started = time.monotonic()
    kills = 0
    for iteration in range(CRASH_ITERATIONS[backend]):
        if time.monotonic() - started > CRASH_BUDGET_S:
            break
        read_fd, write_fd = os.pipe()
        known = sorted(acked_apps)
        pid = _run_child(lambda: _writer(db_url, write_fd, iteration, known))  # noqa: B023
        os.close(write_fd)
        # Mostly kill while writing, however loaded the machine is; sometimes at any
        # moment, opening and migrating included.
        if rng.random() < 0.75:  # 'ready', then 0-6 acknowledged writes, then a random moment
            head = _wait_lines(read_fd, 1 + rng.randint(0, 6))
            time.sleep(rng.uniform(0.0, 0.03))
        else:
            head = ""
            time.sleep(rng.uniform(0.0, 0.15))
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        kills += os.WIFSIGNALED(status)
        output = head + _read_all(read_fd)
        os.close(read_fd)
        for line in output.split("\n")[:-1]:  # a torn last line was never fully acked
            if line == "ready":
                continue
            kind, app_id, *rest = line.split(" ")
            if kind == "app":
                acked_apps.add(int(app_id))
            elif kind == "event":
                acked_events.add((int(app_id), rest[0]))
            else:
                acked_notes.add((int(app_id), rest[0]))
    print(
        f"{iteration + 1} writers, {kills} killed, acked: {len(acked_apps)} applications, "
        f"{len(acked_events)} events, {len(acked_notes)} notes"
    )
    assert kills >= 30, "the writers must really be killed mid-flight"
    assert acked_apps and acked_events and acked_notes, "the writers must have made progress"

    with open_repository(url=db_url) as repo:
        apps = _check_invariants(repo)
    by_id = {app.id: app for app in apps}
    assert acked_apps <= set(by_id)
    events = {(a.id, e.note) for a in apps for e in a.status_history}
    notes = {(a.id, n.text) for a in apps for n in a.notes}
    assert acked_events <= events
    assert acked_notes <= notes
    path = sqlite_path(db_url)
    if path is not None:
        import sqlite3

        with sqlite3.connect(path) as connection:
            assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            assert connection.execute("PRAGMA foreign_key_check").fetchall() == []


def _worker(url: str, shared: int, own: int, worker: int, rounds: int, barrier: Any) -> None:
    repo = open_repository(url=url)
    barrier.wait(timeout=60)
    for step in range(rounds):
        if step % 2:
            repo.set_status(shared, STATUSES[(worker + step) % len(STATUSES)], note=f"w{worker}")
        else:
            repo.add_note(shared, f"w{worker}-{step}")
        repo.add_note(own, f"own {step}")
    repo.close()


@pytest.mark.slow
def test_concurrent_writers_lose_no_update(db_url: str) -> None:
    workers, rounds = 4, 30
    with open_repository(url=db_url) as repo:
        shared = repo.add_application(Application(company="Shared", position="Everyone"))
        owns = [
            repo.add_application(Application(company=f"Own {i}", position="One"))
            for i in range(workers)
        ]
    assert shared.id is not None and all(o.id is not None for o in owns)
    context = multiprocessing.get_context("fork")
    barrier = context.Barrier(workers)
    processes = [
        context.Process(target=_worker, args=(db_url, shared.id, own.id, i, rounds, barrier))
        for i, own in enumerate(owns)
    ]
    for process in processes:
        process.start()
    for process in processes:
        process.join(timeout=120)
        assert process.exitcode == 0
    with open_repository(url=db_url) as repo:
        _check_invariants(repo)
        final = repo.get_application(shared.id)
        assert final.revision == workers * rounds
        assert len(final.notes) == workers * rounds // 2
        assert len(final.status_history) == 1 + workers * rounds // 2
        for own in owns:
            assert own.id is not None
            assert repo.get_application(own.id).revision == rounds


def test_sqlite_database_file_is_in_wal_mode_after_crashes(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'wal.db'}"
    open_repository(url=url).close()
    pid = _run_child(lambda: _writer(url, os.open(os.devnull, os.O_WRONLY), 1, []))
    time.sleep(0.3)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    with open_repository(url=url) as repo:
        assert _check_invariants(repo)
