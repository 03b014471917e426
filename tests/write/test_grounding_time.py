"""Time claims and company figures, each principle both ways: months must fit the entry
(its start after "since", its end after "finished"), time in a role or "there" is checked
against that role's dates, rounding up is bounded, and a posting figure restated as the
company's fact passes while the same figure in the candidate's record is caught."""

from __future__ import annotations

import datetime as dt

from grounding_checks import assert_grounded, untraced

from applykit.models.posting import Posting
from applykit.models.profile import Profile
from applykit.write.claims import find_quantities
from applykit.write.evidence import build_evidence
from applykit.write.tenure_roles import role_months

# --- a month and a year must fit the entry ------------------------------------------------------


def test_a_start_month_must_be_the_entrys_first_month(profile: Profile) -> None:
    assert_grounded("I joined Northwind Analytics in September 2023 as tech lead.", profile)
    assert "2022" in untraced("I joined Northwind Analytics in September 2022.", profile)
    assert "2023" in untraced("I joined Northwind Analytics in March 2023.", profile)


def test_a_degree_month_is_its_last_month(profile: Profile) -> None:
    assert_grounded(
        "I finished my Master of Science at the University of Washington in December 2019.",
        profile,
    )
    assert "2019" in untraced(
        "I finished my Master of Science at the University of Washington in June 2019.",
        profile,
    )


def test_the_end_of_a_range_is_the_entrys_last_month(profile: Profile) -> None:
    assert_grounded("From July 2021 to August 2023 I was at Lumen Media.", profile)
    assert "2023" in untraced("From July 2021 to October 2023 I was at Lumen Media.", profile)


# --- time in a role, or "there" -----------------------------------------------------------------


def test_time_in_a_role_is_checked_against_that_roles_dates(profile: Profile) -> None:
    assert_grounded("I spent a year and a half as a data scientist.", profile)
    assert "three years" in untraced("I spent three years as a data scientist.", profile)
    assert_grounded("I was a research intern for three months.", profile)
    assert "six months" in untraced("I was a research intern for six months.", profile)


def test_roles_joined_by_and_add_up(profile: Profile) -> None:
    assert_grounded(
        "That includes three years as a data scientist and machine learning engineer.", profile
    )


def test_role_months_merges_the_periods(profile: Profile) -> None:
    evidence = build_evidence(profile, None, today=dt.date(2026, 11, 23))
    text = "two years as a data scientist"
    (quantity,) = find_quantities(text)
    assert role_months(quantity, text, evidence) == (1.5, "w-parcelly")


def test_there_refers_to_the_employer_named_before(profile: Profile) -> None:
    assert_grounded(
        "From 2021 I was at Lumen Media. In my two years there I built recommenders.", profile
    )
    assert "four years" in untraced(
        "From 2021 I was at Lumen Media. In my four years there I built recommenders.", profile
    )


def test_rounding_up_is_bounded_relative_to_the_claim(profile: Profile) -> None:
    assert_grounded("In all, I have close to seven years of building production ML.", profile)
    assert "two years" in untraced(
        "I was a research intern for nearly two years at the Halvorsen Institute.", profile
    )


# --- the company's figures ----------------------------------------------------------------------


def test_a_posting_figure_restated_as_the_companys_passes(
    profile: Profile, loomcraft: Posting, maplestone: Posting
) -> None:
    assert_grounded(
        "Reaching 60,000 monthly active makers with a 14-person team says a lot.",
        profile,
        loomcraft,
    )
    assert_grounded(
        "Paying 900,000 Canadians every two weeks leaves no room for error.", profile, maplestone
    )


def test_a_posting_figure_in_the_candidates_record_is_caught(
    profile: Profile, loomcraft: Posting, maplestone: Posting
) -> None:
    assert "14-person" in untraced("I led a 14-person team of makers.", profile, loomcraft)
    assert "900,000 Canadians" in untraced(
        "At Parcelly we paid 900,000 Canadians every two weeks.", profile, maplestone
    )
    assert "60,000 monthly" in untraced(
        "My side project Skald reached 60,000 monthly active makers.",
        profile,
        loomcraft,
    )


# --- honest rounding, bounded ------------------------------------------------------------------


def test_approximate_numbers_round_within_a_bound(profile: Profile) -> None:
    assert_grounded("At Northwind I handled about 4,200 requests per second.", profile)
    assert "5,000 requests" in untraced(
        "At Northwind I handled about 5,000 requests per second.", profile
    )
    assert_grounded("At Parcelly I analysed more than a dozen A/B tests on checkout.", profile)
    assert "twenty" in " ".join(
        untraced("At Parcelly I analysed more than twenty A/B tests on checkout.", profile)
    )


def test_approximate_percentages_round_by_points_not_by_a_tenth(profile: Profile) -> None:
    assert_grounded("I cut p95 latency from 120ms to 35ms, roughly a 70% drop.", profile)
    assert "three quarters" in " ".join(
        untraced("I cut p95 latency from 120ms to 35ms, by roughly three quarters.", profile)
    )


# --- plans, applications and rough sizes --------------------------------------------------------


def test_what_the_candidate_would_do_is_a_plan(profile: Profile) -> None:
    assert_grounded(
        "I live in Seattle and would be happy to work from the office three days a week.", profile
    )


def test_the_application_and_the_companys_plans_are_the_companys(
    profile: Profile, loomcraft: Posting, maplestone: Posting
) -> None:
    assert_grounded(
        "I am applying to Loomcraft, a 14-person startup, with pleasure.", profile, loomcraft
    )
    assert_grounded(
        "I was glad to hear about your plan to pay 900,000 Canadians every two weeks.",
        profile,
        maplestone,
    )


