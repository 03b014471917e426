"""What the guard tests ask of `check_grounding`, in one place: the claims it refuses, or that
it passes. Checked as of a fixed day, so a job without an end date does not grow under a test
(a claim of "seven years" must not turn true as the calendar moves on)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from applykit.ingest.profiles import load_profile
from applykit.models.posting import Posting
from applykit.models.profile import Profile
from applykit.write.grounding import check_grounding, describe_untraced

CHECK_DAY = dt.date(2026, 12, 7)


def untraced(
    text: str, profile: Profile, posting: Posting | None = None, *, today: dt.date = CHECK_DAY
) -> list[str]:
    """The texts of the claims the guard refuses."""
    return [claim.text for claim in check_grounding(text, profile, posting, today=today).untraced]


def assert_grounded(
    text: str, profile: Profile, posting: Posting | None = None, *, today: dt.date = CHECK_DAY
) -> None:
    """The guard passes `text`; otherwise the refused claims are the failure message."""
    report = check_grounding(text, profile, posting, today=today)
    assert report.ok, describe_untraced(report)


def profile_from_yaml(text: str, folder: Path) -> Profile:
    """A profile written for a test, loaded the way a user's file is."""
    path = folder / "profile.yaml"
    path.write_text(text, encoding="utf-8")
    return load_profile(path)
