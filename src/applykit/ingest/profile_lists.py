"""Sections that are lists of short items: education, skills, languages, awards, certificates,
publications, interests. Each parser returns the models it built; every line lands in one
(languages also return the items that name no language, for `Profile.unplaced`)."""

from __future__ import annotations

import re

from applykit.ingest.profile_entries import Block, Header, parse_header
from applykit.ingest.profile_sections import HUMAN_LANGUAGES, Line
from applykit.models.profile import (
    Award,
    Certificate,
    Education,
    Fact,
    Interest,
    Language,
    Publication,
    SkillGroup,
)

_DEGREE = re.compile(
    r"\b(?:(?:Bachelor|Master|Doctor)(?:'s)?(?:\s+of\s+(?:Science|Arts|Engineering|Business"
    r"\s+Administration|Fine\s+Arts|Laws|Philosophy|Education|Technology))?|B\.?\s?Sc\.?|"
    r"M\.?\s?Sc\.?|B\.?S\.?|M\.?S\.?|B\.?A\.?|M\.?A\.?|MBA|Ph\.?\s?D\.?|M\.?\s?Eng\.?|B\.?\s?Eng\.?|"
    r"Associate(?:'s)?(?:\s+of\s+\w+)?|Diploma|High\s+School(?:\s+Diploma)?|A-levels?|Abitur|"
    r"Doctorate|Licen[cs]e)(?:\s*\(Hons?\.?\))?(?=[\s,.(]|$)",
    re.IGNORECASE,
)
_SCHOOL = re.compile(
    r"\b(?:university|universit[äéa]t?|universidad|college|institute|school|academy|polytechnic|"
    r"hochschule|école|ecole|kth|mit|ucla|eth)\b",
    re.IGNORECASE,
)
_SCORE = re.compile(r"\b(?:GPA|grade|score|cgpa)\b[:\s]*([\w./ ]+)", re.IGNORECASE)
_COURSES = re.compile(r"^(?:relevant\s+)?(?:courses|coursework|modules)\s*:\s*(.+)$", re.IGNORECASE)


def parse_education(block: Block) -> Education:
    header = parse_header(block.header)
    education = Education(startDate=header.start, endDate=header.end, url=header.url)
    pieces = [p for p in (header.title, header.org, header.location, *header.rest) if p]
    area_parts: list[str] = []
    for piece in pieces:
        if education.institution is None and _SCHOOL.search(piece) and not _DEGREE.match(piece):
            education.institution = piece
        elif education.studyType is None and (degree := _DEGREE.search(piece)):
            education.studyType = degree.group(0).strip(" ,")
            rest = (piece[: degree.start()] + piece[degree.end() :]).strip(" ,-–—")
            rest = re.sub(r"^(?:in|of)\s+", "", rest, flags=re.IGNORECASE)
            if rest:
                area_parts.append(rest)
        elif score := _SCORE.search(piece):
            education.score = score.group(1).strip()
        else:
            area_parts.append(piece)
    if education.institution is None and area_parts:
        education.institution = area_parts.pop(0)
    if area_parts:
        education.area = ", ".join(area_parts)
    facts: list[Fact] = []
    for text in [*block.prose, *block.bullets]:
        if courses := _COURSES.match(text):
            education.courses.extend(_items(courses.group(1)))
        elif (score := _SCORE.match(text)) and education.score is None:
            education.score = score.group(1).strip()
        else:
            facts.append(Fact(text=text))
    education.highlights = facts
    return education


def parse_skills(lines: list[Line]) -> list[SkillGroup]:
    """ "Languages: Python, Go" → a named group; a bare list joins the group "Skills"."""
    groups: list[SkillGroup] = []
    loose: list[str] = []
    for line in lines:
        label, colon, rest = line.text.partition(":")
        if colon and rest.strip() and len(label.split()) <= 6:
            name, level = label.strip(), None
            if leveled := re.match(r"^(.+?)\s*\(([^()]+)\)$", name):
                name, level = leveled.group(1), leveled.group(2)
            groups.append(SkillGroup(name=name, level=level, keywords=_items(rest)))
        elif line.level is not None or (line.bold and not line.bullet and "," not in line.text):
            groups.append(SkillGroup(name=line.text.strip(": "), keywords=[]))
        elif groups and not groups[-1].keywords and groups[-1].name != "Skills":
            groups[-1].keywords.extend(_items(line.text))
        else:
            loose.extend(_items(line.text))
    if loose:
        groups.insert(0, SkillGroup(name="Skills", keywords=loose))
    return [group for group in groups if group.keywords or group.name]


