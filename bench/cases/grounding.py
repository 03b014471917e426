"""Grounding guard accuracy on the fabrication sets (bench/data/fabrication), set by set.

Honest letters written from the example profile must pass (false alarms), and copies with one
planted fabrication each must be flagged at the planted span (recall). Sets:

* `tuning`: `cases.json` letters + `planted.json`, the set the rules were tuned on;
* `heldout`, `heldout2`: `planted_heldout*.json` on the same letters, written after the rules
  (rules were fixed after their first runs, so they are no longer untouched);
* `heldout3`: `heldout3/` has its own honest letters and plants, written before the rules
  were tuned on it; its untouched first-run figures are in docs/letters.md;
* `heldout4` … `heldout11`: written after later rounds of tuning, each committed before its
  first run; the untouched first-run figures are in docs/letters.md;
* `grounded`: the letters the default grounded backend writes for every example posting
  (honest by construction; false alarms only).

`python -m bench.cases.grounding` also lists every miss and false alarm.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.common import EXAMPLES, REPO, Row

DATA = REPO / "bench" / "data" / "fabrication"
TODAY = dt.date(2026, 11, 23)
"""The day the sets' figures are taken on: a job without an end date runs to `TODAY`, so an
inflated "seven years" stays inflated however late the bench is run (on 2026-12-01 the work
history reaches seven years and two plants would turn true).

