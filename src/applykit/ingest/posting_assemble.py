"""From cleaned text to a Posting: sections are read in the order a recruiter would."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from applykit.ingest import posting_facts as facts
from applykit.ingest import posting_fields as fields
from applykit.ingest import posting_location as location
from applykit.ingest import posting_steps as steps
from applykit.ingest import posting_terms as terms
from applykit.ingest.posting_pay import find_compensation
from applykit.ingest.posting_requirements import (
    fallback_requirements,
    fallback_responsibilities,
    posting_skills,
    requirements_from,
    responsibilities_from,
)
from applykit.ingest.posting_sections import Section, split_sections
from applykit.ingest.posting_text import (
    INJECTION,
    clean_text,
    fold,
    has_any,
    looks_truncated,
    lowered,
    sentences,
    split_lines,
)
from applykit.models.posting import Posting

_ENGLISH = re.compile(r"\b(?:the|and|you|with|for|our|will|are|of|to)\b", re.IGNORECASE)
_INJECTION_NEEDLES = (
    "ignore",
    "disregard",
    "you are a",
    "ai ",
    "ai-",
    "llm",
    "gpt",
    "claude",
    "gemini",
    "copilot",
    "language model",
)
# `(?i)to apply|please (?:send|submit|apply|include)|apply (?:with|by)`, written to start with
# one character class so the regex engine skips ahead (no other character folds to t, p or a).
_APPLY_CUE = re.compile(
    r"[TtPpAa](?:(?<=[Tt])(?i:o apply)|(?<=[Pp])(?i:lease (?:send|submit|apply|include))"
    r"|(?<=[Aa])(?i:pply (?:with|by)))"
)
_VAGUE_PAY = re.compile(
    r"(?i)\b(?:competitive|attractive|negotiable)\s+(?:salary|pay|compensation|rate)\b"
    r"|\b(?:salary|pay|compensation|rate)\b[^.\n]{0,30}\b(?:competitive|negotiable|doe"
    r"|depending on experience|commensurate with experience)\b"
)
_SKIP_BODY = {"notes", "similar", "legal", "record_url", "record_company", "record_position"}


@dataclass
class Parts:
    body: str
    source_format: str
    today: dt.date
    hidden: list[str] = field(default_factory=list)
    skills: bool = True


def assemble(parts: Parts) -> Posting:
    cleaned = clean_text(parts.body)
    warnings = list(cleaned.warnings)
    if parts.hidden:
        warnings.append(
            f"{len(parts.hidden)} hidden element(s) were removed and ignored: "
            + "; ".join(repr(h[:80]) for h in parts.hidden[:3])
        )
        if any(INJECTION.search(h) for h in parts.hidden):
            warnings.append("hidden text contains instructions addressed to AI tools; ignored")
    text = cleaned.text
    if not text.strip():
        warnings.append("the posting is empty: there is no text to read")
        return Posting(source_format=parts.source_format, warnings=warnings)
    lines = split_lines(text)
    low = text.lower()
    suspicious = has_any(low, _INJECTION_NEEDLES)
    # Every match of INJECTION contains one of the needles: the regex runs only on lines with one.
    injected = [
        line
        for line in lines
        if suspicious
        and has_any(fold(line.text), _INJECTION_NEEDLES)
        and INJECTION.search(line.text)
    ]
    if injected:
        warnings.append(
            "the posting contains instructions addressed to AI tools (ignored): "
            + repr(injected[0].text[:120])
        )
        lines = [line for line in lines if line not in injected]
    sections = split_sections(lines)
    posting = Posting(source_format=parts.source_format, description=_description(sections))
    _identity(posting, sections)
    _conditions(posting, sections, parts.today, warnings)
    _content(posting, sections)
    if parts.skills:
        posting.skills = posting_skills(posting)
    if looks_truncated(text):
        warnings.append("the text looks truncated (it stops mid-sentence); paste the full posting")
    if len(text) > 300 and not _english_enough(text[:5000]):
        warnings.append("the text does not look like English; some fields may be missing")
    if not posting.requirements and len(text) > 200:
        warnings.append("no requirements were found")
    posting.warnings = warnings + posting.warnings
    return posting


def _apply_cue_lines(lines: list[str]) -> list[str]:
    """The lines in which `_APPLY_CUE` occurs, from one scan of the joined lines.

    Every match holds "apply" or "plea" (letters that case-fold plainly), so most postings are
    settled by two substring tests; a match never spans a line end, so the lines holding a
    match start are exactly the lines a per-line search would find.
    """
    text = "\n".join(lines)
    if not has_any(lowered(text), ("apply", "plea")):
        return []
    starts = [match.start() for match in _APPLY_CUE.finditer(text)]
    found: list[str] = []
    index, offset = 0, 0
    for line in lines:
        end = offset + len(line)
        if index < len(starts) and starts[index] < end:
            found.append(line)
            while index < len(starts) and starts[index] < end:
                index += 1
        offset = end + 1
    return found


def _english_enough(head: str) -> bool:
    """At least one English function word per 400 characters; stops counting once there."""
    need = len(head) / 400
    count = 0
    for _ in _ENGLISH.finditer(head):
        count += 1
        if count >= need:
            return True
    return count >= need


def _description(sections: list[Section]) -> str:
    parts: list[str] = []
    for section in sections:
        if section.kind in {"notes", "similar"}:
            continue
        if section.heading:
            parts.append(f"\n{section.heading}")
        for line in section.lines:
            marker = "  " * (line.indent // 2) + "- " if line.bullet else ""
            parts.append(marker + line.text)
    return "\n".join(parts).strip()


def _header_lines(sections: list[Section]) -> list[str]:
    header = sections[0].lines[:12] if sections and sections[0].kind == "header" else []
    out: list[str] = []
    for line in header:
        if len(line.text) > 160:
            continue  # prose, not a header line
        out.extend(seg.strip() for seg in re.split(r" [·|•] | [–—] (?=[A-Z])| \| ", line.text))
    return [o for o in out if o]


def _identity(posting: Posting, sections: list[Section]) -> None:
    header = _header_lines(sections)
    headings = [s for s in sections if s.level and s.level <= 2 and s.kind != "record_position"]
    record = {s.kind: s.text.strip() for s in sections if s.kind.startswith("record_")}
    body = "\n".join(s.text for s in sections if s.kind not in _SKIP_BODY)

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
    title = title or fields.title_from_phrases(body)
    posting.title = title

    company = record.get("record_company", "").split("\n")[0].strip() or None
    if company is None:
        for line in header[:8]:
            company = fields.company_from_line(line)
            if company:
                break
    candidates = fields.company_candidates(body)
    about = [
        re.sub(r"(?i)^about\s+", "", s.heading).strip(" :")
        for s in sections
        if s.kind == "company"
        and re.match(r"(?i)about\s+[A-Z0-9]", s.heading)
        and not re.match(r"(?i)about (?:us|the|our|you)\b", s.heading)
    ]
    if company is None:
        pool = about + candidates
        if pool:
            company = fields.extend_company(pool[0], body)
            longer = [c for c in pool if c.startswith(company + " ")]
            company = longer[0] if longer else company
    if company is None:
        for line in header[:4]:
            if (
                not fields.ROLE_NOUN.search(line)
                and len(line.split()) <= 4
                and line[:1].isupper()
                and candidates
                and line in candidates
            ):
                company = line
    posting.company = company
    posting.team = fields.find_team(
        [s.text for s in sections if s.kind == "team"] + [" ".join(header), body]
    )
    if not posting.team:
        posting.team = next(
            (h.split(":", 1)[1].strip() for h in header if h.lower().startswith("team:")), None
        )
    if record.get("record_url"):
        posting.url = record["record_url"].split()[0]


def _conditions(
    posting: Posting, sections: list[Section], today: dt.date, warnings: list[str]
) -> None:
    header = "\n".join(_header_lines(sections))
    usable = [s for s in sections if s.kind not in _SKIP_BODY]
    body = "\n".join(s.text for s in usable)
    required_lines = [ln.text for s in sections if s.kind == "requirements" for ln in s.lines]

    location_text = "\n".join(
        [header] + [s.text for s in sections if s.kind in {"record_location", "logistics"}]
    )
    header_and_body = header + "\n" + body  # one string: several extractors lower it
    locations = location.find_locations(location_text) or location.find_locations(body)
    if not locations:
        remote = location.remote_location(header_and_body)
        locations = [remote] if remote else []
    posting.locations = locations
    posting.employment_type = terms.employment_type(posting.title, header, body)
    posting.work_mode = terms.work_mode(posting.title, header, body)
    posting.years_experience = facts.find_years(required_lines, body)
    years_min = posting.years_experience.min if posting.years_experience else None
    posting.seniority, posting.level = terms.seniority(posting.title, header, body, years_min)
    dollar = "CAD" if locations and all(loc.country == "Canada" for loc in locations) else "USD"
    posting.compensation, pay_warnings = find_compensation(body, dollar=dollar)
    warnings.extend(pay_warnings)
    if posting.compensation is None and not pay_warnings:
        vague = _VAGUE_PAY.search(body)
        if vague:
            warnings.append(f"pay is not stated: the posting only says {vague.group(0)!r}")
    posting.degree = facts.find_degree(
        required_lines, [ln.text for s in usable if s.kind != "preferred" for ln in s.lines]
    )
    posting.requisition_id = facts.find_requisition_id(header_and_body)
    posting.posted_on = facts.find_posted_on(header_and_body, today)
    posting.start_date = facts.find_start_date(body)
    posting.duration = facts.find_duration(f"{posting.title or ''}\n{header}\n{body}")


def _content(posting: Posting, sections: list[Section]) -> None:
    posting.responsibilities = responsibilities_from(sections)
    posting.requirements = requirements_from(sections)
    prose = [s for s in sections if s.kind in {"header", "role", "other", "company", "team"}]
    body_lines = [line.text for s in sections if s.kind not in _SKIP_BODY for line in s.lines]
    if not posting.requirements:
        body_sentences = [sentence for line in body_lines for sentence in sentences(line)]
        posting.requirements = fallback_requirements(body_sentences)
    else:  # only the sentences the step finder looks at: those that start "To apply…"
        body_sentences = [s for line in _apply_cue_lines(body_lines) for s in sentences(line)]
    if not posting.responsibilities:
        posting.responsibilities = fallback_responsibilities(
            [x for s in prose for line in s.lines for x in sentences(line.text)]
        )
    posting.application_steps = steps.application_steps(sections, body_sentences)
    posting.application_questions = steps.application_questions(sections)
    posting.company_facts = steps.company_facts(sections, posting.company)
