"""Whose claim is it, and is it a claim at all: negated lists, wishes to learn, topics heard
about, posting names that are not skills, sign-offs, reference numbers and times of day. Each
principle is tested both ways: the honest sentence passes, the fabricated twin is caught."""

from __future__ import annotations

import pytest
from grounding_checks import assert_grounded, untraced

from applykit.models.posting import Posting
from applykit.models.profile import Profile
from applykit.write.claim_scope import closing_line, continues_previous, unclaimed_reason
from applykit.write.grounding import check_grounding


def _reason(sentence: str, name: str) -> str | None:
    start = sentence.index(name)
    return unclaimed_reason(start, start + len(name), sentence)


# --- a negation reaches every item of its list --------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("So far I have not touched Pulumi, Nomad or Consul at work.", "Consul"),
        ("I have never operated Nomad clusters or Consul meshes.", "Consul"),
        ("There is no Elixir or Haskell on my record.", "Haskell"),
        ("Neither of my papers used Elixir or Haskell.", "Haskell"),
        ("Nomad and Consul would be new to me.", "Nomad"),
        ("Consul is still new to me.", "Consul"),
    ],
)
def test_a_negation_covers_the_whole_list(sentence: str, name: str) -> None:
    assert _reason(sentence, name) is not None


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("I did not stop at Pulumi and built Consul meshes.", "Consul"),
        ("I shipped it without downtime, using Nomad and Consul.", "Nomad"),
        ("I have not only used Pulumi but also Consul.", "Pulumi"),
        ("Not long after, I ran Consul in production.", "Consul"),
        ("I was not idle: I ran Consul daily.", "Consul"),
        ("I have no doubt about it; I ran Consul daily.", "Consul"),
    ],
)
def test_a_negation_stops_at_a_new_clause_or_verb(sentence: str, name: str) -> None:
    assert _reason(sentence, name) is None


def test_wishes_to_learn_and_topics_heard_about_are_not_claims() -> None:
    assert _reason("In my first months I would like to learn Elixir properly.", "Elixir")
    assert _reason("I liked hearing about your move from Nomad to Consul.", "Consul")
    assert _reason("I learned Elixir at my last job.", "Elixir") is None
    assert _reason("My deep learning Elixir services ran daily.", "Elixir") is None


def test_negated_posting_tools_pass_and_claimed_ones_are_caught(
    profile: Profile, kestrel: Posting
) -> None:
    assert_grounded("I have not used Kubeflow, Argo CD or Helm in production.", profile, kestrel)
    assert_grounded("Kubeflow Pipelines and Argo CD would be new to me.", profile, kestrel)
    assert "Helm" in untraced(
        "I have not used Kubeflow, and I deployed every model with Helm.", profile, kestrel
    )
    assert "Argo CD" in untraced(
        "I have run Kubeflow, Argo CD and Helm in production.", profile, kestrel
    )


def test_a_lower_case_posting_skill_can_be_negated(profile: Profile, meridian: Posting) -> None:
    assert_grounded("I have never run distributed training across many GPUs.", profile, meridian)
    assert "distributed training" in untraced(
        "At Lumen Media I ran distributed training across many GPUs.", profile, meridian
    )


# --- posting names that are not skills ----------------------------------------------------------


def test_places_and_benefits_of_the_posting_are_mentioned_not_claimed(
    profile: Profile, brightwater: Posting, kestrel: Posting
) -> None:
    assert_grounded(
        "I already live in Seattle, so getting to South Lake Union is a short ride.",
        profile,
        brightwater,
    )
    assert_grounded("I am in Seattle, so working with US Eastern hours is easy.", profile, kestrel)
    assert_grounded("I am applying for the role (Requisition ID R-20931).", profile, brightwater)


def test_a_venue_of_the_posting_in_the_candidates_record_is_a_claim(
    profile: Profile, meridian: Posting
) -> None:
    assert "NeurIPS" in untraced(
        "My publications include a workshop paper, Two Towers, presented at NeurIPS.",
        profile,
        meridian,
    )
    assert "KDD" in untraced("I have a first-author paper at KDD.", profile, meridian)
    assert_grounded("Neither of my papers is at a venue such as NeurIPS or KDD.", profile, meridian)


def test_a_tool_the_posting_lists_beside_known_tools_is_a_skill(
    profile: Profile, kestrel: Posting
) -> None:
    assert "Tecton" in untraced("At Northwind I ran Feast, Tecton and Redis.", profile, kestrel)


def test_a_clause_continues_the_one_before_only_without_a_subject() -> None:
    assert continues_previous("presented at the workshop in 2023")
    assert continues_previous("which served many users")
    assert not continues_previous("so the hybrid schedule is easy")


# --- letter conventions -------------------------------------------------------------------------


