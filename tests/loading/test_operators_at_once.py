"""Two operators at once, and dashboards reading while we load: real processes (the command line as a
subprocess) against the real server, synchronised on the server's own pg_locks / pg_stat_activity."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa
import pytest

from columnar_etl.backups import backup_target
from columnar_etl.config import load_settings
from columnar_etl.errors import LoadError
from columnar_etl.loading.strategies import load_tables
from columnar_etl.loading.versions import cutover
from columnar_etl.pg.connect import connect

from ..conftest import pg_query
from .conftest import held_table_lock, version_schemas


def cli(
    *args: str, cwd: Path, env: dict[str, str] | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """``python -m columnar_etl ARGS`` in a process of its own, in ``cwd``."""
    return subprocess.run(
        [sys.executable, "-m", "columnar_etl", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path), **(env or {})},
    )


def with_application_name(uri: str, name: str) -> str:
    """``uri`` whose connections call themselves ``name`` in pg_stat_activity."""
    return f"{uri}{'&' if '?' in uri else '?'}application_name={name}"


def run_records(runs_dir: Path) -> list[dict[str, object]]:
    """Every run.json under ``runs_dir``."""
    return [json.loads(path.read_text(encoding="utf-8")) for path in sorted(runs_dir.glob("*/run.json"))]


def test_a_prune_waits_for_a_reader_of_an_old_version_as_long_as_a_cutover_waits(
    pg_uri: str, tmp_path: Path
) -> None:
    # A dashboard (or `backup target`'s pg_dump) reading an old version holds ACCESS SHARE on its tables;
    # the prune's DROP waited for it without end (lock waits are off on the tool's connections), holding
    # the base's lock, so every cutover and rollback meanwhile failed after target_lock_wait.
    settings = load_settings(target_lock_wait=0.5, pg_dir=tmp_path / "pg", backup_dir=tmp_path / "b")
    old = load_tables({"t": pa.table({"a": [1]})}, pg_uri, settings=settings)
    load_tables({"t": pa.table({"a": [2]})}, pg_uri, settings=settings)
    load_tables({"t": pa.table({"a": [3]})}, pg_uri, settings=settings)
    before = version_schemas(pg_uri)
    env = {"COLUMNAR_ETL_TARGET_LOCK_WAIT": "0.5"}
    # A reader (a dashboard, a pg_dump) of the old version: ACCESS SHARE held in its open transaction.
    with held_table_lock(with_application_name(pg_uri, "dashboard"), f'"{old.schema}"."t"', "ACCESS SHARE"):
        (pid,) = pg_query(pg_uri, "SELECT pid FROM pg_stat_activity WHERE application_name = 'dashboard'")[0]
        done = cli("--target", pg_uri, "schemas", "prune", "--keep", "0", cwd=tmp_path, env=env, timeout=60)
    assert done.returncode == 1, done.stdout + done.stderr
    (line,) = done.stderr.strip().splitlines()
    assert line == (
        f"error: readers held version {old.schema} for more than 0.5 s (pid {pid} dashboard): nothing was "
        "dropped (hint: let them finish (a dashboard or pg_dump reading that version) or raise "
        "target_lock_wait, and prune again)"
    )
    assert version_schemas(pg_uri) == before
    (record,) = [r for r in run_records(tmp_path / "runs") if r["command"] == "schemas prune"]
    assert record["outcome"] == "failed"
    assert pg_query(pg_uri, "SELECT mode, status FROM columnar_etl.runs WHERE mode = 'prune'") == [
        ("prune", "failed")
    ]
    # The reader gone, the same prune drops it.
    done = cli("--target", pg_uri, "schemas", "prune", "--keep", "0", cwd=tmp_path, env=env, timeout=60)
    assert done.returncode == 0, done.stdout + done.stderr
    assert old.schema not in version_schemas(pg_uri)


#: One dashboard query over two views: a mix of versions would show as rows of two different loads.
BOTH = "SELECT (SELECT min(a) FROM servicedesk.t), (SELECT min(b) FROM servicedesk.u)"


def two_tables(value: int) -> dict[str, pa.Table]:
    """A version of two tables, each holding ``value``: which version a reader saw, table by table."""
    return {"t": pa.table({"a": [value]}), "u": pa.table({"b": [value]})}


def wait_until(uri: str, sql: str, seconds: float = 60) -> None:
    """Poll the server until ``sql`` returns true (bounded, never the test's outcome)."""
    deadline = time.monotonic() + seconds
    while not pg_query(uri, sql)[0][0]:
        assert time.monotonic() < deadline, f"still false after {seconds} s: {sql}"
        time.sleep(0.02)


def test_a_repeatable_read_dashboard_queued_behind_a_cutover_reads_the_new_version_whole(
    pg_uri: str, tmp_path: Path
) -> None:
    settings = load_settings(target_lock_wait=30, pg_dir=tmp_path / "pg", backup_dir=tmp_path / "b")
    load_tables(two_tables(1), pg_uri, settings=settings)
    ready = load_tables(two_tables(2), pg_uri, settings=settings, mode="blue-green")
    seen: list[tuple[object, ...]] = []

    def dashboard() -> None:
        conn = connect(with_application_name(pg_uri, "dashboard"), autocommit=True)
        cursor = conn.cursor()
        try:
            cursor.execute("BEGIN ISOLATION LEVEL REPEATABLE READ")
            cursor.execute(BOTH)  # its snapshot is taken now; it then waits for the cutover's locks
            seen.append(tuple(cursor.fetchone()))
            cursor.execute(BOTH)  # the same snapshot again
            seen.append(tuple(cursor.fetchone()))
            cursor.execute("COMMIT")
        finally:
            cursor.close()
            conn.close()

    reader = threading.Thread(target=dashboard)

    def before_commit(_: object) -> None:
        # The views are locked by this transaction: the dashboard starts, and queues behind them.
        reader.start()
        wait_until(
            pg_uri,
            "SELECT count(*) = 1 FROM pg_stat_activity WHERE application_name = 'dashboard' "
            "AND wait_event_type = 'Lock'",
        )

    cutover(pg_uri, ready.schema, settings=settings, before_commit=before_commit)
    reader.join(timeout=60)
    assert seen == [(2, 2), (2, 2)]


def test_a_cutover_held_by_a_repeatable_read_dashboard_gives_up_with_nothing_changed(
    pg_uri: str, tmp_path: Path
) -> None:
    settings = load_settings(target_lock_wait=0.5, pg_dir=tmp_path / "pg", backup_dir=tmp_path / "b")
    load_tables(two_tables(1), pg_uri, settings=settings)
    ready = load_tables(two_tables(2), pg_uri, settings=settings, mode="blue-green")
    env = {"COLUMNAR_ETL_TARGET_LOCK_WAIT": "0.5"}
    holder = connect(pg_uri, autocommit=True)
    cursor = holder.cursor()
    try:
        cursor.execute("BEGIN ISOLATION LEVEL REPEATABLE READ")
        cursor.execute("SELECT min(a), pg_backend_pid() FROM servicedesk.t")  # one view read, not yet both
        ((first, pid),) = cursor.fetchall()
        assert first == 1
        done = cli("--target", pg_uri, "cutover", ready.schema, cwd=tmp_path, env=env, timeout=60)
        # The dashboard's next query, in the same transaction, still reads the version it began with.
        cursor.execute(BOTH)
        assert cursor.fetchall() == [(1, 1)]
        cursor.execute("COMMIT")
    finally:
        cursor.close()
        holder.close()
    assert done.returncode == 1, done.stdout + done.stderr
    (line,) = done.stderr.strip().splitlines()
    # Until 2026-12-03: "... for more than 0.5 s (while running: DO $$ DECLARE deadline ...) (hint: nothing
    # was committed; the live version is unchanged)": neither who held them nor what to do.
    assert line == (
        f"error: readers held the views of servicedesk for more than 0.5 s (pid {pid}): nothing was "
        "committed (hint: let them finish (a dashboard's open transaction) or raise target_lock_wait, and "
        "run again)"
    )
    assert pg_query(pg_uri, BOTH) == [(1, 1)]
    (record,) = run_records(tmp_path / "runs")
    assert (record["command"], record["outcome"]) == ("cutover", "failed")
    # The dashboard gone, the same cutover goes through.
    done = cli("--target", pg_uri, "cutover", ready.schema, cwd=tmp_path, env=env, timeout=60)
    assert done.returncode == 0, done.stdout + done.stderr
    assert pg_query(pg_uri, BOTH) == [(2, 2)]


def test_a_rollback_while_a_simple_load_copies_is_the_change_the_load_then_replaces(
    pg_uri: str, tmp_path: Path
) -> None:
    # A and B loaded (B live); a simple load of C starts; while it copies, another operator rolls
    # back (A live). C goes live on top of A: its previous is A, and a rollback from C gives A back,
    # never B (what was live when C's load began).
    settings = load_settings(target_lock_wait=30, pg_dir=tmp_path / "pg", backup_dir=tmp_path / "b")
    a = load_tables({"t": pa.table({"a": [1]})}, pg_uri, settings=settings)
    load_tables({"t": pa.table({"a": [2]})}, pg_uri, settings=settings)
    rolled: list[subprocess.CompletedProcess[str]] = []

    def batches() -> Iterator[pa.RecordBatch]:
        rolled.append(cli("--target", pg_uri, "rollback", cwd=tmp_path, timeout=60))
        yield pa.record_batch({"a": [3]})

    c = load_tables(
        {"t": pa.RecordBatchReader.from_batches(pa.schema({"a": pa.int64()}), batches())},
        pg_uri,
        settings=settings,
    )
    (done,) = rolled
    assert done.returncode == 0, done.stdout + done.stderr
    assert (c.status, c.live_before) == ("live", a.schema)
    assert pg_query(pg_uri, "SELECT a FROM servicedesk.t") == [(3,)]
    assert pg_query(
        pg_uri, f"SELECT previous FROM columnar_etl.versions WHERE schema_name = '{c.schema}'"
    ) == [(a.schema,)]
    done = cli("--target", pg_uri, "rollback", cwd=tmp_path, timeout=60)
    assert done.returncode == 0, done.stdout + done.stderr
    assert pg_query(pg_uri, "SELECT a FROM servicedesk.t") == [(1,)]


def test_two_restores_of_one_dump_at_once_leave_the_one_that_restored_it(pg_uri: str, tmp_path: Path) -> None:
    # Two operators restore the same dump together. Both found the schema absent and ran pg_restore;
    # the one whose pg_restore lost ("schema ... already exists") dropped "what it restored" again:
    # the other's schema, CASCADE (a view reading it went too), and exit 0 for a schema gone.
    settings = load_settings(pg_dir=tmp_path / "pg", backup_dir=tmp_path / "b")
    pg_query(pg_uri, "CREATE SCHEMA kept")
    pg_query(pg_uri, "CREATE TABLE kept.t AS SELECT 1 AS a")
    dump = backup_target("kept", uri=pg_uri, settings=settings).manifest.path
    pg_query(pg_uri, "DROP SCHEMA kept CASCADE")
    env = {"COLUMNAR_ETL_BACKUP_DIR": str(tmp_path / "b")}
    # Both restores are held at their CREATE SCHEMA by a transaction creating it first, then let go.
    gate = connect(pg_uri, autocommit=True)
    cursor = gate.cursor()
    cursor.execute("BEGIN")
    cursor.execute("CREATE SCHEMA kept")
    waiting = (
        "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'pg_restore' "
        "AND wait_event_type = 'Lock'"
    )
    args = [sys.executable, "-m", "columnar_etl", "--target", pg_uri, "backup", "target-restore", str(dump)]
    started = []
    try:
        for name in ("first", "second"):
            (tmp_path / name).mkdir()
            started.append(
                subprocess.Popen(
                    args,
                    cwd=tmp_path / name,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.PIPE,
                    text=True,
                    env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path), **env},
                )
            )
            if name == "first":
                wait_until(pg_uri, waiting.replace("count(*)", "count(*) = 1"))
        # The second restore ends on its own, or waits at its CREATE SCHEMA beside the first.
        deadline = time.monotonic() + 60
        while (
            started[1].poll() is None
            and not pg_query(pg_uri, waiting.replace("count(*)", "count(*) = 2"))[0][0]
        ):
            assert time.monotonic() < deadline
            time.sleep(0.02)
    finally:
        cursor.execute("ROLLBACK")
        cursor.close()
        gate.close()
    outcomes = [(p.wait(timeout=60), p.stderr.read() if p.stderr else "") for p in started]
    assert sorted(code for code, _ in outcomes) == [0, 1], outcomes
    (lost,) = [err.strip() for code, err in outcomes if code == 1]
    assert "\n" not in lost and "another restore of schema 'kept' into " in lost, lost
    assert lost.endswith(
        "(hint: wait for it to finish: the schema is then there (columnar-etl schemas list))"
    )
    assert pg_query(pg_uri, "SELECT a FROM kept.t") == [(1,)]


