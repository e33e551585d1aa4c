"""The CLI through typer's runner, with real files and a real PostgreSQL; exact error text asserted."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from columnar_etl import __version__
from columnar_etl.cli import app
from columnar_etl.errors import SourceError

from .conftest import SqliteFactory, pg_query

runner = CliRunner()


def _command_paths(
    command: typer.core.TyperGroup | object, prefix: tuple[str, ...] = ()
) -> Iterator[tuple[str, ...]]:
    yield prefix
    for name, sub in getattr(command, "commands", {}).items():
        yield from _command_paths(sub, (*prefix, name))


ALL_COMMANDS = list(_command_paths(typer.main.get_command(app)))


def test_the_command_tree_is_what_we_document() -> None:
    assert set(ALL_COMMANDS) >= {
        (),
        ("tables",),
        ("copy-raw",),
        ("demo",),
        ("pg",),
        ("pg", "start"),
        ("pg", "stop"),
        ("pg", "status"),
        ("pg", "uri"),
        ("preflight",),
        ("backup",),
        ("backup", "create"),
        ("backup", "verify"),
        ("backup", "list"),
        ("backup", "restore"),
        ("backup", "prune"),
        ("backup", "target"),
        ("backup", "target-restore"),
        ("profile",),
        ("clean",),
        ("load",),
        ("cutover",),
        ("rollback",),
        ("schemas", "list"),
        ("schemas", "prune"),
        ("run",),
        ("runs", "list"),
        ("runs", "show"),
    }


@pytest.mark.parametrize("path", ALL_COMMANDS, ids=lambda p: " ".join(p) or "root")
def test_help_works_for_every_command(path: tuple[str, ...]) -> None:
    result = runner.invoke(app, [*path, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage: " in result.output


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.output.strip() == f"columnar-etl {__version__}"


def test_tables_json(make_sqlite: SqliteFactory) -> None:
    path = make_sqlite({"t": ('CREATE TABLE t ("TKT-Created Time" TIMESTAMP)', [("20/05/2025 8:42",)])})
    result = runner.invoke(app, ["tables", str(path), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["tables"] == [
        {
            "name": "t",
            "row_count": 1,
            "columns": [
                {
                    "name": "TKT-Created Time",
                    "declared_type": "TIMESTAMP",
                    "not_null": False,
                    "default": None,
                    "primary_key": False,
                    "generated": False,
                }
            ],
        }
    ]


def test_error_is_one_line_on_stderr_with_exit_1(tmp_path: Path) -> None:
    missing = tmp_path / "missing.db"
    result = runner.invoke(app, ["tables", str(missing)])
    assert result.exit_code == 1
    assert result.stderr == f"error: file {missing}: source file not found (hint: check the path)\n"
    assert result.stdout == ""


def test_debug_lets_the_traceback_through(tmp_path: Path) -> None:
    result = runner.invoke(app, ["--debug", "tables", str(tmp_path / "missing.db")])
    assert result.exit_code == 1
    assert isinstance(result.exception, SourceError)


def test_bad_setting_is_a_one_line_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNAR_ETL_BATCH_SIZE", "0")
    result = runner.invoke(app, ["copy-raw", str(tmp_path / "x.db")])
    assert result.exit_code == 1
    assert result.stderr == (
        "error: invalid value for batch_size (environment variable COLUMNAR_ETL_BATCH_SIZE): '0'; allowed: "
        "greater than 0 (hint: fix or unset the environment variable COLUMNAR_ETL_BATCH_SIZE)\n"
    )


def test_copy_raw_into_postgres(pg_uri: str, small_fixture: Path) -> None:
    result = runner.invoke(
        app, ["--target", pg_uri, "copy-raw", str(small_fixture), "--schema", "raw", "--json"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["matches"] is True
    for row in data["tables"]:
        assert row["source_rows"] == row["target_rows"] > 0
        assert pg_query(pg_uri, f'SELECT count(*) FROM raw."{row["table"]}"') == [(row["target_rows"],)]


def test_copy_raw_interrupted_just_after_its_commit_is_done_with_a_warning(
    pg_uri: str, small_fixture: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Hunt: Ctrl-C (or SIGTERM) the moment the copy committed ended it exit 1 "interrupted: nothing
    # live changed" while the schema was replaced and complete: as a load's, done with a warning.
    import columnar_etl.pipeline.raw as raw
    from columnar_etl.pg.connect import transaction

    @contextmanager
    def interrupted_after_commit(uri: str, *, committed: Callable[[], None] | None = None) -> Iterator[Any]:
        with transaction(uri, committed=committed) as conn:
            yield conn
        raise KeyboardInterrupt

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(raw, "transaction", interrupted_after_commit)
    result = runner.invoke(
        app, ["--target", pg_uri, "copy-raw", str(small_fixture), "--schema", "raw", "--json"]
    )
    assert result.exit_code == 2, result.output
    data = json.loads(result.stdout)
    assert (data["outcome"], data["matches"]) == ("warn", True)
    record = json.loads(Path(data["run_record"]).read_text())
    assert record["outcome"] == "warn" and record["result"]["schema"] == "raw"
    said = "copy-raw interrupted (KeyboardInterrupt) after its commit"
    assert any(w.startswith(said) for w in record["warnings"]), record["warnings"]
    for row in data["tables"]:
        assert pg_query(pg_uri, f'SELECT count(*) FROM raw."{row["table"]}"') == [(row["target_rows"],)]


def test_demo_runs_the_pipeline_then_says_already_loaded(
    pg_uri: str, small_fixture: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNAR_ETL_MIN_MEMORY_GB", "0.5")
    # Its default --source, as `just demo` runs it from the checkout: the fixture where the checkout
    # keeps it. (Once the parser of path options, given the default Path, failed: "'PosixPath' object
    # has no attribute 'encode'", exit 1, while every test gave --source.)
    (tmp_path / "data" / "fixtures").mkdir(parents=True)
    shutil.copyfile(small_fixture, tmp_path / "data" / "fixtures" / small_fixture.name)
    result = runner.invoke(app, ["--target", pg_uri, "demo"])
    assert result.exit_code == 2, result.output  # the fixture's unfixable values were quarantined
    assert "servicedesk.* now reads servicedesk_v" in result.stdout
    assert "timesheets" in result.stdout and "quality" in result.stdout
    assert pg_query(pg_uri, "SELECT count(*) FROM servicedesk.timesheets") == [(1411,)]
    again = runner.invoke(app, ["--target", pg_uri, "demo", "--source", str(small_fixture)])
    assert again.exit_code == 0, again.output
    assert "already loaded" in again.stdout
    recorded = [json.loads(path.read_text()) for path in (tmp_path / "runs").glob("*/run.json")]
    ordered = sorted(recorded, key=lambda record: str(record["started"]))
    # The first demo's run and its cutover, then the second demo's run (nothing to cut over).
    assert [(r["command"], r["outcome"]) for r in ordered] == [
        ("run", "warn"),
        ("cutover", "done"),
        ("run", "already_loaded"),
    ]


def test_demo_halted_by_a_gate_exits_3_as_its_run_does(
    pg_uri: str, small_fixture: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Was exit 1 ("error; nothing live changed"): the demo turned every outcome but done/warn into a
    # plain error, so the circuit breaker's refusal (the run.json says halted, 3) read as a failure.
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNAR_ETL_MIN_MEMORY_GB", "0.5")
    monkeypatch.setenv("COLUMNAR_ETL_HALT_QUALITY", "99")  # the fixture's 92.4 is below it
    result = runner.invoke(app, ["--target", pg_uri, "demo", "--source", str(small_fixture)])
    assert result.exit_code == 3, result.output
    assert result.stderr.startswith("error: demo run halted: circuit breaker: quality 92.4 is below")
    [record] = [json.loads(path.read_text()) for path in (tmp_path / "runs").glob("*/run.json")]
    assert (record["command"], record["outcome"], record["exit_code"]) == ("run", "halted", 3)


def test_demo_whose_settings_do_not_load_leaves_a_failed_run_json(
    small_fixture: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `run` leaves its failed record when its settings do not load (docs/monitoring.md); the demo, a
    # run too, left none.
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNAR_ETL_BATCH_SIZE", "0")
    result = runner.invoke(app, ["demo", "--source", str(small_fixture)])
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith("error: invalid value for batch_size (environment variable")
    [record] = [json.loads(path.read_text()) for path in (tmp_path / "runs").glob("*/run.json")]
    assert (record["command"], record["outcome"], record["mode"]) == ("run", "failed", "blue-green")
    assert [stage["name"] for stage in record["stages"]] == ["settings"]


def test_demo_checks_its_flags_before_its_fixture_and_records_a_missing_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Was: `demo --source missing.db` with `--log-level loud` exited 1 on the fixture (the flag's usage
    # error, 64, never seen), and a missing fixture left no run.json though the demo is a run.
    monkeypatch.chdir(tmp_path)
    bad_flag = runner.invoke(app, ["--log-level", "loud", "demo", "--source", "missing.db"])
    assert bad_flag.exit_code == 64, bad_flag.output
    assert bad_flag.stderr.startswith("error: invalid value for log_level: 'loud'")
    assert not (tmp_path / "runs").exists()
    missing = runner.invoke(app, ["demo", "--source", "missing.db"])
    assert missing.exit_code == 1, missing.output
    assert missing.stderr == (
        "error: file missing.db: demo fixture not found (hint: run from the project root or pass --source)\n"
    )
    [record] = [json.loads(path.read_text()) for path in (tmp_path / "runs").glob("*/run.json")]
    assert (record["command"], record["outcome"], record["exit_code"]) == ("run", "failed", 1)
    assert (record["source"], [stage["name"] for stage in record["stages"]]) == ("missing.db", ["preflight"])
    assert not (tmp_path / "missing.db").exists()


@pytest.mark.parametrize("before", [True, False], ids=["before", "after"])
def test_tables_refuses_a_bad_global_flag_value_as_every_command_does(
    before: bool, small_fixture: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `tables` never read the global options: `--log-level loud` or a --config naming no file went
    # unnoticed (exit 0) where every other command refuses it (exit 64, nothing ran).
    monkeypatch.chdir(tmp_path)
    for flag, line in [
        (
            ["--log-level", "loud"],
            "error: invalid value for log_level: 'loud'; allowed: 'debug', 'info', 'warning' or 'error' "
            "(hint: fix the flag's value)\n",
        ),
        (
            ["--config", "missing.toml"],
            "error: file missing.toml: config file not found (hint: check the --config path)\n",
        ),
    ]:
        args = [*flag, "tables", str(small_fixture)] if before else ["tables", str(small_fixture), *flag]
        result = runner.invoke(app, args)
        assert (result.exit_code, result.stdout, result.stderr) == (64, "", line)


def test_unreachable_target_masks_the_password(small_fixture: Path) -> None:
    uri = "postgresql://loader:hunter2@127.0.0.1:1/db"
    result = runner.invoke(app, ["--target", uri, "copy-raw", str(small_fixture)])
    assert result.exit_code == 1
    assert result.stderr.startswith("error: cannot connect to postgresql://loader:***@127.0.0.1:1/db: ")
    assert "hunter2" not in result.output
    assert result.stderr.count("\n") == 1


def test_pg_status_of_an_uninitialised_dir(tmp_path: Path) -> None:
    result = runner.invoke(app, ["--pg-dir", str(tmp_path / "pg"), "pg", "status", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == {
        "data_dir": str((tmp_path / "pg").resolve()),
        "initialized": False,
        "running": False,
        "pid": None,
        "uri": None,
        "version": None,
    }
    result = runner.invoke(app, ["--pg-dir", str(tmp_path / "pg"), "pg", "uri"])
    assert result.exit_code == 1
    assert "the embedded PostgreSQL is not running (hint: columnar-etl pg start)" in result.stderr


def test_python_dash_m_entry_point() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "columnar_etl", "--version"],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    assert result.stdout.strip() == f"columnar-etl {__version__}"


HEAVY = ("polars", "pyarrow", "duckdb", "adbc_driver_manager", "numpy")
# Printed by an exit handler: the command line ends the process itself once those ran (no SystemExit
# comes back to the caller).
SHOW_IMPORTED = f"""
import atexit, runpy, sys
sys.argv = sys.argv[1:]
atexit.register(lambda: print("IMPORTED", sorted(m for m in {HEAVY!r} if m in sys.modules)))
runpy.run_module("columnar_etl", run_name="__main__")
"""


@pytest.mark.parametrize("argv", [["--help"], ["run", "--help"], ["--version"], ["runs", "list", "--help"]])
def test_help_and_version_import_no_data_library(argv: list[str]) -> None:
    # A fresh interpreter, as a user starts it: nothing that moves data is imported to print help.
    done = subprocess.run(
        [sys.executable, "-c", SHOW_IMPORTED, "columnar-etl", *argv],
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.splitlines()[-1] == "IMPORTED []", done.stdout[-500:] + done.stderr[-500:]


def test_profile_without_a_dry_run_imports_neither_polars_nor_pyarrow(
    make_sqlite: SqliteFactory, tmp_path: Path
) -> None:
    # The profile is DuckDB's; the dry run's cleaning (Polars) and Arrow were imported with the command's
    # module (~0.3 s of a fresh process) though only `--dry-run-target` uses them.
    ddl = "CREATE TABLE t (id INTEGER PRIMARY KEY, written TEXT, amount REAL)"
    path = make_sqlite({"t": (ddl, [(1, "2024-01-02", 1.5), (2, "2024-01-03", None)])})
    done = subprocess.run(
        [sys.executable, "-c", SHOW_IMPORTED, "columnar-etl", "profile", str(path)],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stdout[-500:] + done.stderr[-500:]
    imported = done.stdout.splitlines()[-1]
    assert "'duckdb'" in imported and "polars" not in imported and "pyarrow" not in imported, imported


def test_the_public_functions_stay_functions_once_their_modules_are_imported() -> None:
    import importlib

    import columnar_etl

    for name in ("profile", "clean", "load", "run", "preflight", "cutover", "rollback"):
        function = getattr(columnar_etl, name)
        assert callable(function) and function.__name__ == name
    importlib.import_module("columnar_etl.profiling.profile")
    importlib.import_module("columnar_etl.cleaning.stream")
    importlib.import_module("columnar_etl.loading.strategies")
    for name in ("profile", "clean", "load"):
        function = getattr(columnar_etl, name)
        assert not isinstance(function, type(sys)) and function.__module__ == "columnar_etl"


def test_the_entry_point_spares_the_exit_a_final_garbage_collection() -> None:
    script = (
        "import atexit, gc\n"
        "atexit.register(lambda: print('FROZEN', gc.get_freeze_count() > 0))\n"
        "from columnar_etl.cli import main\n"
        "main()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, "--version"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "FROZEN True"


def test_names_that_look_like_console_markup_are_printed_as_written(
    make_sqlite: SqliteFactory, pg_uri: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # rich parsed '[/]' in a table name as a closing tag and raised after the work was done: the
    # clean's file written, the run's version committed, the process exiting 1 ("nothing changed").
    path = make_sqlite(
        {
            "[/]": (
                'CREATE TABLE "[/]" (id INTEGER PRIMARY KEY, "[/x]" TEXT, "[bold]b" TEXT)',
                [(1, "a", "b")],
            )
        },
        name="[red]export.db",
    )
    monkeypatch.chdir(tmp_path)
    listed = runner.invoke(app, ["tables", str(path)])
    assert listed.exit_code == 0, listed.output
    assert "[/]" in listed.output and "[/x]" in listed.output and "[bold]b" in listed.output
    cleaned = runner.invoke(app, ["clean", str(path), "--output", str(tmp_path / "[x]out.db")])
    assert cleaned.exit_code == 0, cleaned.output
    monkeypatch.setenv("COLUMNAR_ETL_BASE_SCHEMA", "markup_names")
    ran = runner.invoke(app, ["--target", pg_uri, "run", str(path), "--mode", "simple", "--yes"])
    assert ran.exit_code == 0, ran.output  # done; a note that no bundled dashboard template applies
    assert "[/]" in ran.output  # the tables grid
    raw = runner.invoke(app, ["--target", pg_uri, "copy-raw", str(path), "--schema", "raw_markup"])
    assert raw.exit_code == 0, raw.output


def test_copy_raw_names_columns_as_run_does(make_sqlite: SqliteFactory, pg_uri: str) -> None:
    # Two columns equal in their first 63 bytes were cut to one name (exit 1), a long table name was
    # cut silently, and xmin (a system column's name) failed the CREATE.
    long = "c" * 63
    table = "t" * 70
    path = make_sqlite(
        {table: (f'CREATE TABLE "{table}" (xmin TEXT, "{long}_1" TEXT, "{long}_2" TEXT)', [("a", "b", "c")])}
    )
    result = runner.invoke(
        app, ["--target", pg_uri, "copy-raw", str(path), "--schema", "raw_names", "--json"]
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["matches"] is True
    (target,) = pg_query(
        pg_uri, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'raw_names'"
    )
    columns = pg_query(
        pg_uri,
        "SELECT column_name FROM information_schema.columns WHERE table_schema = 'raw_names' ORDER BY 1",
    )
    assert len(target[0].encode()) <= 63 and target[0].startswith("t" * 50)
    assert len({name for (name,) in columns}) == 3 and ("xmin_",) in columns


def test_copy_raw_never_replaces_a_schema_columnar_etl_manages(
    make_sqlite: SqliteFactory, pg_uri: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `copy-raw --schema servicedesk` dropped the base schema (CASCADE: the dashboards' live views) and
    # put raw text tables in its place, exit 0, while the ledger still named the live version.
    monkeypatch.chdir(tmp_path)
    export = make_sqlite(
        {"items": ("CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT)", [(1, "a"), (2, "b")])}
    )
    loaded = runner.invoke(app, ["--target", pg_uri, "load", str(export), "--mode", "simple", "--json"])
    assert loaded.exit_code in (0, 2), loaded.output
    version = json.loads(loaded.stdout)["schema"]
    said = {
        "servicedesk": "a base schema: its views are what the dashboards read",
        version: "a version schema of 'servicedesk'",
        "columnar_etl": "the ledger schema",
        "pg_catalog": "a system schema",
    }
    for schema, what in said.items():
        result = runner.invoke(app, ["--target", pg_uri, "copy-raw", str(export), "--schema", schema])
        assert result.exit_code == 1, result.output
        assert result.stderr == (
            f"error: schema {schema!r} is {what}; copy-raw replaces its schema, so it never takes that one: "
            "nothing changed (hint: choose another --schema (the default is demo_raw))\n"
        )
    assert pg_query(pg_uri, "SELECT id, name FROM servicedesk.items ORDER BY id") == [(1, "a"), (2, "b")]
    assert pg_query(pg_uri, f'SELECT count(*) FROM "{version}".items') == [(2,)]
    assert runner.invoke(app, ["--target", pg_uri, "copy-raw", str(export)]).exit_code == 0  # demo_raw


def test_a_run_in_the_default_mode_says_its_version_is_not_live_and_how_to_make_it_live(
    make_sqlite: SqliteFactory, pg_uri: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The default mode (blue-green) loads beside the live version and changes nothing live; its summary
    # said "DONE (exit 0)" and "version schema X" only, which reads as loaded and live (found on an
    # application's database loaded with the defaults: its base schema held no view afterwards).
    path = make_sqlite({"t": ("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)", [(1, "a"), (2, "b")])})
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNAR_ETL_BASE_SCHEMA", "told_base")
    monkeypatch.setenv("COLUMNAR_ETL_BACKUP_DIR", str(tmp_path / "backups"))
    ran = runner.invoke(app, ["--target", pg_uri, "run", str(path), "--yes"])
    assert ran.exit_code == 0, ran.output
    run_dir = next((tmp_path / "runs").iterdir())
    version = json.loads((run_dir / "run.json").read_text())["version_schema"]
    views = "SELECT count(*) FROM information_schema.views WHERE table_schema = 'told_base'"
    assert pg_query(pg_uri, views) == [(0,)]  # nothing live
    lines = ran.output.splitlines()
    assert f"Nothing live changed: {version} waits beside the live version until a cutover." in lines
    cutover = f"columnar-etl cutover {version} --base told_base"
    assert f"  {cutover}  # makes {version} live" in lines
    # The command it names does what it says.
    done = runner.invoke(app, ["--target", pg_uri, *cutover.split()[1:]])
    assert done.exit_code == 0, done.output
    assert pg_query(pg_uri, views) == [(1,)]
    assert pg_query(pg_uri, "SELECT name FROM told_base.t ORDER BY id") == [("a",), ("b",)]


@pytest.mark.parametrize("kind", ["link to nothing", "directory"])
def test_a_default_config_that_is_no_file_fails_the_run_in_one_line_not_run_on_the_defaults(
    small_fixture: Path, tmp_path: Path, pg_uri: str, kind: str
) -> None:
    # ./columnar_etl.toml linking to a settings file moved away (or a directory in its place) was read
    # as no config at all: the run went on with the defaults (the embedded server, `servicedesk`, no
    # readers), exit 2, where the operator's settings named another target and base (h341).
    config = tmp_path / "columnar_etl.toml"
    if kind == "directory":
        config.mkdir()
        said = "config file is a directory, not a file"
    else:
        config.symlink_to(tmp_path / "moved" / "helpdesk.toml")
        said = f"config file is a link to {tmp_path / 'moved' / 'helpdesk.toml'}, which does not exist"
    done = subprocess.run(
        [sys.executable, "-m", "columnar_etl", "run", str(small_fixture), "--mode", "simple", "--yes"],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=tmp_path,
        env={**os.environ, "COLUMNAR_ETL_TARGET": pg_uri},  # never the defaults' server, on the old code
    )
    hint = "make it the settings file (or a link to one), or remove it to run on the defaults"
    assert (done.returncode, done.stderr.splitlines()) == (
        1,
        [f"error: file columnar_etl.toml: {said} (hint: {hint})"],
    )
    (record_path,) = (tmp_path / "runs").glob("*/run.json")
    record = json.loads(record_path.read_text())
    assert (record["outcome"], record["exit_code"], record["error"]["stage"]) == ("failed", 1, "settings")
    assert pg_query(pg_uri, "SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'servicedesk%'") == [(0,)]


def test_a_replay_given_through_a_pipe_is_read_once_and_replays_the_run(
    small_fixture: Path, tmp_path: Path, pg_uri: str
) -> None:
    # `--replay <(ssh host cat runs/<id>/run.json)` (a /dev/fd path of the shell's pipe) was read twice,
    # for the settings and for the plan: the second read found the pipe drained, "cannot read the run
    # record: Expecting value: line 1 column 1 (char 0)", exit 64. A pipe is read once.
    env = {**os.environ, "COLUMNAR_ETL_TARGET": pg_uri, "COLUMNAR_ETL_MIN_MEMORY_GB": "0.5"}
    env["COLUMNAR_ETL_FAIL_MEMORY_GB"] = "0.1"
    first = subprocess.run(
        [sys.executable, "-m", "columnar_etl", "run", str(small_fixture), "--json"],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=tmp_path,
        env=env,
    )
    assert first.returncode in (0, 2), first.stderr
    recorded = json.loads(first.stdout)
    saved = tmp_path / "saved.json"
    saved.write_text(json.dumps(recorded))
    replayed = subprocess.run(
        [
            "bash",
            "-c",
            'exec "$0" -m columnar_etl run "$1" --force --json --replay <(cat "$2")',
            sys.executable,
            str(small_fixture),
            str(saved),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=tmp_path,
        env=env,
    )
    assert replayed.returncode == first.returncode, replayed.stderr
    again = json.loads(replayed.stdout)
    assert again["replay_of"].startswith("/dev/fd/") and again["outcome"] == recorded["outcome"]
    tables = [[c["name"] for c in t["columns"]] for t in recorded["plan"]["tables"]]
    assert [[c["name"] for c in t["columns"]] for t in again["plan"]["tables"]] == tables
    assert again["version_schema"] != recorded["version_schema"]
