"""Gate 0 against real SQLite files, the session's real PostgreSQL and the real pg_dump / pg_restore.

Low disk and memory are simulated through the thresholds in Settings or by replacing the probe, never
by filling the machine; a wrong password through a role that pg_hba.conf makes authenticate.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from columnar_etl.cli import app
from columnar_etl.config import ColumnOverride, Settings, load_settings
from columnar_etl.errors import PreflightFailed
from columnar_etl.gates import environment_checks
from columnar_etl.gates.preflight import CHECK_NAMES, PreflightResult, preflight
from columnar_etl.gates.source_checks import LOCK_PROBE_WAIT, source_checks
from columnar_etl.pg import tools as pg_tools
from columnar_etl.pipeline.runner import run

from ..conftest import SqliteFactory, dashboard_template_count, pg_query, run_python, run_settings, uri_as

runner = CliRunner()
TOOL_HINT = pg_tools.TOOL_HINT
CHECK_KEYS = ["name", "status", "value", "threshold", "unit", "message", "hint", "seconds", "details"]


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    # Memory thresholds at 0: the healthy case must not depend on the test machine's free memory.
    return load_settings(
        backup_dir=tmp_path / "backups",
        runs_dir=tmp_path / "runs",
        pg_dir=tmp_path / "pg",
        min_memory_gb=0,
        fail_memory_gb=0,
    )


@pytest.fixture
def export(make_sqlite: SqliteFactory) -> Path:
    return make_sqlite(
        {
            "tickets": ('CREATE TABLE tickets (id INTEGER, "TKT-Created Time" TEXT)', [(1, "a"), (2, "b")]),
            "comments": ("CREATE TABLE comments (id INTEGER, body TEXT)", [(1, "x"), (2, "y"), (3, "z")]),
        }
    )


def fingerprint(path: Path) -> tuple[str, int, list[str]]:
    """What must not change when preflight looks at a source: its bytes, its mtime, its directory."""
    return (
        hashlib.sha256(path.read_bytes()).hexdigest(),
        path.stat().st_mtime_ns,
        sorted(os.listdir(path.parent)),
    )


def statuses(result: PreflightResult) -> dict[str, str]:
    return {check.name: check.status for check in result.checks}


def server_major(uri: str) -> int:
    return int(pg_query(uri, "SELECT current_setting('server_version_num')::int")[0][0]) // 10_000


# --- the healthy case and the report's shape --------------------------------------------------------


def test_a_healthy_setup_passes_every_check(export: Path, settings: Settings, pg_server_uri: str) -> None:
    before = fingerprint(export)
    result = preflight(export, settings=settings, target=pg_server_uri)

    assert [check.name for check in result.checks] == list(CHECK_NAMES)
    assert statuses(result) == dict.fromkeys(CHECK_NAMES, "pass")
    assert (result.status, result.exit_code) == ("pass", 0)
    assert fingerprint(export) == before
    major = server_major(pg_server_uri)
    assert result.check("source_readable").value == 5
    assert result.check("source_readable").details["tables"] == {"tickets": 2, "comments": 3}
    assert result.check("source_integrity").value == "ok"
    assert result.check("source_lock").value == "free"
    assert (result.check("target_version").value, result.check("target_version").threshold) == (major, 12)
    assert result.check("target_create_schema").value is True
    for tool in ("pg_dump", "pg_restore"):
        check = result.check(tool)
        assert check.threshold == major
        assert check.value >= major
        assert Path(check.details["path"]).name == tool
    deps = result.check("python_dependencies")
    assert deps.value == deps.threshold == len(deps.details["versions"]) >= 13
    assert deps.details["versions"]["duckdb"] == deps.details["versions"]["duckdb-extension-sqlite-scanner"]
    disk = result.check("disk")
    # A target given by URI is not on this disk: the backup copy counts, 2x the source, and the run's
    # record in runs_dir, half of it.
    size = export.stat().st_size
    assert disk.threshold == 2 * size + int(0.5 * size)
    result.raise_for_failures()  # nothing failed: no exception


def test_json_schema_is_stable(export: Path, settings: Settings, pg_server_uri: str) -> None:
    data = preflight(export, settings=settings, target=pg_server_uri).to_dict()
    assert list(data) == ["version", "status", "exit_code", "source", "target", "seconds", "checks"]
    assert data["version"] == 1
    assert [check["name"] for check in data["checks"]] == list(CHECK_NAMES)
    for check in data["checks"]:
        assert list(check) == CHECK_KEYS
        assert check["status"] in {"pass", "warn", "fail", "skip"}
    assert json.loads(json.dumps(data)) == data  # plain JSON types only


def test_the_embedded_target_adds_its_growth_to_the_disk_need(export: Path, tmp_path: Path) -> None:
    settings = load_settings(
        backup_dir=tmp_path / "b", runs_dir=tmp_path / "r", pg_dir=tmp_path / "pg", target_growth_factor=1.5
    )
    check = environment_checks.check_disk(export, settings, embedded=True)
    size = export.stat().st_size
    assert check.threshold == int(2 * size) + int(0.5 * size) + int(1.5 * size)
    dirs = [str(tmp_path / name) for name in ("b", "r", "pg")]
    assert check.details["filesystems"][0]["dirs"] == dirs


def test_a_wal_exports_snapshot_copy_adds_its_size_in_runs_dir_to_the_disk_need(
    export: Path, tmp_path: Path
) -> None:
    """DuckDB reads a WAL-mode export from a private snapshot copy in the run's directory
    (source.private_copy): the preflight that passes leaves room for it."""
    settings = load_settings(backup_dir=tmp_path / "b", runs_dir=tmp_path / "r", pg_dir=tmp_path / "pg")
    plain = environment_checks.check_disk(export, settings, embedded=False)
    con = sqlite3.connect(export)
    try:
        assert con.execute("PRAGMA journal_mode=WAL").fetchone() == ("wal",)
    finally:
        con.close()  # the last connection checkpoints: the file alone, its size unchanged
    size = export.stat().st_size
    wal = environment_checks.check_disk(export, settings, embedded=False)
    assert plain.threshold == int(2 * size) + int(0.5 * size)
    assert wal.threshold == int(2 * size) + int(0.5 * size) + size
    assert wal.message.endswith(
        ", half of it for the run, once more for the reader's snapshot copy (WAL mode)"
    )


# --- disk and memory --------------------------------------------------------------------------------


def test_too_little_disk_fails_with_the_numbers(
    export: Path, tmp_path: Path, pg_server_uri: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = load_settings(
        backup_dir=tmp_path / "b", runs_dir=tmp_path / "r", min_memory_gb=0, fail_memory_gb=0
    )
    monkeypatch.setattr(environment_checks, "free_disk_bytes", lambda path: 1000)
    result = preflight(export, settings=settings, target=pg_server_uri)
    disk = result.check("disk")
    size = export.stat().st_size
    assert (disk.status, disk.value, disk.threshold) == ("fail", 1000, 2 * size + int(0.5 * size))
    assert disk.hint == (
        "free some space, or set backup_dir / runs_dir / pg_dir to a larger disk (disk_factor sets "
        "the margin)"
    )
    assert (result.status, result.exit_code) == ("fail", 3)


def test_disk_factor_is_the_threshold(export: Path, tmp_path: Path, pg_server_uri: str) -> None:
    # A factor no disk satisfies: the real probe, a configured threshold.
    settings = load_settings(
        backup_dir=tmp_path / "b",
        runs_dir=tmp_path / "r",
        disk_factor=1e12,
        min_memory_gb=0,
        fail_memory_gb=0,
    )
    disk = preflight(export, settings=settings, target=pg_server_uri).check("disk")
    assert disk.status == "fail"
    size = export.stat().st_size
    assert disk.threshold == int(1e12 * size) + int(0.5 * size)
    assert disk.value < disk.threshold


@pytest.mark.parametrize(
    ("available_gib", "status", "exit_code", "message"),
    [
        (8.0, "pass", 0, "8.00 GiB available"),
        (2.0, "warn", 2, "2.00 GiB available, below the recommended 4 GiB"),
        (0.5, "fail", 3, "0.50 GiB available, below the 1 GiB minimum"),
    ],
)
def test_memory_warns_below_4_gib_and_fails_below_1_gib(
    export: Path,
    tmp_path: Path,
    pg_server_uri: str,
    monkeypatch: pytest.MonkeyPatch,
    available_gib: float,
    status: str,
    exit_code: int,
    message: str,
) -> None:
    monkeypatch.setattr(environment_checks, "available_memory_bytes", lambda: int(available_gib * (1 << 30)))
    result = preflight(export, settings=load_settings(backup_dir=tmp_path / "b"), target=pg_server_uri)
    memory = result.check("memory")
    assert (memory.status, memory.message, memory.threshold) == (status, message, 4 << 30)
    assert memory.details == {"fail_below": 1 << 30}
    assert (result.status, result.exit_code) == (status, exit_code)


def test_memory_thresholds_are_settings(export: Path, tmp_path: Path, pg_server_uri: str) -> None:
    warn = load_settings(backup_dir=tmp_path / "b", min_memory_gb=1e6, fail_memory_gb=0)
    result = preflight(export, settings=warn, target=pg_server_uri)
    assert (result.check("memory").status, result.exit_code) == ("warn", 2)
    assert result.check("memory").hint == (
        "a run may be slow; lower batch_size, or free memory (min_memory_gb sets the warning)"
    )
    fail = load_settings(backup_dir=tmp_path / "b", min_memory_gb=1e6, fail_memory_gb=1e6)
    result = preflight(export, settings=fail, target=pg_server_uri)
    assert (result.check("memory").status, result.exit_code) == ("fail", 3)


# --- the source -------------------------------------------------------------------------------------


def test_missing_source(tmp_path: Path, settings: Settings, pg_server_uri: str) -> None:
    result = preflight(tmp_path / "nope.db", settings=settings, target=pg_server_uri)
    readable = result.check("source_readable")
    assert (readable.status, readable.message, readable.hint) == (
        "fail",
        "source file not found",
        "check the path",
    )
    assert result.check("source_lock").message == "not checked: no source file"
    assert statuses(result)["source_integrity"] == "skip"
    assert result.exit_code == 3


def test_not_a_sqlite_file(tmp_path: Path, settings: Settings, pg_server_uri: str) -> None:
    path = tmp_path / "export.db"
    path.write_text("id,name\n1,a\n")
    result = preflight(path, settings=settings, target=pg_server_uri)
    readable = result.check("source_readable")
    assert (readable.status, readable.message) == (
        "fail",
        "not a SQLite database (bad file header: a text file)",
    )
    assert result.check("source_lock").message == "not checked: not a SQLite file"
    assert result.check("source_integrity").message == "not checked: not a SQLite file"
    assert result.exit_code == 3


def test_a_table_wider_than_postgresql_allows_is_refused_unless_columns_are_dropped(
    make_sqlite: SqliteFactory, settings: Settings, pg_server_uri: str
) -> None:
    # SQLite allows 2000 columns by default, PostgreSQL 1600 (MaxHeapAttributeNumber).
    measures = ", ".join(f"m{i} REAL" for i in range(1601))
    path = make_sqlite(
        {
            "pivot": (f"CREATE TABLE pivot (id INTEGER PRIMARY KEY, {measures})", []),
            "small": ("CREATE TABLE small (id INTEGER PRIMARY KEY)", [(1,)]),
        }
    )
    result = preflight(path, settings=settings, target=pg_server_uri)
    readable = result.check("source_readable")
    assert (readable.status, readable.value, readable.threshold) == ("fail", 1602, 1600)
    assert readable.message == "table 'pivot' has 1,602 columns: a PostgreSQL table holds at most 1,600"
    assert "drop" in (readable.hint or "")
    assert result.exit_code == 3
    drops = {"pivot": {"m0": ColumnOverride(mask="drop"), "m1": ColumnOverride(mask="drop")}}
    fits = preflight(path, settings=settings.model_copy(update={"columns": drops}), target=pg_server_uri)
    assert fits.check("source_readable").status == "pass"


def test_columns_dropped_by_the_name_the_target_shows_still_make_a_wide_table_fit(
    make_sqlite: SqliteFactory, settings: Settings, pg_server_uri: str
) -> None:
    # A CSV UTF-8 import names its first column "\ufeffm0"; an override may name it "m0", as the target
    # shows it (and the run drops it so): the preflight counted it as kept, and refused the table.
    measures = ", ".join(f'"{chr(0xFEFF) if i == 0 else ""}m{i}" REAL' for i in range(1601))
    path = make_sqlite({"pivot": (f"CREATE TABLE pivot ({measures}, id INTEGER)", [])})
    drops = {"pivot": {"m0": ColumnOverride(mask="drop"), "m1": ColumnOverride(mask="drop")}}
    fits = preflight(path, settings=settings.model_copy(update={"columns": drops}), target=pg_server_uri)
    assert fits.check("source_readable").status == "pass", fits.check("source_readable").message
    snake = {"pivot": {"m_2": ColumnOverride(mask="drop"), "m3": ColumnOverride(mask="drop")}}
    named = settings.model_copy(update={"columns": snake, "column_names": "snake"})
    assert preflight(path, settings=named, target=pg_server_uri).check("source_readable").status == "fail"


def test_a_column_with_an_empty_name_passes_read_under_its_position(
    make_sqlite: SqliteFactory, settings: Settings, pg_server_uri: str
) -> None:
    # SQLite accepts "" as a column name; neither DuckDB nor PostgreSQL can write one. Refused until
    # 2026-12-03; now read (and loaded) as column_<position>, renamed in a private copy.
    ddl = 'CREATE TABLE "Tickets 2" ("id" INTEGER PRIMARY KEY, "" TEXT, "note" TEXT)'
    path = make_sqlite({"Tickets 2": (ddl, [(1, "a", "b")])})
    readable = preflight(path, settings=settings, target=pg_server_uri).check("source_readable")
    assert readable.status == "pass", readable.message
    assert "1 name the readers cannot take" in readable.message and "'' as 'column_2'" in readable.message
    assert readable.details["renamed_for_reader"][0]["table"] == "Tickets 2"


def test_truncated_sqlite_file(export: Path, settings: Settings, pg_server_uri: str) -> None:
    con = sqlite3.connect(export)
    with con:
        con.executemany("INSERT INTO comments VALUES (?, ?)", [(i, "x" * 200) for i in range(2000)])
    con.close()
    data = export.read_bytes()
    export.write_bytes(data[: len(data) // 2])
    result = preflight(export, settings=settings, target=pg_server_uri)
    readable = result.check("source_readable")
    assert readable.status == "fail"
    assert readable.message.startswith(f"SQLite file is truncated: {len(data) // 2} bytes, header says ")
    assert readable.hint == "copy the export again"
    assert result.check("source_integrity").message == "not checked: the source is not readable"


def test_corrupt_sqlite_file_fails_quick_check(
    tmp_path: Path, settings: Settings, pg_server_uri: str
) -> None:
    path = tmp_path / "export.db"
    con = sqlite3.connect(path)
    with con:
        con.execute("CREATE TABLE t (a INTEGER, b TEXT)")
        con.execute("CREATE INDEX t_b ON t (b)")  # count(*) reads this index, not the damaged table pages
        con.executemany("INSERT INTO t VALUES (?, ?)", [(i, f"value {i:06d} " * 5) for i in range(3000)])
    con.close()
    data = bytearray(path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    # The cell pointer array (offset 8) of a table leaf page (type 0x0D) in the middle of the file.
    leaves = [n for n in range(1, len(data) // page_size) if data[n * page_size] == 0x0D]
    start = leaves[len(leaves) // 2] * page_size + 8
    data[start : start + 16] = b"\xff\xfe\xfd\xfc" * 4
    path.write_bytes(bytes(data))

    result = preflight(path, settings=settings, target=pg_server_uri)
    assert result.check("source_readable").status == "pass"
    integrity = result.check("source_integrity")
    assert integrity.status == "fail"
    assert integrity.message.startswith("PRAGMA quick_check found damage: On tree page ")
    assert "\n" not in integrity.message
    assert integrity.hint == "the export is corrupt: copy or export it again"
    assert result.exit_code == 3


def _tag_map(path: Path) -> Path:
    """A WITHOUT ROWID table keyed by its columns in another order than they are declared (tag first,
    so that a tag's items are stored together), as a many-to-many table often is: no NULL anywhere."""
    con = sqlite3.connect(path)
    with con:
        con.execute(
            "CREATE TABLE tag_map (item_id INTEGER NOT NULL, tag_id INTEGER NOT NULL, "
            "PRIMARY KEY (tag_id, item_id)) WITHOUT ROWID"
        )
        con.executemany("INSERT INTO tag_map VALUES (?, ?)", [(i, i % 7) for i in range(1, 200)])
    con.close()
    return path


def test_a_without_rowid_table_keyed_out_of_column_order_is_no_damage(
    tmp_path: Path, settings: Settings, pg_server_uri: str
) -> None:
    # SQLite 3.40's quick_check reports "NULL value in tag_map.item_id" for every row of such a table,
    # though no value is NULL (its integrity_check, and a read of the column, say so). Until 2026-12-03
    # the preflight took that for damage: exit 3, "the export is corrupt: copy or export it again".
    path = _tag_map(tmp_path / "export.db")
    con = sqlite3.connect(path)
    assert con.execute("SELECT count(*) FROM tag_map WHERE item_id IS NULL OR tag_id IS NULL").fetchone() == (
        0,
    )
    assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    con.close()
    result = preflight(path, settings=settings, target=pg_server_uri)
    integrity = result.check("source_integrity")
    assert (integrity.status, integrity.value) == ("pass", "ok"), integrity.message


def test_a_null_the_rows_hold_in_a_not_null_column_is_still_reported(
    tmp_path: Path, settings: Settings, pg_server_uri: str
) -> None:
    """A NULL SQLite's quick_check finds and the rows do hold (a NOT NULL added to the schema by hand)
    is still a finding, beside the table above."""
    path = _tag_map(tmp_path / "export.db")
    con = sqlite3.connect(path)
    with con:
        con.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
        con.executemany("INSERT INTO notes VALUES (?, ?)", [(1, "a"), (2, None)])
    con.execute("PRAGMA writable_schema = ON")
    with con:
        declared = "replace(sql, 'body TEXT', 'body TEXT NOT NULL')"
        con.execute(f"UPDATE sqlite_master SET sql = {declared} WHERE name = 'notes'")
    con.close()
    result = preflight(path, settings=settings, target=pg_server_uri)
    integrity = result.check("source_integrity")
    assert integrity.status == "fail"
    assert integrity.message == "PRAGMA quick_check found damage: NULL value in notes.body"


@pytest.mark.parametrize(
    ("writer_sql", "message"),
    [
        (
            ["BEGIN IMMEDIATE"],
            "the source is locked for writing by another connection (SQLite: database is locked)",
        ),
        (
            ["BEGIN EXCLUSIVE"],
            "the source is locked exclusively (readers are blocked too) by another connection "
            "(SQLite: database is locked)",
        ),
        (
            # Its journal is not synced yet, its header still zeroed: not hot (SQLite reads the file
            # as committed); the writer's lock tells it (a hot journal: tests/test_export_files.py).
            ["BEGIN IMMEDIATE", "INSERT INTO comments VALUES (9, 'new')"],
            "the source is locked for writing by another connection (SQLite: database is locked)",
        ),
    ],
    ids=["reserved", "exclusive", "writing"],
)
def test_a_source_locked_by_a_writer_fails_and_is_not_modified(
    export: Path, settings: Settings, pg_server_uri: str, writer_sql: list[str], message: str
) -> None:
    writer = sqlite3.connect(export, isolation_level=None)
    try:
        for sql in writer_sql:
            writer.execute(sql)
        before = fingerprint(export)
        result = preflight(export, settings=settings, target=pg_server_uri)
        assert fingerprint(export) == before
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    lock = result.check("source_lock")
    assert (lock.status, lock.message) == ("fail", message)
    assert lock.hint is not None and lock.hint.startswith("wait until the application writing the export")
    assert result.exit_code == 3
    if "exclusively" in message:
        why = "not checked: the source is locked exclusively by a writer"
        assert result.check("source_readable").message == why
        assert result.check("source_integrity").message == why
    else:
        assert result.check("source_readable").status == "pass"
    # The writer is gone: the same file passes.
    assert preflight(export, settings=settings, target=pg_server_uri).check("source_lock").status == "pass"


def test_a_write_lock_held_for_a_moment_is_not_a_writer(export: Path) -> None:
    # Two runs of the same export started at once each probe the write lock; one probe holds it while
    # the other asks. A lock released well within LOCK_PROBE_WAIT must pass, the source untouched.
    other = sqlite3.connect(export, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    release = threading.Timer(LOCK_PROBE_WAIT / 5, lambda: other.execute("ROLLBACK"))
    before = fingerprint(export)
    release.start()
    try:
        lock = next(check for check in source_checks(export) if check.name == "source_lock")
    finally:
        release.join()
        other.close()
    assert (lock.status, lock.message) == ("pass", "no other connection holds a write lock")
    assert fingerprint(export) == before


def test_wal_mode_with_pending_changes_warns(export: Path, settings: Settings, pg_server_uri: str) -> None:
    writer = sqlite3.connect(export, isolation_level=None)
    try:
        writer.execute("PRAGMA journal_mode=WAL")
        writer.execute("PRAGMA wal_autocheckpoint=0")
        writer.execute("INSERT INTO comments VALUES (9, 'in the wal')")
        result = preflight(export, settings=settings, target=pg_server_uri)
    finally:
        writer.close()  # the last connection checkpoints the WAL into the file and removes it
    lock = result.check("source_lock")
    assert lock.status == "warn"
    assert lock.message.startswith("WAL mode with ")
    assert lock.message.endswith(
        "bytes in export.db-wal: a writer may be active, or its last changes are not merged into the file"
    )
    assert (result.status, result.exit_code) == ("warn", 2)
    after = preflight(export, settings=settings, target=pg_server_uri).check("source_lock")
    assert (after.status, after.message) == ("pass", "WAL mode, no pending WAL content")


# --- the target -------------------------------------------------------------------------------------


def test_wrong_password_fails_masked(
    export: Path, settings: Settings, pg_server_uri: str, password_role: tuple[str, str]
) -> None:
    role, _ = password_role
    result = preflight(export, settings=settings, target=uri_as(pg_server_uri, role, "wrong-secret"))
    reachable = result.check("target_reachable")
    assert reachable.status == "fail"
    assert reachable.message.startswith(f"cannot connect to postgresql://{role}:***@")
    assert f'password authentication failed for user "{role}"' in reachable.message
    assert reachable.hint == "check the host, port, user and password of --target (or COLUMNAR_ETL_TARGET)"
    for name in ("target_version", "target_create_schema"):
        assert result.check(name).message == "not checked: the target is not reachable"
    assert result.check("pg_dump").message.endswith("; server version unknown, not compared")
    assert "wrong-secret" not in json.dumps(result.to_dict())
    assert result.exit_code == 3


def test_right_password_but_no_create_privilege(
    export: Path, settings: Settings, pg_server_uri: str, password_role: tuple[str, str]
) -> None:
    role, password = password_role
    result = preflight(export, settings=settings, target=uri_as(pg_server_uri, role, password))
    assert result.check("target_reachable").status == "pass"
    assert result.check("target_reachable").value == f"{role}@postgres"
    create = result.check("target_create_schema")
    assert (create.status, create.value, create.threshold) == ("fail", False, True)
    assert create.message == f"{role} may not CREATE SCHEMA in postgres"
    assert create.hint == f'GRANT CREATE ON DATABASE "postgres" TO "{role}"'
    assert password not in json.dumps(result.to_dict())


def test_unreachable_target(export: Path, settings: Settings) -> None:
    result = preflight(export, settings=settings, target="postgresql://loader:hunter2@127.0.0.1:1/db")
    reachable = result.check("target_reachable")
    assert reachable.status == "fail"
    assert reachable.message.startswith("cannot connect to postgresql://loader:***@127.0.0.1:1/db")
    assert "hunter2" not in json.dumps(result.to_dict())
    assert result.target == "postgresql://loader:hunter2@127.0.0.1:1/db"
    assert result.to_dict()["target"] == "postgresql://loader:***@127.0.0.1:1/db"


def test_server_older_than_the_minimum_fails(export: Path, tmp_path: Path, pg_server_uri: str) -> None:
    settings = load_settings(backup_dir=tmp_path / "b", min_pg_version=99, min_memory_gb=0, fail_memory_gb=0)
    version = preflight(export, settings=settings, target=pg_server_uri).check("target_version")
    assert (version.status, version.threshold) == ("fail", 99)
    assert version.hint == "upgrade the server to PostgreSQL 99 or newer"


# --- pg_dump / pg_restore ---------------------------------------------------------------------------


def test_pg_dump_missing_from_the_configured_dir(export: Path, tmp_path: Path, pg_server_uri: str) -> None:
    empty = tmp_path / "bin"
    empty.mkdir()
    settings = load_settings(backup_dir=tmp_path / "b", pg_bin_dir=empty, min_memory_gb=0, fail_memory_gb=0)
    result = preflight(export, settings=settings, target=pg_server_uri)
    for tool in ("pg_dump", "pg_restore"):
        check = result.check(tool)
        assert (check.status, check.message, check.hint) == (
            "fail",
            f"{tool} not found in {empty} (pg_bin_dir)",
            TOOL_HINT,
        )
    assert result.exit_code == 3


def test_pg_dump_missing_on_path(
    export: Path, tmp_path: Path, settings: Settings, pg_server_uri: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # No embedded binaries and a PATH without PostgreSQL clients: nothing left to find.
    monkeypatch.setattr(pg_tools, "embedded_bin_dir", lambda: None)
    monkeypatch.setenv("PATH", str(tmp_path))
    check = preflight(export, settings=settings, target=pg_server_uri).check("pg_dump")
    assert (check.status, check.message, check.hint) == (
        "fail",
        "pg_dump not found in the embedded server and on PATH",
        TOOL_HINT,
    )


def test_pg_dump_on_path_is_found_after_the_embedded_one(
    export: Path, tmp_path: Path, settings: Settings, pg_server_uri: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake_pg_dump(bin_dir, "pg_dump", "99.1")
    monkeypatch.setattr(pg_tools, "embedded_bin_dir", lambda: None)
    monkeypatch.setenv("PATH", str(bin_dir))
    check = preflight(export, settings=settings, target=pg_server_uri).check("pg_dump")
    assert (check.status, check.value, check.message) == ("pass", 99, "path pg_dump 99.1")


def fake_pg_dump(directory: Path, name: str, version: str) -> Path:
    """A stand-in client that only answers --version, like an old distribution package would."""
    path = directory / name
    path.write_text(f'#!/bin/sh\necho "{name} (PostgreSQL) {version}"\n')
    path.chmod(0o755)
    return path


def test_pg_dump_older_than_the_server_fails(export: Path, tmp_path: Path, pg_server_uri: str) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in ("pg_dump", "pg_restore"):
        fake_pg_dump(bin_dir, tool, "11.22")
    settings = load_settings(backup_dir=tmp_path / "b", pg_bin_dir=bin_dir, min_memory_gb=0, fail_memory_gb=0)
    major = server_major(pg_server_uri)
    check = preflight(export, settings=settings, target=pg_server_uri).check("pg_dump")
    assert (check.status, check.value, check.threshold) == ("fail", 11, major)
    assert check.message == (
        f"configured pg_dump 11.22 is older than the PostgreSQL {major} server, which it cannot dump"
    )
    assert check.hint == TOOL_HINT
    assert check.details["path"] == str(bin_dir / "pg_dump")


# --- Python side ------------------------------------------------------------------------------------


def test_a_missing_python_dependency_fails(
    export: Path, settings: Settings, pg_server_uri: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = environment_checks.runtime_requirements()
    monkeypatch.setattr(environment_checks, "runtime_requirements", lambda: [*real, "no-such-package-xyz"])
    deps = preflight(export, settings=settings, target=pg_server_uri).check("python_dependencies")
    assert (deps.status, deps.value, deps.threshold) == ("fail", len(real), len(real) + 1)
    assert deps.message == "no-such-package-xyz is not installed"
    assert deps.hint == "pip install -e . (or pip install 'columnar-etl') in this environment"


_LOCATE_ONLY = """
import json, sys
from columnar_etl.gates.environment_checks import check_dependencies, runtime_requirements
check = check_dependencies(import_them=False)
print(json.dumps({"status": check.status, "value": check.value, "threshold": check.threshold,
                  "message": check.message, "loaded": [m for m in sys.argv[1:] if m in sys.modules],
                  "requirements": len(runtime_requirements())}))
"""


def test_dependencies_located_but_not_imported_when_asked(tmp_path: Path) -> None:
    # What `run` asks for: the libraries of the later stages are located, not imported (their import
    # happens beside the profile); an installed, importable set passes all the same.
    libraries = ["polars", "pyarrow", "jinja2", "adbc_driver_postgresql"]
    done = run_python(_LOCATE_ONLY, *libraries)
    assert done.returncode == 0, done.stderr
    check = json.loads(done.stdout)
    assert check["loaded"] == []
    every = check["requirements"]
    assert (check["status"], check["value"], check["threshold"]) == ("pass", every, every)
    assert "located, not imported yet" in check["message"]


def test_a_dependency_that_cannot_be_found_fails_when_only_located(monkeypatch: pytest.MonkeyPatch) -> None:
    # Installed (its metadata is there) but no module Python can find: the locate-only check fails too.
    real = environment_checks.runtime_requirements()
    monkeypatch.setattr(environment_checks, "runtime_requirements", lambda: [*real, "pip"])
    monkeypatch.setattr(environment_checks.importlib.util, "find_spec", lambda name: None)
    monkeypatch.delitem(sys.modules, "pip", raising=False)
    check = environment_checks.check_dependencies(import_them=False)
    assert check.status == "fail"
    assert "pip does not import (ModuleNotFoundError" in check.message


def test_the_duckdb_extension_not_loadable_fails(
    export: Path, tmp_path: Path, settings: Settings, pg_server_uri: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import duckdb

    from columnar_etl.source import duckdb_reader as source

    bogus = tmp_path / "sqlite_scanner.duckdb_extension"
    bogus.write_bytes(b"not an extension")
    monkeypatch.setattr(source, "sqlite_extension_path", lambda: bogus)
    result = preflight(export, settings=settings, target=pg_server_uri)
    check = result.check("duckdb_sqlite_extension")
    assert check.status == "fail"
    assert check.message.startswith("DuckDB cannot load the sqlite_scanner extension: ")
    assert (
        check.hint == f"pip install --force-reinstall 'duckdb-extension-sqlite-scanner=={duckdb.__version__}'"
    )


# --- the dashboard templates -------------------------------------------------------------------------


def test_dashboard_templates_are_read_before_anything_moves(
    export: Path, settings: Settings, pg_server_uri: str, tmp_path: Path
) -> None:
    # The loader reads them after the last table is copied: a misspelt path, an empty folder or a
    # template without SQL dropped a whole load (exit 1) instead of refusing it here, before the export
    # is read.
    bundled = preflight(export, settings=settings, target=pg_server_uri).check("dashboard_templates")
    assert (bundled.status, bundled.value) == ("pass", dashboard_template_count())
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "notes.txt").write_text("-- name: nothing\nSELECT 1\n")
    no_sql = tmp_path / "no_sql.sql"
    no_sql.write_text("-- name: open_tickets\n-- a description only\n")
    broken = {
        tmp_path / "dashboards.sq": "cannot read dashboard templates: No such file or directory",
        folder: "no .sql file in the dashboard templates folder",
        no_sql: "dashboard template 'open_tickets' has no SQL",
    }
    for path, message in broken.items():
        asked = settings.model_copy(update={"dashboard_templates": path})
        result = preflight(export, settings=asked, target=pg_server_uri)
        check = result.check("dashboard_templates")
        assert (check.status, check.message) == ("fail", f"{message}: {path}")
        assert (result.status, result.exit_code) == ("fail", 3)
        with pytest.raises(PreflightFailed, match="preflight check dashboard_templates failed"):
            result.raise_for_failures()
    # An operator whose export is another product's names an empty file: no template, nothing to fail.
    none = tmp_path / "none.sql"
    none.write_text("")
    asked = settings.model_copy(update={"dashboard_templates": none})
    empty = preflight(export, settings=asked, target=pg_server_uri).check("dashboard_templates")
    assert (empty.status, empty.value) == ("pass", 0)


def test_a_run_with_unreadable_dashboard_templates_is_refused_by_the_preflight(
    export: Path, tmp_path: Path, pg_uri: str
) -> None:
    asked = run_settings(tmp_path, pg_uri, dashboard_templates=tmp_path / "missing.sql")
    result = run(export, settings=asked, mode="simple")
    assert (result.outcome, result.exit_code) == ("halted", 3)
    record = json.loads((result.run_dir / "run.json").read_text())
    assert [stage["name"] for stage in record["stages"]] == ["preflight"]
    assert record["outcome"] == "halted" and "dashboard_templates" in record["error"]["message"]
    assert pg_query(pg_uri, "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'servicedesk%'") == []


def test_raise_for_failures_names_the_first_failed_check(tmp_path: Path, settings: Settings) -> None:
    result = preflight(tmp_path / "nope.db", settings=settings, target="postgresql://u:p@127.0.0.1:1/db")
    with pytest.raises(PreflightFailed) as info:
        result.raise_for_failures()
    assert (
        info.value.message == "preflight check source_readable failed: source file not found (+1 more failed)"
    )
    assert info.value.hint == "check the path"


def test_html_repr_lists_every_check(export: Path, settings: Settings, pg_server_uri: str) -> None:
    page = preflight(export, settings=settings, target=pg_server_uri)._repr_html_()
    assert page.count("<tr>") == len(CHECK_NAMES) + 1
    assert "preflight <b>pass</b>" in page


# --- the command ------------------------------------------------------------------------------------


def cli_env(tmp_path: Path) -> dict[str, Any]:
    return {
        "COLUMNAR_ETL_BACKUP_DIR": str(tmp_path / "backups"),
        "COLUMNAR_ETL_MIN_MEMORY_GB": "0",
        "COLUMNAR_ETL_FAIL_MEMORY_GB": "0",
    }


def test_cli_json_is_the_library_result_and_exit_0(export: Path, tmp_path: Path, pg_server_uri: str) -> None:
    result = runner.invoke(
        app, ["preflight", str(export), "--target", pg_server_uri, "--json"], env=cli_env(tmp_path)
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["outcome"] == "done" and data["version"] == 1 and data["status"] == "pass"
    assert [check["name"] for check in data["checks"]] == list(CHECK_NAMES)


def test_cli_exit_2_on_warnings_only(export: Path, tmp_path: Path, pg_server_uri: str) -> None:
    env = {**cli_env(tmp_path), "COLUMNAR_ETL_MIN_MEMORY_GB": "1000000"}
    result = runner.invoke(app, ["preflight", str(export), "--target", pg_server_uri], env=env)
    assert result.exit_code == 2, result.output
    assert "preflight: warn in " in result.stdout
    assert re.search(r"│ memory +│ warn +│", result.stdout)
    assert re.search(r"│ source_readable +│ pass +│", result.stdout)


def test_cli_exit_1_on_a_failure_shows_the_table(tmp_path: Path, pg_server_uri: str) -> None:
    result = runner.invoke(
        app, ["preflight", str(tmp_path / "missing.db"), "--target", pg_server_uri], env=cli_env(tmp_path)
    )
    assert result.exit_code == 3, result.output
    for name in ("disk", "memory", "source_readable", "target_version"):
        assert name in result.stdout
    assert re.search(r"│ source_readable +│ fail +│", result.stdout)
    assert re.search(r"│ source_lock +│ skip +│", result.stdout)
    assert "preflight: fail in " in result.stdout


def test_independent_checks_run_at_once(
    export: Path, settings: Settings, pg_server_uri: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from columnar_etl.gates import preflight as preflight_module
    from columnar_etl.gates import source_checks

    # Two checks that can only finish while both are running: run one after the other, the barrier
    # times out and each becomes a failed check.
    barrier = threading.Barrier(2, timeout=20)
    real_integrity, real_dependencies = source_checks.integrity_check, preflight_module.check_dependencies

    def integrity(source: Path) -> Any:
        barrier.wait()
        return real_integrity(source)

    def dependencies(**options: Any) -> Any:
        barrier.wait()
        return real_dependencies(**options)

    monkeypatch.setattr(source_checks, "integrity_check", integrity)
    monkeypatch.setattr(preflight_module, "check_dependencies", dependencies)
    result = preflight(export, settings=settings, target=pg_server_uri)
    assert [check.name for check in result.checks] == list(CHECK_NAMES)
    assert statuses(result) == dict.fromkeys(CHECK_NAMES, "pass")


@pytest.fixture
def ledger_of_another_role(pg_uri: str) -> Iterator[str]:
    """A login role that may create schemas in the test database, whose ledger schema ``columnar_etl``
    another role made (an earlier install, another team's loader); the login role's URI."""
    tag = os.urandom(4).hex()
    loader, other = f"loader_{tag}", f"other_{tag}"
    pg_query(pg_uri, f"CREATE ROLE {loader} LOGIN")
    pg_query(pg_uri, f"CREATE ROLE {other}")
    database = pg_query(pg_uri, "SELECT current_database()")[0][0]
    pg_query(pg_uri, f'GRANT CREATE ON DATABASE "{database}" TO {loader}')
    pg_query(pg_uri, f"CREATE SCHEMA columnar_etl AUTHORIZATION {other}")
    try:
        yield uri_as(pg_uri, loader)
    finally:
        pg_query(pg_uri, f"DROP OWNED BY {loader}, {other} CASCADE")
        pg_query(pg_uri, f"DROP ROLE {loader}")
        pg_query(pg_uri, f"DROP ROLE {other}")


def test_a_ledger_schema_another_role_owns_fails_preflight_and_load_naming_its_owner(
    export: Path, settings: Settings, ledger_of_another_role: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    uri = ledger_of_another_role
    loader = pg_query(uri, "SELECT current_user")[0][0]
    other = loader.replace("loader_", "other_")
    message = f"the ledger schema columnar_etl belongs to role {other!r}, and {loader!r} may not use it"
    hint = (
        f'as {other!r} or a superuser, ALTER SCHEMA columnar_etl OWNER TO "{loader}", '
        f'or GRANT USAGE, CREATE ON SCHEMA columnar_etl TO "{loader}"'
    )
    create = preflight(export, settings=settings, target=uri).check("target_create_schema")
    assert (create.status, create.message, create.hint) == ("fail", message, hint)

    monkeypatch.setenv("COLUMNAR_ETL_BACKUP_DIR", str(settings.backup_dir))
    monkeypatch.setenv("COLUMNAR_ETL_MIN_MEMORY_GB", "0")
    monkeypatch.setenv("COLUMNAR_ETL_FAIL_MEMORY_GB", "0")
    # run: refused by the preflight that now checks it (was "preflight failed: NanoarrowException: ...
    # permission denied for schema columnar_etl", exit 1, after the preflight had passed).
    ran = runner.invoke(app, ["--target", uri, "run", str(export), "--json"])
    assert ran.exit_code == 3, ran.output
    assert json.loads(ran.stdout)["error"]["message"] == (
        f"preflight check target_create_schema failed: {message}"
    )
    # load and cutover, which have no preflight: the same words, from the ledger's own check.
    for args in (["load", str(export)], ["cutover"]):
        result = runner.invoke(app, ["--target", uri, *args])
        assert result.exit_code == 1, result.output
        assert result.stderr == f"error: {message} (hint: {hint})\n"
    assert pg_query(uri, "SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'servicedesk%'") == [(0,)]


def test_columns_dropped_by_the_export_name_of_a_renamed_table_and_column_make_it_fit(
    make_sqlite: SqliteFactory, settings: Settings, pg_server_uri: str
) -> None:
    # A table and a column named "" are read as table_1 / column_2; a mask = "drop" may name either by
    # the export's name (as the run resolves it). The preflight counted such a column as kept.
    measures = ", ".join(f"m{i} REAL" for i in range(1600))
    path = make_sqlite({"": (f'CREATE TABLE "" (id INTEGER PRIMARY KEY, "" TEXT, {measures})', [])})
    too_wide = preflight(path, settings=settings, target=pg_server_uri).check("source_readable")
    assert (too_wide.status, too_wide.value) == ("fail", 1602)
    for table, column in (("", ""), ("table_1", ""), ("table_1", "column_2"), ("", "column_2")):
        drops = {table: {column: ColumnOverride(mask="drop"), "m0": ColumnOverride(mask="drop")}}
        fits = preflight(path, settings=settings.model_copy(update={"columns": drops}), target=pg_server_uri)
        assert fits.check("source_readable").status == "pass", (table, column, fits.check("source_readable"))


def test_dependency_versions_read_from_the_headers_are_importlibs() -> None:
    """The versions and requirements read from METADATA's headers alone (cheaper than importlib's whole
    parse) are importlib.metadata's own, for every runtime dependency and for pytest (not one)."""
    import importlib.metadata

    names = environment_checks.runtime_requirements()
    expected = [
        re.match(r"^[A-Za-z0-9][A-Za-z0-9._-]*", requirement).group(0)  # type: ignore[union-attr]
        for requirement in importlib.metadata.requires("columnar-etl") or []
        if "extra ==" not in requirement
    ]
    assert names == expected and "duckdb" in names
    for name in [*names, "pytest"]:
        assert environment_checks.installed_version(name) == importlib.metadata.version(name), name
    with pytest.raises(importlib.metadata.PackageNotFoundError):
        environment_checks.installed_version("no-such-distribution-here")
