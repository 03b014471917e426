"""The grounded letter's bridge restates a result with what it counts, so the guard can trace
it ("saved about 6 hours of analyst work every week", not a bare "saved about 6 hours")."""

from __future__ import annotations

import datetime as dt

import pytest
from grounding_checks import profile_from_yaml

from applykit.match.fit import analyze_fit
from applykit.models.posting import Posting
from applykit.models.profile import Profile
from applykit.write.letter import write_letter

_PROFILE = """\
basics:
  name: "Rui Castanheira"
  email: "rui@example.com"
work:
  - name: "Pennywhistle Analytics"
    position: "Data Science Intern"
    startDate: "2025-05"
    endDate: "2025-08"
    highlights:
      - >-
        Replaced a manual spreadsheet report with SQL and pandas pipelines,
        saving about 6 hours of analyst work every week.
      - "Built a churn model in scikit-learn for 40,000 subscribers."
skills:
  - name: "Data"
    keywords: ["Python", "SQL", "pandas", "scikit-learn"]
"""


@pytest.fixture(scope="module")
def intern(tmp_path_factory: pytest.TempPathFactory) -> Profile:
    return profile_from_yaml(_PROFILE, tmp_path_factory.mktemp("profile"))


def test_the_bridge_keeps_what_a_result_counts(intern: Profile, kornblume: Posting) -> None:
    day = dt.date(2026, 12, 7)
    letter = write_letter(intern, kornblume, analyze_fit(intern, kornblume, today=day))
    assert not [warning for warning in letter.warnings if "left out" in warning], letter.warnings
    assert "6 hours of analyst work every week" in letter.markdown
