"""Resume text → lines → the header block and named sections.

Works on Markdown (`## Experience`, `### Title — Company`, `- bullets`) and on the plain
text that PDF and DOCX reading produce (section names on their own line, `•` bullets).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

SECTION_NAMES: dict[str, tuple[str, ...]] = {
    "summary": (
        "summary",
        "profile",
        "about",
        "about me",
        "professional summary",
        "career summary",
        "executive summary",
        "objective",
        "career objective",
        "overview",
        "personal statement",
        "professional profile",
        "introduction",
    ),
    "work": (
        "experience",
        "work experience",
        "professional experience",
        "employment",
        "employment history",
        "work history",
        "career history",
        "relevant experience",
        "industry experience",
        "professional background",
        "positions",
        "career",
        "experience and employment",
    ),
    "education": (
        "education",
        "academic background",
        "education and training",
        "academic qualifications",
        "academics",
        "studies",
    ),
    "skills": (
        "skills",
        "technical skills",
        "core skills",
        "key skills",
        "competencies",
        "core competencies",
        "technologies",
        "tech stack",
        "tools",
        "skills and tools",
        "tools and technologies",
        "expertise",
        "areas of expertise",
        "technical expertise",
        "skills and expertise",
        "skills and technologies",
        "technical proficiencies",
    ),
    "projects": (
        "projects",
        "personal projects",
        "side projects",
        "selected projects",
        "key projects",
        "open source",
        "open-source",
        "open source projects",
        "open-source projects",
        "portfolio",
    ),
    "publications": (
        "publications",
        "papers",
        "selected publications",
        "publications and talks",
        "talks and publications",
        "research publications",
    ),
    "awards": (
        "awards",
        "honors",
        "honours",
        "awards and honors",
        "awards and honours",
        "honors and awards",
        "honours and awards",
        "achievements",
        "recognition",
        "scholarships",
    ),
    "certificates": (
        "certifications",
        "certificates",
        "certification",
        "licenses",
        "licences",
        "licenses and certifications",
        "licences and certifications",
        "certifications and licenses",
        "courses and certifications",
    ),
    "languages": ("languages", "language skills", "spoken languages", "language"),
    "volunteer": (
        "volunteer",
        "volunteering",
        "volunteer experience",
        "volunteer work",
        "community",
        "community involvement",
        "community service",
    ),
    "interests": ("interests", "hobbies", "hobbies and interests", "personal interests"),
    "references": ("references", "referees"),
    "contact": ("contact", "contact information", "contact details", "links"),
    "unplaced": ("unplaced", "unplaced text"),
}
_BY_NAME = {name: kind for kind, names in SECTION_NAMES.items() for name in names}
_BY_COMPACT = {name.replace(" ", ""): kind for name, kind in _BY_NAME.items()}

BULLET_GLYPHS = "•●▪◦‣–—○■□➢►▸▹✓✔·❖◆♦◇⁃∙⦁→\uf0b7\uf0a7\uf076\uf0d8\uf0fc"
"""Bullet marks besides - * +, including the private-use code points of Symbol/Wingdings
bullets that PDFs made by word processors often carry (these may touch the text)."""
BULLET = re.compile(
    rf"^\s*(?:[-*+]\s+|[{BULLET_GLYPHS}]\s*|o\s+(?=[A-Z])|\d{{1,2}}[.)]\s+)(?P<text>\S.*)$"
)
_HEADING = re.compile(r"^(?P<hashes>#{1,6})\s+(?P<text>.+?)\s*#*\s*$")
_PAGE_NUMBER = re.compile(r"^(?:page\s*)?\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?$", re.IGNORECASE)
_RULE = re.compile(r"^\s*(?:[-=_*]\s*){3,}$")
_SETEXT = re.compile(r"^\s*(?:={3,}|-{3,})\s*$")
_TABLE_RULE = re.compile(r"^:?-{3,}:?(?:\s*\|\s*:?-{3,}:?)+$")
MAX_LINE = 400
"""Longer lines are cut at spaces: no resume line is this long, and it bounds regex work."""


@dataclass
class Line:
    """One line of the resume with what we know about its shape."""

    text: str
    level: int | None = None  # Markdown heading level
    bullet: bool = False
    indent: int = 0
    blank_before: bool = False
    bold: bool = False
    quote: bool = False  # a "> " line: always prose (an entry's summary)


@dataclass
class Section:
    kind: str  # a key of SECTION_NAMES, or "unknown"
    title: str
    lines: list[Line] = field(default_factory=list)


@dataclass
class SplitResume:
    header: list[Line]
    sections: list[Section]


def section_kind(title: str) -> str | None:
    """The kind of a section title, or None when it is not a known resume section."""
    key = clean_inline(title).lower().replace("&", "and")
    key = re.sub(r"^[\W_]+|[\W_]+$", "", key)  # icons, rules and colons around the name
    if re.fullmatch(r"(?:\w\s+){2,}\w", key):  # letter-spaced: "W O R K  E X P E R I E N C E"
        return _BY_COMPACT.get(re.sub(r"\s+", "", key))
    key = re.sub(r"\s+", " ", key)
    return _BY_NAME.get(key)


def clean_inline(text: str) -> str:
    """Drop Markdown emphasis, code ticks, and links' URLs kept in parentheses."""
    text = re.sub(r"\[([^\]]+)\]\((https?://[^)]+|mailto:[^)]+)\)", _link, text)
    text = re.sub(r"(\*\*|__)(.+?)\1", r"\2", text)
    text = re.sub(r"(?<![\w*])[*_](?!\s)(.+?)(?<!\s)[*_](?![\w*])", r"\1", text)
    text = text.replace("`", "")
    text = re.sub(r"\s+\(mailto:[^)]+\)", "", text)
    # A tab (or a wide gap) separates parts of a row ("Acme Corp<tab>Seattle, WA"): keep one.
    parts = [" ".join(part.split()) for part in re.split(r"\t|\s{3,}", text)]
    return "\t".join(part for part in parts if part)


