"""Round 6 (tuned on blind23): each class closed as a principle, with sentences of its own both
ways."""

from __future__ import annotations

from grounding_checks import assert_grounded, untraced

from applykit.models.posting import Posting
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


# --- "and" joining the objects of a preposition opens no clause of the company's ---------------


def test_a_posting_figure_after_objects_joined_by_and_is_the_candidates(
    profile: Profile, loomcraft: Posting
) -> None:
    for text in (
        "At Northwind I shipped a model served with FastAPI and a Redis cache to 60,000 monthly "
        "active makers.",
        "Skald was a side project served with Docker and a small VM to 60,000 monthly active "
        "makers.",
    ):
        assert "60,000 monthly" in untraced(text, profile, loomcraft)


def test_a_clause_of_its_own_after_and_may_still_be_the_companys(
    profile: Profile, loomcraft: Posting
) -> None:
    for text in (
        "I write Python every day and a product for 60,000 monthly active makers is the scale I "
        "enjoy.",
        "Skald was served with FastAPI; a product for 60,000 monthly active makers is a bigger "
        "thing.",
    ):
        assert "60,000 monthly" not in untraced(text, profile, loomcraft)


# --- a hedged level is still a level ----------------------------------------------------------


def test_a_language_spoken_a_little_is_still_claimed(profile: Profile) -> None:
    for text in (
        "I speak some German and a little Yoruba.",
        "Besides English, I speak a bit of German.",
    ):
        assert_grounded(text, profile)
    assert "Danish" in untraced("I speak some Swedish and Danish.", profile)
    assert "Finnish" in " ".join(untraced("I also speak a little Finnish.", profile))
    assert "German" in " ".join(untraced("I speak decent German.", profile))


# --- time that is the whole career's, though a job is named beside it ---------------------------


def test_years_of_experience_after_with_are_the_careers(profile: Profile) -> None:
    assert_grounded(
        "I lead fraud modelling at Northwind Analytics with over six years of experience in "
        "production ML.",
        profile,
    )
    assert "eight years" in " ".join(
        untraced(
            "I lead fraud modelling at Northwind Analytics with over eight years of experience.",
            profile,
        )
    )
    assert "six years" in untraced(
        "I joined Parcelly with six years of experience at Lumen Media.", profile
    )


def test_time_at_every_job_listed_is_the_careers(profile: Profile) -> None:
    assert_grounded(
        "- Over six years shipping models at Northwind Analytics, Lumen Media and Parcelly",
        profile,
    )
    assert "six years" in " ".join(
        untraced("- Over six years shipping models at Northwind Analytics and Lumen Media", profile)
    )


def test_a_requirement_label_answered_with_a_figure_keeps_its_figure(
    profile: Profile, brightwater: Posting
) -> None:
    assert_grounded(
        "| 5+ years of experience deploying ML systems | 6 years, all of it in production |",
        profile,
        brightwater,
    )
    assert "9+ years" in untraced(
        "| 9+ years of experience deploying ML systems | 6 years |", profile, brightwater
    )
    assert "9 years" in untraced(
        "| 5+ years of experience deploying ML systems | 9 years |", profile, brightwater
    )


# --- a model's size counts its parameters --------------------------------------------------------


def test_a_models_size_is_its_parameter_count(profile: Profile) -> None:
    for text in (
        "- **Dispute summaries:** LoRA fine-tuning of a 7B model for analysts.",
        "At Northwind I adapted a 7B transformer with LoRA for dispute evidence.",
    ):
        assert_grounded(text, profile)
    assert "13B model" in untraced("- **Dispute summaries:** LoRA on a 13B model.", profile)
    assert "7B model" in untraced("At Lumen Media I adapted a 7B model with LoRA.", profile)


# --- a count in an appositive of its entry's name ------------------------------------------------


def test_a_count_of_the_facts_noun_beside_its_entrys_name_traces(profile: Profile) -> None:
    for text in (
        "- Open source: tidewatch, an open drift library with 1,200+ stars",
        "I still look after tidewatch, my monitoring library with 1,200+ stars.",
    ):
        assert_grounded(text, profile)
    for text, figure in (
        ("- Open source: Skald, a retrieval demo with 1,200+ stars", "1,200+ stars"),
        ("- Open source: tidewatch, an open drift library with 1,200+ forks", "1,200+ forks"),
        ("- Open source: tidewatch, an open drift library with 2,000 stars", "2,000 stars"),
    ):
        assert figure in untraced(text, profile)


# --- a range told as before and after across two sentences --------------------------------------


def test_a_later_end_in_a_sentence_that_refers_back_traces(profile: Profile) -> None:
    assert_grounded(
        "At Northwind, p95 latency was 120ms before my rebuild. It now sits at 35ms at 4,000 "
        "requests per second.",
        profile,
    )
    assert "120ms" in untraced(
        "At Northwind, p95 latency was 35ms before my rebuild. It now sits at 120ms at 4,000 "
        "requests per second.",
        profile,
    )
    assert "25ms" in untraced(
        "At Northwind, p95 latency was 120ms before my rebuild. It now sits at 25ms at 4,000 "
        "requests per second.",
        profile,
    )


# --- a clause after an appositive is about the name before it ------------------------------------


