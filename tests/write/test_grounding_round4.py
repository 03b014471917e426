"""Round 4 (tuned on blind21): each class closed as a principle, with fresh sentences both
ways."""

from __future__ import annotations

from grounding_checks import assert_grounded, untraced

from applykit.models.posting import Posting
from applykit.models.profile import Profile

# --- a Title-Case heading capitalises ordinary words ---------------------------------------------


def test_title_case_headings_of_ordinary_words_name_nothing(
    profile: Profile, brightwater: Posting
) -> None:
    for text in (
        "## Selected Highlights From My Work\n\nAt Northwind I rebuilt the fraud service.",
        "### Where My Background Fits Your Needs\n\nI have used Python and Docker at Northwind.",
        "**Strengths and Honest Limits**\n\nI have used Kubernetes at Northwind.",
        "**Subject: Senior Machine Learning Engineer – Candidacy Letter**\n\nI work in Python.",
        "Summary Of Relevant Strengths\n\nI work in Python at Northwind.",
    ):
        assert_grounded(text, profile, brightwater)


def test_a_name_in_a_title_case_heading_is_still_checked(
    profile: Profile, brightwater: Posting
) -> None:
    assert "Google" in " ".join(untraced("## Five Years at Google\n\nI work in Python.", profile))
    assert "Stanford University" in " ".join(
        untraced("## Stanford University Days\n\nI work in Python.", profile)
    )
    assert "Stripe" in " ".join(
        untraced("## Stripe Highlights\n\nBefore Northwind I moved to Stripe.", profile)
    )
    assert "Azure" in " ".join(untraced("## Azure Experience\n\nI work in Python.", profile))


# --- a head-of title is the whole phrase -------------------------------------------------------


def test_a_head_of_title_the_candidate_did_not_hold_is_refused(profile: Profile) -> None:
    assert "head of machine learning" in untraced(
        "From 2021 I was head of machine learning at Lumen Media.", profile
    )
    assert "Head of Analytics" in " ".join(
        untraced("I served as Head of Analytics at Northwind.", profile)
    )


def test_a_head_of_someone_else_is_not_the_candidates_title(profile: Profile) -> None:
    assert_grounded("At Parcelly I reported to the head of data science.", profile)
    assert_grounded("I was a data scientist at Parcelly.", profile)


# --- a year after a quoted title is that entry's year ------------------------------------------


def test_a_year_after_a_quoted_title_must_be_that_entrys_year(profile: Profile) -> None:
    assert_grounded(
        'I co-wrote "Weak Supervision for Scandinavian Named-Entity Recognition" (2020).', profile
    )
    assert untraced(
        'I co-wrote "Weak Supervision for Scandinavian Named-Entity Recognition" (2022).', profile
    ) == ["2022"]
    assert "2021" in untraced(
        'At Lumen Media I wrote up "Lessons from Production", 2021, with my team.', profile
    )


# --- a table cell opens a sentence; a role noun after a label; an elliptical comment -----------


def test_an_ordinary_word_opening_a_cell_or_comment_names_nothing(
    profile: Profile, brightwater: Posting
) -> None:
    for text in (
        "| Python | Rebuilt fraud scoring in Python; Migrated Northwind's service to Kubernetes |",
        "| Docker | My services at Northwind all ship in Docker |",
        "- **Open source:** Creator of tidewatch, a drift library in Python.",
        "Strange as it sounds, I enjoy on-call. Interesting that you mention Kafka.",
    ):
        assert_grounded(text, profile, brightwater)


def test_a_name_opening_a_cell_or_after_a_label_is_still_checked(
    profile: Profile, brightwater: Posting
) -> None:
    assert "Stripe" in " ".join(untraced("| Payments | Joined Stripe in 2021 |", profile))
    assert "Azure" in " ".join(untraced("- **Cloud:** Azure for two teams.", profile))
    assert "Google Brain" in " ".join(untraced("| Research | Google Brain, 2019 |", profile))


# --- a label restating the posting's requirement names its degree or title ---------------------


