"""Windows-1252 text read as Latin-1 (``profiling.latin1_text``): its U+0085 is the ellipsis '…' a
Windows program wrote (byte 0x85), not NEXT LINE, so such a column keeps its values' ends as written.
Its edges: U+0085 beside no Windows-1252 quotation mark or dash (a line end, whitespace), quotation
marks with no U+0085 at an end, and the operator's ``trim`` keep the trim rule; ``''`` stays NULL.

Such a column is repaired first by default (rule ``windows_1252``, tests/test_windows_1252.py): its
U+0085 becomes '…', no whitespace, and nothing is left for this rule. It keeps the ends of a column whose
repair the operator turned off (``windows_1252 = false``), as here: :data:`AS_WRITTEN`.

Expected values come from the rows written here, judged by Python's codecs and ``str`` and the tests'
own Unicode White_Space (not by the code under test).
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

import columnar_etl
from columnar_etl.config import load_settings
from columnar_etl.profiling.latin1_text import ellipsis_sql

from .conftest import SqliteFactory, cleaned_gates_open, pg_query
from .lossless_check import summarize
from .test_lossless import GATES_OPEN, load_and_check
from .value_oracle import WHITE_SPACE


def latin1_read(text: str) -> str:
    """``text`` as a Windows program writes it (Windows-1252) and a converter reads it back (Latin-1)."""
    return text.encode("cp1252").decode("latin-1")


#: Columns of the test table: (name, values), one value a row.
COLUMNS: dict[str, list[str | None]] = {
    # A help desk's subjects saved by Excel as "CSV (Comma delimited)", read as Latin-1.
    "subject": [
        latin1_read(text) if text is not None else None
        for text in (
            "Printer keeps jamming…",
            "Can’t log in",
            "“urgent” VPN — again",
            "Refund €50  ",
            "",
            None,
            "Outlook crashes on start…  ",
            "plain",
        )
    ],
    # NEXT LINE as a line end (EBCDIC's NL), beside no Windows-1252 punctuation: whitespace.
    "lines": ["line one\x85", "second\x85", "plain", " padded ", "", None, "\x85lead", "x"],
    # Windows-1252 quotation marks read as Latin-1, no U+0085 at an end: nothing to keep.
    "quotes": [latin1_read("Can’t "), latin1_read("don’t"), " x", "", None, "y", "z", "w"],
    # A euro sign read as Latin-1 (U+0080) beside a U+0085: no quotation mark or dash says Windows-1252.
    "euro": ["\x80 5\x85", "\x80 6", "7 ", "", None, "8", "9", "10"],
}
#: The operator's ``windows_1252 = false`` on every column: C1 controls as written, for this rule to see.
AS_WRITTEN = {"t": {name: {"windows_1252": False} for name in COLUMNS}}
ROWS = [(key + 1, *values) for key, values in enumerate(zip(*COLUMNS.values(), strict=True))]
DDL = "CREATE TABLE t (id INTEGER PRIMARY KEY, " + ", ".join(f"{c} TEXT" for c in COLUMNS) + ")"
#: The Windows-1252 quotation marks, bullet and dashes (bytes 0x91-0x97) as Latin-1 reads them.
WINDOWS_PUNCTUATION = {bytes([byte]).decode("latin-1") for byte in range(0x91, 0x98)}


def _windows_text(values: list[str | None]) -> bool:
    """The test's own judgement: some value has U+0085 at an end (whitespace beside it), and some
    value holds a Windows-1252 quotation mark or dash read as Latin-1."""
    present = [value for value in values if value]
    ends = any(
        value.strip(WHITE_SPACE) != value
        and "\x85"
        in value[: len(value) - len(value.lstrip(WHITE_SPACE))] + value[len(value.rstrip(WHITE_SPACE)) :]
        for value in present
    )
    return ends and any(set(value) & WINDOWS_PUNCTUATION for value in present)


def _cleaned(values: list[str | None], kept: bool) -> list[str | None]:
    """The blank rule (trim, '' NULL), unless the column keeps its ends: then '' NULL alone."""
    if kept:
        return [value or None for value in values]
    return [value.strip(WHITE_SPACE) or None if value is not None else None for value in values]


def test_the_expected_windows_text_column_is_the_subjects_alone() -> None:
    assert {name for name, values in COLUMNS.items() if _windows_text(values)} == {"subject"}
    assert "\x85" in COLUMNS["subject"][0] and "\x92" in COLUMNS["subject"][1]


@pytest.mark.parametrize("rows", [1, 2_000], ids=["batched", "alone"])
def test_windows_1252_text_read_as_latin1_keeps_its_ellipsis_and_its_ends(
    make_sqlite: SqliteFactory, rows: int
) -> None:
    # 2,000 copies: past the batched query of small tables (its own text query).
    many = [(n * len(ROWS) + row[0], *row[1:]) for n in range(rows) for row in ROWS]
    path = make_sqlite({"t": (DDL, many)}, name="latin1.db")
    profile, result = cleaned_gates_open(path, columns=AS_WRITTEN)
    plan = columnar_etl.plan(profile, settings=load_settings(**GATES_OPEN, columns=AS_WRITTEN))
    assert result.data is not None
    audit = result.audit.to_pylist()
    for name, values in COLUMNS.items():
        kept = _windows_text(values)
        column = profile["t"][name]
        expected = _cleaned(values, kept) * rows
        assert result.data["t"].column(name).to_pylist() == expected, name
        assert column.padding_kept is kept and plan["t"][name].trim is not kept, name
        # The profile counts what cleaning does: no padded value in a column kept as written.
        padded = sum(1 for v in values if v and v.strip(WHITE_SPACE) and v != v.strip(WHITE_SPACE))
        assert column.whitespace_padded_count == (0 if kept else padded * rows), name
        trimmed = {row["raw_value"] for row in audit if row["column"] == name and row["rule"] == "trim"}
        assert trimmed == (
            set() if kept else {v for v in values if v and v.strip(WHITE_SPACE) and v != v.strip(WHITE_SPACE)}
        ), name
    assert any("Windows-1252 text read as Latin-1" in note for note in profile["t"]["subject"].notes)
    # Its ends cost nothing (its '' beside NULL is charged as any column's).
    assert profile["t"]["subject"].issue("whitespace") is None
    assert profile["t"]["lines"].issue("whitespace") is not None


def test_the_operators_trim_true_trims_the_ellipsis(make_sqlite: SqliteFactory) -> None:
    path = make_sqlite({"t": (DDL, ROWS)}, name="latin1.db")
    columns = {"t": {"subject": {"trim": True, "windows_1252": False}}}
    profile, result = cleaned_gates_open(path, columns=columns)
    assert result.data is not None
    assert result.data["t"].column("subject").to_pylist() == _cleaned(COLUMNS["subject"], kept=False)
    assert profile["t"]["subject"].padding_kept is False


def test_windows_text_is_loaded_as_written_every_cell_checked(
    pg_uri: str, tmp_path: Path, make_sqlite: SqliteFactory
) -> None:
    path = make_sqlite({"t": (DDL, ROWS)}, name="latin1.db")
    loaded = load_and_check(path, pg_uri, tmp_path, **GATES_OPEN, columns=AS_WRITTEN)
    assert loaded.violations == [], summarize(loaded.violations)
    target = dict(pg_query(pg_uri, f'SELECT id, subject FROM "{loaded.base}".t'))
    assert target == {
        row[0]: value for row, value in zip(ROWS, _cleaned(COLUMNS["subject"], True), strict=True)
    }
    audit = pq.read_table(Path(loaded.result.run_dir) / "audit.parquet").to_pylist()
    assert {(row["raw_value"], row["rule"]) for row in audit if row["column"] == "subject"} == {
        ("", "empty_to_null")
    }


def test_windows_text_is_found_among_counted_cells_of_text_alone() -> None:
    # Counted cells as distinct_cells_sql writes them (idx, class letter, bytes, weight), in DuckDB.
    cells: dict[int, list[tuple[str, bytes | None]]] = {
        0: [("t", "jamming\x85".encode()), ("t", "Can\x92t".encode()), ("n", None)],
        1: [("t", "jamming\x85 ".encode()), ("t", "\x93a\x94".encode())],  # blank after it
        2: [("t", "ja\x85mming".encode()), ("t", "Can\x92t".encode())],  # U+0085 inside only
        3: [("t", "jamming\x85".encode()), ("t", "\x80 5".encode())],  # no quotation mark or dash
        4: [("t", "jamming\x85".encode()), ("i", b"7"), ("b", b"<blob 3 bytes>")],
        5: [("t", "\x85lead".encode()), ("t", "\x96".encode())],  # at the start, a dash
    }
    expected = [
        idx
        for idx, found in cells.items()
        if _windows_text([v.decode() for cls, v in found if cls == "t" and v is not None])
    ]
    assert expected == [0, 1, 5]
    con = duckdb.connect()
    con.execute("CREATE TABLE cells (idx INTEGER, cls VARCHAR, v BLOB, weight BIGINT)")
    con.executemany(
        "INSERT INTO cells VALUES (?, ?, ?, 1)",
        [(idx, cls, v) for idx, found in cells.items() for cls, v in found],
    )
    assert [row[0] for row in con.execute(ellipsis_sql("cells")).fetchall()] == expected
