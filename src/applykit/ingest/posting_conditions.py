"""Who is hiring, for what, where and on which terms: the fields read from the header and body."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from applykit.ingest import posting_facts as facts
from applykit.ingest import posting_fields as fields
from applykit.ingest import posting_location as location
from applykit.ingest import posting_terms as terms
from applykit.ingest.posting_cities import cities_after_cues, cities_in_place_lines
from applykit.ingest.posting_degree import degree_lines, find_degree
from applykit.ingest.posting_keywords import Scan, needles
from applykit.ingest.posting_pay import find_compensation
from applykit.ingest.posting_sections import Section
from applykit.models.posting import Posting

# Patterns used inside functions, compiled once (re.match(pattern, …) looks each up per call).
_HEADER_SEPARATORS = re.compile(r" [·|•] | [–—] (?=[A-Z])| \| ")
_ABOUT = re.compile(r"(?i)^about\s+")
_ABOUT_NAME = re.compile(r"(?i)about\s+[A-Z0-9]")
_ABOUT_US = re.compile(r"(?i)about (?:us|the|our|you)\b")


SKIP_BODY = {"notes", "similar", "legal", "record_url", "record_company", "record_position"}
_VAGUE_PAY = re.compile(
    r"(?i)\b(?:competitive|attractive|negotiable)\s+(?:salary|pay|compensation|rate)\b"
    r"|\b(?:salary|pay|compensation|rate)\b[^.\n]{0,30}\b(?:competitive|negotiable|doe"
    r"|depending on experience|commensurate with experience)\b"
)


_VAGUE_WORDS = needles(
    "competitive", "attractive", "negotiable", "salary", "pay", "compensation", "rate"
)


def _vague_pay(scan: Scan) -> re.Match[str] | None:
    """`_VAGUE_PAY.search(body)`, tried only where a match can begin (at one of its words)."""
    starts = scan.starts(_VAGUE_WORDS)
    if starts is None:
        return _VAGUE_PAY.search(scan.text)
    return next(filter(None, (_VAGUE_PAY.match(scan.text, at) for at in starts)), None)


def _header_lines(sections: list[Section]) -> list[str]:
    header = sections[0].lines[:12] if sections and sections[0].kind == "header" else []
    out: list[str] = []
    for line in header:
        if len(line.text) > 160:
            continue  # prose, not a header line
        out.extend(seg.strip() for seg in _HEADER_SEPARATORS.split(line.text))
    return [o for o in out if o]


@dataclass
class _Parse:
    """What every field reads, built once per posting: header lines, body and its keyword scan."""

    sections: list[Section]
    header_lines: list[str]
    usable: list[Section]
    body: Scan
    derived: dict[str, Scan] = field(default_factory=dict)

    @property
    def header(self) -> str:
        return "\n".join(self.header_lines)


_LAST: list[_Parse] = []  # fill_identity's parse, reused by fill_conditions on the same sections


def _parse(sections: list[Section]) -> _Parse:
    if _LAST and _LAST[0].sections is sections:
        return _LAST[0]
    usable = [s for s in sections if s.kind not in SKIP_BODY]
    # "\n".join(s.text for s in usable) in one join: each section's lines, or "" for a section
    # without any (its text), instead of joining each section's lines first.
    texts: list[str] = []
    for section in usable:
        if section.lines:
            texts += [line.text for line in section.lines]
        else:
            texts.append("")
    parse = _Parse(sections, _header_lines(sections), usable, Scan("\n".join(texts)))
    _LAST[:] = [parse]
    return parse


def _body_lines(usable: list[Section]) -> list[tuple[int, str]]:
    """(offset, text) of each line of the body ("\n".join of the sections' texts)."""
    out: list[tuple[int, str]] = []
    at = 0
    for section in usable:
        if not section.lines:
            at += 1  # an empty section text, then its line end
        for line in section.lines:
            out.append((at, line.text))
            at += len(line.text) + 1
    return out


def fill_identity(posting: Posting, sections: list[Section]) -> None:
    _LAST.clear()
    parse = _parse(sections)
    header = parse.header_lines
    headings = [s for s in sections if s.level and s.level <= 2 and s.kind != "record_position"]
    record = {s.kind: s.text.strip() for s in sections if s.kind.startswith("record_")}

    title = fields.clean_title(record["record_position"]) if record.get("record_position") else None
    if title is None:
        for section in sections:
            if section.level == 1 and not fields.generic_heading(section.heading):
                title = fields.clean_title(section.heading)
                break
    if title is None:
        for line in header[:8]:
            title = fields.title_from_line(line)
            if title:
                break
    if title is None:
        for section in headings[:2]:
            title = fields.title_from_line(section.heading)
            if title:
                break
    if title is None:  # "Job Description:" then the title on its own line
        for section in sections[1:5]:
            if section.lines and section.lines[0].bullet is None:
                title = fields.title_from_line(section.lines[0].text)
                if title:
                    break
    title = title or fields.title_from_label([ln.text for s in sections for ln in s.lines[:3]])
    title = title or fields.title_from_phrases(parse.body)
    posting.title = title

    company = record.get("record_company", "").split("\n")[0].strip() or None
    if company is None:
        for line in header[:8]:
            company = fields.company_from_line(line)
            if company:
                break
    if company is None:  # phrases and "About X" headings, read only when needed
        company = _company_from_body(parse, sections, header)
    posting.company = company
    team_texts: list[str | Scan] = [s.text for s in sections if s.kind == "team"]
    posting.team = fields.find_team([*team_texts, " ".join(header), parse.body])
    if not posting.team:
        posting.team = next(
            (h.split(":", 1)[1].strip() for h in header if h.lower().startswith("team:")), None
        )
    if record.get("record_url"):
        posting.url = record["record_url"].split()[0]


def _company_from_body(parse: _Parse, sections: list[Section], header: list[str]) -> str | None:
    """The company named by "About X" headings or by the body's phrases ("At X, we")."""
    candidates = fields.company_candidates(parse.body)
    about = [
        _ABOUT.sub("", s.heading).strip(" :")
        for s in sections
        if s.kind == "company" and _ABOUT_NAME.match(s.heading) and not _ABOUT_US.match(s.heading)
    ]
    company = None
    pool = about + candidates
    if pool:
        company = fields.extend_company(pool[0], parse.body.text)
        longer = [c for c in pool if c.startswith(company + " ")]
        company = longer[0] if longer else company
    if company is None:
        for line in header[:4]:
            if (
                not fields.has_role_noun(line)
                and len(line.split()) <= 4
                and line[:1].isupper()
                and candidates
                and line in candidates
            ):
                company = line
    return company


def fill_conditions(
    posting: Posting, sections: list[Section], today: dt.date, warnings: list[str]
) -> None:
    parse = _parse(sections)
    _LAST.clear()
    header = parse.header
    usable = parse.usable
    scan = parse.body
    body = scan.text
    required_lines = [ln.text for s in sections if s.kind == "requirements" for ln in s.lines]

    location_text = "\n".join(
        [header] + [s.text for s in sections if s.kind in {"record_location", "logistics"}]
    )
    header_and_body = scan.derive(header + "\n")
    locations = (
        location.find_locations(location_text)
        or location.find_locations(body)
        or cities_in_place_lines(location_text, context=body)
        or cities_after_cues(body, context=body)
    )
    if not locations:
        remote = location.remote_location(header_and_body)
        locations = [remote] if remote else []
    posting.locations = locations
    posting.employment_type = terms.employment_type(posting.title, header, scan)
    posting.work_mode = terms.work_mode(posting.title, header, scan)
    posting.years_experience = facts.find_years(required_lines, scan)
    years_min = posting.years_experience.min if posting.years_experience else None
    posting.seniority, posting.level = terms.seniority(posting.title, header, scan, years_min)
    dollar = "CAD" if locations and all(loc.country == "Canada" for loc in locations) else "USD"
    posting.compensation, pay_warnings = find_compensation(scan, dollar=dollar)
    warnings.extend(pay_warnings)
    if posting.compensation is None and not pay_warnings:
        vague = _vague_pay(scan)
        if vague:
            warnings.append(f"pay is not stated: the posting only says {vague.group(0)!r}")
    mentions = degree_lines(scan, _body_lines(usable))
    posting.degree = (
        None  # no line mentions a degree: nothing to read
        if mentions is not None and not mentions
        else find_degree(
            required_lines,
            [ln.text for s in usable if s.kind != "preferred" for ln in s.lines],
            mentions,
        )
    )
    posting.requisition_id = facts.find_requisition_id(header_and_body)
    posting.posted_on = facts.find_posted_on(header_and_body, today)
    posting.start_date = facts.find_start_date(scan)
    posting.duration = facts.find_duration(scan.derive(f"{posting.title or ''}\n{header}\n"))