def test_a_degree_or_title_in_a_requirement_label_is_the_postings(
    profile: Profile, quillfield: Posting, loomcraft: Posting
) -> None:
    assert_grounded(
        "| MSc or PhD in Computer Science or a related field | MSc from UW |", profile, quillfield
    )
    assert_grounded(
        "| 3+ years shipping web products as a full-stack or product engineer | Not yet |",
        profile,
        loomcraft,
    )


def test_a_degree_or_title_answering_a_label_is_still_claimed(
    profile: Profile, quillfield: Posting, loomcraft: Posting
) -> None:
    assert "PhD" in untraced("| Education | PhD in Computer Science |", profile, quillfield)
    assert "full-stack engineer" in untraced(
        "| Web products | I worked as a full-stack engineer at Parcelly |", profile, loomcraft
    )


# --- the company's world: a negated list, the work on offer, the posting retold ---------------


def test_a_list_called_new_is_negated_whole(profile: Profile, kornblume: Posting) -> None:
    assert_grounded(
        "I have not worked with maps (GeoPandas, H3 and PostGIS would all be new).",
        profile,
        kornblume,
    )
    assert_grounded("Databricks and PostGIS would both be new for me.", profile, kornblume)
    assert "PostGIS" in untraced(
        "I used PostGIS at Parcelly, and H3 would be new.", profile, kornblume
    )


def test_a_gerund_subject_judged_in_the_present_is_the_work_on_offer(
    profile: Profile, kestrel: Posting
) -> None:
    assert_grounded(
        "Moving a platform for 50 million subscribers off scripts on EC2 and onto Kubeflow "
        "Pipelines is the sort of project I like.",
        profile,
        kestrel,
    )
    for text in (
        "Moving Lumen Media off scripts on EC2 onto Kubeflow Pipelines was my last project.",
        "Moving my team onto Kubeflow Pipelines is the work I know best.",
        "Moving models onto Kubeflow Pipelines is exactly what I did at Northwind.",
        "Moving models onto Kubeflow Pipelines is exactly what I do every day.",
        "Moving models onto Kubeflow Pipelines is the kind of work I have done for years.",
        "Moving models onto Kubeflow Pipelines is a big part of my current job.",
    ):
        assert "Kubeflow Pipelines" in untraced(text, profile, kestrel), text


def test_an_opinion_on_the_companys_figures_keeps_them_the_companys(
    profile: Profile, loomcraft: Posting
) -> None:
    assert_grounded(
        "I admire how a 14-person team already reaches 60,000 monthly active makers.",
        profile,
        loomcraft,
    )
    assert "60,000 monthly" in " ".join(
        untraced("I love that my team reached 60,000 monthly active makers.", profile, loomcraft)
    )


def test_a_clause_retelling_the_posting_names_the_companys_tools(
    profile: Profile, loomcraft: Posting
) -> None:
    assert_grounded(
        "An AI workspace where knitters, weavers and small textile studios turn a photo or "
        "sketch into a pattern is a lovely idea.",
        profile,
        loomcraft,
    )
    assert "AI" in untraced(
        "At Northwind I built an AI workspace for knitters and weavers.", profile, loomcraft
    )
    assert "TypeScript" in untraced(
        "- Shipping web products with TypeScript, React and a small ML team.", profile, loomcraft
    )


# --- figures the letter works out or restates; a clock time ------------------------------------


def test_a_clock_time_is_not_a_claim(profile: Profile) -> None:
    assert_grounded("I would rather have the dashboards fresh by 7am than at 9.30 p.m.", profile)
    assert "8 hours" in untraced("At Parcelly I cut 8 hours from the nightly run.", profile)


def test_both_ends_of_a_fact_told_as_before_and_after(profile: Profile) -> None:
    assert_grounded(
        "Launching a new feature took 3 weeks back then; today it takes 4 days for five ML teams.",
        profile,
    )
    assert "2 days" in untraced(
        "Launching a new feature took 3 weeks back then; today it takes 2 days for five ML teams.",
        profile,
    )
    assert "2 weeks" in untraced(
        "Shipping a new feature once took 2 weeks; these days it takes 4 days at Northwind.",
        profile,
    )


