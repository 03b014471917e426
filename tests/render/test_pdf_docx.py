"""PDF and DOCX: compiled for real, read back with the profile importer, checked in order."""

from __future__ import annotations

import re
import time
import zipfile
from io import BytesIO

import pytest

from applykit.models.documents import ResumeBullet, ResumeEntry, TailoredResume
from applykit.render.ats import AtsCheckFailed, ats_check, extract_text, verify_round_trip
from applykit.render.docx import build_docx, resume_docx
from applykit.render.pdf import fit_to_pages, page_count, render_pdf, resume_pdf
from applykit.render.resume_text import expected_sequence
from applykit.render.typst_compile import compile_typst

DESIGNS = ["classic", "compact"]


@pytest.mark.parametrize("design", DESIGNS)
def test_pdf_is_one_page_reads_back_in_order_with_fonts_and_links(
    resume: TailoredResume, design: str
) -> None:
    fitted, pdf = render_pdf(resume, design=design)
    assert pdf.startswith(b"%PDF-")
    assert page_count(pdf) == 1
    assert ats_check(fitted, extract_text(pdf, "pdf")) == []
    assert re.search(rb"/FontFile[23]?\b", pdf), "fonts must be embedded"
    assert b"/URI (https://github.com/mayalo)" in pdf or b"https://github.com/mayalo" in pdf
    assert b"mailto:maya.lindqvist.okafor@example.com" in pdf
    kept = [e for s in fitted.sections for e in s.entries]
    assert [e.organization for e in kept] == [
        e.organization for s in resume.sections for e in s.entries
    ], "no role may be dropped"


def test_resume_pdf_returns_the_bytes_of_render_pdf(resume: TailoredResume) -> None:
    assert page_count(resume_pdf(resume, design="compact")) == 1


def test_page_budget_cuts_least_relevant_bullets_and_records_them(
    resume: TailoredResume,
) -> None:
    long_role = resume.sections[0].entries[0]
    filler = "Kept a long-running and carefully documented service healthy for many teams. " * 3
    long_role.bullets += [
        ResumeBullet(fact_id=f"filler-{i}", text=filler, original_text=filler, relevance=0.01)
        for i in range(12)
    ]
    fitted, pdf = fit_to_pages(resume)
    assert page_count(pdf) == 1
    cut_ids = {c.fact_id for c in fitted.changes if c.kind == "cut"}
    assert {f"filler-{i}" for i in range(12)} <= cut_ids, "the least relevant go first"
    assert "work-0-0" not in cut_ids, "the most relevant bullet stays"
    assert all(c.before for c in fitted.changes if c.kind == "cut" and c.fact_id)
    resume.page_budget = 2
    two_pages, pdf2 = fit_to_pages(resume)
    assert page_count(pdf2) == 2
    assert len([c for c in two_pages.changes if c.kind == "cut"]) < len(cut_ids)


def test_too_many_roles_for_the_budget_warns_and_keeps_every_role(
    resume: TailoredResume,
) -> None:
    base = resume.sections[0].entries[0]
    resume.sections[0].entries = [
        base.model_copy(update={"entry_id": f"r{i}", "organization": f"Company {i}"})
        for i in range(60)
    ]
    fitted, pdf = fit_to_pages(resume)
    assert len(fitted.sections[0].entries) == 60
    assert all(not e.bullets for e in fitted.sections[0].entries)
    assert fitted.warnings and "budget was 1" in fitted.warnings[0]
    assert any(c.kind == "shrunk" for c in fitted.changes)
    assert any(c.detail.startswith("section 'Certifications' cut") for c in fitted.changes)
    assert page_count(pdf) > 1


@pytest.mark.parametrize("design", DESIGNS)
def test_accents_and_non_latin_scripts_render(resume: TailoredResume, design: str) -> None:
    resume.basics.name = "Zoë Łukasiewicz-Ødegård 山田太郎"
    resume.sections[0].entries.insert(
        0,
        ResumeEntry(
            entry_id="intl",
            title="Инженер по данным",
            organization="東京データ株式会社",
            start="2024-01",
            bullets=[
                ResumeBullet(
                    fact_id="i",
                    text="Построила конвейер 数据 für Müller",
                    original_text="x",
                    relevance=2,
                )
            ],
        ),
    )
    _, pdf = render_pdf(resume, design=design)
    text = extract_text(pdf, "pdf")
    for word in ("Zoë", "Łukasiewicz-Ødegård", "山田太郎", "Инженер", "東京データ株式会社", "数据"):
        assert word in text


@pytest.mark.parametrize("design", DESIGNS)
def test_typst_markup_in_profile_text_prints_verbatim(
    resume: TailoredResume, design: str, hostile: str
) -> None:
    entry = resume.sections[0].entries[0]
    entry.bullets.insert(
        0, ResumeBullet(fact_id="h", text=hostile, original_text=hostile, relevance=5)
    )
    entry.title = "Engineer #1 <b> $$ [draft]"
    _, pdf = render_pdf(resume, design=design)
    assert page_count(pdf) == 1, "no injected '#set page' took effect"
    text = extract_text(pdf, "pdf")
    assert "#set page(width: 1pt) $x^2$ *bold* _it_ @ref <label> [x]" in " ".join(text.split())


def test_docx_reads_back_in_order_with_links(resume: TailoredResume) -> None:
    data = resume_docx(resume)
    assert ats_check(resume, extract_text(data, "docx")) == []
    with zipfile.ZipFile(BytesIO(data)) as archive:
        rels = archive.read("word/_rels/document.xml.rels").decode()
        body = archive.read("word/document.xml").decode()
    assert 'Target="https://github.com/mayalo"' in rels
    assert "<w:hyperlink" in body
    assert "<w:tbl" not in body and "txbx" not in body, "no tables or text boxes"


