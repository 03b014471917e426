"""Responsibilities and requirements: list trees → ids, kinds, any-of parents and skills."""

from __future__ import annotations

import functools
import re

import ahocorasick_rs

from applykit.ingest import posting_cues as cues
from applykit.ingest.posting_item_cues import SPLIT, marks_of, not_a_requirement, texts_holding
from applykit.ingest.posting_sections import Item, Section, is_any_of
from applykit.ingest.posting_text import fold, has_any
from applykit.models.posting import Posting, Requirement, RequirementKind
from applykit.models.skill import SkillRef

_PREFERRED_NEEDLES = ("prefer", "plus", "nice", "bonus", "helpful", "ideally", "desirable")
_MAX_ITEMS = 60
# Prefilters: every match of `cues.requirement_sentence` (`cues.PREFERRED_ITEM`) contains one of
# these (lower-cased) needles, so a `fold`ed text without any of them cannot match and the regex
# is skipped.
_REQUIREMENT_NEEDLES = (
    "looking for",
    "you have",
    "you bring",
    "you should have",
    "must ",
    "required",
    "requirement",
    "experience ",
    "knowledge of",
    "degree",
    "proficien",
    "familiar",
    "ability to",
    "years",
)
_PREFERRED_ITEM_NEEDLES = (
    "preferred",
    "plus",
    "nice to have",
    "bonus",
    "helpful",
    "ideally",
    "desirable",
)


def responsibilities_from(sections: list[Section]) -> list[str]:
    out: list[str] = []
    for section in sections:
        if section.kind != "responsibilities":
            continue
        items = section.items()
        listed = any(item.bullet is not None for item in items)
        for item in items:
            if listed and item.bullet is None and not item.children:
                continue  # an introductory paragraph above the list
            text = _flatten(item)
            if len(text) >= 8 and not text.endswith(":"):
                out.append(text)
    return out[:_MAX_ITEMS]


def _flatten(item: Item) -> str:
    if not item.children:
        return item.text
    return f"{item.text} " + "; ".join(_flatten(c) for c in item.children)


def requirements_from(sections: list[Section]) -> list[Requirement]:
    out: list[Requirement] = []
    lists: list[tuple[RequirementKind, list[Item], bool]] = []
    for section in sections:
        if section.kind not in {"requirements", "preferred"}:
            continue
        kind: RequirementKind = "preferred" if section.kind == "preferred" else "required"
        items: list[Item] = []
        for item in section.items():
            parts = _sentences(item.text) if item.bullet is None and len(item.text) > 100 else []
            if len(parts) >= 2 and not item.children:
                items.extend(Item(s, bullet=SPLIT) for s in parts)  # a flattened list
            else:
                items.append(item)
        listed = sum(1 for item in items if item.bullet is not None) >= 2
        lists.append((kind, items, listed))
    marked = marks_of([item.text for _, items, _ in lists for item in items])
    number = 0  # the item's place in `marked`
    for kind, items, listed in lists:
        for item in items:
            number += 1
            if len(out) >= _MAX_ITEMS:
                break
            if item.text.endswith(":") and not item.children:
                continue  # a lead-in ("You have:") without a list of its own
            if marked is None:
                if not_a_requirement(item, listed):
                    continue
            else:
                marks, low_all, starts = marked
                low = low_all[starts[number - 1] : starts[number] - 1]  # `fold(item.text)`
                if not_a_requirement(item, listed, low, marks[number - 1]):
                    continue
            if item.text.endswith(":") and not is_any_of(item.text) and item.bullet is None:
                out.extend(_node(child, f"r{len(out) + 1}", kind) for child in item.children)
                continue
            out.append(_node(item, f"r{len(out) + 1}", kind))
    return out


def _node(item: Item, rid: str, section_kind: RequirementKind) -> Requirement:
    kind: RequirementKind = section_kind
    low = item.text.lower()  # `lower`, not `fold`: "İdeally" does not pass this prefilter
    if (
        section_kind == "required"
        and has_any(low, _PREFERRED_NEEDLES)
        and cues.PREFERRED_ITEM.search(low if item.text.isascii() else fold(item.text))
    ):
        kind = "preferred"
    children = [
        _node(child, f"{rid}.{index}", kind) for index, child in enumerate(item.children[:40], 1)
    ]
    return Requirement(
        id=rid,
        text=item.text,
        kind=kind,
        children=children,
        any_of=is_any_of(item.text) and bool(children),
    )


def _sentences(text: str) -> list[str]:
    from applykit.ingest.posting_text import sentences

    return sentences(text)


