"""Cold start of `applykit --help` (target < 0.5 s)."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time

from bench.common import Row


def run() -> list[Row]:
    command = [sys.executable, "-m", "applykit", "--help"]
    times = []
    for _ in range(7):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return [Row("cli: applykit --help", statistics.median(times), "s", "median of 7 processes")]