def test_one_or_two_is_a_rough_size(profile: Profile) -> None:
    assert_grounded("I think knowledge should not sit with one or two people.", profile)


def test_a_clause_with_its_own_subject_does_not_inherit_the_candidate(
    profile: Profile, maplestone: Posting
) -> None:
    assert_grounded(
        "I am applying because correctness matters to me, and paying 900,000 Canadians every "
        "two weeks leaves no room for error.",
        profile,
        maplestone,
    )
    assert "900,000 Canadians" in untraced(
        "I rebuilt the service, and it paid 900,000 Canadians every two weeks.", profile, maplestone
    )


def test_a_number_from_another_job_in_a_clause_about_this_one_is_caught(
    profile: Profile,
) -> None:
    assert_grounded(
        "At Lumen Media the candidate-generation service ran with 99.95% availability.", profile
    )
    assert "99.95%" in untraced(
        "We rebuilt the real-time fraud scoring service in FastAPI, reducing p95 latency from "
        "120ms to 35ms at 4,000 requests per second with 99.95% availability.",
        profile,
    )


def test_a_working_arrangement_is_not_a_record(profile: Profile) -> None:
    assert_grounded(
        "I am based in Seattle, so three days a week in the office works well.", profile
    )
    assert "three years" in untraced(
        "I worked three years a week in Oslo at the Halvorsen Institute.", profile
    )


def test_what_the_company_has_in_a_that_clause_is_the_companys(
    profile: Profile, loomcraft: Posting, maplestone: Posting
) -> None:
    assert_grounded(
        "I saw that Loomcraft now has 60,000 monthly active makers and only 14 people.",
        profile,
        loomcraft,
    )
    assert_grounded(
        "If 900,000 Canadians are paid every two weeks, a bug is never small.", profile, maplestone
    )
    assert "900,000 Canadians" in untraced(
        "At Parcelly 900,000 Canadians were paid by my service.", profile, maplestone
    )


def test_a_spelled_fraction_after_a_qualifier_is_a_claim(profile: Profile) -> None:
    assert_grounded("At Northwind I cut model training cost by roughly a third.", profile)
    assert "half" in " ".join(
        untraced("At Northwind I cut model training cost by roughly a half.", profile)
    )


def test_where_refers_to_the_employer_just_named(profile: Profile) -> None:
    assert_grounded(
        "In July 2021 I joined Lumen Media, where I spent two years on recommenders.", profile
    )
    assert "four years" in untraced(
        "In July 2021 I joined Lumen Media, where I spent four years on recommenders.", profile
    )


def test_hours_written_h_are_durations_and_a_reported_rate_is_a_record(profile: Profile) -> None:
    assert_grounded(
        "At Lumen Media I moved the pipelines to Spark on Airflow (9 h → 2.5 h a day).", profile
    )
    assert "1.5 h" in untraced(
        "At Lumen Media I moved the pipelines to Spark on Airflow (9 h → 1.5 h a day).", profile
    )


def test_a_start_after_an_offer_is_a_plan(profile: Profile) -> None:
    assert_grounded("My earliest possible start date is three months after an offer.", profile)


def test_time_on_an_activity_that_is_plainly_one_jobs(profile: Profile) -> None:
    assert_grounded(
        "That includes more than three years leading fraud and risk scoring at a fintech.", profile
    )
    assert "five years" in untraced(
        "That includes more than five years leading fraud and risk scoring at a fintech.", profile
    )


def test_a_year_still_to_come_is_a_plan_unless_reported_as_done(profile: Profile) -> None:
    assert_grounded("Expected start date: January 2031.", profile)
    assert "2031" in untraced("I won the Engineering Impact Award in 2031.", profile)


def test_a_posting_figure_in_the_candidates_own_work_is_caught(
    profile: Profile, maplestone: Posting
) -> None:
    assert "900,000 Canadians" in untraced(
        "Paying 900,000 Canadians every two weeks is what my service at Parcelly did.",
        profile,
        maplestone,
    )


def test_a_future_year_reported_as_done_is_caught(profile: Profile) -> None:
    assert "2031" in untraced("In 2031 I won the Engineering Impact Award.", profile)


def test_a_pay_expectation_is_a_plan_and_mid_year_is_a_year(profile: Profile) -> None:
    assert_grounded("My rate expectation is $85/hr.", profile)
    assert "$250,000" in untraced("At Northwind I earned $250,000 a year.", profile)
    assert_grounded("Since mid-2021 I have been a machine learning engineer.", profile)
    assert "2019" in untraced("Since mid-2019 I have been at Northwind Analytics.", profile)


def test_an_order_of_magnitude_in_a_general_statement_is_no_record(profile: Profile) -> None:
    assert_grounded(
        "It matters because recommenders serving hundreds of millions of people shape news.",
        profile,
    )
    assert "hundreds of millions of people" in untraced(
        "At Lumen Media our recommender served hundreds of millions of people.", profile
    )
    assert_grounded("Two relevant stories follow.", profile)


def test_years_across_two_employers_add_up(profile: Profile) -> None:
    assert_grounded(
        "Engineering: four-plus years of production ML across Lumen Media and Northwind.", profile
    )
    assert "seven-plus years" in untraced(
        "Engineering: seven-plus years of production ML across Lumen Media and Northwind.", profile
    )
    assert "five years" in untraced(
        "I spent close to five years at Northwind Analytics, and Lumen Media before that.", profile
    )


def test_a_posting_figure_after_a_colon_is_read_in_its_own_clause(
    profile: Profile, brightwater: Posting
) -> None:
    assert_grounded(
        "What draws me to Brightwater is scale: more than $30 billion a year is a big surface.",
        profile,
        brightwater,
    )
