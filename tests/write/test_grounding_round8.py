"""Round 8 (tuned on blind26, a PhD applied scientist with papers, a postdoc and a patent):
tables that restate the posting's requirements, and the rules after them. The sentences are
written for these tests."""

from __future__ import annotations

import pytest
from grounding_checks import assert_grounded, profile_from_yaml, untraced

from applykit.models.posting import Posting
from applykit.models.profile import Profile

# --- a requirements table: its first column is the posting's ----------------------------------

_THEIRS = "| Requirement | My experience |\n|---|---|\n"
_MINE = "| Skill | Evidence |\n|---|---|\n"


def test_a_requirement_cell_restating_several_posting_items_is_the_postings(
    profile: Profile, brightwater: Posting
) -> None:
    assert_grounded(
        _THEIRS + "| Streaming with Kafka or Flink; Go or Rust for services | Kafka and Go, "
        "yes; I have not used Flink or Rust |\n",
        profile,
        brightwater,
    )


def test_a_requirement_cell_the_answer_does_not_take_up_is_claimed(
    profile: Profile, brightwater: Posting
) -> None:
    refused = untraced(
        _THEIRS + "| Flink and Rust | Used both daily at Northwind |\n", profile, brightwater
    )
    assert "Flink" in " ".join(refused)
    refused = untraced(
        _MINE + "| Streaming with Kafka or Flink; Go or Rust for services | I have not used "
        "Flink or Rust |\n",
        profile,
        brightwater,
    )
    assert "Flink" in " ".join(refused)  # the header gives the column to no one


def test_a_requirement_cell_names_only_what_the_posting_holds(
    profile: Profile, brightwater: Posting
) -> None:
    refused = untraced(
        _THEIRS + "| Streaming with Kafka or Pulsar | I have not used Pulsar |\n",
        profile,
        brightwater,
    )
    assert "Pulsar" in " ".join(refused)


def test_a_posting_acronym_in_a_requirement_cell_is_the_postings(
    profile: Profile, brightwater: Posting
) -> None:
    assert_grounded(
        _THEIRS + "| Bachelor's degree in CS or related field | MSc in Computer Science |\n",
        profile,
        brightwater,
    )
    refused = untraced(
        _THEIRS + "| Bachelor's degree in CE or related field | MSc in Computer Science |\n",
        profile,
        brightwater,
    )
    assert "CE" in refused  # no posting phrase starts with those letters


def test_a_requirement_cell_and_its_answer_with_figures_of_their_own(
    profile: Profile, loomcraft: Posting
) -> None:
    row = "| 3+ years shipping web products as a product engineer or similar | {} |\n"
    assert_grounded(
        _THEIRS + row.format("5 years as a machine learning engineer"), profile, loomcraft
    )
    refused = untraced(
        _MINE + row.format("5 years as a machine learning engineer"), profile, loomcraft
    )
    assert any("product engineer" in text for text in refused)
    refused = untraced(
        _THEIRS + row.format("Shipped as a product engineer at Northwind"), profile, loomcraft
    )
    assert any("product engineer" in text for text in refused)


# --- a university that employed the candidate is not a company ---------------------------------

_ACADEMIC_PROFILE = """\
basics:
  name: "Tomasz Ekwueme"
  email: "tomasz@example.com"
work:
  - name: "Fenwick Robotics"
    position: "Research Engineer"
    startDate: "2023-02"
  - name: "Ostrander Maps"
    position: "Computer Vision Engineer"
    startDate: "2021-01"
    endDate: "2023-01"
  - name: "University of Lakemoor"
    position: "Postdoctoral Researcher"
    startDate: "2019-01"
    endDate: "2020-12"
"""


@pytest.fixture(scope="module")
def postdoc(tmp_path_factory: pytest.TempPathFactory) -> Profile:
    return profile_from_yaml(_ACADEMIC_PROFILE, tmp_path_factory.mktemp("profile"))


def test_companies_may_leave_out_a_university_employer(postdoc: Profile) -> None:
    assert_grounded("Since my postdoc I have worked at two companies.", postdoc)
    assert_grounded("I have worked at three employers.", postdoc)
    assert_grounded("I have worked at three companies.", postdoc)  # counting the university
    assert "four companies" in " ".join(untraced("I have worked at four companies.", postdoc))
    assert "two employers" in " ".join(untraced("I have worked at two employers.", postdoc))


# --- a line opened by a topic label, a role noun or a spelled number --------------------------

