"""Whether two numbers are the same figure: value (with the tolerance rounding allows), unit,
and the words read next to a number in a text."""

from __future__ import annotations

from applykit.write.claims import Quantity
from applykit.write.grounding_words import lemma_set
from applykit.write.text_units import clause_around, clauses_before


def same_value(claimed: Quantity, found: Quantity) -> bool:
    if claimed.vague:
        return claimed.value <= found.value < claimed.upper
    margin = max(1e-6 * max(1.0, abs(found.value)), found.tolerance, claimed.tolerance)
    return abs(claimed.value - found.value) <= margin


def claimed_unit_differs(claimed: Quantity, found: Quantity) -> bool:
    """An order of magnitude ("millions of users") must count the same thing."""
    magnitude = claimed.vague and claimed.upper >= 10 * claimed.value  # not "more than N"
    return magnitude and bool(claimed.unit and found.unit) and claimed.unit != found.unit


def near_number(quantity: Quantity, text: str) -> set[str]:
    """Content lemmas next to the number: up to six words before it and three after, in its
    clause."""
    clause = clause_around(text, quantity.start)
    before = text[clause.start : quantity.start].split()[-6:]
    after = text[quantity.end : max(clause.end, quantity.end)].split()[:3]
    return set(lemma_set(" ".join(before + after)))


def clause_before_words(quantity: Quantity, text: str) -> frozenset[str]:
    """The end of the clause before the number's ("chargeback losses: down $2M")."""
    clauses = clauses_before(text, quantity.start)
    if len(clauses) < 2:
        return frozenset()
    return lemma_set(" ".join(text[clauses[1].start : clauses[1].end].split()[-6:]))


def compatible(claimed: Quantity, found: Quantity) -> bool:
    groups = {"count": "n", "number": "n"}
    if groups.get(claimed.kind, claimed.kind) != groups.get(found.kind, found.kind):
        return False
    if claimed.kind == "duration":
        return claimed.unit == found.unit
    if claimed.unit == "time":  # "twice", "3 times": only a count of times or a ratio
        return found.unit in {"time", "x"}
    return (claimed.unit == "x") == (found.unit == "x")  # "doubled" is a ratio, not a count
