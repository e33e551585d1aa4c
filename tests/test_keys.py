"""Keys from the schema, then from the data; duplicate rows and keys counted by one aggregate per table.

Expected figures come from SQLite itself (GROUP BY queries on the file), never from the code under test.
"""

from __future__ import annotations

import base64
import hashlib
import json
import math
import os
import re
import sqlite3
import subprocess
import sys
import uuid
from pathlib import Path

import duckdb
import pytest

import columnar_etl
from columnar_etl.config import load_settings
from columnar_etl.profiling import duplicate_count
from columnar_etl.profiling.data_keys import KEY_LIKE_BYTES, TEXT_KEY_BYTES
from columnar_etl.profiling.declared_keys import declared_keys
from columnar_etl.profiling.duplicate_count import (
    duplicate_sql,
    indexed_without_nulls,
    narrowing_column,
    narrowing_filter,
)
from columnar_etl.profiling.profile import profile, profile_table
from columnar_etl.profiling.reference_rows import kept_values
from columnar_etl.source.cells import ROW_DIGEST_BYTES
from columnar_etl.source.export import open_source
from tests.conftest import SqliteFactory, pg_query, primary_key, run_settings


def _sqlite(path: Path, sql: str) -> int:
    con = sqlite3.connect(path)
    try:
        (value,) = con.execute(sql).fetchone()
        return int(value or 0)
    finally:
        con.close()


def test_declared_primary_key_unique_and_data_key_in_order(make_sqlite: SqliteFactory) -> None:
    path = make_sqlite(
        {
            "composite": (
                "CREATE TABLE composite (x text, y integer, z text, PRIMARY KEY (y, x))",
                [("a", 1, "p"), ("b", 1, "p")],
            ),
            "rowid_alias": ("CREATE TABLE rowid_alias (n integer PRIMARY KEY, v text)", [(1, "a")]),
            "unique": (
                'CREATE TABLE "unique" (label text, code integer, other integer, UNIQUE (other), '
                "UNIQUE (code, label))",
                [("a", 1, 10), ("b", 2, 20)],
            ),
            "indexed": ("CREATE TABLE indexed (a text, b text)", [("x", "1"), ("y", "2")]),
            # Named nothing like a key: the first text column is not unique, the integer is, a counter
            # numbering the rows (on a few rows, a key only so since 2026-12-06).
            "data": (
                'CREATE TABLE data (note text, "TKT-Request #" integer, amount integer)',
                [("same" if n % 3 else "other", n, 1 + n % 2) for n in (7, 3, 1, 6, 2, 4, 5)],
            ),
            "text_only": ("CREATE TABLE text_only (a text, b text)", [("k1", "p"), ("k2", "q")]),
            "none": ("CREATE TABLE none (a integer, b text)", [(1, "x"), (2, "x"), (2, "z")]),
        }
    )
    con = sqlite3.connect(path)
    con.execute("CREATE UNIQUE INDEX by_b ON indexed (b)")
    con.commit()
    con.close()
    tables = profile(path).tables
    found = {name: (table.key, table.key_found) for name, table in tables.items()}
    assert found == {
        "composite": (["y", "x"], "declared_primary_key"),
        "rowid_alias": (["n"], "declared_primary_key"),
        "unique": (["other"], "declared_unique"),
        "indexed": (["b"], "declared_unique"),
        "data": (["TKT-Request #"], "data_unique"),
        "text_only": ([], None),  # k1, k2: two values distinct by chance as likely (since 2026-12-06)
        "none": ([], None),
    }
    as_json = tables["data"].to_dict()
    assert as_json["key"] == ["TKT-Request #"] and as_json["key_found"] == "data_unique"


def test_duplicate_rows_and_null_keys_match_sqlite(make_sqlite: SqliteFactory) -> None:
    # INT PRIMARY KEY is not a rowid alias: SQLite accepts NULLs in it, and exact copies of them.
    rows = [(1, "a"), (None, "b"), (None, "b"), (None, "b"), (2, "c"), (None, "d"), (3, "e")]
    plain = [("x", 1), ("x", 1), ("x", 1), ("y", 1), ("z", 2), ("z", 2)]
    path = make_sqlite(
        {
            "t": ("CREATE TABLE t (id INT PRIMARY KEY, x text)", rows),
            "plain": ("CREATE TABLE plain (a text, b integer)", plain),
        }
    )
    tables = profile(path).tables
    for name in ("t", "plain"):
        expected = _sqlite(
            path, f"SELECT count(*) - (SELECT count(*) FROM (SELECT DISTINCT * FROM {name})) FROM {name}"
        )
        assert tables[name].duplicate_rows == expected
    t = tables["t"]
    assert t.key == ["id"] and t.null_keys == _sqlite(path, "SELECT count(*) FROM t WHERE id IS NULL")
    assert t.duplicate_keys == 0
    assert [issue.kind for issue in t.issues] == ["duplicate_row", "null_key"]
    assert t.issues[0].examples == ("NULL",)
    assert t.primary_key_blocker("remove") == "4 rows have NULL in the key (id)"
    # Once its exact copies are gone, "a" holds x, y, z once each: no key all the same, three values
    # distinct by chance as likely (the key until 2026-12-06).
    plain_key = (tables["plain"].key, tables["plain"].key_found)
    assert plain_key == ([], None) and tables["plain"].issues[0].examples == ("x", "z")
    as_json = t.to_dict()
    assert as_json["duplicate_rows"] == 2 and as_json["null_keys"] == 4
    assert [issue["kind"] for issue in as_json["issues"]] == ["duplicate_row", "null_key"]


def test_integer_primary_key_desc_is_no_rowid_alias_and_its_nulls_are_counted(
    make_sqlite: SqliteFactory,
) -> None:
    # SQLite's documented quirk: "INTEGER PRIMARY KEY DESC" is no rowid alias (NULLs stay NULL), while
    # a table constraint PRIMARY KEY (id DESC) on an INTEGER column is one.
    rows = [(1, "a"), (None, "b"), (None, "c"), (10, "d")]
    path = make_sqlite(
        {
            "quirk": ("CREATE TABLE quirk (id INTEGER PRIMARY KEY DESC, x text)", rows),
            "alias": ("CREATE TABLE alias (id INTEGER, x text, PRIMARY KEY (id DESC))", rows),
        }
    )
    declared = declared_keys(path, ["quirk", "alias"])
    assert (declared["quirk"].rowid_alias, declared["quirk"].enforced) == (False, False)
    assert (declared["alias"].rowid_alias, declared["alias"].enforced) == (True, True)
    tables = profile(path).tables
    for name in ("quirk", "alias"):
        nulls = _sqlite(path, f"SELECT count(*) FROM {name} WHERE id IS NULL")
        assert tables[name].null_keys == nulls, name
    assert tables["quirk"].null_keys == 2 and tables["alias"].null_keys == 0


def test_duplicate_sql_separates_copies_from_rows_sharing_a_key() -> None:
    # Key 1: two exact copies and one different row; key 2: a single row; key NULL: two rows.
    con = duckdb.connect()
    con.execute("CREATE TABLE r (k integer, v varchar, w varchar)")
    con.execute(
        "INSERT INTO r VALUES (1, 'a', 'x'), (1, 'a', 'x'), (1, 'b', 'x'), (2, 'a', 'x'), "
        "(NULL, 'a', 'x'), (NULL, 'c', 'x'), (3, NULL, 'x'), (3, NULL, 'x'), (3, NULL, 'y')"
    )
    # Independently: copies = rows - distinct rows; shared = distinct rows - distinct non-null keys.
    ((total, distinct_rows, distinct_keyed, keys_seen, null_rows),) = con.execute(
        "SELECT (SELECT count(*) FROM r), (SELECT count(*) FROM (SELECT DISTINCT * FROM r)), "
        "(SELECT count(*) FROM (SELECT DISTINCT * FROM r WHERE k IS NOT NULL)), "
        "(SELECT count(DISTINCT k) FROM r), (SELECT count(*) FROM r WHERE k IS NULL)"
    ).fetchall()
    for digest in (True, False):
        sql = duplicate_sql("r", ["k", "v", "w"], ["k"], digest=digest)
        rows, keys, nulls, ex_rows, ex_keys = con.execute(sql).fetchone()
        assert rows == total - distinct_rows == 2
        assert keys == distinct_keyed - keys_seen == 2
        assert nulls == null_rows == 2
        assert ex_rows == [["1"], ["3"]] and ex_keys == [["1"], ["3"]]


