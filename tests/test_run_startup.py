"""The fixed cost of ``columnar-etl run``: work done on the spare core while the process starts."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import duckdb
import pytest
from typer.testing import CliRunner

from columnar_etl.cli import app
from columnar_etl.source import export as source_module
from columnar_etl.source.export import connect_duckdb

from .conftest import run_env, run_settings

runner = CliRunner()


def _signature_checked(con: duckdb.DuckDBPyConnection) -> bool:
    row = con.execute("SELECT current_setting('allow_unsigned_extensions')").fetchone()
    assert row is not None
    return not row[0]


def test_first_connections_at_once_check_the_signature_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # Four threads open their first connection at the same moment: one has DuckDB check the file's
    # signature, the others wait for its verdict instead of hashing the same 35 MB again.
    monkeypatch.setattr(source_module, "_VERIFIED_EXTENSIONS", set())
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


def test_run_command_checks_the_extension_while_its_modules_import(
    tmp_path: Path, pg_uri: str, small_fixture: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run_env(run_settings(tmp_path, pg_uri), monkeypatch)
    monkeypatch.setattr(source_module, "_VERIFIED_EXTENSIONS", set())
    loads: list[tuple[str, bool]] = []
    verifiers: list[str] = []
    load, verify = source_module._load_extension, source_module.verify_extension

    def recorded_load(path: Path, *, verified: bool) -> Any:
        loads.append((threading.current_thread().name, verified))
        return load(path, verified=verified)

    def recorded_verify() -> None:
        verifiers.append(threading.current_thread().name)
        verify()

    monkeypatch.setattr(source_module, "_load_extension", recorded_load)
    monkeypatch.setattr(source_module, "verify_extension", recorded_verify)
    result = runner.invoke(app, ["--target", pg_uri, "run", str(small_fixture), "--mode", "canary"])
    assert result.exit_code in (0, 2), result.output
    assert verifiers == ["columnar_etl-extension"]
    # However the threads raced, the signature was checked once in the whole run.
    assert sum(1 for _, verified in loads if not verified) == 1
    assert len(loads) > 1  # the run's later connections loaded it without a check
