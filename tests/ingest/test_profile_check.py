"""`check_profile`: hand-edited files fail with file, line, field and fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from applykit.errors import ValidationFailed
from applykit.ingest.profiles import check_profile, import_profile

RESUMES = Path(__file__).parent / "resumes"


def test_check_names_lines_fields_and_fixes() -> None:
    path = RESUMES / "bad-profile.yaml"
    with pytest.raises(ValidationFailed) as caught:
        check_profile(path)
    error = caught.value
    assert "2 problems" in error.what
    assert "line 6, work[0].startDate" in error.what
    assert "YYYY-MM" in error.what
    assert "line 10, work[1].positon" in error.what
    assert "allowed here:" in error.what and "position" in error.what
    assert error.where == f"{path}:6"
    assert error.fix and "YYYY" in error.fix


def test_import_is_lenient_where_check_is_strict() -> None:
    profile = import_profile(RESUMES / "bad-profile.yaml")
    assert profile.work[0].startDate == "2020-09"
    assert profile.unplaced == ["work[1].positon: Analyst"]
    assert any("positon" in warning for warning in profile.warnings)


def test_yaml_syntax_error_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "profile.yaml"
    path.write_text("basics:\n  name: Ann\nwork:\n  - name: [unclosed\n", encoding="utf-8")
    with pytest.raises(ValidationFailed) as caught:
        check_profile(path)
    assert caught.value.where is not None and caught.value.where.startswith(f"{path}:")


def test_json_syntax_error_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "profile.json"
    path.write_text('{\n  "basics": {"name": "Ann"},\n  "work": [\n}\n', encoding="utf-8")
    with pytest.raises(ValidationFailed) as caught:
        import_profile(path)
    assert caught.value.where == f"{path}:4:1"


def test_json_errors_map_to_lines(tmp_path: Path) -> None:
    path = tmp_path / "profile.json"
    path.write_text(
        '{\n  "basics": {"name": "Ann"},\n  "work": [\n    {"name": "X",\n'
        '     "endDate": "someday"}\n  ]\n}\n',
        encoding="utf-8",
    )
    with pytest.raises(ValidationFailed) as caught:
        check_profile(path)
    assert "line 5, work[0].endDate" in caught.value.what


def test_saved_profile_passes_check(tmp_path: Path, examples: Path) -> None:
    from applykit.ingest.profiles import save_profile

    saved = save_profile(import_profile(examples / "profile.yaml"), tmp_path / "p.yaml")
    assert len(check_profile(saved).facts()) == 25
    assert len(check_profile(examples / "profile.yaml").facts()) == 25
