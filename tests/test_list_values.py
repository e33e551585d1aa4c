"""A column of lists (items joined by one separator, in a varying number) is no key found in the data
(profiling.list_values; since 2026-12-07).

Each table is built with the shape its test names (lists, pairs, prose, paths, strays); the expected
key follows from how it was built, never from the code under test."""

from __future__ import annotations

import duckdb
import pytest

from columnar_etl.profiling.list_values import SEPARATORS, ListShape, could_be_list, list_shapes_sql
from columnar_etl.profiling.profile import profile
from tests.conftest import SqliteFactory

#: Rows of each table: enough that a column distinct on every row is no chance (key_chance.FEW_ROWS).
ROWS = 120


def _members(n: int, separator: str, prefix: str = "S") -> str:
    """Row ``n``'s list: its own first item, then 0 to 3 more (``n % 4``): 1 to 4 items, distinct."""
    return separator.join([f"{prefix}{n}", *(f"{prefix}{n + 1000 * k}" for k in range(1, 1 + n % 4))])


def _keys(
    tables: dict[str, tuple[str, list[tuple[object, ...]]]], make_sqlite: SqliteFactory
) -> dict[str, list[str]]:
    found = profile(make_sqlite(tables)).tables
    return {name: table.key for name, table in found.items()}


def test_a_column_of_lists_is_no_key_found_in_the_data_whatever_its_separator(
    make_sqlite: SqliteFactory,
) -> None:
    # Each list column is named as another row's identifier (``sample_id``: ranked before any other
    # name) and distinct on every row: until 2026-12-07 it was the table's key. A list of other rows'
    # identifiers names no row; the table's other unique column is its key, or none.
    labels = [f"subset {n} of the study" for n in range(ROWS)]
    tables = {
        "by_comma": (
            "CREATE TABLE by_comma (sample_id TEXT, label TEXT)",
            [(_members(n, ","), labels[n]) for n in range(ROWS)],
        ),
        "by_comma_space": (
            "CREATE TABLE by_comma_space (sample_id TEXT, kind TEXT)",
            [(_members(n, ", "), "age") for n in range(ROWS)],
        ),
        "by_semicolon": (
            "CREATE TABLE by_semicolon (part_id TEXT, kind TEXT)",
            [(_members(n, ";\t", "P-"), "tissue") for n in range(ROWS)],
        ),
        "by_pipe": (
            "CREATE TABLE by_pipe (tag_id TEXT, kind TEXT)",
            [(_members(n, "|", "tag_"), "x") for n in range(ROWS)],
        ),
        "by_space": (
            "CREATE TABLE by_space (run_id TEXT, kind TEXT)",
            [(_members(n, " ", "SRR"), "x") for n in range(ROWS)],
        ),
    }
    for _, rows in tables.values():
        assert len({row[0] for row in rows}) == ROWS
    assert 2 * sum(n % 4 > 0 for n in range(ROWS)) >= ROWS  # most rows lists of 2 to 4 items
    assert len(set(labels)) == ROWS
    assert _keys(tables, make_sqlite) == {
        "by_comma": ["label"],
        "by_comma_space": [],
        "by_semicolon": [],
        "by_pipe": [],
        "by_space": [],
    }


def test_a_list_of_one_beside_lists_is_a_list_and_the_column_says_why_it_is_no_key(
    make_sqlite: SqliteFactory,
) -> None:
    # ``GSM1`` beside ``GSM1,GSM2``: a list of one item. Half the rows single, half lists.
    values = [f"GSM{n}" if n % 2 else f"GSM{n},GSM{n + 1000}" for n in range(ROWS)]
    path = make_sqlite(
        {"subset": ("CREATE TABLE subset (sample_id TEXT, kind TEXT)", [(v, "age") for v in values])}
    )
    table = profile(path).tables["subset"]
    assert table.key == []
    assert table["sample_id"].list_separator == "comma"
    assert any("comma-joined lists (1 to 2 items)" in note for note in table["sample_id"].notes)


@pytest.mark.parametrize(
    ("values", "why"),
    [
        # A pair in every row: one value of two parts (a name, a composite code), no list.
        ([f"Doe{n}, John" for n in range(ROWS)], "pairs"),
        ([f"Plate{n} A{n % 7}" for n in range(ROWS)], "spaced pairs"),
        # Items with spaces: prose with commas, in varying numbers.
        ([f"Item {n}, red" + ", and blue" * (n % 3) for n in range(ROWS)], "prose"),
        # Paths and URLs with commas.
        ([f"/data/{n},raw" + ",x" * (n % 3) for n in range(ROWS)], "paths"),
        ([f"https://example.org/q?a={n},b" + ",c" * (n % 2) for n in range(ROWS)], "urls"),
        # Words joined by spaces (a title), not identifiers.
        ([f"big data {'again ' * (n % 3)}{chr(97 + n % 26)}{'x' * (n // 26)}" for n in range(ROWS)], "words"),
        # Versions with a suffix joined by a space: items of two shapes, no list of identifiers.
        ([f"v{n}.0" if n % 2 else f"v{n}.0 beta{n % 5}" for n in range(ROWS)], "versions"),
        # One value of two items among single identifiers: a stray, not a column of lists.
        ([f"S{n}" for n in range(ROWS - 1)] + ["S9998,S9999"], "stray"),
        # Some values joined by commas, others by semicolons: no one separator.
        ([f"S{n},S{n + 1000}" if n % 2 else f"S{n};S{n + 1000};S{n + 2000}" for n in range(ROWS)], "mixed"),
    ],
)
def test_values_that_are_no_lists_keep_the_key_found_in_the_data(
    make_sqlite: SqliteFactory, values: list[str], why: str
) -> None:
    assert len(set(values)) == ROWS, why
    path = make_sqlite({"t": ("CREATE TABLE t (sample_id TEXT, kind TEXT)", [(v, "x") for v in values])})
    table = profile(path).tables["t"]
    assert (table.key, table["sample_id"].list_separator) == (["sample_id"], None), why


