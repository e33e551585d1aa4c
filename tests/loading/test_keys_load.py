"""A key the tool chose never fails a load after its COPY: a key that cannot be a primary key gets a
plain index and a warning (exit 2), in every mode, whatever the duplicates policy.

What PostgreSQL holds is asked of PostgreSQL itself (pg_catalog), and compared with SQLite's rows.
"""

from __future__ import annotations

import json
import random
import sqlite3
import string
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from columnar_etl.cli import app

from ..conftest import SqliteFactory, pg_query

runner = CliRunner()

# INT PRIMARY KEY is not SQLite's rowid alias: NULLs are legal in it, exact copies of a NULL row too.
NULL_KEY_DDL = "CREATE TABLE t (id INT PRIMARY KEY, x TEXT)"
NULL_KEY_ROWS: list[tuple[Any, ...]] = [(1, "a"), (None, "b"), (None, "b"), (2, "c"), (None, "d")]


def _constraints(uri: str, schema: str, table: str) -> tuple[list[str], list[str]]:
    """(primary key constraint names, index definitions) of ``schema.table``."""
    keys = [
        row[0]
        for row in pg_query(
            uri,
            "SELECT c.conname FROM pg_constraint c JOIN pg_class r ON r.oid = c.conrelid "
            f"JOIN pg_namespace n ON n.oid = r.relnamespace WHERE n.nspname = '{schema}' "
            f"AND r.relname = '{table}' AND c.contype = 'p'",
        )
    ]
    indexes = [
        row[0]
        for row in pg_query(
            uri, f"SELECT indexdef FROM pg_indexes WHERE schemaname = '{schema}' AND tablename = '{table}'"
        )
    ]
    return keys, indexes


def _sqlite_count(path: Path, sql: str) -> int:
    con = sqlite3.connect(path)
    try:
        return int(con.execute(sql).fetchone()[0])
    finally:
        con.close()


def _load_blue_green(path: Path, pg_uri: str, tmp_path: Path) -> dict[str, Any]:
    """``load --mode blue-green --json`` of ``path``: its JSON (exit 2 when it has warnings, else 0: the
    bundled dashboard templates, which fit none of these exports, are a note)."""
    result = runner.invoke(
        app,
        ["load", str(path), "--target", pg_uri, "--mode", "blue-green", "--json"],
        env={"COLUMNAR_ETL_BACKUP_DIR": str(tmp_path / "backups")},
    )
    data: dict[str, Any] = json.loads(result.stdout)
    assert result.exit_code == (2 if data["warnings"] else 0), result.output
    assert any("bundled help-desk dashboard templates" in note for note in data["notes"])
    return data


@pytest.mark.parametrize("mode", ["simple", "blue-green", "canary"])
@pytest.mark.parametrize("duplicates", ["remove", "keep"])
def test_a_declared_key_holding_nulls_loads_with_an_index(
    make_sqlite: SqliteFactory, pg_uri: str, tmp_path: Path, mode: str, duplicates: str
) -> None:
    path = make_sqlite({"t": (NULL_KEY_DDL, NULL_KEY_ROWS)})
    env = {"COLUMNAR_ETL_DUPLICATES": duplicates, "COLUMNAR_ETL_BACKUP_DIR": str(tmp_path / "backups")}
    result = runner.invoke(app, ["load", str(path), "--target", pg_uri, "--mode", mode, "--json"], env=env)
    assert result.exit_code == 2, result.output
    data = json.loads(result.stdout)
    nulls = _sqlite_count(path, "SELECT count(*) FROM t WHERE id IS NULL")
    assert data["key_indexes"] == {"t": f"{nulls} rows have NULL in the key (id)"}
    # Among the warnings (with the removed copies and the bundled templates that do not apply here).
    assert (
        f"t: plain index instead of a primary key: {nulls} rows have NULL in the key (id)" in data["warnings"]
    )
    expected = _sqlite_count(
        path,
        "SELECT count(*) FROM t"
        if duplicates == "keep"
        else "SELECT count(*) FROM (SELECT DISTINCT * FROM t)",
    )
    if mode == "canary":
        return  # the canary's schema is rolled back: only its record remains
    assert data["rows"] == {"t": expected}
    keys, indexes = _constraints(pg_uri, data["schema"], "t")
    assert keys == [] and len(indexes) == 1 and indexes[0].endswith("USING btree (id)")


