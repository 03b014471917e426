"""Round 7 (tuned on blind24, a platform engineer with a promotion, a contract role and a
bootcamp): a certificate's level, time set apart before an employer, a count of "them". The
candidate here is written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from grounding_checks import assert_grounded, profile_from_yaml, untraced

from applykit.models.posting import Posting
from applykit.models.profile import Profile

_PROFILE = """\
basics:
  name: "Ilse Marangoni"
  email: "ilse@example.com"
work:
  - name: "Quarrystone Analytics"
    position: "Staff Platform Engineer"
    startDate: "2022-01"
    highlights:
      - "Wrote 11 incident runbooks and led a team of 4 SREs."
  - name: "Heronsgate Bank"
    position: "Platform Engineer"
    startDate: "2016-05"
    endDate: "2021-12"
    highlights:
      - "Moved 30 services onto Kubernetes."
volunteer:
  - organization: "Lakeshore Code School"
    position: "Volunteer Mentor"
    startDate: "2017-01"
certificates:
  - name: "Google Cloud Certified Professional Cloud Architect"
    date: "2021-03"
  - name: "Azure Solutions Architect Expert"
    date: "2020-05"
  - name: "AWS Certified Developer - Associate"
    date: "2019-06"
skills:
  - name: "Platform"
    keywords: ["Kubernetes", "Terraform", "Go"]
