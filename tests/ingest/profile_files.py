"""Builders for real test documents: PDFs compiled with Typst, DOCX written with python-docx.

Used by tests/ingest/test_documents*.py and test_profile*.py (not a test module itself).
"""

from __future__ import annotations

from pathlib import Path

from applykit.models.profile import Profile, Work

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def typst_pdf(source: str, out: Path) -> Path:
    """Compile Typst markup to a PDF file at `out`."""
    import typst

    out.write_bytes(typst.compile(source.encode("utf-8"), format="pdf"))
    return out


def text_box_xml(lines: list[str]) -> str:
    """A run holding a floating text box, as Word writes it (DrawingML plus VML fallback)."""
    paragraphs = "".join(
        f"<w:p><w:r><w:t xml:space='preserve'>{line}</w:t></w:r></w:p>" for line in lines
    )
    return (
        f'<w:r xmlns:w="{W_NS}" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        'xmlns:v="urn:schemas-microsoft-com:vml">'
        '<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic>'
        '<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        f"<wps:wsp><wps:txbx><w:txbxContent>{paragraphs}</w:txbxContent></wps:txbx></wps:wsp>"
        "</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>{paragraphs}"
        "</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )


def add_text_box(document: object, lines: list[str]) -> None:
    """Append a paragraph holding a text box with `lines` to a python-docx Document."""
    from docx.oxml import parse_xml

    paragraph = document.add_paragraph()  # type: ignore[attr-defined]
    paragraph._p.append(parse_xml(text_box_xml(lines)))


def _t(text: str | None) -> str:
    """A Typst string literal: every character is taken as text, never as markup."""
    escaped = (text or "").replace("\\", "\\\\").replace('"', '\\"')
    return f'#"{escaped}"'


def _dates(start: str | None, end: str | None) -> str:
    if not start:
        return ""
    return f"{start} – {'Present' if end == 'present' else (end or 'Present')}"


HEADER_STYLES = ("title-company", "one-line", "stacked", "right-aligned")
_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def _month_name(date: str | None) -> str:
    if not date or date == "present":
        return "Present"
    if len(date) >= 7:
        return f"{_MONTHS[int(date[5:7]) - 1]} {date[:4]}"
    return date[:4]


def header_lines(work: Work, style: str) -> list[str]:
    """A job's header as resumes write it, in one of HEADER_STYLES:
    "title-company": "Title — Company" then "2020-01 – 2022-03";
    "one-line": "Company | Title | 2020-01 – 2022-03";
    "stacked": "Company" / "Title" / "Jan 2020 – Mar 2022";
    "right-aligned": "Company<tab>Location" / "Title<tab>Jan 2020 – Mar 2022" (tabs are
    right-aligned stops, as in the popular LaTeX templates)."""
    dates = _dates(work.startDate, work.endDate)
    if style == "one-line":
        return [" | ".join(p for p in (work.name, work.position, dates) if p)]
    if style == "stacked":
        spelled = f"{_month_name(work.startDate)} – {_month_name(work.endDate)}"
        return [p for p in (work.name, work.position, spelled if work.startDate else "") if p]
    if style == "right-aligned":
        spelled = f"{_month_name(work.startDate)} – {_month_name(work.endDate)}"
        first = "\t".join(p for p in (work.name, work.location) if p)
        second = "\t".join(p for p in (work.position, spelled if work.startDate else "") if p)
        return [line for line in (first, second) if line]
    return [" — ".join(p for p in (work.position, work.name) if p), dates]


def _experience_typst(profile: Profile, style: str) -> list[str]:
    out = ["== Experience"]
    for work in profile.work:
        if style == "title-company":
            dates = _t(_dates(work.startDate, work.endDate))
            out.append(f"*{_t(work.position)}* — {_t(work.name)} #h(1fr) {dates}")
        else:
            for line in header_lines(work, style):
                out.append(" #h(1fr) ".join(_t(part) for part in line.split("\t")) + " \\")
        out.append("")
        out += [f"- {_t(fact.text)}" for fact in work.highlights]
        out.append("")
    if profile.projects:
        out.append("== Projects")
        for project in profile.projects:
            out.append(
                f"*{_t(project.name)}* #h(1fr) {_t(_dates(project.startDate, project.endDate))}"
            )
            out.append("")
            out += [f"- {_t(fact.text)}" for fact in project.highlights]
            out.append("")
    return out


def _sidebar_typst(profile: Profile) -> list[str]:
    out = ["== Education"]
    for edu in profile.education:
        out.append(f"{_t(edu.studyType)}, {_t(edu.area)} \\")
        out.append(f"{_t(edu.institution)} \\")
        out.append(f"{_t(_dates(edu.startDate, edu.endDate))}")
        out.append("")
    out.append("== Skills")
    for group in profile.skills:
        out.append(f"{_t(group.name + ': ' + ', '.join(group.keywords))}")
        out.append("")
    if profile.languages:
        out.append("== Languages")
        out.append(_t(", ".join(f"{lang.language} ({lang.fluency})" for lang in profile.languages)))
    return out


def resume_typst(
    profile: Profile, *, columns: int = 1, hidden: str | None = None, style: str = "title-company"
) -> str:
    """A resume as Typst markup: one column, or a sidebar (education, skills) beside the rest."""
    basics = profile.basics
    head = [
        '#set page(paper: "a4", margin: 1.6cm)',
        "#set text(size: 9.5pt)",
        f"= {_t(basics.name)}",
        f"{_t(basics.label)} | {_t(basics.email)} | {_t(basics.phone)}",
        "",
    ]
    if basics.summary:
        head += ["== Summary", _t(basics.summary), ""]
    main = _experience_typst(profile, style)
    side = _sidebar_typst(profile)
    if columns == 1:
        body = [*main, *side]
    else:
        left = "\n".join(side)
        right = "\n".join(main)
        body = [f"#grid(columns: (1fr, 2.2fr), column-gutter: 0.8cm, [\n{left}\n], [\n{right}\n])"]
    tail = [f"#text(fill: white)[{_t(hidden)}]"] if hidden else []
    return "\n".join([*head, *body, *tail]) + "\n"


def resume_docx(
    profile: Profile, out: Path, *, layout: str = "paragraphs", style: str = "title-company"
) -> Path:
    """A resume written with python-docx: "paragraphs", "table" (job headers in a table) or
    "textbox" (skills and languages in a floating text box)."""
    import docx

    document = docx.Document()
    basics = profile.basics
    document.add_heading(basics.name or "", level=0)
    document.add_paragraph(f"{basics.label} | {basics.email} | {basics.phone}")
    if basics.summary:
        document.add_heading("Summary", level=1)
        document.add_paragraph(basics.summary)
    document.add_heading("Experience", level=1)
    for work in profile.work:
        lines = header_lines(work, style)
        if layout == "table":
            table = document.add_table(rows=1, cols=len(lines))
            for index, line in enumerate(lines):
                table.cell(0, index).text = line
        else:
            for line in lines:
                document.add_paragraph(line)
        for fact in work.highlights:
            document.add_paragraph(fact.text, style="List Bullet")
    if profile.projects:
        document.add_heading("Projects", level=1)
        for project in profile.projects:
            document.add_paragraph(f"{project.name} — {_dates(project.startDate, project.endDate)}")
            for fact in project.highlights:
                document.add_paragraph(fact.text, style="List Bullet")
    document.add_heading("Education", level=1)
    for edu in profile.education:
        document.add_paragraph(f"{edu.studyType}, {edu.area} — {edu.institution}")
        document.add_paragraph(_dates(edu.startDate, edu.endDate))
    skills = [f"{group.name}: {', '.join(group.keywords)}" for group in profile.skills]
    languages = ", ".join(f"{lang.language} ({lang.fluency})" for lang in profile.languages)
    if layout == "textbox":
        add_text_box(document, ["Skills", *skills, "Languages", languages])
    else:
        document.add_heading("Skills", level=1)
        for line in skills:
            document.add_paragraph(line)
        document.add_heading("Languages", level=1)
        document.add_paragraph(languages)
    document.save(str(out))
    return out
