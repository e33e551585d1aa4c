"""The fixed cost of ``columnar-etl run``: start-up in run.json, first DuckDB connections, the exit."""

from __future__ import annotations

import importlib.metadata
import json
import os
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import duckdb
import pytest

from columnar_etl.config import Settings
from columnar_etl.pipeline import record as record_module
from columnar_etl.source import duckdb_reader
from columnar_etl.source.duckdb_reader import connect_duckdb

from .conftest import run_python, run_settings


def _signature_checked(con: duckdb.DuckDBPyConnection) -> bool:
    row = con.execute("SELECT current_setting('allow_unsigned_extensions')").fetchone()
    assert row is not None
    return not row[0]


def test_first_connections_at_once_check_the_signature_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # Four threads open their first connection at the same moment: one has DuckDB check the file's
    # signature, the others wait for its verdict instead of hashing the same 35 MB again.
    monkeypatch.setattr(duckdb_reader, "_VERIFIED_EXTENSIONS", set())
    start = threading.Barrier(4)
    connections: list[duckdb.DuckDBPyConnection] = []

    def open_one() -> None:
        start.wait()
        connections.append(connect_duckdb())

    threads = [threading.Thread(target=open_one) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    try:
        assert len(connections) == 4
        assert sum(_signature_checked(con) for con in connections) == 1
    finally:
        for con in connections:
            con.close()


_ENDING = """
import atexit, os, sys, threading, time
from pathlib import Path
marks = Path(sys.argv[1])
atexit.register(lambda: marks.joinpath("exit-handler").write_text("ran"))

teardown = os.open(marks / "teardown", os.O_WRONLY | os.O_CREAT)

def audit(event, args, fd=teardown, write=os.write):
    # CPython raises this event in its teardown, after the exit handlers.
    if event == "cpython.PyInterpreterState_Clear":
        write(fd, b"ran")

sys.addaudithook(audit)
if sys.argv[2] == "thread":
    threading.Thread(target=lambda: (time.sleep(3), marks.joinpath("thread").write_text("ran"))).start()
sys.argv = ["columnar-etl", "--version"]
from columnar_etl.cli import main
main()
"""


@pytest.mark.parametrize("thread", [False, True])
def test_the_command_line_ends_after_its_exit_handlers_without_teardown(tmp_path: Path, thread: bool) -> None:
    # The interpreter's teardown (freeing every module and object) is skipped: exit handlers still run
    # and the output is complete. A thread still running gets the usual shutdown, which waits for it.
    done = run_python(_ENDING, str(tmp_path), "thread" if thread else "-")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("columnar-etl ")
    assert (tmp_path / "exit-handler").read_text() == "ran"
    assert (tmp_path / "teardown").read_text() == ("ran" if thread else "")
    assert (tmp_path / "thread").exists() is thread


def _run_env(settings: Settings, pg_uri: str) -> dict[str, str]:
    """A child process's environment for a run into ``pg_uri`` with ``settings``' directories."""
    return {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(sys.path),
        "COLUMNAR_ETL_TARGET": pg_uri,
        "COLUMNAR_ETL_RUNS_DIR": str(settings.runs_dir),
        "COLUMNAR_ETL_BACKUP_DIR": str(settings.backup_dir),
        "COLUMNAR_ETL_MIN_MEMORY_GB": "0.5",
        "COLUMNAR_ETL_FAIL_MEMORY_GB": "0.1",
    }


def test_a_command_line_run_records_its_start_up(tmp_path: Path, pg_uri: str, small_fixture: Path) -> None:
    settings = run_settings(tmp_path, pg_uri)
    env = _run_env(settings, pg_uri)
    before = time.time()
    done = subprocess.run(
        [sys.executable, "-m", "columnar_etl", "run", str(small_fixture), "--mode", "canary", "--json"],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )
    wall = time.time() - before
    record = json.loads(done.stdout)
    assert done.returncode == record["exit_code"] in (0, 2), done.stderr
    (run_dir,) = Path(settings.runs_dir).iterdir()
    assert json.loads((run_dir / "run.json").read_text())["outcome"] == record["outcome"]
    # The start-up (interpreter, imports) happened in this process, before the run: it and the run's
    # own seconds fit in the wall time measured here (the OS dates a process to its clock tick).
    assert 0 < record["startup_seconds"] < wall
    assert record["startup_seconds"] + record["seconds"] <= wall + 0.02
    # A canary's transaction is rolled back: it never committed.
    assert record["load"]["status"] == "canary" and record["load"]["committed_at"] is None


def test_the_run_record_reads_package_versions_once_per_process(monkeypatch: pytest.MonkeyPatch) -> None:
    # run.json is written after every stage; the versions in it are read from the metadata once.
    asked: list[str] = []
    real = importlib.metadata.version

    def counted(name: str) -> str:
        asked.append(name)
        return real(name)

    monkeypatch.setattr(record_module.metadata, "version", counted)
    record_module._versions.cache_clear()
    try:
        first, second = record_module.versions(), record_module.versions()
    finally:
        record_module._versions.cache_clear()
    assert asked == list(record_module.DEPENDENCIES)
    assert first == second
    assert first["duckdb"] == real("duckdb") and first["polars"] == real("polars")
    first["duckdb"] = "changed by a caller"
    assert record_module.versions()["duckdb"] == real("duckdb")


_LOADED = """
import sys
import columnar_etl.cli, columnar_etl.pipeline.runner
print(" ".join(sorted(m for m in sys.argv[1:] if m in sys.modules)))
"""

#: What the stages after the profile bring in; the preflight's first read of the export waits for none.
_LATER_LIBRARIES = ["adbc_driver_postgresql", "jinja2", "polars", "prometheus_client", "pyarrow"]


def test_the_command_line_and_the_runner_leave_the_later_stages_libraries_unimported() -> None:
    done = run_python(_LOADED, *_LATER_LIBRARIES)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == []


_ENTRY = """
import gc, json, os, sys, threading
import columnar_etl.cli
seen = {}

def command_line():
    seen.update(enabled=gc.isenabled(), frozen=gc.get_freeze_count(),
                runner="columnar_etl.pipeline.runner" in sys.modules,
                blas=os.environ.get("OPENBLAS_NUM_THREADS"))

columnar_etl.cli.main = command_line
sys.argv = ["columnar-etl", *sys.argv[1:]]
from columnar_etl.__main__ import main
main()
for thread in threading.enumerate():  # the extension's check (DuckDB) must not be cut off by the exit
    if thread.name == "columnar_etl-extension":
        thread.join()
print(json.dumps(seen))
"""


@pytest.mark.parametrize(
    ("words", "runner"),
    [(["run", "--mode", "simple"], False), (["run", "--help"], False), (["profile"], False)],
)
def test_the_entry_point_imports_with_the_collector_off_and_hands_over_with_it_on(
    words: list[str], runner: bool
) -> None:
    # The command line's modules are imported before the command starts, with the cycle collector off;
    # the command itself runs with it on, the imported objects frozen. `run`'s runner is imported by the
    # command once its record is written (the same way: tests/test_run_interrupts.py, h345).
    done = run_python(_ENTRY, *words)
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.splitlines()[-1])
    assert seen["enabled"] is True
    assert seen["frozen"] > 10_000
    assert seen["runner"] is runner
    assert seen["blas"] == "1"  # no OpenBLAS thread pool spinning beside the command's work