"""


@pytest.fixture(scope="module")
def platform(tmp_path_factory: pytest.TempPathFactory) -> Profile:
    return profile_from_yaml(_PROFILE, tmp_path_factory.mktemp("profile"))


def test_a_certificate_is_held_at_its_level(platform: Profile) -> None:
    for text in (
        "I hold the AWS Certified Developer - Associate certificate.",
        "Certificates: Azure Solutions Architect Expert; AWS Certified Developer – Associate.",
    ):
        assert_grounded(text, platform)
    for text, level in (
        ("I hold the AWS Certified Developer - Professional certificate.", "Professional"),
        ("Certificates: Azure Solutions Architect Associate.", "Associate"),
    ):
        assert any(level in claim for claim in untraced(text, platform)), text


def test_time_set_apart_before_an_employer_is_time_there(platform: Profile) -> None:
    text = "I worked at a bank and, for the last {} years, Quarrystone Analytics, where I lead."
    assert_grounded(text.format("four"), platform)
    assert "seven years" in untraced(text.format("seven"), platform)


def test_a_count_of_them_counts_the_noun_before(platform: Profile) -> None:
    assert_grounded("I care about runbooks (I have written eleven of them).", platform)
    assert "twenty" in untraced("I care about runbooks (I have written twenty of them).", platform)
    assert_grounded("You list several areas, and I like two of them.", platform)


# --- forms of address, the way in, terms of employment, the job applied for, acronyms, labels ---


def test_ms_before_a_surname_is_a_form_of_address(platform: Profile) -> None:
    assert_grounded("Dear Ms. Okafor,", platform)
    assert "MS" in untraced("I hold an MS in Physics.", platform)


def test_a_title_reached_through_a_school_is_not_held_there(platform: Profile) -> None:
    assert_grounded(
        "I became a platform engineer through a bootcamp, Lakeshore Code School.",
        platform,
    )
    assert "Staff Engineer" in " ".join(
        untraced("I became a Staff Engineer through a bootcamp, Lakeshore Code School.", platform)
    )


def test_the_contract_applied_for_is_not_work_there(platform: Profile, kestrel: Posting) -> None:
    assert_grounded(
        "I saw the six-month contract at Kestrel Streaming and smiled.", platform, kestrel
    )
    assert "Kestrel Streaming" in untraced(
        "My contract at Kestrel Streaming ended in 2024; I built their platform.", platform, kestrel
    )


def test_terms_of_employment_before_a_title_are_checked_apart(tmp_path: Path) -> None:
    contractor = profile_from_yaml(
        _PROFILE.replace(
            '    position: "Platform Engineer"\n',
            '    position: "Platform Engineer (part-time contract)"\n',
        ),
        tmp_path,
    )
    assert_grounded("I was a part-time Platform Engineer at Heronsgate Bank.", contractor)
    assert untraced("I was a part-time Staff Platform Engineer at Heronsgate Bank.", contractor)


def test_an_acronym_word_of_a_name_expands_in_the_profile(tmp_path: Path) -> None:
    migrated = profile_from_yaml(
        _PROFILE.replace(
            "Moved 30 services onto", "Moved 30 services off GCP virtual machines onto"
        ),
        tmp_path,
    )
    assert_grounded("I moved 30 services off GCP VMs.", migrated)
    assert "GCP TPUs" in untraced("I moved 30 services off GCP TPUs.", migrated)


def test_a_derived_word_before_a_colon_is_a_label(platform: Profile) -> None:
    assert_grounded("Practicalities: I can start in March and would relocate.", platform)
    assert "Snowflake" in untraced("Snowflake: I used it daily.", platform)


# --- the summary's own year, a fronted "With …" phrase, requirement cells read whole ----------


def test_a_year_the_summary_states_traces_there(tmp_path: Path) -> None:
    summarised = profile_from_yaml(
        _PROFILE.replace(
            'basics:\n  name: "Ilse Marangoni"\n',
            'basics:\n  name: "Ilse Marangoni"\n  summary: "Platform engineer who moved into '
            'data infrastructure in 2019."\n',
        ),
        tmp_path,
    )
    assert_grounded("Data infrastructure has been my focus since 2019.", summarised)
    assert "2017" in untraced("Data infrastructure has been my focus since 2017.", summarised)
    assert "2019" in untraced("Since March 2019 I have led data infrastructure.", summarised)


def test_a_fronted_with_phrase_takes_the_companys_voice(
    platform: Profile, kornblume: Posting
) -> None:
    assert_grounded(
        "With more than 25.000 shared e-bikes and cargo bikes in 14 cities, Kornblume makes "
        "every trip easy.",
        platform,
        kornblume,
    )
    assert "14 cities" in untraced(
        "With 14 cities behind me, I know mobility data.", platform, kornblume
    )


def test_a_requirement_cell_is_read_whole(platform: Profile, kestrel: Posting) -> None:
    for text in (
        "| Strong Python; Terraform and Bash | Go and Terraform; Certified: none |",
        "| Deep Kubernetes on EKS or GKE | Kubernetes for 30 services at Heronsgate Bank |",
    ):
        assert_grounded(text, platform, kestrel)
    assert "Strong Rust" in " ".join(
        untraced("| Strong Rust | Go and Terraform |", platform, kestrel)
    )


def test_a_posting_figure_in_what_the_candidate_could_help_with_is_the_companys(
    profile: Profile, brightwater: Posting
) -> None:
    assert_grounded(
        "I would love to discuss how my platform background could help Risk ML keep every "
        "score under 50ms.",
        profile,
        brightwater,
    )
    assert "50ms" in untraced(
        "My platform background kept every score under 50ms.", profile, brightwater
    )


def test_an_opinion_of_the_team_keeps_its_figure_the_companys(
    profile: Profile, loomcraft: Posting
) -> None:
    assert_grounded(
        "I am excited by a 14-person team that ships every day and talks to customers every week.",
        profile,
        loomcraft,
    )
    assert "14-person" in untraced(
        "I led a 14-person team that ships every day.", profile, loomcraft
    )


def test_a_slashed_acronym_counts_in_a_label_that_restates_the_posting(
    platform: Profile, kestrel: Posting
) -> None:
    assert_grounded(
        "- **CI/CD for models:** at Heronsgate Bank I moved 30 services onto Kubernetes.",
        platform,
        kestrel,
    )
    assert "Argo CD" in untraced(
        "- **CI/CD for models:** Argo CD pipelines at Heronsgate Bank.", platform, kestrel
    )


def test_a_subject_line_naming_the_postings_title_is_layout(
    platform: Profile, kestrel: Posting
) -> None:
    assert_grounded(
        "**Subject: Application for MLOps Engineer (6-Month Contract) – Ilse Marangoni**",
        platform,
        kestrel,
    )
    assert "Snowflake" in " ".join(
        untraced(
            "**Subject: Application for MLOps Engineer – Snowflake Expert**", platform, kestrel
        )
    )