def parse_languages(lines: list[Line]) -> tuple[list[Language], list[str]]:
    languages: list[Language] = []
    unplaced: list[str] = []
    for line in lines:
        text = line.text
        label, colon, rest = text.partition(":")
        if colon and label.strip().lower() in ("languages", "language", "spoken"):
            text = rest
        for item in _items(text):
            match = re.match(r"^([A-Za-zÀ-ÿ' ]+?)\s*(?:\(([^)]*)\)|[-–—:]\s*(.+))?$", item)
            if match and _first_word(match.group(1)) in HUMAN_LANGUAGES:
                fluency = match.group(2) or match.group(3)
                languages.append(Language(language=match.group(1).strip(), fluency=fluency))
            elif colon and _first_word(label) in HUMAN_LANGUAGES:
                languages.append(Language(language=label.strip(), fluency=rest.strip() or None))
                break
            else:
                unplaced.append(item)
    return languages, unplaced


def _first_word(text: str) -> str:
    words = text.split()
    return words[0].lower() if words else ""


def parse_awards(blocks: list[Block]) -> list[Award]:
    """ "Title — Awarder — 2024-12 — what for" (pieces in that order; the date anywhere)."""
    awards: list[Award] = []
    for text, header in _items_with_headers(blocks):
        parts = header.parts or [text]
        awards.append(
            Award(
                title=parts[0],
                awarder=parts[1] if len(parts) > 1 else None,
                date=header.start,
                summary="; ".join(parts[2:]) or None,
            )
        )
    return awards


def parse_certificates(blocks: list[Block]) -> tuple[list[Certificate], list[str]]:
    """ "Name — Issuer — 2022-05 — URL"; further pieces (a credential id) are returned apart."""
    certificates: list[Certificate] = []
    left: list[str] = []
    for text, header in _items_with_headers(blocks):
        parts = header.parts or [text]
        issuer = parts[1] if len(parts) > 1 else None
        certificates.append(
            Certificate(name=parts[0], issuer=issuer, date=header.start, url=header.url)
        )
        left.extend(f"{parts[0]}: {extra}" for extra in parts[2:])
    return certificates, left


def parse_publications(blocks: list[Block]) -> list[Publication]:
    publications: list[Publication] = []
    for text, header in _items_with_headers(blocks):
        quoted = re.search(r"[\"“]([^\"”]{6,})[\"”]", text)
        parts = [p for p in (header.title, header.org, *header.rest) if p]
        name = quoted.group(1).strip(" .,") if quoted else (parts[0] if parts else text)
        others = [p for p in parts if p not in name and name not in p]
        publications.append(
            Publication(
                name=name,
                publisher=others[0] if others else None,
                releaseDate=header.start,
                url=header.url,
                summary="; ".join(others[1:]) or None,
            )
        )
    return publications


def parse_interests(lines: list[Line]) -> list[Interest]:
    interests: list[Interest] = []
    for line in lines:
        label, colon, rest = line.text.partition(":")
        if colon and rest.strip():
            interests.append(Interest(name=label.strip(), keywords=_items(rest)))
        else:
            interests.extend(Interest(name=item) for item in _items(line.text))
    return interests


def _items_with_headers(blocks: list[Block]) -> list[tuple[str, Header]]:
    """Each bullet or line of a list section, read as a one-line header."""
    found: list[tuple[str, Header]] = []
    for block in blocks:
        lines = [line.text for line in block.header] + block.prose + block.bullets
        for text in lines:
            found.append((text, parse_header([Line(text)], org_first=False)))
    return found


def _items(text: str) -> list[str]:
    """Split a comma (or bullet, pipe, semicolon) list; parentheses stay with their item."""
    items: list[str] = []
    depth = 0
    current = ""
    for piece in re.split(r"([(),;•·|])", text):
        if piece == "(":
            depth += 1
        elif piece == ")":
            depth = max(0, depth - 1)
        if depth == 0 and piece in (",", ";", "•", "·", "|"):
            items.append(current)
            current = ""
        else:
            current += piece
    items.append(current)
    return [item.strip(" .") for item in items if item.strip(" .")]
