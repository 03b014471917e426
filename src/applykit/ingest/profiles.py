"""The candidate's master profile: import from any resume format, load, check, export.

    from applykit.ingest.profiles import import_profile, load_profile, export_profile
    profile = import_profile(Path("resume.pdf"))      # format detected; ids, skills, metrics
    profile = load_profile(Path("examples/profile.yaml"))
    text = export_profile(profile, "markdown")         # "jsonresume" | "yaml" | "markdown"

Every fact gets a stable id (see profile_ids), the skills the extractor finds in it and the
metrics it states. What could not be placed is in `profile.unplaced`; what to review is in
`profile.warnings`. Unreadable files and text that is not a resume raise InputError.
"""

from __future__ import annotations

from pathlib import Path

from applykit.errors import InputError
from applykit.ingest.documents import read_document
from applykit.ingest.profile_export import FORMATS, export_profile
from applykit.ingest.profile_ids import assign_ids
from applykit.ingest.profile_metrics import extract_metrics
from applykit.ingest.profile_store import save_profile
from applykit.models.profile import Profile

__all__ = [
    "FORMATS",
    "check_profile",
    "enrich_facts",
    "export_profile",
    "extract_metrics",
    "import_profile",
    "load_current_profile",
    "load_profile",
    "save_profile",
]


def import_profile(path: Path) -> Profile:
    """Read a resume or profile in any supported format into a Profile with fact ids."""
    document = read_document(path)
    if document.format in ("json", "yaml"):
        from applykit.ingest.profile_structured import parse_structured_text, profile_from_data

        data = parse_structured_text(document.text, document.format, path)
        profile = profile_from_data(data, path=path, text=document.text, strict=False)
    else:
        from applykit.ingest.profile_contact import add_links
        from applykit.ingest.profile_text import parse_resume_text

        if document.format == "html":
            raise InputError(
                "HTML resumes are not supported",
                where=str(path),
                fix="save the resume as PDF, DOCX or Markdown, or copy its text into a .txt file",
            )
        profile = parse_resume_text(document.text, source=str(path))
        add_links(document.links, profile)
    profile.warnings = [*document.warnings, *profile.warnings]
    if document.hidden_text:
        profile.unplaced = [
            *profile.unplaced,
            *(f"hidden text: {text}" for text in document.hidden_text),
        ]
    assign_ids(profile)
    enrich_facts(profile)
    return profile


def load_profile(path: Path) -> Profile:
    """The profile at `path` (any format); ids already in a saved profile are kept."""
    return import_profile(path)


def load_current_profile() -> Profile:
    """The profile saved by `applykit profile import` (APPLYKIT_HOME/profile.yaml), or a
    NotFound error that says how to create it: for commands whose --profile is optional."""
    from applykit.ingest.profile_store import require_current_profile

    return import_profile(require_current_profile())


def check_profile(path: Path) -> Profile:
    """Validate a hand-edited JSON/YAML profile strictly; errors name line, field and fix."""
    from applykit.ingest.profile_structured import parse_structured_text, profile_from_data

    document = read_document(path)
    if document.format not in ("json", "yaml"):
        raise InputError(
            f"'profile check' validates JSON or YAML profiles; this is {document.format}",
            where=str(path),
            fix="import it first with `applykit profile import FILE`, then edit the saved YAML",
        )
    data = parse_structured_text(document.text, document.format, path)
    profile = profile_from_data(data, path=path, text=document.text, strict=True)
    assign_ids(profile)
    enrich_facts(profile)
    return profile


def enrich_facts(profile: Profile) -> Profile:
    """Fill each fact's skills (skills extractor) and metrics (numbers it states)."""
    from applykit.skills import extract_skills

    for fact in profile.facts():
        seen: set[str] = set()
        fact.skills = []
        for mention in extract_skills(fact.text):
            reference = mention.to_ref()
            if reference.canonical not in seen:
                seen.add(reference.canonical)
                fact.skills.append(reference)
        fact.metrics = extract_metrics(fact.text)
    return profile