def test_sign_offs_in_any_language_are_conventions(profile: Profile, brightwater: Posting) -> None:
    assert closing_line("Mit freundlichen Grüßen")
    assert closing_line("Warm regards")
    assert not closing_line("Staff Engineer at Stripe")
    assert_grounded(
        "I would welcome a conversation.\n\nMit freundlichen Grüßen\nMaya", profile, brightwater
    )


def test_a_time_of_day_is_not_a_quantity(profile: Profile, kestrel: Posting) -> None:
    assert_grounded(
        "I am in Seattle, so the 10:00–15:00 overlap falls in my morning.", profile, kestrel
    )


def test_a_counted_list_may_have_blank_lines_between_items(
    profile: Profile, brightwater: Posting
) -> None:
    text = "Two things I would bring:\n\n1. Careful serving.\n\n2. Honest experiments.\n"
    assert_grounded(text, profile, brightwater)


def test_words_after_markdown_emphasis_start_a_sentence(
    profile: Profile, brightwater: Posting
) -> None:
    assert_grounded("**The rebuild.** My team moved the service to FastAPI.", profile, brightwater)
    assert_grounded(
        "**Tell us about a project.**\n\nAlongside the rebuild, I mentored.", profile, brightwater
    )
    assert "Stripe" in untraced("**The rebuild.** Stripe hired me to lead it.", profile, None)


def test_a_name_in_the_companys_clause_is_no_employment_claim(
    profile: Profile, kestrel: Posting
) -> None:
    assert_grounded(
        "I cut training cost by 35%, more than your team is targeting for GPU spend.",
        profile,
        kestrel,
    )


def test_skills_of_the_companys_system_and_wished_for_skills_are_not_claims(
    profile: Profile, meridian: Posting
) -> None:
    assert _reason(
        "I know it, so the Elixir and Nomad parts in your stack feel familiar.", "Elixir"
    )
    assert _reason("I built Elixir tools in your industry.", "Elixir") is None
    assert _reason(
        "A project on Elixir, next to people who use it daily, is the gap I would like to close.",
        "Elixir",
    )
    assert (
        _reason("My notes compare Elixir and Nomad, which is where I would start.", "Nomad") is None
    )
    assert_grounded(
        "A project on efficient inference, next to people who do it daily, is the gap I would "
        "like to close.",
        profile,
        meridian,
    )


def test_an_area_named_by_its_narrower_name_in_the_taxonomy_traces(
    profile: Profile, meridian: Posting
) -> None:
    assert_grounded("Representation learning is where my work has been.", profile, meridian)
    assert "distributed training" in untraced(
        "Distributed training is where my work has been: at Lumen I ran distributed training.",
        profile,
        meridian,
    )


def test_a_spelled_out_acronym_of_the_profile_traces(profile: Profile) -> None:
    assert_grounded("tidewatch runs Kolmogorov–Smirnov drift tests.", profile, None)
    assert "Anderson" in " ".join(untraced("tidewatch runs Anderson–Darling tests.", profile, None))


def test_a_bounded_number_is_traced_as_a_number(profile: Profile, brightwater: Posting) -> None:
    assert_grounded(
        "The rebuild reduced p95 latency to 35ms, inside a sub-50ms budget like yours.",
        profile,
        brightwater,
    )
    assert "20ms" in " ".join(
        untraced("At Northwind I kept every model inside a sub-20ms budget.", profile, brightwater)
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "Argo CD I have never used.",
        "Helm and Terraform I know only from reading.",
        "Helm and Argo CD aren't things I've shipped.",
    ],
)
def test_a_negation_after_the_list_covers_it(
    sentence: str, profile: Profile, kestrel: Posting
) -> None:
    assert_grounded(sentence, profile, kestrel)


def test_a_negation_after_the_list_does_not_cover_a_positive_claim(
    profile: Profile, kestrel: Posting
) -> None:
    assert "Helm" in untraced("Helm and Terraform I used daily at Lumen Media.", profile, kestrel)


def test_a_counted_point_of_the_letter_is_not_a_claim(profile: Profile, kestrel: Posting) -> None:
    assert_grounded("Most of my migration experience comes from two places.", profile, kestrel)
    assert "4.9 points" in untraced(
        "At the institute my pipeline improved F1 by 4.9 points.", profile, kestrel
    )


def test_a_label_before_a_colon_is_not_a_name(profile: Profile, kestrel: Posting) -> None:
    assert_grounded("Quick note: I have used Airflow and MLflow.", profile, kestrel)


def test_a_paper_at_a_posting_venue_is_a_claim_in_any_voice(
    profile: Profile, meridian: Posting
) -> None:
    assert "ICML" in untraced("One was a first-author paper at ICML.", profile, meridian)
    assert_grounded("Neither is first-author work at a venue like ICML or CVPR.", profile, meridian)


def test_bold_labels_in_list_items_are_not_names(profile: Profile, brightwater: Posting) -> None:
    assert_grounded("- **Lowered cost**: cut model training cost by 35%.", profile, brightwater)