def test_the_entry_point_keeps_a_blas_thread_count_it_is_given() -> None:
    done = run_python(_ENTRY, "profile", env={"OPENBLAS_NUM_THREADS": "3"})
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.splitlines()[-1])["blas"] == "3"


_RUN = """
import json, sys, threading
from columnar_etl import run
import columnar_etl.report.html as html
compiled_in = []
real_compile = html.compile_templates

def compile_templates(*args, **kwargs):
    compiled_in.append(threading.current_thread().name)
    return real_compile(*args, **kwargs)

html.compile_templates = compile_templates
result = run(sys.argv[1], mode="simple")
imports = [t.name for t in threading.enumerate() if t.name == "columnar_etl-imports"]
print(json.dumps({"exit_code": result.exit_code, "rows": result.record.rows, "imports": imports,
                  "compiled_in": compiled_in, "loaded": sorted(m for m in sys.argv[2:] if m in sys.modules)}))
"""


def test_a_run_imports_the_later_stages_and_compiles_its_report_in_a_thread_it_waits_for(
    tmp_path: Path, pg_uri: str, small_fixture: Path
) -> None:
    # A fresh interpreter, as on the command line: the thread imports the libraries of the stages
    # after the profile while the preflight runs, the run loads every row, and the thread is done
    # before run() returns.
    settings = run_settings(tmp_path, pg_uri)
    env = _run_env(settings, pg_uri)
    done = subprocess.run(
        [sys.executable, "-c", _RUN, str(small_fixture), *_LATER_LIBRARIES],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    outcome = json.loads(done.stdout.splitlines()[-1])
    assert outcome["exit_code"] in (0, 2)
    assert outcome["imports"] == []
    # The report's templates compiled in that thread too, beside the profile, not beside the cleaner.
    assert outcome["compiled_in"] == ["columnar_etl-imports"]
    assert outcome["loaded"] == _LATER_LIBRARIES
    source_rows = _sqlite_row_counts(small_fixture)
    assert {table: rows["in"] for table, rows in outcome["rows"].items()} == source_rows


def _sqlite_row_counts(path: Path) -> dict[str, int]:
    import sqlite3

    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as con:
        names = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {name: con.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in names}


_STARTED = """
import atexit, runpy, sys, threading
started = []
real_start = threading.Thread.start

def start(self):
    started.append(self.name)
    real_start(self)

threading.Thread.start = start
sys.argv = sys.argv[1:]

def show():
    from columnar_etl.source import duckdb_reader
    verified = bool(duckdb_reader._VERIFIED_EXTENSIONS)
    print("STARTED", "columnar_etl-extension" in started, "VERIFIED", verified)

atexit.register(show)
runpy.run_module("columnar_etl", run_name="__main__")
"""


@pytest.mark.parametrize(
    ("argv", "checked_early"),
    [
        (["profile", "export.db"], True),
        (["preflight", "export.db", "--json"], True),
        (["profile", "--help"], False),
        (["runs", "list"], False),
    ],
)
def test_a_duckdb_command_has_the_extension_checked_while_the_command_line_imports(
    tmp_path: Path, argv: list[str], checked_early: bool
) -> None:
    # The console script starts DuckDB's signature check of the SQLite extension in a thread before
    # the command line's modules import, for the commands that open DuckDB (not for help or others).
    # An export that exists: one missing ended `profile` before the check did (a race, since `profile`
    # imports no Polars: the process exited while the thread still ran).
    with sqlite3.connect(tmp_path / "export.db") as con:
        con.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)")
        con.execute("INSERT INTO t VALUES (1, 'a')")
    con.close()
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(sys.path),
        "COLUMNAR_ETL_RUNS_DIR": str(tmp_path / "runs"),
        "COLUMNAR_ETL_TARGET": "postgresql://nobody@127.0.0.1:9/none",
    }
    done = subprocess.run(
        [sys.executable, "-c", _STARTED, "columnar-etl", *argv],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
        env=env,
    )
    shown = [line for line in done.stdout.splitlines() if line.startswith("STARTED")]
    expected = f"STARTED {checked_early} VERIFIED {checked_early}"
    assert shown == [expected], done.stdout[-800:] + done.stderr[-800:]


