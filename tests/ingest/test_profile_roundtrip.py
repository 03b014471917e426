"""Round trips: JSON Resume → Profile → JSON Resume without loss; YAML and Markdown back."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

from applykit.ingest.profile_export import export_profile
from applykit.ingest.profiles import import_profile


def _without_empty(value: Any) -> Any:
    if isinstance(value, dict):
        cleaned = {k: _without_empty(v) for k, v in value.items()}
        return {k: v for k, v in cleaned.items() if v not in (None, "", [], {})}
    if isinstance(value, list):
        return [_without_empty(item) for item in value]
    return value


def test_json_resume_round_trip_is_lossless(examples: Path) -> None:
    original = json.loads((examples / "profile.json").read_text(encoding="utf-8"))
    exported = json.loads(export_profile(import_profile(examples / "profile.json"), "jsonresume"))
    assert exported == _without_empty(original)


def test_json_resume_round_trip_keeps_every_standard_field(tmp_path: Path) -> None:
    resume = {
        "$schema": "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json",
        "basics": {
            "name": "Ana Ruiz",
            "image": "https://example.org/ana.png",
            "location": {
                "address": "1 Calle",
                "postalCode": "28001",
                "city": "Madrid",
                "countryCode": "ES",
                "region": "Madrid",
            },
            "profiles": [
                {"network": "Mastodon", "username": "ana", "url": "https://m.example/@ana"}
            ],
        },
        "work": [
            {
                "name": "Lumo",
                "position": "Dev",
                "description": "Maps",
                "startDate": "2019-04-02",
                "endDate": "2021",
                "summary": "S",
                "highlights": ["A", "B"],
                "url": "https://lumo.example",
            }
        ],
        "volunteer": [
            {
                "organization": "Food Bank",
                "position": "Driver",
                "startDate": "2018",
                "highlights": ["Drove 300 km a week."],
            }
        ],
        "education": [
            {
                "institution": "UCM",
                "area": "Physics",
                "studyType": "BSc",
                "score": "8.1",
                "courses": ["Optics"],
                "startDate": "2012",
                "endDate": "2016",
            }
        ],
        "awards": [
            {"title": "Best demo", "date": "2020-10", "awarder": "HackMad", "summary": "Won"}
        ],
        "certificates": [
            {"name": "CKAD", "date": "2021-03", "issuer": "CNCF", "url": "https://c.example"}
        ],
        "publications": [
            {
                "name": "On maps",
                "publisher": "Blog",
                "releaseDate": "2020",
                "url": "https://p.example",
                "summary": "Notes",
            }
        ],
        "skills": [{"name": "Web", "level": "Senior", "keywords": ["TypeScript"]}],
        "languages": [{"language": "Spanish", "fluency": "Native"}],
        "interests": [{"name": "Climbing", "keywords": ["bouldering"]}],
        "references": [{"name": "Bo", "reference": "Great"}],
        "projects": [
            {
                "name": "tiles",
                "description": "Map tiles",
                "highlights": ["Fast."],
                "keywords": ["Rust"],
                "startDate": "2020",
                "endDate": "2021",
                "url": "https://t.example",
                "roles": ["Author"],
                "entity": "Self",
                "type": "app",
            }
        ],
        "meta": {"canonical": "https://example.org/resume.json", "version": "v1.0.0"},
    }
    path = tmp_path / "resume.json"
    path.write_text(json.dumps(resume), encoding="utf-8")
    assert json.loads(export_profile(import_profile(path), "jsonresume")) == resume


def test_yaml_export_reloads_to_the_same_profile(tmp_path: Path, examples: Path) -> None:
    profile = import_profile(examples / "profile.yaml")
    path = tmp_path / "saved.yaml"
    path.write_text(export_profile(profile, "yaml"), encoding="utf-8")
    assert yaml.safe_load(path.read_text(encoding="utf-8"))["work"][0]["highlights"][0]["id"]
    assert import_profile(path) == profile


def test_markdown_export_imports_back(tmp_path: Path, examples: Path) -> None:
    profile = import_profile(examples / "profile.yaml")
    path = tmp_path / "cv.md"
    path.write_text(export_profile(profile, "markdown"), encoding="utf-8")
    again = import_profile(path)
    assert again.warnings == [] and again.unplaced == []

    def shape(p: Any) -> Any:
        return (
            [
                (w.name, w.position, w.location, w.startDate, w.endDate, w.summary, w.url)
                for w in p.work
            ],
            [
                (e.institution, e.studyType, e.area, e.startDate, e.endDate, e.score, e.courses)
                for e in p.education
            ],
            [(x.name, x.description, x.url, x.keywords, x.startDate) for x in p.projects],
            [(v.organization, v.position) for v in p.volunteer],
            [(s.name, s.level, s.keywords) for s in p.skills],
            [(lang.language, lang.fluency) for lang in p.languages],
            [(c.name, c.issuer, c.date) for c in p.certificates],
            [(a.title, a.date) for a in p.awards],
            [(x.name, x.releaseDate) for x in p.publications],
            [f.id for f in p.facts()],
            (p.basics.name, p.basics.email, p.basics.phone, p.basics.url, p.basics.summary),
        )

    assert shape(again) == shape(profile)