A set written on another day is read as of that day: its `cases.json` may say `"today"`, and
the sets written on 2026-12-07 whose files were hashed before that key existed are listed in
`_WRITTEN_ON` (their writers counted years to that day)."""
_WRITTEN_ON = {name: dt.date(2026, 12, 7) for name in ("tune16", "blind17", "blind18")}


def _set_order(folder: Path) -> tuple[str, int]:
    digits = "".join(ch for ch in folder.name if ch.isdigit())
    return (folder.name.rstrip("0123456789"), int(digits or 0))


# Every folder of DATA with a cases.json and planted.json is a set of its own (heldout3 …,
# blind14 …), found by name so a new set needs no code change.
_PLANT_SETS = (
    ("tuning", DATA / "cases.json", DATA / "planted.json"),
    ("heldout", DATA / "cases.json", DATA / "planted_heldout.json"),
    ("heldout2", DATA / "cases.json", DATA / "planted_heldout2.json"),
    *tuple(
        (folder.name, folder / "cases.json", folder / "planted.json")
        for folder in sorted(DATA.iterdir(), key=_set_order)
        if (folder / "cases.json").is_file() and (folder / "planted.json").is_file()
    ),
)


@dataclass
class _Log:
    """Misses and false alarms, for the detailed listing."""

    misses: list[str] = field(default_factory=list)
    false_alarms: list[str] = field(default_factory=list)
    seconds: list[float] = field(default_factory=list)


Letters = dict[str, tuple[str, Any, dt.date]]
"""Letter id → (text, parsed posting, the day it is checked as of)."""


def _day_of(cases_path: Path, cases: dict[str, Any]) -> dt.date:
    if "today" in cases:
        return dt.date.fromisoformat(cases["today"])
    return _WRITTEN_ON.get(cases_path.parent.name, TODAY)


def _letters(cases_path: Path) -> tuple[Any, Letters]:
    from applykit.ingest.postings import parse_posting_file
    from applykit.ingest.profiles import load_profile

    cases = json.loads(cases_path.read_text(encoding="utf-8"))
    profile = load_profile(REPO / cases["profile"])
    day = _day_of(cases_path, cases)
    letters = {
        case["id"]: (
            (REPO / case["letter"]).read_text(encoding="utf-8"),
            parse_posting_file(REPO / case["posting"], today=day),
            day,
        )
        for case in cases["letters"]
    }
    return profile, letters


def _grounded_letters(profile: Any) -> Letters:
    from applykit.ingest.postings import parse_posting_file
    from applykit.match.fit import analyze_fit
    from applykit.write.letter import write_letter

    letters: Letters = {}
    for path in sorted((EXAMPLES / "postings").iterdir()):
        posting = parse_posting_file(path, today=TODAY)
        letter = write_letter(profile, posting, analyze_fit(profile, posting, today=TODAY))
        letters[f"grounded:{path.name}"] = (letter.markdown, posting, TODAY)
    return letters


def _false_alarms(label: str, profile: Any, letters: Letters, log: _Log) -> list[Row]:
    from applykit.write.grounding import check_grounding

    flagged_letters = claims = flagged_claims = 0
    for name, (text, posting, day) in letters.items():
        start = time.perf_counter()
        report = check_grounding(text, profile, posting, today=day)
        log.seconds.append(time.perf_counter() - start)
        claims += len(report.claims)
        flagged_claims += len(report.untraced)
        flagged_letters += not report.ok
        for claim in report.untraced:
            log.false_alarms.append(f"{label}/{name}: {claim.text!r} ({claim.note})")
    return [
        Row(
            f"grounding.false_alarm_letters_{label}",
            100 * flagged_letters / max(1, len(letters)),
            "%",
            f"{flagged_letters}/{len(letters)} honest letters flagged",
        ),
        Row(
            f"grounding.false_alarm_claims_{label}",
            100 * flagged_claims / max(1, claims),
            "%",
            f"{flagged_claims}/{claims} claims in honest letters",
        ),
    ]


def _recall(label: str, profile: Any, letters: Letters, plants_path: Path, log: _Log) -> Row:
    from applykit.write.grounding import check_grounding

    plants = json.loads(plants_path.read_text(encoding="utf-8"))
    caught = 0
    missed: Counter[str] = Counter()
    for plant in plants:
        text, posting, day = letters[plant["base"]]
        if plant["find"] not in text:
            raise ValueError(f"{plants_path.name}: {plant['find']!r} not in {plant['base']}")
        start = text.index(plant["find"])
        end = start + len(plant["replace"])
        report = check_grounding(
            text.replace(plant["find"], plant["replace"], 1), profile, posting, today=day
        )
        if any(c.start < end and c.end > start for c in report.untraced):
            caught += 1
        else:
            missed[plant["kind"]] += 1
            log.misses.append(f"{label}/{plant['base']} [{plant['kind']}]: {plant['replace']!r}")
    note = f"{caught}/{len(plants)} caught"
    if missed:
        note += f"; missed {dict(missed)}"
    return Row(f"grounding.recall_{label}", 100 * caught / max(1, len(plants)), "%", note)


def measure(log: _Log) -> list[Row]:
    rows: list[Row] = []
    honest: list[Row] = []
    loaded: dict[Path, tuple[Any, Letters]] = {}
    for label, cases_path, plants_path in _PLANT_SETS:
        if cases_path not in loaded:
            loaded[cases_path] = _letters(cases_path)
            profile, letters = loaded[cases_path]
            honest_label = "tuning" if cases_path == DATA / "cases.json" else label
            honest += _false_alarms(honest_label, profile, letters, log)
        profile, letters = loaded[cases_path]
        rows.append(_recall(label, profile, letters, plants_path, log))
    profile = next(iter(loaded.values()))[0]
    honest += _false_alarms("grounded", profile, _grounded_letters(profile), log)
    seconds = sorted(log.seconds)
    latency = Row(
        "grounding.check_latency",
        1000 * seconds[len(seconds) // 2],
        "ms",
        f"median check_grounding time per honest letter ({len(seconds)} letters; "
        f"max {1000 * seconds[-1]:.0f} ms)",
    )
    return [*rows, *honest, latency]


def run() -> list[Row]:
    return measure(_Log())


if __name__ == "__main__":
    details = _Log()
    for row in measure(details):
        print(f"{row.case:45} {row.value:7.3g} {row.unit:3} {row.note}")
    print("\nmissed plants:", *details.misses, sep="\n  ")
    print("\nfalse alarms:", *details.false_alarms, sep="\n  ")
