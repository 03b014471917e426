"""Resume text (Markdown, plain text, or what PDF/DOCX reading produced) → Profile.

Everything found is placed in a model field or kept verbatim in `Profile.unplaced`; what
needs a human look (unknown sections, entries without dates, bullets without an employer)
is listed in `Profile.warnings`. Text that does not look like a resume is an InputError.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from applykit.errors import InputError
from applykit.ingest.profile_dates import find_date_span
from applykit.ingest.profile_entries import LOCATION, URL, Block, group_blocks, parse_header
from applykit.ingest.profile_lists import (
    parse_awards,
    parse_certificates,
    parse_education,
    parse_interests,
    parse_languages,
    parse_publications,
    parse_skills,
)
from applykit.ingest.profile_sections import Line, Section, split_sections, to_lines
from applykit.models.profile import (
    Address,
    Basics,
    Fact,
    Profile,
    ProfileLink,
    Project,
    Volunteer,
    Work,
)

EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE = re.compile(r"(?<![\w])\+?\(?\d[\d\s().-]{6,}\d(?![\w])")
_NETWORKS = {
    "linkedin.com": "LinkedIn",
    "github.com": "GitHub",
    "gitlab.com": "GitLab",
    "twitter.com": "Twitter",
    "x.com": "X",
    "stackoverflow.com": "Stack Overflow",
    "kaggle.com": "Kaggle",
    "medium.com": "Medium",
    "scholar.google.com": "Google Scholar",
    "orcid.org": "ORCID",
    "huggingface.co": "Hugging Face",
    "behance.net": "Behance",
    "dribbble.com": "Dribbble",
}
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
    _parse_header(split.header, profile)
    for section in split.sections:
        _parse_section(section, profile)
    _check_looks_like_resume(profile, split.sections, source)
    _warn_missing_dates(profile)
    return profile


def _parse_header(lines: list[Line], profile: Profile) -> None:
    basics = profile.basics
    rest = list(lines)
    if rest and _looks_like_name(rest[0]):
        basics.name = rest.pop(0).text
    for line in rest:
        _parse_contact_line(line, profile, allow_label=True)


def _parse_contact_line(line: Line, profile: Profile, *, allow_label: bool) -> None:
    basics: Basics = profile.basics
    text = line.text
    if len(text.split()) >= 12 and not EMAIL.search(text):
        basics.summary = f"{basics.summary} {text}".strip() if basics.summary else text
        return
    for segment in re.split(r"\s*[|·•]\s*|\s{3,}|\s+[–—]\s+", text):
        segment = segment.strip(" ,;")
        if not segment:
            continue
        segment = _take_contacts(segment, profile)
        if not segment:
            continue
        if basics.location is None and LOCATION.match(segment):
            city, _, region = segment.partition(",")
            basics.location = _address(city.strip(), region.strip())
        elif allow_label and basics.label is None and len(segment.split()) <= 8:
            basics.label = segment
        else:
            profile.unplaced.append(segment)


def _take_contacts(segment: str, profile: Profile) -> str:
    """Move e-mail, URLs and phone numbers into basics; return what is left."""
    basics = profile.basics
    for match in EMAIL.finditer(segment):
        if basics.email is None:
            basics.email = match.group(0)
        elif match.group(0) != basics.email:
            profile.unplaced.append(match.group(0))
    segment = EMAIL.sub("", segment)
    for match in URL.finditer(segment):
        url = match.group(0).rstrip(".,)")
        url = url if url.lower().startswith("http") else f"https://{url}"
        host = urlsplit(url).hostname or ""
        network = next(
            (
                name
                for known, name in _NETWORKS.items()
                if host == known or host.endswith("." + known)
            ),
            None,
        )
        known = {link.url for link in basics.profiles} | {basics.url}
        if url in known:
            continue
        if network:
            username = url.rstrip("/").rsplit("/", 1)[-1]
            profile.basics.profiles.append(ProfileLink(network=network, username=username, url=url))
        elif basics.url is None:
            basics.url = url
        else:
            profile.unplaced.append(url)
    segment = URL.sub("", segment)
    for match in PHONE.finditer(segment):
        digits = re.sub(r"\D", "", match.group(0))
        if 7 <= len(digits) <= 15 and find_date_span(match.group(0)) is None:
            if basics.phone is None:
                basics.phone = match.group(0).strip()
            else:
                profile.unplaced.append(match.group(0).strip())
            segment = segment.replace(match.group(0), "")
    segment = re.sub(
        r"^(?:e-?mail|phone|tel|mobile|web|website|linkedin|github)\s*:?\s*$",
        "",
        segment.strip(),
        flags=re.IGNORECASE,
    )
    return segment.strip(" ,;:()")


def _address(city: str, region: str) -> Address:
    return Address(city=city, region=region or None)


def _looks_like_name(line: Line) -> bool:
    text = line.text
    words = text.split()
    if line.level == 1:
        return True
    return (
        1 <= len(words) <= 5
        and not re.search(r"[\d@/|:]", text)
        and find_date_span(text) is None
        and all(
            word[:1].isupper() or word.lower() in ("de", "van", "von", "da", "di", "la", "le")
            for word in words
        )
    )


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
            education, left = parse_education(block)
            profile.education.append(education)
            profile.unplaced.extend(left)
    elif kind == "skills":
        groups, left = parse_skills(section.lines)
        profile.skills.extend(groups)
        profile.unplaced.extend(left)
    elif kind == "languages":
        languages, left = parse_languages(section.lines)
        profile.languages.extend(languages)
        _unplaced(profile, section, left)
    elif kind == "interests":
        interests, _ = parse_interests(section.lines)
        profile.interests.extend(interests)
    elif kind in ("awards", "certificates", "publications"):
        blocks = group_blocks(section.lines)
        if kind == "awards":
            profile.awards.extend(parse_awards(blocks)[0])
        elif kind == "certificates":
            profile.certificates.extend(parse_certificates(blocks)[0])
        else:
            profile.publications.extend(parse_publications(blocks)[0])
    elif kind == "contact":
        for line in section.lines:
            _parse_contact_line(line, profile, allow_label=False)
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
