"""Cities written without a region: "Location: Berlin", "hubs in San Francisco and Charlotte".

`posting_location` reads places written as "City, ST" or "City, Country". Many postings name a
well-known city alone; this module recognises those from a small hand-made list
(`applykit/data/cities.tsv`), and only where the posting is talking about places: in the header
and logistics lines, or right after a cue such as "Location:", "based in", "offices in".
A name the list holds twice (Portland, London, Cambridge) gets a region and country only when
the posting also names one of them; otherwise only the city is given.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources

from applykit.ingest.posting_automata import occurrences_of_each
from applykit.ingest.posting_location import CUE_ANCHORS, PLACE_WORDS
from applykit.models.posting import Location

# Where a posting talks about places. The window after a cue runs to the end of its line.
_CUE = re.compile(
    r"(?i)\b(?:locations?|located (?:in|at)|based (?:in|at|out of)|offices? (?:in|at)"
    r"|hubs?(?: locations?)?(?: in| of)?|headquartered in|headquarters in|on-?site in"
    r"|in-office in|hybrid (?:in|from)|work(?:ing)? from our|remote\s*[-–—]|relocate to)\b"
)
_WINDOW = 200


@dataclass(frozen=True)
class _City:
    name: str
    region: str | None
    country: str


@dataclass(frozen=True)
class _Gazetteer:
    by_name: dict[str, tuple[_City, ...]]
    pattern: re.Pattern[str]


@functools.cache
def _gazetteer() -> _Gazetteer:
    text = resources.files("applykit.data").joinpath("cities.tsv").read_text(encoding="utf-8")
    by_name: dict[str, list[_City]] = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        name, region, country = line.split("\t")
        by_name.setdefault(name, []).append(_City(name, region or None, country))
    names = sorted(by_name, key=len, reverse=True)  # "New York" before "York"
    # No lookbehind in front: a pattern that starts with its alternation lets the regex engine
    # skip to the next possible first letter; the word boundary before is checked by hand.
    pattern = re.compile(_alternatives(names) + r"(?![\w'’-])")
    return _Gazetteer({k: tuple(v) for k, v in by_name.items()}, pattern)


def _alternatives(names: list[str]) -> str:
    """ "(?:name1|name2|…)" with the names grouped by first character, in their order.

    Names with different first characters never match at the same place, so grouping keeps
    which name matches first; the regex engine then tries one group at a capital instead of
    all ~400 names.
    """
    groups: dict[str, list[str]] = {}
    for name in names:
        groups.setdefault(name[0], []).append(name[1:])
    return (
        "(?:"
        + "|".join(
            re.escape(first) + "(?:" + "|".join(map(re.escape, rests)) + ")"
            for first, rests in groups.items()
        )
        + ")"
    )


def _resolve(entries: tuple[_City, ...], context: str) -> tuple[str | None, str | None]:
    """Region and country of a city; for an ambiguous name, the entry the posting supports."""
    if len(entries) == 1:
        return entries[0].region, entries[0].country
    supported = [
        e
        for e in entries
        if (e.region and re.search(rf"\b{e.region}\b", context))
        or e.country in context
        or (e.country == "United Kingdom" and "£" in context)
    ]
    if len(supported) == 1:
        return supported[0].region, supported[0].country
    return None, None


def _cities_in(text: str, context: str, found: dict[str, Location], limit: int) -> None:
    gazetteer = _gazetteer()
    for match in gazetteer.pattern.finditer(text):
        if match.start() and (
            text[match.start() - 1].isalnum() or text[match.start() - 1] in ".'’-_"
        ):
            continue
        name = match.group(0)
        if name in found:
            continue
        region, country = _resolve(gazetteer.by_name[name], context)
        found[name] = Location(raw=name, city=name, region=region, country=country)
        if len(found) >= limit:
            return


_SEGMENT_END = ",;|·/()[]-–—\n"


def cities_in_place_lines(text: str, *, context: str = "", limit: int = 8) -> list[Location]:
    """Known cities standing as a segment of header lines ("Engineer · Amsterdam · Hybrid").

    A city name that runs on into other words ("Boston Dynamics", "Denver Health") is a name,
    not a place: the city must end its line or be followed by punctuation.
    """
    found: dict[str, Location] = {}
    head = text[:5000]
    gazetteer = _gazetteer()
    for match in gazetteer.pattern.finditer(head):
        before = head[match.start() - 1] if match.start() else "\n"
        after = head[match.end() : match.end() + 2]
        if before.isalnum() or before in ".'’-_":
            continue
        if after and not (after[0] in _SEGMENT_END or after[:2] in {" (", " -", " –", " |", " ·"}):
            continue
        name = match.group(0)
        if name not in found:
            region, country = _resolve(gazetteer.by_name[name], context or head)
            found[name] = Location(raw=name, city=name, region=region, country=country)
        if len(found) >= limit:
            break
    return list(found.values())


def _cue_starts(head: str) -> list[int]:
    """Where a cue may start: each anchor's occurrences (one automaton pass for all of them),
    moved back one character for an anchor written without its first letter, at a word start."""
    starts: set[int] = set()
    first = len(PLACE_WORDS) - len(CUE_ANCHORS)
    for index, at in occurrences_of_each(head, PLACE_WORDS):  # one pass shared with _places
        if index < first:
            continue  # the part after a "City, ST": posting_location's
        start = at - _ANCHOR_BACK[index - first]
        if start >= 0 and (start == 0 or not head[start - 1].isalnum()):
            starts.add(start)
    return sorted(starts)


_ANCHOR_BACK = [
    0 if anchor[0].isupper() or anchor == "hub" or anchor == "location" else 1
    for anchor in CUE_ANCHORS
]


def _place_window(head: str, start: int) -> str:
    """The rest of the cue's line; for a cue alone on its line, the next line with text."""
    end = head.find("\n", start)
    end = len(head) if end < 0 else end
    if head[start:end].strip(" :\t-–—"):
        return head[start : min(end, start + _WINDOW)]
    rest = head[end : end + 2 * _WINDOW].lstrip("\n \t")
    line_end = rest.find("\n")
    return rest[: _WINDOW if line_end < 0 else min(line_end, _WINDOW)]


def cities_after_cues(text: str, *, context: str = "", limit: int = 8) -> list[Location]:
    """Known cities in the line after each place cue of `text` ("offices in Berlin and Munich")."""
    found: dict[str, Location] = {}
    head = text[:20000]
    for start in _cue_starts(head):
        cue = _CUE.match(head, start)
        if cue is None:
            continue
        _cities_in(_place_window(head, cue.end()), context or head, found, limit)
        if len(found) >= limit:
            break
    return list(found.values())
