"""Resume text (Markdown, plain text, or what PDF/DOCX reading produced) → Profile.

Everything found is placed in a model field or kept verbatim in `Profile.unplaced`; what
needs a human look (unknown sections, entries without dates, bullets without an employer)
is listed in `Profile.warnings`. Text that does not look like a resume is an InputError.
"""

from __future__ import annotations

import re

from applykit.errors import InputError
from applykit.ingest.profile_contact import parse_contact_line, parse_header_block
from applykit.ingest.profile_entries import Block, group_blocks, parse_header
from applykit.ingest.profile_lists import (
    parse_awards,
    parse_certificates,
    parse_education,
    parse_interests,
    parse_languages,
    parse_publications,
    parse_skills,
)
from applykit.ingest.profile_sections import Section, split_sections, to_lines
from applykit.models.profile import (
    Fact,
    Profile,
    Project,
    Volunteer,
    Work,
)

_KEYWORDS = re.compile(
    r"^(?:tech(?:nologies|nology| stack)?|stack|tools|keywords|built with)\s*:\s*(.+)$",
    re.IGNORECASE,
)
MAX_RESUME_CHARS = 300_000
_CORE_KINDS = {"work", "education", "skills", "projects", "summary", "volunteer"}


def parse_resume_text(text: str, *, source: str) -> Profile:
    """Build a Profile from resume text; raises InputError when it is not a resume."""
    if len(text) > MAX_RESUME_CHARS:
        raise InputError(
            f"the text is {len(text):,} characters long; a resume is rarely over 30,000",
            where=source,
            fix="check that this is your resume; split a long CV into the profile's sections",
        )
    split = split_sections(to_lines(text))
    profile = Profile()
    parse_header_block(split.header, profile)
    for section in split.sections:
        _parse_section(section, profile)
    _check_looks_like_resume(profile, split.sections, source)
    _warn_missing_dates(profile)
    return profile


def _parse_section(section: Section, profile: Profile) -> None:
    kind = section.kind
    if kind == "summary":
        text = " ".join(line.text for line in section.lines)
        if text:
            summary = profile.basics.summary
            profile.basics.summary = f"{summary}\n\n{text}" if summary else text
    elif kind in ("work", "volunteer", "projects"):
        for block in group_blocks(section.lines):
            _add_entry(kind, block, profile)
    elif kind == "education":
        for block in group_blocks(section.lines):
            profile.education.append(parse_education(block))
    elif kind == "skills":
        profile.skills.extend(parse_skills(section.lines))
    elif kind == "languages":
        languages, left = parse_languages(section.lines)
        profile.languages.extend(languages)
        _unplaced(profile, section, left)
    elif kind == "interests":
        profile.interests.extend(parse_interests(section.lines))
    elif kind in ("awards", "certificates", "publications"):
        blocks = group_blocks(section.lines)
        if kind == "awards":
            profile.awards.extend(parse_awards(blocks))
        elif kind == "certificates":
            certificates, left = parse_certificates(blocks)
            profile.certificates.extend(certificates)
            _unplaced(profile, section, left)
        else:
            profile.publications.extend(parse_publications(blocks))
    elif kind == "contact":
        for line in section.lines:
            parse_contact_line(line, profile, allow_label=False)
    elif kind == "unplaced":
        profile.unplaced.extend(line.text for line in section.lines)
    else:  # references, unknown
        lines = [line.text for line in section.lines]
        _unplaced(profile, section, lines)
        if kind == "unknown" and lines:
            profile.warnings.append(
                f"section '{section.title}' is not a resume section applykit knows; its "
                f"{len(lines)} line(s) are kept in 'unplaced': move them where they belong"
            )


def _unplaced(profile: Profile, section: Section, lines: list[str]) -> None:
    profile.unplaced.extend(f"{section.title}: {line}" for line in lines)


