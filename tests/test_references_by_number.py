"""A declared reference whose child is text and whose parent key holds numbers (helper h83's hunt).

SQLite's foreign key check applies the parent key's affinity to the child's value before comparing:
text ``'007'`` in a TEXT (or untyped) column refers to the INTEGER key 7, and ``PRAGMA
foreign_key_check`` finds no orphan. Until 2026-12-03 the profile compared the two as text and
called every such row an orphan, and made the parent key text "to match" its child, where ``'007'``
still equalled no key: the dashboard's join found nothing, silently.

Expected orphans are SQLite's own (``PRAGMA foreign_key_check``), expected joins SQLite's own (its
``=`` applies the same affinity); the target is read back from PostgreSQL and every cell checked by
tests/lossless_check.py.
"""

from __future__ import annotations

import sqlite3
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from columnar_etl import profile
from columnar_etl.config import load_settings
from columnar_etl.pipeline.steps import hide_masked_values

from .conftest import SqliteFactory, pg_query
from .lossless_check import summarize
from .test_lossless import GATES_OPEN, load_and_check, source_values

DEPARTMENTS = 6
#: Child codes as a help desk's CSV import writes them: zero-padded, signed, with a zero fraction.
PADDED = ["001", "002", "+3", "004", "5.0", "006", " 02", "003"]


def _departments(path: Path, child_ddl: str, codes: list[str | int | None]) -> Path:
    con = sqlite3.connect(path)
    with con:
        con.execute("CREATE TABLE dept (id INTEGER PRIMARY KEY, name TEXT)")
        con.execute(child_ddl)
        con.executemany("INSERT INTO dept VALUES (?, ?)", [(i, f"D{i}") for i in range(1, DEPARTMENTS + 1)])
        con.executemany("INSERT INTO emp VALUES (?, ?)", list(enumerate(codes, start=1)))
    con.close()
    return path


def _sqlite_orphans(path: Path) -> int:
    con = sqlite3.connect(path)
    try:
        return len(con.execute("PRAGMA foreign_key_check(emp)").fetchall())
    finally:
        con.close()


def _sqlite_join(path: Path) -> set[tuple[int, int]]:
    rows = source_values(path, "SELECT emp.id, dept.id FROM emp JOIN dept ON emp.dept = dept.id")
    return {(int(a), int(b)) for a, b in rows}


def test_text_naming_an_integer_key_by_number_is_no_orphan(make_sqlite: SqliteFactory) -> None:
    # Beside them, values SQLite reads as no integer: real orphans, as SQLite's check says.
    codes: list[str | int | None] = [*PADDED, "9", "0x1", "1_0", ".5", "abc", "1.5", "1e400", None]
    for ddl in (
        "CREATE TABLE emp (id INTEGER PRIMARY KEY, dept TEXT REFERENCES dept (id))",
        "CREATE TABLE emp (id INTEGER PRIMARY KEY, dept REFERENCES dept (id))",
    ):
        path = _departments(make_sqlite({}, name=f"padded_{len(ddl)}.db"), ddl, codes)
        expected = _sqlite_orphans(path)
        assert expected == 7  # 9, 0x1, 1_0, .5, abc, 1.5, 1e400
        column = profile(path)["emp"]["dept"]
        assert column.inferred_type == "text", column.type_reason  # codes kept as written
        assert column.issue_count("orphan_reference") == expected, column.issues
        assert column.joined_by_number is not None
        assert "8 values such as" in column.joined_by_number
        assert "dept.id" in column.joined_by_number and "::numeric" in column.joined_by_number


