"""Round 5 (tuned on blind22, the first set with a candidate other than the example one): a
promotion is two positions at one employer, and a name's first word stands for it only when
that word is distinctive. The candidate here is written for these tests."""

from __future__ import annotations

import pytest
from grounding_checks import assert_grounded, profile_from_yaml, untraced

from applykit.models.posting import Posting
from applykit.models.profile import Profile

_PROFILE = """\
basics:
  name: "Dara Okonkwo-Lind"
  email: "dara@example.com"
work:
  - name: "Saltmarsh Freight"
    position: "Senior Backend Engineer"
    startDate: "2022-03"
    endDate: "2024-10"
    highlights:
      - "Cut the p99 latency of the quote API from 900ms to 210ms with request coalescing."
  - name: "Saltmarsh Freight"
    position: "Backend Engineer"
    startDate: "2019-09"
    endDate: "2022-02"
    highlights:
      - "Built the carrier rate importer in Go, covering 40 carriers."
      - "Cut failed nightly imports from about 8 a month to zero."
  - name: "Brightfen Labs"
    position: "Machine Learning Engineering Intern"
    startDate: "2017-06"
    endDate: "2017-08"
    highlights:
      - "Trained a demand model in Python."
  - name: "Orchardly"
    position: "Software Engineering Intern"
    startDate: "2018-06"
    endDate: "2018-09"
    highlights:
      - "Wrote a Django admin for 12 warehouse managers."
volunteer:
  - organization: "Rust Lisboa"
    position: "Meetup Organiser"
    startDate: "2017-01"
    endDate: "2019-08"
    highlights:
      - "Ran 20 meetups."
education:
  - institution: "University of Gdansk"
    area: "Computer Science"
    studyType: "Bachelor of Science"
    startDate: "2015-09"
    endDate: "2019-06"
skills:
  - name: "Backend"
    keywords: ["Go", "Rust", "Django", "PostgreSQL"]
"""


@pytest.fixture(scope="module")
def promoted(tmp_path_factory: pytest.TempPathFactory) -> Profile:
    return profile_from_yaml(_PROFILE, tmp_path_factory.mktemp("profile"))


# --- two positions at one employer are one stint there -----------------------------------------


def test_time_at_an_employer_spans_every_position_held_there(promoted: Profile) -> None:
    for text in (
        "I spent five years at Saltmarsh Freight, from 2019 to 2024.",
        "Saltmarsh Freight (2019–2024) is where I worked for just over five years.",
        "At Saltmarsh Freight I was first a Backend Engineer and then a Senior Backend Engineer.",
        "In 2019 I joined Saltmarsh Freight as a Backend Engineer.",
    ):
        assert_grounded(text, promoted)


def test_more_time_than_all_positions_there_is_still_refused(promoted: Profile) -> None:
    assert "seven years" in untraced("I spent seven years at Saltmarsh Freight.", promoted)
    assert "2017" in untraced("I joined Saltmarsh Freight in 2017.", promoted)
    assert "Staff Engineer" in " ".join(
        untraced("At Saltmarsh Freight I was a Staff Engineer.", promoted)
    )


def test_dates_in_brackets_do_not_hide_the_role_they_precede(promoted: Profile) -> None:
    """ "N years (2022–2024) as a Senior Backend Engineer" is time in that position, not the
    whole stint at the employer."""
    assert_grounded("I spent over two years (2022–2024) as a Senior Backend Engineer.", promoted)
    assert "five years" in untraced(
        "I spent almost five years (2022–2024) as a Senior Backend Engineer.", promoted
    )


# --- a first word stands for a name only when it is distinctive --------------------------------


def test_a_skill_or_institution_word_does_not_stand_for_a_name(promoted: Profile) -> None:
    for text in (
        "Built the quote service in Rust that cut p99 latency from 900ms to 210ms.",
        "- **Latency:** a quote API in Rust, p99 from 900ms to 210ms.",
        "I studied at the University of Gdansk; at the University I also organised meetups.",
    ):
        assert_grounded(text, promoted)


def test_a_number_moved_to_the_volunteer_group_is_still_refused(promoted: Profile) -> None:
    assert untraced("At Rust Lisboa I covered 40 carriers.", promoted)


# --- a school is one name; an acronym the profile spells longer is another one -----------------


def test_a_school_is_not_pieced_together_from_words_found_apart(promoted: Profile) -> None:
    """ "University" (of Gdansk) and "Lisboa" (of a meetup's name) do not make a school."""
    assert "University of Lisboa" in untraced(
        "After a BSc at the University of Lisboa I joined Saltmarsh Freight.", promoted
    )
    assert_grounded("After a BSc at the University of Gdansk I joined Saltmarsh Freight.", promoted)


def test_a_shorter_acronym_than_the_profile_spells_is_another_credential(
    profile: Profile,
) -> None:
    """A profile with "CKAD" does not hold "CKA": two different Kubernetes certificates."""
    from applykit.models.profile import Certificate

    holder = profile.model_copy(
        update={
            "certificates": [
                *profile.certificates,
                Certificate(name="Certified Kubernetes Application Developer (CKAD)"),
            ]
        }
    )
    assert_grounded("I am CKAD certified.", holder)
    assert "CKA" in untraced("I am CKAD and CKA certified.", holder)


