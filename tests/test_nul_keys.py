"""A key whose text holds NUL bytes (helper h83's hunt): SQLite keeps ``'A\\x00'`` and ``'A'`` apart (two
keys, under its own PRIMARY KEY too), but cleaning removes the NUL (PostgreSQL's text holds none, a key
loaded as written included), so the target holds ``'A'`` twice. Until 2026-12-03 the profile's "N rows
share their key" left them out: no duplicate key, no blocker, and PostgreSQL refused the primary key
after cleaning. Expected figures come from the source's own bytes, counted in Python, and from the
target, never from the package.
"""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import columnar_etl
from columnar_etl.config import load_settings

from .conftest import SqliteFactory, pg_query, primary_key
from .lossless_check import summarize
from .test_lossless import GATES_OPEN, load_and_check

#: (code, value): 'A' once with a NUL, 'C' three ways; 'E' and 'E\x00' are also equal rows once cleaned.
ROWS = [
    ("A\x00", "x"),
    ("A", "y"),
    ("B", "z"),
    ("C\x00\x00", "q"),
    ("C", "r"),
    ("\x00C", "s"),
    ("D\x00D", "d"),
    ("E", "e"),
    ("E\x00", "e"),
]
TABLES = {
    # A declared key SQLite indexes (no rowid alias): counted.
    "single": ("CREATE TABLE single (code TEXT PRIMARY KEY, v TEXT)", ROWS),
    # Enforced (NOT NULL under the index): counted anyway.
    "pair": (
        "CREATE TABLE pair (code TEXT NOT NULL, sub TEXT NOT NULL, v TEXT, PRIMARY KEY (code, sub))",
        [(code, "k", v) for code, v in ROWS],
    ),
}
#: A bytea key keeps every byte (its TEXT cells arrive as the bytes of their text, NULs included): only
#: the TEXT 'a' and the BLOB b'a' meet (two storage classes), not b'a\x00'.
BYTES = (
    "CREATE TABLE bytes (k BLOB PRIMARY KEY, v TEXT)",
    [(b"a\x00", "x"), ("a", "y"), (b"a", "z"), ("b\x00", "w")],
)
#: Not declared: the column unique to SQLite is no key once counted.
#: Its next column holds generated tokens: a key however few the rows (keys.data_key; since 2026-12-06
#: ``r0``, ``r1``... on a few rows may be distinct by chance).
FOUND = (
    "CREATE TABLE found (code TEXT, label TEXT)",
    [(code, f"r{i}-{hashlib.md5(bytes([i])).hexdigest()}") for i, (code, _) in enumerate(ROWS)],
)


def _sharing(rows: list[tuple[str, ...]], width: int) -> int:
    """Rows whose key (the first ``width`` cells) is another row's once the NUL bytes are gone."""
    keys = {tuple(cell.replace("\x00", "") for cell in row[:width]) for row in rows}
    return len(rows) - len(keys)


def _source_rows(path: Path, table: str) -> list[tuple[str, ...]]:
    con = sqlite3.connect(path)
    con.text_factory = lambda raw: raw.decode()
    try:
        return con.execute(f"SELECT * FROM {table}").fetchall()
    finally:
        con.close()


def test_keys_meeting_once_their_nul_bytes_are_removed_share_their_key(make_sqlite: SqliteFactory) -> None:
    path = make_sqlite({**TABLES, "found": FOUND, "bytes": BYTES}, name="nul_keys.db")
    assert _source_rows(path, "single")[0][0] == "A\x00"  # the NUL is in the file
    profile = columnar_etl.profile(path, settings=load_settings(**GATES_OPEN))
    for table, width in (("single", 1), ("pair", 2)):
        found = profile[table]
        expected = _sharing(_source_rows(path, table), width)
        assert expected == 4  # A (1), C (2), E (1)
        assert found.duplicate_keys == expected, table
        assert found.duplicate_rows == 0, table  # every row differs from every other as written
        blocker = found.primary_key_blocker() or ""
        assert blocker.startswith(f"{expected} rows share their key"), blocker
        assert "code: NUL bytes removed by cleaning" in blocker, blocker
        issue = next(i for i in found.issues if i.kind == "duplicate_key")
        assert "holds NUL bytes" in (issue.detail or "")
        assert set(issue.examples) >= {"A" if width == 1 else "A|k"}
    # The leftmost text column unique to SQLite is none once counted: the next one is the key.
    assert profile["found"].key == ["label"] and profile["found"].key_found == "data_unique"
    cells = [k if isinstance(k, bytes) else k.encode() for k, _ in BYTES[1]]
    assert profile["bytes"].duplicate_keys == len(cells) - len(set(cells)) == 1
    assert "NUL" not in (profile["bytes"].primary_key_blocker() or "")


def test_a_run_loads_every_row_of_a_key_meeting_through_nul_bytes(
    pg_uri: str, tmp_path: Path, make_sqlite: SqliteFactory
) -> None:
    path = make_sqlite({**TABLES, "found": FOUND, "bytes": BYTES}, name="nul_keys.db")
    loaded = load_and_check(path, pg_uri, tmp_path, **GATES_OPEN)
    assert loaded.violations == [], summarize(loaded.violations)
    schema = loaded.result.record.version_schema
    for table, width in (("single", 1), ("pair", 2)):
        # The target's rows sharing their key: what the profile counted (no row lost, none merged).
        counted = loaded.result.profile[table].duplicate_keys
        key = ", ".join(["code", "sub"][:width])
        rows, keys = pg_query(pg_uri, f"SELECT count(*), count(DISTINCT ({key})) FROM {schema}.{table}")[0]
        assert (rows, rows - keys) == (len(ROWS), counted), table
        assert primary_key(pg_uri, schema, table) == []  # a plain index, said before the load
    rows, keys = pg_query(pg_uri, f"SELECT count(*), count(DISTINCT k) FROM {schema}.bytes")[0]
    assert rows - keys == loaded.result.profile["bytes"].duplicate_keys == 1
    warnings = " ".join(loaded.result.record.warnings)
    assert "NUL bytes removed by cleaning" in warnings, loaded.result.record.warnings
    assert "PostgreSQL refused it after cleaning" not in warnings
    nul = [r for r in loaded.log("audit") if r["rule"] == "nul_removed" and r["table"] == "single"]
    assert len(nul) == sum("\x00" in code for code, _ in ROWS)
