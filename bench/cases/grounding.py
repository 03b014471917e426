"""Grounding guard accuracy on the fabrication set (bench/data/fabrication).

Honest letters written from the example profile must pass (false alarms), and copies with one
planted fabrication each must be flagged at the planted span (recall). `planted.json` is the
development set the rules were tuned on; `planted_heldout.json` and `planted_heldout2.json`
were written after them (see docs/letters.md for what was fixed after their first runs).
"""

from __future__ import annotations

import json
import time
from collections import Counter
from typing import Any

from bench.common import EXAMPLES, REPO, Row

DATA = REPO / "bench" / "data" / "fabrication"


def _load() -> tuple[Any, dict[str, tuple[str, Any]]]:
    from applykit.ingest.postings import parse_posting_file
    from applykit.ingest.profiles import load_profile

    cases = json.loads((DATA / "cases.json").read_text(encoding="utf-8"))
    profile = load_profile(REPO / cases["profile"])
    letters = {
        case["id"]: (
            (REPO / case["letter"]).read_text(encoding="utf-8"),
            parse_posting_file(REPO / case["posting"]),
        )
        for case in cases["letters"]
    }
    return profile, letters


def _honest_rows(profile: Any, letters: dict[str, tuple[str, Any]]) -> list[Row]:
    from applykit.match.fit import analyze_fit
    from applykit.write.grounding import check_grounding
    from applykit.write.letter import write_letter

    texts = [(text, posting) for text, posting in letters.values()]
    for path in sorted((EXAMPLES / "postings").iterdir()):
        from applykit.ingest.postings import parse_posting_file

        posting = parse_posting_file(path)
        letter = write_letter(profile, posting, analyze_fit(profile, posting))
        texts.append((letter.markdown, posting))
    flagged_letters = 0
    claims = flagged_claims = 0
    seconds: list[float] = []
    for text, posting in texts:
        start = time.perf_counter()
        report = check_grounding(text, profile, posting)
        seconds.append(time.perf_counter() - start)
        claims += len(report.claims)
        flagged_claims += len(report.untraced)
        flagged_letters += not report.ok
    seconds.sort()
    return [
        Row(
            "grounding.false_alarm_letters",
            100 * flagged_letters / len(texts),
            "%",
            f"{flagged_letters}/{len(texts)} honest letters flagged ({len(letters)} hand-written, "
            f"{len(texts) - len(letters)} grounded)",
        ),
        Row(
            "grounding.false_alarm_claims",
            100 * flagged_claims / max(1, claims),
            "%",
            f"{flagged_claims}/{claims} claims in honest letters",
        ),
        Row(
            "grounding.check_latency",
            seconds[len(seconds) // 2],
            "s",
            "median check_grounding time per letter",
        ),
    ]


def _recall(profile: Any, letters: dict[str, tuple[str, Any]], name: str) -> Row:
    from applykit.write.grounding import check_grounding

    plants = json.loads((DATA / name).read_text(encoding="utf-8"))
    caught = 0
    missed: Counter[str] = Counter()
    for plant in plants:
        text, posting = letters[plant["base"]]
        if plant["find"] not in text:
            raise ValueError(f"{name}: {plant['find']!r} is not in letter {plant['base']}")
        start = text.index(plant["find"])
        end = start + len(plant["replace"])
        report = check_grounding(text.replace(plant["find"], plant["replace"], 1), profile, posting)
        if any(c.start < end and c.end > start for c in report.untraced):
            caught += 1
        else:
            missed[plant["kind"]] += 1
    kinds = Counter(plant["kind"] for plant in plants)
    note = f"{caught}/{len(plants)} caught; kinds {dict(kinds)}"
    if missed:
        note += f"; missed {dict(missed)}"
    label = name.removesuffix(".json").replace("planted_", "").replace("planted", "dev")
    return Row(f"grounding.recall_planted_{label}", 100 * caught / len(plants), "%", note)


def run() -> list[Row]:
    profile, letters = _load()
    rows = [
        _recall(profile, letters, name)
        for name in ("planted.json", "planted_heldout.json", "planted_heldout2.json")
    ]
    return rows + _honest_rows(profile, letters)


if __name__ == "__main__":
    for row in run():
        print(row)
