"""A BLOB-heavy export (≥ 50 MB of binary cells) through the whole ``run``, each round a fresh process.

Issue 14: BLOBs land as bytea byte for byte, streamed in batches sized by bytes, so memory does not grow
with BLOB size; peak RSS stays under 500 MB. Side by side, in the same loop (interleaved A B A B), the
raw COPY floor: the same table read by DuckDB as bytes and COPYed by ADBC, no profiling or cleaning.
Whole-process figures (wall clock and peak RSS as ``wait4`` reports them for the child).
"""

from __future__ import annotations

import os
import random
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

from pytest_benchmark.fixture import BenchmarkFixture

from benchmarks.conftest import CACHE
from tests.conftest import pg_query

ROWS = 600
BLOB_BYTES = 96 * 1024  # ~56 MB of incompressible bytes in all
ROUNDS = 3
RSS_BUDGET_MB = 500

FLOOR = """
import sys
import adbc_driver_postgresql.dbapi as pg
from columnar_etl.source.cells import ColumnRead
from columnar_etl.source.export import open_source
path, uri, schema = sys.argv[1:4]
with open_source(path) as src, pg.connect(uri) as conn:
    cursor = conn.cursor()
    cursor.execute(f'CREATE SCHEMA "{schema}"')
    for name, table in src.tables.items():
        reads = [ColumnRead(c.name, as_bytes=c.declared_type == "BLOB") for c in table.columns]
        cursor.adbc_ingest(name, src.read_batches(name, reads=reads, batch_size=256), db_schema_name=schema)
    conn.commit()
"""


def blob_export() -> Path:
    """``photos``: ROWS rows of a name, a timestamp and BLOB_BYTES random bytes (deterministic)."""
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"blobs_{ROWS}x{BLOB_BYTES}.db"
    if path.exists():
        return path
    rng = random.Random(14)
    tmp = path.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    con = sqlite3.connect(tmp)
    with con:
        con.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT, taken TIMESTAMP, data BLOB)")
        con.executemany(
            "INSERT INTO photos VALUES (?, ?, ?, ?)",
            (
                (
                    i,
                    f"IMG_{i:04d}.jpg",
                    f"2025-05-{1 + i % 28:02d} 08:{i % 60:02d}:00",
                    rng.randbytes(BLOB_BYTES),
                )
                for i in range(1, ROWS + 1)
            ),
        )
    con.close()
    tmp.rename(path)
    return path


def timed(argv: list[str], env: dict[str, str]) -> tuple[float, float, int]:
    """Wall seconds, peak RSS (MB) and exit code of one child process."""
    started = time.perf_counter()
    child = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode not in (0, 2):
        raise AssertionError(f"{argv[:3]} exited {child.returncode}: {child.stderr.read().decode()[-2000:]}")
    return seconds, usage.ru_maxrss / 1024, child.returncode


def test_blob_export_run_vs_floor(benchmark: BenchmarkFixture, pg_uri: str, tmp_path: Path) -> None:
    path = blob_export()
    binary = sum(len(b) for (b,) in sqlite3.connect(path).execute("SELECT data FROM photos"))
    assert binary >= 50 * 10**6
    env = {
        **os.environ,
        "COLUMNAR_ETL_TARGET": pg_uri,
        "COLUMNAR_ETL_RUNS_DIR": str(tmp_path / "runs"),
        "COLUMNAR_ETL_BACKUP_DIR": str(tmp_path / "backups"),
        "COLUMNAR_ETL_MIN_MEMORY_GB": "0.5",
    }
    runs, floors = [], []
    for round_ in range(ROUNDS):
        runs.append(
            timed(
                [
                    sys.executable,
                    "-m",
                    "columnar_etl",
                    "run",
                    str(path),
                    "--mode",
                    "simple",
                    "--yes",
                    "--force",
                ],
                env,
            )
        )
        floors.append(timed([sys.executable, "-c", FLOOR, str(path), pg_uri, f"floor_{round_}"], env))
    # Every byte arrived, in the live view and in the floor's copy.
    ((rows, total),) = pg_query(pg_uri, "SELECT count(*), sum(length(data)) FROM servicedesk.photos")
    assert (rows, total) == (ROWS, binary)
    ((rows, total),) = pg_query(pg_uri, "SELECT count(*), sum(length(data)) FROM floor_0.photos")
    assert (rows, total) == (ROWS, binary)
    run_wall = statistics.median(r[0] for r in runs)
    floor_wall = statistics.median(f[0] for f in floors)
    run_rss, floor_rss = max(r[1] for r in runs), max(f[1] for f in floors)
    benchmark.extra_info.update(
        binary_mb=round(binary / 2**20, 1),
        run_seconds_median=round(run_wall, 3),
        floor_seconds_median=round(floor_wall, 3),
        run_peak_rss_mb=round(run_rss),
        floor_peak_rss_mb=round(floor_rss),
        ratio=round(run_wall / floor_wall, 2),
    )
    print(
        f"\nBLOB export ({binary / 2**20:.0f} MiB of binary, {ROWS} rows), whole process, median of {ROUNDS} "
        f"interleaved rounds:\n| command | wall | peak RSS |\n|---|---|---|\n"
        f"| columnar-etl run --mode simple | {run_wall:.2f} s | {run_rss:.0f} MiB |\n"
        f"| raw COPY floor (DuckDB bytes → ADBC) | {floor_wall:.2f} s | {floor_rss:.0f} MiB |\n"
        f"run / floor = {run_wall / floor_wall:.2f}"
    )
    assert run_rss < RSS_BUDGET_MB
    benchmark.pedantic(lambda: None, rounds=1, iterations=1)
