from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from applykit.cli.main import app


def test_fit_json_on_the_examples(examples: Path) -> None:
    result = CliRunner().invoke(
        app,
        [
            "fit",
            "--profile",
            str(examples / "profile.yaml"),
            "--posting",
            str(examples / "postings" / "senior-ml-engineer.md"),
            "--json",
        ],
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert 0 <= report["score"] <= 100 and report["requirements"]
    statuses = {r["status"] for r in report["requirements"]}
    assert statuses <= {"met", "partial", "gap"} and "met" in statuses


def test_rank_folder_with_filters(examples: Path) -> None:
    result = CliRunner().invoke(
        app,
        [
            "rank",
            "--profile",
            str(examples / "profile.yaml"),
            str(examples / "postings"),
            "--remote-only",
            "--json",
        ],
    )
    assert result.exit_code == 0, result.output
    ranking = json.loads(result.output)
    assert ranking["total"] == 7
    assert ranking["filtered"] and all(r["filtered_out"] for r in ranking["filtered"])
    assert all(r["work_mode"] in ("remote", None) for r in ranking["ranked"])
