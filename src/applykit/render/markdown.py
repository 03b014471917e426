"""Tailored resume → Markdown, with the same strings as the PDF and DOCX.

User text is escaped so a bullet holding `*`, `#`, `[`, `<` or a backtick prints as
written instead of turning into formatting, a link or HTML.
"""

from __future__ import annotations

import re

from applykit.models.documents import ResumeChange, TailoredResume
from applykit.render.resume_text import (
    SKILLS_HEADING,
    SUMMARY_HEADING,
    Contact,
    clean,
    contacts,
    entry_text,
    label_of,
    name_of,
    skills_line,
)

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")
_LINE_START = re.compile(r"^(\s*)([-+=#]|\d+[.)])(?=\s|$|#)")


def escape(text: str | None) -> str:
    """Markdown-inert text: specials backslash-escaped, no list or heading at line start."""
    escaped = _SPECIAL.sub(r"\\\1", clean(text))
    return _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), escaped)


def _contact(item: Contact) -> str:
    if item.link:
        return f"[{escape(item.text)}](<{item.link}>)"
    return escape(item.text)


def resume_markdown(resume: TailoredResume) -> str:
    """The resume as Markdown: a title, a contact line, then one `##` per section."""
    lines = [f"# {escape(name_of(resume))}", ""]
    if label_of(resume):
        lines += [f"**{escape(label_of(resume))}**", ""]
    items = contacts(resume.basics)
    if items:
        lines += [" | ".join(_contact(item) for item in items), ""]
    if clean(resume.summary):
        lines += [f"## {SUMMARY_HEADING}", "", escape(resume.summary), ""]
    if skills_line(resume):
        lines += [f"## {SKILLS_HEADING}", "", escape(skills_line(resume)), ""]
    for section in resume.sections:
        if not section.entries and not section.lines:
            continue
        lines += [f"## {escape(section.heading)}", ""]
        for entry in section.entries:
            text = entry_text(entry)
            organization = escape(text.organization)
            if text.link and organization:
                organization = f"[{organization}](<{text.link}>)"
            heading = f"### {escape(text.title)}"
            lines.append(f"{heading}, {organization}" if organization else heading)
            lines.append("")
            if text.detail_parts:
                lines += [f"*{escape(' | '.join(text.detail_parts))}*", ""]
            if text.bullets:
                lines += [f"- {escape(bullet)}" for bullet in text.bullets] + [""]
        for line in section.lines:
            if clean(line):
                lines += [escape(line), ""]
    return "\n".join(lines).rstrip("\n") + "\n"


_KIND_TITLES = {
    "selected": "Selected",
    "reordered": "Reordered",
    "rewritten": "Rewritten (in the posting's words)",
    "reverted": "Rewrites reverted (not supported by the fact)",
    "shrunk": "Shrunk",
    "cut": "Cut",
}


def changes_markdown(resume: TailoredResume) -> str:
    """`--show-changes`: what was selected, reordered, rewritten and cut, and what to defend."""
    lines = ["# Changes against the master profile", ""]
    for kind, title in _KIND_TITLES.items():
        changes: list[ResumeChange] = [c for c in resume.changes if c.kind == kind]
        if not changes:
            continue
        lines += [f"## {title} ({len(changes)})", ""]
        for change in changes:
            lines.append(f"- {escape(change.detail)}")
            if change.kind in ("rewritten", "reverted") and change.before and change.after:
                lines.append(f"  - before: {escape(change.before)}")
                lines.append(f"  - after: {escape(change.after)}")
            elif change.before:
                lines.append(f"  - {escape(change.before)}")
        lines.append("")
    if resume.defend:
        lines += ["## Be ready to defend in an interview", ""]
        lines += [f"- {escape(point)}" for point in resume.defend] + [""]
    if resume.warnings:
        lines += ["## Warnings", ""] + [f"- {escape(w)}" for w in resume.warnings] + [""]
    return "\n".join(lines).rstrip("\n") + "\n"
