"""Round 7 (tuned on blind24, a platform engineer with a promotion, a contract role and a
bootcamp): a certificate's level, time set apart before an employer, a count of "them". The
candidate here is written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from grounding_checks import assert_grounded, untraced

from applykit.ingest.profiles import load_profile
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
    path: Path = tmp_path_factory.mktemp("profile") / "profile.yaml"
    path.write_text(_PROFILE, encoding="utf-8")
    return load_profile(path)


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
