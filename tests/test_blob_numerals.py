"""BLOB cells that are the ASCII text of a number, in a column declared a number type (trytond binds a
Decimal as ``str(d).encode()``), through ``columnar-etl run`` into the session's real PostgreSQL,
every cell checked.

The rule (docs/profiling.md, "BLOBs of a number's text"): in a column of INTEGER, REAL or NUMERIC
affinity whose every BLOB is a plain ASCII decimal numeral, and whose other cells are numbers or such
text, each BLOB is read as the text it spells, audited ``blob_numeral``, and the column goes the way of
number text. One BLOB of other bytes keeps every BLOB bytes; a column declared ``BLOB`` holds bytes.
Expected values are computed here from the very bytes written (``Decimal(b.decode())``).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

import columnar_etl

from .lossless_check import Cell, cell_violation
from .test_other_products import Ran, audit_rules, loaded_cleanly, run_export

__all__ = ["run_export"]  # the fixture, used by name

Runner = Callable[..., tuple[Ran, Path]]

#: Amounts as an application binds them: the bytes of their text, scales 0 to 4, signed, one NULL.
AMOUNTS: list[bytes | None] = [
    b"434041.0852",
    b"-12.5",
    b"100",
    None,
    b"0.0001",
    b"-7",
    b"99999999.99",
    b"0.25",
    b"-0.375",
    b"1200.5",
]


def _write(path: Path, ddl: str, rows: Sequence[Sequence[Any]]) -> Path:
    con = sqlite3.connect(path)
    with con:
        con.execute(ddl)
        con.executemany(f"INSERT INTO t VALUES ({', '.join('?' * len(rows[0]))})", rows)
    con.close()
    return path


def _classes(path: Path, column: str) -> list[str]:
    con = sqlite3.connect(path)
    try:
        return [row[0] for row in con.execute(f"SELECT typeof({column}) FROM t ORDER BY id")]
    finally:
        con.close()


def numeric_blobs(path: Path) -> Path:
    """A NUMERIC column whose every non-NULL cell is a BLOB of a decimal's text."""
    return _write(
        path, "CREATE TABLE t (id INTEGER PRIMARY KEY, amount NUMERIC)", list(enumerate(AMOUNTS, 1))
    )


def one_blob_not_a_numeral(path: Path) -> Path:
    """The same, but one BLOB is other bytes: every BLOB stays bytes."""
    amounts = [*AMOUNTS[:-1], b"\x00\x9f12"]
    return _write(
        path, "CREATE TABLE t (id INTEGER PRIMARY KEY, amount NUMERIC)", list(enumerate(amounts, 1))
    )


def declared_blob(path: Path) -> Path:
    """A column declared BLOB holding numerals' bytes: bytes, as declared."""
    return _write(path, "CREATE TABLE t (id INTEGER PRIMARY KEY, raw BLOB)", list(enumerate(AMOUNTS, 1)))


#: REAL, INTEGER and BLOB cells of one column; every number a double holds exactly.
MIXED: list[float | int | bytes | None] = [1.5, 7, b"2.25", b"-4.125", None, b"10", -0.5, 3, b"0.0625"]


def mixed_classes(path: Path) -> Path:
    """A DECIMAL column of REAL, INTEGER and BLOB numerals."""
    return _write(
        path, "CREATE TABLE t (id INTEGER PRIMARY KEY, amount DECIMAL(12,4))", list(enumerate(MIXED, 1))
    )


def with_text_numerals(path: Path) -> Path:
    """:func:`mixed_classes` with TEXT numerals too. NUMERIC affinity turns number text into numbers
    as it is written, and ``PRAGMA integrity_check`` calls such TEXT corruption ("TEXT value in
    t.amount"), so the run's preflight refuses the file: the rows are written before the column is
    declared DECIMAL (as an edit of the schema leaves them), and only profiled."""
    cells: list[float | int | str | bytes | None] = [*MIXED, "2.75", "-3"]
    _write(path, "CREATE TABLE t (id INTEGER PRIMARY KEY, amount)", list(enumerate(cells, 1)))
    con = sqlite3.connect(path)
    with con:
        con.execute("PRAGMA writable_schema = ON")
        con.execute(
            "UPDATE sqlite_master SET sql = 'CREATE TABLE t (id INTEGER PRIMARY KEY, amount DECIMAL(12,4))' "
            "WHERE name = 't'"
        )
    con.close()
    return path


def _profile_column(run_dir: Path, table: str, column: str) -> dict[str, Any]:
    profile = json.loads((run_dir / "profile.json").read_text())
    found = next(t for t in profile["tables"] if t["name"] == table)
    return next(c for c in found["columns"] if c["name"] == column)