_LEAD_PROFILE = """\
basics:
  name: "Runa Castellanos"
  email: "runa@example.com"
work:
  - name: "Halden Freight"
    position: "Lead Data Scientist"
    startDate: "2020-03"
    highlights:
      - "Lead a team of 5 data scientists."
      - "Designed 12 A/B tests on route pricing."
      - "Distilled a 7B-parameter LLM into a 1B-parameter model for route notes."
projects:
  - name: "tallyho"
    description: "Open-source Python library for survey weighting."
skills:
  - name: "Data"
    keywords: ["Python", "SQL"]
"""


@pytest.fixture(scope="module")
def lead(tmp_path_factory: pytest.TempPathFactory) -> Profile:
    return profile_from_yaml(_LEAD_PROFILE, tmp_path_factory.mktemp("profile"))


def test_a_one_word_label_sentence_heads_its_paragraph(lead: Profile) -> None:
    assert_grounded("People. I lead a team of 5 data scientists at Halden Freight.", lead)
    assert_grounded("**Leadership.** I lead a team of 5 data scientists.", lead)
    assert "Kubernetes" in untraced("Kubernetes. I ran it at Halden Freight.", lead)
    assert "Ostrava" in " ".join(untraced("Ostrava. I lived there for a year.", lead))


def test_a_role_noun_opening_a_cell_names_nothing(lead: Profile) -> None:
    table = "| Area | Evidence |\n|---|---|\n| Open source | {} |\n"
    assert_grounded(table.format("Creator of tallyho, a survey weighting library"), lead)
    assert "Quillpen" in " ".join(
        untraced(table.format("Creator of Quillpen, a survey weighting library"), lead)
    )


def test_a_spelled_number_opening_a_sentence_is_a_number(lead: Profile) -> None:
    assert_grounded("Twelve A/B tests on route pricing at Halden Freight.", lead)
    assert "Thirteen" in " ".join(
        untraced("Thirteen A/B tests on route pricing at Halden Freight.", lead)
    )


def test_plus_opening_a_sentence_names_nothing(lead: Profile) -> None:
    assert_grounded("I write Python and SQL. Plus a little survey weighting.", lead)
    assert "Plus Ventures" in untraced("I worked at Plus Ventures.", lead)


# --- a model's size told with "one" ------------------------------------------------------------


def test_a_size_with_one_after_a_model_counts_parameters(lead: Profile) -> None:
    assert_grounded("At Halden Freight I distilled a 7B model into a 1B one.", lead)
    assert "2B one" in untraced("At Halden Freight I distilled a 7B model into a 2B one.", lead)
    assert "1B one" in untraced("I have a 1B one in mind for you.", lead)


# --- "also no" after a list negates it ----------------------------------------------------------


def test_a_list_answered_also_no_is_negated(lead: Profile) -> None:
    assert_grounded("Python and SQL, yes. Kafka and Flink, also no.", lead)
    refused = untraced("Python and SQL, yes. Kafka and Flink, also daily.", lead)
    assert "Kafka" in refused and "Flink" in refused


# --- a subject line naming the role applied for -------------------------------------------------


def test_a_subject_line_restating_the_postings_title_claims_nothing(
    lead: Profile, kornblume: Posting
) -> None:
    assert_grounded(
        "**Subject: Application – Data Scientist (m/w/d), Pricing & Demand Forecasting**\n\n"
        "Dear Ms Hoffmann,\n\nI write Python and SQL every day.",
        lead,
        kornblume,
    )
    refused = untraced(
        "Subject: Data Scientist – Demand Forecasting Lead at Halden Freight\n\nHello,",
        lead,
        kornblume,
    )
    assert any("Demand Forecasting" in text for text in refused)
    refused = untraced("I built Demand Forecasting at Halden Freight.", lead, kornblume)
    assert any("Demand Forecasting" in text for text in refused)


# --- a generic method shown by a kind of it ------------------------------------------------------


def test_a_generic_method_is_shown_by_a_child_method(
    lead: Profile, postdoc: Profile, brightwater: Posting
) -> None:
    assert_grounded("I bring rigorous experimentation to every launch.", lead, brightwater)
    refused = untraced("I bring rigorous experimentation to every launch.", postdoc, brightwater)
    assert "experimentation" in refused  # no A/B tests in that profile
    refused = untraced("I bring rigorous statistics to every launch.", lead, brightwater)
    assert "statistics" in refused  # a grandchild does not show it


# --- a list of venues with years: each year is its own venue's ---------------------------------

