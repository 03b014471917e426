"""Typst source for a tailored resume: a design from render/templates plus escaped data.

Every piece of profile or posting text enters the source as a Typst *string literal*
(`"…"`), never as markup, so `#`, `$`, `*`, `_`, `@`, `<`, `[`, `]` or a backslash in a
bullet are printed as themselves and cannot run code or change the layout.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from applykit.errors import InputError
from applykit.models.documents import TailoredResume
from applykit.render.resume_text import (
    SKILLS_HEADING,
    SUMMARY_HEADING,
    clean,
    contacts,
    entry_text,
    label_of,
    name_of,
)

DESIGNS: tuple[str, ...] = ("classic", "compact")
PAPERS: tuple[str, ...] = ("us-letter", "a4")


@cache
def template(design: str) -> str:
    """The Typst preamble of a design, read from the package."""
    if design not in DESIGNS:
        raise InputError(
            f"unknown resume design {design!r}",
            where="--design",
            fix=f"use one of: {', '.join(DESIGNS)}",
        )
    files = resources.files("applykit.render") / "templates" / f"{design}.typ"
    return files.read_text(encoding="utf-8")


def typst_string(text: str | None) -> str:
    """A Typst string literal holding `text` exactly (after cleaning)."""
    body = clean(text).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{body}"'


def _optional_link(url: str | None) -> str:
    return "none" if url is None else typst_string(url)


def _array(items: list[str]) -> str:
    """A Typst array literal; the trailing comma keeps a one-item array an array."""
    return "(" + "".join(f"{item}, " for item in items) + ")"


def resume_body(resume: TailoredResume) -> str:
    """The data part of the source: one call per header, section and entry."""
    name = name_of(resume)
    lines = [
        # no date: the same resume gives the same PDF bytes (the tracker stores it once)
        f"#set document(title: {typst_string(name + ' - Resume')}, "
        f"author: {typst_string(name)}, date: none)",
        "#ak-header(",
        f"  name: {typst_string(name)},",
        f"  label: {typst_string(label_of(resume))},",
        "  contacts: "
        + _array(
            [
                f"({typst_string(item.text)}, {_optional_link(item.link)})"
                for item in contacts(resume.basics)
            ]
        )
        + ",",
        ")",
    ]
    if clean(resume.summary):
        lines.append(f"#ak-section({typst_string(SUMMARY_HEADING)})")
        lines.append(f"#ak-para({typst_string(resume.summary)})")
    skills = [typst_string(skill) for skill in resume.skills if clean(skill)]
    if skills:
        lines.append(f"#ak-section({typst_string(SKILLS_HEADING)})")
        lines.append(f"#ak-skills({_array(skills)})")
    for s, section in enumerate(resume.sections):
        if not section.entries and not section.lines:
            continue
        lines.append(f'#ak-section({typst_string(section.heading)}, mark: "s:{s}")')
        for e, entry in enumerate(section.entries):
            text = entry_text(entry)
            marks = [
                f'"b:{s}:{e}:{b}"' for b, bullet in enumerate(entry.bullets) if clean(bullet.text)
            ]
            lines.extend(
                [
                    "#ak-entry(",
                    f"  title: {typst_string(text.title)},",
                    f"  org: {typst_string(text.organization)},",
                    f"  location: {typst_string(text.location)},",
                    f"  dates: {typst_string(text.dates)},",
                    f"  url: {_optional_link(text.link)},",
                    "  bullets: (",
                    *[f"    {typst_string(bullet)}," for bullet in text.bullets],
                    "  ),",
                    f'  mark: "e:{s}:{e}",',
                    f"  marks: {_array(marks)},",
                    ")",
                ]
            )
        items = [typst_string(line) for line in section.lines if clean(line)]
        if items:
            lines.append(f"#ak-lines({_array(items)})")
    lines.append('#ak-mark("end")')
    lines.append("#ak-positions()")
    return "\n".join(lines) + "\n"


def resume_typst(
    resume: TailoredResume, *, design: str = "classic", paper: str | None = None
) -> str:
    """The complete Typst document: paper (default: the resume's), the design, the data."""
    paper = paper or resume.paper
    if paper not in PAPERS:
        raise InputError(
            f"unknown paper size {paper!r}", where="--paper", fix=f"use one of: {', '.join(PAPERS)}"
        )
    return f'#let ak-paper = "{paper}"\n{template(design)}\n{resume_body(resume)}'