def fallback_requirements(body_sentences: list[str]) -> list[Requirement]:
    """No requirements section: sentences that read as requirements, in order.

    Most sentences are not: one `fold` and one automaton pass over all the sentences joined
    by "\n" find those that hold a word the requirement patterns need (`texts_holding`).
    """
    out: list[Requirement] = []
    low_all = fold("\n".join(body_sentences))
    for index, start in texts_holding(body_sentences, low_all, _requirement_needles()):
        sentence = body_sentences[index]
        if len(out) >= 20:
            break
        if len(sentence) < 25:
            continue
        low = low_all[start : start + len(sentence)]  # `fold(sentence)`
        if not cues.requirement_sentence(low):
            continue
        if cues.NOT_REQUIREMENT_SENTENCE.search(low):
            continue
        if not_a_requirement(Item(sentence, bullet=SPLIT), listed=False, low=low):
            continue
        preferred = _preferred(sentence, low)
        for clause in _clauses(sentence, preferred):
            if clause is not sentence:
                preferred = _preferred(clause)
            kind: RequirementKind = "preferred" if preferred else "required"
            out.append(Requirement(id=f"r{len(out) + 1}", text=clause, kind=kind))
    return out


@functools.cache
def _requirement_needles() -> ahocorasick_rs.BytesAhoCorasick:
    assert all(needle.isascii() and "?" not in needle for needle in _REQUIREMENT_NEEDLES)
    return ahocorasick_rs.BytesAhoCorasick([needle.encode() for needle in _REQUIREMENT_NEEDLES])


def _preferred(text: str, low: str | None = None) -> bool:
    low = fold(text) if low is None else low
    return has_any(low, _PREFERRED_ITEM_NEEDLES) and cues.PREFERRED_ITEM.search(low) is not None


def _clauses(sentence: str, preferred: bool) -> list[str]:
    """Split "…, and a degree … is helpful but not required" off a required sentence
    (`preferred`: `_preferred(sentence)`, which a split needs)."""
    if not preferred:
        return [sentence]
    parts = re.split(
        r",? and (?=an? \w+[^,]{0,80}\b(?:helpful|preferred|a plus|bonus)\b)", sentence
    )
    if len(parts) != 2:
        return [sentence]
    return [parts[0].strip() + ".", parts[1][0].upper() + parts[1][1:]]


def fallback_responsibilities(prose: list[str]) -> list[str]:
    return [
        s
        for s in prose
        if len(s) >= 25
        and has_any(low := fold(s), ("you", "responsible for"))
        and cues.RESPONSIBILITY_SENTENCE.search(low)
        and not cues.COMPANY_LINE.search(low)
    ][:20]


_JOIN = ".\n"


def posting_skills(posting: Posting) -> list[SkillRef]:
    """Skills per requirement (filled in place) and for the whole posting, by canonical name.

    One extractor call over all requirement texts joined, mapped back by character offsets;
    a SkillRef is built only for a mention that is the first of its skill in the posting or
    in its requirement (the only ones kept).
    """
    from applykit.skills.extractor import skill_spans
    from applykit.skills.taxonomy import load_taxonomy

    spans: list[tuple[int, int, Requirement | None]] = []
    pieces: list[str] = []
    offset = 0
    stack = list(reversed(posting.requirements))
    while stack:  # each requirement, then its children, in order
        requirement = stack.pop()
        pieces.append(requirement.text)
        spans.append((offset, offset + len(requirement.text), requirement))
        offset += len(requirement.text) + len(_JOIN)
        stack.extend(reversed(requirement.children))
    for line in [posting.title or "", *posting.responsibilities]:
        pieces.append(line)
        spans.append((offset, offset + len(line), None))
        offset += len(line) + len(_JOIN)
    text = _JOIN.join(pieces)
    taxonomy = load_taxonomy()
    seen: dict[str, SkillRef] = {}
    per_owner: dict[int, dict[str, SkillRef]] = {}
    index = 0
    for start, end, entry_index in skill_spans(text, taxonomy):
        while index < len(spans) and spans[index][1] <= start:
            index += 1
        if index >= len(spans) or start < spans[index][0]:
            continue
        entry = taxonomy.entry_at(entry_index)
        canonical = entry.canonical
        owner = spans[index][2]
        owned = None if owner is None else per_owner.setdefault(id(owner), {})
        if canonical in seen and (owned is None or canonical in owned):
            continue
        ref = SkillRef(
            name=text[start:end], canonical=canonical, skill_id=entry.id, category=entry.category
        )
        seen.setdefault(canonical, ref)
        if owned is not None:
            owned.setdefault(canonical, ref)
    for _, _, owner in spans:
        if owner is not None:
            owner.skills = list(per_owner.get(id(owner), {}).values())
    return list(seen.values())