def test_numeric_column_of_decimal_blobs_loads_the_numbers_they_spell(run_export: Runner) -> None:
    ran, run_dir = run_export(numeric_blobs)
    assert _classes(ran.db, "amount") == ["null" if a is None else "blob" for a in AMOUNTS]
    loaded_cleanly(ran, run_dir, {"t": len(AMOUNTS)})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.types("t")["amount"] == "numeric"
    # The target's numeric text, read as a Decimal: equal to the bytes' number, exactly.
    values = {n: None if v is None else Decimal(str(v)) for n, v in ran.values("t", "amount", "id").items()}
    expected = {n: None if a is None else Decimal(a.decode("ascii")) for n, a in enumerate(AMOUNTS, 1)}
    assert values == expected
    # Each BLOB cell is audited, nothing else.
    blobs = {str(n) for n, a in enumerate(AMOUNTS, 1) if a is not None}
    assert audit_rules(run_dir, "t", "amount") == {n: {"blob_numeral"} for n in blobs}
    column = _profile_column(run_dir, "t", "amount")
    assert column["blob_numerals"] == len(blobs)
    assert column["inferred_type"] == "numeric"
    assert [i["kind"] for i in column["issues"] if i["kind"] == "type_mismatch"] == []
    assert any(
        note.startswith(f"{len(blobs)} BLOB cells are the ASCII text of a number") for note in column["notes"]
    )


def test_one_blob_that_is_no_numeral_keeps_every_blob_bytes(run_export: Runner) -> None:
    ran, run_dir = run_export(one_blob_not_a_numeral)
    loaded_cleanly(ran, run_dir, {"t": len(AMOUNTS)})
    assert ran.types("t")["amount"] == "bytea"
    amounts = [*AMOUNTS[:-1], b"\x00\x9f12"]
    values = ran.values("t", "amount", "id")
    assert {n: None if v is None else bytes(v) for n, v in values.items()} == dict(enumerate(amounts, 1))
    assert audit_rules(run_dir, "t", "amount") == {}
    assert _profile_column(run_dir, "t", "amount")["blob_numerals"] == 0


def test_mixed_column_of_reals_integers_and_blob_numerals_is_numbers(run_export: Runner) -> None:
    ran, run_dir = run_export(mixed_classes)
    assert set(_classes(ran.db, "amount")) == {"real", "integer", "blob", "null"}
    loaded_cleanly(ran, run_dir, {"t": len(MIXED)})
    # Declared DECIMAL(12,4): its REAL cells are decimals as written (docs/profiling.md), so the
    # column is numeric at the declared scale, each value the decimal of its numeral or its double.
    assert ran.types("t")["amount"] == "numeric"
    expected: dict[int, Decimal | None] = {}
    for n, cell in enumerate(MIXED, 1):
        expected[n] = (
            None
            if cell is None
            else Decimal(cell.decode("ascii"))
            if isinstance(cell, bytes)
            else Decimal(repr(float(cell)))
        )
    values = ran.values("t", "amount", "id")  # numeric, as its text
    assert {n: None if v is None else Decimal(v) for n, v in values.items()} == expected
    assert all(v is None or len(v.partition(".")[2]) == 4 for v in values.values())
    blobs = {str(n) for n, cell in enumerate(MIXED, 1) if isinstance(cell, bytes)}
    assert {n for n, rules in audit_rules(run_dir, "t", "amount").items() if "blob_numeral" in rules} == blobs
    column = _profile_column(run_dir, "t", "amount")
    assert column["blob_numerals"] == len(blobs)
    assert [i for i in column["issues"] if i["kind"] in ("mixed_storage_classes",)] == []


def test_blob_declared_column_of_numerals_stays_bytes(run_export: Runner) -> None:
    ran, run_dir = run_export(declared_blob)
    loaded_cleanly(ran, run_dir, {"t": len(AMOUNTS)})
    assert ran.types("t")["raw"] == "bytea"
    values = ran.values("t", "raw", "id")
    assert {n: None if v is None else bytes(v) for n, v in values.items()} == dict(enumerate(AMOUNTS, 1))
    assert audit_rules(run_dir, "t", "raw") == {}


def test_text_numerals_beside_blob_numerals_are_such_text(tmp_path: Path) -> None:
    db = with_text_numerals(tmp_path / "text_numerals.db")
    assert set(_classes(db, "amount")) == {"real", "integer", "text", "blob", "null"}
    column = columnar_etl.profile(db).tables["t"].columns["amount"]
    assert column.blob_numerals == sum(isinstance(cell, bytes) for cell in MIXED)
    assert column.inferred_type == "numeric"  # declared DECIMAL(12,4), decimals of at most 4 digits
    assert column.issue_count("type_mismatch") == column.issue_count("mixed_storage_classes") == 0
    # One TEXT cell that is no numeral (a word) leaves the BLOBs bytes.
    con = sqlite3.connect(db)
    with con:
        con.execute("INSERT INTO t VALUES (99, 'n/a')")
    con.close()
    column = columnar_etl.profile(db).tables["t"].columns["amount"]
    assert (column.blob_numerals, column.inferred_type) == (0, "bytea")


