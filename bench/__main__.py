"""Run bench cases and print a table: `python -m bench [NAME ...] [--json FILE]`.

Each module in bench/cases/ defines `run() -> list[Row]`. NAME selects modules by name.
"""

from __future__ import annotations

import argparse
import importlib
import json
import pkgutil
import sys
import traceback
from dataclasses import asdict

from bench import cases
from bench.common import Row


def _case_names() -> list[str]:
    return sorted(info.name for info in pkgutil.iter_modules(cases.__path__))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("names", nargs="*", help=f"cases to run (default all): {_case_names()}")
    parser.add_argument("--json", dest="json_path", help="also write the rows as JSON here")
    args = parser.parse_args(argv)
    names = args.names or _case_names()
    unknown = sorted(set(names) - set(_case_names()))
    if unknown:
        parser.error(f"unknown case(s) {unknown}; known: {_case_names()}")
    rows: list[Row] = []
    failed: list[str] = []
    for name in names:
        module = importlib.import_module(f"bench.cases.{name}")
        print(f"running {name} …", file=sys.stderr, flush=True)
        try:
            rows.extend(module.run())
        except Exception:
            failed.append(name)
            traceback.print_exc()
    _print_table(rows)
    if args.json_path:
        with open(args.json_path, "w", encoding="utf-8") as handle:
            json.dump([asdict(row) for row in rows], handle, indent=2)
    if failed:
        print(f"failed cases: {failed}", file=sys.stderr)
    return 1 if failed else 0


def _print_table(rows: list[Row]) -> None:
    headers = ("case", "median/value", "unit", "note")
    table = [(r.case, f"{r.value:.4g}", r.unit, r.note) for r in rows]
    widths = [
        max(len(h), *(len(t[i]) for t in table)) if table else len(h) for i, h in enumerate(headers)
    ]
    line = " | ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True))
    print(line)
    print("-+-".join("-" * w for w in widths))
    for t in table:
        print(" | ".join(c.ljust(w) for c, w in zip(t, widths, strict=True)))


if __name__ == "__main__":
    sys.exit(main())
