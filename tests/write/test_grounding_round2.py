"""Round 2 (tuned on blind17-19): each class closed as a principle, with fresh sentences both
ways. A posting skill added to a list the candidate calls theirs is a claim even after a wish;
an open job's time ends at the last month mostly worked; a participle's figure belongs to the
story of the clause it continues; a title in capitals "at" an employer is a title claim with no
cue word (a table cell, a list item)."""

from __future__ import annotations

import datetime as dt

from grounding_checks import assert_grounded, untraced

from applykit.models.posting import Posting
from applykit.models.profile import Profile
from applykit.write.grounding import check_grounding, describe_untraced

# --- a list the candidate calls theirs, after a wish --------------------------------------------


def test_a_posting_skill_in_a_possessive_list_after_a_wish_is_claimed(
    profile: Profile, kestrel: Posting
) -> None:
    for text in (
        "I'd be glad to pick up Argo CD, and my background with Airflow, Docker and Terraform "
        "should help.",
        "I am eager to learn Kubeflow Pipelines, while my work with Kubernetes and Terraform "
        "gives me a head start.",
        "I would like to learn Argo CD; still, our stack at Northwind ran on Kubernetes, "
        "Airflow and Terraform.",
    ):
        assert "Terraform" in untraced(text, profile, kestrel), text


def test_a_wish_list_or_a_list_with_its_own_verb_stays_a_plan(
    profile: Profile, kestrel: Posting
) -> None:
    assert_grounded(
        "I'm keen to learn Terraform, and my experience with Kubernetes and Airflow should help.",
        profile,
        kestrel,
    )
    assert_grounded(
        "I have run Kubernetes for years; Argo CD and Terraform I would learn on the job.",
        profile,
        kestrel,
    )


# --- time on an open job ends at the last month mostly worked -----------------------------------


def test_an_open_job_does_not_count_a_month_barely_begun(profile: Profile) -> None:
    for text in (
        "I have over seven years of work experience.",
        "With almost eight years in industry, I know production.",
        "More than seven years of experience building models.",
    ):
        assert untraced(text, profile), text
    assert_grounded("I have nearly seven years of experience.", profile)
    assert_grounded("I bring six years of industry experience.", profile)
    late = check_grounding(
        "I have seven years of experience.", profile, None, today=dt.date(2026, 12, 20)
    )
    assert late.ok, describe_untraced(late)


# --- a participle's figure belongs to the clause it continues -----------------------------------


def test_a_participle_figure_from_another_jobs_fact_is_refused(profile: Profile) -> None:
    for text, figure in (
        (
            "I migrated feature pipelines from cron jobs to Spark on Airflow, raising average "
            "order value by 6%.",
            "6%",
        ),
        (
            "I built a two-tower retrieval model in PyTorch for home-page recommendations, "
            "cutting training cost by 35%.",
            "35%",
        ),
        (
            "I added a multilingual BERT-based content tagger covering 12 languages, cutting "
            "case handling time by 22%.",
            "22%",
        ),
    ):
        assert figure in untraced(text, profile), text


def test_a_participle_figure_from_the_same_fact_passes(profile: Profile) -> None:
    assert_grounded(
        "I migrated feature pipelines from cron jobs to Spark on Airflow, cutting daily "
        "runtime from 9 hours to 2.5 hours.",
        profile,
    )
    assert_grounded(
        "I built a two-tower retrieval model in PyTorch, delivering an 18% CTR lift in a "
        "4-week A/B test.",
        profile,
    )


# --- a title at an employer, with no cue word ---------------------------------------------------


def test_a_title_at_an_employer_in_a_cell_or_item_is_checked(profile: Profile) -> None:
    for text in (
        "| Experience | Senior Data Scientist at Parcelly (2020 – 2021) |",
        "- Lead Machine Learning Engineer at Lumen Media, 2021 – 2023",
        "**Principal Engineer at Northwind Analytics** since 2023",
    ):
        assert untraced(text, profile), text
    assert_grounded("| Experience | Data Scientist at Parcelly (2020 – 2021) |", profile)
    assert_grounded("- Machine Learning Engineer at Lumen Media, 2021 – 2023", profile)
    assert_grounded("Senior Machine Learning Engineer at Northwind Analytics since 2023.", profile)