def test_copies_are_compared_as_decoded_text(make_sqlite: SqliteFactory) -> None:
    # 'café' as UTF-8 and as a cp1252 byte (not UTF-8) are the same text once decoded, so those rows
    # are copies: a column with such cells is decoded before rows are compared (clean columns are not).
    path = make_sqlite({"t": ("CREATE TABLE t (n text, v real, w text)", [])})
    con = sqlite3.connect(path)
    with con:
        con.execute("INSERT INTO t VALUES ('café', 0.1, 'x'), (CAST(x'636166e9' AS TEXT), 0.1, 'x')")
        con.execute("INSERT INTO t VALUES ('tea', 0.1, 'y'), ('tea', 0.1, 'y')")
        # Equal to 15 digits, not to 17: not copies.
        con.execute("INSERT INTO t VALUES ('tea', 0.30000000000000004, 'z'), ('tea', 0.3, 'z')")
    con.close()
    assert _sqlite(path, "SELECT count(*) FROM t WHERE typeof(v) = 'real'") == 6
    table = profile(path).tables["t"]
    assert table["n"].issue_count("invalid_encoding") == 1
    # By construction: the two 'café' rows are one, the two 0.1 rows are one; 0.3 is not 0.1 + 0.2.
    assert table.duplicate_rows == 2
    assert table.issues[0].examples == ("café", "tea")


def test_rows_are_copies_only_when_every_value_is_equal() -> None:
    # Rows are grouped by a digest of their values: values that run together the same way ('ab' + 'c',
    # 'a' + 'bc'), NULL beside the text 'N' or '', a length that looks like a prefix: none are copies.
    con = duckdb.connect()
    con.execute("CREATE TABLE r (a varchar, b varchar)")
    con.execute(
        "INSERT INTO r VALUES ('ab', 'c'), ('a', 'bc'), (NULL, 'x'), ('N', 'x'), ('', 'x'), "
        "('1:a', 'b'), ('1', 'a1:b'), ('2:ab', NULL), ('2:ab', 'N'), ('ab', 'c')"
    )
    ((distinct,),) = con.execute("SELECT count(*) FROM (SELECT DISTINCT * FROM r)").fetchall()
    for digest in (True, False):
        sql = duplicate_sql("r", ["a", "b"], [], digest=digest)
        rows, keys, nulls, ex_rows, _ = con.execute(sql).fetchone()
        assert rows == 10 - distinct == 1 and ex_rows == [["ab"]]
        assert keys == nulls == 0


def test_wide_rows_are_counted_by_digest_as_narrow_ones_by_value(make_sqlite: SqliteFactory) -> None:
    # Rows wider than ROW_DIGEST_BYTES go through the digest grouping: same counts as SQLite's own.
    body = "x" * (ROW_DIGEST_BYTES + 50)
    rows = [(i % 7, body + str(i % 5), None if i % 3 else 1.5) for i in range(40)]
    path = make_sqlite({"wide": ("CREATE TABLE wide (a int, b text, c real)", rows)})
    table = profile(path).tables["wide"]
    assert sum(c.bytes for c in table) / table.row_count > ROW_DIGEST_BYTES
    expected = _sqlite(
        path, "SELECT count(*) - (SELECT count(*) FROM (SELECT DISTINCT * FROM wide)) FROM wide"
    )
    assert table.duplicate_rows == expected > 0


def test_a_sample_keeps_the_declared_key_and_counts_nothing(make_sqlite: SqliteFactory) -> None:
    path = make_sqlite(
        {"t": ("CREATE TABLE t (id integer PRIMARY KEY, v text)", [(i, "x") for i in range(1, 50)])}
    )
    table = profile(path, sample=10).tables["t"]
    assert table.key == ["id"] and table.duplicate_rows is None and table.issues == []


