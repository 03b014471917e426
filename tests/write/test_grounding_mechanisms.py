"""Each mechanism of the guard on its own: spelled numbers, ranges, whole-lemma context, date
arithmetic, years tied to entries, German number format, skill word forms, titles per job."""

from __future__ import annotations

import datetime as dt

import pytest
from grounding_checks import assert_grounded, untraced

from applykit.models.posting import Posting
from applykit.models.profile import Profile
from applykit.write.claims import find_quantities, other_readings
from applykit.write.grounding import check_grounding
from applykit.write.grounding_dates import build_entries, merged_work_years
from applykit.write.grounding_words import lemma, lemma_match

# --- numbers written in words -------------------------------------------------------------------


def test_spelled_numbers_are_read_with_what_they_count() -> None:
    found = {
        q.text: (q.value, q.unit, q.kind)
        for q in find_quantities(
            "twelve languages, two million dollars, a billion people, twenty-five engineers, "
            "one hundred and five tests, a dozen teams, a ten-week course"
        )
    }
    assert found == {
        "twelve languages": (12, "language", "count"),
        "two million dollars": (2e6, "dollar", "money"),
        "a billion people": (1e9, "people", "count"),
        "twenty-five engineers": (25, "engineer", "count"),
        "one hundred and five tests": (105, "test", "count"),
        "a dozen teams": (12, "team", "count"),
        "ten-week": (10, "week", "duration"),
    }


def test_hyphenated_spelled_numbers_keep_their_scale() -> None:
    found = find_quantities("a fifty-thousand-sentence set for two-million users")
    assert [(q.value, q.unit) for q in found] == [(50_000, "sentence"), (2e6, "user")]


def test_a_month_is_part_of_a_date_not_a_name(profile: Profile, brightwater: Posting) -> None:
    honest = "I have worked at Northwind Analytics since September 2023."
    assert_grounded(honest, profile, brightwater)
    assert untraced(honest.replace("2023", "2021"), profile, brightwater) == ["2021"]


def test_spelled_numbers_that_count_nothing_are_not_claims() -> None:
    assert find_quantities("One of the two is mine; one change, and three of them.") == []


def test_spelled_counts_must_match_the_profile(profile: Profile, brightwater: Posting) -> None:
    honest = "At Lumen Media I built a content tagger covering twelve languages."
    assert_grounded(honest, profile, brightwater)
    assert untraced(honest.replace("twelve", "twenty"), profile, brightwater) == [
        "twenty languages"
    ]
    money = "My fraud model cut chargeback losses by two million dollars a year."
    assert_grounded(money, profile, brightwater)
    assert untraced(money.replace("two", "five"), profile, brightwater) == ["five million dollars"]


def test_range_ends_share_a_unit_and_a_fact(profile: Profile, brightwater: Posting) -> None:
    ends = find_quantities("from nine hours to two and a half, from 120 milliseconds to 35")
    assert [(q.value, q.unit) for q in ends] == [
        (9, "hour"),
        (2.5, "hour"),
        (120, "ms"),
        (35, "ms"),
    ]
    assert_grounded(
        "At Northwind Analytics I cut latency from 120 milliseconds to 35.", profile, brightwater
    )
    assert_grounded(
        "At Lumen Media the daily run went from nine hours to two and a half.", profile, brightwater
    )
    cut = "At Northwind Analytics I cut latency from 120 milliseconds to 15."
    assert untraced(cut, profile, brightwater) == ["15"]


def test_orders_of_magnitude_are_bounded(profile: Profile, brightwater: Posting) -> None:
    assert_grounded(
        "My paper covers a recommender serving tens of millions of users.", profile, brightwater
    )
    assert untraced(
        "My paper covers a recommender serving hundreds of millions of users.", profile, brightwater
    ) == ["hundreds of millions of users"]


# --- the words next to a number -----------------------------------------------------------------


def test_lemmas_keep_different_words_apart() -> None:
    assert lemma("analysed") == lemma("analyses") != lemma("analyst")
    assert lemma("raised") == lemma("raising") == lemma("raise")
    assert lemma("cutting") == "cut"
    assert lemma("companies") == "company"


