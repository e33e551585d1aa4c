"""How ``run`` ends when something fails: every failure recorded, nothing reported failed after a commit.

Faults are injected where the operating system or the server would raise them (a full disk, a file where a
directory should be, a terminated backend, a second run of the same file); run.json, the ledger and the
live views are then read back as they are.
"""

from __future__ import annotations

import errno
import importlib
import json
import os
import re
import shutil
import subprocess
import sys
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from columnar_etl.cleaning.stream import CleanStream
from columnar_etl.cli import app
from columnar_etl.config import Settings
from columnar_etl.loading import strategies
from columnar_etl.observability.metrics import RunMetrics
from columnar_etl.pg.embedded import EmbeddedPostgres
from columnar_etl.pipeline.runner import run
from columnar_etl.source import sqlite_file

from .conftest import pg_query, run_env, run_settings, run_with_file_size_limit

runner = CliRunner()
# The run calls the stages by the names its module imported: those are what a test replaces.
run_module = importlib.import_module("columnar_etl.pipeline.runner")


@pytest.fixture
def settings(tmp_path: Path, pg_uri: str) -> Settings:
    return run_settings(tmp_path, pg_uri)


@pytest.fixture
def env(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> Settings:
    run_env(settings, monkeypatch)
    assert settings.target is not None
    monkeypatch.setenv("COLUMNAR_ETL_TARGET", settings.target)
    return settings


def version_schemas(uri: str) -> list[str]:
    rows = pg_query(uri, "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'servicedesk\\_v%' ORDER BY 1")
    return [row[0] for row in rows]


def live_tickets(uri: str) -> list[tuple[Any, ...]]:
    return pg_query(uri, "SELECT to_regclass('servicedesk.tickets')")


def ledger_row(uri: str, run_id: str) -> tuple[str, str | None]:
    ((status, error),) = pg_query(
        uri, f"SELECT status, error FROM columnar_etl.runs WHERE run_id = '{run_id}'"
    )
    return status, error


def only_run(settings: Settings) -> dict[str, Any]:
    (run_json,) = Path(settings.runs_dir).glob("*/run.json")
    data: dict[str, Any] = json.loads(run_json.read_text())
    return data


def test_a_plan_the_settings_contradict_is_recorded_failed_in_the_plan_not_the_gate_that_passed(
    env: Settings, make_sqlite: Any, tmp_path: Path
) -> None:
    # A column override the profile contradicts (`trim = false` on a column it reads as timestamps) fails
    # the plan, after the gate passed. Was: run.json's error (and the --json object's) named the stage
    # "gate", which had passed.
    source = make_sqlite(
        {"t": ("CREATE TABLE t (id INTEGER PRIMARY KEY, at TEXT)", [(1, "2024-03-10 02:30:00")])}
    )
    config = tmp_path / "columnar_etl.toml"
    config.write_text('[columns."t"."at"]\ntrim = false\n')
    assert env.target is not None
    ran = runner.invoke(app, ["--config", str(config), "run", str(source), "--mode", "simple", "--json"])
    assert ran.exit_code == 1, ran.output
    record = only_run(env)
    assert json.loads(ran.stdout)["error"] == record["error"]
    assert (record["outcome"], record["exit_code"]) == ("failed", 1)
    assert (record["error"]["stage"], record["error"]["table"], record["error"]["column"]) == (
        "plan",
        "t",
        "at",
    )
    assert (
        record["error"]["message"]
        == "trim = false keeps text as written, but the column is read as timestamp"
    )
    assert [(s["name"], s["status"]) for s in record["stages"]] == [
        ("preflight", "done"),
        ("backup", "done"),
        ("profile", "done"),
        ("gate", "done"),
    ]
    assert ledger_row(env.target, record["run_id"])[0] == "failed"
    assert version_schemas(env.target) == []


def test_any_exception_inside_a_stage_is_recorded_failed_with_one_line_and_a_ledger_row(
    env: Settings, small_fixture: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_profile(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("division by zero\nsecond line")

    monkeypatch.setattr(run_module, "profile_step", broken_profile)
    assert env.target is not None
    result = runner.invoke(app, ["run", str(small_fixture), "--target", env.target])
    assert result.exit_code == 1, result.output
    assert result.stderr == (
        "error: profile failed: ZeroDivisionError: division by zero "
        "(hint: run again with --debug for the traceback)\n"
    )
    assert "Traceback" not in result.output
    record = only_run(env)
    assert (record["outcome"], record["exit_code"]) == ("failed", 1)
    assert record["error"]["message"] == "profile failed: ZeroDivisionError: division by zero"
    assert record["error"]["stage"] == "profile"
    assert [(s["name"], s["status"]) for s in record["stages"]] == [
        ("preflight", "done"),
        ("backup", "done"),
        ("profile", "failed"),
    ]
    assert record["pid"] == os.getpid() and record["host"]
    assert ledger_row(env.target, record["run_id"]) == ("failed", "ZeroDivisionError: division by zero")


def test_a_write_lock_taken_after_the_preflight_is_named_with_the_export_and_a_hint(
    settings: Settings, small_fixture: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # helper 22: "profile failed: OperationalError: database is locked (hint: run again with --debug)".
    import shutil
    import sqlite3

    export = tmp_path / "export.db"
    shutil.copy(small_fixture, export)
    profile_step = run_module.profile_step
    writer = sqlite3.connect(export, isolation_level=None)

    def locked_then_profiled(source: Path, settings: Settings) -> Any:
        writer.execute("BEGIN EXCLUSIVE")
        return profile_step(source, settings)

    monkeypatch.setattr(run_module, "profile_step", locked_then_profiled)
    monkeypatch.setattr(sqlite_file, "READ_BUSY_TIMEOUT", 1.0)  # the wait for the lock (5 s)
    try:
        result = run(export, settings=settings, mode="simple")
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert (result.outcome, result.exit_code) == ("failed", 1)
    error = result.record.error
    assert error is not None and "locked" in error["message"]
    assert error["path"] == str(export) and "writ" in error["hint"]
    # Wherever else SQLite says so (a read of the catalogue's keys by Python's sqlite3, say), the same.
    raw = sqlite3.OperationalError("database is locked")
    assert run_module._explained(raw, "profile", str(export), settings) == (
        str(export),
        "another program took a write lock on the export after the preflight: run again when it is done",
    )
    moved = RuntimeError('IO Error: Unable to open database "x.db"')
    assert run_module._explained(moved, "clean+load", str(export), settings)[0] == str(export)
    full = OSError(errno.ENOSPC, "No space left on device")
    assert run_module._explained(full, "backup", str(export), settings)[0] == str(settings.backup_dir)


def test_debug_shows_the_traceback_of_any_exception(
    env: Settings, small_fixture: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_profile(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(run_module, "profile_step", broken_profile)
    assert env.target is not None
    result = runner.invoke(app, ["run", str(small_fixture), "--target", env.target, "--debug"])
    assert isinstance(result.exception, ZeroDivisionError)
    assert only_run(env)["outcome"] == "failed"  # recorded before the traceback is let through


def test_a_failure_after_the_commit_is_done_with_warnings_exit_2(
    env: Settings, small_fixture: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_full(self: RunMetrics, path: Path) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(RunMetrics, "write_textfile", disk_full)
    assert env.target is not None
    result = runner.invoke(app, ["run", str(small_fixture), "--mode", "simple", "--yes", "--json"])
    assert result.exit_code == 2, result.output
    assert result.stderr == ""
    record = json.loads(result.stdout)
    assert (record["outcome"], record["exit_code"]) == ("warn", 2)
    assert "metrics.prom not written: OSError: [Errno 28] No space left on device" in record["warnings"]
    # Live changed: the new version is what the dashboards read, and the ledger says so.
    assert pg_query(env.target, "SELECT count(*) FROM servicedesk.tickets") == [(109,)]
    assert ledger_row(env.target, record["run_id"]) == ("succeeded", None)
    assert json.loads((Path(env.runs_dir) / record["run_id"] / "run.json").read_text())["outcome"] == "warn"


def test_a_full_disk_before_the_commit_rolls_the_load_back_exit_1(
    env: Settings, small_fixture: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_full(self: CleanStream) -> None:  # committing the audit and quarantine files
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(CleanStream, "result", disk_full)
    assert env.target is not None
    result = runner.invoke(app, ["run", str(small_fixture), "--mode", "simple", "--yes"])
    assert result.exit_code == 1, result.output
    assert result.stderr == (
        "error: clean+load failed: OSError: [Errno 28] No space left on device "
        "(hint: run again with --debug for the traceback)\n"
    )
    assert version_schemas(env.target) == [] and live_tickets(env.target) == [(None,)]
    record = only_run(env)
    assert (record["outcome"], record["stages"][-1]["status"]) == ("failed", "failed")
    assert ledger_row(env.target, record["run_id"]) == (
        "failed",
        "OSError: [Errno 28] No space left on device",
    )


def test_runs_dir_that_is_a_file_is_one_line_and_exit_1(
    env: Settings, small_fixture: Path, tmp_path: Path
) -> None:
    blocker = tmp_path / "not_a_dir"
    blocker.write_text("x")
    result = runner.invoke(app, ["run", str(small_fixture)], env={"COLUMNAR_ETL_RUNS_DIR": str(blocker)})
    assert result.exit_code == 1, result.output
    assert re.fullmatch(
        rf"error: file {re.escape(str(blocker))}/\d{{8}}T\d{{6}}Z-[0-9a-f]+: cannot write the run record: "
        r"Not a directory \(hint: runs_dir must be a writable directory with free space \(setting "
        r"runs_dir\)\)\n",
        result.stderr,
    ), result.stderr
    assert result.stdout == ""


def test_backup_dir_that_is_a_file_fails_the_run_with_its_record(
    env: Settings, small_fixture: Path, tmp_path: Path
) -> None:
    blocker = tmp_path / "backup_file"
    blocker.write_text("x")
    result = runner.invoke(app, ["run", str(small_fixture)], env={"COLUMNAR_ETL_BACKUP_DIR": str(blocker)})
    assert result.exit_code in (1, 3), result.output
    assert len(result.stderr.splitlines()) == 1 and result.stderr.startswith("error: ")
    assert "Traceback" not in result.output
    record = only_run(env)
    assert record["outcome"] in ("failed", "halted") and record["finished"] is not None
    assert record["error"]["message"] in result.stderr


@pytest.mark.parametrize("step", ["table_columns", "check_templates"])  # validation, dashboard templates
def test_a_terminated_connection_during_validation_or_the_dashboard_is_a_recorded_failure(
    env: Settings, small_fixture: Path, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    assert env.target is not None
    real = getattr(strategies, step)

    def terminated(cursor: Any, *args: Any, **kwargs: Any) -> Any:
        cursor.execute("SELECT pg_backend_pid()")
        (pid,) = cursor.fetchone()
        assert env.target is not None
        pg_query(env.target, f"SELECT pg_terminate_backend({pid})")
        return real(cursor, *args, **kwargs)

    monkeypatch.setattr(strategies, step, terminated)
    result = runner.invoke(app, ["run", str(small_fixture), "--mode", "simple", "--yes"])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    (line,) = result.stderr.splitlines()
    assert line.startswith("error: ") and "terminat" in line
    record = only_run(env)
    assert record["outcome"] == "failed" and record["stages"][-1] == {
        **record["stages"][-1],
        "status": "failed",
    }
    assert version_schemas(env.target) == [] and live_tickets(env.target) == [(None,)]
    assert ledger_row(env.target, record["run_id"])[0] == "failed"


def test_the_same_file_started_twice_at_once_is_loaded_once(
    settings: Settings, small_fixture: Path, tmp_path: Path
) -> None:
    assert settings.target is not None
    processes = []
    for number in range(2):
        env = {
            **os.environ,
            "COLUMNAR_ETL_RUNS_DIR": str(settings.runs_dir),
            "COLUMNAR_ETL_BACKUP_DIR": str(tmp_path / f"backups{number}"),
            "COLUMNAR_ETL_MIN_MEMORY_GB": "0.5",
            "COLUMNAR_ETL_FAIL_MEMORY_GB": "0.1",
            "COLUMNAR_ETL_TARGET_LOCK_WAIT": "120",
        }
        command = [sys.executable, "-m", "columnar_etl", "run", str(small_fixture), "--mode", "simple"]
        processes.append(
            subprocess.Popen(
                [*command, "--yes", "--json", "--target", settings.target],
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
        )
    outputs = [process.communicate(timeout=300) for process in processes]
    records = [json.loads(stdout) for stdout, _ in outputs]
    assert sorted((r["outcome"], r["exit_code"]) for r in records) == [("already_loaded", 0), ("warn", 2)], [
        err for _, err in outputs
    ]
    (loaded,) = (r for r in records if r["outcome"] == "warn")
    skipped = next(r for r in records if r["outcome"] == "already_loaded")
    assert version_schemas(settings.target) == [loaded["version_schema"]]
    assert f"version {loaded['version_schema']} was loaded from this very file" in skipped["warnings"][0]
    assert pg_query(settings.target, "SELECT count(*) FROM servicedesk.tickets") == [(109,)]


def test_a_failure_of_the_backup_stage_is_recorded_in_the_ledger(
    settings: Settings, small_fixture: Path, monkeypatch: pytest.MonkeyPatch
) -> None:

    def broken(*args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", "/backups")

    monkeypatch.setattr(run_module, "create_backup", broken)
    result = run(small_fixture, settings=settings)
    assert (result.outcome, result.exit_code) == ("failed", 1)
    assert settings.target is not None
    assert ledger_row(settings.target, result.record.run_id) == (
        "failed",
        "PermissionError: [Errno 13] Permission denied: '/backups'",
    )


def test_a_preflight_refusal_is_recorded_in_the_ledger_of_the_target_preflight_reached(
    settings: Settings, small_fixture: Path
) -> None:
    result = run(small_fixture, settings=settings.model_copy(update={"disk_factor": 1e9}))
    assert (result.outcome, result.exit_code) == ("halted", 3)
    assert settings.target is not None
    status, error = ledger_row(settings.target, result.record.run_id)
    assert status == "halted" and error is not None and error.startswith("preflight check disk failed: ")


def test_library_run_never_leaves_running(settings: Settings, small_fixture: Path, monkeypatch: Any) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise KeyError("boom")

    monkeypatch.setattr(run_module, "profile_step", broken)
    result = run(small_fixture, settings=settings)
    assert (result.outcome, result.exit_code) == ("failed", 1)
    assert isinstance(result.exception, KeyError)
    assert json.loads((result.run_dir / "run.json").read_text())["outcome"] == "failed"


def test_a_load_refused_by_the_quality_gate_is_halted_exit_3(env: Settings, small_fixture: Path) -> None:
    assert env.target is not None
    result = runner.invoke(
        app, ["run", str(small_fixture), "--mode", "simple", "--yes", "--min-quality", "99.9"]
    )
    assert result.exit_code == 3, result.output
    (line,) = result.stderr.splitlines()
    assert line.startswith("error: simple load refused, nothing live changed: min_quality: expected 99.9")
    record = only_run(env)
    assert (record["outcome"], record["stages"][-1]["status"]) == ("halted", "halted")
    assert version_schemas(env.target) == [] and live_tickets(env.target) == [(None,)]
    assert ledger_row(env.target, record["run_id"])[0] == "halted"  # the loader's own row, as run.json


def test_a_run_json_that_cannot_be_written_mid_run_is_one_line_and_exit_1(
    env: Settings, small_fixture: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from columnar_etl.pipeline.record import RunRecord

    real = RunRecord.write

    def full_after_start(self: RunRecord) -> Path:
        if self.stages:  # the first write (before any stage) succeeds, every later one fails
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(self)

    monkeypatch.setattr(RunRecord, "write", full_after_start)
    assert env.target is not None
    result = runner.invoke(app, ["run", str(small_fixture), "--mode", "simple", "--yes"])
    assert result.exit_code == 1, result.output
    assert result.stderr.splitlines() == [
        "error: preflight failed: OSError: [Errno 28] No space left on device "
        "(hint: run again with --debug for the traceback)",
        "warning: run.json not written: OSError: [Errno 28] No space left on device",
    ]
    assert live_tickets(env.target) == [(None,)]
    # What did reach the disk is the record as the run started, never a finished-looking one.
    assert only_run(env)["outcome"] == "running"


def test_a_backup_the_file_system_has_no_room_for_is_hinted_so_not_as_a_right(
    env: Settings, small_fixture: Path, tmp_path: Path
) -> None:
    # A file size limit (real: RLIMIT_FSIZE of the run's process, SIGXFSZ ignored) that the run's own
    # files (~80 KB at most) pass and the export's copy (~230 KB) does not. Was the hint "set backup_dir to
    # a directory this user can write", as for a directory the user may not write.
    export = tmp_path / "export.db"
    shutil.copy(small_fixture, export)

    command = [sys.executable, "-m", "columnar_etl", "run", str(export), "--mode", "simple", "--json"]
    done = run_with_file_size_limit(command, 120_000)
    record = only_run(env)
    assert (record["outcome"], record["exit_code"], done.returncode) == ("failed", 1, 1), done.stderr
    assert json.loads(done.stdout)["run_id"] == record["run_id"]
    message = "cannot write the backup in this directory: File too large"
    hint = (
        "the file system has no room for the backup (full, a quota, or a file size limit: ulimit -f): free "
        "some space or raise the limit, or set backup_dir to a directory with room"
    )
    assert (record["error"]["path"], record["error"]["message"], record["error"]["hint"]) == (
        str(env.backup_dir),
        message,
        hint,
    )
    assert done.stderr == f"error: file {env.backup_dir}: {message} (hint: {hint})\n"
    assert version_schemas(str(env.target)) == []


def test_the_backup_runs_beside_the_profile_and_its_failure_stops_the_run_before_the_gate(
    settings: Settings, small_fixture: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    # The backup can only finish while the profile is running, and the other way round: one after
    # the other, the barrier times out and the run fails.
    barrier = threading.Barrier(2, timeout=30)
    real_profile = run_module.profile_step

    def backup(*args: Any, **kwargs: Any) -> Any:
        barrier.wait()
        raise PermissionError(errno.EACCES, "Permission denied", "/backups")

    def profile(*args: Any, **kwargs: Any) -> Any:
        barrier.wait()
        return real_profile(*args, **kwargs)

    monkeypatch.setattr(run_module, "create_backup", backup)
    monkeypatch.setattr(run_module, "profile_step", profile)
    result = run(small_fixture, settings=settings)
    assert (result.outcome, result.exit_code) == ("failed", 1)
    stages = [(s.name, s.status) for s in result.record.stages]
    assert stages == [("preflight", "done"), ("backup", "failed"), ("profile", "done")]
    assert result.record.error is not None and result.record.error["stage"] == "backup"
    assert settings.target is not None
    assert version_schemas(settings.target) == []
    assert ledger_row(settings.target, result.record.run_id)[0] == "failed"


def test_the_export_checksum_is_taken_while_the_preflight_runs(
    settings: Settings, small_fixture: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from columnar_etl.source.identity import file_checksum

    runner_module = importlib.import_module("columnar_etl.pipeline.runner")
    barrier = threading.Barrier(2, timeout=30)  # one after the other, it times out and the run fails
    real_identity, real_preflight = runner_module.export_identity, runner_module.preflight

    def identity(path: Any) -> str:
        barrier.wait()
        return str(real_identity(path))

    def preflight(*args: Any, **kwargs: Any) -> Any:
        barrier.wait()
        return real_preflight(*args, **kwargs)

    monkeypatch.setattr(runner_module, "export_identity", identity)
    monkeypatch.setattr(runner_module, "preflight", preflight)
    result = run(small_fixture, settings=settings, mode="blue-green")
    assert result.exit_code in (0, 2), result.record.error
    # No WAL: the identity is the file's sha256.
    assert result.record.source_checksum == file_checksum(small_fixture)


def test_the_embedded_server_stopped_while_a_run_loads_is_one_line(
    tmp_path: Path, small_fixture: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `pg stop` by the operator while a run loads into the embedded server: the error was the second
    # line on stderr, after a warning that the failed run's ledger row could not be written there either
    # (the same cause, said again with a traceback's worth of libpq text).
    server = EmbeddedPostgres(tmp_path / "pg")
    uri = server.start()
    try:
        monkeypatch.delenv("COLUMNAR_ETL_TARGET", raising=False)
        monkeypatch.setenv("COLUMNAR_ETL_PG_DIR", str(tmp_path / "pg"))
        run_env(run_settings(tmp_path, uri), monkeypatch)
        real = strategies._build_indexes

        def stopped_first(*args: Any, **kwargs: Any) -> Any:
            assert EmbeddedPostgres(tmp_path / "pg").stop() is True  # what `pg stop` does
            return real(*args, **kwargs)

        monkeypatch.setattr(strategies, "_build_indexes", stopped_first)
        result = runner.invoke(app, ["run", str(small_fixture), "--mode", "simple", "--yes", "--json"])
        assert result.exit_code == 1, result.output
        assert len(result.stderr.splitlines()) == 1, result.stderr
        (line,) = result.stderr.splitlines()
        assert line.startswith("error: ") and "(hint: " in line, line
        assert "server closed the connection" in line, line
        (run_json,) = (tmp_path / "runs").glob("*/run.json")
        record = json.loads(run_json.read_text())
        assert json.loads(result.stdout) == record
        assert record["exit_code"] == 1 and record["outcome"] == "failed"
        server.start()
        assert version_schemas(uri) == [] and live_tickets(uri) == [(None,)]
    finally:
        server.stop()


def _export_and_a_replacement(fixture: Path, directory: Path) -> tuple[Path, Path]:
    """A copy of ``fixture`` as the export, and another export to move over it: the same file without
    its ``comments`` table (a plan made of the first names a table the second has not)."""
    import sqlite3

    export, other = directory / "export.db", directory / "other.db"
    shutil.copy(fixture, export)
    shutil.copy(fixture, other)
    with closing(sqlite3.connect(other)) as con, con:
        con.execute("DROP TABLE comments")
    return export, other


def test_an_export_replaced_after_its_profile_fails_the_run_as_changed_whatever_failed_next(
    env: Settings, small_fixture: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A new export moved over the old one while the run profiled it: the old file's plan cleaned the new
    # file's rows, and what failed next was said as the cause (the load's quality check refusing another
    # file's rows, exit 3; here the plan's table the new file has not); the commit's own check of the
    # export came too late to say it changed.
    assert env.target is not None
    export, other = _export_and_a_replacement(small_fixture, tmp_path)
    profile_step = run_module.profile_step

    def profiled_then_replaced(source: Path, settings: Settings) -> Any:
        profiled = profile_step(source, settings)
        os.replace(other, export)  # as `mv new.db export.db` does
        return profiled

    monkeypatch.setattr(run_module, "profile_step", profiled_then_replaced)
    result = runner.invoke(app, ["run", str(export), "--mode", "simple", "--yes", "--json"])
    assert result.exit_code == 1, result.output
    assert result.stderr.splitlines() == [
        f"error: file {export}: the export changed during the run (written to, replaced or removed): "
        "nothing was committed (hint: run again once nothing writes to it, or on a copy)"
    ]
    record = only_run(env)
    assert json.loads(result.stdout) == record
    assert (record["outcome"], record["exit_code"], record["error"]["stage"]) == ("failed", 1, "clean+load")
    assert record["stages"][-1]["status"] == "failed"
    assert version_schemas(env.target) == [] and live_tickets(env.target) == [(None,)]
    assert ledger_row(env.target, record["run_id"])[0] == "failed"


def test_an_export_replaced_after_the_load_commands_profile_fails_it_as_changed(
    env: Settings, small_fixture: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `load` as `run` (above): the old file's plan cleaned the new file's rows, and the failure that
    # followed (here the plan's table the new file has not) was said as the cause.
    from contextlib import contextmanager

    from columnar_etl.pipeline import load_step

    assert env.target is not None
    export, other = _export_and_a_replacement(small_fixture, tmp_path)
    typed_export = load_step.typed_export

    @contextmanager
    def profiled_then_replaced(*args: Any, **kwargs: Any) -> Any:
        with typed_export(*args, **kwargs) as typed:
            os.replace(other, export)  # as `mv new.db export.db` does
            yield typed

    monkeypatch.setattr(load_step, "typed_export", profiled_then_replaced)
    result = runner.invoke(app, ["load", str(export), "--mode", "simple", "--json"])
    assert result.exit_code == 1, result.output
    assert result.stderr.splitlines() == [
        f"error: file {export}: the export changed during the run (written to, replaced or removed): "
        "nothing was committed (hint: run again once nothing writes to it, or on a copy)"
    ]
    record = only_run(env)
    assert json.loads(result.stdout)["exit_code"] == record["exit_code"] == 1
    assert version_schemas(env.target) == [] and live_tickets(env.target) == [(None,)]


STREAM_HINT = (
    "hint: SQLite reads a database by pages at any offset, not as a stream: write it to a file first "
    "(zcat export.db.gz > export.db) and give that file's path"
)


def test_a_fifo_given_as_the_export_halts_the_run_in_one_line_with_its_record(
    tmp_path: Path, pg_uri: str
) -> None:
    # A named pipe nobody writes to: every open of it for reading waits for a writer. The command line
    # opened it before parsing itself (looking for the export to start on early) and the run read its
    # checksum beside the preflight: the process hung for ever, no line, no run.json (h341).
    fifo = tmp_path / "export.db"
    os.mkfifo(fifo)
    runs = tmp_path / "runs"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "columnar_etl",
            "--target",
            pg_uri,
            "run",
            str(fifo),
            "--mode",
            "simple",
            "--yes",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        env={
            **os.environ,
            "COLUMNAR_ETL_RUNS_DIR": str(runs),
            "COLUMNAR_ETL_BACKUP_DIR": str(tmp_path / "b"),
        },
    )
    message = (
        f"file {fifo}: preflight check source_readable failed: source is a pipe (FIFO), not a SQLite file"
    )
    assert (done.returncode, done.stderr.splitlines()) == (3, [f"error: {message} ({STREAM_HINT})"])
    (record_path,) = runs.glob("*/run.json")
    record = json.loads(record_path.read_text())
    assert (record["outcome"], record["exit_code"], record["error"]["stage"]) == ("halted", 3, "preflight")
    assert version_schemas(pg_uri) == []


def test_a_pipe_given_as_the_export_is_named_a_pipe_not_an_empty_or_truncated_file(tmp_path: Path) -> None:
    # Process substitution (`profile <(zcat export.db.gz)`) gives the export as /dev/fd/N, a pipe: its
    # size is 0, and it was "SQLite file is truncated: 0 bytes, header says 58 pages" (`run`: "empty
    # (0 bytes)", the header's bytes taken by the early look at the command line), a file to copy
    # again where there is none (h341).
    export = (Path(__file__).parent.parent / "data" / "fixtures" / "export_small.db").read_bytes()
    read_end, write_end = os.pipe()
    try:
        os.write(write_end, export[:4096])  # within the pipe's buffer: no reader needed to write it
        os.close(write_end)
        write_end = -1
        done = subprocess.run(
            [sys.executable, "-m", "columnar_etl", "profile", f"/dev/fd/{read_end}"],
            capture_output=True,
            text=True,
            timeout=120,
            pass_fds=(read_end,),
            cwd=tmp_path,
        )
    finally:
        os.close(read_end)
        if write_end >= 0:
            os.close(write_end)
    message = f"file /dev/fd/{read_end}: source is a pipe (FIFO), not a SQLite file"
    assert (done.returncode, done.stderr.splitlines()) == (1, [f"error: {message} ({STREAM_HINT})"])