# --- languages the candidate disowns, levels written first, degrees with their field beside ----


def test_a_language_the_candidate_says_they_do_not_speak_is_no_claim(profile: Profile) -> None:
    for text in (
        "I do not speak Japanese yet, though I would like to learn.",
        "My Japanese is non-existent; I speak English and Swedish.",
        "- **Languages:** Fluent English, native Swedish.",
    ):
        assert_grounded(text, profile)


def test_a_language_claimed_after_a_negation_elsewhere_is_still_checked(profile: Profile) -> None:
    assert "Japanese" in " ".join(untraced("I don't use Rust, and I speak Japanese.", profile))
    assert "Native German" in " ".join(untraced("| Languages | Native German |", profile))


def test_a_degree_with_its_field_beside_it_is_the_profiles_degree(promoted: Profile) -> None:
    assert_grounded("- BSc Computer Science, University of Gdansk (2019)", promoted)
    assert "BSc" in untraced("- BSc Physics, University of Gdansk (2019)", promoted)


# --- questions, slashes, rates and the people a product serves ----------------------------------


def test_a_posting_skill_in_a_question_about_the_role_is_no_claim(
    profile: Profile, meridian: Posting
) -> None:
    text = (
        "Would efficient inference be a sensible area to pick on the form, given that my "
        "background leans towards ranking?"
    )
    assert "efficient inference" not in untraced(text, profile, meridian)
    assert "efficient inference" in untraced(
        "Would it help that I have shipped efficient inference for years?", profile, meridian
    )


def test_names_a_slash_lists_are_checked_one_by_one(promoted: Profile) -> None:
    assert_grounded("A Go/Rust service at Saltmarsh Freight.", promoted)
    assert untraced("A Go/Haskell service at Saltmarsh Freight.", promoted) == ["Haskell"]


def test_a_rate_and_its_people_in_other_words_trace(profile: Profile) -> None:
    for text in (
        "At Lumen Media I scaled the candidate-generation service to 40 million people a month.",
        "At Northwind my fraud model cut chargeback losses by $2M a year.",
    ):
        assert_grounded(text, profile)
    assert untraced("At Northwind my fraud model cut chargeback losses by $3M a year.", profile)


def test_times_in_a_period_is_a_count_not_a_ratio(promoted: Profile) -> None:
    assert_grounded("Imports used to fail about eight times a month; now they never do.", promoted)
    assert "nine times" in untraced(
        "Imports used to fail about nine times a month; now they never do.", promoted
    )


# --- a year set apart in its own clause; "ML" spelled out -------------------------------------


def test_a_year_set_apart_is_about_what_the_sentence_says_next(promoted: Profile) -> None:
    assert_grounded(
        "My logistics experience is mostly freight and, back in 2018, a warehouse admin at "
        "Orchardly, where I was an intern.",
        promoted,
    )
    assert "2016" in untraced(
        "My logistics experience is mostly freight and, back in 2016, a warehouse admin at "
        "Orchardly, where I was an intern.",
        promoted,
    )


def test_ml_beside_a_year_names_the_machine_learning_job(promoted: Profile) -> None:
    text = "- Saltmarsh Freight (2019–2024), plus an ML engineering internship in {}"
    assert_grounded(text.format(2017), promoted)
    assert "2018" in untraced(text.format(2018), promoted)


# --- a negated list with "anything …", the work on offer judged, a requirement cell with its aside


def test_a_negated_list_reaches_past_anything(profile: Profile, kornblume: Posting) -> None:
    assert_grounded(
        "I haven't used statsmodels, anything Bayesian, Databricks or PostGIS.", profile
    )
    assert "Rust" in untraced(
        "I haven't used Flink, anything Bayesian or Databricks, and everything I built at "
        "Northwind used Rust.",
        profile,
        kornblume,
    )


def test_the_work_on_offer_judged_demanding_is_no_claim(profile: Profile, kestrel: Posting) -> None:
    assert_grounded(
        "Migrating twelve models from EC2 scripts to Kubeflow Pipelines without downtime is a "
        "demanding engagement, and I would welcome the chance to help.",
        profile,
        kestrel,
    )
    assert "Kubeflow Pipelines" in untraced(
        "Migrating Northwind's models to Kubeflow Pipelines was a demanding job I did.",
        profile,
        kestrel,
    )


def test_a_requirement_cell_with_the_postings_aside_is_the_posting(
    profile: Profile, kestrel: Posting
) -> None:
    assert_grounded(
        "| CI/CD templates (GitHub Actions, Argo CD) | Kubernetes deployments at Northwind |",
        profile,
        kestrel,
    )
    assert "Argo CD" in untraced(
        "| CI/CD templates | Argo CD pipelines at Northwind |", profile, kestrel
    )
