"""Round 6 (tuned on blind23): each class closed as a principle, with sentences of its own both
ways."""

from __future__ import annotations

from grounding_checks import assert_grounded, untraced

from applykit.models.profile import Profile

# --- work told before the job it is given to --------------------------------------------------


def test_work_told_before_another_jobs_name_is_refused_at_the_name(profile: Profile) -> None:
    text = (
        "- Moved nightly retraining to AWS SageMaker managed spot instances with checkpointing "
        "at {}, cutting training cost 35%."
    )
    assert_grounded(text.format("Northwind Analytics"), profile)
    assert "Lumen Media" in untraced(text.format("Lumen Media"), profile)
    assert "Parcelly" in untraced(
        "| Recommendations | Built a two-tower retrieval model in PyTorch for home-page "
        "recommendations at Parcelly |",
        profile,
    )


def test_a_job_named_earlier_in_the_sentence_keeps_its_own_story(profile: Profile) -> None:
    assert_grounded(
        "I moved from recommendations at Lumen Media (a two-tower retrieval model in PyTorch for "
        "home-page recommendations) to fraud at Northwind Analytics.",
        profile,
    )
    assert_grounded(
        "I would like to build two-tower retrieval models for home-page recommendations at "
        "Parcelly-sized companies again.",
        profile,
    )
