from __future__ import annotations

import datetime as dt
from pathlib import Path

from applykit.match.embed import Embedder
from applykit.match.fit import analyze_fit
from applykit.match.profile_items import collect_items
from applykit.match.skillgraph import default_graph
from applykit.models.fit import RequirementFit
from applykit.models.posting import Degree, Location, Posting, Requirement, YearsExperience
from applykit.models.profile import Education, Preferences, Profile, SkillGroup, Work

TODAY = dt.date(2026, 11, 1)


def _profile(*highlights: str, skills: list[str] | None = None) -> Profile:
    return Profile(
        work=[
            Work(
                name="Acme Analytics",
                position="Machine Learning Engineer",
                startDate="2019-01",
                highlights=list(highlights),  # type: ignore[arg-type]
            )
        ],
        skills=[SkillGroup(name="Tools", keywords=skills or [])],
    )


def _posting(*requirements: Requirement, **fields: object) -> Posting:
    return Posting(title="ML Engineer", requirements=list(requirements), **fields)  # type: ignore[arg-type]


def _by_id(fits: list[RequirementFit], rid: str) -> RequirementFit:
    for fit in fits:
        if fit.requirement_id == rid:
            return fit
        for child in fit.children:
            if child.requirement_id == rid:
                return child
    raise KeyError(rid)


def test_taxonomy_parent_meets_a_broader_requirement(embedder: Embedder) -> None:
    profile = _profile("Trained a two-tower retrieval model in PyTorch for recommendations.")
    posting = _posting(Requirement(id="r1", text="Experience with a deep learning framework."))
    fit = analyze_fit(profile, posting, embedder=embedder, today=TODAY).requirements[0]
    assert fit.status == "met"
    parent = [e for e in fit.evidence if e.method == "parent"]
    assert parent and "PyTorch" in parent[0].matched and parent[0].fact_id


def test_named_tool_is_not_met_by_a_sibling(embedder: Embedder) -> None:
    profile = _profile("Trained ranking models in PyTorch.")
    posting = _posting(Requirement(id="r1", text="Production experience with JAX."))
    report = analyze_fit(profile, posting, embedder=embedder, today=TODAY)
    assert report.requirements[0].status == "gap"
    gap = report.gaps[0]
    assert "PyTorch" in gap.adjacent_skills  # an honest neighbour, never "claim JAX"
    assert "JAX" in (gap.mitigation or "") and "not used" in (gap.mitigation or "")


def test_one_of_the_following_is_met_by_any_child(embedder: Embedder) -> None:
    profile = _profile("Built a recommender system for home-page ranking that lifted CTR by 18%.")
    children = [
        Requirement(id="r1.1", text="Computer vision"),
        Requirement(id="r1.2", text="Recommender systems and ranking"),
        Requirement(id="r1.3", text="Speech and audio processing"),
    ]
    parent = Requirement(
        id="r1", text="Hands-on experience in one or more of these areas:", children=children
    )
    report = analyze_fit(profile, _posting(parent), embedder=embedder, today=TODAY)
    fit = report.requirements[0]
    assert fit.any_of and fit.status == "met"
    assert _by_id(report.requirements, "r1.2").status == "met"
    assert _by_id(report.requirements, "r1.1").status == "gap"
    assert report.score == 100
    # The same list where every item is needed is only partly met.
    strict = parent.model_copy(update={"text": "Experience in all of these areas:"})
    report = analyze_fit(profile, _posting(strict), embedder=embedder, today=TODAY)
    assert report.requirements[0].status == "partial" and report.score == 50


def test_alternatives_in_a_line_need_only_one(embedder: Embedder) -> None:
    profile = _profile("Shipped XGBoost fraud models written in Python and SQL.")
    line = "Strong Python and SQL; production experience with PyTorch, TensorFlow or XGBoost."
    fit = analyze_fit(
        profile, _posting(Requirement(id="r1", text=line)), embedder=embedder, today=TODAY
    ).requirements[0]
    assert fit.status == "met", fit.explanation
    without_sql = _profile("Shipped XGBoost fraud models written in Python.")
    fit = analyze_fit(
        without_sql, _posting(Requirement(id="r1", text=line)), embedder=embedder, today=TODAY
    ).requirements[0]
    assert fit.status == "partial" and "SQL" in fit.explanation


def test_skill_only_listed_counts_half(embedder: Embedder) -> None:
    profile = _profile("Built data pipelines in Python.", skills=["Kafka"])
    fit = analyze_fit(
        profile,
        _posting(Requirement(id="r1", text="Experience with Kafka.")),
        embedder=embedder,
        today=TODAY,
    ).requirements[0]
    assert fit.status == "partial" and "only listed" in fit.explanation


def test_hard_requirements_are_eligibility_not_score(embedder: Embedder) -> None:
    profile = _profile("Built data pipelines in Python.")
    profile.work[0].startDate = "2024-01"
    profile.education = [Education(institution="KTH", studyType="Bachelor of Science")]
    posting = _posting(
        Requirement(id="r1", text="8+ years of experience in software engineering."),
        Requirement(id="r2", text="Experience with Python."),
        degree=Degree(level="master", raw="Master's degree in Computer Science"),
        years_experience=YearsExperience(min=8, raw="8+ years"),
    )
    report = analyze_fit(profile, posting, embedder=embedder, today=TODAY)
    checks = {c.name: c.status for c in report.eligibility}
    assert checks == {"degree": "not_met", "years_experience": "not_met"}
    assert _by_id(report.requirements, "r1").status == "gap"
    assert report.score == 100  # the years line is reported apart, not averaged in
    assert "Not eligible" in report.summary


