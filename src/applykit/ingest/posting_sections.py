"""Posting structure: which lines are headings, what each section is for, and list trees."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from applykit.ingest.posting_heading_kinds import heading_kind
from applykit.ingest.posting_text import Line


def _is_plain_heading(
    line: Line, next_line: Line | None, known: dict[str, str] | None = None
) -> bool:
    if line.bullet is not None or line.heading is not None or next_line is None:
        return False
    text = line.text
    # The shape `^[^.;!?]{2,70}$`, by substring tests (a line's text holds no line end).
    if not 2 <= len(text) <= 70 or "." in text or ";" in text or "!" in text or "?" in text:
        return False
    words = text.split()
    if len(words) > 9 or text.endswith(","):
        return False
    if ":" in text[:-1]:
        return False  # "Salary: $140,000 …" is content, not a heading
    if text.isascii():  # the same tests as below, without a Python step per character
        if _ASCII_DIGIT_OR_DOLLAR.search(text):
            return False
        letters = len(text) - len(text.translate(_ASCII_LETTERS_GONE))
        all_upper = text.upper() == text  # no a-z: every letter is upper case
    else:
        if any(c.isdigit() or c in "$€£" for c in text):
            return False
        alpha = [c for c in text if c.isalpha()]
        letters = len(alpha)
        all_upper = sum(1 for c in alpha if c.isupper()) == letters
    if not letters:
        return False
    if letters >= 3 and all_upper:
        return True
    if text.endswith(":") and len(words) <= 7:
        return True
    if heading_kind(text, known) == "other":
        # An unknown Title Case line set apart by blank lines, above longer text.
        return (
            2 <= len(words) <= 6
            and line.blank_before
            and next_line.blank_before
            and len(next_line.text) > len(text)
            and all(w[0].isupper() or len(w) <= 3 for w in words)
        )
    # A known section name on its own line, not a sentence that happens to contain one.
    return (
        len(words) <= 6
        and text[0].isupper()
        and (next_line.blank_before or next_line.bullet is not None or line.blank_before)
    )


_ASCII_DIGIT_OR_DOLLAR = re.compile(r"[0-9$]")  # `c.isdigit() or c in "$€£"` on ASCII text
_ASCII_LETTERS_GONE = str.maketrans("", "", "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


@dataclass
class Item:
    """A list entry (or a paragraph line) and the entries nested under it."""

    text: str
    children: list[Item] = field(default_factory=list)
    bullet: str | None = None


@dataclass
class Section:
    kind: str
    heading: str
    lines: list[Line] = field(default_factory=list)
    level: int = 0

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)

    def items(self) -> list[Item]:
        return build_tree(self.lines)


def split_sections(lines: list[Line]) -> list[Section]:
    """Group lines under headings; lines before the first heading form the "header"."""
    sections = [Section("header", "")]
    known: dict[str, str] = {}
    for index, line in enumerate(lines):
        if line.heading is None and (
            line.bullet is not None or (len(line.text) > 70 and ":" not in line.text[:42])
        ):  # neither a plain heading (a bullet, or too long) nor an inline one: content
            sections[-1].lines.append(line)
            continue
        next_line = lines[index + 1] if index + 1 < len(lines) else None
        if line.heading is not None:
            sections.append(Section(heading_kind(line.text, known), line.text, level=line.heading))
            continue
        if _is_plain_heading(line, next_line, known):
            text = line.text.rstrip(":").strip()
            kind = heading_kind(text, known)
            if kind != "other" or not line.text.endswith(":") or text.isupper():
                sections.append(Section(kind, text, level=7))
                continue
        inline = _inline_heading(line, known)
        if inline is not None:
            heading, rest = inline
            sections.append(Section(heading_kind(heading, known), heading, level=7))
            sections[-1].lines.append(Line(rest, line.indent, None, None, True))
            continue
        sections[-1].lines.append(line)
    return [s for s in sections if s.lines or s.heading or s.kind == "header"]


_INLINE = re.compile(r"^([A-Z][A-Za-z' /&]{2,40}):\s+(\S.{0,})$")


def _inline_heading(line: Line, known: dict[str, str] | None = None) -> tuple[str, str] | None:
    """`Requirements: 5+ years of …` on one line: a section name, then its content."""
    if line.bullet is not None or ":" not in line.text[:42]:
        return None
    match = _INLINE.match(line.text)
    if not match:
        return None
    kind = heading_kind(match.group(1), known)
    if kind not in {"requirements", "preferred", "responsibilities", "apply", "questions"}:
        return None
    return match.group(1), match.group(2)


def build_tree(lines: list[Line]) -> list[Item]:
    """Nest list entries by indentation, or by a change of bullet after a "…:" parent."""
    roots: list[Item] = []
    stack: list[tuple[Line, Item]] = []
    for line in lines:
        if (
            stack
            and line.bullet is None
            and not line.blank_before
            and line.text[:1].islower()
            and stack[-1][0].bullet not in (None, "~")
            and not stack[-1][1].text.endswith((".", ":", ";"))
        ):
            stack[-1][1].text = f"{stack[-1][1].text} {line.text}"  # a line wrapped by a PDF
            continue
        while stack and not _adopts(stack[-1][0], stack[-1][1], line):
            stack.pop()
        if stack and line.bullet is None and stack[-1][0].bullet is not None:
            parent = stack[-1][1]  # a wrapped continuation of the bullet above
            parent.text = f"{parent.text} {line.text}"
            continue
        item = Item(line.text, bullet=line.bullet)
        (stack[-1][1].children if stack else roots).append(item)
        stack.append((line, item))
    return roots


def _adopts(parent_line: Line, parent: Item, line: Line) -> bool:
    if line.indent > parent_line.indent:
        return parent_line.bullet is not None or _is_lead_in(parent.text)
    if line.indent < parent_line.indent or line.bullet is None:
        return False
    if not parent.text.endswith(":"):
        return False
    if parent_line.bullet is None:
        return _is_lead_in(parent.text)
    return line.bullet != parent_line.bullet


_LEAD_IN = re.compile(r"one or more|at least one|any of|one of the following|either", re.I)


def _is_lead_in(text: str) -> bool:
    return bool(_LEAD_IN.search(text))


def is_any_of(text: str) -> bool:
    """A parent like "Hands-on experience in one or more of these areas:"."""
    return text.endswith(":") and _is_lead_in(text)
