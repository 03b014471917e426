"""The issue's bar: a one-page tailored PDF of the example profile for every example posting,
read back in order, with the changes explained."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from applykit.ingest.postings import parse_posting_file
from applykit.ingest.profile_ids import assign_ids
from applykit.match.fit import analyze_fit
from applykit.models.profile import Profile
from applykit.render.ats import ats_check, extract_text
from applykit.render.docx import resume_docx
from applykit.render.markdown import changes_markdown
from applykit.render.pdf import page_count, render_pdf
from applykit.write.tailor import tailor_resume

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
POSTINGS = sorted(p.name for p in (EXAMPLES / "postings").iterdir())
TODAY = dt.date(2026, 1, 15)


@pytest.fixture(scope="module")
def profile() -> Profile:
    data = yaml.safe_load((EXAMPLES / "profile.yaml").read_text(encoding="utf-8"))
    return assign_ids(Profile.model_validate(data))


@pytest.mark.parametrize("name", POSTINGS)
def test_one_page_pdf_for_each_example_posting(profile: Profile, name: str) -> None:
    posting = parse_posting_file(EXAMPLES / "postings" / name, today=TODAY)
    fit = analyze_fit(profile, posting, today=TODAY)
    resume = tailor_resume(profile, posting, fit, pages=1)
    printed, pdf = render_pdf(resume)
    assert page_count(pdf) == 1
    assert ats_check(printed, extract_text(pdf, "pdf")) == []
    assert len(printed.sections[0].entries) == len(profile.work), "every role is there"
    assert sum(len(e.bullets) for e in printed.sections[0].entries) >= 6, "a real page"
    top = max(
        (b for e in fit.experiences for b in e.bullets if e.section == "work"),
        key=lambda b: b.relevance,
    )
    kept = {b.fact_id for s in printed.sections for e in s.entries for b in e.bullets}
    assert top.fact_id in kept, "the most relevant fact survives the page budget"
    explained = changes_markdown(printed)
    assert "## Selected" in explained and "Be ready to defend" in explained
    assert ats_check(printed, extract_text(resume_docx(printed), "docx")) == []