#: Numerals that are codes by the rules for number text (leading zeros, a '+'): the column is text.
CODES: list[bytes | None] = [b"007", b"0171", b"12", None, b"+5"]


def numeric_blob_codes(path: Path) -> Path:
    """A NUMERIC column whose BLOBs are numerals of codes."""
    return _write(path, "CREATE TABLE t (id INTEGER PRIMARY KEY, code NUMERIC)", list(enumerate(CODES, 1)))


def test_blob_numerals_of_codes_arrive_as_their_text(run_export: Runner) -> None:
    # Codes in a column declared NUMERIC are a type_mismatch, as number text of codes is: in a table of
    # two columns, more than the circuit breaker lets through by default.
    ran, run_dir = run_export(numeric_blob_codes, COLUMNAR_ETL_HALT_TYPE_MISMATCH_SHARE="1")
    loaded_cleanly(ran, run_dir, {"t": len(CODES)})
    assert ran.types("t")["code"] == "text"
    expected = {n: None if c is None else c.decode("ascii") for n, c in enumerate(CODES, 1)}
    assert ran.values("t", "code", "id") == expected
    blobs = {str(n) for n, c in enumerate(CODES, 1) if c is not None}
    assert audit_rules(run_dir, "t", "code") == {n: {"blob_numeral"} for n in blobs}
    rows = pq.read_table(run_dir / "audit.parquet").to_pylist()
    assert {(r["row_key"], r["raw_value"], r["new_value"]) for r in rows if r["column"] == "code"} == {
        (n, expected[int(n)], expected[int(n)]) for n in blobs
    }
    assert _profile_column(run_dir, "t", "code")["blob_numerals"] == len(blobs)


def test_lossless_check_accepts_a_blob_read_as_a_number_only_where_audited() -> None:
    blob = Cell("blob", b"-12.50")
    audited = [("audit", "blob_numeral", "-12.50", "-12.50")]
    # Unaudited, only the very bytes are the cell.
    assert cell_violation(blob, b"-12.50", [], "cp1252") is None
    assert cell_violation(blob, Decimal("-12.5"), [], "cp1252") is not None
    # Audited: exactly the number its text spells, or that text.
    assert cell_violation(blob, Decimal("-12.50"), audited, "cp1252") is None
    assert cell_violation(blob, -12.5, audited, "cp1252") is None
    assert cell_violation(blob, "-12.50", audited, "cp1252") is None
    assert cell_violation(blob, Decimal("-12.51"), audited, "cp1252") is not None
    assert cell_violation(blob, "-12.5", audited, "cp1252") is not None
    # Audited, but no numeral: no rule reads such bytes.
    for raw in (b"1E-7", b" 5", b"", b"\xd9\xa3", b".5"):
        assert cell_violation(Cell("blob", raw), Decimal(1), audited, "cp1252") is not None, raw


def test_a_reference_found_in_the_data_compares_blob_numerals_as_the_numbers_they_spell(
    tmp_path: Path,
) -> None:
    # No reference is declared: the one found in the data is the target's (the cleaner loads the BLOBs
    # as the numbers they spell), so they name keys; a declared one's orphans are SQLite's, where a BLOB
    # names no INTEGER key (tests/test_references_as_sqlite.py). Every other child value is a BLOB.
    keys = list(range(1, 41))
    values: list[int | bytes] = [str(k).encode() if k % 2 else k for k in keys] + [b"41"]
    path = tmp_path / "found.db"
    con = sqlite3.connect(path)
    with con:
        con.execute("CREATE TABLE par (k INTEGER PRIMARY KEY, n TEXT)")
        con.execute("CREATE TABLE c (id INTEGER PRIMARY KEY, par_id INTEGER)")
        con.executemany("INSERT INTO par VALUES (?, 'x')", [(k,) for k in keys])
        con.executemany("INSERT INTO c (par_id) VALUES (?)", [(v,) for v in values])
    con.close()
    spelled = [int(v.decode()) if isinstance(v, bytes) else v for v in values]
    orphans = [n for n in spelled if n not in keys]
    assert orphans == [41]
    column = columnar_etl.profile(path).tables["c"].columns["par_id"]
    assert column.blob_numerals == sum(isinstance(v, bytes) for v in values)
    assert column.foreign_key == "par.k"
    (issue,) = [i for i in column.issues if i.kind == "orphan_reference"]
    assert (issue.count, issue.examples) == (len(orphans), tuple(str(n) for n in orphans))
