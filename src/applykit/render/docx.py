"""Tailored resume → DOCX with python-docx: one column, real headings, real list bullets.

No tables, text boxes, headers/footers or images, so every ATS reads it in order. The
text is the same as the PDF's and the Markdown's (render/resume_text.py). Links are real
hyperlinks. The DOCX is read back and checked before it is returned (render/ats.py).
"""

from __future__ import annotations

import zipfile
from io import BytesIO
from typing import TYPE_CHECKING, Any

from applykit.models.documents import TailoredResume
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

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.text.paragraph import Paragraph

FONT = "Calibri"
"""A font every word processor has; Word substitutes a metric twin elsewhere."""


def _hyperlink(paragraph: Paragraph, text: str, url: str) -> None:
    """Append a clickable run (python-docx has no public API for hyperlinks)."""
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    rel_id = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel_id)
    run = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    color = OxmlElement("w:color")
    color.set(qn("w:val"), "1A4C8B")
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    props.append(color)
    props.append(underline)
    run.append(props)
    text_element = OxmlElement("w:t")
    text_element.text = text
    text_element.set(qn("xml:space"), "preserve")
    run.append(text_element)
    link.append(run)
    paragraph._p.append(link)


def _styles(document: DocxDocument) -> None:
    from docx.shared import Inches, Pt, RGBColor

    section = document.sections[0]
    section.left_margin = section.right_margin = Inches(0.7)
    section.top_margin = section.bottom_margin = Inches(0.55)
    normal: Any = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(10.5)
    normal.paragraph_format.space_after = Pt(2)
    heading: Any = document.styles["Heading 1"]
    heading.font.name = FONT
    heading.font.size = Pt(12)
    heading.font.bold = True
    heading.font.color.rgb = RGBColor(0x1A, 0x1A, 0x1A)
    heading.paragraph_format.space_before = Pt(10)
    heading.paragraph_format.space_after = Pt(3)
    bullet: Any = document.styles["List Bullet"]
    bullet.font.name = FONT
    bullet.font.size = Pt(10.5)
    bullet.paragraph_format.space_after = Pt(1)


def _contact_line(paragraph: Paragraph, items: list[Contact]) -> None:
    for index, item in enumerate(items):
        if index:
            paragraph.add_run("  |  ")
        if item.link:
            _hyperlink(paragraph, item.text, item.link)
        else:
            paragraph.add_run(item.text)


def _header(document: DocxDocument, resume: TailoredResume) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    name = document.add_paragraph()
    name.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = name.add_run(name_of(resume))
    run.bold = True
    run.font.size = Pt(20)
    if label_of(resume):
        label = document.add_paragraph()
        label.alignment = WD_ALIGN_PARAGRAPH.CENTER
        label.add_run(label_of(resume)).font.size = Pt(11.5)
    items = contacts(resume.basics)
    if items:
        line = document.add_paragraph()
        line.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _contact_line(line, items)


def _entries(document: DocxDocument, resume: TailoredResume) -> None:
    from docx.shared import Pt

    for section in resume.sections:
        if not section.entries and not section.lines:
            continue
        document.add_heading(clean(section.heading, limit=80), level=1)
        for entry in section.entries:
            text = entry_text(entry)
            head = document.add_paragraph()
            head.paragraph_format.space_before = Pt(5)
            head.add_run(text.title).bold = True
            if text.organization:
                head.add_run(", ")
                if text.link:
                    _hyperlink(head, text.organization, text.link)
                else:
                    head.add_run(text.organization)
            if text.detail_parts:
                details = document.add_paragraph()
                run = details.add_run("  |  ".join(text.detail_parts))
                run.italic = True
                run.font.size = Pt(9.5)
            for bullet in text.bullets:
                document.add_paragraph(bullet, style="List Bullet")
        for line in section.lines:
            if clean(line):
                document.add_paragraph(clean(line))


def build_docx(resume: TailoredResume) -> bytes:
    """DOCX bytes without the read-back check (resume_docx runs it)."""
    from docx import Document

    document = Document()
    _styles(document)
    document.core_properties.title = f"{name_of(resume)} - Resume"
    document.core_properties.author = name_of(resume)
    _header(document, resume)
    if clean(resume.summary):
        document.add_heading(SUMMARY_HEADING, level=1)
        document.add_paragraph(clean(resume.summary))
    if skills_line(resume):
        document.add_heading(SKILLS_HEADING, level=1)
        document.add_paragraph(skills_line(resume))
    _entries(document, resume)
    buffer = BytesIO()
    document.save(buffer)
    return _fixed_zip_times(buffer.getvalue())


_ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)


def _fixed_zip_times(data: bytes) -> bytes:
    """The same DOCX bytes for the same resume, whenever it is built.

    python-docx stamps every zip member with the current second, so two builds a second apart
    differ and the tracker would store the same resume twice; the members are copied with the
    zip format's earliest date instead (their content and order unchanged).
    """
    source = zipfile.ZipFile(BytesIO(data))
    out = BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for member in source.infolist():
            fixed = zipfile.ZipInfo(member.filename, date_time=_ZIP_EPOCH)
            fixed.compress_type = member.compress_type
            fixed.external_attr = member.external_attr
            target.writestr(fixed, source.read(member))
    return out.getvalue()


def resume_docx(resume: TailoredResume) -> bytes:
    """DOCX bytes of the resume; raises AtsCheckFailed if it does not read back in order."""
    from applykit.render.ats import verify_round_trip

    data = build_docx(resume)
    verify_round_trip(resume, data, "docx")
    return data