def test_a_number_does_not_borrow_an_unrelated_facts_context(
    profile: Profile, brightwater: Posting
) -> None:
    assert_grounded("At Parcelly I designed and analysed 15+ A/B tests.", profile, brightwater)
    planted = "At Parcelly I raised analyst satisfaction by 15 points."
    assert untraced(planted, profile, brightwater) == ["15 points"]
    moved = "At Northwind Analytics I cut average case handling time by 35%."
    assert untraced(moved, profile, brightwater) == ["35%"]


# --- dates --------------------------------------------------------------------------------------


def _dated_profile() -> Profile:
    return Profile.model_validate(
        {
            "basics": {"name": "Ada Example"},
            "work": [
                {
                    "name": "Acme Robotics",
                    "position": "Software Engineer",
                    "startDate": "2018-01",
                    "endDate": "2020-12",
                    "highlights": ["Built the telemetry pipeline."],
                },
                {
                    "name": "Blue Harbor",
                    "position": "Senior Software Engineer",
                    "startDate": "2020-07",
                    "endDate": "2022-06",
                },
                {
                    "name": "Cobalt Labs",
                    "position": "Research Intern",
                    "startDate": "2017-06",
                    "endDate": "2017-08",
                },
            ],
            "certificates": [{"name": "Kubernetes Administrator", "date": "2021-03"}],
        }
    )


def test_work_years_merge_overlaps_and_leave_internships_out() -> None:
    entries = build_entries(_dated_profile(), dt.date(2026, 1, 1))
    assert merged_work_years(entries) == pytest.approx(4.5)


def test_years_at_an_employer_come_from_its_dates() -> None:
    profile = _dated_profile()
    assert_grounded("I spent three years at Acme Robotics building telemetry.", profile, None)
    assert_grounded("I spent about two years at Blue Harbor.", profile, None)
    assert untraced("I spent four years at Acme Robotics.", profile, None) == ["four years"]
    assert untraced("I spent over three years at Blue Harbor.", profile, None) == ["three years"]


def test_years_of_experience_come_from_merged_work_periods() -> None:
    profile = _dated_profile()
    assert_grounded("I have more than four years of experience in software.", profile, None)
    assert_grounded("I have nearly five years of professional experience.", profile, None)
    assert untraced("I have five years of experience in software.", profile, None) == ["five years"]
    assert untraced("I have 8 years of experience.", profile, None) == ["8 years"]


def test_a_year_belongs_to_the_entry_the_sentence_is_about(
    profile: Profile, brightwater: Posting
) -> None:
    award = "That work earned the company-wide Engineering Impact Award in 2024."
    assert_grounded(award, profile, brightwater)
    assert untraced(award.replace("2024", "2021"), profile, brightwater) == ["2021"]
    cert = "I have held the AWS Certified Machine Learning - Specialty certificate since 2022."
    assert_grounded(cert, profile, brightwater)
    assert untraced(cert.replace("2022", "2019"), profile, brightwater) == ["2019"]
    assert_grounded("I studied at KTH, which I finished in 2017.", profile, brightwater)
    assert untraced("I studied at KTH, which I finished in 2015.", profile, brightwater) == ["2015"]


# --- posting formats, skills, titles ------------------------------------------------------------


def test_german_thousands_dots_read_both_ways(profile: Profile, kornblume: Posting) -> None:
    (vehicles,) = find_quantities("25.000 vehicles")
    assert vehicles.value == 25.0
    assert [q.value for q in other_readings(vehicles)] == [25000.0]
    assert_grounded(
        "Kornblume operates more than 25,000 vehicles in 14 cities.", profile, kornblume
    )
    assert untraced("At Parcelly I managed 25,000 vehicles.", profile, kornblume) == [
        "25,000 vehicles"
    ]


