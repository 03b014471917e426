"""Stable ids for profile entries and facts.

A fact id is the entry's short name plus a hash of the entry name and the normalised fact
text ("w-northwind-3fa2c1"): it does not depend on list positions, so re-importing the same
file, importing the same resume from another format, or editing another bullet leaves it
unchanged. Ids already present (a saved profile) are kept as they are.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable

from applykit.models.profile import (
    Award,
    Certificate,
    Education,
    Fact,
    Profile,
    Project,
    Publication,
    Volunteer,
    Work,
)

Entry = Work | Project | Volunteer | Education | Award | Certificate | Publication

_PREFIX = {
    "work": "w",
    "projects": "p",
    "volunteer": "v",
    "education": "e",
    "awards": "a",
    "certificates": "c",
    "publications": "pub",
}
_STOP = {"the", "a", "an", "of", "and", "for", "at", "in", "inc", "llc", "ltd", "gmbh", "corp"}


def normalise(text: str) -> str:
    """Lowercase ASCII-folded words: what two spellings of the same bullet share."""
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch)).lower()
    folded = re.sub(r"[*_`~]", "", folded)
    words = re.findall(r"[a-z0-9]+(?:[.%$€£+][a-z0-9]+)*[%+]?|[$€£]", folded)
    return " ".join(words)


def slug(text: str, limit: int = 24) -> str:
    """ "Northwind Analytics, Inc." → "northwind-analytics"."""
    words = [w for w in re.findall(r"[a-z0-9]+", normalise(text)) if w not in _STOP]
    joined = "-".join(words) or "entry"
    return joined[:limit].rstrip("-")


def short_name(text: str) -> str:
    """The first meaningful word of an entry name, for fact ids ("northwind")."""
    words = [w for w in re.findall(r"[a-z0-9]+", normalise(text)) if w not in _STOP]
    return (words[0] if words else "entry")[:16]


def fact_id(prefix: str, entry_name: str, text: str) -> str:
    digest = hashlib.sha1(f"{normalise(entry_name)}\n{normalise(text)}".encode()).hexdigest()
    return f"{prefix}-{short_name(entry_name)}-{digest[:6]}"


def assign_ids(profile: Profile) -> Profile:
    """Fill every empty entry and fact id in place (kept ids stay); returns the profile."""
    used: set[str] = {entry.id for entry in _entries(profile) if entry.id}
    used |= {fact.id for fact in _all_facts(profile) if fact.id}
    for section, prefix in _PREFIX.items():
        entries: list[Entry] = getattr(profile, section)
        for entry in entries:
            name = _entry_name(section, entry)
            if not entry.id:
                entry.id = _unique(f"{prefix}-{slug(name)}", used, _entry_detail(entry))
            highlights: list[Fact] = getattr(entry, "highlights", [])
            for fact in highlights:
                if not fact.id:
                    fact.id = _unique(fact_id(prefix, name, fact.text), used, None)
    return profile


def _unique(candidate: str, used: set[str], detail: str | None) -> str:
    if candidate in used and detail:
        candidate = f"{candidate}-{slug(detail, 16)}"
    base, number = candidate, 2
    while candidate in used:
        candidate = f"{base}-{number}"
        number += 1
    used.add(candidate)
    return candidate


def _entry_name(section: str, entry: object) -> str:
    for attribute in ("name", "institution", "organization", "title"):
        value = getattr(entry, attribute, None)
        if value:
            return str(value)
    if section == "work":
        return str(getattr(entry, "position", None) or "work")
    return section


def _entry_detail(entry: object) -> str | None:
    for attribute in ("position", "studyType", "area", "startDate", "date", "releaseDate"):
        value = getattr(entry, attribute, None)
        if value:
            return str(value)
    return None


def _entries(profile: Profile) -> Iterable[Entry]:
    for section in _PREFIX:
        yield from getattr(profile, section)


def _all_facts(profile: Profile) -> Iterable[Fact]:
    for entry in _entries(profile):
        yield from getattr(entry, "highlights", [])
