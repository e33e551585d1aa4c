"""Two operators at once, and dashboards reading while we load: real processes (the command line as a
subprocess) against the real server, synchronised on the server's own pg_locks / pg_stat_activity."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pyarrow as pa

from columnar_etl.config import load_settings
from columnar_etl.loading.strategies import load_tables
from columnar_etl.pg.connect import connect

from ..conftest import pg_query
from .conftest import version_schemas


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


@contextmanager
def reading(uri: str, table: str) -> Iterator[None]:
    """A reader (a dashboard, a pg_dump) with ``table`` read in its open transaction: ACCESS SHARE held."""
    holder = connect(uri)
    cursor = holder.cursor()
    try:
        cursor.execute(f"SELECT count(*) FROM {table}")
        cursor.fetchall()
        yield
    finally:
        cursor.close()
        holder.rollback()
        holder.close()


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
    with reading(with_application_name(pg_uri, "dashboard"), f'"{old.schema}"."t"'):
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
