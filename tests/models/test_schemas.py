"""The committed JSON Schemas must match the models; regenerate with
`python -m applykit.models.schemas schemas`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pydantic import ValidationError

from applykit.models import Posting, Profile
from applykit.models.schemas import render_schemas

SCHEMAS = Path(__file__).resolve().parents[2] / "schemas"


@pytest.mark.parametrize("filename", sorted(render_schemas()))
def test_committed_schema_matches_model(filename: str) -> None:
    committed = SCHEMAS / filename
    assert committed.exists(), f"{committed} missing: run python -m applykit.models.schemas schemas"
    assert committed.read_text(encoding="utf-8") == render_schemas()[filename], (
        f"{filename} drifted from the models: run python -m applykit.models.schemas schemas"
    )


def test_no_stray_committed_schemas() -> None:
    assert {p.name for p in SCHEMAS.glob("*.json")} == set(render_schemas())


def test_drift_is_detected_when_a_model_changes() -> None:
    """Changing a model changes its schema text, so the comparison above can fail."""
    from pydantic import create_model

    changed = create_model("Posting", __base__=Posting, extra_field=(int, 0))
    before = json.loads(render_schemas()["posting.schema.json"])
    assert changed.model_json_schema() != before


def test_models_forbid_unknown_fields() -> None:
    with pytest.raises(ValidationError):
        Posting.model_validate({"title": "x", "salary_guess": 1})


def test_profile_highlights_accept_json_resume_strings() -> None:
    profile = Profile.model_validate(
        {"basics": {"name": "A"}, "work": [{"name": "Co", "highlights": ["Did a thing"]}]}
    )
    assert profile.work[0].highlights[0].text == "Did a thing"


def test_partial_dates_are_validated() -> None:
    Profile.model_validate({"work": [{"name": "Co", "startDate": "2021-03", "endDate": "present"}]})
    with pytest.raises(ValidationError):
        Profile.model_validate({"work": [{"name": "Co", "startDate": "March 2021"}]})
