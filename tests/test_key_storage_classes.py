"""A key whose column holds more than one storage class: SQLite keeps the INTEGER 5, the TEXT '5' and
the BLOB x'35' apart (three keys, even under its own PRIMARY KEY or a STRICT table's), one target
column cannot. Such a key is counted as the target reads it (a plain index when values meet); a key
found in the data so counted gives way to the next unique column of one storage class. Expected figures come
from SQLite itself (``CAST(k AS TEXT)``: the text each cell becomes), never from the package.
"""

from __future__ import annotations

import sqlite3
import uuid
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from adbc_driver_postgresql.dbapi import connect

import columnar_etl
from columnar_etl.config import load_settings
from columnar_etl.pg.identifiers import quote_ident

from .conftest import SqliteFactory, pg_query, primary_key
from .lossless_check import check, check_run, summarize
from .test_lossless import GATES_OPEN, load_and_check

TABLES = {
    # No declared type: 5 and '5' are two keys to SQLite.
    "untyped": ("CREATE TABLE untyped (k PRIMARY KEY, v TEXT)", [
        (5, "int"), ("5", "text"), (6, "x"), (7, "y"), ("8", "z"),
    ]),
    # STRICT makes the key NOT NULL, so SQLite "enforces" it: still two keys 5 and '5' (and 1.5, '1.5').
    "strict": ("CREATE TABLE strict (k ANY PRIMARY KEY, v TEXT) STRICT", [
        (5, "int"), ("5", "text"), ("abc", "x"), (1.5, "real"), ("1.5", "real text"),
    ]),
    # WITHOUT ROWID: enforced too; a BLOB and the TEXT of its bytes.
    "norowid": ("CREATE TABLE norowid (k BLOB NOT NULL PRIMARY KEY, v TEXT) WITHOUT ROWID", [
        (b"ab", "blob"), ("ab", "text"), ("cd", "x"),
    ]),
    # Mixed classes that never meet: still a primary key.
    "apart": ("CREATE TABLE apart (k ANY PRIMARY KEY, v TEXT) STRICT", [
        (5, "a"), ("6", "b"), ("x", "c"), (7.5, "d"),
    ]),
}  # fmt: skip


#: Not declared: unique to SQLite and to the profile's distinct count, not once typed.
FOUND = ("CREATE TABLE found (k, code TEXT)", [(5, "a"), ("5", "b"), (6, "c"), (7, "d"), ("8", "e")])


def _meeting(path: Path, table: str) -> int:
    """Rows whose key another row's meets once read as text: rows - distinct texts (SQLite's CAST)."""
    con = sqlite3.connect(path)
    try:
        rows, texts = con.execute(f"SELECT count(*), count(DISTINCT CAST(k AS TEXT)) FROM {table}").fetchone()
        return int(rows - texts)
    finally:
        con.close()


def test_a_key_of_several_storage_classes_is_counted_as_the_target_reads_it(
    make_sqlite: SqliteFactory,
) -> None:
    path = make_sqlite({**TABLES, "found": FOUND}, name="classes.db")
    profile = columnar_etl.profile(path, settings=load_settings(**GATES_OPEN))
    for table in TABLES:
        found = profile[table]
        assert found.key == ["k"], table
        assert found.duplicate_keys == _meeting(path, table), table
    assert [profile[t].duplicate_keys for t in TABLES] == [1, 2, 1, 0]
    assert "one target column cannot" in next(i.detail for i in profile["strict"].issues)
    assert profile["apart"].primary_key_blocker() is None
    # The undeclared column unique to SQLite (5 and '5') is no key once counted: 'code' (one class) is.
    assert profile["found"].key == ["code"] and profile["found"].key_found == "data_unique"


def test_a_run_keeps_every_row_of_a_key_of_several_storage_classes(
    pg_uri: str, tmp_path: Path, make_sqlite: SqliteFactory
) -> None:
    path = make_sqlite({**TABLES, "found": FOUND}, name="classes.db")
    loaded = load_and_check(path, pg_uri, tmp_path, **GATES_OPEN)
    assert loaded.violations == [], summarize(loaded.violations)
    schema = loaded.result.record.version_schema
    for table in TABLES:
        rows = pg_query(pg_uri, f"SELECT count(*) FROM {quote_ident(loaded.base)}.{quote_ident(table)}")
        assert rows == [(len(TABLES[table][1]),)], table
        expected = ["k"] if _meeting(path, table) == 0 else []
        assert primary_key(pg_uri, schema, table) == expected, table
    assert primary_key(pg_uri, schema, "found") == ["code"]
    warnings = loaded.result.record.warnings
    # Decided from the profile, not found out by PostgreSQL refusing the key.
    assert not any("refused" in line for line in warnings), warnings
    plain = {line.split(":")[0]: line for line in warnings if "plain index" in line}
    assert set(plain) == {"untyped", "strict", "norowid"}
    assert all("k: values of several storage classes" in line for line in plain.values()), plain