def test_padded_codes_stay_text_the_key_bigint_and_the_run_says_the_join_needs_a_cast(
    make_sqlite: SqliteFactory, pg_uri: str, tmp_path: Path
) -> None:
    ddl = "CREATE TABLE emp (id INTEGER PRIMARY KEY, dept TEXT REFERENCES dept (id))"
    path = _departments(make_sqlite({}, name="padded.db"), ddl, [*PADDED, None])
    assert _sqlite_orphans(path) == 0
    joined = _sqlite_join(path)
    assert len(joined) == len(PADDED)
    loaded = load_and_check(path, pg_uri, tmp_path, **GATES_OPEN)
    assert loaded.violations == [], summarize(loaded.violations)
    # The key keeps its type (was: text, "like its child", where '001' still equalled no '1').
    assert (loaded.data_type("dept", "id"), loaded.data_type("emp", "dept")) == ("bigint", "text")
    # Every code as written (trimmed by its rule: ' 02' -> '02', audited).
    assert loaded.values("emp", "dept", "id") == {
        i: c and c.strip() for i, c in enumerate([*PADDED, None], 1)
    }
    trims = {(r["row_key"], r["rule"]) for r in loaded.log("audit") if r["column"] == "dept"}
    assert trims == {("7", "trim")}, trims
    warnings = [w for w in loaded.result.record.warnings if w.startswith("emp.dept: ")]
    assert len(warnings) == 1, loaded.result.record.warnings
    assert "refer to dept.id by number" in warnings[0] and "'001'" in warnings[0]
    assert loaded.result.exit_code == 2
    profiled = loaded.result.profile["emp"]["dept"]
    assert profiled.issue_count("orphan_reference") == 0
    # The cast the warning gives joins what SQLite joins.
    base = loaded.base
    cast = f"SELECT emp.id, dept.id FROM {base}.emp JOIN {base}.dept ON emp.dept::numeric = dept.id"
    assert "emp.dept::numeric = dept.id" in warnings[0].replace('"', "")
    assert set(pg_query(pg_uri, cast)) == joined


def test_the_type_the_warning_names_loads_the_codes_as_numbers_audited(
    make_sqlite: SqliteFactory, pg_uri: str, tmp_path: Path
) -> None:
    ddl = "CREATE TABLE emp (id INTEGER PRIMARY KEY, dept TEXT REFERENCES dept (id))"
    path = _departments(make_sqlite({}, name="typed.db"), ddl, [*PADDED, None])
    joined = _sqlite_join(path)
    named = profile(path).joins_by_number
    assert len(named) == 1 and 'type = "numeric"' in named[0], named  # '5.0' is no bigint's text
    loaded = load_and_check(
        path, pg_uri, tmp_path, columns={"emp": {"dept": {"type": "numeric"}}}, **GATES_OPEN
    )
    assert loaded.violations == [], summarize(loaded.violations)
    assert loaded.log("quarantine") == []
    assert (loaded.data_type("dept", "id"), loaded.data_type("emp", "dept")) == ("bigint", "numeric")
    # Each a number of its value (the checker found each change audited).
    numbers = {i: v and Decimal(v) for i, v in loaded.values("emp", "dept", "id").items()}
    assert numbers == {i: c and Decimal(c) for i, c in enumerate([*PADDED, None], 1)}
    rows = pg_query(
        pg_uri, f"SELECT emp.id, dept.id FROM {loaded.base}.emp JOIN {loaded.base}.dept ON emp.dept = dept.id"
    )
    assert set(rows) == joined


def test_canonical_integer_text_is_typed_like_its_key_and_joins(
    make_sqlite: SqliteFactory, pg_uri: str, tmp_path: Path
) -> None:
    # Text '2' reads back from bigint as '2': the column is bigint like its key, no value changed.
    # Beside it, a child of padded codes of the same key no longer makes the key text.
    codes: list[str | int | None] = [str(1 + i % DEPARTMENTS) for i in range(12)] + [None]
    path = _departments(
        make_sqlite({}, name="canonical.db"),
        "CREATE TABLE emp (id INTEGER PRIMARY KEY, dept TEXT REFERENCES dept (id))",
        codes,
    )
    con = sqlite3.connect(path)
    with con:
        con.execute("CREATE TABLE visit (id INTEGER PRIMARY KEY, dept REFERENCES dept (id))")
        con.executemany("INSERT INTO visit VALUES (?, ?)", list(enumerate(PADDED, start=1)))
    assert {kind for (kind,) in con.execute("SELECT DISTINCT typeof(dept) FROM emp")} == {"text", "null"}
    con.close()
    assert _sqlite_orphans(path) == 0
    joined = _sqlite_join(path)
    loaded = load_and_check(path, pg_uri, tmp_path, **GATES_OPEN)
    assert loaded.violations == [], summarize(loaded.violations)
    types = {(t, c): loaded.data_type(t, c) for t, c in [("dept", "id"), ("emp", "dept"), ("visit", "dept")]}
    assert types == {("dept", "id"): "bigint", ("emp", "dept"): "bigint", ("visit", "dept"): "text"}
    assert loaded.values("emp", "dept", "id") == {i: c and int(c) for i, c in enumerate(codes, 1)}
    assert [r for r in loaded.log("audit") if r["table"] == "emp"] == []
    rows = pg_query(
        pg_uri, f"SELECT emp.id, dept.id FROM {loaded.base}.emp JOIN {loaded.base}.dept ON emp.dept = dept.id"
    )
    assert set(rows) == joined
    assert not any(w.startswith("emp.dept") for w in loaded.result.record.warnings)
    assert any(w.startswith("visit.dept: ") for w in loaded.result.record.warnings)