def test_posting_skills_match_other_forms_of_the_same_word(
    profile: Profile, brightwater: Posting
) -> None:
    index = {"mentor": "fact-1", "latency": "fact-2"}
    assert lemma_match("mentoring", index) == "fact-1"
    assert lemma_match("low-latency", index) == "fact-2"
    assert lemma_match("money laundering", index) is None
    assert_grounded(
        "Mentoring matters to me, and I have run low-latency ML services.", profile, brightwater
    )
    assert untraced("I have built anti-money-laundering models.", profile, brightwater) == [
        "anti-money-laundering"
    ]


def test_a_title_must_be_the_one_held_at_the_employer_named(
    profile: Profile, brightwater: Posting
) -> None:
    assert_grounded(
        "As a Machine Learning Engineer at Lumen Media I built retrieval.", profile, brightwater
    )
    assert_grounded(
        "As Senior Machine Learning Engineer at Northwind Analytics I rebuilt fraud scoring.",
        profile,
        brightwater,
    )
    upgraded = "As Senior Machine Learning Engineer at Lumen Media I built retrieval."
    report = check_grounding(upgraded, profile, brightwater)
    assert [c.text for c in report.untraced] == ["Senior Machine Learning Engineer"]
    assert "Lumen Media" in report.untraced[0].note
    assert untraced("I was promoted to Lead Data Scientist at Parcelly.", profile, brightwater)


def test_a_number_stays_with_the_job_it_came_from(profile: Profile, brightwater: Posting) -> None:
    assert_grounded("At Lumen Media I served 40M+ monthly active users.", profile, brightwater)
    report = check_grounding(
        "At Northwind Analytics I served 40M+ monthly active users.", profile, brightwater
    )
    assert [c.text for c in report.untraced] == ["Northwind Analytics", "40M+ monthly"]
    assert "Lumen Media" in report.untraced[0].note
    assert_grounded(
        "Before joining Northwind Analytics, I scaled a service to 40M+ monthly active users.",
        profile,
        brightwater,
    )
    assert_grounded(
        "At Lumen Media I served 40M+ monthly active users, and at Northwind Analytics I cut "
        "latency from 120ms to 35ms.",
        profile,
        brightwater,
    )


def test_counts_of_profile_lists(profile: Profile, brightwater: Posting) -> None:
    assert_grounded("I hold two degrees and speak four languages.", profile, brightwater)
    assert_grounded("I have published two papers.", profile, brightwater)
    assert untraced("I speak five languages.", profile, brightwater) == ["five languages"]
    assert untraced("I have three publications.", profile, brightwater) == ["three publications"]


def test_what_a_range_implies_is_traced(profile: Profile, brightwater: Posting) -> None:
    assert_grounded(
        "At Northwind Analytics I cut p95 latency by 85 milliseconds.", profile, brightwater
    )
    assert_grounded("At Northwind Analytics I cut p95 latency by 71%.", profile, brightwater)
    assert_grounded("At Lumen Media I cut daily pipeline runtime by 72%.", profile, brightwater)
    assert_grounded("At Parcelly I improved forecast MAPE by 12 points.", profile, brightwater)
    assert untraced("At Northwind Analytics I cut p95 latency by 90%.", profile, brightwater) == [
        "90%"
    ]
    assert untraced("At Parcelly I improved forecast MAPE by 15 points.", profile, brightwater)


def test_employer_counts_and_open_ended_experience(profile: Profile, brightwater: Posting) -> None:
    assert_grounded("I have shipped models at three companies.", profile, brightwater)
    assert untraced("tidewatch is used in production by 4 companies.", profile, brightwater)
    assert_grounded("I have been building ML systems for six-plus years.", profile, brightwater)
    assert untraced("I have been building ML systems for ten years.", profile, brightwater) == [
        "ten years"
    ]


