"""What the SQLite *schema* of an export can hold, through ``columnar-etl run`` into the session's real
PostgreSQL, every cell checked.

The files are built by ``tests/schema_features.py`` as SQLite's documentation describes each feature:
STRICT and WITHOUT ROWID tables, rowid aliases and ``INT PRIMARY KEY`` (none), AUTOINCREMENT, composite,
UNIQUE, CHECK and FOREIGN KEY constraints (one to a table the export lacks), generated columns, DEFAULT
expressions, COLLATE NOCASE, views, triggers, FTS4/FTS5/R*Tree and their storage, ANALYZE's tables,
awkward names and declared types that mean nothing to PostgreSQL. Each test runs the CLI as an operator
would (``run --mode simple --yes --json``), then checks every cell of the target against the source and
the audit with the project's lossless checker, the exit code and run.json's outcome, the types chosen,
and the values the builder knows, computed from the builder's own numbers or read from the file with
Python's ``sqlite3`` (SQLite's own clock and random bytes), never from a run.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

from columnar_etl import profile
from columnar_etl.pg.identifiers import quote_ident
from columnar_etl.profiling.affinity import declared_family
from columnar_etl.source.duckdb_reader import connect_duckdb
from columnar_etl.source.early import quick_check
from columnar_etl.source.virtual_tables import contentless

from . import schema_features as sf
from .conftest import SqliteFactory, pg_query, primary_key
from .lossless_check import check_run, summarize
from .test_orm_exports import clean_exit
from .test_other_products import Ran, loaded_cleanly, run_export

__all__ = ["run_export"]  # the fixture, used by name

Runner = Callable[..., tuple[Ran, Path]]
ROWS = range(sf.ROWS)


def profile_of(run_dir: Path) -> dict[str, Any]:
    profiled: dict[str, Any] = json.loads((run_dir / "profile.json").read_text())
    return profiled


def target_tables(ran: Ran) -> set[str]:
    schema = ran.record["version_schema"]
    rows = pg_query(
        ran.uri, f"SELECT table_name FROM information_schema.tables WHERE table_schema = '{schema}'"
    )
    return {str(name) for (name,) in rows}


def source_rows(db: Path, sql: str) -> list[tuple[Any, ...]]:
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return list(con.execute(sql))
    finally:
        con.close()


def reader_sqlite_version() -> tuple[int, ...]:
    """The version of the SQLite inside DuckDB's sqlite_scanner, which reads the data."""
    con = connect_duckdb()
    try:
        con.execute("ATTACH ':memory:' AS probe (TYPE sqlite)")
        (version,) = con.execute(
            "SELECT * FROM sqlite_query('probe', 'SELECT sqlite_version()')"
        ).fetchone() or ("0",)
    finally:
        con.close()
    return tuple(int(part) for part in str(version).split("."))


# --- keys and constraints ------------------------------------------------------------------------------


def test_strict_without_rowid_autoincrement_and_constraints_arrive_with_their_keys(
    run_export: Runner,
) -> None:
    # Batches of 5 rows: a WITHOUT ROWID table (no rowid ranges to split its reads by) spans three.
    ran, run_dir = run_export(sf.keys_and_constraints, COLUMNAR_ETL_BATCH_SIZE="5")
    loaded_cleanly(ran, run_dir, {"accounts": 12, "tickets": 12, "ticket_tags": 12, "legacy_codes": 12})
    # The one warning: INT PRIMARY KEY is no rowid alias, so SQLite let it hold a NULL; the target
    # gets a plain index, not a primary key (documented, test_lossless).
    assert (ran.code, ran.record["outcome"]) == (2, "warn")
    (warning,) = ran.record["warnings"]
    assert warning.startswith("legacy_codes: plain index instead of a primary key: 1 rows have NULL")
    # sqlite_sequence is SQLite's bookkeeping of AUTOINCREMENT: in the file, not loaded, no warning.
    assert source_rows(ran.db, "SELECT name, seq FROM sqlite_sequence") == [("accounts", sf.ROWS + 3)]
    assert target_tables(ran) == {"accounts", "tickets", "ticket_tags", "legacy_codes"}
    schema = ran.record["version_schema"]
    assert primary_key(ran.uri, schema, "accounts") == ["id"]
    assert primary_key(ran.uri, schema, "ticket_tags") == ["ticket_id", "tag"]  # WITHOUT ROWID, composite
    assert primary_key(ran.uri, schema, "legacy_codes") == []
    # A STRICT table's ANY column keeps each value's storage class; beside a BLOB, the column is bytea
    # and the others are the UTF-8 bytes of their text (documented: mixed_storage_classes).
    assert ran.types("accounts")["score"] == "bytea"

    def as_bytes(value: object) -> bytes | None:
        return None if value is None else value if isinstance(value, bytes) else str(value).encode()

    scores = {k: None if v is None else bytes(v) for k, v in ran.values("accounts", "score", "id").items()}
    assert scores == {i + 1: as_bytes(sf.any_value(i)) for i in ROWS}
    assert ran.values("accounts", "balance", "id") == {i + 1: i * 10.25 for i in ROWS}
    assert ran.values("legacy_codes", "code", "label") == {
        f"code {i}": None if sf.legacy_code(i) is None else str(sf.legacy_code(i)) for i in ROWS
    }
    # A reference to a table the export does not have is no reference, and no failure.
    references = {
        (t["name"], c["name"]): c["foreign_key"] for t in profile_of(run_dir)["tables"] for c in t["columns"]
    }
    assert references[("tickets", "requester_id")] == "accounts.id"
    assert references[("ticket_tags", "ticket_id")] == "tickets.id"
    assert references[("tickets", "team_id")] is None
    assert ran.values("tickets", "team_id", "id") == {i + 1: 100 + i % 3 for i in ROWS}


