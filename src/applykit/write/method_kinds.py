"""A method named generically, shown by a kind of it (principle 6): "experimentation" is
shown by "A/B testing", the taxonomy's child method of it, when the profile names the child.
Only a lower-case method's direct children count; a tool's neighbours, a grandchild ("statistics"
← "A/B testing") or a parent named for its child ("A/B testing" ← "experimentation") do not."""

from __future__ import annotations

from typing import TYPE_CHECKING

from applykit.write.claim_scope import known_entry

if TYPE_CHECKING:
    from applykit.write.evidence import Evidence, Source


def shown_by_kind(skill: str, evidence: Evidence) -> Source | None:
    """The profile source that names a child method of the generic method `skill`, or None."""
    entry = known_entry(skill)
    if entry is None or entry.category != "method" or not entry.canonical.islower():
        return None
    from applykit.skills.taxonomy import load_taxonomy

    taxonomy = load_taxonomy()
    for child_id in taxonomy.children(entry.id):
        child = taxonomy.get(child_id)
        if child is None or child.category != "method":
            continue
        for name in (child.canonical, *child.aliases):
            source = evidence.find_in_profile(name)
            if source is not None:
                return source
    return None