# --- a project's work told as a job's -----------------------------------------------------------


def test_a_projects_work_told_at_a_job_is_refused_at_the_job(profile: Profile) -> None:
    for text in (
        "At Lumen Media, where I fine-tuned a multilingual embedding model on synthetic "
        "query-passage pairs, recall went up.",
        "At Northwind I wrote an open-source Python library for detecting feature and "
        "prediction drift in production ML services.",
        "At Parcelly I built streaming population-stability and KS drift tests with "
        "Prometheus exporters.",
    ):
        assert untraced(text, profile), text


def test_a_projects_work_told_as_the_projects_passes(profile: Profile) -> None:
    assert_grounded(
        "In my Skald project I fine-tuned a multilingual embedding model on synthetic "
        "query-passage pairs.",
        profile,
    )
    assert_grounded(
        "At Northwind I fine-tuned a 7B-parameter open LLM with LoRA to summarise dispute "
        "evidence.",
        profile,
    )


# --- a label, bold lead or first table cell that restates the posting's requirement -------------


def test_a_requirement_mirrored_as_a_label_is_the_postings_topic(
    profile: Profile, brightwater: Posting, kornblume: Posting
) -> None:
    assert_grounded("| Strong Python and SQL | Python and SQL at every job |", profile, brightwater)
    assert_grounded(
        "**Low-latency ML services.** At Northwind I rebuilt the real-time fraud scoring "
        "service in Python and FastAPI on Kubernetes.",
        profile,
        brightwater,
    )
    assert_grounded(
        "- **Strong Python and SQL; production experience with PyTorch, TensorFlow or "
        "XGBoost:** PyTorch at Lumen Media.",
        profile,
        brightwater,
    )
    assert_grounded(
        "| Fluent English, spoken and written | English is one of my native languages |",
        profile,
        kornblume,
    )


def test_a_label_the_line_claims_or_that_is_not_the_postings_stays_a_claim(
    profile: Profile, kestrel: Posting
) -> None:
    for text in (
        "- **Strong Python; comfort with Terraform and Bash:** I have used all three daily.",
        "**Terraform at scale.** I managed our infrastructure at Northwind with it.",
        "| Terraform and Bash | used both daily at Northwind |",
    ):
        assert "Terraform" in untraced(text, profile, kestrel), text


# --- a heading, label or cell of ordinary words names nothing -----------------------------------


def test_ordinary_words_opening_a_heading_or_cell_are_not_names(profile: Profile) -> None:
    assert_grounded(
        "**Selected highlights**\n\nAt Parcelly I built a delivery-time prediction model.", profile
    )
    assert_grounded("### Closing thoughts\n\nThank you for reading.", profile)
    assert_grounded(
        "| Area | Evidence |\n|---|---|\n| Forecasting | MAPE from 31% to 19% at Parcelly |",
        profile,
    )
    assert_grounded("Glad to share more detail on any of this.", profile)


def test_a_name_opening_a_heading_is_still_checked(profile: Profile) -> None:
    for text in (
        "**Databricks experience**\n\nI used it for two years.",
        "| Salesforce | three years as an analyst |",
        "## Terraform modules\n\nI built them at Northwind.",
    ):
        assert untraced(text, profile), text


def test_an_elliptical_courtesy_opens_a_sentence_after_any_text(profile: Profile) -> None:
    assert_grounded("Papers are at https://example.org/a.pdf. Happy to talk timing.", profile)
    assert_grounded("Keen to hear how the team works. Glad to share code samples too.", profile)
    assert untraced("Happy Analytics hired me in 2019.", profile)


# --- a figure in a label that restates the posting's requirement --------------------------------


def test_a_requirement_figure_in_a_label_is_the_postings(
    profile: Profile, kornblume: Posting
) -> None:
    assert_grounded(
        "| 3+ years in a quantitative role | Data Scientist at Parcelly, then ML roles |",
        profile,
        kornblume,
    )
    assert_grounded("- **3+ years of professional experience:** nearly seven.", profile, kornblume)
    for text in (
        "| 9+ years in a quantitative role | Data Scientist at Parcelly, then ML roles |",
        "- **12+ years of professional experience:** across three companies.",
    ):
        assert untraced(text, profile, kornblume), text


# --- a posting phrase the profile writes as its acronym -----------------------------------------