def test_a_restore_whose_pg_restore_fails_drops_no_schema_of_someone_else(
    pg_uri: str, tmp_path: Path
) -> None:
    # The schema appears (another session's) between the restore's look and its pg_restore: pg_restore
    # fails, having committed nothing, and the schema it did not make stays.
    settings = load_settings(pg_dir=tmp_path / "pg", backup_dir=tmp_path / "b")
    pg_query(pg_uri, "CREATE SCHEMA kept")
    pg_query(pg_uri, "CREATE TABLE kept.t AS SELECT 1 AS a")
    dump = backup_target("kept", uri=pg_uri, settings=settings).manifest.path
    pg_query(pg_uri, "DROP SCHEMA kept CASCADE")
    gate = connect(pg_uri, autocommit=True)
    cursor = gate.cursor()
    cursor.execute("BEGIN")
    cursor.execute("CREATE SCHEMA kept")
    cursor.execute("CREATE TABLE kept.mine AS SELECT 2 AS b")
    restore = subprocess.Popen(
        [sys.executable, "-m", "columnar_etl", "--target", pg_uri, "backup", "target-restore", str(dump)],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )
    try:
        wait_until(
            pg_uri,
            "SELECT count(*) = 1 FROM pg_stat_activity WHERE application_name = 'pg_restore' "
            "AND wait_event_type = 'Lock'",
        )
    finally:
        cursor.execute("COMMIT")
        cursor.close()
        gate.close()
    _, err = restore.communicate(timeout=60)
    assert restore.returncode == 1, err
    assert "pg_restore failed: " in err and "(kept) already exists" in err, err
    assert pg_query(pg_uri, "SELECT b FROM kept.mine") == [(2,)]


