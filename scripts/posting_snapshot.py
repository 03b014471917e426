"""Check that a change to the posting parser leaves its output unchanged, and count its cost.

    python scripts/posting_snapshot.py write FILE     # parse the corpus, save every Posting
    python scripts/posting_snapshot.py compare FILE   # parse again, list the postings that differ
    python scripts/posting_snapshot.py instructions   # instructions per posting under callgrind

The corpus: the 42 descriptions of ../shared/data/postings/linkedin_dev.csv (a developer's
checkout only; this script is a development tool, not part of the product), the example
postings, and 60 random texts built from posting-like fragments with a fixed seed.
`instructions` runs this file under `valgrind --tool=callgrind` twice (1 and 3 passes over the
42 descriptions) and divides the difference, so imports and warm-up do not count; instruction
counts do not change with the load of the machine, unlike seconds.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import random
import re
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEV_CSV = REPO.parent / "shared" / "data" / "postings" / "linkedin_dev.csv"
TODAY = dt.date(2024, 4, 1)
_FRAGMENTS = [
    "Senior Engineer",
    "$120,000 - $150,000 per year",
    "€4.500 – €5.500 brutto/Monat",
    "\n- ",
    "\n  • ",
    "Requirements:\n",
    "Nice to have:\n",
    "5+ years of Python",
    "Seattle, WA",
    "Remote (US)",
    "Full-time",
    "Requisition ID: R-123",
    "Posted 3 weeks ago",
    "\u200b",
    "## About us\n",
    "We're hiring a Data Scientist to",
    "Bachelor's degree in CS",
    "Kubernetes",
    "Please include a cover letter.",
    "<b>",
    "up to $90/hr",
    "Internship",
    "L6",
    " and ",
    ".",
]


def dev_texts() -> list[str]:
    with DEV_CSV.open(encoding="utf-8", newline="") as handle:
        return [row["description"] for row in csv.DictReader(handle)]


def corpus() -> list[tuple[str, str]]:
    items = [(f"dev{i}", text) for i, text in enumerate(dev_texts())]
    for path in sorted((REPO / "examples" / "postings").iterdir()):
        if path.suffix in {".txt", ".md"}:
            items.append((path.name, path.read_text(encoding="utf-8")))
    rng = random.Random(20261123)
    for i in range(60):
        items.append(
            (f"random{i}", "".join(rng.choice(_FRAGMENTS) for _ in range(rng.randint(5, 80))))
        )
    return items


def snapshot() -> dict[str, str]:
    from applykit.ingest.postings import parse_posting

    out: dict[str, str] = {}
    for name, text in corpus():
        out[name] = parse_posting(text, today=TODAY).model_dump_json()
        out[name + ":noskills"] = parse_posting(text, today=TODAY, skills=False).model_dump_json()
    return out


def compare(path: Path) -> int:
    old = json.loads(path.read_text(encoding="utf-8"))
    new = snapshot()
    differ = [name for name in old if old[name] != new.get(name)]
    for name in differ[:20]:
        a, b = json.loads(old[name]), json.loads(new[name])
        fields = [k for k in a if a[k] != b.get(k)]
        print(f"{name}: fields differ: {', '.join(fields)}")
        for key in fields[:3]:
            print(f"   was {json.dumps(a[key])[:300]}\n   now {json.dumps(b[key])[:300]}")
    print(f"{len(differ)} of {len(old)} parses differ")
    return 1 if differ else 0


def _passes(count: int, skills: bool) -> None:
    from applykit.ingest.postings import parse_posting

    texts = dev_texts()
    for text in texts:  # warm-up
        parse_posting(text, today=TODAY, skills=skills)
    for _ in range(count):
        for text in texts:
            parse_posting(text, today=TODAY, skills=skills)


def _callgrind(count: int, skills: bool) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "cg.out"
        subprocess.run(
            [
                "valgrind",
                "--tool=callgrind",
                f"--callgrind-out-file={out}",
                sys.executable,
                __file__,
                "_passes",
                str(count),
                "1" if skills else "0",
            ],
            check=True,
            capture_output=True,
        )
        match = re.search(r"^(?:summary|totals): (\d+)", out.read_text(), re.MULTILINE)
        assert match, "no totals in the callgrind output"
        return int(match.group(1))


def instructions() -> None:
    count = len(dev_texts())
    for skills in (True, False):
        per = (_callgrind(3, skills) - _callgrind(1, skills)) / (2 * count)
        print(f"skills={skills}: {per / 1e6:.2f} M instructions per posting")


def main() -> int:
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "write":
        Path(sys.argv[2]).write_text(json.dumps(snapshot()), encoding="utf-8")
        return 0
    if command == "compare":
        return compare(Path(sys.argv[2]))
    if command == "instructions":
        instructions()
        return 0
    if command == "_passes":
        _passes(int(sys.argv[2]), sys.argv[3] == "1")
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
