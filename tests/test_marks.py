"""A column of one-character marks (``profiling.marks``): a lone blank among them is a mark, loaded
as written, not NULL. Its edges: letters and blanks (a flag's ``Y``, ``N``, ``' '``), blanks alone,
marks beside longer text and the operator's ``trim`` keep the blank rule; ``''`` stays NULL.

Expected values come from the rows written here, judged by Python's ``unicodedata`` and ``str``
(not by the code under test).
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

import columnar_etl
from columnar_etl.config import load_settings
from columnar_etl.profiling.marks import marks_sql

from .conftest import SqliteFactory, cleaned_gates_open, pg_query
from .lossless_check import summarize
from .test_lossless import GATES_OPEN, load_and_check

#: Columns of the test table: (name, values), one value a row.
COLUMNS: dict[str, list[str | None]] = {
    # A currency's thousands separator: one space for SEK and PLN, '' for none.
    "thousands": [".", ",", "'", " ", " ", "", None, "\u00a0", ".", "|"],
    # A decimal mark beside it: no blank, nothing changes.
    "decimal": [",", ".", ".", ",", ",", ".", None, ",", ",", "."],
    # A file's delimiter: a tab beside punctuation.
    "delimiter": [",", ";", "\t", "|", ",", ";", "\t", None, ",", ","],
    # COBOL's flag: letters and a blank (the blank is a blank).
    "flag": ["Y", "N", " ", "Y", "N", " ", "Y", None, "X", "N"],
    # Blanks alone.
    "blanks": [" ", " ", "", None, " ", " ", "\t", " ", " ", " "],
    # Marks beside longer text.
    "mixed": [",", ".", " ", "abc", ";", ".", None, ",", " ", "ab"],
    # Padded marks: a mark is one character as written.
    "padded": [",", " .", " ", ";", ".", ",", None, ",", " ", "."],
}
ROWS = [(key + 1, *values) for key, values in enumerate(zip(*COLUMNS.values(), strict=True))]
DDL = "CREATE TABLE fmt (id INTEGER PRIMARY KEY, " + ", ".join(f"{c} TEXT" for c in COLUMNS) + ")"


def _is_blank(value: str) -> bool:
    return len(value) == 1 and (value.isspace() or unicodedata.category(value) == "Zs")


def _is_mark(value: str) -> bool:
    """One character, no letter or digit (Unicode's categories L* and N*)."""
    return len(value) == 1 and unicodedata.category(value)[0] not in "LN"


def _marks_column(values: list[str | None]) -> bool:
    present = [value for value in values if value]
    return (
        all(_is_mark(value) for value in present)
        and any(_is_blank(value) for value in present)
        and any(not _is_blank(value) for value in present)
    )


def _cleaned(values: list[str | None], marks: bool) -> list[str | None]:
    """The blank rule (trim, '' and blanks NULL), unless the column is of marks: its blank as written."""
    if marks:
        return [value or None for value in values]
    return [value.strip() or None if value is not None else None for value in values]


def test_the_expected_marks_columns_are_the_separators_alone() -> None:
    # The test's own judgement, before the code's: only the separator and the delimiter qualify.
    assert {name for name, values in COLUMNS.items() if _marks_column(values)} == {"thousands", "delimiter"}


@pytest.mark.parametrize("rows", [1, 2_000], ids=["batched", "alone"])
def test_a_lone_blank_among_one_character_marks_is_kept_and_counted_as_a_value(
    make_sqlite: SqliteFactory, rows: int
) -> None:
    # 2,000 copies: past the batched query of small tables (its own text query).
    many = [(n * len(ROWS) + row[0], *row[1:]) for n in range(rows) for row in ROWS]
    path = make_sqlite({"fmt": (DDL, many)}, name="fmt.db")
    profile, result = cleaned_gates_open(path)
    plan = columnar_etl.plan(profile, settings=load_settings(**GATES_OPEN))
    assert result.data is not None
    audit = result.audit.to_pylist()
    for name, values in COLUMNS.items():
        marks = _marks_column(values)
        column = profile["fmt"][name]
        present = [value for value in values if value is not None]
        expected = _cleaned(values, marks) * rows
        assert result.data["fmt"].column(name).to_pylist() == expected, name
        # The profile counts what cleaning does: a blank of marks is a value, '' a blank.
        blanks = sum(not value.strip() for value in present) if not marks else present.count("")
        assert column.empty_string_count == blanks * rows, name
        assert column.valid_count == sum(value is not None for value in expected), name
        assert column.padding_kept is marks and plan["fmt"][name].trim is not marks, name
        emptied = {
            row["raw_value"] for row in audit if row["column"] == name and row["rule"] == "empty_to_null"
        }
        assert emptied == {value for value in present if not value.strip() and (not marks or value == "")}, (
            name
        )
    assert any("one-character marks" in note for note in profile["fmt"]["thousands"].notes)
    assert profile["fmt"]["decimal"].notes == [] and profile["fmt"]["decimal"].padding_kept is False
    # Its lone blanks cost nothing: the column's only blank is its ''.
    assert profile["fmt"]["delimiter"].quality == 100.0
    assert profile["fmt"]["delimiter"].issue("empty_string") is None


def test_the_operators_trim_true_makes_the_lone_blank_null(make_sqlite: SqliteFactory) -> None:
    path = make_sqlite({"fmt": (DDL, ROWS)}, name="fmt.db")
    profile, result = cleaned_gates_open(path, columns={"fmt": {"thousands": {"trim": True}}})
    assert result.data is not None
    assert result.data["fmt"].column("thousands").to_pylist() == _cleaned(COLUMNS["thousands"], marks=False)
    assert profile["fmt"]["thousands"].padding_kept is False
    # The other column of marks is not the operator's: its blanks are kept.
    assert result.data["fmt"].column("delimiter").to_pylist() == _cleaned(COLUMNS["delimiter"], marks=True)


def test_empty_is_null_false_keeps_the_empty_separator_beside_the_blank(make_sqlite: SqliteFactory) -> None:
    path = make_sqlite({"fmt": (DDL, ROWS)}, name="fmt.db")
    profile, result = cleaned_gates_open(path, columns={"fmt": {"thousands": {"empty_is_null": False}}})
    assert result.data is not None
    assert result.data["fmt"].column("thousands").to_pylist() == COLUMNS["thousands"]
    assert profile["fmt"]["thousands"].empty_string_count == 0


def test_a_lone_blank_of_marks_is_loaded_as_written_every_cell_checked(
    pg_uri: str, tmp_path: Path, make_sqlite: SqliteFactory
) -> None:
    path = make_sqlite({"fmt": (DDL, ROWS)}, name="fmt.db")
    loaded = load_and_check(path, pg_uri, tmp_path, **GATES_OPEN)
    assert loaded.violations == [], summarize(loaded.violations)
    target = dict(pg_query(pg_uri, f'SELECT id, thousands FROM "{loaded.base}".fmt'))
    assert target == {
        row[0]: value for row, value in zip(ROWS, _cleaned(COLUMNS["thousands"], True), strict=True)
    }
    audit = pq.read_table(Path(loaded.result.run_dir) / "audit.parquet").to_pylist()
    assert {row["raw_value"] for row in audit if row["column"] == "thousands"} == {""}


def test_marks_are_found_among_counted_cells_of_text_alone() -> None:
    # Counted cells as distinct_cells_sql writes them (idx, class letter, bytes, weight), in DuckDB.
    cells: dict[int, list[tuple[str, bytes | None]]] = {
        0: [("t", b","), ("t", b" "), ("n", None), ("t", b"")],  # marks and a blank
        1: [("t", "\u00a0".encode()), ("t", "\u2019".encode())],  # a no-break space beside a quote
        2: [("t", b","), ("t", b" "), ("i", b"7")],  # an INTEGER cell among them
        3: [("t", b","), ("t", b" "), ("b", b"<blob 1 bytes>")],  # a BLOB among them
        4: [("t", b","), ("t", b" "), ("t", b"\xff")],  # a byte no UTF-8 reads
        5: [("t", b"Y"), ("t", b" ")],  # a flag
        6: [("t", b"\t"), ("t", b" ")],  # blanks alone
        7: [("t", b","), ("t", "\u3000".encode()), ("t", "\u00e9".encode())],  # a letter
    }
    expected = [
        idx
        for idx, found in cells.items()
        if all(cls == "n" or (cls == "t" and _decodes(v)) for cls, v in found)
        and _marks_column([v.decode() if v is not None else None for _, v in found])
    ]
    assert expected == [0, 1]
    con = duckdb.connect()
    con.execute("CREATE TABLE cells (idx INTEGER, cls VARCHAR, v BLOB, weight BIGINT)")
    con.executemany(
        "INSERT INTO cells VALUES (?, ?, ?, 1)",
        [(idx, cls, v) for idx, found in cells.items() for cls, v in found],
    )
    assert [row[0] for row in con.execute(marks_sql("cells")).fetchall()] == expected


def _decodes(value: bytes | None) -> bool:
    try:
        (value or b"").decode()
    except UnicodeDecodeError:
        return False
    return True