def test_a_year_after_an_appositive_is_the_named_entrys(profile: Profile) -> None:
    assert_grounded(
        "Bandit playground, a set of notebooks on contextual bandits, ran from January to April "
        "2021.",
        profile,
    )
    assert "2022" in untraced(
        "Bandit playground, a set of notebooks on contextual bandits, ran from January to April "
        "2022.",
        profile,
    )
    assert "2021" in untraced(
        "Bandit playground, a set of notebooks on contextual bandits, ran until June 2021.",
        profile,
    )


# --- a value the candidate professes is not their record ------------------------------------------


def test_a_soft_skill_the_candidate_cares_about_is_no_claim(
    profile: Profile, quillfield: Posting
) -> None:
    for text in (
        "I really value good communication; at the Halvorsen Institute I presented to a "
        "30-person research seminar.",
        "I believe in communication over documents nobody reads.",
    ):
        assert "communication" not in untraced(text, profile, quillfield)


def test_a_soft_skill_shown_or_a_tool_cared_about_is_still_claimed(
    profile: Profile, quillfield: Posting
) -> None:
    assert "communication" in untraced(
        "I care about clear communication, and I led communication with insurers at Northwind.",
        profile,
        quillfield,
    )
    assert "communication" in untraced(
        "My communication with legal teams is excellent.", profile, quillfield
    )
    assert "OCR" in untraced("I care about communication and OCR.", profile, quillfield)


# --- the salutation after a subject line ---------------------------------------------------------


def test_a_salutation_after_a_bold_subject_line_is_a_convention(
    profile: Profile, loomcraft: Posting
) -> None:
    assert_grounded(
        "**Subject: Product Engineer application**\n\nDear Sam and the hiring team,\n\n"
        "I work in Python at Northwind.",
        profile,
        loomcraft,
    )
    assert "Google" in untraced(
        "**Subject: Product Engineer application**\n\nDear Sam,\n\nI worked at Google for years.",
        profile,
        loomcraft,
    )
    assert "Google" in " ".join(
        untraced(
            "**Subject: Product Engineer application**\n\nI build things.\n\n"
            "Hello again from my years at Google and Northwind, and thanks for reading.",
            profile,
            loomcraft,
        )
    )


# --- a label that names the candidate's gaps negates its list ------------------------------------


def test_the_list_after_a_gap_label_is_negated(profile: Profile, meridian: Posting) -> None:
    for text in (
        "What I have not used: C++, CUDA kernels or distributed training on a cluster.",
        "- **Things I haven't done:** distributed training, C++",
        "Where I have no experience: distributed training.",
    ):
        assert "distributed training" not in untraced(text, profile, meridian)


def test_a_list_after_an_affirmed_label_or_a_new_clause_is_claimed(
    profile: Profile, meridian: Posting
) -> None:
    for text in (
        "What I have done: C++ and distributed training on a cluster.",
        "What I haven't done: C++, but I ran distributed training at Lumen Media.",
        "What I don't have: a PhD; distributed training I did at Lumen Media.",
        "What I don't have: distributed training at scale, which I did at Lumen Media.",
    ):
        assert "distributed training" in untraced(text, profile, meridian), text


# --- a quoted question is someone's words ------------------------------------------------------


def test_a_name_in_a_quoted_question_is_no_claim(profile: Profile) -> None:
    assert_grounded(
        'At Code Club the favourite question is "why does Scratch not need semicolons?", and '
        "I teach Python there.",
        profile,
    )
    for text, name in (
        ('At Code Club I teach "Rust for beginners" on Saturdays.', "Rust"),
        ('Students ask "why is this slow?" and I answer with Rust examples.', "Rust"),
        ('My paper "Does Rust Beat Go at Scale?" won a best paper award.', "Rust"),
    ):
        assert name in " ".join(untraced(text, profile)), text


# --- a retold posting stretch ends where a clause about the company begins ------------------------


def test_the_posting_retold_before_a_clause_about_the_company(
    profile: Profile, loomcraft: Posting
) -> None:
    assert "AI" not in untraced(
        "An AI workspace for independent makers that turns a photo or sketch into a pattern is "
        "a charming idea, and your pattern-generation pipeline is where my ranking work fits.",
        profile,
        loomcraft,
    )
    assert "AI" in untraced(
        "An AI workspace that turns a sketch into a pattern was what I built at Northwind, and "
        "your pipeline is similar.",
        profile,
        loomcraft,
    )


def test_joining_a_job_with_years_counts_the_work_before_it(profile: Profile) -> None:
    """A hole older than this round: "joined X with N years of experience" was never bounded."""
    assert_grounded("I moved to Northwind Analytics with over three years of experience.", profile)
    assert "five years" in untraced(
        "I moved to Northwind Analytics with over five years of experience.", profile
    )
    assert "4 years" in untraced(
        "I joined Lumen Media with 4 years of experience in recommender systems.", profile
    )


def test_a_gap_label_is_one_short_clause(profile: Profile) -> None:
    """A hole found probing the gap-label rule: a label joined to an affirmed one is no gap."""
    text = "What I don't have is a PhD; what I have: Rust at Northwind."
    assert "Rust" in untraced(text, profile)