def test_pdf_bytes_do_not_depend_on_when_they_are_built(resume: TailoredResume) -> None:
    # Typst writes the compile time into the PDF unless the document's date is none
    first = render_pdf(resume)
    compile_typst.cache_clear()
    time.sleep(1.05)
    assert render_pdf(resume) == first
    assert b"/CreationDate" not in first


def test_docx_bytes_do_not_depend_on_when_they_are_built(resume: TailoredResume) -> None:
    # python-docx stamps zip members with the current second; a rerun of `apply` a second
    # later must give the same bytes (the tracker stores a document once per sha256)
    first = build_docx(resume)
    time.sleep(1.05)
    assert build_docx(resume) == first
    assert {m.date_time for m in zipfile.ZipFile(BytesIO(first)).infolist()} == {
        (1980, 1, 1, 0, 0, 0)
    }


def test_docx_keeps_hostile_text_verbatim(resume: TailoredResume, hostile: str) -> None:
    resume.sections[0].entries[0].bullets[0].text = hostile + " <w:t>x</w:t> &amp;"
    data = resume_docx(resume)
    assert hostile in extract_text(data, "docx")


def test_ats_check_reports_missing_and_out_of_order(resume: TailoredResume) -> None:
    text = "\n".join(expected_sequence(resume))
    assert ats_check(resume, text) == []
    bullets = resume.sections[0].entries[0].bullets
    missing = text.replace(bullets[1].text, "")
    assert ats_check(resume, missing) == [f"missing: {bullets[1].text[:69]}…"]
    swapped = (
        text.replace("Experience", "@@")
        .replace("Education", "Experience")
        .replace("@@", "Education")
    )
    problems = ats_check(resume, swapped)
    assert any(p.startswith("out of order: Education") for p in problems)


def test_ats_check_ignores_line_wrapping_case_and_dashes(resume: TailoredResume) -> None:
    text = "\n".join(expected_sequence(resume))
    wrapped = text.replace(" ", "\n").replace("–", "-").upper().replace("FI", "ﬁ")
    assert ats_check(resume, wrapped) == []


def test_verify_round_trip_fails_a_document_that_lost_a_fact(resume: TailoredResume) -> None:
    data = build_docx(resume)
    resume.sections[0].entries[1].bullets.append(
        ResumeBullet(fact_id="new", text="A fact the document does not contain.", original_text="")
    )
    with pytest.raises(AtsCheckFailed, match="missing: A fact the document does not contain"):
        verify_round_trip(resume, data, "docx")


def test_page_fitting_cuts_no_more_than_needed(resume: TailoredResume) -> None:
    from applykit.render.page_fit import _without, cut_order

    for entry in resume.sections[0].entries:
        entry.bullets += [b.model_copy(update={"fact_id": b.fact_id + "x"}) for b in entry.bullets]
    fitted, pdf = fit_to_pages(resume)
    assert page_count(pdf) == 1
    cuts = len([c for c in fitted.changes if c.kind == "cut"])
    order = cut_order(resume)
    one_fewer = _without(resume, order[: cuts - 1])
    assert page_count(fit_to_pages(one_fewer.model_copy(update={"page_budget": 9}))[1]) == 2


def test_huge_hand_made_bullet_is_capped_and_still_reads_back(resume: TailoredResume) -> None:
    huge = "word " * 50_000
    resume.sections[0].entries[0].bullets[0].text = huge
    resume.page_budget = 2
    printed, pdf = render_pdf(resume)
    assert page_count(pdf) <= 2
    assert ats_check(printed, extract_text(pdf, "pdf")) == []


def test_right_to_left_names_render_and_read_back(resume: TailoredResume) -> None:
    resume.basics.name = "مريم الحسن"
    resume.sections[0].entries[0].bullets[0].text = "Led the שלום project for مرحبا بالعالم"
    printed, pdf = render_pdf(resume)
    assert ats_check(printed, extract_text(pdf, "pdf")) == []


def test_emoji_are_dropped_not_left_as_boxes(resume: TailoredResume) -> None:
    resume.sections[0].entries[0].bullets[0].text = "Shipped 🚀 the launch ✓ on time"
    _, pdf = render_pdf(resume)
    assert "Shipped the launch ✓ on time" in " ".join(extract_text(pdf, "pdf").split())


def test_a_script_no_bundled_font_covers_fails_loudly(resume: TailoredResume) -> None:
    resume.sections[0].entries[0].bullets[0].text = "Thai สวัสดี"
    with pytest.raises(AtsCheckFailed, match="missing: Thai"):
        render_pdf(resume)
    assert "สวัสดี" in extract_text(resume_docx(resume), "docx"), "DOCX still works"


@pytest.mark.parametrize("design", DESIGNS)
def test_pdf_reads_as_one_column_without_hidden_text(resume: TailoredResume, design: str) -> None:
    from applykit.render.ats import layout_problems, read_back

    _, pdf = render_pdf(resume, design=design)
    document = read_back(pdf, "pdf")
    assert document.columns == 1 and document.hidden_text == []
    assert layout_problems(document) == []


def test_layout_problems_names_columns_and_hidden_text() -> None:
    from applykit.ingest.documents import DocumentText
    from applykit.render.ats import layout_problems

    document = DocumentText(text="x", format="pdf", columns=2, hidden_text=["white on white"])
    assert layout_problems(document) == ["read as 2 columns", "hidden text: white on white"]