def test_a_cutover_waits_for_a_repeatable_read_dashboard_older_than_the_version(
    pg_uri: str, tmp_path: Path
) -> None:
    # A REPEATABLE READ transaction opened before the new version's load committed cannot see its
    # rows; PostgreSQL finds views and tables by the current catalogue. Had the cutover gone ahead, its
    # next read of the views would have found the new version's tables empty (0 tickets on the
    # dashboard, not a mix but not a version either). The cutover waits for it, as for a reader.
    settings = load_settings(target_lock_wait=0.5, pg_dir=tmp_path / "pg", backup_dir=tmp_path / "b")
    load_tables(two_tables(1), pg_uri, settings=settings)
    holder = connect(with_application_name(pg_uri, "dashboard"), autocommit=True)
    cursor = holder.cursor()
    try:
        cursor.execute("BEGIN ISOLATION LEVEL REPEATABLE READ")
        cursor.execute("SELECT pg_backend_pid()")  # its snapshot: before the next load's commit
        ((pid,),) = cursor.fetchall()
        ready = load_tables(two_tables(2), pg_uri, settings=settings, mode="blue-green")
        with pytest.raises(LoadError) as info:
            cutover(pg_uri, ready.schema, settings=settings)
        cursor.execute(BOTH)
        assert cursor.fetchall() == [(1, 1)]
        cursor.execute("COMMIT")
    finally:
        cursor.close()
        holder.close()
    assert str(info.value) == (
        f"transactions older than version {ready.schema} held snapshots that cannot see it for more than "
        f"0.5 s (pid {pid} dashboard): nothing was committed (hint: let them finish (a REPEATABLE READ or "
        "SERIALIZABLE transaction opened before the version was loaded would find its tables empty) or "
        "raise target_lock_wait, and run again)"
    )
    assert pg_query(pg_uri, BOTH) == [(1, 1)]
    # The dashboard gone, the same cutover goes through; a new one sees the new version whole.
    cutover(pg_uri, ready.schema, settings=settings)
    assert pg_query(pg_uri, BOTH) == [(2, 2)]


