"""Fact ids: stable across re-imports, formats, reordering and edits to other bullets."""

from __future__ import annotations

from pathlib import Path

from applykit.ingest.profile_export import export_profile
from applykit.ingest.profile_ids import assign_ids, fact_id, normalise
from applykit.ingest.profiles import import_profile, load_profile, save_profile
from applykit.models.profile import Profile

RESUME = """\
# Jo Bright

## Experience

### Platform Engineer — Umber Systems
2020 – 2023

- Built the deploy pipeline in Go, cutting release time by 50%.
- Ran the on-call rotation for 6 services.
- Wrote the incident review template.
"""


def _ids(profile: Profile) -> dict[str, str]:
    return {fact.text: fact.id for fact in profile.facts()}


def test_same_file_same_ids(tmp_path: Path) -> None:
    path = tmp_path / "cv.md"
    path.write_text(RESUME, encoding="utf-8")
    assert _ids(import_profile(path)) == _ids(import_profile(path))


def test_editing_or_reordering_other_bullets_keeps_ids(tmp_path: Path) -> None:
    path = tmp_path / "cv.md"
    path.write_text(RESUME, encoding="utf-8")
    before = _ids(import_profile(path))
    lines = RESUME.splitlines()
    lines[7], lines[8] = lines[8], lines[7]  # swap two bullets
    lines[9] = "- Wrote the incident review template used by 4 teams."  # edit a third
    lines.insert(7, "- Added a brand new first bullet.")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    after = _ids(import_profile(path))
    for text in (
        "Built the deploy pipeline in Go, cutting release time by 50%.",
        "Ran the on-call rotation for 6 services.",
    ):
        assert after[text] == before[text]
    assert after["Wrote the incident review template used by 4 teams."] not in before.values()


def test_id_shape_and_normalisation() -> None:
    an_id = fact_id("w", "Umber Systems, Inc.", "Ran the on-call rotation for 6 services.")
    assert an_id.startswith("w-umber-") and len(an_id.rsplit("-", 1)[1]) == 6
    # punctuation, case, emphasis and accents do not change the id
    assert an_id == fact_id("w", "umber systems inc", "**ran** the ON-CALL rotation for 6 services")
    assert normalise("Café — 18% CTR") == "cafe 18% ctr"


def test_duplicate_bullets_get_distinct_ids() -> None:
    profile = Profile.model_validate(
        {"work": [{"name": "Acme", "highlights": ["Did X.", "Did X."]}, {"name": "Acme"}]}
    )
    assign_ids(profile)
    ids = [fact.id for fact in profile.facts()]
    assert len(set(ids)) == 2
    assert profile.work[0].id != profile.work[1].id


def test_saved_ids_survive_hand_edits(tmp_path: Path, examples: Path) -> None:
    profile = import_profile(examples / "profile.yaml")
    saved = save_profile(profile, tmp_path / "profile.yaml")
    original = profile.work[0].highlights[0]
    text = saved.read_text(encoding="utf-8")
    assert original.id in text and "skills:" not in text.split("work:")[1][:2000]
    edited = text.replace("reducing p95 latency", "cutting p95 latency", 1)
    saved.write_text(edited, encoding="utf-8")
    reloaded = load_profile(saved)
    fact = reloaded.work[0].highlights[0]
    assert fact.id == original.id and "cutting p95 latency" in fact.text
    assert [f.id for f in reloaded.facts()] == [f.id for f in profile.facts()]


def test_ids_match_across_formats(tmp_path: Path, examples: Path) -> None:
    profile = import_profile(examples / "profile.yaml")
    markdown = tmp_path / "cv.md"
    markdown.write_text(export_profile(profile, "markdown"), encoding="utf-8")
    assert [f.id for f in import_profile(markdown).facts()] == [f.id for f in profile.facts()]
