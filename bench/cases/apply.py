"""`applykit apply` on the bundled example, no model (target < 2 s).

A new `applykit apply` process each run, as a user runs it (imports, the embedder load, the
tracker): first with a fresh home (no embedding cache, a new database), then with the home
reused (the profile's embeddings cached, as on every run after the first). Warm:
`build_dossier` again in one process.
"""

from __future__ import annotations

import datetime as dt
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import EXAMPLES, Row, median_seconds

POSTING = EXAMPLES / "postings" / "senior-ml-engineer.md"
PROFILE = EXAMPLES / "profile.yaml"


def _cold_run(folder: Path, index: int, home: str | None = None) -> float:
    env = {**os.environ, "APPLYKIT_HOME": str(folder / (home or f"home{index}"))}
    env.pop("APPLYKIT_DATABASE_URL", None)
    command = [
        sys.executable,
        "-m",
        "applykit",
        "apply",
        str(POSTING),
        "--profile",
        str(PROFILE),
        "--out",
        str(folder / f"out{index}"),
        "--today",
        "2026-11-23",
    ]
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, env=env)
    return time.perf_counter() - start


def run() -> list[Row]:
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        cold = statistics.median(_cold_run(folder, index) for index in range(5))
        _cold_run(folder, 0, home="shared")
        rerun = statistics.median(_cold_run(folder, index, home="shared") for index in range(5))
        os.environ["APPLYKIT_HOME"] = str(folder / "warm-home")
        from applykit.config import get_settings
        from applykit.pipeline import build_dossier

        settings = get_settings()
        steps: dict[str, float] = {}

        def once() -> None:
            result = build_dossier(
                POSTING,
                PROFILE,
                out_dir=folder / "warm",
                today=dt.date(2026, 11, 23),
                settings=settings,
            )
            steps.update(result.step_seconds)

        warm = median_seconds(once, repeat=5)
    step_note = ", ".join(f"{name} {seconds * 1000:.0f}" for name, seconds in steps.items())
    return [
        Row("apply: new process, first run ever", cold, "s", "fresh home: empty caches, new db"),
        Row("apply: new process, usual run", rerun, "s", "home reused; target < 2 s"),
        Row("apply: warm, in process", warm, "s", "median of 5"),
        Row("apply: warm steps (last run)", sum(steps.values()), "s", f"ms: {step_note}"),
    ]