def test_fractions_multiples_and_times(profile: Profile, brightwater: Posting) -> None:
    assert_grounded(
        "At Northwind Analytics I cut training cost by more than a third.", profile, brightwater
    )
    assert untraced("At Parcelly I cut costs by a third.", profile, brightwater) == ["a third"]
    assert untraced("I doubled CTR at Lumen Media.", profile, brightwater) == ["doubled"]
    assert untraced("I was promoted twice at Lumen Media.", profile, brightwater) == ["twice"]
    assert untraced("I mentored four engineers and hired six.", profile, brightwater) == ["six"]
    assert_grounded("At Lumen Media I built a two-tower retrieval model.", profile, brightwater)


def test_past_work_on_the_companys_own_systems(profile: Profile, kestrel: Posting) -> None:
    assert_grounded("I would like to improve Kestrel's recommendation platform.", profile, kestrel)
    assert untraced("I built Kestrel's recommendation platform.", profile, kestrel) == ["Kestrel"]


# --- letter conventions -------------------------------------------------------------------------


def test_greetings_and_sign_offs_are_not_claims(profile: Profile, kornblume: Posting) -> None:
    letter = (
        "Liebes Kornblume-Team,\n\nAt Parcelly I built a demand forecasting pipeline.\n\n"
        "Viele Grüße,\nMaya Lindqvist-Okafor\n"
    )
    assert_grounded(letter, profile, kornblume)
    assert untraced(letter.replace("Parcelly", "Zalando"), profile, kornblume) == ["Zalando"]


def test_ordinary_words_that_start_a_sentence_are_not_names(
    profile: Profile, maplestone: Posting
) -> None:
    assert_grounded(
        "Payroll has to be correct, and correctness matters to me.", profile, maplestone
    )
    assert untraced("Java is what I write every day.", profile, maplestone) == ["Java"]


def test_a_count_of_the_letters_own_list(profile: Profile, brightwater: Posting) -> None:
    letter = (
        "Three results from my work:\n\n- At Parcelly, 27% fewer late deliveries.\n"
        "- At Lumen Media, an 18% CTR lift.\n- At Northwind Analytics, $2M less in chargebacks.\n"
    )
    assert_grounded(letter, profile, brightwater)
    assert untraced(letter.replace("Three", "Four"), profile, brightwater) == ["Four results"]


def test_a_posting_figure_in_no_ones_voice_with_the_postings_words(
    profile: Profile, kestrel: Posting
) -> None:
    assert_grounded(
        "A six-month engagement to finish a migration and hand it over is the contract I want.",
        profile,
        kestrel,
    )
    assert untraced("A six-month migration of mine finished early.", profile, kestrel)


def test_a_year_claim_is_the_year_alone(profile: Profile, brightwater: Posting) -> None:
    (year,) = find_quantities("my 2023 practitioner paper")
    assert (year.text, year.kind) == ("2023", "date")
    assert_grounded(
        "Since then I wrote my 2023 practitioner paper on two-tower retrieval.",
        profile,
        brightwater,
    )


def test_questions_assert_nothing(profile: Profile, kornblume: Posting) -> None:
    assert_grounded(
        "How many bikes should be in Kreuzberg at 8 a.m. on a rainy Tuesday?", profile, kornblume
    )
    assert untraced("Did you know I ran 80 A/B tests at Parcelly?", profile, kornblume) == [
        "80 A/B"
    ]


def test_what_the_candidate_would_do_may_use_the_postings_words(
    profile: Profile, kestrel: Posting
) -> None:
    assert_grounded(
        "I would bring the same care to your 12 highest-traffic models.", profile, kestrel
    )
    assert_grounded("I am available from January 2027 for the full six months.", profile, kestrel)
    assert_grounded("I would love to learn Terraform on this contract.", profile, kestrel)
    assert untraced("What I would bring: Kubernetes, Helm and Docker.", profile, kestrel) == [
        "Helm"
    ]
    assert untraced("I would welcome a chat about my work with Terraform.", profile, kestrel) == [
        "Terraform"
    ]


def test_acronyms_of_profile_phrases(profile: Profile, brightwater: Posting) -> None:
    assert_grounded("I built Skald, a small retrieval-augmented QA system.", profile, brightwater)
    assert untraced("I hold a degree from MIT.", profile, brightwater) == ["MIT"]