def test_the_report_shows_each_key_and_its_duplicates(make_sqlite: SqliteFactory, tmp_path: Path) -> None:
    from columnar_etl.report.html import profile_html_document

    path = make_sqlite(
        {"t": ("CREATE TABLE t (id INT PRIMARY KEY, x text)", [(None, "a"), (None, "a"), (1, "b")])}
    )
    html = profile_html_document(profile(path))
    assert '<p class="cetl-key">key: <span class="cetl-mono">id</span>' in html
    assert "(declared primary key)" in html and ">duplicate_row</span>" in html and ">null_key</span>" in html
    # A fresh process: the console's width is read from COLUMNS when the CLI is imported.
    result = subprocess.run(
        [sys.executable, "-m", "columnar_etl", "profile", str(path)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "COLUMNS": "200"},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "id (declared primary key)" in result.stdout
    assert "1 duplicate row, 2 null key" in result.stdout


def _expected_duplicates(
    path: Path, table: str, key: list[int], *, declared: bool = False
) -> tuple[int, int, int]:
    """Copies, rows sharing a key with a different row, NULL-key rows: counted in Python over every
    row, each cell as the text DuckDB reads (INTEGER 5 and TEXT '5' alike), REALs as exact doubles.
    Under a ``declared`` key (SQLite's index allows no two rows of one key) with a column of several
    storage classes and no NULL key, rows equal so are no copies but rows sharing the key."""
    con = sqlite3.connect(path)
    try:
        cells = con.execute(f'SELECT * FROM "{table}"').fetchall()
    finally:
        con.close()
    rows = [tuple(str(v) if isinstance(v, int) else v for v in row) for row in cells]
    distinct = set(rows)
    by_key: dict[tuple[object, ...], set[tuple[object, ...]]] = {}
    for row in distinct:
        key_value = tuple(row[i] for i in key)
        if key and None not in key_value:
            by_key.setdefault(key_value, set()).add(row)
    nulls = sum(1 for row in rows if key and None in (row[i] for i in key))
    copies, shared = len(rows) - len(distinct), sum(len(group) - 1 for group in by_key.values())
    mixed = any(len({type(row[i]) for row in cells if row[i] is not None}) > 1 for i in key)
    if declared and mixed and not nulls:
        return 0, shared + copies, nulls
    return copies, shared, nulls


def test_the_count_reads_only_rows_whose_value_repeats_and_finds_every_copy(
    make_sqlite: SqliteFactory,
) -> None:
    # Copies and key clashes share the narrowing column's value, however it is stored: an INTEGER 5
    # and a TEXT '5' are one value to the count (copies), so they must both be read; a NULL repeats
    # too; NULL keys are read though unique. Rows equal to 15 digits only (0.3 and 0.1 + 0.2) are not.
    plain = [(i, f"v{i % 3}", 0.5) for i in range(1, 61)]
    plain += [(5, "v2", 0.5), ("5", "v2", 0.5), (None, "n", 1.0), (None, "n", 1.0), (7, "other", 0.5)]
    plain += [(9, "v0", 0.30000000000000004), (9, "v0", 0.3)]
    keyed = [(i, f"x{i % 4}") for i in range(1, 61)]
    # SQLite keeps a declared key unique, not non-null: NULL keys, and copies of them.
    keyed += [(None, "n"), (None, "n"), (None, "m")]
    # A NULL in one column of a key whose other column is unique: read for that NULL alone.
    pair = [(i, 1, "p") for i in range(1, 61)] + [(100, None, "q")]
    path = make_sqlite(
        {
            "plain": ("CREATE TABLE plain (a, b text, c real)", plain),
            "keyed": ("CREATE TABLE keyed (id INT PRIMARY KEY, x text)", keyed),
            "pair": ("CREATE TABLE pair (a INT, b INT, x text, PRIMARY KEY (a, b))", pair),
        }
    )
    tables = profile(path).tables
    for name, key in (("plain", []), ("keyed", [0]), ("pair", [0, 1])):
        table = tables[name]
        figures = (table.duplicate_rows, table.duplicate_keys, table.null_keys)
        assert figures == _expected_duplicates(path, name, key), name
    assert tables["plain"].duplicate_rows == 3
    assert (tables["keyed"].duplicate_rows, tables["keyed"].null_keys) == (1, 3)
    assert tables["pair"].null_keys == 1
    # The count was narrowed: by a column of the table (the key's when there is one), to a few rows.
    with open_source(path) as src:
        for name, column in (("plain", "a"), ("keyed", "id"), ("pair", "a")):
            table = tables[name]
            narrowing = narrowing_column(table, table.key)
            assert narrowing is not None and narrowing.name == column
            where = narrowing_filter(src, table, narrowing)
            assert where is not None and 0 < where.count(",") + 1 < table.row_count // 4


def test_no_count_runs_when_no_value_of_the_narrowing_column_repeats(make_sqlite: SqliteFactory) -> None:
    # Every 'a' is distinct but one is padded: not a key, yet no two rows can be copies.
    rows = [(f"k{i}", "same") for i in range(30)] + [(" k30", "same")]
    path = make_sqlite({"t": ("CREATE TABLE t (a text, b text)", rows)})
    table = profile(path).tables["t"]
    assert table.key == [] and table.duplicate_rows == 0 and table.issues == []
    with open_source(path) as src:
        narrowing = narrowing_column(table, [])
        assert narrowing is not None and narrowing_filter(src, table, narrowing) == "0"


def _repeated_rowids(path: Path, table: str, column: int, key: list[int]) -> list[int]:
    """The rowids of the rows whose ``column`` value repeats (its text as SQLite renders it: INTEGER 5
    and TEXT '5' alike, compared byte for byte; NULL repeating too) or whose key has a NULL: counted in
    Python over every row."""
    con = sqlite3.connect(path)
    try:
        rows = con.execute(f'SELECT rowid, * FROM "{table}"').fetchall()
    finally:
        con.close()
    texts = [None if row[1 + column] is None else str(row[1 + column]) for row in rows]
    seen: dict[str | None, int] = {}
    for text in texts:
        seen[text] = seen.get(text, 0) + 1
    return sorted(
        int(row[0])
        for row, text in zip(rows, texts, strict=True)
        if seen[text] > 1 or any(row[1 + i] is None for i in key)
    )


def test_the_repeated_values_come_from_the_profile_s_counts_and_name_the_same_rows(
    make_sqlite: SqliteFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The profile counted every value already: the count's filter takes the repeated ones from those
    # counts, and SQLite names their rows. The same rows as a read of the column finds, however the
    # values are stored (5 and '5': one value), collated ('Ab' and 'ab' are two under NOCASE too),
    # quoted (O'Brien, a backslash) or missing (NULLs that repeat; a NULL in one column of a key).
    unique = [(f"k{i}", i % 3) for i in range(40)]
    mixed = [*unique, (5, 1), ("5", 1), ("O'Brien", 2), ("O'Brien", 2), ("a\\b", 0), ("a\\b", 1)]
    mixed += [(None, 0), (None, 1), ("Ab", 0), ("ab", 0), ("Xy", 0), ("Xy", 1), ("xy", 2)]
    pair = [(i, 1, "p") for i in range(1, 41)] + [(100, None, "q"), (7, 2, "r"), (7, 3, "r")]
    # Repeated values holding a NUL byte, which no SQL literal writes: a NUL alone (counted as empty)
    # and a null token before one (counted as that token). Their rows are found by a read, as before.
    nul = [*unique, ("\x00", 1), ("\x00", 2), ("NULL\x00", 1), ("NULL\x00", 1), ("x", 0), ("x", 1)]
    path = make_sqlite(
        {
            "unique": ('CREATE TABLE "unique" (a TEXT, b INTEGER)', unique),
            "mixed": ("CREATE TABLE mixed (a, b INTEGER)", mixed),
            "nocase": ("CREATE TABLE nocase (a TEXT COLLATE NOCASE, b INTEGER)", mixed),
            "pair": ("CREATE TABLE pair (a INT, b INT, x TEXT, PRIMARY KEY (a, b))", pair),
            "nul": ("CREATE TABLE nul (a TEXT, b INTEGER)", nul),
        }
    )
    tables = profile(path).tables
    expected = {
        "unique": [],
        "mixed": _repeated_rowids(path, "mixed", 0, []),
        "nocase": _repeated_rowids(path, "nocase", 0, []),
        "pair": _repeated_rowids(path, "pair", 0, [0, 1]),
        "nul": _repeated_rowids(path, "nul", 0, []),
    }
    # 5 and '5', O'Brien, a\b, Xy and the two NULLs repeat; 'Ab', 'ab' and 'xy' do not.
    assert len(expected["mixed"]) == len(expected["nocase"]) == 10
    # The three rows of a = 7 ((7, 1), (7, 2), (7, 3)), and the NULL key.
    assert len(expected["pair"]) == 4
    assert len(expected["nul"]) == 6
    settings = load_settings()
    with open_source(path) as src:
        for number, (name, rowids) in enumerate(expected.items()):
            table = tables[name]
            narrowing = narrowing_column(table, table.key)
            assert narrowing is not None and narrowing.name == "a", name
            keep = f"kept_{number}"
            kept = kept_values(src, keep, list(profile_table(src, name, settings, keep=keep).columns))
            counted = (kept.name, kept.columns["a"])
            listed = f'"rowid" IN ({", ".join(map(str, rowids))})' if rowids else "0"
            assert narrowing_filter(src, table, narrowing, counted) == listed, name
            assert narrowing_filter(src, table, narrowing) == listed, name
            # More rows than a list holds: none listed, every row counted (as the column's read says);
            # known from the counts (2), or from the rows SQLite names (one less than them: the NULL key).
            for limit in (2, len(rowids) - 1):
                monkeypatch.setattr(duplicate_count, "MAX_LISTED_ROWS", limit)
                beyond = None if len(rowids) > limit else listed
                assert narrowing_filter(src, table, narrowing, counted) == beyond, (name, limit)
                assert narrowing_filter(src, table, narrowing) == beyond, (name, limit)
                monkeypatch.undo()
    for name in expected:
        table = tables[name]
        key = [list(table.columns).index(column) for column in table.key]
        figures = (table.duplicate_rows, table.duplicate_keys, table.null_keys)
        assert figures == _expected_duplicates(path, name, key), name


def test_a_declared_one_column_key_without_nulls_is_not_grouped_to_find_no_copy(
    make_sqlite: SqliteFactory,
) -> None:
    # SQLite's unique index keeps a TEXT PRIMARY KEY distinct but for NULLs: with none (and one storage
    # class) the filter's answer is known without its GROUP BY. A NULL, or 5 beside '5' (two classes,
    # one value to the target), still go through it and are counted.
    paths = [f"/srv/archive/{i:04d}/attachment-{i}.pdf" for i in range(40)]
    path = make_sqlite(
        {
            "clean": ("CREATE TABLE clean (path TEXT PRIMARY KEY, n INTEGER)", [(p, 1) for p in paths]),
            "nulls": (
                "CREATE TABLE nulls (path TEXT PRIMARY KEY, n INTEGER)",
                [*((p, 1) for p in paths), (None, 2), (None, 2)],
            ),
            "classes": ("CREATE TABLE classes (k PRIMARY KEY, n INTEGER)", [(5, 1), ("5", 1), (6, 1)]),
        }
    )
    tables = profile(path).tables
    for name in ("clean", "nulls", "classes"):
        table = tables[name]
        assert (table.duplicate_rows, table.duplicate_keys, table.null_keys) == _expected_duplicates(
            path, name, [0], declared=True
        ), name
    assert (tables["nulls"].duplicate_rows, tables["nulls"].null_keys) == (1, 2)
    # (5, 1) and ('5', 1): no copies under SQLite's index, but one key in the target (until 2026-12-05
    # counted as a copy, which the cleaner keeps: PostgreSQL refused the key).
    assert (tables["classes"].duplicate_rows, tables["classes"].duplicate_keys) == (0, 1)
    declared = declared_keys(path, ["clean", "nulls", "classes"])
    with open_source(path) as src:
        for name, skipped in (("clean", True), ("nulls", False), ("classes", False)):
            table = tables[name]
            narrowing = narrowing_column(table, table.key)
            assert narrowing is not None
            assert indexed_without_nulls(declared[name], table, narrowing) is skipped, name
            if skipped:  # what the filter, run after all, finds
                assert narrowing_filter(src, table, narrowing) == "0"


def test_a_real_first_column_s_duplicate_examples_show_the_values_as_the_target_does(
    make_sqlite: SqliteFactory, pg_uri: str
) -> None:
    # Was: the examples were the count's read of each REAL, 17 digits (0.10000000000000001, 1.0e+20,
    # 9.9999999999999995e-08), where the target (double precision) and the audit's row key show 0.1.
    doubles = [0.1, 1 / 3, 1e20, 2.5, 1e-7, 1e15, 3.0]
    # No key (a double is never one found in the data, and y repeats): the examples show the first
    # column, the REAL one.
    rows = [(x, "same") for x in doubles for _ in range(2)]  # each row twice
    rows += [(0.30000000000000004, "same"), (0.3, "same")]  # equal to 15 digits only: no copies
    path = make_sqlite({"m": ("CREATE TABLE m (x REAL, y TEXT)", rows)})
    table = profile(path).tables["m"]
    assert (table.key, table["x"].inferred_type) == ([], "double")
    (issue,) = [i for i in table.issues if i.kind == "duplicate_row"]
    assert issue.count == len(doubles)
    # What PostgreSQL itself writes for those doubles: every example is one of them (five of seven).
    literals = ", ".join(f"('{x!r}'::float8)" for x in doubles)
    shown = {t for (t,) in pg_query(pg_uri, f"SELECT v::text FROM (VALUES {literals}) AS t(v)")}
    assert len(issue.examples) == 5 and set(issue.examples) <= shown
    assert {"0.1", "0.3333333333333333", "1e+20"} <= set(issue.examples)


def test_a_unique_constraint_naming_a_column_twice_is_a_key_of_it_once(
    make_sqlite: SqliteFactory, pg_uri: str, tmp_path: Path
) -> None:
    # SQLite keeps UNIQUE (b, a, B) as an index of three entries, b twice (``PRAGMA index_info``), and
    # it is the key (b, a): the key was (b, a, b), a blocker named b twice ("(b, a, b) ... (b, b:
    # values of several storage classes)") and a clean key's PRIMARY KEY (a, a) was refused by
    # PostgreSQL ("column appears twice in primary key constraint").
    path = make_sqlite(
        {
            "mixed": (
                "CREATE TABLE mixed (a INTEGER, b, c TEXT, UNIQUE (b, a, B))",
                [(1, "x", "1"), (2, 5, "2"), (2, "5", "3")],
            ),
            "clean": ("CREATE TABLE clean (a TEXT, n INTEGER, UNIQUE (a, A))", [("x", 1), ("y", 2)]),
        }
    )
    con = sqlite3.connect(path)
    (entries,) = con.execute("SELECT count(*) FROM pragma_index_info('sqlite_autoindex_mixed_1')").fetchone()
    con.close()
    assert entries == 3
    profiled = profile(path)
    assert profiled["mixed"].key == ["b", "a"]
    assert profiled["clean"].key == ["a"]
    # The constraint is the key the target gets: carried, not listed as an index not copied (until
    # 2026-12-03 it was, "the target does not enforce its uniqueness", where its primary key does).
    assert profiled.indexes_not_copied == {}
    blocker = profiled["mixed"].primary_key_blocker()
    assert blocker is not None
    # Named once as the key, once as the column of several storage classes.
    assert "(b, a)" in blocker and re.findall(r"\bb\b", blocker) == ["b", "b"], blocker
    result = columnar_etl.run(
        path, mode="simple", settings=run_settings(tmp_path, pg_uri), show_progress=False
    )
    assert result.exit_code in (0, 2), result.record.error
    assert primary_key(pg_uri, str(result.record.version_schema), "clean") == ["a"]


def test_a_unique_constraint_holding_nulls_is_no_key_and_no_warning(
    make_sqlite: SqliteFactory, pg_uri: str, tmp_path: Path
) -> None:
    # SQL's UNIQUE (SQLite's and PostgreSQL's alike) keeps a row with a NULL in one of its columns
    # apart from every other: (r1, m1, NULL) may be written twice, as a chat server's receipts write
    # one per room and member with no thread. Such a constraint names no row by its NULLs: it is no
    # key of the table, its NULLs are no dirt and no reason to warn. Until 2026-12-04 it was the key,
    # "rows with NULL in the key" a table issue and "plain index instead of a primary key" a warning
    # (exit 2) on every such export.
    receipts = [
        (10, "r1", "m1", None),
        (11, "r1", "m1", None),
        (12, "r1", "m1", "t1"),
        (13, "r2", "m2", None),
    ]
    marks = [("r1", None, "c1"), ("r1", None, "c2"), ("r2", "m1", "c3")]
    loose = [("x", None, "n"), ("x", None, "n2"), ("y", "b1", "n")]
    path = make_sqlite(
        {
            "receipts": (
                "CREATE TABLE receipts (seq INTEGER NOT NULL, room TEXT NOT NULL, member TEXT NOT NULL, "
                "thread TEXT, UNIQUE (room, member, thread))",
                receipts,
            ),
            # Another declared UNIQUE without NULLs is the key (though the first by preference: fewest
            # columns).
            "marks": (
                "CREATE TABLE marks (room TEXT NOT NULL, member TEXT UNIQUE, code TEXT, UNIQUE (code, room))",
                marks,
            ),
            # Nothing else unique: no key at all.
            "loose": ("CREATE TABLE loose (a TEXT NOT NULL, b TEXT, note TEXT, UNIQUE (a, b))", loose),
        }
    )
    nulls = {
        name: _sqlite(path, f"SELECT count(*) FROM {name} WHERE {column} IS NULL")
        for name, column in (("receipts", "thread"), ("marks", "member"), ("loose", "b"))
    }
    assert nulls == {"receipts": 3, "marks": 2, "loose": 2}
    profiled = profile(path)
    found = {name: (table.key, table.key_found) for name, table in profiled.tables.items()}
    # seq 10..13 is distinct on 4 rows, by chance as likely: no key found in the data (since
    # 2026-12-06; keys.data_key).
    assert found == {
        "receipts": ([], None),
        "marks": (["code", "room"], "declared_unique"),
        "loose": ([], None),
    }
    assert all(table.issues == [] for table in profiled.tables.values())
    result = columnar_etl.run(
        path, mode="simple", settings=run_settings(tmp_path, pg_uri), show_progress=False
    )
    assert (result.exit_code, result.record.warnings) == (0, []), result.record.error
    schema = str(result.record.version_schema)
    keys = {name: primary_key(pg_uri, schema, name) for name in ("receipts", "marks", "loose")}
    assert keys == {"receipts": [], "marks": ["code", "room"], "loose": []}
    for name, rows in (("receipts", receipts), ("marks", marks), ("loose", loose)):
        loaded = pg_query(pg_uri, f'SELECT * FROM "{schema}"."{name}"')
        assert sorted(loaded, key=repr) == sorted(rows, key=repr)


def test_a_primary_key_null_in_every_row_is_no_key_and_no_warning(
    make_sqlite: SqliteFactory, pg_uri: str, tmp_path: Path
) -> None:
    # PostgreSQL's DDL run on SQLite: `id SERIAL PRIMARY KEY` is no rowid alias, SQLite never fills it
    # and, by its documented quirk, keeps the NULL of every insert that leaves it out (Drizzle's
    # migration journal, `__drizzle_migrations`, in every database it migrates). Such a key names no
    # row: the next declared UNIQUE without NULLs is the key, else one found in the data, else none;
    # no null_key, no warning. Until now it was the key, "rows with NULL in the key" and "plain index
    # instead of a primary key" (exit 2) on every such database. A key NULL in some rows only is still
    # the key, its NULLs counted (test_duplicate_rows_and_null_keys_match_sqlite).
    # Drizzle's hashes are SHA-256 digests: generated identifiers, a key however few the rows.
    hashes = sorted(hashlib.sha256(f"migration {n}".encode()).hexdigest() for n in (1, 2))
    journal = [(None, hashes[1], 1733390000123), (None, hashes[0], 1733400000456)]
    coded = [(None, "a", "x"), (None, "b", "x")]
    loose = [(None, None, "n"), (None, "b", "n")]
    path = make_sqlite(
        {
            "journal": (
                "CREATE TABLE journal (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at numeric)",
                journal,
            ),
            "coded": (
                "CREATE TABLE coded (id uuid PRIMARY KEY, code TEXT NOT NULL UNIQUE, note TEXT)",
                coded,
            ),
            "loose": ("CREATE TABLE loose (a TEXT, b TEXT, note TEXT, PRIMARY KEY (a, b))", loose),
            # No primary key, a UNIQUE never filled: passed over as before, and no word of a primary key.
            "tagged": (
                "CREATE TABLE tagged (tag TEXT UNIQUE, label TEXT NOT NULL)",
                [(None, "p"), (None, "q")],
            ),
        }
    )
    assert _sqlite(path, "SELECT count(*) FROM journal WHERE id IS NULL") == 2
    profiled = profile(path)
    found = {name: (table.key, table.key_found) for name, table in profiled.tables.items()}
    assert found == {
        "journal": (["hash"], "data_unique"),  # created_at: epoch milliseconds, instants
        "coded": (["code"], "declared_unique"),
        "loose": ([], None),
        "tagged": ([], None),  # p, q: distinct on two rows by chance as likely (since 2026-12-06)
    }
    assert all(table.issues == [] for table in profiled.tables.values())
    assert any("NULL in every row" in note for note in profiled.tables["journal"].columns["id"].notes)
    assert not any("PRIMARY KEY" in note for note in profiled.tables["tagged"].columns["tag"].notes)
    result = columnar_etl.run(
        path, mode="simple", settings=run_settings(tmp_path, pg_uri), show_progress=False
    )
    assert (result.exit_code, result.record.warnings) == (0, []), result.record.error
    schema = str(result.record.version_schema)
    keys = {name: primary_key(pg_uri, schema, name) for name in ("journal", "coded", "loose")}
    assert keys == {"journal": ["hash"], "coded": ["code"], "loose": []}
    for name, rows in (("coded", coded), ("loose", loose)):
        loaded = pg_query(pg_uri, f'SELECT * FROM "{schema}"."{name}"')
        assert sorted(loaded, key=repr) == sorted(rows, key=repr)
    # PostgreSQL's serial is an integer: a column of it with no value yet is bigint, not text.
    assert pg_query(
        pg_uri,
        "SELECT data_type FROM information_schema.columns "
        f"WHERE table_schema = '{schema}' AND table_name = 'journal' AND column_name = 'id'",
    ) == [("bigint",)]
    assert pg_query(pg_uri, f'SELECT id, hash FROM "{schema}"."journal" ORDER BY hash') == [
        (None, hashes[0]),
        (None, hashes[1]),
    ]


def test_a_column_of_short_distinct_blobs_is_the_key_found_in_the_data_but_not_one_of_contents(
    make_sqlite: SqliteFactory, pg_uri: str, tmp_path: Path
) -> None:
    # An ORM's binary uuids (16-byte BLOBs) distinct on every row, in a table whose declared key a
    # migration dropped: the key found in the data, as an integer or text column would be (until
    # 2026-12-04 only those were looked at, and the table was loaded without a key). BLOBs of contents
    # (a picture, a pickle) distinct on every row are no key: ids and hashes are short. Nor is a
    # column of BLOB and TEXT cells: the TEXT 'abc' and the BLOB x'616263', two keys to SQLite, are
    # the same bytes in the target (PostgreSQL would refuse the primary key: a warning, exit 2).
    ids = [bytes([n]) * 15 + b"\x00" for n in range(1, 5)]
    tagged = [("same", ids[n], n % 2) for n in range(4)]
    pictures = [("same", bytes([n]) * 300) for n in range(1, 5)]
    mixed = [("same", b"abc"), ("same", "abc"), ("same", b"def")]
    path = make_sqlite(
        {
            "tagged": ("CREATE TABLE tagged (label TEXT, uuid NUMERIC(16), owner INTEGER)", tagged),
            "pictures": ("CREATE TABLE pictures (label TEXT, image BLOB)", pictures),
            "mixed": ("CREATE TABLE mixed (label TEXT, k BLOB)", mixed),
        }
    )
    found = {name: (t.key, t.key_found) for name, t in profile(path).tables.items()}
    assert found == {"tagged": (["uuid"], "data_unique"), "pictures": ([], None), "mixed": ([], None)}
    result = columnar_etl.run(
        path, mode="simple", settings=run_settings(tmp_path, pg_uri), show_progress=False
    )
    assert (result.exit_code, result.record.warnings) == (0, []), result.record.error
    schema = str(result.record.version_schema)
    assert primary_key(pg_uri, schema, "tagged") == ["uuid"]
    assert primary_key(pg_uri, schema, "pictures") == primary_key(pg_uri, schema, "mixed") == []
    loaded = pg_query(pg_uri, f'SELECT label, uuid, owner FROM "{schema}".tagged')
    assert sorted(loaded, key=repr) == sorted(tagged, key=repr)


def test_the_key_found_in_the_data_is_the_column_named_the_tables_identifier_before_any_other(
    make_sqlite: SqliteFactory, pg_uri: str, tmp_path: Path
) -> None:
    # pandas (csvs-to-sqlite) writes a ticket CSV with no key declared: its postcodes, leading zeros
    # already dropped, are unique integers by chance, beside the tickets' own ids of text. Until
    # 2026-12-05 the integer won (integer first, leftmost): the tickets were keyed on their postcodes,
    # and their comments' ticket ids referred to nothing. A name saying the table's own identifier
    # comes first, then one saying another row's (an order's customerId, unique here), then the type
    # order as before; keys are not always so named (``reading``, ``paid``: no identifier).
    tickets = [(7000 + n, f"T-{n:05d}", "open") for n in range(1, 9)]
    comments = [(n, f"T-{1 + n % 8:05d}", f"comment {n}") for n in range(1, 13)]
    path = make_sqlite(
        {
            "tickets": ('CREATE TABLE tickets ("Postcode" INTEGER, "Ticket ID" TEXT, status TEXT)', tickets),
            "ticket_comments": (
                "CREATE TABLE ticket_comments "
                '(position INTEGER, commentid TEXT, "Ticket ID" TEXT, body TEXT)',
                [(n, f"C{n}", ticket, body) for n, ticket, body in comments],
            ),
            "settings": ("CREATE TABLE settings (value INTEGER, key TEXT)", [(10, "a"), (20, "b"), (5, "c")]),
            "orders": ("CREATE TABLE orders (seq INTEGER, customerId TEXT)", [(1, "c1"), (2, "c2")]),
            "measures": ("CREATE TABLE measures (label TEXT, reading INTEGER)", [("x", 1), ("y", 2)]),
            "payments": ("CREATE TABLE payments (paid TEXT, n INTEGER)", [("yes", 1), ("no", 2)]),
        }
    )
    found = profile(path)
    keys = {name: (table.key, table.key_found) for name, table in found.tables.items()}
    assert keys == {
        "tickets": (["Ticket ID"], "data_unique"),
        "ticket_comments": (["commentid"], "data_unique"),
        "settings": (["key"], "data_unique"),
        "orders": (["customerId"], "data_unique"),
        # Named for nothing that identifies a row, distinct on two rows: by chance as likely, no key
        # (until 2026-12-06 the key; keys.data_key).
        "measures": ([], None),
        "payments": ([], None),
    }
    assert found["ticket_comments"]["Ticket ID"].foreign_key == "tickets.Ticket ID"
    result = columnar_etl.run(
        path, mode="simple", settings=run_settings(tmp_path, pg_uri), show_progress=False
    )
    assert result.exit_code == 0, result.record.error
    assert primary_key(pg_uri, str(result.record.version_schema), "tickets") == ["Ticket ID"]


def test_free_text_unique_by_chance_is_no_key_but_a_long_identifier_is(
    make_sqlite: SqliteFactory, pg_uri: str, tmp_path: Path
) -> None:
    # A name/value table (Mnemosyne's data_for_fact: a fact, a field's name, its text) declares no key;
    # its values, free text, are each distinct, and until 2026-12-05 the text became the table's key
    # found in the data: a PRIMARY KEY of notes, refused by PostgreSQL for a value too long for a
    # B-tree (a hash index instead, a warning, exit 2). Free text is no key: a text column averaging
    # more than TEXT_KEY_BYTES (a VARCHAR(255)'s identifiers) is none, unless its name says it is the
    # table's own identifier (a feed's item ids); URLs of a usual length are keys as before.
    def text(seed: int, size: int) -> str:  # incompressible words: a B-tree entry cannot hold 6,000
        out = b""
        while len(out) < size:
            out += hashlib.sha256(f"{seed}/{len(out)}".encode()).digest()
        return base64.b64encode(out).decode()[:size]

    values = [text(n, 6000 if n == 3 else 80 + 7 * n) for n in range(1, 9)]
    feed_ids = [f"https://news.example.org/{n:04d}/{text(n, 300)}" for n in range(1, 6)]
    urls = [f"https://example.org/docs/{text(n, 70)}" for n in range(1, 6)]
    bodies = [text(n, 300) for n in range(1, 5)]
    path = make_sqlite(
        {
            "fact_data": (
                "CREATE TABLE fact_data (fact INTEGER, key TEXT, value TEXT)",
                [(1 + n // 2, "qa"[n % 2], value) for n, value in enumerate(values)],
            ),
            "feed_items": ("CREATE TABLE feed_items (title TEXT, id TEXT)", [("same", i) for i in feed_ids]),
            "pages": ("CREATE TABLE pages (title TEXT, url TEXT)", [("same", url) for url in urls]),
            "tags": ("CREATE TABLE tags (weight INTEGER, slug TEXT)", [(1, "a-b"), (1, "c-d"), (2, "e")]),
            "notes": ("CREATE TABLE notes (author TEXT, body TEXT)", [("ann", body) for body in bodies]),
        }
    )
    # The averages that decide, computed here: the free text's over 255 bytes, the others' under but
    # the feed's ids (their name says they are the table's own).
    average = {
        name: sum(map(len, v)) / len(v)
        for name, v in [("value", values), ("id", feed_ids), ("url", urls), ("body", bodies)]
    }
    assert (
        average["value"] > TEXT_KEY_BYTES
        and average["body"] > TEXT_KEY_BYTES
        and average["id"] > TEXT_KEY_BYTES
    )
    assert KEY_LIKE_BYTES < average["url"] < TEXT_KEY_BYTES
    found = profile(path)
    # A page's URL and a tag's slug name their rows however few (data_keys.names_identity).
    expected_keys = {"fact_data": [], "feed_items": ["id"], "pages": ["url"], "tags": ["slug"], "notes": []}
    assert {name: table.key for name, table in found.tables.items()} == expected_keys
    result = columnar_etl.run(
        path, mode="simple", settings=run_settings(tmp_path, pg_uri), show_progress=False
    )
    assert result.exit_code == 0, (result.record.error, result.record.warnings)
    schema = str(result.record.version_schema)
    assert {name: primary_key(pg_uri, schema, name) for name in expected_keys} == expected_keys
    assert pg_query(pg_uri, f'SELECT value FROM "{schema}".fact_data ORDER BY length(value), value') == [
        (value,) for value in sorted(values, key=lambda v: (len(v), v))
    ]


def test_a_unique_generated_column_is_a_declared_key_not_a_crash(
    make_sqlite: SqliteFactory, pg_uri: str, tmp_path: Path
) -> None:
    # ``PRAGMA table_info`` does not list a generated column (``table_xinfo`` does), and a UNIQUE
    # constraint or index on one named a column the key reader could not find: the profile stopped
    # (exit 1, "profile failed: StopIteration"). An LLM tracer's store declares its messages' ids so
    # (``message_id ... GENERATED ALWAYS AS (json_extract(message, '$.id')) STORED, UNIQUE
    # (message_id)``), in every database it migrates, its table empty or not.
    messages = [(i + 1, json.dumps({"id": f"m-{i:04d}", "text": "é"})) for i in range(4)]
    titles = [("Alpha", 1), ("Beta", 1), ("Gamma", 2)]
    path = make_sqlite(
        {
            "messages": (
                "CREATE TABLE messages (id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "
                "message TEXT NOT NULL, message_id VARCHAR NOT NULL GENERATED ALWAYS AS "
                "(CAST(json_extract(message, '$.id') AS VARCHAR)) STORED, "
                "CONSTRAINT uq_message_id UNIQUE (message_id))",
                messages,
            ),
            "empty": (
                "CREATE TABLE empty (id INTEGER PRIMARY KEY, body TEXT, "
                "body_id TEXT GENERATED ALWAYS AS (json_extract(body, '$.id')) STORED UNIQUE)",
                [],
            ),
            "titles": (
                "CREATE TABLE titles (title TEXT NOT NULL, n INTEGER, "
                "slug TEXT GENERATED ALWAYS AS (lower(title)) VIRTUAL)",
                titles,
            ),
        }
    )
    con = sqlite3.connect(path)
    con.execute("CREATE UNIQUE INDEX ix_titles_slug ON titles (slug)")
    con.commit()
    con.close()
    keys = declared_keys(path, ["messages", "empty", "titles"])
    assert {name: (key.columns, key.found, key.others) for name, key in keys.items()} == {
        "messages": (("id",), "declared_primary_key", (("message_id",),)),
        "empty": (("id",), "declared_primary_key", (("body_id",),)),
        "titles": (("slug",), "declared_unique", ()),
    }
    profiled = profile(path)
    assert {name: (table.key, table.key_found) for name, table in profiled.tables.items()} == {
        "messages": (["id"], "declared_primary_key"),
        "empty": (["id"], "declared_primary_key"),
        "titles": (["slug"], "declared_unique"),
    }
    result = columnar_etl.run(
        path, mode="simple", settings=run_settings(tmp_path, pg_uri), show_progress=False
    )
    assert (result.exit_code, result.record.warnings) == (0, []), result.record.error
    schema = str(result.record.version_schema)
    assert primary_key(pg_uri, schema, "titles") == ["slug"]
    assert pg_query(pg_uri, f'SELECT id, message_id FROM "{schema}"."messages" ORDER BY id') == [
        (i, json.loads(message)["id"]) for i, message in messages
    ]
    assert pg_query(pg_uri, f'SELECT title, n, slug FROM "{schema}"."titles" ORDER BY n, title') == [
        (title, n, title.lower()) for title, n in titles
    ]
    # A VIRTUAL one calling a function only the writing application defines is left out (exit 2, a
    # warning, see test_schema_features): its UNIQUE names no column as read, so it is no key here.
    # It was a KeyError once the generated column was found, as it was a StopIteration before.
    app = tmp_path / "app.db"
    con = sqlite3.connect(app)
    con.create_function("slugify", 1, lambda title: title.lower().replace(" ", "-"), deterministic=True)
    with con:
        con.execute(
            "CREATE TABLE tags (name TEXT NOT NULL, n INTEGER, "
            "slug TEXT GENERATED ALWAYS AS (slugify(name)) VIRTUAL UNIQUE, UNIQUE (n, name))"
        )
        con.executemany("INSERT INTO tags (name, n) VALUES (?, ?)", [("X y", 1), ("Z", 1)])
    con.close()
    assert declared_keys(app, ["tags"])["tags"].columns == ("slug",)
    tags = profile(app)["tags"]
    assert (tags.key, tags.key_found) == (["n", "name"], "declared_unique")
    result = columnar_etl.run(
        app, mode="simple", settings=run_settings(tmp_path, pg_uri), show_progress=False
    )
    assert result.exit_code == 2, result.record.error
    # (Beside drift from the first file's load into the same target.)
    left_out = [w.split(" not loaded")[0] for w in result.record.warnings if not w.startswith("drift: ")]
    assert left_out == ["column 'slug' of table 'tags'"]
    assert pg_query(pg_uri, f'SELECT name, n FROM "{result.record.version_schema}"."tags" ORDER BY name') == [
        ("X y", 1),
        ("Z", 1),
    ]


def test_a_primary_key_column_declared_null_holding_null_is_no_key_and_no_warning(
    make_sqlite: SqliteFactory, pg_uri: str, tmp_path: Path
) -> None:
    # A composite PRIMARY KEY a column of which the schema itself declares NULL (`size int8 NULL`): the
    # application writes NULL there on purpose (a comics server's page hashes, `PRIMARY KEY (hash,
    # media_type, size)` with NULL for a page whose size was never read). SQLite keeps such a key as
    # it keeps a UNIQUE constraint, rows with a NULL apart from every other: it names no row by its
    # NULLs, which are no dirt, and it is passed over as a UNIQUE holding NULLs is: the next declared
    # UNIQUE without NULLs, else a key found in the data, else none; no null_key, no warning. Until
    # now it was the key, "rows with NULL in the key" and "plain index instead of a primary key"
    # (exit 2). A key column only left without NOT NULL (`id INT PRIMARY KEY`) keeps its NULLs as
    # dirt, counted (test_duplicate_rows_and_null_keys_match_sqlite): nothing says NULL is meant there.
    hashes = [("h1", "image/jpeg", 10, 1), ("h1", "image/jpeg", None, 2), ("h1", "image/png", None, 3)]
    plain = [("a", None), ("b", "q")]
    path = make_sqlite(
        {
            "hashes": (
                "CREATE TABLE hashes (hash varchar NOT NULL, media_type varchar NOT NULL, "
                "size int8 NULL, n int NOT NULL, PRIMARY KEY (hash, media_type, size))",
                hashes,
            ),
            # NULL under a named constraint declares it too; the next declared UNIQUE is the key.
            "coded": (
                'CREATE TABLE coded (code TEXT NOT NULL UNIQUE, "NULL" TEXT NULL DEFAULT NULL, '
                "kind TEXT CONSTRAINT k NULL, PRIMARY KEY (code, kind))",
                [("a", None, "x"), ("b", "c2", None)],
            ),
            # `DEFAULT NULL` is a default, no constraint, and `"NULL"` a name: neither declares NULL.
            "plain": (
                'CREATE TABLE plain (a TEXT, b TEXT DEFAULT NULL, "NULL" TEXT, PRIMARY KEY (a, b))',
                [(*row, None) for row in plain],
            ),
        }
    )
    profiled = profile(path)
    found = {name: (table.key, table.key_found) for name, table in profiled.tables.items()}
    assert found == {
        "hashes": ([], None),  # n 1..3: distinct on 3 rows by chance as likely (since 2026-12-06)
        "coded": (["code"], "declared_unique"),
        # Declared nowhere NULL: its NULL is SQLite's quirk, counted as before.
        "plain": (["a", "b"], "declared_primary_key"),
    }
    assert profiled.tables["hashes"].issues == profiled.tables["coded"].issues == []
    assert [issue.kind for issue in profiled.tables["plain"].issues] == ["null_key"]
    notes = profiled.tables["hashes"].columns["size"].notes
    assert any("with size declared NULL, NULL in 2 rows" in note for note in notes), notes
    result = columnar_etl.run(
        path, mode="simple", settings=run_settings(tmp_path, pg_uri), show_progress=False
    )
    assert result.record.warnings == [
        "plain: plain index instead of a primary key: 1 rows have NULL in the key (a, b)"
    ], result.record.error
    schema = str(result.record.version_schema)
    keys = {name: primary_key(pg_uri, schema, name) for name in ("hashes", "coded", "plain")}
    assert keys == {"hashes": [], "coded": ["code"], "plain": []}
    loaded = pg_query(pg_uri, f'SELECT * FROM "{schema}"."hashes"')
    assert sorted(loaded, key=repr) == sorted(hashes, key=repr)


def test_a_key_of_documents_is_compared_as_it_is_loaded(make_sqlite: SqliteFactory) -> None:
    """A declared key of documents (every value ending in one line break: kept byte for byte) is
    compared as it is loaded: ``'x\\n'`` and ``'x\\r\\n'``, one key once trimmed, stay two, so no
    cleaning merges them and the key is cleaned, not loaded as written; a blank of it (``'\\n'``),
    which cleaning makes NULL, still loads the key as written."""
    rows = [("x\n", 1), ("x\r\n", 2), ("a\nb\n", 3)]
    path = make_sqlite({"t": ("CREATE TABLE t (k TEXT PRIMARY KEY, v INTEGER)", rows)})
    found = profile(path, settings=load_settings())
    key = found.tables["t"].columns["k"]
    assert (key.layout_kept, key.as_written, found.tables["t"].key) == (True, None, ["k"])
    cleaned = columnar_etl.clean(path, settings=load_settings())
    assert cleaned.data is not None
    assert cleaned.data["t"].column("k").to_pylist() == [k for k, _ in rows]
    blank = make_sqlite(
        {"t": ("CREATE TABLE t (k TEXT PRIMARY KEY, v INTEGER)", [*rows, ("\n", 4)])}, name="b.db"
    )
    assert profile(blank, settings=load_settings()).tables["t"].columns["k"].as_written is not None


def test_a_column_distinct_on_a_few_rows_by_chance_is_no_key_unless_its_values_name_rows(
    make_sqlite: SqliteFactory, pg_uri: str, tmp_path: Path
) -> None:
    # A time tracker's tag definitions declare no key: their 8 colours, a position in a buffer and
    # microseconds are each distinct on a few rows by chance, named for nothing that identifies a row.
    # Until 2026-12-06 each became its table's key found in the data, a PRIMARY KEY in the target.
    # Values that say they name rows keep it: generated tokens (hashes, UUIDs), a counter numbering
    # the rows without a gap (migrations 1..13), and any unique column of a table of more rows.
    colours = [f"#{(0x2196F3 + 977 * n) % 0xFFFFFF:06x}" for n in range(8)]
    few = len(colours)
    many = 120  # rows enough that an attribute of a thousand values would repeat (below)
    hashes = [hashlib.md5(f"page {n}".encode()).hexdigest() for n in range(few)]
    uuids = [str(uuid.uuid5(uuid.NAMESPACE_URL, f"s/{n}")) for n in range(few)]
    path = make_sqlite(
        {
            "tag_definitions": (
                "CREATE TABLE tag_definitions (owner INTEGER, color TEXT, label TEXT)",
                [(1, colour, "same") for colour in colours],
            ),
            "links": (
                "CREATE TABLE links (source TEXT, pos INTEGER, kind TEXT)",
                [("n1", 250 + 17 * n, "id") for n in range(few)],
            ),
            "alerts": (
                "CREATE TABLE alerts (ts_usec INTEGER)",
                [(7919 * (n + 1) % 999_983,) for n in range(6)],
            ),
            # 1..3, a run without a gap, but too short to beat chance (retries of three tasks).
            "tasks": ("CREATE TABLE tasks (retries INTEGER, state TEXT)", [(n, "done") for n in (1, 2, 3)]),
            "page_hashes": ("CREATE TABLE page_hashes (size INTEGER, hash TEXT)", [(4, h) for h in hashes]),
            "sessions": ("CREATE TABLE sessions (sid TEXT, user INTEGER)", [(u, 1) for u in uuids]),
            "migrations": (
                "CREATE TABLE migrations (version INTEGER, applied TEXT)",
                [(n, "yes") for n in range(1, 14)],
            ),
            # A name saying a row's number is evidence enough, however few the rows.
            "register": (
                'CREATE TABLE register ("Id No" INTEGER, name TEXT)',
                [(25493 - 17 * n, "x") for n in range(few)],
            ),
            "requests": (
                'CREATE TABLE requests ("Request #" INTEGER, body TEXT)',
                [(7000 + 3 * n, "y") for n in range(few)],
            ),
            "palette": (
                "CREATE TABLE palette (color TEXT, used INTEGER)",
                [(f"#{(0x2196F3 + 977 * n) % 0xFFFFFF:06x}", 1) for n in range(many)],
            ),
            # A natural key's name, alone or after the table's own entity, is evidence enough too; a
            # code named for something else (a day's first code) is not.
            "currencies": (
                "CREATE TABLE currencies (name TEXT, currency_code TEXT)",
                [("Euro", "EUR"), ("Dollar", "USD"), ("Pound", "GBP")],
            ),
            "daily": (
                "CREATE TABLE daily (day TEXT, first_code TEXT)",
                [(f"2024-01-0{n + 1}", f"{37 * n + 1:06d}") for n in range(4)],
            ),
            "labels": (
                "CREATE TABLE labels (colour TEXT, label TEXT)",
                [("#2196f3", "urgent"), ("#ff9800", "later"), ("#4caf50", "done")],
            ),
            "cars": (
                "CREATE TABLE cars (row_names TEXT, mpg REAL)",
                [("Datsun 710", 22.8), ("Valiant", 18.1), ("Duster 360", 14.3)],
            ),
        }
    )

    # The chance that n values drawn from d are all distinct, computed here as the birthday problem's
    # n!/(d^n (d-n)!): an attribute of 1,000 values is distinct on 8 rows more often than not, on
    # 120 almost never; 3 numbers from a span of 3 all distinct by chance often, 13 of 13 never.
    def distinct(n: int, d: int) -> float:
        return math.perm(d, n) / d**n

    assert distinct(few, 1000) > 0.5 and distinct(many, 1000) < 0.01
    assert distinct(3, 3) > 0.01 > distinct(13, 13)
    found = profile(path)
    keys = {name: (table.key, table.key_found) for name, table in found.tables.items()}
    assert keys == {
        "tag_definitions": ([], None),
        "links": ([], None),
        "alerts": ([], None),
        "tasks": ([], None),
        "page_hashes": (["hash"], "data_unique"),
        "sessions": (["sid"], "data_unique"),
        "migrations": (["version"], "data_unique"),
        "register": (["Id No"], "data_unique"),
        "requests": (["Request #"], "data_unique"),
        "palette": (["color"], "data_unique"),
        "currencies": (["currency_code"], "data_unique"),
        "daily": ([], None),
        "labels": (["label"], "data_unique"),
        "cars": (["row_names"], "data_unique"),
    }
    result = columnar_etl.run(
        path, mode="simple", settings=run_settings(tmp_path, pg_uri), show_progress=False
    )
    assert (result.exit_code, result.record.warnings) == (0, []), result.record.error
    schema = str(result.record.version_schema)
    assert {name: primary_key(pg_uri, schema, name) for name in keys} == {
        name: key for name, (key, _) in keys.items()
    }
    # No row is lost or changed for want of a key.
    assert sorted(pg_query(pg_uri, f'SELECT color FROM "{schema}".tag_definitions')) == sorted(
        (colour,) for colour in colours
    )


def test_a_column_distinct_on_a_few_rows_by_chance_is_still_a_parent_of_references(
    make_sqlite: SqliteFactory,
) -> None:
    # A generated export's undeclared key of 11 rows, named for nothing (``Ct``): no PRIMARY KEY (it
    # may be distinct by chance), but another table's 25 values all among its own name its rows, as
    # before 2026-12-06 (the reference search's own rules judge that evidence).
    keys = [4_000_283 + 9 * n for n in range(11)]
    children = [(n, keys[(7 * n) % len(keys)]) for n in range(25)]
    path = make_sqlite(
        {
            "Pibgé": ('CREATE TABLE "Pibgé" ("Ct" INTEGER, note TEXT)', [(k, "same") for k in keys]),
            "Sgrwø": ('CREATE TABLE "Sgrwø" (n INTEGER PRIMARY KEY, "Hz" INTEGER)', children),
        }
    )
    found = profile(path)
    assert (found.tables["Pibgé"].key, found.tables["Pibgé"].key_found) == ([], None)
    assert found.tables["Sgrwø"]["Hz"].foreign_key == "Pibgé.Ct"


def test_a_column_named_as_its_tables_entity_is_its_key_before_another_unique_column(
    make_sqlite: SqliteFactory,
) -> None:
    # GEOmetadb's series table: a title and the series accession both distinct on every row, neither
    # named with an id word. The accession, named as the table's own entity, names the row; the title
    # is distinct by the authors' care. Until 2026-12-06 the leftmost (title) was the key.
    rows = [(f"Expression profiling of sample set {n}", f"GSE{n:05d}", "2024-01-02") for n in range(1, 121)]
    path = make_sqlite({"gse": ("CREATE TABLE gse (title TEXT, gse TEXT, submission_date TEXT)", rows)})
    found = profile(path).tables["gse"]
    assert (found.key, found.key_found) == (["gse"], "data_unique")


def test_a_link_table_of_references_alone_has_no_key_found_in_one_of_them(make_sqlite: SqliteFactory) -> None:
    # QGIS's style database maps tags to colour ramps in ``ctagmap (tag_id, colorramp_id)``, no key
    # declared. Each ramp tagged once, its colorramp_id is distinct on every row; until 2026-12-07 that
    # made it the table's PRIMARY KEY, as if a ramp could carry one tag only. A table whose columns all
    # name other rows' identifiers links them: no one reference is its key. A table with a column of
    # its own beside one reference keeps it as before.
    tags = [(n, f"tag {n}") for n in range(1, 9)]
    ramps = [(n, f"ramp {n}") for n in range(1, 17)]
    links = [(1 + n % 8, n) for n in range(1, 17)]
    path = make_sqlite(
        {
            "tag": ("CREATE TABLE tag (id INTEGER PRIMARY KEY, name TEXT)", tags),
            "colorramp": ("CREATE TABLE colorramp (id INTEGER PRIMARY KEY, name TEXT)", ramps),
            "ctagmap": ("CREATE TABLE ctagmap (tag_id INTEGER NOT NULL, colorramp_id INTEGER)", links),
            "ramp_notes": (
                "CREATE TABLE ramp_notes (colorramp_id INTEGER, note TEXT)",
                [(n, f"note {n}") for n in range(1, 17)],
            ),
        }
    )
    assert len({ramp for _, ramp in links}) == len(links)
    found = profile(path)
    assert (found.tables["ctagmap"].key, found.tables["ctagmap"].key_found) == ([], None)
    assert found.tables["ramp_notes"].key == ["colorramp_id"]
    # Its references are found as before.
    assert found.tables["ctagmap"]["colorramp_id"].foreign_key == "colorramp.id"
    assert found.tables["ctagmap"]["tag_id"].foreign_key == "tag.id"