def _link(match: re.Match[str]) -> str:
    label, target = match.group(1), match.group(2)
    if target.startswith("mailto:") or label.lower().rstrip("/") in target.lower():
        return label if target.startswith("mailto:") else target
    return f"{label} ({target})"


def _wrap_long(lines: list[str]) -> list[str]:
    out: list[str] = []
    for line in lines:
        while len(line) > MAX_LINE:
            cut = line.rfind(" ", 0, MAX_LINE)
            cut = cut if cut > MAX_LINE // 2 else MAX_LINE
            out.append(line[:cut])
            line = line[cut:]
        out.append(line)
    return out


def to_lines(text: str) -> list[Line]:
    """Classify each non-empty line (heading level, bullet, indent, bold)."""
    lines: list[Line] = []
    blank = False
    table_row = -1
    raw_lines = _wrap_long(text.replace("\f", "\n").split("\n"))
    for index, raw in enumerate(raw_lines):
        stripped = raw.strip()
        if stripped.startswith("|") and stripped.endswith("|") and len(stripped) > 1:
            stripped = stripped.strip("|").strip()  # a Markdown table row
        if _TABLE_RULE.match(stripped):
            if lines and table_row == len(lines) - 1:
                lines.pop()  # the column labels above the rule ("Role | Company | Dates")
            continue
        if "|" in raw and raw.strip().startswith("|"):
            table_row = len(lines)
        if not stripped or (_RULE.match(stripped) and not _SETEXT.match(stripped)):
            blank = True
            continue
        if _SETEXT.match(stripped) and lines and not lines[-1].bullet:
            lines[-1].level = 1 if stripped.startswith("=") else 2
            blank = False
            continue
        if _PAGE_NUMBER.match(stripped):
            continue
        indent = len(raw) - len(raw.lstrip(" \t"))
        bold = bool(re.match(r"^\*\*[^*]+\*\*", stripped))
        if heading := _HEADING.match(stripped):
            line = Line(clean_inline(heading.group("text")), level=len(heading.group("hashes")))
        elif stripped.startswith(">"):
            line = Line(clean_inline(stripped.lstrip("> ")).replace("\t", " "), quote=True)
        elif bullet := BULLET.match(stripped):
            text = clean_inline(bullet.group("text")).replace("\t", " ")
            line = Line(text, bullet=True, bold=bold)
        else:
            line = Line(clean_inline(stripped), bold=bold)
        line.indent = indent
        line.blank_before = blank or index == 0
        blank = False
        if line.text:
            lines.append(line)
    return lines


