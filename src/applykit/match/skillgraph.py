"""The skills taxonomy as matching needs it: parents, neighbours, and mentions in text.

A thin adapter over `applykit.skills` so the matching code depends on five questions
only; `EmptyGraph` (exact names only) lets a caller match without any taxonomy.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Protocol

from applykit.models.skill import SkillRef


class SkillGraph(Protocol):
    def ancestors(self, canonical: str) -> list[str]:
        """Broader skills this one is a kind of (PyTorch → deep learning framework)."""
        ...

    def related(self, canonical: str) -> list[str]:
        """Neighbouring skills (siblings and declared relations), for honest mitigations."""
        ...

    def extract(self, text: str) -> list[SkillRef]:
        """Skills mentioned in `text`."""
        ...

    def canonical(self, name: str) -> str:
        """The taxonomy's canonical name for a surface form (itself when unknown)."""
        ...

    def is_broad(self, canonical: str) -> bool:
        """A top-level area with many kinds below it ("machine learning"): too wide to
        count as evidence on its own."""
        ...


class EmptyGraph:
    """No taxonomy: exact names only."""

    def ancestors(self, canonical: str) -> list[str]:
        return []

    def related(self, canonical: str) -> list[str]:
        return []

    def extract(self, text: str) -> list[SkillRef]:
        return []

    def canonical(self, name: str) -> str:
        return name

    def is_broad(self, canonical: str) -> bool:
        return False


@lru_cache(maxsize=1)
def default_graph() -> SkillGraph:
    """The shipped skills taxonomy (read once per process)."""
    from applykit.match.skillgraph_taxonomy import TaxonomyGraph

    return TaxonomyGraph()