_PAPERS_PROFILE = """\
basics:
  name: "Ines Valdecasas"
  email: "ines@example.com"
work:
  - name: "Marrowby Labs"
    position: "Research Scientist"
    startDate: "2019-01"
education:
  - institution: "University of Harrowgate"
    area: "Linguistics"
    studyType: "Doctor of Philosophy"
    startDate: "2014-09"
    endDate: "2018-08"
publications:
  - name: "Sparse Routing for Speech Models"
    publisher: "Proceedings of Interspeech"
    releaseDate: "2018-09-02"
  - name: "Counting Birds from Audio"
    publisher: "International Conference on Acoustics, Speech and Signal Processing (ICASSP)"
    releaseDate: "2022-05-10"
"""


@pytest.fixture(scope="module")
def papers(tmp_path_factory: pytest.TempPathFactory) -> Profile:
    return profile_from_yaml(_PAPERS_PROFILE, tmp_path_factory.mktemp("profile"))


def test_each_year_in_a_list_of_venues_is_its_own_venues(papers: Profile) -> None:
    assert_grounded("My papers appeared at Interspeech 2018 and ICASSP 2022.", papers)
    assert_grounded("Papers: Interspeech 2018, ICASSP 2022.", papers)
    assert "2018" in untraced("My papers appeared at Interspeech 2022 and ICASSP 2018.", papers)
    assert "2023" in untraced("My papers appeared at Interspeech 2018 and ICASSP 2023.", papers)


# --- a degree's years told as a range -----------------------------------------------------------


def test_a_degree_may_be_dated_by_a_range_of_its_years(papers: Profile) -> None:
    assert_grounded("My PhD at Harrowgate (2014 to 2018) was on speech.", papers)
    assert_grounded("My PhD at Harrowgate (2014–2018) was on speech.", papers)
    assert "2013" in untraced("My PhD at Harrowgate (2013 to 2018) was on speech.", papers)
    assert "2014" in untraced("My PhD at Harrowgate (2014) was on speech.", papers)


# --- time in a list of roles ending in "and" -----------------------------------------------------


def test_time_in_a_list_of_roles_adds_them_up(postdoc: Profile) -> None:
    roles = "Postdoctoral Researcher, Computer Vision Engineer and Research Engineer"
    assert_grounded(f"I have seven years as {roles}.", postdoc)
    assert "nine years" in untraced(f"I have nine years as {roles}.", postdoc)
    refused = untraced(
        "I have four years as Postdoctoral Researcher, Computer Vision Engineer.", postdoc
    )
    assert "four years" in refused  # no "and": the first role alone (two years)


# --- a count of times the letter then spells out ------------------------------------------------


def test_a_count_of_times_tallying_its_items_is_the_letters(lead: Profile) -> None:
    assert_grounded(
        "At Halden Freight I have shrunk models twice: 7B to 1B for route notes, and 12 A/B "
        "tests on route pricing.",
        lead,
    )
    refused = untraced("I have shrunk models three times: from 7B to 1B, and 12 A/B tests.", lead)
    assert "three times" in refused
    refused = untraced("I have shrunk models twice at Halden Freight.", lead)
    assert "twice" in refused


# --- the length of a degree ---------------------------------------------------------------------


def test_the_length_of_a_degree_is_checked_against_its_dates(papers: Profile) -> None:
    assert_grounded("My work builds on a four-year PhD in Linguistics.", papers)
    assert "six-year" in untraced("My work builds on a six-year PhD in Linguistics.", papers)
    assert "two-year" in untraced("My work builds on a two-year MSc in Linguistics.", papers)


# --- a ratio of two figures the sentence states ---------------------------------------------------


def test_a_ratio_of_two_traced_figures_in_the_sentence_traces(lead: Profile) -> None:
    sentence = "At Halden Freight I distilled a 7B model into a 1B one ({} times smaller)."
    assert_grounded(sentence.format("seven"), lead)
    assert "ten times" in untraced(sentence.format("ten"), lead)
    refused = untraced("At Halden Freight I made a 7B model (seven times smaller).", lead)
    assert "seven times" in refused  # one end only


# --- a figure in a subject the company's name owns ------------------------------------------------


def test_a_figure_in_the_companys_possessive_subject_is_the_companys(
    profile: Profile, brightwater: Posting
) -> None:
    assert_grounded(
        "Brightwater's work for over 200,000 merchants is close to the work I have done.",
        profile,
        brightwater,
    )
    refused = untraced(
        "Brightwater's mission appeals to me because I served over 200,000 merchants.",
        profile,
        brightwater,
    )
    assert "200,000 merchants" in " ".join(refused)
    refused = untraced(
        "Lumen Media's work for over 200,000 merchants is close to yours.", profile, brightwater
    )
    assert "200,000 merchants" in " ".join(refused)