def test_a_dump_older_than_the_version_does_not_hold_the_cutover(pg_uri: str, tmp_path: Path) -> None:
    # pg_dump (`backup target`, the dump before a cutover) and the backup's own transaction hold a
    # snapshot for as long as the dump runs, and read a version's tables, never the views.
    settings = load_settings(target_lock_wait=0.5, pg_dir=tmp_path / "pg", backup_dir=tmp_path / "b")
    live = load_tables(two_tables(1), pg_uri, settings=settings)
    holders = [connect(with_application_name(pg_uri, name), autocommit=True) for name in ("pg_dump", "x")]
    cursors = [holder.cursor() for holder in holders]
    try:
        for number, cursor in enumerate(cursors):
            cursor.execute("BEGIN ISOLATION LEVEL REPEATABLE READ")
            if number == 1:  # as backup_target names its transaction
                cursor.execute("SET LOCAL application_name = 'columnar_etl backup'")
            cursor.execute(f'SELECT count(*) FROM "{live.schema}".t')
            assert cursor.fetchall() == [(1,)]
        ready = load_tables(two_tables(2), pg_uri, settings=settings, mode="blue-green")
        cutover(pg_uri, ready.schema, settings=settings)
        assert pg_query(pg_uri, BOTH) == [(2, 2)]
    finally:
        for holder, cursor in zip(holders, cursors, strict=True):
            cursor.close()
            holder.rollback()
            holder.close()