def _add_entry(kind: str, block: Block, profile: Profile) -> None:
    header = parse_header(block.header, org_first=kind == "volunteer")
    facts: list[Fact] = []
    keywords: list[str] = []
    for text in block.bullets:
        if kind == "projects" and (match := _KEYWORDS.match(text)):
            keywords.extend(k.strip() for k in re.split(r"[,;]", match.group(1)) if k.strip())
        else:
            facts.append(Fact(text=text))
    summary = " ".join(block.prose) or None
    if kind == "projects":
        name = header.parts[0] if header.parts else None
        description = " — ".join([*header.parts[1:], *([summary] if summary else [])]) or None
        if name is None:
            name = "Untitled project"
            profile.warnings.append(f"a project without a name has {len(facts)} fact(s)")
        profile.projects.append(
            Project(
                name=name,
                description=description,
                keywords=keywords,
                url=header.url,
                startDate=header.start,
                endDate=header.end,
                highlights=facts,
            )
        )
        return
    if header.rest:
        profile.unplaced.extend(header.rest)
        profile.warnings.append(
            f"could not place {header.rest!r} from the header of "
            f"'{header.org or header.title}': kept in 'unplaced'"
        )
    if kind == "volunteer":
        profile.volunteer.append(
            Volunteer(
                organization=header.org,
                position=header.title,
                url=header.url,
                startDate=header.start,
                endDate=header.end,
                summary=summary,
                highlights=facts,
            )
        )
        return
    if not block.header and profile.work and not profile.work[-1].highlights:
        profile.work[-1].highlights = facts
        return
    if header.org is None and header.title is None:
        profile.warnings.append(
            f"{len(facts)} bullet(s) under Experience have no employer or title above them"
        )
    profile.work.append(
        Work(
            name=header.org,
            position=header.title,
            location=header.location,
            url=header.url,
            startDate=header.start,
            endDate=header.end,
            summary=summary,
            highlights=facts,
        )
    )


_POSTING_HEADINGS = re.compile(
    r"responsibilit|requirement|qualifications|what you(?:'ll| will)|about the (?:role|job)|"
    r"benefits|how to apply|nice to have|who you are|what we offer|the role|your profile",
    re.IGNORECASE,
)


def _check_looks_like_resume(profile: Profile, sections: list[Section], source: str) -> None:
    kinds = {section.kind for section in sections}
    posting = [
        s.title for s in sections if s.kind == "unknown" and _POSTING_HEADINGS.search(s.title)
    ]
    if len(posting) >= 2 and len(kinds & _CORE_KINDS) <= 2:
        raise InputError(
            f"this looks like a job posting, not a resume (sections {', '.join(posting[:4])})",
            where=source,
            fix="read postings with `applykit posting parse FILE`; import your own resume here",
        )
    entries = len(profile.work) + len(profile.education) + len(profile.projects)
    if kinds & _CORE_KINDS and (entries or profile.skills or profile.basics.summary):
        return
    found = ", ".join(sorted(s.title for s in sections)) or "no section headings"
    raise InputError(
        f"this does not look like a resume ({found}; no Experience, Education, Skills or "
        "Projects section)",
        where=source,
        fix="use section headings such as 'Experience', 'Education' and 'Skills' on their own "
        "line, or write the profile in YAML (see docs/profiles.md)",
    )


def _warn_missing_dates(profile: Profile) -> None:
    entries: list[tuple[str, str | None, object, object, int]] = [
        ("work", w.name or w.position, w.startDate, w.endDate, len(w.highlights))
        for w in profile.work
    ]
    entries += [
        ("volunteer", v.organization, v.startDate, v.endDate, len(v.highlights))
        for v in profile.volunteer
    ]
    for kind, name, start, end, count in entries:
        if start is None and end is None:
            profile.warnings.append(
                f"{kind} entry '{name or '?'}' ({count} fact(s)) has no dates: add startDate "
                "and endDate so recency can be judged"
            )
