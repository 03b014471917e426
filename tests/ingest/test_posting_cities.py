"""Cities written without a region, recognised only where a posting talks about places."""

from __future__ import annotations

from applykit.ingest.posting_cities import cities_after_cues, cities_in_place_lines


def _cities(found: list) -> list[tuple[str | None, str | None, str | None]]:
    return [(loc.city, loc.region, loc.country) for loc in found]


def test_a_location_label_with_a_bare_city() -> None:
    assert _cities(cities_after_cues("Team: Data\nLocation: Berlin\nType: Full-time")) == [
        ("Berlin", None, "Germany")
    ]


def test_a_label_alone_on_its_line_takes_the_next_line_with_text() -> None:
    assert _cities(cities_after_cues("Location\n\nToronto\n\nAbout the job")) == [
        ("Toronto", "ON", "Canada")
    ]


def test_several_hubs_in_one_sentence_keep_their_order() -> None:
    text = "We are growing in our hub locations of Austin, Salt Lake City and Boston, and more."
    assert [c for c, _, _ in _cities(cities_after_cues(text))] == [
        "Austin",
        "Salt Lake City",
        "Boston",
    ]


def test_remote_with_a_city() -> None:
    assert _cities(cities_after_cues("Location: Remote - Denver")) == [
        ("Denver", "CO", "United States")
    ]


def test_cities_away_from_any_place_cue_are_not_locations() -> None:
    text = "Our customers include hospitals in Chicago and a bakery in Paris.\nWe value ownership."
    assert cities_after_cues(text) == []


def test_a_city_inside_a_longer_word_is_not_a_city() -> None:
    assert cities_after_cues("Location: NewBerlin Industrial Park") == []


def test_an_ambiguous_name_gets_a_region_only_when_the_posting_supports_one() -> None:
    assert _cities(cities_after_cues("Location: Portland")) == [("Portland", None, None)]
    assert _cities(cities_after_cues("Location: Portland", context="Portland, OR office")) == [
        ("Portland", "OR", "United States")
    ]
    assert _cities(cities_after_cues("Location: London", context="Salary £60,000")) == [
        ("London", None, "United Kingdom")
    ]


def test_place_lines_are_read_whole() -> None:
    header = "Senior Data Engineer · Amsterdam · Hybrid"
    assert _cities(cities_in_place_lines(header)) == [("Amsterdam", None, "Netherlands")]


def test_long_text_without_cues_costs_nothing_and_finds_nothing() -> None:
    assert cities_after_cues("Seattle " * 50_000) == []


def test_a_city_that_runs_on_into_a_name_is_not_a_place() -> None:
    assert cities_in_place_lines("Boston Dynamics · Senior Engineer") == []
    assert _cities(cities_in_place_lines("Senior Engineer · Boston (Hybrid)")) == [
        ("Boston", "MA", "United States")
    ]


def test_the_parser_uses_bare_cities_when_no_region_is_written() -> None:
    from applykit.ingest.postings import parse_posting

    text = (
        "Data Engineer\nLocation: Munich\n\nAbout the role\nYou will build pipelines.\n\n"
        "Requirements\n- 3+ years of Python\n- SQL\n"
    )
    posting = parse_posting(text, skills=False)
    assert [(loc.city, loc.country) for loc in posting.locations] == [("Munich", "Germany")]


def test_city_names_grouped_by_first_letter_match_as_one_alternation() -> None:
    import random
    import re

    from applykit.ingest.posting_cities import _gazetteer

    gazetteer = _gazetteer()
    names = sorted(gazetteer.by_name, key=len, reverse=True)
    plain = re.compile("(?:" + "|".join(map(re.escape, names)) + r")(?![\w'’-])")
    pieces = [*names[:60], "New ", "San ", "x", " ", ", ", "-", "'", "é", "\n"]
    rng = random.Random(17)
    for _ in range(2000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        assert [m.span() for m in gazetteer.pattern.finditer(text)] == [
            m.span() for m in plain.finditer(text)
        ]


def test_cue_starts_are_a_find_loop_per_anchor() -> None:
    from applykit.ingest.posting_cities import _cue_starts
    from applykit.ingest.posting_location import CUE_ANCHORS

    text = "Location: Berlin. Relocated in 2020; hub\nRemote - Dallas, offices in Oslo xlocation"
    expected: set[int] = set()
    for anchor in CUE_ANCHORS:
        at = text.find(anchor)
        while at >= 0:
            start = at if anchor[0].isupper() or anchor in ("hub", "location") else at - 1
            if start >= 0 and (start == 0 or not text[start - 1].isalnum()):
                expected.add(start)
            at = text.find(anchor, at + 1)
    assert _cue_starts(text) == sorted(expected)