def test_a_masked_columns_codes_are_not_in_the_warning(make_sqlite: SqliteFactory) -> None:
    ddl = "CREATE TABLE emp (id INTEGER PRIMARY KEY, dept TEXT REFERENCES dept (id))"
    path = _departments(make_sqlite({}, name="masked.db"), ddl, ["0071", "0072", "0071"])
    con = sqlite3.connect(path)
    with con:
        con.executemany("INSERT INTO dept VALUES (?, ?)", [(71, "x"), (72, "y")])
    con.close()
    settings = load_settings(columns={"emp": {"dept": {"mask": "hash"}}}, mask_salt="s" * 32)
    profiled = profile(path)
    assert any("0071" in line for line in profiled.joins_by_number)
    hide_masked_values(profiled, settings)
    assert profiled.joins_by_number and not any("0071" in line for line in profiled.joins_by_number)


def _hinted_join(warning: str, uri: str, base: str, child: str, parent: str) -> set[tuple[int, int]]:
    """The rows the warning's cast joins in the target, over the child's rows that read as numbers (the
    cast holds "where every value is a number")."""
    cast = warning.split("A join needs a cast (", 1)[1].split(", where every value is a number)", 1)[0]
    rows = pg_query(
        uri,
        f"WITH n AS MATERIALIZED (SELECT * FROM {base}.{child} "
        f"WHERE {child}.p ~ '^\\s*[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?\\s*$') "
        f"SELECT {child}.id, {parent}.rowid_ FROM n AS {child} JOIN {base}.{parent} ON {cast}",
    )
    return {(int(a), int(b)) for a, b in rows}


@pytest.mark.parametrize(
    ("key_ddl", "keys", "values"),
    [
        # SQLite reads '9007199254740993.0' as the double 2^53, equal to the integer 9007199254740992; a
        # numeric reads 9007199254740993. '1234567890123450000.0' is no double's value either (the
        # double is 1234567890123450112), nor '7.0000000000000001' (the double 7).
        (
            "k INTEGER",
            [7, 9007199254740992, 9007199254740993, 1234567890123450000, 1234567890123450112],
            ["007", "9007199254740993.0", "1234567890123450000.0", "7.0000000000000001", "x"],
        ),
        # A REAL key: SQLite keeps the integer text '9007199254740995' exact (no key 9007199254740996.0),
        # reads '2.50' as 2.5; a double precision cast would make the first 9007199254740996.
        (
            "k REAL",
            [9007199254740996.0, 2.5, 0.30000000000000004],
            ["9007199254740995", "9007199254740996", "2.50", "0.3", "0.300000000000000040", "x"],
        ),
    ],
    ids=["integer key", "real key"],
)
def test_the_cast_the_warning_gives_joins_what_sqlite_joins_past_2_53(
    make_sqlite: SqliteFactory, pg_uri: str, tmp_path: Path, key_ddl: str, keys: list[Any], values: list[str]
) -> None:
    # Until 2026-12-03 the warning's cast read each side as numeric (a REAL key's too, with 15 digits):
    # past 2^53, or past 15 significant digits, it joined otherwise than SQLite.
    path = make_sqlite({}, name="past.db")
    con = sqlite3.connect(path)
    with con:
        con.execute(f"CREATE TABLE par (rowid_ INTEGER, {key_ddl} UNIQUE, n TEXT)")
        con.execute("CREATE TABLE c (id INTEGER PRIMARY KEY, p TEXT REFERENCES par (k))")
        con.executemany("INSERT INTO par VALUES (?, ?, 'n')", list(enumerate(keys, start=1)))
        con.executemany("INSERT INTO c VALUES (?, ?)", list(enumerate(values, start=1)))
    joined = {
        (int(a), int(b)) for a, b in con.execute("SELECT c.id, par.rowid_ FROM c JOIN par ON c.p = par.k")
    }
    con.close()
    loaded = load_and_check(path, pg_uri, tmp_path, **GATES_OPEN)
    assert loaded.violations == [], summarize(loaded.violations)
    assert loaded.data_type("c", "p") == "text"
    (warning,) = [w for w in loaded.result.record.warnings if w.startswith("c.p: ") and "by number" in w]
    assert _hinted_join(warning, pg_uri, loaded.base, "c", "par") == joined
