"""Every command that changes (or would change) what is live leaves run.json with its outcome, however it
ends: ``run`` whose settings do not load (or declined at its prompt), ``load``, ``cutover``, ``rollback``,
``copy-raw``, ``schemas prune`` and ``backup target-restore``; a usage error leaves none.

Through typer's runner with real files and the real target; the expected rows, versions and run ids are
read back from the truth file and the target's own catalogue and ledger.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import columnar_etl
from columnar_etl.cli import app
from columnar_etl.config import load_settings
from columnar_etl.loading import versions as versions_module
from columnar_etl.pipeline import load_step
from columnar_etl.pipeline.record import RunRecord
from export_generator import generate_export

from .conftest import SMALL_FIXTURE, pg_query, run_with_file_size_limit, truth_rows

runner = CliRunner()
FIXTURE = str(SMALL_FIXTURE)
RUN_ID = r"\d{8}T\d{6}Z-[0-9a-f]{6}"


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working directory of its own, with no columnar_etl setting in the environment."""
    monkeypatch.chdir(tmp_path)
    for name in ("RUNS_DIR", "TARGET", "MIN_QUALITY", "BACKUP_DIR", "DASHBOARD_TEMPLATES"):
        monkeypatch.delenv(f"COLUMNAR_ETL_{name}", raising=False)
    monkeypatch.setenv("COLUMNAR_ETL_BACKUP_DIR", str(tmp_path / "backups"))
    return tmp_path


def records(runs_dir: Path) -> list[dict[str, Any]]:
    """Every run.json under ``runs_dir``, oldest first."""
    found = [json.loads(path.read_text()) for path in runs_dir.glob("*/run.json")]
    return sorted(found, key=lambda data: str(data["started"]))


def versions(uri: str) -> list[str]:
    rows = pg_query(uri, "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'servicedesk\\_v%' ORDER BY 1")
    return [row[0] for row in rows]


# --- settings that do not load -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "command", [["run", FIXTURE], ["load", FIXTURE], ["cutover"], ["rollback"]], ids=lambda c: c[0]
)
def test_a_malformed_toml_file_leaves_a_failed_record_in_the_default_runs_dir(
    command: list[str], work: Path
) -> None:
    (work / "columnar_etl.toml").write_text('runs_dir = "elsewhere"\nmin_quality = [\n')
    result = runner.invoke(app, command)
    assert result.exit_code == 1, result.output
    (line,) = result.stderr.splitlines()
    assert line.startswith("error: file columnar_etl.toml: TOML syntax error") and "(hint: " in line
    assert not (work / "elsewhere").exists()  # the file does not read: its runs_dir is not known
    (record,) = records(work / "runs")
    assert (record["command"], record["outcome"], record["exit_code"]) == (command[0], "failed", 1)
    assert record["source"] == (FIXTURE if len(command) == 2 else None)
    assert record["error"]["error"] == "ConfigError" and record["error"]["stage"] == "settings"
    assert record["error"]["path"] == "columnar_etl.toml"
    assert record["finished"] is not None and record["settings"] == {}


