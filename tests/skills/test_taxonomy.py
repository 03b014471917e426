"""The shipped taxonomy: ids, aliases, parents, categories."""

from __future__ import annotations

import pytest

from applykit.skills import CATEGORIES, SkillEntry, load_taxonomy


def test_loaded_once_and_cached() -> None:
    assert load_taxonomy() is load_taxonomy()


def test_every_entry_has_a_known_category_and_parent() -> None:
    taxonomy = load_taxonomy()
    assert len(taxonomy) > 150
    for entry in taxonomy:
        assert entry.category in CATEGORIES, entry
        assert entry.parent is None or taxonomy.get(entry.parent) is not None, entry


@pytest.mark.parametrize(
    ("surface", "skill_id"),
    [
        ("scikit-learn", "scikit_learn"),
        ("sklearn", "scikit_learn"),
        ("Scikit Learn", "scikit_learn"),
        ("k8s", "kubernetes"),
        ("KUBERNETES", "kubernetes"),
        ("pytorch", "pytorch"),
        ("LLMs", "large_language_models"),
        ("node js", "node_js"),
        ("NodeJS", "node_js"),
        ("Node.js", "node_js"),
        ("c++", "cpp"),
        ("C#", "csharp"),
        ("Postgres", "postgresql"),
        ("a/b testing", "ab_testing"),
    ],
)
def test_lookup_ignores_case_and_punctuation(surface: str, skill_id: str) -> None:
    entry = load_taxonomy().lookup(surface)
    assert entry is not None, surface
    assert entry.id == skill_id


def test_lookup_of_unknown_text_is_none() -> None:
    assert load_taxonomy().lookup("underwater basket weaving zzz") is None
    assert load_taxonomy().lookup("") is None
    assert load_taxonomy().lookup("!!!") is None


@pytest.mark.parametrize("framework", ["pytorch", "tensorflow", "jax", "keras"])
def test_deep_learning_frameworks_sit_under_machine_learning(framework: str) -> None:
    taxonomy = load_taxonomy()
    assert taxonomy.ancestors(framework) == ["deep_learning_frameworks", "machine_learning"]
    assert taxonomy.is_a(framework, "machine_learning")


@pytest.mark.parametrize(
    ("child", "group"),
    [
        ("aws", "cloud_platforms"),
        ("gcp", "cloud_platforms"),
        ("azure", "cloud_platforms"),
        ("postgresql", "sql_databases"),
        ("mysql", "sql_databases"),
        ("kubernetes", "containers"),
        ("docker", "containers"),
        ("nlp", "machine_learning"),
        ("computer_vision", "machine_learning"),
        ("recommender_systems", "machine_learning"),
        ("reinforcement_learning", "machine_learning"),
        ("large_language_models", "machine_learning"),
    ],
)
def test_groups(child: str, group: str) -> None:
    assert load_taxonomy().is_a(child, group)


def test_is_a_is_not_symmetric_and_unknown_ids_are_safe() -> None:
    taxonomy = load_taxonomy()
    assert not taxonomy.is_a("machine_learning", "pytorch")
    assert taxonomy.is_a("pytorch", "pytorch")
    assert taxonomy.ancestors("no_such_skill") == []
    assert taxonomy.related("no_such_skill") == []
    assert taxonomy.get("no_such_skill") is None


def test_related_are_siblings_without_itself() -> None:
    related = load_taxonomy().related("pytorch")
    assert "tensorflow" in related
    assert "jax" in related
    assert "pytorch" not in related


def test_entry_shape() -> None:
    entry = load_taxonomy().get("pytorch")
    assert isinstance(entry, SkillEntry)
    assert entry.canonical == "PyTorch"
    assert entry.category == "framework"
    assert entry.hot
    assert entry.source == "curated"


def test_every_canonical_name_can_be_looked_up() -> None:
    taxonomy = load_taxonomy()
    for entry in taxonomy:
        found = taxonomy.lookup(entry.canonical)
        assert found is not None, entry
        assert found.canonical.lower() == entry.canonical.lower(), (entry, found)


def test_generic_layers_are_present_with_their_sources() -> None:
    sources = {entry.source for entry in load_taxonomy()}
    assert {"curated", "onet", "esco", "gazetteer"} <= sources


def test_curated_aliases_are_not_shadowed() -> None:
    taxonomy = load_taxonomy()
    for entry in taxonomy:
        if entry.source != "curated":
            continue
        for alias in [entry.canonical, *entry.aliases]:
            found = taxonomy.lookup(alias)
            assert found is not None and found.id == entry.id, (entry.id, alias)


def test_children() -> None:
    children = load_taxonomy().children("cloud_platforms")
    assert {"aws", "gcp", "azure"} <= set(children)
    assert load_taxonomy().children("no_such_skill") == []


def test_a_file_of_another_format_is_a_clear_error() -> None:
    from applykit.errors import InputError
    from applykit.skills.taxonomy import taxonomy_from_data

    with pytest.raises(InputError, match="format"):
        taxonomy_from_data({"format": "something-else"})


def test_onet_software_hangs_under_its_commodity_group() -> None:
    taxonomy = load_taxonomy()
    entry = taxonomy.lookup("Selenium")
    assert entry is not None and entry.source == "onet"
    assert entry.parent is not None and entry.parent.startswith("onet-group:")
    assert taxonomy.get(entry.parent) is not None