def test_a_key_that_cleaning_would_make_equal_is_loaded_as_written(
    make_sqlite: SqliteFactory, pg_uri: str, tmp_path: Path
) -> None:
    # SQLite holds 'a' and ' a ' as two keys; trimming (a documented rule) would make them one: the
    # key is loaded as written, a primary key of every source value (until 2026-12-01, a plain index).
    rows = [("a", "one"), (" a ", "two"), ("b", "three")]
    path = make_sqlite({"t": ("CREATE TABLE t (code TEXT PRIMARY KEY, n TEXT)", rows)})
    data = _load_blue_green(path, pg_uri, tmp_path)
    assert data["rows"] == {"t": 3}
    assert data["key_indexes"] == {}
    assert any(line.startswith("t.code: text loaded as written") for line in data["warnings"])
    keys, _ = _constraints(pg_uri, data["schema"], "t")
    assert keys == ["t_pkey"]
    assert sorted(pg_query(pg_uri, f"SELECT code, n FROM {data['schema']}.t")) == sorted(rows)


def test_a_key_that_cleaning_would_make_null_is_loaded_as_written(
    make_sqlite: SqliteFactory, pg_uri: str, tmp_path: Path
) -> None:
    # 'N/A' is a null token: NULL after cleaning, which would cost the table its primary key.
    rows = [("a", "one"), ("N/A", "two"), ("b", "three")]
    path = make_sqlite({"t": ("CREATE TABLE t (code TEXT PRIMARY KEY, n TEXT)", rows)})
    data = _load_blue_green(path, pg_uri, tmp_path)
    assert data["key_indexes"] == {}
    keys, _ = _constraints(pg_uri, data["schema"], "t")
    assert keys == ["t_pkey"]
    assert sorted(pg_query(pg_uri, f"SELECT code, n FROM {data['schema']}.t")) == sorted(rows)


def test_a_key_cleaning_still_makes_equal_falls_back_to_an_index(
    make_sqlite: SqliteFactory, pg_uri: str, tmp_path: Path
) -> None:
    # A NUL byte is removed from any text (PostgreSQL's text holds none), a key loaded as written too:
    # 'a' and 'a<NUL>' become one, and a plain index stands in. The profile counts them (until
    # 2026-12-03 it did not, and PostgreSQL refused the primary key after cleaning).
    path = make_sqlite(
        {"t": ("CREATE TABLE t (code TEXT PRIMARY KEY, n TEXT)", [("a", "1"), ("a\x00", "2"), ("b", "3")])}
    )
    data = _load_blue_green(path, pg_uri, tmp_path)
    assert data["rows"] == {"t": 3}
    assert data["key_indexes"]["t"].startswith("1 rows share their key (code) with a different row")
    assert "code: NUL bytes removed by cleaning" in data["key_indexes"]["t"]
    keys, indexes = _constraints(pg_uri, data["schema"], "t")
    assert keys == [] and len(indexes) == 1 and indexes[0].endswith("USING btree (code)")


def test_a_clean_key_gets_its_primary_key(make_sqlite: SqliteFactory, pg_uri: str, tmp_path: Path) -> None:
    # No declared key: the unique, non-null integer column is the key, whatever its name.
    rows = [("x", 3, "p"), ("x", 1, "p"), ("y", 2, "q"), ("y", 2, "q")]
    path = make_sqlite({"t": ('CREATE TABLE t (who TEXT, "TKT-Request #" INTEGER, v TEXT)', rows[:3])})
    data = _load_blue_green(path, pg_uri, tmp_path)
    keys, indexes = _constraints(pg_uri, data["schema"], "t")
    assert keys == ["t_pkey"] and indexes == [
        f'CREATE UNIQUE INDEX t_pkey ON {data["schema"]}.t USING btree ("TKT-Request #")'
    ]


def test_confirmed_references_are_indexed_and_nothing_else(
    make_sqlite: SqliteFactory, pg_uri: str, tmp_path: Path
) -> None:
    # "Who" holds people's keys (found by its values); "Amount" is named like nothing and fits no key.
    people = [(5000 + i, f"p{i}") for i in range(20)]
    notes = [(i, 5000 + i % 20, 70_000 + i) for i in range(30)]
    path = make_sqlite(
        {
            "people": ('CREATE TABLE people ("PPL-No" INTEGER PRIMARY KEY, name TEXT)', people),
            "notes": (
                'CREATE TABLE notes ("N-Line" INTEGER PRIMARY KEY, "Who" INTEGER, "Amount" INTEGER)',
                notes,
            ),
        }
    )
    schema = _load_blue_green(path, pg_uri, tmp_path)["schema"]
    keys, indexes = _constraints(pg_uri, schema, "notes")
    assert keys == ["notes_pkey"]
    assert sorted(index.split(" USING btree ")[1] for index in indexes) == ['("N-Line")', '("Who")']


