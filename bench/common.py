"""What every bench case uses: a result row, a timer, and where the shared data lives."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO.parent / "shared" / "data"
EXAMPLES = REPO / "examples"


@dataclass(frozen=True)
class Row:
    """One figure: the case, its median (or single) value, its unit, and a note."""

    case: str
    value: float
    unit: str
    note: str = ""


def median_seconds(action: Callable[[], object], *, repeat: int = 7, warmup: int = 1) -> float:
    """Median wall time of `action` over `repeat` runs after `warmup` untimed ones."""
    for _ in range(warmup):
        action()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def needs_shared(path: Path) -> Path:
    """Bench cases may read ../shared; say clearly when it is absent."""
    if not path.exists():
        raise FileNotFoundError(
            f"{path} is missing: this case needs ../shared/data beside the repo"
        )
    return path