#: A key with no type holding REAL cells beside the TEXT a text column of the target writes of them:
#: ``0.1`` (the read's 17 digits are ``0.10000000000000001``), ``inf`` (SQLite's text is ``Inf``),
#: ``0.00001`` (``1.0e-05`` to SQLite), ``-0.0`` (``0.0`` to SQLite). Beside them, the same shapes in a
#: column found unique in the data, and rows equal as text but not copies (5 and '5', one ``v``).
REALS = {
    "reals": (
        "CREATE TABLE reals (k PRIMARY KEY, v TEXT)",
        [
            (0.1, "a"),
            ("0.1", "b"),
            (float("inf"), "c"),
            ("inf", "d"),
            (1e-05, "e"),
            ("0.00001", "f"),
            (-0.0, "g"),
            ("-0.0", "h"),
            ("x", "i"),
        ],
    ),
    "found_reals": (
        "CREATE TABLE found_reals (k, code TEXT)",
        [(0.1, "a"), ("0.1", "b"), (float("inf"), "c")],
    ),
    "copied": ("CREATE TABLE copied (k, v TEXT)", [(5, "w"), ("5", "w"), (6, "x"), ("y", "z")]),
    "copied_declared": (
        "CREATE TABLE copied_declared (k PRIMARY KEY, v TEXT)",
        [(5, "w"), ("5", "w"), (0.1, "x"), ("0.1", "x"), ("y", "z")],
    ),
}


def test_reals_in_a_key_are_counted_as_the_text_the_target_writes_of_them(
    pg_uri: str, tmp_path: Path, make_sqlite: SqliteFactory
) -> None:
    # Until 2026-12-05 a REAL cell of a key was counted by the read's text (17 digits, SQLite's `Inf`,
    # `0.0` for -0.0), not the target's (`0.1`, `inf`, `-0.0`): the declared key was tried as a
    # primary key and PostgreSQL refused it (exit 2 "refused"); a column unique only to SQLite was
    # taken as the data's key, refused too; and rows equal as text but kept by the cleaner (5 and '5':
    # no exact copies) left a found key in place, and were counted as copies under a declared key,
    # which PostgreSQL then refused.
    path = make_sqlite(REALS, name="reals.db")
    loaded = load_and_check(path, pg_uri, tmp_path, **GATES_OPEN)
    assert loaded.violations == [], summarize(loaded.violations)
    profile = loaded.result.profile
    assert (profile["reals"].key, profile["reals"].duplicate_keys) == (["k"], 4)
    assert (profile["found_reals"].key, profile["found_reals"].key_found) == (["code"], "data_unique")
    assert profile["copied"].key == []
    declared = profile["copied_declared"]
    assert (declared.key, declared.duplicate_keys, declared.duplicate_rows) == (["k"], 2, 0)
    schema = loaded.result.record.version_schema
    assert primary_key(pg_uri, schema, "reals") == []
    assert primary_key(pg_uri, schema, "found_reals") == ["code"]
    assert primary_key(pg_uri, schema, "copied") == []
    warnings = loaded.result.record.warnings
    assert not any("refused" in line for line in warnings), warnings
    plain = [line for line in warnings if "plain index" in line]
    assert [line.split(":")[0] for line in plain] == ["reals", "copied_declared"], warnings
    assert all("k: values of several storage classes" in line for line in plain), plain
    relation = f"{quote_ident(loaded.base)}.reals"
    assert sorted(pg_query(pg_uri, f"SELECT v, k FROM {relation}")) == [
        ("a", "0.1"),
        ("b", "0.1"),
        ("c", "inf"),
        ("d", "inf"),
        ("e", "0.00001"),
        ("f", "0.00001"),
        ("g", "-0.0"),
        ("h", "-0.0"),
        ("i", "x"),
    ]


