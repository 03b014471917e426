"""The bundled Typst compiler with the bundled fonts: PDF bytes, page counts, layouts.

Fonts: Typst's own embedded fonts (Libertinus Serif, New Computer Modern) plus Droid Sans
Fallback shipped in applykit/data/fonts (Apache-2.0) for CJK and other scripts; system
fonts are ignored so the output is the same on every machine. Fonts are embedded (subset)
in the PDF.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from applykit.errors import InputError

_PAGE_COUNT = re.compile(rb"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)")


@cache
def _fonts() -> Any:
    """Typst's embedded fonts plus the bundled fallback, loaded once per process."""
    import typst

    folder = str(resources.files("applykit") / "data" / "fonts")
    return typst.Fonts(include_system_fonts=False, include_embedded_fonts=True, font_paths=[folder])


@lru_cache(maxsize=4)
def compile_typst(source: str) -> bytes:
    """Compile Typst source to PDF bytes with the bundled fonts only (last few cached)."""
    import typst

    try:
        pdf: bytes = typst.compile(
            source.encode("utf-8"), font_paths=_fonts(), ignore_system_fonts=True
        )
    except RuntimeError as error:  # typst raises TypstError (a RuntimeError) on bad source
        raise _typeset_error(error) from error
    return pdf


def _typeset_error(error: Exception) -> InputError:
    return InputError(
        "the resume could not be typeset",
        where="render/pdf",
        fix=f"report this with the resume data; Typst said: {str(error)[:300]}",
    )


@dataclass(frozen=True)
class Layout:
    """Where each position mark of a resume landed: page and distance from the top (pt)."""

    page_height: float
    margin: float
    marks: dict[str, tuple[int, float]]

    @property
    def pages(self) -> int:
        return max((page for page, _ in self.marks.values()), default=1)

    @property
    def content_height(self) -> float:
        return self.page_height - 2 * self.margin

    def offset(self, mark: str) -> float:
        """The mark's distance from the top of the content as if pages were one scroll."""
        page, y = self.marks[mark]
        return (page - 1) * self.content_height + (y - self.margin)


@lru_cache(maxsize=8)
def layout_of(source: str) -> Layout:
    """Lay the source out (no PDF export) and read its position marks."""
    import typst

    try:
        raw = typst.query(
            source.encode("utf-8"), "<ak-positions>", field="value", one=True, font_paths=_fonts()
        )
    except RuntimeError as error:
        raise _typeset_error(error) from error
    data = json.loads(raw)
    marks = {str(m["id"]): (int(m["page"]), float(m["y"])) for m in data["marks"]}
    return Layout(float(data["height"]), float(data["margin"]), marks)


def page_count(pdf: bytes) -> int:
    """Pages of a PDF that Typst wrote (its page tree is one uncompressed object)."""
    match = _PAGE_COUNT.search(pdf)
    if match is None:
        from io import BytesIO

        from pdfminer.pdfpage import PDFPage

        return sum(1 for _ in PDFPage.get_pages(BytesIO(pdf)))
    return int(match.group(1))