def test_a_list_answered_no_is_negated(profile: Profile, kestrel: Posting) -> None:
    assert_grounded("Kubeflow, Argo CD, Helm charts, no, or at least not yet.", profile, kestrel)
    assert "Helm" in untraced("Kubeflow, Argo CD, Helm charts, yes, for years.", profile, kestrel)


def test_a_place_in_the_candidates_answer_is_no_record(
    profile: Profile, kornblume: Posting
) -> None:
    assert_grounded("My answer is Berlin, simply because I would live there.", profile, kornblume)
    assert "Berlin" in " ".join(
        untraced("Before Seattle I lived in Berlin for years.", profile, kornblume)
    )


def test_a_school_of_the_posting_is_always_the_candidates_claim(
    profile: Profile, kornblume: Posting
) -> None:
    assert any(
        "University" in name
        for name in untraced(
            "I hold a Master of Science from the Technical University of Berlin.",
            profile,
            kornblume,
        )
    )


def test_a_count_of_the_list_that_follows_is_the_letters_own(
    profile: Profile, brightwater: Posting
) -> None:
    assert_grounded(
        "Three facts, then a question.\n\n1. One.\n2. Two.\n3. Three.\n", profile, brightwater
    )


def test_a_language_level_stated_as_my_language_is(profile: Profile, kornblume: Posting) -> None:
    assert_grounded("My German is basic, and I would need a Blue Card.", profile, kornblume)
    assert any("German" in c for c in untraced("My German is fluent.", profile, kornblume))


def test_a_posting_venue_before_my_paper_is_a_claim(profile: Profile, meridian: Posting) -> None:
    assert "NeurIPS" in untraced(
        "That model became the basis of my 2023 NeurIPS paper.", profile, meridian
    )


def test_a_compound_of_a_profile_term_is_traced_by_its_head(profile: Profile) -> None:
    assert_grounded(
        "At Lumen Media I built a CUPED-based A/B testing analysis library.", profile, None
    )
    assert_grounded("Relevant experience, briefly: Kubernetes and Docker.", profile, None)


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Without Kafka, Flink and Helm, none of my pipelines would have run.", "Helm"),
        ("Kubeflow, Argo CD, Helm: no problem, I ran them all at Lumen Media.", "Helm"),
        ("Terraform I know only from my years running it at Northwind.", "Terraform"),
        ("Kafka streaming at scale is exactly the part I would bring to your team.", "Helm"),
    ],
)
def test_the_relaxations_do_not_open_holes(
    sentence: str, name: str, profile: Profile, kestrel: Posting
) -> None:
    sentence = sentence.replace("Kafka streaming", "Helm charts")
    assert name in untraced(sentence, profile, kestrel)


def test_a_name_in_what_the_candidate_would_like_is_no_record(
    profile: Profile, kornblume: Posting
) -> None:
    assert_grounded(
        "The city I would most like to improve with data is Amsterdam.", profile, kornblume
    )
    assert "Google" in untraced(
        "Having worked at Google, I would bring that rigour to you.", profile, kornblume
    )
    assert "Stripe" in untraced(
        "I would like to tell you about my time at Stripe.", profile, kornblume
    )


def test_a_title_is_checked_against_the_employer_attached_to_it(
    profile: Profile, brightwater: Posting
) -> None:
    assert_grounded(
        "I'm a machine learning engineer with a research background: a summer at the Halvorsen "
        "Institute for Machine Perception.",
        profile,
        brightwater,
    )
    assert "Principal Engineer" in untraced(
        "As Principal Engineer at Northwind Analytics I rebuilt the scoring service.",
        profile,
        brightwater,
    )


def test_the_job_applied_for_at_the_company_is_no_employment_claim(
    profile: Profile, brightwater: Posting
) -> None:
    assert_grounded(
        "I was excited to discover the Risk ML opening at Brightwater Payments.",
        profile,
        brightwater,
    )
    assert "Brightwater Payments" in untraced(
        "I held the same role at Brightwater Payments in 2022.", profile, brightwater
    )


def test_growing_skills_is_a_wish(profile: Profile, brightwater: Posting) -> None:
    assert_grounded("I am eager to grow my skills in Flink and Rust.", profile, brightwater)
    assert "Flink" in untraced("I grew my team's Flink jobs at Lumen Media.", profile, brightwater)


def test_greetings_in_other_languages_are_conventions(profile: Profile, kornblume: Posting) -> None:
    assert_grounded("Guten Tag,\n\nich bewerbe mich.\n", profile, kornblume)


def test_a_run_on_text_without_full_stops_stays_fast(profile: Profile, kestrel: Posting) -> None:
    import time

    text = " ".join(["Kubeflow,"] * 2000)
    began = time.perf_counter()
    report = check_grounding(text, profile, kestrel)
    assert time.perf_counter() - began < 20  # was quadratic in the sentence length
    assert report.claims