_BIG = """
import json, sys
from columnar_etl.pipeline import runner
runner.BIG_EXPORT_FACTOR = 0  # every export counts as big
real_profile = runner.profile_step
at_profile_end = []

def profile_step(*args, **kwargs):
    profiled = real_profile(*args, **kwargs)
    at_profile_end.extend(sorted(m for m in sys.argv[2:] if m in sys.modules))
    return profiled

runner.profile_step = profile_step
result = runner.run(sys.argv[1], mode="simple")
print(json.dumps({"exit_code": result.exit_code, "at_profile_end": at_profile_end,
                  "rows": {t: r["out"] for t, r in result.record.rows.items()}}))
"""


#: What waits for a big export's profile: the preflight reads the target without ADBC's DB-API module,
#: which would import pyarrow and Polars.
_AFTER_A_BIG_PROFILE = [
    "adbc_driver_manager.dbapi",
    "columnar_etl.cleaning.stream",
    "columnar_etl.loading.strategies",
    "jinja2",
    "polars",
    "pyarrow",
]


def test_a_big_exports_later_libraries_are_imported_after_its_profile(
    tmp_path: Path, pg_uri: str, small_fixture: Path
) -> None:
    # Past BIG_EXPORT_FACTOR x profile_memory_limit the profile may use all of its limit: the later
    # stages' libraries wait for its end instead of adding their memory to its peak.
    done = subprocess.run(
        [sys.executable, "-c", _BIG, str(small_fixture), *_AFTER_A_BIG_PROFILE],
        capture_output=True,
        text=True,
        timeout=300,
        env=_run_env(run_settings(tmp_path, pg_uri), pg_uri),
    )
    assert done.returncode == 0, done.stderr
    outcome = json.loads(done.stdout.splitlines()[-1])
    assert outcome["exit_code"] in (0, 2)
    assert outcome["at_profile_end"] == []
    assert sum(outcome["rows"].values()) > 0


def test_only_an_export_bigger_than_four_profile_limits_counts_as_big(tmp_path: Path) -> None:
    from columnar_etl.config import load_settings
    from columnar_etl.pipeline.runner import _imports_beside_profile

    settings = load_settings(profile_memory_limit="1KiB")  # four of it: 4096 bytes
    export = tmp_path / "x.db"
    export.write_bytes(b"x" * 4096)
    assert _imports_beside_profile(export, settings)
    export.write_bytes(b"x" * 4097)
    assert not _imports_beside_profile(export, settings)
    assert _imports_beside_profile(tmp_path / "missing.db", settings)  # the preflight will say why


_IMPORTED_LATER = """
import sys
from columnar_etl.pipeline import runner
runner._import_later().join()
print(" ".join(sorted(m for m in sys.argv[1:] if m in sys.modules)))
"""


def test_the_imports_thread_imports_the_loader_and_the_cleaner_themselves() -> None:
    # The loading package imports its modules on first use: importing the package alone would leave
    # the COPY's modules for the main thread to import when the load starts.
    wanted = ["columnar_etl.cleaning.stream", "columnar_etl.loading.strategies", "jinja2"]
    done = run_python(_IMPORTED_LATER, *wanted, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == wanted