def test_an_mba_is_not_a_master_of_science(profile: Profile, brightwater: Posting) -> None:
    assert_grounded("I hold a BSc and an MSc in computer science.", profile, brightwater)
    assert untraced("I hold an MBA.", profile, brightwater) == ["MBA"]


def test_markdown_headings_start_sentences(profile: Profile, brightwater: Posting) -> None:
    assert_grounded(
        "**Faster iteration.** I designed a feature store on Feast.", profile, brightwater
    )


def test_an_introductory_clause_names_the_job_but_another_statement_does_not(
    profile: Profile, brightwater: Posting
) -> None:
    assert untraced(
        "At Northwind Analytics, I served 40M+ monthly active users.", profile, brightwater
    ) == ["Northwind Analytics", "40M+ monthly"]
    assert_grounded(
        "I worked at Lumen Media, where I served 40M+ monthly active users.", profile, brightwater
    )
    assert_grounded(
        "I volunteer as a mentor at Code Club Seattle, and at work I have mentored 4 engineers.",
        profile,
        brightwater,
    )


def test_a_year_named_by_the_words_right_beside_it(profile: Profile, brightwater: Posting) -> None:
    assert_grounded(
        "My internship produced a weakly supervised NER pipeline and a workshop paper (2020).",
        profile,
        brightwater,
    )


def test_spoken_languages_and_their_levels(profile: Profile, kornblume: Posting) -> None:
    assert_grounded(
        "I am a native Swedish speaker and speak English and German.", profile, kornblume
    )
    assert_grounded("I am fluent in Python and SQL.", profile, kornblume)
    assert untraced("I am fluent in German.", profile, kornblume) == ["fluent in German"]
    assert "speak Japanese" in untraced("I speak Japanese.", profile, kornblume)


def test_number_formats_in_bullet_lists(profile: Profile, brightwater: Posting) -> None:
    bullets = (
        "- p95 latency: 120 → 35 ms, at ~4k requests/second at Northwind Analytics\n"
        "- chargeback losses: down $2 million per year after the sequence model shipped\n"
        "- a LoRA fine-tune of a 7-billion-parameter LLM for dispute analysts\n"
    )
    assert_grounded(bullets, profile, brightwater)
    assert untraced(bullets.replace("→ 35", "→ 25"), profile, brightwater) == ["25 ms"]


def test_time_spent_doing_something_at_an_employer(profile: Profile, brightwater: Posting) -> None:
    assert_grounded("I spent two years building recommenders at Lumen Media.", profile, brightwater)
    assert untraced(
        "I spent four years building recommenders at Lumen Media.", profile, brightwater
    )


def test_negated_tools_and_degrees(profile: Profile, brightwater: Posting) -> None:
    assert_grounded("I do not have a PhD, and I have not used Flink.", profile, brightwater)
    assert untraced("I have a PhD and have used Flink daily.", profile, brightwater) == [
        "PhD",
        "Flink",
    ]


def test_the_postings_pay_may_be_quoted(profile: Profile, brightwater: Posting) -> None:
    assert_grounded(
        "The range of $180,000 - $240,000 in Seattle works for me.", profile, brightwater
    )
    assert untraced("At Northwind Analytics I earned $240,000.", profile, brightwater)


def test_plans_for_the_new_job(profile: Profile, brightwater: Posting) -> None:
    assert_grounded("If I joined, my first 90 days would look like this.", profile, brightwater)
    assert untraced("I cut onboarding to 90 days at Northwind Analytics.", profile, brightwater)


def test_a_degree_dates_from_its_end(profile: Profile, brightwater: Posting) -> None:
    assert_grounded("My degrees: a Bachelor of Science from KTH (2017).", profile, brightwater)
    assert untraced("My degrees: a Bachelor of Science from KTH (2014).", profile, brightwater)


def test_list_items_do_not_lend_each_other_their_job(
    profile: Profile, brightwater: Posting
) -> None:
    assert_grounded(
        "My NLP work: a tagger at Lumen Media that covered 12 languages, a LoRA fine-tune of a "
        "7B-parameter model that cut dispute handling time by 22%.",
        profile,
        brightwater,
    )