def test_currently_pursuing_needs_a_degree_in_progress(embedder: Embedder) -> None:
    posting = _posting(
        Requirement(id="r1", text="Experience with Python."),
        degree=Degree(level="master", in_progress=True, raw="Currently pursuing a Master's"),
    )
    finished = _profile("Wrote Python.")
    finished.education = [Education(studyType="Master of Science", endDate="2019-06")]
    enrolled = _profile("Wrote Python.")
    enrolled.education = [Education(studyType="MSc Computer Science", endDate="2027-06")]
    assert analyze_fit(finished, posting, embedder=embedder, today=TODAY).eligibility[0].status == (
        "not_met"
    )
    assert analyze_fit(enrolled, posting, embedder=embedder, today=TODAY).eligibility[0].status == (
        "met"
    )


def test_authorization_and_location_checks(embedder: Embedder) -> None:
    posting = _posting(
        Requirement(id="r1", text="Experience with Python."),
        description="This role is on-site in Berlin. We do not offer visa sponsorship.",
        locations=[Location(raw="Berlin, Germany", city="Berlin", country="Germany")],
        work_mode="onsite",
    )
    profile = _profile("Wrote Python.")
    profile.preferences = Preferences(
        remote_only=True, work_authorization=["Needs visa sponsorship for Germany"]
    )
    checks = {
        c.name: c.status
        for c in analyze_fit(profile, posting, embedder=embedder, today=TODAY).eligibility
    }
    assert checks["work_authorization"] == "not_met"
    assert checks["work_mode"] == "not_met"
    assert checks["location"] == "unclear"
    profile.preferences = Preferences(
        locations=["Berlin"], work_authorization=["EU citizen, authorized to work in Germany"]
    )
    checks = {
        c.name: c.status
        for c in analyze_fit(profile, posting, embedder=embedder, today=TODAY).eligibility
    }
    assert checks == {"work_authorization": "met", "location": "met"}


def test_removing_a_skill_lowers_exactly_the_requirements_that_needed_it(
    embedder: Embedder, example_profile: Profile, examples: Path
) -> None:
    from applykit.ingest.postings import parse_posting_file

    posting = parse_posting_file(examples / "postings" / "senior-ml-engineer.md")
    before = analyze_fit(example_profile, posting, embedder=embedder, today=TODAY)
    for work in example_profile.work:
        for fact in work.highlights:
            fact.text = fact.text.replace("Kubernetes", "our servers")
    for group in example_profile.skills:
        group.keywords = [k for k in group.keywords if k != "Kubernetes"]
    after = analyze_fit(example_profile, posting, embedder=embedder, today=TODAY)
    changed = {
        b.requirement_id
        for b, a in zip(before.requirements, after.requirements, strict=True)
        if b.status != a.status
    }
    needing = {r.id for r in posting.requirements if "kubernetes" in r.text.lower()}
    assert changed and changed <= needing
    assert after.score < before.score


def test_example_report_is_complete_and_deterministic(
    embedder: Embedder, example_profile: Profile, examples: Path
) -> None:
    from applykit.ingest.postings import parse_posting_file

    posting = parse_posting_file(examples / "postings" / "senior-ml-engineer.md")
    report = analyze_fit(example_profile, posting, embedder=embedder, today=TODAY)
    again = analyze_fit(example_profile, posting, embedder=embedder, today=TODAY)
    assert report.model_dump_json() == again.model_dump_json()
    assert report.band in ("good", "strong", "great")
    assert all(f.explanation and f.status for f in report.requirements)
    assert report.skills_to_emphasize and report.skills_to_emphasize[0].fact_ids
    assert any(b.action != "keep" for e in report.experiences for b in e.bullets)
    for entry in report.experiences:
        for bullet in entry.bullets:
            assert bullet.text in {f.text for f in example_profile.facts()}
    has = {k for item in collect_items(example_profile, default_graph()) for k in item.skills}
    assert report.gaps
    for gap in report.gaps:
        assert gap.mitigation
        for adjacent in gap.adjacent_skills:  # only skills the profile really has
            assert adjacent.lower() in has


def test_language_authorization_and_optional_degree_lines(embedder: Embedder) -> None:
    from applykit.models.profile import Language

    profile = _profile("Built data pipelines in Python and SQL.")
    profile.languages = [
        Language(language="English", fluency="Native speaker"),
        Language(language="German", fluency="Elementary"),
    ]
    posting = _posting(
        Requirement(id="r1", text="Fluent English, spoken and written."),
        Requirement(id="r2", text="German language skills (B1 or higher).", kind="preferred"),
        Requirement(id="r3", text="Valid work permit for Germany or EU citizenship."),
        Requirement(
            id="r4",
            text="Python and SQL; a degree in Computer Science is helpful but not required.",
        ),
    )
    report = analyze_fit(profile, posting, embedder=embedder, today=TODAY)
    status = {f.requirement_id: f.status for f in report.requirements}
    assert status == {"r1": "met", "r2": "partial", "r3": "partial", "r4": "met"}
    assert report.requirements[1].evidence[0].quote == "German: Elementary"
    assert report.requirements[2].evidence[0].method == "authorization"
    # r3 is eligibility (unclear: the profile says nothing), not part of the score
    assert {c.name: c.status for c in report.eligibility} == {"work_authorization": "unclear"}
    assert report.score == round(100 * (1 + 0.4 * 0.5 + 1) / 2.4)