def test_a_posting_phrase_the_profile_abbreviates_traces(
    profile: Profile, quillfield: Posting
) -> None:
    assert_grounded(
        "I have applied large language models in production at Northwind.", profile, quillfield
    )
    assert untraced("I have built OCR pipelines at Northwind.", profile, quillfield)


# --- a year belongs to the entry named beside it ------------------------------------------------


def test_a_year_beside_a_named_entry_is_checked_against_it(profile: Profile) -> None:
    assert_grounded("In July 2021 I moved to Lumen Media in Stockholm.", profile)
    assert_grounded("In September 2023 I moved over to Northwind Analytics.", profile)
    assert_grounded("I have worked in applied machine learning since January 2020.", profile)
    for text in (
        "In July 2020 I moved to Lumen Media in Stockholm.",
        "In 2019 I moved over to Northwind Analytics.",
        "In 2021 I joined Northwind Analytics after Lumen Media.",
        "I have worked in applied machine learning since March 2017.",
    ):
        assert untraced(text, profile), text


# --- list numbers after emphasis; a future year after a modal -----------------------------------


def test_a_numbered_question_in_bold_is_a_list_marker(profile: Profile) -> None:
    assert_grounded("**1. Why this team?**\n\nThe product.\n\n**2. Why now?**\n\nTiming.", profile)
    assert_grounded("### 3. Anything else?\n\nNo.", profile)
    assert untraced("**At Parcelly I ran 4 A/B tests.**", profile)


def test_a_future_year_after_a_modal_is_a_plan(profile: Profile) -> None:
    assert_grounded("I'm based in Seattle and could start in February 2027.", profile)
    assert_grounded("I relocated once before and would move again in 2027.", profile)
    for text in (
        "I'm based in Seattle and won the award in 2027.",
        "I joined Northwind in 2027.",
    ):
        assert "2027" in untraced(text, profile), text


# --- "your" right before a posting figure, with nothing done to it ------------------------------


def test_your_before_a_posting_figure_keeps_it_the_companys(
    profile: Profile, brightwater: Posting
) -> None:
    assert_grounded(
        "I would want to learn how your 200,000+ merchants differ from Northwind's customers.",
        profile,
        brightwater,
    )
    assert_grounded("I am curious what your 200,000 merchants need first.", profile, brightwater)
    for text in (
        "I protected your 200,000 merchants at Northwind.",
        "I built fraud models for your 200,000 merchants.",
        "I have kept your 200,000 merchants safe.",
    ):
        assert untraced(text, profile, brightwater), text


def test_one_of_a_named_thing_is_the_thing(profile: Profile) -> None:
    assert_grounded("Skald ran on a one-VM serving setup.", profile)
    assert_grounded("The single-VM deployment kept Skald cheap.", profile)
    for text in ("Skald ran on a one-GPU serving setup.", "Skald ran on a two-VM setup."):
        assert untraced(text, profile), text


def test_relaxations_do_not_open_holes(profile: Profile, brightwater: Posting) -> None:
    for text in (
        "| Stripe | Senior Engineer | 2019 – 2022 |",
        "**Apple**\n\nThree years on the Siri team.",
        "I helped your 200,000 merchants cut chargebacks.",
        "We onboarded your 200,000 merchants in a quarter.",
    ):
        assert untraced(text, profile, brightwater), text


def test_an_answer_without_its_own_subject_claims_the_label(
    profile: Profile, kestrel: Posting
) -> None:
    for text in (
        "| Terraform and Bash | Used daily at Northwind |",
        "- **Strong Python; comfort with Terraform and Bash:** 3 years at Northwind.",
        "**Comfort with Terraform and Bash.** Yes, both.",
    ):
        assert "Terraform" in untraced(text, profile, kestrel), text


def test_a_count_of_employers_the_sentence_then_names(profile: Profile) -> None:
    assert_grounded(
        "I have used Airflow at two companies: for backfills at Northwind, and at Lumen Media "
        "for feature pipelines.",
        profile,
    )
    for text in (
        "I have used Airflow at two companies.",
        "I have worked at five companies: Northwind Analytics and Lumen Media among them.",
        "I have used Airflow at two companies: Northwind Analytics.",
    ):
        assert untraced(text, profile), text
