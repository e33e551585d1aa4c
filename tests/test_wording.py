"""Counted nouns in messages: one value is ``1 value``, with its verb in the singular."""

from __future__ import annotations

import pytest

from columnar_etl.wording import agree, counted, such_as


@pytest.mark.parametrize(
    ("n", "expected"),
    [(0, "0 values"), (1, "1 value"), (2, "2 values"), (1204, "1,204 values")],
)
def test_a_count_takes_its_noun_in_the_number_it_needs(n: int, expected: str) -> None:
    assert counted(n, "value") == expected


def test_an_irregular_plural_is_given() -> None:
    assert (counted(1, "index", "indexes"), counted(3, "index", "indexes")) == ("1 index", "3 indexes")


def test_one_example_is_named_as_the_value_and_several_as_examples() -> None:
    assert such_as(1, "value", "107A") == "1 value (107A)"
    assert such_as(2, "value", "107A, 12B") == "2 values such as 107A, 12B"
    # An illustration of the kind, not a value of the column.
    assert such_as(1, "number", "1.200", example=False) == "1 number like 1.200"
    assert such_as(5, "number", "1.200", example=False) == "5 numbers such as 1.200"


def test_the_verb_agrees_with_the_count() -> None:
    assert [agree(n, "is", "are") for n in (0, 1, 2)] == ["are", "is", "are"]