def test_a_bad_environment_value_is_recorded_in_the_runs_dir_the_toml_file_names(
    work: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (work / "columnar_etl.toml").write_text('runs_dir = "quarterly"\n')
    monkeypatch.setenv("COLUMNAR_ETL_MIN_QUALITY", "high")
    result = runner.invoke(app, ["run", FIXTURE, "--json"])
    assert result.exit_code == 1, result.output
    printed = json.loads(result.stdout)  # --json: the record, as for any other run
    (record,) = records(work / "quarterly")
    assert printed == {**record, "seconds": printed["seconds"]}
    assert (record["outcome"], record["mode"]) == ("failed", "blue-green")
    assert record["error"]["message"].startswith(
        "invalid value for min_quality (environment variable COLUMNAR_ETL_MIN_QUALITY): 'high'; "
    )
    assert record["error"]["path"] is None  # the TOML file is fine: the environment's value is not
    assert result.stderr.startswith("error: ") and len(result.stderr.splitlines()) == 1
    assert not (work / "runs").exists()


def test_load_reads_the_dashboard_templates_before_the_export(
    work: Path, monkeypatch: pytest.MonkeyPatch, pg_uri: str
) -> None:
    # `load` (no preflight) read them after profiling, cleaning and copying every table, and the whole
    # load was dropped for a misspelt path; now it fails first, as a bad --min-quality or target does.
    monkeypatch.setenv("COLUMNAR_ETL_DASHBOARD_TEMPLATES", str(work / "dashbords.sql"))
    result = runner.invoke(app, ["--target", pg_uri, "load", FIXTURE])
    assert result.exit_code == 1, result.output
    (record,) = records(work / "runs")
    assert (record["command"], record["outcome"]) == ("load", "failed")
    assert record["error"]["error"] == "ConfigError"
    assert record["error"]["message"] == "cannot read dashboard templates: No such file or directory"
    assert record["error"]["path"] == str(work / "dashbords.sql")
    assert not list((work / "runs").glob("*/profile.json")) and versions(pg_uri) == []


def test_the_environment_s_runs_dir_wins_over_the_toml_file_s(
    work: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (work / "columnar_etl.toml").write_text('runs_dir = "quarterly"\nbatch_size = "many"\n')
    monkeypatch.setenv("COLUMNAR_ETL_RUNS_DIR", str(work / "from_env"))
    assert runner.invoke(app, ["load", FIXTURE]).exit_code == 1
    (record,) = records(work / "from_env")
    assert (record["command"], record["mode"], record["outcome"]) == ("load", "simple", "failed")
    assert not (work / "quarterly").exists()


@pytest.mark.parametrize(
    "args",
    [
        ["run", FIXTURE, "--mode", "bogus"],
        ["run", FIXTURE, "--min-quality", "200"],
        ["run"],
        ["run", FIXTURE, "--replay", "no/such/run.json"],
        ["load", FIXTURE, "--min-quality", "-5"],
        ["load", FIXTURE, "--base", "columnar_etl"],
        ["cutover", "--base", "pg_catalog"],
        ["rollback", "--base", ""],
    ],
)
def test_a_usage_error_is_no_run_and_leaves_no_record(args: list[str], work: Path) -> None:
    # Refused before anything starts (exit 64, "nothing ran"): no run id, no run directory.
    result = runner.invoke(app, args)
    assert result.exit_code == 64, result.output
    assert not (work / "runs").exists()


@pytest.mark.parametrize(
    ("base", "line"),
    [
        ("columnar_etl", "error: base schema name 'columnar_etl' is reserved (hint: choose another --base)"),
        ("pg_x", "error: base schema name 'pg_x' is reserved (hint: choose another --base)"),
    ],
)
@pytest.mark.parametrize("command", [["load", FIXTURE], ["cutover"], ["rollback"], ["schemas", "list"]])
def test_a_base_that_cannot_be_one_is_a_bad_value_exit_64(
    command: list[str], base: str, line: str, work: Path
) -> None:
    # Was exit 1 ("error; nothing live changed") after the command had started (and, for load, its record).
    result = runner.invoke(app, [*command, "--base", base, "--target", "postgresql://x@127.0.0.1:9/db"])
    assert (result.exit_code, result.stdout, result.stderr) == (64, "", line + "\n")


# --- load, cutover, rollback ---------------------------------------------------------------------------


def test_load_cutover_and_rollback_each_leave_their_record_under_the_ledger_s_run_id(
    work: Path, pg_uri: str
) -> None:
    runs = work / "runs"
    code = runner.invoke(app, ["--target", pg_uri, "load", FIXTURE]).exit_code
    assert code == 2  # the fixture's unfixable values are quarantined: done with warnings
    result = runner.invoke(app, ["--target", pg_uri, "load", FIXTURE, "--mode", "blue-green", "--json"])
    assert result.exit_code == 2, result.output
    printed = json.loads(result.stdout)
    first, second = versions(pg_uri)
    loads = records(runs)
    assert [(r["command"], r["mode"], r["outcome"], r["exit_code"]) for r in loads] == [
        ("load", "simple", "warn", 2),
        ("load", "blue-green", "warn", 2),
    ]
    assert [r["version_schema"] for r in loads] == [first, second]
    assert printed["run_record"] == str(Path("runs") / loads[1]["run_id"] / "run.json")
    assert printed["run_id"] == loads[1]["run_id"]
    expected_rows = sum(truth_rows().values())
    assert [r["stages"][0]["rows"] for r in loads] == [expected_rows, expected_rows]
    assert loads[1]["load"]["status"] == "ready" and loads[1]["warnings"]
    assert loads[1]["settings"]["target"] == pg_uri  # no password in this URI (masking: test_secrets)

    assert runner.invoke(app, ["--target", pg_uri, "cutover"]).exit_code == 0
    assert runner.invoke(app, ["--target", pg_uri, "rollback", "--json"]).exit_code == 0
    switches = records(runs)[2:]
    assert [(r["command"], r["outcome"], r["version_schema"]) for r in switches] == [
        ("cutover", "done", second),
        ("rollback", "done", first),
    ]
    assert switches[0]["cutover"]["from_version"] == first
    ledger = dict(pg_query(pg_uri, "SELECT run_id, mode FROM columnar_etl.runs"))
    assert {r["run_id"]: r["mode"] for r in records(runs)} == ledger
    listed = json.loads(runner.invoke(app, ["runs", "list", "--json"]).stdout)  # newest first
    assert [r["command"] for r in listed] == ["rollback", "cutover", "load", "load"]
    table = runner.invoke(app, ["runs", "list"]).stdout  # 80 columns: long values are cut short
    assert re.search(r"│ cutover +│ done +│ +│ +│ servic… │", table), table  # no mode, no source


def test_a_refused_load_is_recorded_halted_with_its_report(work: Path, pg_uri: str) -> None:
    result = runner.invoke(app, ["--target", pg_uri, "load", FIXTURE, "--min-quality", "99.9", "--json"])
    assert result.exit_code == 3, result.output
    (record,) = records(work / "runs")
    assert (record["outcome"], record["exit_code"], record["version_schema"]) == ("halted", 3, None)
    assert record["error"]["error"] == "LoadRefused"
    assert record["load"]["problems"][0].startswith("min_quality: expected 99.9, found ")
    printed = json.loads(result.stdout)
    assert (printed["outcome"], printed["exit_code"], printed["run_id"]) == ("halted", 3, record["run_id"])
    assert printed["problems"] == record["load"]["problems"] and printed["error"] == record["error"]
    assert versions(pg_uri) == []


def test_a_refused_cutover_prints_its_json_and_is_recorded_halted(
    work: Path, pg_uri: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert runner.invoke(app, ["--target", pg_uri, "load", FIXTURE]).exit_code == 2
    assert runner.invoke(app, ["--target", pg_uri, "load", FIXTURE, "--mode", "blue-green"]).exit_code == 2
    live, candidate = versions(pg_uri)
    # A dashboard query that works on the live version and divides by zero on the candidate.
    template = work / "dashboard.sql"
    template.write_text(
        f"-- name: only_live\nSELECT 1 / (position('{candidate}' in '{{schema}}') = 0)::int\n"
    )
    monkeypatch.setenv("COLUMNAR_ETL_DASHBOARD_TEMPLATES", str(template))
    result = runner.invoke(app, ["--target", pg_uri, "cutover", "--json"])
    assert result.exit_code == 3, result.output
    printed = json.loads(result.stdout)
    record = records(work / "runs")[-1]
    assert (record["command"], record["outcome"], record["exit_code"]) == ("cutover", "halted", 3)
    assert (printed["outcome"], printed["exit_code"], printed["command"]) == ("halted", 3, "cutover")
    assert printed["run_id"] == record["run_id"] and printed["error"] == record["error"]
    assert record["error"]["error"] == "CutoverRefused" and "'only_live' failed" in record["error"]["message"]
    assert result.stderr.splitlines() == [
        f"error: {printed['error']['message']} (hint: {printed['error']['hint']})"
    ]
    (status,) = pg_query(pg_uri, f"SELECT status FROM columnar_etl.runs WHERE run_id = '{record['run_id']}'")
    assert status == ("halted",)  # as run.json (the ledger said "failed" until 2026-12-02)
    assert pg_query(pg_uri, "SELECT schema_name FROM columnar_etl.versions WHERE live") == [(live,)]


def test_a_rollback_with_nothing_to_go_back_to_prints_json_and_is_recorded_failed(
    work: Path, pg_uri: str
) -> None:
    result = runner.invoke(app, ["--target", pg_uri, "rollback", "--json"])
    assert result.exit_code == 1, result.output
    printed = json.loads(result.stdout)
    (record,) = records(work / "runs")
    assert (record["command"], record["outcome"], record["mode"]) == ("rollback", "failed", "rollback")
    assert (printed["outcome"], printed["exit_code"], printed["error"]) == ("failed", 1, record["error"])
    assert result.stderr == (
        "error: nothing of 'servicedesk' is live, so there is nothing to roll back (hint: columnar-etl "
        "schemas list shows its versions; columnar-etl cutover VERSION makes one live)\n"
    )
    assert record["error"]["message"] == "nothing of 'servicedesk' is live, so there is nothing to roll back"


def test_the_api_s_load_and_cutover_leave_the_same_records(tmp_path: Path, pg_uri: str) -> None:
    settings = load_settings(runs_dir=tmp_path / "api_runs", backup_dir=tmp_path / "backups", target=pg_uri)
    loaded = columnar_etl.load(FIXTURE, mode="blue-green", settings=settings)
    switched = columnar_etl.cutover(settings=settings)
    found = records(tmp_path / "api_runs")
    assert [(r["command"], r["run_id"]) for r in found] == [
        ("load", loaded.run_id),
        ("cutover", switched.run_id),
    ]
    assert found[1]["version_schema"] == switched.to_version == loaded.schema


def _began_its_stage(runs: Path) -> bool:
    """Whether the one run.json under ``runs`` lists its command's stage: its work has begun."""
    for path in runs.glob("*/run.json"):
        try:
            return bool(json.loads(path.read_text())["stages"])
        except (OSError, ValueError, KeyError):  # being replaced (written atomically, but read twice)
            return False
    return False


def _load_stopped_by_sigterm(tmp_path: Path, pg_uri: str, *flags: str) -> tuple[int, str, str, Path]:
    """``load`` of a ~52,000-row export (seconds of profiling and loading) sent SIGTERM half a second
    after its run.json appeared: its exit code, stdout, stderr and runs directory."""
    export = tmp_path / "quarter.db"
    generate_export(export, scale=0.2, seed=5)
    runs = tmp_path / "runs"
    env = {**os.environ, "COLUMNAR_ETL_RUNS_DIR": str(runs), "COLUMNAR_ETL_BACKUP_DIR": str(tmp_path / "b")}
    process = subprocess.Popen(
        [sys.executable, "-m", "columnar_etl", "--target", pg_uri, "load", str(export), *flags],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    # Its work begun: run.json is written before the load's stage imports (h345), its stage after.
    while not _began_its_stage(runs) and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.05)
    time.sleep(0.5)  # inside the load by now (profile, clean or COPY)
    process.send_signal(signal.SIGTERM)
    stdout, stderr = process.communicate(timeout=120)
    return process.returncode, stdout, stderr, runs


def test_a_load_stopped_by_sigterm_is_recorded_interrupted_exit_1(tmp_path: Path, pg_uri: str) -> None:
    returncode, _, stderr, runs = _load_stopped_by_sigterm(tmp_path, pg_uri)
    assert returncode == 1, stderr
    assert stderr.splitlines()[-1] == "error: interrupted: nothing live changed (hint: run again)", stderr
    (record,) = records(runs)
    assert (record["command"], record["outcome"], record["exit_code"]) == ("load", "interrupted", 1), stderr
    assert record["error"]["message"] == "interrupted: nothing live changed"
    assert record["finished"] is not None and record["version_schema"] is None
    assert versions(pg_uri) == []


def test_a_file_the_file_system_has_no_room_for_is_named_in_the_line_and_the_record(
    tmp_path: Path, pg_uri: str
) -> None:
    # A file size limit (real: RLIMIT_FSIZE of the command's process) that the load's run.json (~3 KB)
    # fits and its profile.json (~80 KB) does not. Was: "OSError: [Errno 27] File too large (hint:
    # run again with --debug for the traceback)", naming no file, in the line and in run.json.
    export = tmp_path / "export.db"
    shutil.copy(SMALL_FIXTURE, export)
    before = hashlib.sha256(export.read_bytes()).hexdigest()
    runs = tmp_path / "runs"
    env = {**os.environ, "COLUMNAR_ETL_RUNS_DIR": str(runs), "COLUMNAR_ETL_BACKUP_DIR": str(tmp_path / "b")}
    hint = (
        "(hint: the file system has no room for it (full, a quota, or a file size limit: ulimit -f): free "
        "some space or raise the limit, or write to another directory (runs_dir, backup_dir))"
    )
    command = [sys.executable, "-m", "columnar_etl", "--target", pg_uri, "load", str(export), "--json"]
    done = run_with_file_size_limit(command, 16_384, env=env)
    (record,) = records(runs)
    written = runs / record["run_id"] / "profile.json"
    assert done.stderr == f"error: file {written}: cannot write the file: File too large {hint}\n", (
        done.stderr
    )
    printed = json.loads(done.stdout)
    assert (printed["run_id"], printed["outcome"], printed["exit_code"]) == (record["run_id"], "failed", 1)
    assert (record["outcome"], record["exit_code"], done.returncode) == ("failed", 1, 1)
    assert (record["error"]["path"], record["error"]["message"]) == (
        str(written),
        "cannot write the file: File too large",
    )
    assert not written.exists() and list(written.parent.glob(".*.tmp")) == []  # no half file either
    assert versions(pg_uri) == []
    assert hashlib.sha256(export.read_bytes()).hexdigest() == before
    # A command's own output file (profile --json-file) alike, with no target.
    out = tmp_path / "profile.json"
    command = [sys.executable, "-m", "columnar_etl", "profile", str(export), "--json-file", str(out)]
    done = run_with_file_size_limit(command, 16_384, env=env)
    assert done.returncode == 1
    assert done.stderr == f"error: file {out}: cannot write the file: File too large {hint}\n", done.stderr


def test_a_cutover_whose_dump_passes_a_file_size_limit_says_so_and_changes_nothing(
    work: Path, pg_uri: str
) -> None:
    # pg_dump inherits the limit with SIGXFSZ back to its default (Python's subprocess restores it), so
    # the kernel ends it at the limit. Was "pg_dump failed: exit code -25", hinted as a refused permission
    # or a lock held.
    runs = work / "runs"
    assert runner.invoke(app, ["--target", pg_uri, "load", FIXTURE]).exit_code == 2
    assert runner.invoke(app, ["--target", pg_uri, "load", FIXTURE, "--mode", "blue-green"]).exit_code == 2
    first, second = versions(pg_uri)
    env = {**os.environ, "COLUMNAR_ETL_RUNS_DIR": str(runs), "COLUMNAR_ETL_BACKUP_BEFORE_CUTOVER": "true"}
    command = [sys.executable, "-m", "columnar_etl", "--target", pg_uri, "cutover", second, "--json"]
    done = run_with_file_size_limit(command, 32_768, env=env)
    error = "pg_dump failed: killed by SIGXFSZ (File size limit exceeded)"
    hint = (
        "its output passed the file size limit of this process (ulimit -f): raise it, or write the backup "
        "where none applies"
    )
    assert done.stderr == f"error: {error} (hint: {hint})\n", done.stderr
    record = records(runs)[-1]
    printed = json.loads(done.stdout)
    assert (printed["run_id"], printed["outcome"], printed["exit_code"]) == (record["run_id"], "failed", 1)
    assert (record["command"], record["outcome"], record["exit_code"], done.returncode) == (
        "cutover",
        "failed",
        1,
        1,
    )
    assert (record["error"]["message"], record["error"]["hint"]) == (error, hint)
    assert pg_query(pg_uri, "SELECT schema_name FROM columnar_etl.versions WHERE live") == [(first,)]
    assert pg_query(pg_uri, f"SELECT status FROM columnar_etl.runs WHERE run_id = '{record['run_id']}'") == [
        ("failed",)
    ]
    assert (work / "backups").is_dir()  # where the dump began: no half of it kept
    assert [path.name for path in (work / "backups").iterdir() if first in path.name] == []


def test_a_load_stopped_by_sigterm_prints_with_json_the_outcome_its_record_holds(
    tmp_path: Path, pg_uri: str
) -> None:
    # Was: stdout's object said "failed" (the exit-code table's word for 1), run.json "interrupted".
    returncode, stdout, stderr, runs = _load_stopped_by_sigterm(tmp_path, pg_uri, "--json")
    (record,) = records(runs)
    printed = json.loads(stdout)
    assert (record["outcome"], record["exit_code"], returncode) == ("interrupted", 1, 1), stderr
    assert (printed["outcome"], printed["exit_code"], printed["run_id"]) == (
        "interrupted",
        1,
        record["run_id"],
    )
    assert versions(pg_uri) == []


def test_a_cutover_whose_run_json_cannot_be_written_at_the_end_is_done_with_a_warning_exit_2(
    work: Path, pg_uri: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert runner.invoke(app, ["--target", pg_uri, "load", FIXTURE, "--mode", "blue-green"]).exit_code == 2
    (version,) = versions(pg_uri)
    real = RunRecord.write

    def full_after_start(self: RunRecord) -> Path:
        # The writes before the commit (the start, then the switch it commits) succeed, the last fails.
        if self.outcome != "running":
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(self)

    monkeypatch.setattr(RunRecord, "write", full_after_start)
    result = runner.invoke(app, ["--target", pg_uri, "cutover"])
    # Live changed: exit 1 ("nothing live changed") would be a lie; done, with the warning on stderr.
    assert result.exit_code == 2, result.output
    assert result.stderr == "warning: run.json not written: OSError: [Errno 28] No space left on device\n"
    assert pg_query(pg_uri, "SELECT schema_name FROM columnar_etl.versions WHERE live") == [(version,)]
    # What reached the disk: the record written just before the commit, with the switch.
    last = records(work / "runs")[-1]
    assert (last["outcome"], last["cutover"]["to_version"]) == ("running", version)


def test_a_cutover_whose_run_json_cannot_be_written_before_its_commit_changes_nothing(
    work: Path, pg_uri: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As a load's: run.json says what the switch commits before it does; a disk full then is exit 1,
    # rolled back, nothing live changed (a record that could not say so would be no record).
    assert runner.invoke(app, ["--target", pg_uri, "load", FIXTURE, "--mode", "blue-green"]).exit_code == 2
    real = RunRecord.write

    def full_before_commit(self: RunRecord) -> Path:
        if self.cutover is not None and self.outcome == "running":
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(self)

    monkeypatch.setattr(RunRecord, "write", full_before_commit)
    result = runner.invoke(app, ["--target", pg_uri, "cutover"])
    assert result.exit_code == 1, result.output
    assert "No space left on device" in result.stderr
    assert pg_query(pg_uri, "SELECT count(*) FROM columnar_etl.versions WHERE live") == [(0,)]
    assert pg_query(pg_uri, "SELECT to_regclass('servicedesk.tickets')") == [(None,)]


def test_a_runs_dir_that_cannot_be_written_refuses_the_cutover_before_it_changes_anything(
    work: Path, pg_uri: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert runner.invoke(app, ["--target", pg_uri, "load", FIXTURE, "--mode", "blue-green"]).exit_code == 2
    blocker = work / "not_a_dir"
    blocker.write_text("x")
    monkeypatch.setenv("COLUMNAR_ETL_RUNS_DIR", str(blocker))
    result = runner.invoke(app, ["--target", pg_uri, "cutover", "--json"])
    assert result.exit_code == 1
    printed = json.loads(result.stdout)  # --json: an object on every outcome (there was none here)
    assert (printed["outcome"], printed["command"], printed["error"]["error"]) == (
        "failed",
        "cutover",
        "RunRecordError",
    )
    assert re.fullmatch(
        rf"error: file {re.escape(str(blocker))}/{RUN_ID}: cannot write the run record: Not a directory "
        r"\(hint: runs_dir must be a writable directory with free space \(setting runs_dir\)\)\n",
        result.stderr,
    ), result.stderr
    assert pg_query(pg_uri, "SELECT count(*) FROM columnar_etl.versions WHERE live") == [(0,)]


def test_a_backup_dir_that_cannot_be_one_fails_the_cutover_s_dump_with_its_line_and_ledger_row(
    work: Path, pg_uri: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # backup_before_cutover dumps the live version into backup_dir first; a file where the directory
    # should be. Was: an unforeseen FileExistsError ("run again with --debug for the traceback") and no
    # ledger row of the failed cutover (the run's own backup of the source said it in words already).
    assert runner.invoke(app, ["--target", pg_uri, "run", FIXTURE, "--mode", "simple"]).exit_code == 2
    assert runner.invoke(app, ["--target", pg_uri, "load", FIXTURE, "--mode", "blue-green"]).exit_code == 2
    live = pg_query(pg_uri, "SELECT schema_name FROM columnar_etl.versions WHERE live")
    blocker = work / "not_a_dir"
    blocker.write_text("x")
    monkeypatch.setenv("COLUMNAR_ETL_BACKUP_DIR", str(blocker))
    monkeypatch.setenv("COLUMNAR_ETL_BACKUP_BEFORE_CUTOVER", "true")
    result = runner.invoke(app, ["--target", pg_uri, "cutover", "--json"])
    assert result.exit_code == 1, result.output
    printed = json.loads(result.stdout)
    (record,) = [data for data in records(work / "runs") if data["run_id"] == printed["run_id"]]
    assert (record["outcome"], record["exit_code"], printed["outcome"]) == ("failed", 1, "failed")
    line = (
        f"error: file {blocker}: cannot write the backup in this directory: File exists (hint: set "
        "backup_dir to a directory this user can write (setting backup_dir))"
    )
    assert result.stderr.splitlines() == [line]
    assert (printed["error"]["error"], record["error"]["message"]) == (
        "BackupError",
        "cannot write the backup in this directory: File exists",
    )
    run_id = printed["run_id"]
    assert pg_query(pg_uri, f"SELECT mode, status FROM columnar_etl.runs WHERE run_id = '{run_id}'") == [
        ("cutover", "failed")
    ]
    assert pg_query(pg_uri, "SELECT schema_name FROM columnar_etl.versions WHERE live") == live
    assert blocker.read_text() == "x"


def test_a_replay_whose_recorded_settings_no_longer_load_is_a_recorded_failure(work: Path) -> None:
    old = RunRecord(
        run_id="20250101T000000Z-0ld000",
        run_dir=work / "old",
        source=FIXTURE,
        mode="simple",
        settings={"batch_size": 0},  # refused today (batch_size must be above 0)
        plan={"tables": {}},
        outcome="done",
    )
    old.write()
    result = runner.invoke(app, ["run", FIXTURE, "--replay", str(old.run_dir / "run.json")])
    assert result.exit_code == 1, result.output
    # Names the record the bad value came from (the hint named the TOML file, env and flag: all fine).
    line = (
        f"error: file {old.run_dir / 'run.json'}: the recorded settings do not load: invalid value for "
        "batch_size: 0; allowed: greater than 0 (hint: this version refuses them: run without --replay, "
        "or replay a newer run)\n"
    )
    assert result.stderr == line
    (record,) = records(work / "runs")
    assert (record["command"], record["outcome"], record["error"]["stage"]) == ("run", "failed", "settings")
    assert record["error"]["path"] == str(old.run_dir / "run.json")


# --- run's confirmation prompt ---------------------------------------------------------------------------


def _at_the_prompt(work: Path, answer: bytes | None) -> subprocess.CompletedProcess[str]:
    """``run --mode simple`` on a terminal (a pseudo-terminal as stdin), answering ``answer`` to its
    prompt, or Ctrl-C (SIGINT) once the prompt is shown when ``answer`` is None."""
    env = {**os.environ, "COLUMNAR_ETL_RUNS_DIR": str(work / "runs"), "COLUMNAR_ETL_PG_DIR": str(work / "pg")}
    # An unreachable target: a run that went past the prompt would fail its preflight (and say so).
    command = [sys.executable, "-m", "columnar_etl", "run", FIXTURE, "--mode", "simple", "--json"]
    command += ["--target", "postgresql://nobody@127.0.0.1:9/nowhere"]
    controller, terminal = os.openpty()
    try:
        process = subprocess.Popen(
            command, stdin=terminal, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=work
        )
        os.close(terminal)
        assert process.stdout is not None
        shown = b""
        while b"right away?" not in shown:  # the prompt, on stdout (not a terminal)
            chunk = os.read(process.stdout.fileno(), 4096)
            assert chunk, shown
            shown += chunk
        if answer is None:
            process.send_signal(signal.SIGINT)
        else:
            os.write(controller, answer)
        rest, stderr = process.communicate(timeout=60)
    finally:
        os.close(controller)
    stdout = shown.decode() + rest.decode()
    return subprocess.CompletedProcess(command, process.returncode, stdout, stderr.decode())


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        (b"n\n", "declined at the prompt: nothing ran, nothing live changed"),
        (b"\x04", "no answer at the prompt: nothing ran, nothing live changed"),  # Ctrl-D: end of input
    ],
    ids=["no", "end-of-input"],
)
def test_declining_run_s_prompt_is_refused_exit_3_and_recorded(
    answer: bytes, message: str, work: Path
) -> None:
    # Was: click's "Aborted!", exit 1 ("error"), and no run.json.
    ended = _at_the_prompt(work, answer)
    assert ended.returncode == 3, (ended.stdout, ended.stderr)
    (record,) = records(work / "runs")
    assert (record["command"], record["mode"], record["outcome"], record["exit_code"]) == (
        "run",
        "simple",
        "halted",
        3,
    )
    assert [(s["name"], s["status"]) for s in record["stages"]] == [("confirm", "halted")]
    assert record["error"]["error"] == "Declined" and record["error"]["message"] == message
    assert record["source"] == FIXTURE and record["finished"] is not None and record["version_schema"] is None
    hint = "answer y, or pass --yes" + (
        "; --mode blue-green loads without making it live"
        if answer == b"n\n"
        else " when no one is there to answer"
    )
    assert ended.stderr == f"error: file {FIXTURE}: {message} (hint: {hint})\n"
    printed = json.loads(ended.stdout[ended.stdout.index("{") :])  # --json: the record, after the prompt
    assert printed == {**record, "seconds": printed["seconds"]}
    assert not (work / "pg").exists()  # nothing ran: not even the embedded server was looked for


def test_a_simple_run_with_its_standard_input_closed_runs_as_with_no_one_to_ask(
    work: Path, pg_uri: str
) -> None:
    # `columnar-etl run ... <&-` (a daemon's closed descriptor): sys.stdin is None, and the check for a
    # terminal to ask at failed "AttributeError: 'NoneType' object has no attribute 'isatty'", exit 1,
    # and no run.json. No standard input is no one to ask, as /dev/null is.
    env = {**os.environ, "COLUMNAR_ETL_RUNS_DIR": str(work / "runs"), "COLUMNAR_ETL_MIN_MEMORY_GB": "0"}
    command = [sys.executable, "-m", "columnar_etl", "run", FIXTURE, "--mode", "simple", "--json"]
    command += ["--target", pg_uri]
    ended = subprocess.run(
        command,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        env=env,
        cwd=work,
        timeout=300,
        preexec_fn=lambda: os.close(0),  # the child starts with no standard input
        check=False,
    )
    (record,) = records(work / "runs")
    assert (record["outcome"], record["exit_code"]) == ("warn", 2), ended.stderr
    assert ended.returncode == 2 and json.loads(ended.stdout)["run_id"] == record["run_id"]
    assert ended.stderr == b""


def test_ctrl_c_at_run_s_prompt_is_an_interrupt_exit_1_and_recorded(work: Path) -> None:
    ended = _at_the_prompt(work, None)
    assert ended.returncode == 1, (ended.stdout, ended.stderr)
    (record,) = records(work / "runs")
    assert (record["command"], record["outcome"], record["exit_code"]) == ("run", "interrupted", 1)
    assert record["error"]["error"] == "KeyboardInterrupt"
    assert ended.stderr.splitlines()[-1] == "error: interrupted: nothing live changed (hint: run again)"


# --- copy-raw, schemas prune, backup target-restore ------------------------------------------------------


def test_copy_raw_prune_and_target_restore_leave_their_records(work: Path, pg_uri: str) -> None:
    runs = work / "runs"
    copied = runner.invoke(app, ["--target", pg_uri, "copy-raw", FIXTURE, "--schema", "raw_rec", "--json"])
    assert copied.exit_code == 0, copied.output
    (record,) = records(runs)
    assert (record["command"], record["outcome"], record["exit_code"], record["source"]) == (
        "copy-raw",
        "done",
        0,
        FIXTURE,
    )
    truth = truth_rows()
    assert {t["table"]: t["target_rows"] for t in record["result"]["tables"]} == truth
    printed = json.loads(copied.stdout)
    assert (printed["outcome"], printed["run_id"]) == ("done", record["run_id"])
    assert printed["run_record"] == str(Path("runs") / record["run_id"] / "run.json")

    dumped = runner.invoke(app, ["--target", pg_uri, "backup", "target", "--schema", "raw_rec", "--json"])
    assert dumped.exit_code == 0, dumped.output
    dump = json.loads(dumped.stdout)["path"]
    pg_query(pg_uri, "DROP SCHEMA raw_rec CASCADE")
    restored = runner.invoke(app, ["--target", pg_uri, "backup", "target-restore", dump])
    assert restored.exit_code == 0, restored.output
    refused = runner.invoke(app, ["--target", pg_uri, "backup", "target-restore", dump, "--json"])
    assert refused.exit_code == 1, refused.output  # the schema exists now: nothing restored over it
    restores = [r for r in records(runs) if r["command"] == "backup target-restore"]
    assert [(r["outcome"], r["exit_code"], r["mode"], r["source"]) for r in restores] == [
        ("done", 0, "schema", dump),
        ("failed", 1, "schema", dump),
    ]
    assert {name: info["rows"] for name, info in restores[0]["result"]["tables"].items()} == truth
    assert restores[1]["error"]["message"].startswith("schema 'raw_rec' exists already in ")
    assert json.loads(refused.stdout)["error"] == restores[1]["error"]
    assert refused.stderr.startswith(f"error: file {dump}: schema 'raw_rec' exists already")
    assert len(refused.stderr.splitlines()) == 1

    # Two versions, the second live: the first (neither live nor its predecessor) is what a prune drops.
    assert runner.invoke(app, ["--target", pg_uri, "load", FIXTURE, "--mode", "blue-green"]).exit_code == 2
    assert runner.invoke(app, ["--target", pg_uri, "load", FIXTURE]).exit_code == 2
    first, second = versions(pg_uri)
    for extra, verb in ((["--dry-run"], "would drop"), ([], "dropped")):
        pruned = runner.invoke(app, ["--target", pg_uri, "schemas", "prune", "--keep", "0", *extra])
        assert pruned.exit_code == 0, pruned.output
        assert pruned.stdout.startswith(f"{verb} {first}\n{verb} 1 version(s), kept 1 in "), pruned.stdout
    prunes = [r for r in records(runs) if r["command"] == "schemas prune"]
    assert [(r["mode"], r["outcome"], r["result"]["dropped"], r["result"]["kept"]) for r in prunes] == [
        ("dry-run", "done", [first], [second]),
        ("prune", "done", [first], [second]),
    ]
    assert versions(pg_uri) == [second]


@pytest.mark.parametrize(
    "command",
    [["copy-raw", FIXTURE], ["schemas", "prune", "--keep", "1"], ["backup", "target-restore", "x.dump"]],
    ids=lambda c: c[0] if c[0] != "schemas" else "schemas prune",
)
def test_a_failed_copy_raw_prune_or_target_restore_prints_json_and_is_recorded_failed(
    command: list[str], work: Path
) -> None:
    result = runner.invoke(app, [*command, "--json", "--target", "postgresql://nobody@127.0.0.1:9/nowhere"])
    assert result.exit_code == 1, result.output
    (record,) = records(work / "runs")
    name = " ".join(command[:2]) if command[0] in ("schemas", "backup") else command[0]
    assert (record["command"], record["outcome"], record["exit_code"]) == (name, "failed", 1)
    printed = json.loads(result.stdout)
    assert (printed["outcome"], printed["command"], printed["error"]) == ("failed", name, record["error"])
    (line,) = result.stderr.splitlines()
    assert line == f"error: {EtlErrorLine.of(record['error'])}"


class EtlErrorLine:
    """The one line an error prints, built from a recorded error independently of the code's own."""

    @staticmethod
    def of(error: dict[str, Any]) -> str:
        where = ", ".join(
            f"{label} {value if label == 'file' else repr(value)}"
            for label, value in (
                ("file", error["path"]),
                ("table", error["table"]),
                ("column", error["column"]),
            )
            if value is not None
        )
        text = f"{where}: {error['message']}" if where else error["message"]
        text = f"{text} (hint: {error['hint']})" if error["hint"] else text
        return " ".join(text.split())


# --- load: interrupted after its commit; the export's identity ----------------------------------------


@pytest.mark.parametrize("stop", [KeyboardInterrupt, RuntimeError], ids=["interrupt", "failure"])
def test_a_load_stopped_right_after_its_commit_is_recorded_as_done_with_a_warning(
    stop: type[BaseException], work: Path, pg_uri: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = load_step.typed_export

    @contextlib.contextmanager
    def stopped_on_the_way_out(source: Path, settings: Any, **options: Any) -> Iterator[Any]:
        # Left after load_tables returned, i.e. after the version's commit: the instant before the
        # load returns to its command.
        with real(source, settings, **options) as typed:
            yield typed
        raise stop("stopped after the commit")

    monkeypatch.setattr(load_step, "typed_export", stopped_on_the_way_out)
    result = runner.invoke(app, ["--target", pg_uri, "load", FIXTURE, "--json"])
    # Was: exit 1, "interrupted: nothing live changed" (or "failed"), version_schema null, while the
    # version was committed and, in simple mode, live.
    assert result.exit_code == 2, result.output
    (version,) = versions(pg_uri)
    assert pg_query(pg_uri, "SELECT schema_name FROM columnar_etl.versions WHERE live") == [(version,)]
    (record,) = records(work / "runs")
    assert (record["outcome"], record["exit_code"], record["version_schema"]) == ("warn", 2, version)
    assert record["error"] is None and record["load"]["status"] == "live"
    said = "interrupted (KeyboardInterrupt)" if stop is KeyboardInterrupt else "failed (RuntimeError: stopped"
    (warning,) = [w for w in record["warnings"] if "after its commit" in w]
    assert warning.startswith(f"load {said}") and f"{version} is committed in the target" in warning
    printed = json.loads(result.stdout)
    assert (printed["outcome"], printed["schema"], printed["run_id"]) == ("warn", version, record["run_id"])


def test_a_load_s_record_carries_the_export_s_identity_however_it_ends(work: Path, pg_uri: str) -> None:
    expected = hashlib.sha256(SMALL_FIXTURE.read_bytes()).hexdigest()
    corrupt = work / "corrupt.db"
    generate_export(corrupt, scale=0.02, seed=3, dirt="corrupt")  # the circuit breaker halts it
    assert runner.invoke(app, ["--target", pg_uri, "load", FIXTURE]).exit_code == 2
    assert runner.invoke(app, ["--target", pg_uri, "load", FIXTURE, "--min-quality", "99.9"]).exit_code == 3
    assert runner.invoke(app, ["--target", pg_uri, "load", str(corrupt)]).exit_code == 3
    done, refused, halted = records(work / "runs")
    assert (done["outcome"], refused["outcome"], halted["outcome"]) == ("warn", "halted", "halted")
    assert halted["error"]["error"] == "ProfileHalt"
    assert done["source_checksum"] == refused["source_checksum"] == expected
    assert halted["source_checksum"] == hashlib.sha256(corrupt.read_bytes()).hexdigest()
    ledger = pg_query(
        pg_uri, f"SELECT source_checksum FROM columnar_etl.runs WHERE run_id = '{done['run_id']}'"
    )
    assert ledger == [(expected,)]  # the one identity read serves both


@pytest.mark.parametrize("command", ["cutover", "rollback"])
def test_a_cutover_or_rollback_interrupted_right_after_its_commit_is_recorded_as_done_with_a_warning(
    command: str, work: Path, pg_uri: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert runner.invoke(app, ["--target", pg_uri, "load", FIXTURE]).exit_code == 2
    assert runner.invoke(app, ["--target", pg_uri, "load", FIXTURE, "--mode", "blue-green"]).exit_code == 2
    first, second = versions(pg_uri)
    if command == "rollback":
        assert runner.invoke(app, ["--target", pg_uri, "cutover"]).exit_code == 0
    real = versions_module.get_logger

    def interrupted_once_committed(**context: Any) -> Any:
        if context.get("stage") == command:  # the log line right after the switch's commit
            raise KeyboardInterrupt
        return real(**context)

    monkeypatch.setattr(versions_module, "get_logger", interrupted_once_committed)
    result = runner.invoke(app, ["--target", pg_uri, command, "--json"])
    # Was: exit 1 and "interrupted: nothing live changed" while the views had been re-pointed.
    assert result.exit_code == 2, result.output
    now = second if command == "cutover" else first
    assert pg_query(pg_uri, "SELECT schema_name FROM columnar_etl.versions WHERE live") == [(now,)]
    record = records(work / "runs")[-1]
    assert (record["command"], record["outcome"], record["version_schema"]) == (command, "warn", now)
    assert record["cutover"]["to_version"] == now and record["error"] is None
    (warning,) = record["warnings"]
    assert warning.startswith(
        f"{command} interrupted (KeyboardInterrupt) after its commit: {now} is committed"
    )
    assert json.loads(result.stdout)["to_version"] == now


@contextlib.contextmanager
def rows_skipped_in(uri: str, schema: str) -> Iterator[None]:
    """While open, every table created in ``schema`` on the target silently drops the rows written to it
    (an event trigger gives each a BEFORE INSERT trigger returning NULL): a target that changes what a
    COPY or a restore wrote, as a DBA's trigger or rule can."""
    pg_query(
        uri,
        "CREATE FUNCTION public.skip_row() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$",
    )
    pg_query(
        uri,
        f"""CREATE FUNCTION public.add_skip() RETURNS event_trigger LANGUAGE plpgsql AS $$
        DECLARE made record;
        BEGIN
          FOR made IN SELECT * FROM pg_event_trigger_ddl_commands()
                      WHERE command_tag = 'CREATE TABLE' AND schema_name = '{schema}' LOOP
            EXECUTE format('CREATE TRIGGER skip BEFORE INSERT ON %s FOR EACH ROW '
                           'EXECUTE FUNCTION public.skip_row()', made.object_identity);
          END LOOP;
        END $$""",
    )
    pg_query(
        uri,
        "CREATE EVENT TRIGGER add_skip ON ddl_command_end WHEN TAG IN ('CREATE TABLE') "
        "EXECUTE FUNCTION public.add_skip()",
    )
    try:
        yield
    finally:
        pg_query(uri, "DROP EVENT TRIGGER add_skip")
        pg_query(uri, "DROP FUNCTION public.add_skip(), public.skip_row() CASCADE")


def test_a_row_count_that_differs_rolls_back_copy_raw_and_target_restore(work: Path, pg_uri: str) -> None:
    # Was: both compared the row counts after their commit: a mismatch exited 1 ("nothing live
    # changed") with the short copy, or the short restore, left in the target.
    runs, truth = work / "runs", truth_rows()
    schema = "raw_short"
    counts = " UNION ALL ".join(f"SELECT '{t}', count(*) FROM {schema}.{t}" for t in sorted(truth))
    assert runner.invoke(app, ["--target", pg_uri, "copy-raw", FIXTURE, "--schema", schema]).exit_code == 0
    dumped = runner.invoke(app, ["--target", pg_uri, "backup", "target", "--schema", schema, "--json"])
    assert dumped.exit_code == 0, dumped.output
    dump = json.loads(dumped.stdout)["path"]
    with rows_skipped_in(pg_uri, schema):
        copied = runner.invoke(app, ["--target", pg_uri, "copy-raw", FIXTURE, "--schema", schema])
        assert copied.exit_code == 1, copied.output
        assert (
            "row count differs after COPY" in copied.stderr
            and "rolled back, nothing changed" in copied.stderr
        )
        assert dict(pg_query(pg_uri, counts)) == truth  # the first copy, as it was
        pg_query(pg_uri, f"DROP SCHEMA {schema} CASCADE")
        restored = runner.invoke(app, ["--target", pg_uri, "backup", "target-restore", dump])
        assert restored.exit_code == 1, restored.output
        assert "the restored schema differs from the dump's manifest" in restored.stderr
        assert "dropped again, nothing changed" in restored.stderr
        assert pg_query(pg_uri, f"SELECT count(*) FROM pg_namespace WHERE nspname = '{schema}'") == [(0,)]
    failed = [(r["command"], r["outcome"], r["exit_code"]) for r in records(runs) if r["outcome"] != "done"]
    assert sorted(failed) == [("backup target-restore", "failed", 1), ("copy-raw", "failed", 1)]
    # Without the target's interference the same dump restores whole.
    assert runner.invoke(app, ["--target", pg_uri, "backup", "target-restore", dump]).exit_code == 0
    assert dict(pg_query(pg_uri, counts)) == truth