def test_declared_keys_and_a_column_named_as_the_tables_identifier_keep_their_lists(
    make_sqlite: SqliteFactory,
) -> None:
    # A declared key is the schema's word: never touched. A column named as the table's own identifier
    # (``id``): its name says it names the row, lists or not (a materialized path ``n1,n4,n9``).
    paths = [_members(n, ",", "n") for n in range(ROWS)]
    found = _keys(
        {
            "declared": (
                "CREATE TABLE declared (sample_id TEXT PRIMARY KEY, kind TEXT)",
                [(v, "x") for v in paths],
            ),
            "nodes": ("CREATE TABLE nodes (id TEXT, kind TEXT)", [(v, "x") for v in paths]),
        },
        make_sqlite,
    )
    assert found == {"declared": ["sample_id"], "nodes": ["id"]}


def test_a_column_of_lists_unique_but_for_exact_copies_is_no_key_either(make_sqlite: SqliteFactory) -> None:
    rows = [(_members(n, ","), "age") for n in range(ROWS)]
    rows += rows[:3]  # exact copies, which cleaning removes
    table = profile(make_sqlite({"t": ("CREATE TABLE t (sample_id TEXT, kind TEXT)", rows)})).tables["t"]
    assert (table.key, table.duplicate_rows) == ([], 3)
    assert table["sample_id"].list_separator == "comma"


def test_the_shape_of_each_value_and_its_items() -> None:
    # Each value's shape as built: 0 one item, k the k-th separator, None anything else.
    cases = {
        "GSM1": (0, 1),
        "3.14": (0, 1),
        "GSM1,GSM2,GSM7": (1, 3),
        "Doe, John": (1, 2),
        "3,14": (1, 2),
        "a;\tb": (2, 2),
        "x | y | z": (3, 3),
        "GSM1 GSM2": (4, 2),
        "SRR12 rs_7 A1": (4, 3),
        "v1.0 beta2": (None, None),
        "Big Data": (None, None),
        "2025-05-20 08:42": (None, None),
        "Hello, big world": (None, None),
        "https://example.org/a,b": (None, None),
        "a,b;c": (None, None),
        "a,": (None, None),
    }
    whole = "SELECT * FROM (VALUES " + ", ".join(f"('{v}')" for v in cases) + ") AS t(v)"
    sql = list_shapes_sql(whole, ["v"])
    con = duckdb.connect()
    got = {}
    for value in cases:
        relation = f"SELECT * FROM (VALUES ('{value}')) AS t(v)"
        ((_, shape, _, low, _),) = con.execute(list_shapes_sql(relation, ["v"])).fetchall()
        got[value] = (shape, low if shape is not None else None)
    assert got == cases
    assert [name for name, _ in SEPARATORS] == ["comma", "semicolon", "pipe", "space"]
    # The bounds' test in Python rules out no value the query shapes as an item or a list.
    assert [
        value for value, (shape, _) in cases.items() if shape is not None and not could_be_list(value)
    ] == []
    assert [value for value in ("label 12", "Hello, big world", "/a,b", "a,") if could_be_list(value)] == []
    # All at once: a row per shape, every value counted once.
    rows = con.execute(sql).fetchall()
    assert sum(cells for _, _, cells, _, _ in rows) == len(cases)
    assert {shape for _, shape, _, _, _ in rows} == {shape for shape, _ in cases.values()}


@pytest.mark.parametrize(
    ("shapes", "separator"),
    [
        ({1: (3, 2, 4)}, "comma"),  # every value a list, 2 to 4 items
        ({0: (5, 1, 1), 1: (5, 2, 2)}, "comma"),  # half single, half pairs: 1 to 2 items
        ({1: (9, 2, 2)}, None),  # a pair in every row
        ({0: (6, 1, 1), 1: (5, 2, 3)}, None),  # fewer than half lists
        ({1: (5, 2, 3), None: (1, 1, 1)}, None),  # one value no list
        ({1: (5, 2, 3), 2: (5, 2, 3)}, None),  # two separators
        ({0: (10, 1, 1)}, None),  # single items alone
        ({4: (4, 2, 5)}, "space"),
    ],
)
def test_a_column_holds_lists_by_its_shapes(
    shapes: dict[int | None, tuple[int, int, int]], separator: str | None
) -> None:
    assert ListShape(shapes).separator() == separator
