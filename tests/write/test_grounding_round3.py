"""Round 3 (tuned on blind20): each class closed as a principle, with fresh sentences both
ways. A word right after a bold label opens a sentence ("- **Languages:** My German is …")."""

from __future__ import annotations

from grounding_checks import assert_grounded, untraced

from applykit.models.posting import Posting
from applykit.models.profile import Profile

# --- a word after a bold label opens a sentence ------------------------------------------------


def test_an_ordinary_word_after_a_bold_label_names_nothing(
    profile: Profile, kestrel: Posting
) -> None:
    for text in (
        "- **Deployment:** During my time at Northwind I deployed models with Docker.",
        "- **Pipelines:** My work at Lumen Media moved feature pipelines to Spark on Airflow.",
        "- **Data work**: Throughout my time at Parcelly I worked in Python.",
    ):
        assert_grounded(text, profile, kestrel)


def test_a_name_after_a_bold_label_is_still_checked(profile: Profile, kestrel: Posting) -> None:
    assert "Azure" in " ".join(untraced("- **Cloud:** Azure at Northwind.", profile, kestrel))
    assert "Stripe" in " ".join(
        untraced("- **Payments:** During my time at Stripe I built fraud models.", profile)
    )


# --- a title or skill the sentence contrasts is not claimed -------------------------------------


def test_a_contrasted_or_negated_title_is_not_claimed(profile: Profile, loomcraft: Posting) -> None:
    for text in (
        "My years went into ML roles rather than into work as a front-end developer.",
        "I have never worked as an engineering manager, and I am not applying as one.",
        "I joined Northwind as an ML engineer instead of as a product manager.",
        "At Northwind I wrote the service in Python rather than TypeScript.",
    ):
        assert_grounded(text, profile, loomcraft)
    assert "TypeScript" in untraced(
        "At Northwind I wrote the front end in TypeScript rather than Python.", profile, loomcraft
    )


def test_a_title_outside_the_contrast_is_still_claimed(profile: Profile) -> None:
    for text in (
        "As a full-stack engineer at Northwind, I shipped the React front end.",
        "Rather than stay on, I was promoted to Engineering Manager at Northwind.",
        "I was not only an ML engineer at Lumen Media; I also served as engineering manager.",
    ):
        assert untraced(text, profile), text


# --- a duration "across A, B and C" spans every job named ---------------------------------------


def test_a_duration_across_a_list_of_employers_adds_them_up(profile: Profile) -> None:
    for text in (
        "| Experience | Nearly seven years across Northwind Analytics, Lumen Media and Parcelly |",
        "I have spent about six years at Parcelly, Lumen Media and Northwind Analytics.",
    ):
        assert_grounded(text, profile)


def test_a_duration_across_fewer_employers_than_it_needs_is_refused(profile: Profile) -> None:
    for text in (
        "Nearly seven years across Northwind Analytics and Lumen Media taught me patience.",
        "I spent nine years across Northwind Analytics, Lumen Media and Parcelly.",
        "| Experience | Nearly seven years across Lumen Media and Parcelly |",
    ):
        assert untraced(text, profile), text


# --- "the six months": the period the posting sets ----------------------------------------------


def test_the_postings_period_referred_back_to_is_the_postings(
    profile: Profile, kestrel: Posting
) -> None:
    for text in (
        "I'm in Seattle and available 40 hours a week for the full six months.",
        "Staying through the entire six months is no problem for me.",
    ):
        assert_grounded(text, profile, kestrel)


def test_the_postings_period_told_as_past_work_is_refused(
    profile: Profile, kestrel: Posting
) -> None:
    for text in (
        "The six months I spent on the migration taught me a lot.",
        "I migrated the feature store in the six months after launch.",
    ):
        assert "six months" in untraced(text, profile, kestrel), text


# --- a count that leaves out the fact's modifier counts the same thing --------------------------


def test_a_count_without_the_facts_modifier_is_the_same_count(profile: Profile) -> None:
    for text in (
        "Our feature store cut lead time from 3 weeks to about 4 days, across 5 teams.",
        "At Northwind the feature store I designed served 5 teams.",
    ):
        assert_grounded(text, profile)


def test_a_count_with_another_noun_or_owner_is_refused(profile: Profile) -> None:
    for text in (
        "At Northwind the feature store I designed served 5 product teams.",
        "At Lumen Media I designed a feature store used across 5 teams.",
    ):
        assert "5" in " ".join(untraced(text, profile)), text


# --- "at two companies — …": a dash opens what is counted ---------------------------------------


def test_a_count_of_employers_before_a_dash_counts_those_it_names(profile: Profile) -> None:
    for text in (
        "Airflow at two companies — retraining jobs at Northwind and Lumen Media's pipelines.",
        "I have run Spark at two employers – Lumen Media and Northwind Analytics.",
    ):
        assert_grounded(text, profile)


def test_a_count_of_employers_the_dash_does_not_bear_out_is_refused(profile: Profile) -> None:
    for text in (
        "Airflow at five companies — retraining jobs at Northwind and Lumen Media's pipelines.",
        "I have run Spark at two employers – Northwind Analytics, and nowhere else.",
    ):
        assert untraced(text, profile), text


# --- a kind of tool named generically is shown by one tool of that kind -------------------------


def test_a_generic_kind_of_tool_traces_to_a_tool_of_that_kind(
    profile: Profile, kestrel: Posting
) -> None:
    for text in (
        "- **Workflow orchestration:** nightly backfills on Airflow at Northwind.",
        "At Lumen Media I owned our workflow orchestration end to end.",
    ):
        assert_grounded(text, profile, kestrel)


def test_another_tool_of_that_kind_is_still_refused(profile: Profile, kestrel: Posting) -> None:
    for text in (
        "At Lumen Media I ran Dagster for workflow orchestration.",
        "- **Workflow orchestration:** Prefect flows at Northwind.",
    ):
        refused = untraced(text, profile, kestrel)
        assert any(name in refused for name in ("Dagster", "Prefect")), (text, refused)
