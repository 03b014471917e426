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