def test_the_postings_offer_as_the_subject(profile: Profile, kornblume: Posting) -> None:
    assert_grounded(
        "Your learning budget and two conference visits caught my eye.", profile, kornblume
    )
    assert untraced("I have given talks at two conference visits.", profile, kornblume)


def test_ratios_floors_and_one_day(profile: Profile, brightwater: Posting) -> None:
    assert_grounded(
        "At Northwind Analytics I cut p95 latency by more than two thirds, a 3.4x speed-up.",
        profile,
        brightwater,
    )
    assert untraced("At Northwind Analytics I made scoring 5x faster.", profile, brightwater)
    assert untraced(
        "At Northwind Analytics feature lead time went from three weeks to one day.",
        profile,
        brightwater,
    ) == ["one day"]


def test_describing_words_before_a_title(profile: Profile, brightwater: Posting) -> None:
    assert_grounded(
        "As a seasoned machine learning engineer at Northwind Analytics I lead.",
        profile,
        brightwater,
    )
    assert untraced(
        "As a seasoned Staff Machine Learning Engineer at Northwind Analytics I lead.",
        profile,
        brightwater,
    )


def test_numbers_that_name_rather_than_count(profile: Profile, kestrel: Posting) -> None:
    plan = (
        "Here is my plan:\n\n1. Inventory the 12 highest-traffic models you run.\n"
        "2. Migrate one low-risk model first.\n3. Move the rest in small batches.\n\n"
        "For question 3 of your form: I saw your posting on 28 October.\n"
    )
    assert_grounded(plan, profile, kestrel)
    assert untraced(plan + "I led 3 migrations at Lumen Media.\n", profile, kestrel)


def test_subject_lines_postscripts_and_abbreviations(
    profile: Profile, brightwater: Posting
) -> None:
    letter = (
        "Re: Senior Machine Learning Engineer (Requisition ID R-20931)\n\nDear team,\n\n"
        "The LoRA fine-tune I did at Northwind Analytics cut case handling time by c. 22 per "
        "cent.\n\nP.S. Thank you for reading.\n"
    )
    assert_grounded(letter, profile, brightwater)
    assert untraced(letter.replace("c. 22", "c. 32"), profile, brightwater) == ["32 per cent"]


def test_a_decimal_needs_only_one_shared_word(profile: Profile, brightwater: Posting) -> None:
    assert_grounded("On Skald I only shipped once recall@10 reached 0.81.", profile, brightwater)
    assert untraced("On Skald I only shipped once recall@10 reached 0.91.", profile, brightwater)


def test_admitted_gaps_are_not_claims(
    profile: Profile, kestrel: Posting, maplestone: Posting
) -> None:
    honest = (
        "Tools I have used in production: Kubernetes, Docker and Prometheus. Tools from your "
        "list I have not used: Kubeflow, Argo CD, Terraform and Helm."
    )
    assert_grounded(honest, profile, kestrel)
    assert untraced("Tools I have used in production: Kubernetes and Helm.", profile, kestrel) == [
        "Helm"
    ]
    assert_grounded("I have less experience with Java than I would like.", profile, maplestone)


def test_only_the_nearest_subject_decides_what_is_a_plan(
    profile: Profile, kestrel: Posting, maplestone: Posting
) -> None:
    mixed = "I would like more Java, but I have written Python, C# and SQL in production."
    assert untraced(mixed, profile, maplestone) == ["C#"]
    assert (
        untraced(
            "What I can show is results: a 25% cut in GPU spend at Northwind Analytics.",
            profile,
            kestrel,
        )[0]
        == "25%"
    )


def test_time_at_an_employer_named_in_another_clause(
    profile: Profile, brightwater: Posting
) -> None:
    assert_grounded(
        "I have written Python in production for more than six years, and I packaged models "
        "as Docker services at Parcelly.",
        profile,
        brightwater,
    )
