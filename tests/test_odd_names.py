"""Names SQLite allows that the readers or PostgreSQL cannot take load, renamed and said (h78).

Until 2026-12-03 a column named ``""`` (a CSV imported with a blank header) or one starting with the
readers' ``__clean_`` was refused by the preflight (exit 3, "edit the export"), and a table named ``""``
failed the profile (exit 1, DuckDB's "zero-length delimited identifier"). The export is never edited:
such names are now renamed in the reader's private copy (``table_<position>``, ``column_<position>``,
the name without its leading underscores; unique against the other names as SQLite compares them and
as the target spells them), said in the profile, the plan and the run's notes. Every other odd name
(only spaces or invisible characters, quotes, dots, a newline, ``rowid``/``oid``/``_rowid_``, PostgreSQL's
system column names) loads as before. Every cell is checked against the export, read by Python's SQLite
(tests/lossless_check.py); the expected names are the documented rule written out by hand.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from columnar_etl.cli import app
from columnar_etl.config import ColumnOverride, Settings, load_settings
from columnar_etl.models import Profile
from columnar_etl.pipeline.runner import run
from columnar_etl.planning.build import build_plan
from columnar_etl.profiling.profile import profile
from columnar_etl.source.reader_names import reader_names
from columnar_etl.source.tables import SourceColumn, SourceTable

from .conftest import pg_query, run_settings
from .lossless_check import check_run, summarize

#: Table "t"'s columns in order, each with the name the target must give it (the documented rule).
T_COLUMNS = {
    "id": "id",
    "": "column_2_2",  # position 2, "column_2" taken by COLUMN_2 (SQLite and DuckDB ignore ASCII case)
    "COLUMN_2": "COLUMN_2",
    "__clean_note": "clean_note",
    "__CLEAN_Y": "CLEAN_Y_2",  # "clean_y" taken
    "clean_y": "clean_y",
    " ": " ",
    "\u00a0": "\u00a0",
    "\u200b": "\u200b",
    "\ufeff": "\ufeff",  # a byte-order mark alone: nothing left to strip, kept
    'a"b': 'a"b',
    "c'd": "c'd",
    "e.f": "e.f",
    "g\nh": "g\nh",
    "ctid": "ctid_",
    "xmin": "xmin_",
    "tableoid": "tableoid_",
    "ref": "ref",
}
ODD_TABLE = "q\"t.x'y\nz"


def quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def odd_export(path: Path) -> Path:
    """Tables: "" (key "" referenced by t.ref), t (:data:`T_COLUMNS`), r (columns shadowing every rowid
    alias but one, rows deleted), w (WITHOUT ROWID, key "_rowid_", a column ""), and :data:`ODD_TABLE`."""
    con = sqlite3.connect(path)
    with con:
        con.execute('CREATE TABLE "" ("" INTEGER PRIMARY KEY, label TEXT)')
        con.executemany('INSERT INTO "" VALUES (?, ?)', [(i, f" label {i}") for i in range(1, 6)])
        columns = ", ".join(
            f"{quoted(name)} INTEGER PRIMARY KEY"
            if name == "id"
            else f'{quoted(name)} INTEGER REFERENCES ""("")'
            if name == "ref"
            else f"{quoted(name)} TEXT"
            for name in T_COLUMNS
        )
        con.execute(f"CREATE TABLE t ({columns})")
        rows = [
            tuple(i if n == "id" else 1 + i % 5 if n == "ref" else f"{n!r} {i}" for n in T_COLUMNS)
            for i in range(1, 8)
        ]
        con.executemany(f"INSERT INTO t VALUES ({', '.join('?' * len(T_COLUMNS))})", rows)
        con.execute("CREATE TABLE r (rowid TEXT, oid TEXT, v TEXT)")
        con.executemany("INSERT INTO r VALUES (?, ?, ?)", [(f"x{9 - i}", str(i), f"v{i}") for i in range(9)])
        con.execute("DELETE FROM r WHERE v IN ('v2', 'v5')")
        con.execute('CREATE TABLE w ("_rowid_" TEXT PRIMARY KEY, "" TEXT) WITHOUT ROWID')
        con.executemany("INSERT INTO w VALUES (?, ?)", [(f"k{i}", f"w{i}") for i in range(4)])
        con.execute(f"CREATE TABLE {quoted(ODD_TABLE)} (id INTEGER PRIMARY KEY, note TEXT)")
        con.execute(f"INSERT INTO {quoted(ODD_TABLE)} VALUES (1, 'n')")
    con.close()
    return path


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def table(name: str, *columns: str) -> SourceTable:
    return SourceTable(name, tuple(SourceColumn(c, "TEXT", False, None, False) for c in columns), Path("x"))


def test_the_renaming_rule() -> None:
    tables = {
        "a": table("a", "x", "", "COLUMN_2", "\ufeffcolumn_2_2", "__Clean_k", "clean_k"),
        "": table("", "__clean_"),
        "b": table("b", "", " ", "\u200b", "__clean", "_x"),
    }
    names = reader_names(tables, others=["table_2"])  # a view of that name: the file's names are one
    # "\ufeffcolumn_2_2" shows as column_2_2 in the target: taken too.
    assert names.columns == {
        "a": {"": "column_2_3", "__Clean_k": "Clean_k_2"},
        "": {"__clean_": "clean_"},
        "b": {"": "column_1"},  # "__clean" (no second "_"), "_x", spaces, invisible: kept
    }
    assert names.tables == {"": "table_2_2"}
    assert names.table("b") == "b" and names.column("b", " ") == " "


@pytest.fixture
def settings(tmp_path: Path, pg_uri: str) -> Settings:
    return run_settings(tmp_path, pg_uri, min_quality=0)


def test_odd_names_load_renamed_and_said_every_cell_arriving(
    settings: Settings, tmp_path: Path, pg_uri: str
) -> None:
    export = odd_export(tmp_path / "odd.db")
    before = sha256(export)
    result = run(export, settings=settings, mode="simple")
    assert result.exit_code == 0, result.record.error
    assert sha256(export) == before  # renamed in the reader's private copy, never in the export

    violations = check_run(result, export, pg_uri, "servicedesk")
    assert not violations, summarize(violations)
    loaded = {
        t: [c for (c,) in pg_query(pg_uri, _columns_sql(t))] for t in ("table_1", "t", "r", "w", ODD_TABLE)
    }
    assert loaded == {
        "table_1": ["column_1", "label"],
        "t": list(T_COLUMNS.values()),
        "r": ["rowid", "oid", "v"],
        "w": ["_rowid_", "column_2"],
        ODD_TABLE: ["id", "note"],
    }

    profiled = json.loads((result.run_dir / "profile.json").read_text())
    renamed = {(r["table"], r["column"]): r["export_name"] for r in profiled["renamed_for_reader"]}
    assert renamed == {
        ("table_1", None): "",
        ("table_1", "column_1"): "",
        ("t", "column_2_2"): "",
        ("t", "clean_note"): "__clean_note",
        ("t", "CLEAN_Y_2"): "__CLEAN_Y",
        ("w", "column_2"): "",
    }
    # The declared key and reference naming "" are read from the copy, renamed with them.
    by_name = {t["name"]: t for t in profiled["tables"]}
    assert by_name["table_1"]["key"] == ["column_1"]
    ref = next(c for c in by_name["t"]["columns"] if c["name"] == "ref")
    assert ref["foreign_key"] == "table_1.column_1"

    plan_notes = result.record.plan["notes"]  # type: ignore[index]
    said = [
        "table '' loaded as 'table_1'",
        "table_1: column '' loaded as 'column_1'",
        "t: column '' loaded as 'column_2_2'",
        "t: column '__CLEAN_Y' loaded as 'CLEAN_Y_2'",
        "t.ctid: PostgreSQL's name of a system column, loaded as 'ctid_'",
    ]
    for line in said:
        assert any(note.startswith(line) for note in plan_notes), (line, plan_notes)
    assert any(note.startswith("t: column '' loaded as") for note in result.record.notes)
    html = (result.run_dir / "report.html").read_text()
    assert "column_2_2" in html


def _columns_sql(table: str) -> str:
    literal = "'" + table.replace("'", "''") + "'"
    return (
        "SELECT column_name FROM information_schema.columns WHERE table_schema = 'servicedesk' "
        f"AND table_name = {literal} ORDER BY ordinal_position"
    )


def test_a_snake_run_names_an_empty_column_by_its_position_too(tmp_path: Path, pg_uri: str) -> None:
    export = tmp_path / "snake.db"
    con = sqlite3.connect(export)
    with con:
        con.execute('CREATE TABLE t (id INTEGER PRIMARY KEY, "" TEXT, "Column 2" TEXT, "\u200b" TEXT)')
        con.executemany(
            "INSERT INTO t VALUES (?, ?, ?, ?)", [(i, f"a{i}", f"b{i}", f"c{i}") for i in range(3)]
        )
    con.close()
    result = run(
        export, settings=run_settings(tmp_path, pg_uri, min_quality=0, column_names="snake"), mode="simple"
    )
    assert result.exit_code == 0, result.record.error
    assert not (violations := check_run(result, export, pg_uri, "servicedesk")), summarize(violations)
    # column_2 first (the reader's), then "Column 2" as snake (column_2 taken), then "\u200b" (nothing left).
    assert [c for (c,) in pg_query(pg_uri, _columns_sql("t"))] == ["id", "column_2", "column_2_2", "column"]


def test_a_view_the_reader_cannot_parse_and_an_empty_column_share_one_copy(tmp_path: Path) -> None:
    export = tmp_path / "both.db"
    con = sqlite3.connect(export)
    with con:
        con.execute('CREATE TABLE t (id INTEGER PRIMARY KEY, "" TEXT)')
        con.executemany("INSERT INTO t VALUES (?, ?)", [(1, "a"), (2, "b")])
        # FULL OUTER JOIN: SQL the reader's SQLite 3.38 cannot parse; the trigger names the column.
        con.execute('CREATE VIEW v AS SELECT a."" FROM t a FULL OUTER JOIN t b ON a.id = b.id')
        con.execute('CREATE TRIGGER tr AFTER INSERT ON t BEGIN UPDATE t SET "" = upper(""); END')
    con.close()
    profiled: Profile = profile(export)
    assert list(profiled["t"].columns) == ["id", "column_2"]
    assert profiled["t"]["column_2"].row_count == 2
    assert list(profiled.dropped_for_reader) == ["v"]
    assert profiled.triggers_not_copied.keys() == {"tr"}
    assert profiled.notes[0].startswith("t: column '' loaded as 'column_2'")
    assert "Loaded under another name" in profiled._repr_html_()


def test_the_tables_command_says_the_export_names(tmp_path: Path) -> None:
    export = odd_export(tmp_path / "odd.db")
    shown = CliRunner().invoke(app, ["tables", str(export)], terminal_width=400)
    assert shown.exit_code == 0, shown.output
    assert "table_1: named '' in the export" in shown.output
    assert "t.CLEAN_Y_2: named '__CLEAN_Y' in the export" in shown.output


def test_an_override_may_name_a_renamed_table_or_column_by_the_export_name(tmp_path: Path) -> None:
    profiled = profile(odd_export(tmp_path / "odd.db"), tables=["table_1", "t"])
    overrides = {
        "": {"": ColumnOverride(type="text")},  # the export's names: table_1.column_1
        "t": {"__CLEAN_Y": ColumnOverride(mask="drop"), "column_2_2": ColumnOverride(mask="drop")},
    }
    planned = build_plan(profiled, settings=load_settings(columns=overrides))
    assert planned["table_1"]["column_1"].type == "text"  # integers, kept as text by the override
    assert {c.name for c in planned["t"].dropped} == {"CLEAN_Y_2", "column_2_2"}
