"""`applykit apply` on the bundled example, no model (target < 2 s).

Cold: a fresh `applykit apply` process each run, as a user runs it (includes imports, the
embedder load and a new SQLite tracker). Warm: `build_dossier` again in one process.
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


def _cold_run(folder: Path, index: int) -> float:
    env = {**os.environ, "APPLYKIT_HOME": str(folder / f"home{index}")}
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
        Row("apply: cold process, example", cold, "s", "median of 5; target < 2 s"),
        Row("apply: warm, in process", warm, "s", "median of 5"),
        Row("apply: warm steps (last run)", sum(steps.values()), "s", f"ms: {step_note}"),
    ]
