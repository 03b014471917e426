"""Property: any text survives the trip into a Typst string literal and back unchanged."""

from __future__ import annotations

import json

import typst
from hypothesis import given, settings
from hypothesis import strategies as st

from applykit.render.resume_text import clean
from applykit.render.typst_compile import _fonts
from applykit.render.typst_source import typst_string

MARKUP = st.sampled_from([*list('#$*_@<>[]\\`"/=-+~{}()\n\t'), "//", "/*", "*/", "#set", "\\u{41}"])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(MARKUP, st.text(max_size=12)), max_size=12).map("".join))
def test_typst_string_round_trips(text: str) -> None:
    source = f"#metadata({typst_string(text)})<value>"
    raw = typst.query(source.encode(), "<value>", field="value", one=True, font_paths=_fonts())
    assert json.loads(raw) == clean(text)