def test_duplicates_fail_refuses_the_export_with_exit_3(make_sqlite: SqliteFactory, pg_uri: str) -> None:
    path = make_sqlite({"t": ("CREATE TABLE t (a TEXT, b TEXT)", [("x", "1"), ("x", "1"), ("y", "2")])})
    result = runner.invoke(
        app, ["load", str(path), "--target", pg_uri], env={"COLUMNAR_ETL_DUPLICATES": "fail"}
    )
    assert result.exit_code == 3, result.output
    assert "1 exact duplicate rows and duplicates = fail" in result.output
    assert pg_query(pg_uri, "SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'servicedesk%'") == [(0,)]


def test_index_names_never_take_a_later_tables_name(
    make_sqlite: SqliteFactory, pg_uri: str, tmp_path: Path
) -> None:
    # PostgreSQL names t's key index t_pkey when nothing has that name yet: the next table, named
    # t_pkey in the export, then failed its CREATE (relation already exists, exit 1).
    rows = [(i, f"v{i}") for i in range(1, 6)]
    path = make_sqlite(
        {
            "t": ("CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT)", rows),
            "t_pkey": ("CREATE TABLE t_pkey (id INTEGER PRIMARY KEY, a TEXT)", rows),
        }
    )
    schema = _load_blue_green(path, pg_uri, tmp_path)["schema"]
    assert _constraints(pg_uri, schema, "t")[0] == ["t_pkey1"]
    assert _constraints(pg_uri, schema, "t_pkey")[0] == ["t_pkey_pkey"]
    assert pg_query(pg_uri, f'SELECT count(*) FROM "{schema}".t_pkey') == [(5,)]


def _incompressible(length: int, seed: int) -> str:
    """Text PostgreSQL cannot compress below a B-tree entry's limit (about 2.7 kB): random letters."""
    pick = random.Random(seed)
    return "".join(pick.choice(string.ascii_letters + string.digits) for _ in range(length))


def test_a_key_too_long_for_a_btree_gets_a_hash_index(
    make_sqlite: SqliteFactory, pg_uri: str, tmp_path: Path
) -> None:
    # A table keyed by its URL, and one referring to it: one URL is longer than a B-tree entry can be.
    # PostgreSQL refused the primary key with program_limit_exceeded, which failed the load (exit 1).
    urls = [f"https://example.org/{i}" for i in range(5)] + [
        f"https://example.org/?q={_incompressible(4000, 1)}"
    ]
    visits = [(i, urls[i % len(urls)]) for i in range(12)]
    path = make_sqlite(
        {
            "pages": ("CREATE TABLE pages (url TEXT PRIMARY KEY, title TEXT)", [(u, "t") for u in urls]),
            "visits": (
                "CREATE TABLE visits (id INTEGER PRIMARY KEY, url TEXT REFERENCES pages (url))",
                visits,
            ),
        }
    )
    data = _load_blue_green(path, pg_uri, tmp_path)
    schema = data["schema"]
    assert data["rows"] == {"pages": 6, "visits": 12}
    why = data["key_indexes"]["pages"]
    assert why.startswith("PostgreSQL refused it after cleaning: index row size ")
    assert why.endswith("; a hash index instead (a value is too long for a B-tree)")
    assert _constraints(pg_uri, schema, "pages") == (
        [],
        [f"CREATE INDEX pages_url_idx ON {schema}.pages USING hash (url)"],
    )
    keys, indexes = _constraints(pg_uri, schema, "visits")
    assert keys == ["visits_pkey"]
    assert sorted(index.split(" USING ")[1] for index in indexes) == ["btree (id)", "hash (url)"]
    # Every value arrived whole, the long one too.
    assert sorted(pg_query(pg_uri, f"SELECT url FROM {schema}.pages")) == sorted((u,) for u in urls)
    assert sorted(pg_query(pg_uri, f"SELECT id, url FROM {schema}.visits")) == visits


def test_a_composite_key_too_long_for_a_btree_gets_no_index(
    make_sqlite: SqliteFactory, pg_uri: str, tmp_path: Path
) -> None:
    # A hash index holds one column: a two-column key with a value too long for a B-tree gets none.
    rows = [("a", "short"), ("a", _incompressible(4000, 2)), ("b", "short")]
    path = make_sqlite({"t": ("CREATE TABLE t (k TEXT, body TEXT, PRIMARY KEY (k, body))", rows)})
    data = _load_blue_green(path, pg_uri, tmp_path)
    assert data["rows"] == {"t": 3}
    assert data["key_indexes"]["t"].endswith("; no index (a value is too long for a B-tree)")
    assert _constraints(pg_uri, data["schema"], "t") == ([], [])
    assert sorted(pg_query(pg_uri, f"SELECT k, body FROM {data['schema']}.t")) == sorted(rows)
