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


def test_fit_table_survives_markup_in_untrusted_text(examples: Path, tmp_path: Path) -> None:
    posting = tmp_path / "posting.md"
    posting.write_text(
        "# Engineer [/] [bold red]\n\n## Requirements\n\n"
        "- Experience with [link=http://x]Python[/link] and SQL [/]\n"
        "- Kubernetes [dim]\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(
        app, ["fit", "--profile", str(examples / "profile.yaml"), "--posting", str(posting)]
    )
    assert result.exit_code == 0, result.output
    assert "[/]" in result.output and "Requirements" in result.output


def test_rank_without_postings_is_a_user_error(examples: Path) -> None:
    from applykit.errors import InputError

    result = CliRunner().invoke(app, ["rank", "--profile", str(examples / "profile.yaml")])
    assert isinstance(result.exception, InputError)
