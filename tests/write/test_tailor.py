"""Tailoring from a fit report: selection, order, honesty, rewrites, page budget."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest
import yaml

from applykit.backends.base import Backend, BackendOptions, Prompt
from applykit.config import get_settings
from applykit.ingest.profile_ids import assign_ids
from applykit.models.documents import TailoredResume
from applykit.models.fit import (
    BulletSuggestion,
    ExperienceSuggestions,
    FitReport,
    SkillEmphasis,
)
from applykit.models.posting import Posting
from applykit.models.profile import Profile
from applykit.models.skill import SkillRef
from applykit.render.pdf import page_count, render_pdf
from applykit.write.tailor import tailor_resume
from applykit.write.tailor_rewrite import is_short_form, normalise_aliases


@pytest.fixture
def profile(examples: Path) -> Profile:
    data = yaml.safe_load((examples / "profile.yaml").read_text(encoding="utf-8"))
    return assign_ids(Profile.model_validate(data))


def fit_for(profile: Profile, relevance: dict[str, float], skills: list[str]) -> FitReport:
    """A fit report ranking facts by `relevance` (fact text prefix → score), others 0.1."""
    experiences = []
    for work in profile.work:
        bullets = []
        for fact in work.highlights:
            score = next((v for k, v in relevance.items() if fact.text.startswith(k)), 0.1)
            bullets.append(
                BulletSuggestion(fact_id=fact.id, text=fact.text, relevance=score, action="keep")
            )
        experiences.append(
            ExperienceSuggestions(
                entry_id=work.id,
                section="work",
                title=work.position or "",
                organization=work.name or "",
                bullets=sorted(bullets, key=lambda b: -b.relevance),
            )
        )
    emphasis = [SkillEmphasis(name=s, canonical=s, posting_mentions=2, fact_ids=[]) for s in skills]
    return FitReport(
        score=70, band="good", summary="", experiences=experiences, skills_to_emphasize=emphasis
    )


def bullets_of(resume: TailoredResume, organization: str) -> list[str]:
    entry = next(e for s in resume.sections for e in s.entries if e.organization == organization)
    return [b.text for b in entry.bullets]


def test_facts_are_ordered_by_relevance_and_roles_kept_exactly(profile: Profile) -> None:
    fit = fit_for(
        profile,
        {"Mentored 4 engineers": 0.95, "Cut model training cost": 0.9, "Built a two-tower": 0.8},
        [],
    )
    resume = tailor_resume(profile, Posting(title="ML Lead"), fit)
    northwind = bullets_of(resume, "Northwind Analytics")
    assert northwind[0].startswith("Mentored 4 engineers")
    assert northwind[1].startswith("Cut model training cost")
    assert bullets_of(resume, "Lumen Media")[0].startswith("Built a two-tower")
    experience = next(s for s in resume.sections if s.heading == "Experience")
    assert [(e.title, e.organization, e.start, e.end) for e in experience.entries] == [
        (w.position, w.name, w.startDate, w.endDate) for w in profile.work
    ]
    facts = {f.text for f in profile.facts()}
    for section in resume.sections:
        for entry in section.entries:
            for bullet in entry.bullets:
                assert bullet.text in facts and bullet.original_text in facts
    kinds = {c.kind for c in resume.changes}
    assert {"selected", "reordered"} <= kinds
    _, pdf = render_pdf(resume)
    assert page_count(pdf) == 1


def test_irrelevant_role_shrinks_to_one_line_and_says_so(profile: Profile) -> None:
    intern = profile.work[-1]
    fit = fit_for(profile, {fact.text[:20]: 0.0 for fact in intern.highlights}, [])
    for experience in fit.experiences:
        for bullet in experience.bullets:
            if experience.entry_id != intern.id:
                bullet.relevance = 0.8
    resume = tailor_resume(profile, Posting(title="ML Lead"), fit)
    entry = next(e for s in resume.sections for e in s.entries if e.entry_id == intern.id)
    assert entry.bullets == []
    assert entry.title == intern.position and entry.organization == intern.name
    assert any(c.kind == "shrunk" and c.entry_id == intern.id for c in resume.changes)
    cut = {c.fact_id for c in resume.changes if c.kind == "cut"}
    assert {fact.id for fact in intern.highlights} <= cut


def test_two_pages_keep_more_than_one(profile: Profile) -> None:
    fit = fit_for(profile, {}, [])
    one = tailor_resume(profile, Posting(), fit, pages=1)
    two = tailor_resume(profile, Posting(), fit, pages=2)
    count = lambda r: sum(len(e.bullets) for s in r.sections for e in s.entries)  # noqa: E731
    assert count(two) > count(one)
    assert page_count(render_pdf(two)[1]) <= 2


def test_skills_follow_the_posting_and_only_what_the_profile_shows(profile: Profile) -> None:
    fit = fit_for(profile, {}, ["Kafka", "Rust", "PostgreSQL"])
    fit.skills_to_emphasize.append(
        SkillEmphasis(
            name="checkpointing",
            canonical="checkpointing",
            posting_mentions=1,
            fact_ids=[profile.work[0].highlights[2].id],
        )
    )
    fit.skills_to_emphasize.append(
        SkillEmphasis(name="Haskell", canonical="Haskell", posting_mentions=3, fact_ids=["x"])
    )
    resume = tailor_resume(profile, Posting(), fit)
    assert resume.skills[:3] == ["Kafka", "PostgreSQL", "checkpointing"]
    assert "Rust" not in resume.skills and "Haskell" not in resume.skills
    listed = {k for g in profile.skills for k in g.keywords}
    assert set(resume.skills) - listed == {"checkpointing"}


def test_summary_uses_only_the_profile_summary_sentences(profile: Profile) -> None:
    resume = tailor_resume(profile, Posting(title="Fraud detection"), fit_for(profile, {}, []))
    summary = " ".join((profile.basics.summary or "").split())
    for sentence in resume.summary.split(". "):
        assert sentence.rstrip(".") in summary


def test_alias_rewrite_only_for_short_forms_the_posting_uses() -> None:
    posting_names = {"scikit-learn": "scikit-learn", "kubernetes": "Kubernetes"}
    text, swaps = normalise_aliases(
        "Trained models in sklearn and served them on k8s.", posting_names
    )
    assert text == "Trained models in scikit-learn and served them on Kubernetes."
    assert swaps == ["sklearn → scikit-learn", "k8s → Kubernetes"]
    assert not is_short_form("Airflow", "workflow orchestration")
    assert not is_short_form("LoRA", "fine-tuning")
    assert not is_short_form("LLM", "large language models"), "acronyms stay as written"
    assert is_short_form("Postgres", "PostgreSQL")


def test_tailor_rewrites_sklearn_when_the_posting_says_scikit_learn(profile: Profile) -> None:
    fact = profile.work[2].highlights[0]
    fact.text = fact.text.replace("scikit-learn", "sklearn")
    posting = Posting(
        title="Data Scientist",
        skills=[SkillRef(name="scikit-learn", canonical="scikit-learn")],
    )
    fit = fit_for(profile, {fact.text[:30]: 0.99}, [])
    resume = tailor_resume(profile, posting, fit)
    bullet = next(
        b for s in resume.sections for e in s.entries for b in e.bullets if b.fact_id == fact.id
    )
    assert bullet.rewritten and "scikit-learn" in bullet.text and "sklearn" not in bullet.text
    assert bullet.original_text == fact.text
    change = next(c for c in resume.changes if c.kind == "rewritten")
    assert change.before == fact.text and change.after == bullet.text
    assert any("reworded" in point for point in resume.defend)


class ScriptedModel(Backend):
    """A stand-in for a remote model API: answers every prompt with the next scripted text."""

    name = "scripted"
    needs_model = True
    replies: ClassVar[list[str]] = []

    def stream(
        self, prompt: Prompt, options: BackendOptions, schema: dict[str, object] | None = None
    ) -> Iterator[str]:
        yield json.dumps({"text": self.replies.pop(0) if self.replies else prompt.fallback})


def test_model_rewrite_kept_when_grounded_and_reverted_when_invented(profile: Profile) -> None:
    first = profile.work[0].highlights[0]
    second = profile.work[0].highlights[1]
    fit_terms = ["Kubernetes", "real-time inference"]
    fit = fit_for(profile, {first.text[:25]: 0.99, second.text[:25]: 0.98}, [])
    for bullet in fit.experiences[0].bullets:
        if bullet.fact_id in (first.id, second.id):
            bullet.posting_terms = fit_terms
    faithful = first.text.replace("Rebuilt", "Re-architected")
    invented = second.text.replace("$2M", "$9M")
    backend = ScriptedModel(get_settings())
    backend.replies = [faithful, invented]
    resume = tailor_resume(profile, Posting(title="ML Engineer"), fit, backend=backend)
    by_id = {b.fact_id: b for s in resume.sections for e in s.entries for b in e.bullets}
    assert by_id[first.id].text == faithful and by_id[first.id].rewritten
    assert by_id[second.id].text == second.text and not by_id[second.id].rewritten
    reverted = [c for c in resume.changes if c.kind == "reverted"]
    assert len(reverted) == 1 and reverted[0].fact_id == second.id
    assert "numbers differ" in reverted[0].detail and reverted[0].after == invented


def test_overlong_fact_is_cut_and_reported_not_truncated(profile: Profile) -> None:
    fact = profile.work[0].highlights[0]
    fact.text = "Led a migration " + "and then another step " * 40
    fit = fit_for(profile, {"Led a migration": 1.0}, [])
    resume = tailor_resume(profile, Posting(), fit)
    kept = {b.fact_id for s in resume.sections for e in s.entries for b in e.bullets}
    assert fact.id not in kept
    change = next(c for c in resume.changes if c.fact_id == fact.id)
    assert change.kind == "cut" and "too long" in change.detail


def test_a_bare_profile_still_makes_a_resume() -> None:
    profile = assign_ids(
        Profile.model_validate(
            {"basics": {"name": "Åsa Ng"}, "work": [{"name": "Acme", "position": "Engineer"}]}
        )
    )
    resume = tailor_resume(profile, Posting(), FitReport(score=0, band="poor", summary=""))
    printed, pdf = render_pdf(resume)
    assert page_count(pdf) == 1
    assert printed.sections[0].entries[0].organization == "Acme"
    assert resume.skills == [] and resume.summary == ""


def test_paper_follows_the_candidates_country(profile: Profile) -> None:
    fit = fit_for(profile, {}, [])
    assert tailor_resume(profile, Posting(), fit).paper == "us-letter"
    assert profile.basics.location is not None
    profile.basics.location.countryCode = "SE"
    resume = tailor_resume(profile, Posting(), fit)
    assert resume.paper == "a4"
    _, pdf = render_pdf(resume)
    assert b"/MediaBox[0 0 595.2756 841.8898]" in pdf
    assert tailor_resume(profile, Posting(), fit, paper="us-letter").paper == "us-letter"


def test_volunteering_is_kept_on_two_pages(profile: Profile) -> None:
    resume = tailor_resume(profile, Posting(), fit_for(profile, {}, []), pages=2)
    volunteering = next(s for s in resume.sections if s.heading == "Volunteering")
    assert [e.organization for e in volunteering.entries] == ["Code Club Seattle"]
    assert len(volunteering.entries[0].bullets) == 1


def test_changes_agree_with_what_is_printed(profile: Profile) -> None:
    resume = tailor_resume(profile, Posting(), fit_for(profile, {}, []))
    printed = {b.fact_id for s in resume.sections for e in s.entries for b in e.bullets}
    selected = {c.fact_id for c in resume.changes if c.kind == "selected" and c.fact_id}
    cut = {c.fact_id for c in resume.changes if c.kind == "cut" and c.fact_id}
    assert selected == printed
    assert not cut & printed
    work_facts = {fact.id for role in profile.work for fact in role.highlights}
    assert work_facts <= printed | cut, "every work fact is printed or reported cut"