def test_checker_pairs_a_target_value_two_source_keys_share_by_their_cells(
    pg_uri: str, tmp_path: Path
) -> None:
    """Source keys 5 and '5' both arrive as the text '5' (under a plain index): each row is paired
    with the target row whose other cells are its own, whichever comes first; a swapped value is
    still reported."""
    path = tmp_path / "two.db"
    con = sqlite3.connect(path)
    with con:
        con.execute("CREATE TABLE t (k PRIMARY KEY, v TEXT)")
        con.executemany("INSERT INTO t VALUES (?, ?)", [(5, "int"), ("5", "text"), ("6", "six")])
    con.close()
    base = f"two_{uuid.uuid4().hex[:8]}"
    conn = connect(pg_uri, autocommit=True)
    cursor = conn.cursor()
    cursor.execute(f"CREATE SCHEMA {quote_ident(base)}")
    # The TEXT '5' row's target first: the INTEGER 5 row's source key does not meet a text target.
    target = pa.table({"k": ["5", "5", "6"], "v": ["text", "int", "six"]})
    cursor.adbc_ingest("t", target, mode="create", db_schema_name=base)
    cursor.close()
    conn.close()
    audit = tmp_path / "audit.parquet"
    names = ["table", "row_key", "column", "raw_value", "new_value", "rule"]
    pq.write_table(pa.table({c: pa.array([], pa.string()) for c in names}), audit)
    assert check(path, pg_uri, base, audit=audit) == [], summarize(check(path, pg_uri, base, audit=audit))
    pg_query(pg_uri, f"UPDATE {quote_ident(base)}.t SET v = 'INT' WHERE v = 'int'")
    broken = check(path, pg_uri, base, audit=audit)
    assert [(v.table, v.column, v.target) for v in broken] == [("t", "v", "'INT'")], summarize(broken)


def test_checker_pairs_a_keyless_table_on_the_key_the_run_found(
    pg_uri: str, tmp_path: Path, make_sqlite: SqliteFactory
) -> None:
    """No declared key, every row with a converted cell (a date) and no INTEGER/REAL/BLOB cell to pair
    on, past the checker's 4M pairs: rows are paired on the key the run found in the data (before,
    all 2,100 were "missing" and 2,100 "not in the source")."""
    rows = [(f"{i:05d}", f"{2000 + i % 20}/0{1 + i % 9}/1{i % 10}", f"note {i % 13}") for i in range(2100)]
    path = make_sqlite({"t": ("CREATE TABLE t (code TEXT, day TEXT, note TEXT)", rows)}, name="found.db")
    loaded = load_and_check(path, pg_uri, tmp_path, **GATES_OPEN)
    assert loaded.result.profile["t"].key == ["code"]
    assert loaded.data_type("t", "day") == "date"
    assert loaded.violations == [], summarize(loaded.violations)
    version = quote_ident(loaded.result.record.version_schema)
    pg_query(pg_uri, f"UPDATE {version}.t SET note = 'changed' WHERE code = '01234'")
    again = check_run(loaded.result, path, pg_uri, loaded.base)
    # Named by its position (1,235th): 1234 % 13 = 12.
    expected = [("1235", "note", "text b'note 12'", "'changed'")]
    assert [(v.key, v.column, v.source, v.target) for v in again] == expected, summarize(again)


def test_checker_pairs_a_large_keyless_table_row_by_row_in_load_order(
    pg_uri: str, tmp_path: Path, make_sqlite: SqliteFactory
) -> None:
    """No key at all (every column repeats), a converted cell in every row, no INTEGER/REAL/BLOB cell,
    past 4M pairs: each row is tried against the target row in its place (before, all 2,100 rows were
    "missing" and 2,100 "not in the source"); a changed cell still unpairs its row."""
    rows = [(f"{2000 + i % 20}/0{1 + i % 9}/1{i % 10}", f" note {i % 13}", f"x{i % 50}") for i in range(2100)]
    path = make_sqlite({"t": ("CREATE TABLE t (day TEXT, note TEXT, code TEXT)", rows)}, name="keyless.db")
    loaded = load_and_check(path, pg_uri, tmp_path, **GATES_OPEN)
    assert loaded.result.profile["t"].key == []
    assert loaded.data_type("t", "day") == "date"
    assert loaded.violations == [], summarize(loaded.violations)
    version = quote_ident(loaded.result.record.version_schema)
    pg_query(pg_uri, f"UPDATE {version}.t SET code = 'changed' WHERE day = '2007-08-17' AND note = 'note 8'")
    again = check_run(loaded.result, path, pg_uri, loaded.base)
    i = next(i for i, row in enumerate(rows) if row[:2] == ("2007/08/17", " note 8"))  # the one such row
    assert sorted((v.reason, v.key or "", "'changed'" in v.target) for v in again) == [
        ("row missing", str(i + 1), False),
        ("row not in the source", "", True),
    ], summarize(again)
