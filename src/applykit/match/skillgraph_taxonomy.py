"""`SkillGraph` over the shipped skills taxonomy (`applykit.skills`)."""

from __future__ import annotations

from functools import lru_cache

from applykit.models.skill import SkillRef
from applykit.skills.extractor import extract_skills
from applykit.skills.taxonomy import Taxonomy, load_taxonomy

BROAD_CHILDREN = 5


class TaxonomyGraph:
    """Parents and siblings by canonical name; mentions found by the skills extractor."""

    def __init__(self, taxonomy: Taxonomy | None = None) -> None:
        self.taxonomy = taxonomy or load_taxonomy()
        self._ancestors = lru_cache(maxsize=8192)(self._ancestors_uncached)
        self._extract = lru_cache(maxsize=8192)(self._extract_uncached)

    def _names(self, ids: list[str]) -> list[str]:
        names = []
        for skill_id in ids:
            entry = self.taxonomy.get(skill_id)
            if entry is not None:
                names.append(entry.canonical)
        return names

    def _ancestors_uncached(self, canonical: str) -> tuple[str, ...]:
        entry = self.taxonomy.lookup(canonical)
        return tuple(self._names(self.taxonomy.ancestors(entry.id))) if entry else ()

    def ancestors(self, canonical: str) -> list[str]:
        return list(self._ancestors(canonical))

    def related(self, canonical: str) -> list[str]:
        entry = self.taxonomy.lookup(canonical)
        return self._names(self.taxonomy.related(entry.id)) if entry else []

    def _extract_uncached(self, text: str) -> tuple[SkillRef, ...]:
        return tuple(mention.to_ref() for mention in extract_skills(text, self.taxonomy))

    def extract(self, text: str) -> list[SkillRef]:
        return list(self._extract(text))

    def canonical(self, name: str) -> str:
        entry = self.taxonomy.lookup(name)
        return entry.canonical if entry else name

    def is_broad(self, canonical: str) -> bool:
        entry = self.taxonomy.lookup(canonical)
        if entry is None or entry.parent is not None:
            return False
        return len(self.taxonomy.children(entry.id)) >= BROAD_CHILDREN