def test_a_ratio_worked_out_in_the_next_sentence_that_refers_back(profile: Profile) -> None:
    assert_grounded(
        "At Northwind p95 latency fell from 120ms to 35ms. That is about 3.4 times faster.",
        profile,
    )
    assert "six times" in untraced(
        "At Northwind p95 latency fell from 120ms to 35ms. That is about six times faster.",
        profile,
    )
    assert "3.4 times" in untraced(
        "At Northwind p95 latency fell from 120ms to 35ms. Parcelly got 3.4 times faster too.",
        profile,
    )


def test_a_count_restated_in_the_next_sentence_is_the_same_count(profile: Profile) -> None:
    assert_grounded(
        "At the Halvorsen Institute I annotated a 20,000-sentence Swedish NER evaluation set. "
        "Reading 20,000 sentences by hand teaches you patience.",
        profile,
    )
    assert "twenty thousand sentences" in untraced(
        "At the Halvorsen Institute I annotated a 20,000-sentence Swedish NER evaluation set. "
        "At Northwind I labelled twenty thousand sentences again.",
        profile,
    )
    assert "20,000 sentences" in untraced(
        "At the Halvorsen Institute I annotated a 20,000-sentence Swedish NER evaluation set. "
        "Reading 20,000 sentences for Parcelly taught me patience.",
        profile,
    )
    assert "20,000 sentences" in untraced(
        "At the Halvorsen Institute I annotated a 20,000-sentence Swedish NER evaluation set. "
        "Parcelly's 20,000 sentences took longer.",
        profile,
    )


# --- counts named by their verb, career start, a bound met, a soft skill as a heading ----------


def test_a_count_of_times_counts_what_its_verb_names(profile: Profile) -> None:
    assert_grounded("On GitHub, tidewatch has been starred over 1,200 times.", profile)
    assert "1,200 times" in untraced("My tidewatch paper was cited over 1,200 times.", profile)
    assert "2,000 times" in untraced("tidewatch has been starred 2,000 times.", profile)


def test_years_in_industry_since_a_date_start_at_the_work_history(profile: Profile) -> None:
    assert_grounded("| Experience | Six years in industry since 2020 |", profile)
    assert "2018" in untraced("| Experience | Eight years in industry since 2018 |", profile)


def test_a_posting_bound_met_by_the_sentences_own_figure_is_a_comparison(
    profile: Profile, brightwater: Posting
) -> None:
    assert_grounded(
        "At Northwind p95 latency went from 120ms to 35ms, comfortably under the 50ms target.",
        profile,
        brightwater,
    )
    assert "50ms" in untraced(
        "At Northwind p95 latency went from 120ms to 65ms, comfortably under the 50ms target.",
        profile,
        brightwater,
    )
    assert "30ms" in untraced(
        "At Northwind p95 latency went from 120ms to 35ms, well inside a sub-30ms budget.",
        profile,
        brightwater,
    )


def test_a_soft_skill_heading_is_a_topic_but_a_tool_heading_is_checked(
    profile: Profile, brightwater: Posting
) -> None:
    assert_grounded("## Leadership and Mentoring\n\nAt Northwind I mentored 4 engineers.", profile)
    assert "Rust" in untraced("## Rust and Leadership\n\nI work in Python.", profile, brightwater)


# --- a heading's number and places ---------------------------------------------------------------


def test_a_number_in_a_heading_is_read_and_a_heading_mark_is_no_label(profile: Profile) -> None:
    assert "Ten Years" in untraced("## Ten Years of Experience\n\nI work in Python.", profile)
    assert_grounded("### 3 Reasons I Fit\n\nI work in Python.", profile)
    assert_grounded("At Northwind I closed ticket #42 in Python.", profile)


def test_a_city_in_a_title_case_heading_is_a_name(profile: Profile) -> None:
    assert "Oxford Days" in untraced("## Oxford Days\n\nI work in Python.", profile)
