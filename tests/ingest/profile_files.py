"""Builders for real test documents: PDFs compiled with Typst, DOCX written with python-docx.

Used by tests/ingest/test_documents*.py and test_profile*.py (not a test module itself).
"""

from __future__ import annotations

from pathlib import Path

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