def split_sections(lines: list[Line]) -> SplitResume:
    """The lines before the first section heading, then each section with its lines."""
    header: list[Line] = []
    sections: list[Section] = []
    section_level = min((ln.level for ln in lines if ln.level and _known(ln)), default=2)
    caps_style = any(ln.level is None and _known(ln) and ln.text.isupper() for ln in lines)
    for index, line in enumerate(lines):
        kind = _heading_kind(line, section_level, in_skills=_in(sections, "skills"))
        if kind is None and caps_style and sections and _caps_heading(lines, index):
            kind = "unknown"
        if kind is not None:
            title, _, inline = line.text.partition(":")
            sections.append(Section(kind, title.strip() if inline.strip() else line.text))
            if inline.strip() and not line.level:
                sections[-1].lines.append(Line(inline.strip()))
            continue
        if sections:
            sections[-1].lines.append(line)
        else:
            header.append(line)
    return SplitResume(header, sections)


def _caps_heading(lines: list[Line], index: int) -> bool:
    """In a resume whose section names are in capitals, another short all-caps line with no
    dates near it ("ADDITIONAL INFORMATION") is a section we do not know, not an employer."""
    from applykit.ingest.profile_dates import find_date_span

    line = lines[index]
    text = line.text
    if line.bullet or line.level is not None or not text.isupper():
        return False
    if not 1 <= len(text.split()) <= 4 or re.search(r"[\d@|,—–:/]", text):
        return False
    return all(find_date_span(after.text) is None for after in lines[index + 1 : index + 3])


def _known(line: Line) -> bool:
    return section_kind(line.text) is not None


def _in(sections: list[Section], kind: str) -> bool:
    return bool(sections) and sections[-1].kind == kind


def _heading_kind(line: Line, section_level: int, *, in_skills: bool) -> str | None:
    if line.bullet:
        return None
    kind = section_kind(line.text)
    if line.level is not None:
        if kind:
            return kind
        if line.level <= section_level and line.level > 1:
            return "unknown"
        return None
    if kind and (len(line.text.split()) <= 5 or re.fullmatch(r"(?:\S\s+){2,}\S", line.text)):
        return kind
    label, colon, rest = line.text.partition(":")
    if not colon or not rest.strip():
        return None
    inline_kind = section_kind(label)
    if inline_kind in ("skills", "interests"):
        return None if in_skills else inline_kind
    if inline_kind == "languages" and all_human_languages(rest):
        return "languages"
    return None


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


HUMAN_LANGUAGES = _words(
    "english swedish german french spanish italian portuguese dutch danish norwegian finnish "
    "icelandic polish czech slovak hungarian romanian bulgarian greek turkish russian ukrainian "
    "arabic hebrew persian farsi hindi urdu bengali punjabi tamil telugu marathi gujarati "
    "chinese mandarin cantonese japanese korean vietnamese thai indonesian malay tagalog filipino "
    "swahili yoruba igbo hausa amharic zulu afrikaans catalan basque galician serbian croatian "
    "bosnian slovenian estonian latvian lithuanian irish welsh latin esperanto"
)


def all_human_languages(text: str) -> bool:
    """True when every item of a comma list starts with a spoken language's name."""
    items = [item.strip() for item in re.split(r"[,;·|/]", text) if item.strip()]
    return bool(items) and all(
        (item.split()[0].lower().strip("()") in HUMAN_LANGUAGES) for item in items
    )