# --- generated columns, defaults, collations --------------------------------------------------------------


def test_generated_columns_defaults_and_nocase_values_arrive_as_sqlite_reads_them(run_export: Runner) -> None:
    ran, run_dir = run_export(sf.computed_columns)
    rows = {"timesheet": sf.ROWS + 3, "strict_sheet": sf.ROWS, "norowid_sheet": sf.ROWS, "handles": sf.ROWS}
    loaded_cleanly(ran, run_dir, rows)
    clean_exit(ran)
    assert ran.types("timesheet") == {
        "id": "bigint",
        "hours": "double precision",
        "rate": "bigint",
        "cost": "double precision",
        "code": "text",
        "created": "timestamp without time zone",
        "token": "text",
        "source": "text",
    }
    every = range(sf.ROWS + 3)
    # VIRTUAL and STORED alike: the values SQLite computes, in any kind of table.
    assert ran.values("timesheet", "cost", "id") == {i + 1: (i / 4) * (40 + i % 7) for i in every}
    assert ran.values("timesheet", "code", "id") == {i + 1: f"T-{i + 1:05d}" for i in every}
    assert ran.values("strict_sheet", "doubled", "id") == {i: i * 1.5 * 2 for i in ROWS}
    assert ran.values("strict_sheet", "half", "id") == {i: i * 1.5 / 2 for i in ROWS}
    assert ran.values("norowid_sheet", "k_upper", "k") == {f"k{i}": f"K{i}" for i in ROWS}
    assert ran.values("norowid_sheet", "n_sq", "k") == {f"k{i}": i * i for i in ROWS}
    # DEFAULT expressions: what SQLite wrote (its clock, its random bytes), read from the file.
    written = dict(source_rows(ran.db, "SELECT id, created FROM timesheet"))
    assert ran.values("timesheet", "created", "id") == {
        k: datetime.fromisoformat(v) for k, v in written.items()
    }
    assert all(written[i + 1] == sf.created(i) for i in ROWS)
    tokens = dict(source_rows(ran.db, "SELECT id, token FROM timesheet"))
    assert ran.values("timesheet", "token", "id") == tokens
    assert all(len(tokens[i + 1]) == 8 for i in every)
    assert set(ran.values("timesheet", "source", "id").values()) == {"import"}
    # COLLATE NOCASE: `agent0` and `AGENT0` are one value to SQLite's =, two rows here, neither
    # removed as a copy of the other, and both in the key PostgreSQL compares byte for byte.
    relation = f"{quote_ident(ran.base)}.handles"
    handles = sorted(v for (v,) in pg_query(ran.uri, f"SELECT handle FROM {relation}"))
    assert handles == sorted(sf.handle(i) for i in ROWS)
    assert source_rows(ran.db, "SELECT count(DISTINCT handle) FROM handles") == [(sf.ROWS // 2,)]
    assert primary_key(ran.uri, ran.record["version_schema"], "handles") == ["handle"]


def test_references_to_a_nocase_key_in_another_case_are_no_orphans(run_export: Runner) -> None:
    # SQLite's foreign key check compares a child's value with the parent key by the key's collating
    # sequence: `Billing` refers to the `billing` of a COLLATE NOCASE key. Until 2026-12-03 the profile
    # compared bytes: 8 and 12 of 24 rows were orphans, quality 0 for both columns, the export's 42.86,
    # and the run was refused (exit 3, min_quality).
    ran, run_dir = run_export(sf.nocase_references)
    assert source_rows(ran.db, "PRAGMA foreign_key_check") == []  # SQLite's own verdict: no orphan
    loaded_cleanly(ran, run_dir, {"tags": 3, "agents": 3, "ticket_tags": 2 * sf.ROWS})
    clean_exit(ran)
    (table,) = [t for t in profile_of(run_dir)["tables"] if t["name"] == "ticket_tags"]
    columns = {c["name"]: c for c in table["columns"]}
    assert (columns["tag"]["foreign_key"], columns["agent_email"]["foreign_key"]) == (
        "tags.name",
        "agents.email",
    )
    assert not [i for c in columns.values() for i in c["issues"] if i["kind"] == "orphan_reference"]
    # Each value as the child wrote it: the target compares bytes, as the runbook says.
    assert ran.values("ticket_tags", "tag", "id") == {i + 1: sf.tag_as_written(i) for i in range(2 * sf.ROWS)}
    assert {sf.tag_as_written(i) for i in range(6)} > set(sf.TAGS)


def test_a_nocase_key_still_has_its_orphans_counted(make_sqlite: SqliteFactory) -> None:
    ddl_tags = "CREATE TABLE tags (name TEXT PRIMARY KEY COLLATE NOCASE)"
    ddl_child = "CREATE TABLE t (id INTEGER PRIMARY KEY, tag TEXT REFERENCES tags (name))"
    values = ["billing", "BILLING", "Billíng", "none", "VIP", "vip "]  # í: NOCASE folds ASCII only
    path = make_sqlite(
        {"tags": (ddl_tags, [("billing",), ("vip",)]), "t": (ddl_child, list(enumerate(values)))}
    )
    con = sqlite3.connect(path)
    orphans = {str(row[1]) for row in con.execute("PRAGMA foreign_key_check(t)")}
    con.close()
    column = profile(path)["t"]["tag"]
    issue = column.issue("orphan_reference")
    assert issue is not None
    # SQLite's verdict: rows 2 (Billíng), 3 (none) and 5 ('vip ': NOCASE does not trim); the profile
    # counts them as SQLite does (until 2026-12-03 it compared trimmed values, and found 'vip '), and
    # says the target joins 'vip ' once cleaning has trimmed it.
    assert orphans == {"2", "3", "5"}
    # Its examples as compared: the ASCII letters folded, as the detail says.
    assert issue.count == 3 and set(issue.examples) == {"billíng", "none", "vip "}
    assert issue.detail.endswith("(compared as its COLLATE NOCASE compares: ASCII letters in lower case)")
    assert column.joined_by_cleaning is not None and column.joined_by_cleaning.startswith("1 row SQLite")


def test_a_column_of_no_values_takes_the_binary_type_it_is_declared(
    make_sqlite: SqliteFactory, run_export: Runner
) -> None:
    # helper h80: a BLOB column holding only NULLs (no attachment yet this quarter) loaded as text, and
    # the next quarter's, with its first attachment, as bytea: a type change between versions (drift)
    # for one column that never changed. With no value to go by, the declared type decides.
    ddl = "CREATE TABLE t (id INTEGER PRIMARY KEY, a BLOB, b MEDIUMBLOB, c VARBINARY(16), d BYTEA, e TEXT, f)"
    path = make_sqlite({"t": (ddl, [(i, None, None, None, None, None, None) for i in range(1, 4)])})
    found = profile(path)["t"]
    assert {name: found[name].inferred_type for name in "abcdef"} == {
        "a": "bytea",
        "b": "bytea",
        "c": "bytea",
        "d": "bytea",
        "e": "text",
        "f": "text",
    }

    # Loaded so, every cell NULL as in the export.
    def no_attachments(target: Path) -> Path:
        target.write_bytes(path.read_bytes())
        return target

    ran, run_dir = run_export(no_attachments)
    assert ran.code == 0 and ran.violations(run_dir) == []
    types = ran.types("t")
    assert {name: types[name] for name in "abcdef"} == {
        **dict.fromkeys("abcd", "bytea"),
        "e": "text",
        "f": "text",
    }
    # A value decides as before: one TEXT cell in a column declared BLOB is bytes, as always.
    con = sqlite3.connect(path)
    with con:
        con.execute("UPDATE t SET a = x'00ff', e = 'x' WHERE id = 1")
    con.close()
    again = profile(path)["t"]
    assert (again["a"].inferred_type, again["e"].inferred_type) == ("bytea", "text")


def test_a_bit_column_of_no_values_is_an_integer_as_its_flags_beside_it(
    make_sqlite: SqliteFactory, run_export: Runner
) -> None:
    # helper h170 (pytest-testmon's .testmondata: `failed BIT` 0/1 and `forced BIT`, NULL in every row
    # after a plain run, 0/1 after a run that selects tests): SQL Server's and MySQL's BIT names no
    # SQLite word, so a BIT column with no value yet loaded as text beside its twin's bigint, and the
    # live text then kept the next export's 0/1 flags as text. BIT is an integer type: bigint.
    ddl = "CREATE TABLE runs (id INTEGER PRIMARY KEY, failed BIT, forced BIT, shown BIT(1), verbose bit)"
    rows = [(i, i % 2, None, None, None) for i in range(1, 5)]
    path = make_sqlite({"runs": (ddl, rows)})
    found = profile(path)["runs"]
    assert {
        name: found[name].inferred_type for name in ("failed", "forced", "shown", "verbose")
    } == dict.fromkeys(("failed", "forced", "shown", "verbose"), "integer")

    def no_forced_run(target: Path) -> Path:
        target.write_bytes(path.read_bytes())
        return target

    ran, run_dir = run_export(no_forced_run)
    loaded_cleanly(ran, run_dir, {"runs": len(rows)})
    assert (ran.code, ran.record["warnings"]) == (0, [])
    assert {
        name: ran.types("runs")[name] for name in ("failed", "forced", "shown", "verbose")
    } == dict.fromkeys(("failed", "forced", "shown", "verbose"), "bigint")
    assert ran.values("runs", "failed", "id") == {i: i % 2 for i in range(1, 5)}
    assert set(ran.values("runs", "forced", "id").values()) == {None}


def test_a_binary_declared_column_of_blank_text_alone_is_text_and_its_blanks_null(
    make_sqlite: SqliteFactory, run_export: Runner
) -> None:
    # helper h141 (a wiki's own SQLite file: every string column declared BLOB, a user's real name
    # NOT NULL DEFAULT '' and '' in every row): a column of nothing but '' TEXT cells took its declared
    # binary type, as if it held no cells at all. It loaded as bytea, its '' kept as empty bytes, while
    # its profile said "BLOB cells among INTEGER/REAL/TEXT cells" (there were none) and "'' ... made
    # NULL" (it was not). The cells are TEXT: text, their blanks NULL by the documented rule, audited.
    ddl = "CREATE TABLE t (id INTEGER PRIMARY KEY, name BLOB NOT NULL DEFAULT '', token BLOB, pic BLOB)"
    rows = [(i, "", "" if i % 2 else None, None) for i in range(1, 7)]
    path = make_sqlite({"t": (ddl, rows)})
    found = profile(path)["t"]
    assert {name: found[name].inferred_type for name in ("name", "token", "pic")} == {
        "name": "text",
        "token": "text",
        "pic": "bytea",  # no cell at all: the declared type, as before
    }
    for name in ("name", "token", "pic"):
        assert found[name].issue("mixed_storage_classes") is None, name

    def blank_names(target: Path) -> Path:
        target.write_bytes(path.read_bytes())
        return target

    ran, run_dir = run_export(blank_names)
    assert ran.violations(run_dir) == []
    types = ran.types("t")
    assert (types["name"], types["token"], types["pic"]) == ("text", "text", "bytea")
    assert ran.values("t", "name", "id") == dict.fromkeys(range(1, 7))
    assert ran.values("t", "token", "id") == dict.fromkeys(range(1, 7))
    audited = {
        (r["column"], r["row_key"], r["raw_value"], r["new_value"], r["rule"])
        for r in pq.read_table(run_dir / "audit.parquet").to_pylist()
    }
    expected = {("name", str(i), "", None, "empty_to_null") for i in range(1, 7)}
    expected |= {("token", str(i), "", None, "empty_to_null") for i in (1, 3, 5)}
    assert audited == expected


def test_text_cells_of_a_bytes_column_cost_no_cleaning_they_do_not_get(
    make_sqlite: SqliteFactory, run_export: Runner
) -> None:
    # helper h141 (a wiki's revision texts, deflated: most bound as BLOBs, one as TEXT): a bytea
    # column's TEXT cells are loaded as their bytes, nothing trimmed, decoded, stripped or made NULL
    # (audited as_bytes). Its profile still counted them as blanks, null tokens, padding, NUL bytes and
    # invalid UTF-8 "decoded by source_encoding_fallback": the column scored 0, the table 66.7, and the
    # run warned (exit 2) of a quality below the gate for cleaning it never did.
    ddl = "CREATE TABLE t (id INTEGER PRIMARY KEY, data BLOB, note TEXT)"
    texts = {2: "", 3: "  padded ", 5: "N/A", 7: "x\x00y"}
    blobs = {1: b"\x00\x01bin", 6: b"\x78\x9c\x0b\xff", 8: b"plain"}
    rows = [(i, blobs.get(i, texts.get(i)), f"note {i}") for i in range(1, 9)]
    path = make_sqlite({"t": (ddl, rows)})
    con = sqlite3.connect(path)
    with con:  # TEXT that is no UTF-8, as PHP's PDO binds a deflated string
        con.execute("INSERT INTO t VALUES (9, CAST(x'0b0bf0b3' AS TEXT), 'note 9')")
    con.close()
    texts[9] = "\x0b\x0b\xf0\xb3"

    def revisions(target: Path) -> Path:
        target.write_bytes(path.read_bytes())
        return target

    ran, run_dir = run_export(revisions)
    assert ran.violations(run_dir) == []
    assert ran.types("t")["data"] == "bytea"
    column = profile_of(run_dir)["tables"][0]["columns"][1]
    assert [(issue["kind"], issue["count"]) for issue in column["issues"]] == [("mixed_storage_classes", 5)]
    assert column["quality"] == 100.0
    assert (ran.code, ran.record["warnings"]) == (0, [])
    raw = {i: t.encode("latin-1") if i == 9 else t.encode() for i, t in texts.items()}
    assert ran.values("t", "data", "id") == {i: raw.get(i, blobs.get(i)) for i in range(1, 10)}


# --- views, triggers, virtual tables, statistics, empty tables --------------------------------------------


def test_views_triggers_indexes_statistics_and_empty_tables(run_export: Runner) -> None:
    ran, run_dir = run_export(sf.schema_objects)
    rows = {
        "agents": 4,
        "tickets": sf.ROWS,
        "empty_archive": 0,
        "seen_ids": sf.ROWS,
        "tickets_fts": sf.ROWS,
        "kb_fts": 5,
        "notes_fts": 4,
        "sites": 3,
    }
    loaded_cleanly(ran, run_dir, rows)
    clean_exit(ran)
    assert target_tables(ran) == set(rows)
    notes = ran.record["notes"]
    assert [note.split(":")[0] for note in notes] == [
        "2 views not loaded ('open_tickets', 'ticket_agents')",
        "1 trigger not copied ('tickets_seen')",
    ]
    profiled = profile_of(run_dir)
    shadows = {
        str(name) for _, name, kind, *_ in source_rows(ran.db, "PRAGMA table_list") if kind == "shadow"
    }
    assert set(profiled["internal_tables"]) == shadows and len(shadows) == 17  # 4 + 5 + 5 + 3
    # ANALYZE's statistics (and a STAT4 build's samples) are SQLite's: in the file, never loaded.
    stats = {
        n for (n,) in source_rows(ran.db, "SELECT name FROM sqlite_master WHERE name LIKE 'sqlite_stat%'")
    }
    assert stats == {"sqlite_stat1", "sqlite_stat4"}
    assert not stats & {t["name"] for t in profiled["tables"]}
    # A table with no rows has its declared types; a table of only its key, its keys.
    assert ran.types("empty_archive") == {"id": "bigint", "archived_at": "text", "note": "text"}
    assert sorted(ran.values("seen_ids", "id", "id")) == [i + 1 for i in ROWS]  # the trigger's rows
    relation = f"{quote_ident(ran.base)}.tickets_fts"
    indexed = sorted(pg_query(ran.uri, f"SELECT subject, body FROM {relation}"))
    assert indexed == sorted((sf.subject(i), f"body {i}") for i in ROWS)
    assert ran.values("sites", "max_x", "id") == {i + 1: i + 1.5 for i in range(3)}


def test_tables_and_columns_named_as_sqlite_allows_arrive_under_their_names(run_export: Runner) -> None:
    ran, run_dir = run_export(sf.awkward_names)
    names = [*sf.AWKWARD_TABLES, "people", "Tickets", "TİCKETS"]
    clean_exit(ran)
    assert {t: (r["in"], r["out"]) for t, r in ran.record["rows"].items()} == dict.fromkeys(names, (3, 3))
    violations = ran.violations(run_dir)
    assert violations == [], summarize(violations)
    renamed = ran.record["load"]["table_names"]
    long_name = sf.AWKWARD_TABLES[-1]
    assert list(renamed) == [long_name] and len(renamed[long_name].encode()) <= 63
    for name in names:
        relation = f"{quote_ident(ran.base)}.{quote_ident(renamed.get(name, name))}"
        assert pg_query(ran.uri, f"SELECT count(*) FROM {relation}") == [(3,)], name
    for name in sf.AWKWARD_TABLES[:-1]:
        assert ran.values(name, name, "id") == {i + 1: f"{name} {i}" for i in range(3)}, name
        assert ran.values(name, "from", "id") == {i + 1: i for i in range(3)}, name
    assert target_tables(ran) == {name for name in names if name != long_name} | {renamed[long_name]}
    assert set(ran.types("people")) == {"Id", "Name", "name ", "e-mail"}
    assert ran.values("Tickets", "Subject", "ID") == {i + 1: sf.subject(i) for i in range(3)}
    assert ran.values("TİCKETS", "subject", "id") == {i + 1: sf.subject(i + 10) for i in range(3)}


# --- declared types --------------------------------------------------------------------------------------


def test_declared_types_postgresql_would_read_otherwise_hold_their_values(run_export: Runner) -> None:
    ran, run_dir = run_export(sf.declared_types)
    loaded_cleanly(ran, run_dir, {"typed": sf.ROWS})
    clean_exit(ran)
    assert ran.types("typed") == {
        "id": "bigint",
        "short_name": "text",  # VARCHAR(10) holding 300 characters: never varchar(10), never cut
        "price": "numeric",  # NUMERIC(10,2)'s affinity made 12.345 a REAL: the decimal, all three digits
        "big": "bigint",
        "ratio": "double precision",
        "label": "text",
        "count8": "bigint",
        "active": "boolean",
        "payload": "text",
        "ref": "text",  # a UUID as written (uuid would print it lower-case, hyphenated its own way)
        "anything": "text",
        "raw": "text",
        "weight": "double precision",
    }

    def arrived(column: str) -> dict[Any, Any]:
        return ran.values("typed", column, "id")

    assert arrived("short_name") == {i + 1: sf.declared_value("short_name", i) for i in ROWS}
    assert max(len(v) for v in arrived("short_name").values()) == 300
    assert {k: Decimal(v) for k, v in arrived("price").items()} == {i + 1: Decimal(sf.price(i)) for i in ROWS}
    assert sf.price(1) == "13.346"
    for column in ("big", "ratio", "label", "count8", "payload", "ref", "raw", "weight"):
        assert arrived(column) == {i + 1: sf.declared_value(column, i) for i in ROWS}, column
    assert arrived("active") == {
        i + 1: None if (v := sf.declared_value("active", i)) is None else bool(v) for i in ROWS
    }
    assert arrived("anything") == {
        i + 1: repr(v) if isinstance(v := sf.declared_value("anything", i), float) else str(v) for i in ROWS
    }
    # FLOATING POINT has SQLite's INTEGER affinity (the INT of POINT): 1.0 is an INTEGER cell, 1.25 a
    # REAL one. Until 2026-12-03 the profile took the name for an integer column and called every
    # fraction a type_mismatch, costing the column its quality points.
    classes = dict(source_rows(ran.db, "SELECT id, typeof(weight) FROM typed"))
    assert set(classes.values()) == {"integer", "real"}
    (table,) = profile_of(run_dir)["tables"]
    issues = {c["name"]: {i["kind"] for i in c["issues"]} for c in table["columns"]}
    assert "type_mismatch" not in issues["weight"]


@pytest.mark.parametrize(
    ("declared", "family"),
    [
        ("FLOATING POINT", "double"),
        ("floating point", "double"),
        ("DOUBLE PRECISION", "double"),
        ("REAL", "double"),
        ("UNSIGNED BIG INT", "integer"),
        ("INT8", "integer"),
        ("POINT", None),  # a geometry (GeoPackage), test_profile
        ("INTEGER_OR_TEXT", None),
        ("CHARACTER VARYING(255)", "text"),
        ("NUMERIC(10,2)", "numeric"),
        ("BIT", "integer"),  # SQL Server's and MySQL's flags: no SQLite word (NUMERIC affinity)
        ("bit(1)", "integer"),
        ("BIT VARYING(8)", None),  # PostgreSQL's bit string: text of 0s and 1s
        ("ORBIT", None),
    ],
)
def test_a_declared_float_whose_name_holds_int_claims_a_float(declared: str, family: str | None) -> None:
    assert declared_family(declared) == family


# --- what SQLite here, or the reader's SQLite, cannot read -------------------------------------------------


def test_full_text_indexes_sqlite_cannot_list_are_left_out_with_a_warning_not_called_corrupt(
    run_export: Runner,
) -> None:
    # Until 2026-12-03 each of these halted the run in the preflight, exit 3: "SQLite file is corrupt:
    # SQL logic error" (contentless FTS4: a scan is an error by its documentation) or "no such table:
    # main.kb_old" (the index's content table not in the file), hint "copy the export again". A
    # contentless FTS5 index loaded a row of NULLs per document, and then removed all but one of them
    # as copies (exit 2 for a table that never held a value).
    ran, run_dir = run_export(sf.search_indexes)
    assert (ran.code, ran.record["outcome"]) == (2, "warn")
    assert {t: (r["in"], r["out"]) for t, r in ran.record["rows"].items()} == {"kb": (sf.ROWS, sf.ROWS)}
    violations = check_run(type("R", (), {"run_dir": run_dir})(), ran.db, ran.uri, ran.base, tables=["kb"])
    assert violations == [], summarize(violations)
    assert target_tables(ran) == {"kb"}
    unreadable = profile_of(run_dir)["unreadable_tables"]
    assert set(unreadable) == {"kb_words", "kb_tokens", "kb_search"}
    assert unreadable["kb_words"].startswith("a contentless fts4 index")
    assert unreadable["kb_tokens"].startswith("a contentless fts5 index")
    assert "no such table: main.kb_old" in unreadable["kb_search"]
    assert ran.record["warnings"] == [f"table {name!r} not loaded: {why}" for name, why in unreadable.items()]
    assert ran.record["error"] is None
    assert ran.values("kb", "title", "id") == {i + 1: f"Article {i}" for i in ROWS}


@pytest.mark.parametrize(
    ("statement", "expected"),
    [
        ('CREATE VIRTUAL TABLE a USING fts4(content="", t)', True),
        ("CREATE VIRTUAL TABLE a USING fts5(t, content = '')", True),
        ("CREATE VIRTUAL TABLE a USING fts5(t, content='docs', content_rowid='id')", False),
        ("CREATE VIRTUAL TABLE a USING fts5(t)", False),
    ],
)
def test_contentless_is_told_by_the_content_option(statement: str, expected: bool) -> None:
    assert contentless(statement) is expected


def indexed_by_trigger(path: Path) -> Path:
    """``notes`` (its tags a JSON list) and an external-content FTS5 index over it whose ``tag`` column
    the table lacks: the application's trigger fills it from ``tags`` (a read-it-later server's
    ``bookmark_idx`` indexes ``author`` and ``label`` from ``authors`` and ``labels``)."""
    con = sqlite3.connect(path)
    with con:
        con.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, title TEXT NOT NULL, tags TEXT NOT NULL)")
        con.execute(
            "CREATE VIRTUAL TABLE notes_idx USING fts5(title, tag, content='notes', content_rowid='id')"
        )
        con.execute(
            "CREATE TRIGGER notes_ai AFTER INSERT ON notes BEGIN INSERT INTO notes_idx (rowid, title, tag) "
            "VALUES (new.id, new.title, new.tags); END"
        )
        con.executemany(
            "INSERT INTO notes VALUES (?, ?, ?)",
            [(i, f"Note {i}", json.dumps(["work", "home"][: 1 + i % 2])) for i in range(1, 13)],
        )
    con.close()
    return path


def test_an_external_content_index_whose_columns_its_table_lacks_says_its_documents_load(
    run_export: Runner, tmp_path: Path
) -> None:
    # SQLite reads an external-content index's columns from its content table by name: where a trigger
    # fills one the table lacks, no scan of the index can work ("no such column: T.tag"), while the
    # application's MATCH does. It is left out as any index SQLite cannot scan, and named in a note
    # saying that its documents, the content table's rows, load: an index is derived from its documents
    # (until 2026-12-06 a warning, exit 2, first without saying where its documents were).
    con = sqlite3.connect(indexed_by_trigger(tmp_path / "notes.db"))
    with pytest.raises(sqlite3.OperationalError, match=r"no such column: T\.tag"):
        con.execute("SELECT * FROM notes_idx").fetchall()
    assert con.execute("SELECT rowid FROM notes_idx WHERE notes_idx MATCH 'home'").fetchall() == [
        (i,) for i in range(1, 13) if i % 2
    ]
    con.close()
    ran, run_dir = run_export(indexed_by_trigger)
    loaded_cleanly(ran, run_dir, {"notes": 12})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert [note.split("; a full-text index")[0] for note in ran.record["notes"] if "not loaded" in note] == [
        "table 'notes_idx' not loaded: a fts5 virtual table whose rows SQLite cannot read (no such column: "
        "T.tag); its documents are the rows of table 'notes' (its content=), which loads"
    ]
    assert profile_of(run_dir)["unreadable_tables"] == {}
    assert list(profile_of(run_dir)["full_text_not_loaded"]) == ["notes_idx"]


def test_a_view_in_sql_newer_than_the_readers_sqlite_is_read_around_not_called_damage(
    run_export: Runner,
) -> None:
    # Views are not loaded, but SQLite parses a file's whole schema before any read: the SQLite inside
    # DuckDB's sqlite_scanner (3.38.1 with DuckDB 1.5) cannot parse FULL OUTER JOIN (3.39), so no table
    # could be read. Until 2026-12-03 (h71) the run failed in the profile (exit 1) saying "the file is
    # damaged: copy the export again"; then the preflight refused it (exit 3) with a manual workaround;
    # now the export is read through a private copy without the view (tests/test_private_copy.py).
    if sqlite3.sqlite_version_info < (3, 39, 0):
        pytest.skip("this SQLite cannot write a FULL OUTER JOIN view")
    ran, run_dir = run_export(sf.newer_sql_view)
    loaded_cleanly(ran, run_dir, {"agents": 3, "tickets": sf.ROWS})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert list(profile_of(run_dir)["views_not_loaded"]) == ["workload"]
    if reader_sqlite_version() >= (3, 39, 0):  # a newer sqlite_scanner: the export itself is read
        assert profile_of(run_dir)["dropped_for_reader"] == {}
        return
    (why,) = profile_of(run_dir)["dropped_for_reader"].values()
    assert "RIGHT and FULL OUTER JOINs are not currently supported" in why
    assert any(
        note.startswith("read through a private copy of the export without 'workload'")
        for note in ran.record["notes"]
    )


def test_a_generated_column_of_the_applications_own_function_is_left_out_and_the_rest_loads(
    run_export: Runner,
) -> None:
    # An application may compute a column with a function it registers on its own connection. Until
    # 2026-12-03 the preflight's quick_check stopped at it ("unknown function: slugify()") and refused
    # the export as corrupt (exit 3, "copy or export it again"): the file is sound, and every value it
    # holds reads, the STORED generated column's too.
    ran, run_dir = run_export(sf.computed_by_the_application)
    assert (ran.code, ran.record["outcome"]) == (2, "warn"), ran.record.get("error")
    (warning,) = ran.record["warnings"]
    assert warning.startswith("column 'slug' of table 'posts' not loaded: a generated column the reader's")
    assert "unknown function: slugify()" in warning
    violations = ran.violations(run_dir)
    assert violations == [], summarize(violations)
    assert "slug" not in ran.types("posts")
    titles = {i + 1: sf.subject(i) for i in range(sf.ROWS)}
    assert ran.values("posts", "title", "id") == titles
    assert ran.values("posts", "stored_slug", "id") == {k: sf.slug(t) for k, t in titles.items()}
    assert ran.values("posts", "name", "id") == {i + 1: sf.handle(i) for i in range(sf.ROWS)}


def test_quick_check_still_finds_damage_beside_the_applications_function(tmp_path: Path) -> None:
    """The stand-in of the application's function hides only its own NULLs (``NULL value in
    posts.slug``): damage elsewhere in the file is reported as before."""
    path = sf.computed_by_the_application(tmp_path / "app.db")
    con = sqlite3.connect(path)
    with con:
        con.execute("CREATE TABLE filler (id INTEGER PRIMARY KEY, v TEXT NOT NULL)")
        con.executemany("INSERT INTO filler VALUES (?, ?)", [(i, "x" * 50) for i in range(2000)])
        (page,) = con.execute("SELECT rootpage FROM sqlite_master WHERE name = 'filler'").fetchone()
        (size,) = con.execute("PRAGMA page_size").fetchone()
    con.close()
    assert quick_check(path) == ["ok"]
    damaged = bytearray(path.read_bytes())
    start = (page - 1) * size + 12  # the cell pointers of the table's root (an interior page)
    damaged[start : start + 60] = b"\xff" * 60
    path.write_bytes(bytes(damaged))
    found = quick_check(path)
    assert found != ["ok"] and "out of range" in " ".join(found), found


def test_a_generated_column_the_reader_cannot_compute_is_left_out_with_a_warning(run_export: Runner) -> None:
    # SQLite computes a VIRTUAL column on every read, with the reading SQLite's functions: DuckDB's has
    # no math functions. Until 2026-12-03 the whole table's read failed in the profile (exit 1, "run
    # again with --debug and report the error"). Its stored columns load; the STORED generated one too.
    try:
        sqlite3.connect(":memory:").execute("SELECT sqrt(4)")
    except sqlite3.OperationalError:
        pytest.skip("this SQLite has no math functions")
    ran, run_dir = run_export(sf.computed_by_math)
    assert {t: (r["in"], r["out"]) for t, r in ran.record["rows"].items()} == {"readings": (sf.ROWS, sf.ROWS)}
    reader_has_sqrt = "root" in ran.types("readings")
    violations = ran.violations(run_dir)
    if reader_has_sqrt:  # a sqlite_scanner with math functions: every cell
        assert violations == [], summarize(violations)
        return
    assert [(v.column, v.target) for v in violations] == [("root", "absent")], summarize(violations)
    assert (ran.code, ran.record["outcome"]) == (2, "warn")
    (warning,) = ran.record["warnings"]
    assert warning.startswith("column 'root' of table 'readings' not loaded: a generated column the reader's")
    assert "unknown function: sqrt()" in warning
    assert profile_of(run_dir)["unreadable_columns"] == {
        "readings": {"root": warning.split("not loaded: ")[1]}
    }
    assert ran.values("readings", "x", "id") == {i + 1: sf.reading(i) for i in ROWS}
    levels = dict(source_rows(ran.db, "SELECT id, level FROM readings"))
    assert ran.values("readings", "level", "id") == levels
    assert levels[sf.ROWS] == 4  # floor(log2(16.5 + 1)), SQLite's own


def test_a_bit_column_of_boolean_words_is_boolean_and_its_integers_alone_stay_integers(
    make_sqlite: SqliteFactory, run_export: Runner
) -> None:
    # helper h279 (a Kobo eReader's KoboReader.sqlite: `IsDownloaded BIT NOT NULL DEFAULT 1` and
    # `Published BIT default false` hold the firmware's 'true'/'false' text). BIT is a flag: until
    # 2026-12-06 its words were "not an integer", the column text and charged 20 points (80), while
    # the same words under BOOL were booleans at no cost. A BIT column of 0/1 alone stays bigint.
    ddl = (
        "CREATE TABLE books (id INTEGER PRIMARY KEY, downloaded BIT NOT NULL DEFAULT 1, "
        "published BIT DEFAULT false, synced BIT(1), failed BIT)"
    )
    rows = [
        (
            i,
            "true",
            ("false", "true")[i % 2],
            # Words the application binds beside the INTEGER 0 of the declared DEFAULT false.
            0 if i % 3 == 0 else ("true", "false")[i % 2],
            i % 2,
        )
        for i in range(1, 13)
    ]
    path = make_sqlite({"books": (ddl, rows)})
    found = profile(path)["books"]
    assert {name: found[name].inferred_type for name in ("downloaded", "published", "synced", "failed")} == {
        "downloaded": "boolean",
        "published": "boolean",
        "synced": "boolean",
        "failed": "integer",
    }
    assert [found[name].quality for name in ("downloaded", "published", "synced", "failed")] == [100.0] * 4

    def kobo_flags(target: Path) -> Path:
        target.write_bytes(path.read_bytes())
        return target

    ran, run_dir = run_export(kobo_flags)
    loaded_cleanly(ran, run_dir, {"books": len(rows)})
    assert (ran.code, ran.record["warnings"]) == (0, [])
    assert ran.record["quality_before"] == 100.0
    types = ran.types("books")
    assert [types[name] for name in ("downloaded", "published", "synced", "failed")] == [
        "boolean",
        "boolean",
        "boolean",
        "bigint",
    ]
    truth = {"true": True, "false": False, 0: False, 1: True}
    for position, name in enumerate(("downloaded", "published", "synced"), start=1):
        assert ran.values("books", name, "id") == {row[0]: truth[row[position]] for row in rows}, name
    assert ran.values("books", "failed", "id") == {row[0]: row[4] for row in rows}
