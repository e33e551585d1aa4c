"""An export whose views, triggers or indexes are written in SQL newer than the reader's SQLite loads,
read through a private copy without them; one whose table is written so is still refused.

DuckDB's sqlite_scanner bundles SQLite 3.38.1, and SQLite parses a file's whole schema before any read:
one ``FULL OUTER JOIN`` view or ``IS DISTINCT FROM`` trigger (SQLite 3.39) failed every read. Until
2026-12-03 the preflight refused such an export (exit 3) with a manual workaround. The files are built
by ``tests/schema_features.py`` with Python's own, newer SQLite; the runs go through the CLI into the
session's real PostgreSQL, every cell checked with the project's lossless checker against the export
(read by Python's SQLite), and the export's files (bytes and modification time, ``-wal`` included)
against what they were before. Expected rows come from the builders' own numbers.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from columnar_etl import clean, profile
from columnar_etl.cli import app
from columnar_etl.errors import SourceError
from columnar_etl.pipeline.record import RUN_FILE, RUN_RECORD_VERSION, mark_interrupted_runs
from columnar_etl.source.export import open_source
from columnar_etl.source.private_copy import COPY_PREFIX, make_private_copy, shared_copy

from . import schema_features as sf
from .lossless_check import check_run, summarize
from .test_export_files import WAL_WARNING, Operator, file_state, operator, snapshot
from .test_schema_features import reader_sqlite_version

__all__ = ["operator"]  # the fixture, used by name
runner = CliRunner()

pytestmark = pytest.mark.skipif(
    sqlite3.sqlite_version_info < (3, 39, 0) or reader_sqlite_version() >= (3, 39, 0),
    reason="needs a SQLite here that writes SQL 3.39 and a reader's SQLite that cannot parse it",
)

AGENTS = [(i + 1, f"Agent {i}") for i in range(3)]


def tickets(count: int = sf.ROWS) -> list[tuple[Any, ...]]:
    return [(i + 1, 1 + i % 4, sf.subject(i)) for i in range(count)]


def schema_names(db: Path) -> list[str]:
    con = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return [str(name) for (name,) in con.execute("SELECT name FROM sqlite_master ORDER BY rowid")]
    finally:
        con.close()


def copies_in(directory: Path) -> list[Path]:
    return sorted(directory.glob(f"{COPY_PREFIX}*"))


def logged(run_dir: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (run_dir / "log.jsonl").read_text().splitlines() if line.strip()]


def loaded_exactly(operator: Operator, run_dir: Path, truth: Path, count: int) -> None:
    assert operator.target_rows("agents") == AGENTS
    assert operator.target_rows("tickets") == tickets(count)
    violations = check_run(type("R", (), {"run_dir": run_dir})(), truth, operator.uri, operator.base)
    assert violations == [], summarize(violations)


# --- through the CLI, into PostgreSQL ------------------------------------------------------------------


def test_a_view_trigger_and_index_in_newer_sql_load_through_a_private_copy(
    operator: Operator, tmp_path: Path
) -> None:
    db = sf.newer_sql_objects(tmp_path / "export.db")
    original = db.read_bytes()
    code, record, run_dir, _ = operator.run(db)  # the export's bytes and mtime checked unchanged
    assert (code, record["outcome"], record["warnings"]) == (0, "done", []), record.get("error")
    assert {t: (r["in"], r["out"]) for t, r in record["rows"].items()} == {
        "agents": (3, 3),
        "tickets": (sf.ROWS, sf.ROWS),
    }
    loaded_exactly(operator, run_dir, db, sf.ROWS)
    # Named, each with why, in profile.json and in run.json's notes (no warning: no data left out).
    profiled = json.loads((run_dir / "profile.json").read_text())
    dropped = profiled["dropped_for_reader"]
    assert list(dropped) == list(sf.NEWER_SQL_OBJECTS)
    assert "RIGHT and FULL OUTER JOINs are not currently supported" in dropped["workload"]
    assert 'near "DISTINCT": syntax error' in dropped["agent_renamed"]
    assert dropped["open_tickets"].startswith("an index in SQL the reader's SQLite 3.38.1")
    assert all("the export itself is unchanged" in why for why in dropped.values())
    (note,) = [n for n in record["notes"] if n.startswith("read through a private copy")]
    assert "without 'workload', 'agent_renamed', 'open_tickets':" in note
    assert list(profiled["views_not_loaded"]) == ["workload"]
    assert list(profiled["triggers_not_copied"]) == ["agent_renamed"]
    readable = next(
        c
        for c in json.loads((run_dir / "preflight.json").read_text())["checks"]
        if c["name"] == "source_readable"
    )
    assert (
        readable["status"] == "pass"
        and "DuckDB reads a private copy without 'workload'" in readable["message"]
    )
    # The backup is the ORIGINAL file, byte for byte (its objects with it); the copy is gone.
    assert Path(record["backup"]["path"]).read_bytes() == original
    assert schema_names(db) == ["agents", "tickets", *sf.NEWER_SQL_OBJECTS]
    # One copy for the whole run, made in its directory (the log says where), and gone.
    (made,) = [e for e in logged(run_dir) if e["event"] == "the export is read through a private copy"]
    assert Path(made["copy"]).parent == run_dir and made["dropped"] == sorted(sf.NEWER_SQL_OBJECTS)
    assert not Path(made["copy"]).exists() and copies_in(run_dir) == []
    # The export's identity is the original's: the same file again is already loaded.
    code, again, _, _ = operator.run(db)
    assert (code, again["outcome"], again["source_checksum"]) == (
        0,
        "already_loaded",
        record["source_checksum"],
    )


def wal_with_newer_view(path: Path) -> Path:
    """:func:`~tests.schema_features.newer_sql_objects` in WAL mode, its last 8 tickets committed in the
    ``-wal`` only (the files copied while the writer's connection is open: closing it would checkpoint)."""
    work = path.with_name(path.name + ".writer")
    work.mkdir()
    live = sf.newer_sql_objects(work / "live.db")
    con = sqlite3.connect(live, isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA wal_autocheckpoint=0")
    con.execute("BEGIN")
    con.executemany("INSERT INTO tickets VALUES (?, ?, ?)", tickets(sf.ROWS + 8)[sf.ROWS :])
    con.execute("COMMIT")
    for suffix in ("", "-wal", "-shm"):
        shutil.copyfile(f"{live}{suffix}", f"{path}{suffix}")
    con.close()
    shutil.rmtree(work)
    return path


def test_the_private_copy_holds_the_rows_committed_only_to_the_wal(
    operator: Operator, tmp_path: Path
) -> None:
    db = wal_with_newer_view(tmp_path / "export.db")
    truth = snapshot(db, tmp_path / "truth")  # what SQLite reads: the file and its -wal
    assert os.path.getsize(f"{db}-wal") > 0
    before = file_state(db)
    code, record, run_dir, _ = operator.run(db)
    assert file_state(db) == before  # main file and -wal: bytes and mtime
    assert (code, record["outcome"]) == (2, "warn"), record.get("error")
    assert [w for w in record["warnings"] if not w.startswith(WAL_WARNING)] == []
    assert record["rows"]["tickets"] == {"in": sf.ROWS + 8, "out": sf.ROWS + 8, "quarantined": 0}
    loaded_exactly(operator, run_dir, truth, sf.ROWS + 8)
    assert list(json.loads((run_dir / "profile.json").read_text())["dropped_for_reader"]) == list(
        sf.NEWER_SQL_OBJECTS
    )
    assert copies_in(run_dir) == []


def test_a_table_whose_check_is_newer_sql_is_still_refused(operator: Operator, tmp_path: Path) -> None:
    # Its view comes first in the file: the copy is made, the view dropped, then the table is named.
    db = sf.newer_sql_check(tmp_path / "export.db")
    code, record, run_dir, _ = operator.run(db)
    assert (code, record["outcome"], record["error"]["stage"]) == (3, "halted", "preflight")
    message, hint = record["error"]["message"], record["error"]["hint"]
    assert "the export's table 'readings' is written in SQL that the reader's SQLite 3.38.1" in message
    assert 'near "DISTINCT": syntax error' in message and "the file is not damaged" in message
    assert "CREATE TABLE uses it" in hint
    assert copies_in(run_dir) == []
    assert schema_names(db) == ["agents", "tickets", "workload", "readings"]


# --- the library: open_source, profile, clean ------------------------------------------------------------


def test_a_normal_export_is_read_as_it_is_without_a_copy(tmp_path: Path) -> None:
    db = sf.newer_sql_view(tmp_path / "plain.db")
    con = sqlite3.connect(db)
    with con:
        con.execute("DROP VIEW workload")
    con.close()
    copies = tmp_path / "copies"
    copies.mkdir()
    with shared_copy(db, copies), open_source(db) as src:
        assert (src.private_copy, src.read_path, src.dropped_for_reader) == (None, db, {})
        assert list(copies.iterdir()) == []


def test_readers_in_one_block_share_one_read_only_copy_removed_after_the_last(tmp_path: Path) -> None:
    db = sf.newer_sql_objects(tmp_path / "export.db")
    before = file_state(db)
    copies = tmp_path / "copies"
    copies.mkdir()
    with shared_copy(db, copies):
        first, second = open_source(db), open_source(db)
        assert first.read_path == second.read_path and copies_in(copies) == [first.read_path]
        assert first.path == db and first.read_path.stat().st_mode & 0o777 == 0o400
        rows = first.connection.sql(
            'SELECT id, agent_id, subject FROM src."tickets" ORDER BY CAST(id AS INTEGER)'
        ).fetchall()
        assert rows == [(str(a), str(b), c) for a, b, c in tickets()]  # read as text (sqlite_all_varchar)
        first.close()
    assert copies_in(copies) == [second.read_path]  # its reader is still open
    second.close()
    assert copies_in(copies) == []
    # Outside a block: a copy of its own in a directory of its own, both removed when it is closed.
    with open_source(db) as alone:
        own = alone.read_path
        assert own.parent != copies and own.parent.name.startswith("columnar_etl-reader-")
        assert alone.tables["tickets"].row_count == sf.ROWS
    assert not own.exists() and not own.parent.exists()
    assert file_state(db) == before


def test_a_refused_table_leaves_no_copy_behind(tmp_path: Path) -> None:
    db = sf.newer_sql_check(tmp_path / "export.db")
    copies = tmp_path / "copies"
    copies.mkdir()
    with shared_copy(db, copies), pytest.raises(SourceError, match="the export's table 'readings'"):
        open_source(db)
    assert list(copies.iterdir()) == []


def test_profile_and_clean_read_through_the_copy(tmp_path: Path) -> None:
    db = sf.newer_sql_objects(tmp_path / "export.db")
    before = file_state(db)
    profiled = profile(db)
    assert list(profiled.dropped_for_reader) == list(sf.NEWER_SQL_OBJECTS)
    assert profiled.private_copy_note in profiled.notes
    assert {name: t.row_count for name, t in profiled.tables.items()} == {"agents": 3, "tickets": sf.ROWS}
    cleaned = clean(db)
    assert cleaned.data is not None
    assert [tuple(row.values()) for row in cleaned.data["agents"].to_pylist()] == AGENTS
    assert [tuple(row.values()) for row in cleaned.data["tickets"].to_pylist()] == tickets()
    assert file_state(db) == before


def test_a_killed_runs_copy_is_removed_by_the_next_run(tmp_path: Path) -> None:
    # SIGKILL ends a run without its cleanup: its copy is one of the temporary files the next run's
    # start removes from a run that was killed (pipeline/record.py mark_interrupted_runs).
    db = sf.newer_sql_objects(tmp_path / "export.db")
    run_dir = tmp_path / "runs" / "killed"
    run_dir.mkdir(parents=True)
    left = make_private_copy(db, run_dir)
    left.seal()
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()  # a pid no process has
    record = {"version": RUN_RECORD_VERSION, "run_id": "killed", "outcome": "running", "error": None}
    record |= {"pid": child.pid, "host": socket.gethostname()}
    (run_dir / RUN_FILE).write_text(json.dumps(record), encoding="utf-8")
    assert copies_in(run_dir) == [left.path]
    assert mark_interrupted_runs(tmp_path / "runs") == [run_dir]
    assert copies_in(run_dir) == []


def test_load_reads_through_a_copy_removed_when_it_ends(operator: Operator, tmp_path: Path) -> None:
    db = sf.newer_sql_objects(tmp_path / "export.db")
    before = file_state(db)
    result = runner.invoke(app, ["--target", operator.uri, "load", str(db), "--mode", "simple", "--json"])
    assert file_state(db) == before
    data = json.loads(result.stdout)
    assert (result.exit_code, data["outcome"]) == (0, "done"), result.output
    run_dir = tmp_path / "runs" / data["run_id"]
    assert any(note.startswith("read through a private copy") for note in data["notes"])
    loaded_exactly(operator, run_dir, db, sf.ROWS)
    assert list(json.loads((run_dir / "profile.json").read_text())["dropped_for_reader"]) == list(
        sf.NEWER_SQL_OBJECTS
    )
    assert copies_in(run_dir) == []
