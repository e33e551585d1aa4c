"""Work on the export started before the command line imported (columnar_etl.source.early)."""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from columnar_etl.__main__ import early_export
from columnar_etl.source import early
from columnar_etl.source.identity import export_identity
from tests.conftest import run_python


def _export(path: Path) -> Path:
    con = sqlite3.connect(path)
    with con:
        con.execute("CREATE TABLE t (a INTEGER, b TEXT)")
        con.executemany("INSERT INTO t VALUES (?, ?)", [(i, f"v{i}") for i in range(100)])
    con.close()
    return path


def _never() -> str:
    raise AssertionError("computed again although the early result stands")


def test_an_early_result_is_handed_over_once_for_the_same_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _export(tmp_path / "x.db")
    early.start(path, {early.IDENTITY: export_identity, early.INTEGRITY: early.quick_check})
    monkeypatch.chdir(tmp_path)
    # The same file, named another way.
    assert early.taken(early.IDENTITY, Path("x.db"), _never) == export_identity(path)
    assert early.taken(early.INTEGRITY, path, _never) == ["ok"]
    # Handed over once: a second ask computes.
    assert early.taken(early.IDENTITY, path, lambda: "again") == "again"


def test_a_file_changed_after_the_early_work_is_read_again(tmp_path: Path) -> None:
    path = _export(tmp_path / "x.db")
    early.start(path, {early.IDENTITY: export_identity})
    con = sqlite3.connect(path)
    with con:
        con.execute("INSERT INTO t VALUES (1000, 'new')")
    con.close()
    assert early.taken(early.IDENTITY, path, lambda: export_identity(path)) == export_identity(path)
    early.start(path, {early.IDENTITY: export_identity})
    os.utime(path, ns=(1, 1))  # same bytes, another modification time: not the file it read
    assert early.taken(early.IDENTITY, path, lambda: "again") == "again"


def test_no_early_work_beside_a_writers_journal_and_errors_are_the_commands(tmp_path: Path) -> None:
    path = _export(tmp_path / "x.db")
    journal = tmp_path / "x.db-journal"
    journal.write_bytes(b"")
    early.start(path, {early.IDENTITY: _never})  # never called: a writer may be at work
    assert early.taken(early.IDENTITY, path, lambda: "inline") == "inline"
    journal.unlink()

    def fails(_: Path) -> str:
        raise OSError("read failed")

    early.start(path, {early.IDENTITY: fails})
    assert early.taken(early.IDENTITY, path, lambda: "inline") == "inline"


def test_the_export_of_a_command_line_is_its_one_sqlite_argument(tmp_path: Path) -> None:
    db, other = _export(tmp_path / "a.db"), _export(tmp_path / "b.db")
    text = tmp_path / "settings.toml"
    text.write_text("batch_size = 10\n")
    assert early_export(["run", str(db), "--mode", "simple", "--config", str(text)]) == db
    assert early_export(["run", "--mode", "simple"]) is None
    assert early_export(["run", str(db), str(other)]) is None  # not for this module to choose
    assert early_export(["run", str(tmp_path / "missing.db")]) is None


def _preflight_noting(module: str, function: str, label: str, *flags: str) -> str:
    """A script running ``columnar-etl preflight <argv[1]> <flags>`` that prints, as it exits, ``<label> in``
    and the threads ``columnar_etl.<module>.<function>`` ran in."""
    package, name = module.rsplit(".", 1)
    return f"""
import sys, threading
from columnar_etl.{package} import {name} as noted
real = noted.{function}
ran_in = []

def wrapped(path):
    ran_in.append(threading.current_thread().name)
    return real(path)

noted.{function} = wrapped
import atexit
atexit.register(lambda: print("{label} in", ran_in))
sys.argv = ["columnar-etl", "preflight", sys.argv[1], *{list(flags)!r}]
from columnar_etl.__main__ import main
main()
"""


_PREFLIGHT = _preflight_noting("source.early", "quick_check", "quick_check")


def test_the_preflight_command_checks_integrity_before_its_command_line_imported(
    tmp_path: Path, pg_uri: str
) -> None:
    path = _export(tmp_path / "x.db")
    done = run_python(
        _PREFLIGHT,
        str(path),
        timeout=120,
        env={
            "COLUMNAR_ETL_TARGET": pg_uri,
            "COLUMNAR_ETL_MIN_MEMORY_GB": "0.1",
            "COLUMNAR_ETL_FAIL_MEMORY_GB": "0.05",
        },
    )
    assert done.returncode in (0, 2), done.stdout + done.stderr
    assert "quick_check in ['columnar_etl-early']" in done.stdout


_PREFLIGHT_RECORDS = _preflight_noting("source.sqlite_file", "largest_records", "dbstat", "--json")


def test_the_preflight_reads_the_largest_records_before_its_command_line_imported(
    tmp_path: Path, pg_uri: str
) -> None:
    """SQLite's dbstat (the source_cells check's read) runs while the command line imports, once: the
    check takes its result."""
    path = _export(tmp_path / "x.db")
    done = run_python(
        _PREFLIGHT_RECORDS,
        str(path),
        timeout=120,
        env={
            "COLUMNAR_ETL_TARGET": pg_uri,
            "COLUMNAR_ETL_MIN_MEMORY_GB": "0.1",
            "COLUMNAR_ETL_FAIL_MEMORY_GB": "0.05",
            "COLUMNAR_ETL_MAX_CELL_SIZE": "1KB",  # smaller than the export: its records are read
        },
    )
    assert done.returncode in (0, 2), done.stdout + done.stderr
    assert "dbstat in ['columnar_etl-early']" in done.stdout
    cells = next(
        check
        for check in json.loads(done.stdout.split("dbstat in")[0])["checks"]
        if check["name"] == "source_cells"
    )
    assert cells["status"] == "pass" and cells["value"] > 0, cells


def test_the_pieces_of_early_work_run_side_by_side(tmp_path: Path) -> None:
    # Each piece reads the whole file: one after the other, they take twice as long (3.7 GB at 40x).
    # Both wait for each other here: run one after the other, the barrier breaks and neither stands.
    path = _export(tmp_path / "x.db")
    barrier = threading.Barrier(2, timeout=10)

    def piece(value: str) -> Callable[[Path], str]:
        def run(_: Path) -> str:
            barrier.wait()
            return value

        return run

    early.start(path, {early.INTEGRITY: piece("checked"), early.IDENTITY: piece("hashed")})
    assert early.taken(early.INTEGRITY, path, lambda: "inline") == "checked"
    assert early.taken(early.IDENTITY, path, lambda: "inline") == "hashed"
