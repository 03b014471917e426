"""Skill mentions in text: lists, parentheticals, aliases, and ambiguous words in context."""

from __future__ import annotations

import itertools

import pytest

from applykit.models.skill import SkillRef
from applykit.skills import extract_skills


def ids(text: str) -> list[str]:
    return [mention.skill_id for mention in extract_skills(text)]


def test_list_with_c_slash_cpp_gives_both_languages() -> None:
    mentions = extract_skills("Proficiency in Python, Java, Scala, or C/C++.")
    assert [m.canonical for m in mentions] == ["Python", "Java", "Scala", "C", "C++"]
    assert [m.text for m in mentions][-2:] == ["C", "C++"]


def test_parenthetical_examples() -> None:
    text = "Experience with a deep learning framework (e.g., PyTorch, TensorFlow, Keras)."
    assert ids(text) == ["deep_learning_frameworks", "pytorch", "tensorflow", "keras"]


def test_spans_point_into_the_text_and_are_sorted_without_overlap() -> None:
    text = "Build Spark SQL pipelines on AWS with scikit-learn and k8s."
    mentions = extract_skills(text)
    for mention in mentions:
        assert text[mention.start : mention.end] == mention.text
    starts = [m.start for m in mentions]
    assert starts == sorted(starts)
    for left, right in itertools.pairwise(mentions):
        assert left.end <= right.start


def test_longest_match_wins() -> None:
    mentions = extract_skills("We use Apache Spark and Spark SQL daily.")
    assert [m.text for m in mentions] == ["Apache Spark", "Spark SQL"]


@pytest.mark.parametrize(
    ("text", "skill_id"),
    [
        ("scikit-learn", "scikit_learn"),
        ("sklearn", "scikit_learn"),
        ("Scikit Learn", "scikit_learn"),
        ("PYTORCH", "pytorch"),
        ("k8s", "kubernetes"),
        ("Kubernetes", "kubernetes"),
        ("LLMs", "large_language_models"),
        ("large language models", "large_language_models"),
        ("Node.js", "node_js"),
        ("Postgres", "postgresql"),
        ("GCP", "gcp"),
    ],
)
def test_aliases_resolve_to_canonical(text: str, skill_id: str) -> None:
    assert ids(f"Experience with {text} is required.") == [skill_id]


class TestGo:
    def test_language_in_a_list(self) -> None:
        assert ids("Services in Python, Go or Rust.") == ["python", "go", "rust"]

    def test_language_after_preposition(self) -> None:
        assert ids("You have shipped production code with Go.") == ["go"]

    def test_golang_always(self) -> None:
        assert ids("golang microservices") == ["go", "microservices"]

    def test_verb_is_not_a_skill(self) -> None:
        assert ids("We go to great lengths for users.") == []
        assert ids("Go beyond your role and go the extra mile.") == []
        assert ids("Go to market with our sales team.") == []


class TestR:
    def test_language(self) -> None:
        assert ids("Statistical modeling in R.") == ["statistics", "r"]
        assert "r" in ids("Fluent in SQL, Python and R")

    def test_letter_is_not_a_skill(self) -> None:
        assert ids("Our R&D group is growing.") == []
        assert ids("Plan R was adopted. Section R applies.") == []
        assert ids("r is a letter") == []


class TestSpark:
    def test_engine(self) -> None:
        assert ids("Write Spark jobs for the data platform.") == ["spark"]
        assert ids("Hadoop, Spark, Kafka") == ["hadoop", "spark", "kafka"]

    def test_word(self) -> None:
        assert ids("Ideas that spark joy.") == []
        assert ids("Spark curiosity in every classroom!") == []


class TestExcel:
    def test_tool(self) -> None:
        assert ids("Advanced Excel and PowerPoint.") == ["excel", "powerpoint"]
        assert ids("Proficiency in Excel is a plus.") == ["excel"]

    def test_verb(self) -> None:
        assert ids("You will excel in a fast-paced team.") == []
        assert ids("Excel in everything you do.") == []


def test_cv_is_a_resume_unless_ml_context() -> None:
    assert ids("Send your CV to the hiring manager.") == []
    assert ids("Applied research in NLP and CV.") == ["research", "nlp", "computer_vision"]


def test_soft_skills_and_methods_are_tagged() -> None:
    mentions = extract_skills(
        "Strong communication and stakeholder management; A/B testing and demand forecasting."
    )
    assert [(m.skill_id, m.category) for m in mentions] == [
        ("communication", "soft_skill"),
        ("stakeholder_management", "soft_skill"),
        ("ab_testing", "method"),
        ("demand_forecasting", "method"),
    ]


def test_categories() -> None:
    found = {
        m.skill_id: m.category
        for m in extract_skills(
            "Python, PyTorch, pandas, AWS, PostgreSQL, Docker, Jira, NLP, fintech"
        )
    }
    assert found == {
        "python": "language",
        "pytorch": "framework",
        "pandas": "library",
        "aws": "cloud",
        "postgresql": "database",
        "docker": "platform",
        "jira": "tool",
        "nlp": "ml_area",
        "fintech": "domain",
    }


def test_to_ref() -> None:
    (mention,) = extract_skills("sklearn")
    assert mention.to_ref() == SkillRef(
        name="sklearn", canonical="scikit-learn", skill_id="scikit_learn", category="library"
    )


def test_empty_and_symbol_only_text() -> None:
    assert extract_skills("") == []
    assert extract_skills("   \n\t ") == []
    assert extract_skills("!!! ??? ... ---") == []


def test_spoken_languages_only_as_written() -> None:
    assert ids("Fluent German and English are required.") == ["german", "english"]
    assert ids("english breakfast") == []


def test_generic_layer_names_need_capitals_when_they_are_everyday_words() -> None:
    # O*NET lists a product called "After the Deadline"; the phrase itself is not a skill.
    assert ids("Applications received after the deadline are not read.") == []


def test_generic_layer_names_are_not_matched_on_a_sentence_capital_alone() -> None:
    # "After the Deadline" (an O*NET product) needs capitals of its own, not a sentence's.
    assert ids("After the deadline, nothing changes.") == []
    assert ids("We use After the Deadline for proofreading.") == ["onet:after-the-deadline"]


def test_ranking_in_ml_context_only() -> None:
    assert ids("Recommender systems and ranking") == ["recommender_systems", "ranking"]
    assert ids("Our company ranking is high.") == []


def test_ml_areas_from_a_research_posting() -> None:
    text = (
        "Methods such as representation learning, ranking, generative modelling"
        " or efficient inference."
    )
    assert ids(text) == [
        "representation_learning",
        "ranking",
        "generative_ai",
        "efficient_inference",
    ]


def test_a_capital_inside_a_sentence_is_enough_for_tool_names_but_not_letters() -> None:
    assert ids("Replacing a weekly manual Excel process.") == ["excel"]
    assert ids("Rewrote the billing services in Go last year.") == ["go"]
    assert ids("We raised a Series C round and take Vitamin C daily.") == []
    assert ids("Excel at what you do.") == []


def test_first_names_are_not_languages_or_tools() -> None:
    assert ids("You will work closely with Julia and Ray on the roadmap.") == []
    assert ids("Numerical code in Python and Julia.") == ["python", "julia"]
    assert ids("Distributed training with Ray clusters.") == ["distributed_training", "ray"]


def test_language_names_are_not_nationality_adjectives() -> None:
    assert ids("We are a Danish company with German clients.") == []
    assert ids("You speak Danish and English.") == ["danish", "english"]
    assert ids("Business English is a must.") == ["english"]
