"""Round 9 (tuned on blind25): the misses first — a role named by its title, a project picked up
by "It", work told on a job's own systems, a figure moved to another measure."""

from __future__ import annotations

from grounding_checks import assert_grounded, untraced

from applykit.models.posting import Posting
from applykit.models.profile import Profile


def test_time_with_a_title_is_time_in_that_role(profile: Profile) -> None:
    assert_grounded("Eighteen months with the title Data Scientist, then ML engineering.", profile)
    assert "Three years" in untraced(
        "Three years with the title Data Scientist, then ML engineering.", profile
    )


def test_it_opening_a_sentence_is_the_project_named_before(profile: Profile) -> None:
    text = "My side project is tidewatch, a drift library. It is used in production by {}."
    assert_grounded(text.format("three companies"), profile)
    assert "five ML" in " ".join(untraced(text.format("five ML teams"), profile))


def test_work_on_a_jobs_own_systems_is_work_at_that_job(profile: Profile) -> None:
    text = "- Migrated {} feature pipelines from cron jobs to Spark on Airflow, cutting runtime."
    assert_grounded(text.format("Lumen Media's"), profile)
    assert "Parcelly" in untraced(text.format("Parcelly's"), profile)


def test_a_change_figure_keeps_its_measure(profile: Profile) -> None:
    for text in (
        "At Northwind I cut the time analysts spend per case by 22%.",
        "My LoRA summariser cut case handling time by 22%.",
    ):
        assert_grounded(text, profile)
    assert "22%" in untraced(
        "Fine-tuned a 7B-parameter open LLM with LoRA to summarise dispute evidence for "
        "analysts, cutting inference cost by 22%.",
        profile,
    )


# --- a letter's header and signature; a list negated after it ---------------------------------


def test_a_formal_header_names_nothing(profile: Profile, kestrel: Posting) -> None:
    header = (
        "Maya Lindqvist-Okafor\nSeattle, Washington, United States\n\n7 December 2026\n\n"
        "The Hiring Team\nKestrel Streaming\n48 Curtain Road\nLondon EC2A 3PT\n\n"
        "Dear Sir or Madam,\n\nI am writing to apply.\n\nBest,\nJordan\n"
    )
    assert_grounded(header, profile, kestrel)
    assert "Stripe" in untraced(header + "\nI spent two years at Stripe.\n", profile, kestrel)
    assert "Manchester" in " ".join(
        untraced("I lived in Manchester, United Kingdom, for years.", profile)
    )


def test_a_greeting_after_a_heading_is_a_greeting(profile: Profile) -> None:
    assert_grounded("# Application\n\nHi Sam and the team,\n\nI am writing to apply.", profile)


def test_a_list_negated_after_it(profile: Profile, kestrel: Posting) -> None:
    for text in (
        "- Kubeflow, Argo and Triton/KServe: not used.",
        "- Causal inference is part of my toolkit; Kubeflow, honestly, is not.",
        "- Python, yes. Kubeflow, not in a job.",
    ):
        assert_grounded(text, profile, kestrel)
    assert "Kubeflow" in untraced("- Kubeflow: not only used, I ran it.", profile, kestrel)


def test_twice_then_two_onces_counts_the_letters_own_list(
    profile: Profile, kestrel: Posting
) -> None:
    text = "Your move to Kubernetes is work I have done twice: once at Lumen Media{}."
    assert_grounded(text.format(" and once at Northwind"), profile, kestrel)
    assert "twice" in untraced(text.format(""), profile, kestrel)


def test_a_label_of_what_to_learn_is_a_wish(profile: Profile, maplestone: Posting) -> None:
    assert_grounded(
        "What I'd like to learn in my first year: Java, properly, and how bank integrations fail.",
        profile,
        maplestone,
    )
    assert "Java" in untraced("What I used at Northwind: Java, properly.", profile, maplestone)


# --- round 10 (after blind27 and blind28): team sizes and title cues ---------------------------


def test_n_of_us_is_a_team_of_n(profile: Profile) -> None:
    text = "At Lumen Media, {} of us built the A/B testing library."
    assert "seven" in untraced(text.format("seven"), profile)


def test_a_title_after_my_title_is_or_in_a_bracketed_aside_is_claimed(profile: Profile) -> None:
    for text, title in (
        ("At Northwind Analytics, where my title is Lead Machine Learning Engineer, I …", "Lead"),
        ("My current role (Principal ML Engineer, Northwind Analytics) is …", "Principal"),
        ("As a former staff engineer, I mentor others.", "staff engineer"),
    ):
        assert any(title in claim for claim in untraced(text, profile)), text
    for text in (
        "At Northwind Analytics, where my title is Senior Machine Learning Engineer, I lead …",
        "My current role (Senior Machine Learning Engineer, Northwind Analytics) is …",
    ):
        assert_grounded(text, profile)


def test_a_figure_in_a_relative_clause_belongs_to_its_antecedents_work(profile: Profile) -> None:
    lora = (
        "At Northwind I fine-tuned a 7B-parameter open LLM with LoRA to summarise dispute evidence"
    )
    assert_grounded(f"{lora}, which cut average case handling time by 22%.", profile)
    assert "$2M" in untraced(f"{lora}, which cut chargeback losses by $2M a year.", profile)
    assert_grounded(
        "At Northwind I shipped a transaction fraud model, which cut chargeback losses by $2M "
        "annually.",
        profile,
    )


def test_a_project_labelling_a_line_or_named_two_sentences_back_owns_its_figures(
    profile: Profile,
) -> None:
    cell = "| Area | Evidence |\n|---|---|\n| Drift tooling | tidewatch: a drift library ({}) |"
    assert_grounded(cell.format("1,200+ GitHub stars"), profile)
    assert untraced(cell.format("40M+ monthly active users"), profile)
    story = (
        "The project closest to your world is tidewatch. Over a few weekends I wrote a drift "
        "library for production ML services. It is used in production by {}."
    )
    assert_grounded(story.format("3 companies"), profile)
    assert untraced(story.format("5 ML teams"), profile)
