"""The visible strings of a tailored resume, shared by every renderer and the ATS check.

Markdown, Typst and DOCX all print exactly these strings, in exactly this order, so the
ATS round trip can check that what comes back out of a PDF or DOCX is what went in.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from applykit.models.documents import ResumeEntry, TailoredResume
from applykit.models.profile import Basics

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]")
_EMOJI = re.compile(r"[\U0001F000-\U0001FAFF\ufe0f]+ ?")
"""Pictographs no bundled font draws and no ATS reads; dropped (a fact never needs one)."""
_SPACE = re.compile(r"\s+")
MAX_FIELD_CHARS = 300
"""Names, titles, employers and contact items longer than this are cut with an ellipsis."""
MAX_TEXT_CHARS = 2000
"""Any other text (a bullet, the summary) is cut here: a safety net for hand-made input;
tailoring itself never passes a fact this long (it cuts the fact and says so)."""

SKILLS_HEADING = "Skills"
SUMMARY_HEADING = "Summary"


def clean(text: str | None, *, limit: int = MAX_TEXT_CHARS) -> str:
    """Untrusted text made printable: no control or invisible characters, one-line spacing."""
    if not text:
        return ""
    text = _CONTROL.sub("", unicodedata.normalize("NFC", text[: limit * 4]))
    text = _EMOJI.sub("", text)
    text = _SPACE.sub(" ", text).strip()
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return text


def format_date(value: str | None) -> str:
    """ "2023-09" → "Sep 2023", "2020" → "2020", "present"/None → "Present"."""
    if value is None or value.lower() == "present":
        return "Present"
    match = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-\d{2})?", value.strip())
    if not match:
        return clean(value, limit=40)
    year, month = match.groups()
    if month and 1 <= int(month) <= 12:
        return f"{_MONTHS[int(month) - 1]} {year}"
    return year


def format_dates(start: str | None, end: str | None) -> str:
    """The date range of an entry: "Sep 2023 – Present", "2019", or "" when none is known."""
    if not start and not end:
        return ""
    if not start:
        return format_date(end)
    return f"{format_date(start)} – {format_date(end)}"


@dataclass(frozen=True)
class Contact:
    """One item of the contact line: what is printed and where it links (if anywhere)."""

    text: str
    link: str | None = None


def _display_url(url: str) -> str:
    shown = re.sub(r"^[a-z][a-z0-9+.-]*://", "", url.strip(), flags=re.IGNORECASE)
    shown = re.sub(r"^www\.", "", shown)
    return clean(shown.rstrip("/"), limit=MAX_FIELD_CHARS)


def _safe_link(url: str | None) -> str | None:
    """Only web and mail links become clickable; anything else is printed as text."""
    if not url:
        return None
    url = clean(url, limit=2000)
    if re.match(r"^(https?://|mailto:)[^\s\"<>\\]+$", url, flags=re.IGNORECASE):
        return url
    return None


def contacts(basics: Basics) -> list[Contact]:
    """Location, e-mail, phone, website and profiles, in that order."""
    items: list[Contact] = []
    if basics.location is not None:
        parts = [basics.location.city, basics.location.region, basics.location.countryCode]
        place = ", ".join(clean(p, limit=80) for p in parts if p and clean(p))
        if place:
            items.append(Contact(place))
    if basics.email and clean(basics.email):
        email = clean(basics.email, limit=MAX_FIELD_CHARS)
        items.append(Contact(email, _safe_link(f"mailto:{email}")))
    if basics.phone and clean(basics.phone):
        items.append(Contact(clean(basics.phone, limit=60)))
    urls = [basics.url] + [p.url for p in basics.profiles]
    for url in urls:
        if url and clean(url):
            items.append(Contact(_display_url(url), _safe_link(url)))
    return items


@dataclass(frozen=True)
class EntryText:
    """The printed lines of one entry."""

    title: str
    organization: str
    location: str
    dates: str
    link: str | None
    bullets: list[str] = field(default_factory=list)

    @property
    def heading_parts(self) -> list[str]:
        return [part for part in (self.title, self.organization) if part]

    @property
    def detail_parts(self) -> list[str]:
        return [part for part in (self.location, self.dates) if part]


def entry_text(entry: ResumeEntry) -> EntryText:
    return EntryText(
        title=clean(entry.title, limit=MAX_FIELD_CHARS),
        organization=clean(entry.organization, limit=MAX_FIELD_CHARS),
        location=clean(entry.location, limit=MAX_FIELD_CHARS),
        dates=format_dates(entry.start, entry.end),
        link=_safe_link(entry.url),
        bullets=[clean(bullet.text) for bullet in entry.bullets if clean(bullet.text)],
    )


def name_of(resume: TailoredResume) -> str:
    return clean(resume.basics.name, limit=MAX_FIELD_CHARS) or "Resume"


def label_of(resume: TailoredResume) -> str:
    return clean(resume.basics.label, limit=MAX_FIELD_CHARS)


def skills_line(resume: TailoredResume) -> str:
    return ", ".join(clean(skill, limit=80) for skill in resume.skills if clean(skill))


def expected_sequence(resume: TailoredResume) -> list[str]:
    """Every string a reader must find, in reading order: the ATS check's checklist."""
    found: list[str] = [name_of(resume)]
    if label_of(resume):
        found.append(label_of(resume))
    found.extend(item.text for item in contacts(resume.basics))
    if clean(resume.summary):
        found.extend([SUMMARY_HEADING, clean(resume.summary)])
    if skills_line(resume):
        found.extend([SKILLS_HEADING, *[clean(s, limit=80) for s in resume.skills if clean(s)]])
    for section in resume.sections:
        if not section.entries and not section.lines:
            continue
        found.append(clean(section.heading, limit=80))
        for entry in section.entries:
            text = entry_text(entry)
            found.extend([*text.heading_parts, *text.detail_parts, *text.bullets])
        found.extend(clean(line) for line in section.lines if clean(line))
    return [item for item in found if item]
