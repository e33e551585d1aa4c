"""The alternatives, measured in the same session: row-by-row INSERTs, and pgloader when installed."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from pytest_benchmark.fixture import BenchmarkFixture

from benchmarks.conftest import cached_export
from benchmarks.peers import pgloader_uri
from columnar_etl.pg.connect import connect
from columnar_etl.pg.identifiers import quote_ident
from columnar_etl.source.export import open_source


def test_naive_executemany_scale_0_1(benchmark: BenchmarkFixture, pg_uri: str) -> None:
    """One prepared INSERT per row (what a hand-written loader does) at scale 0.1, reported ×10."""
    export = cached_export(0.1)
    with open_source(export) as src:
        tables = {name: src.read_batches(name, strip_nul=True).read_all() for name in src.tables}

    def insert_row_by_row() -> int:
        conn = connect(pg_uri, autocommit=False)
        cursor = conn.cursor()
        total = 0
        try:
            for name, table in tables.items():
                cols = ", ".join(f"{quote_ident(c)} text" for c in table.column_names)
                cursor.execute(f"DROP TABLE IF EXISTS {quote_ident(name)}")
                cursor.execute(f"CREATE TABLE {quote_ident(name)} ({cols})")
                marks = ", ".join(f"${i + 1}" for i in range(table.num_columns))
                rows = list(zip(*(column.to_pylist() for column in table.columns), strict=True))
                cursor.executemany(f"INSERT INTO {quote_ident(name)} VALUES ({marks})", rows)
                total += table.num_rows
            conn.commit()
        finally:
            cursor.close()
            conn.close()
        return total

    rows = benchmark.pedantic(insert_row_by_row, rounds=1, iterations=1)
    assert rows == 26_013
    benchmark.extra_info["scale_factor"] = 10  # extrapolated to scale 1.0 in the summary


def test_pgloader_scale_1(benchmark: BenchmarkFixture, export_1x: Path, pg_uri: str) -> None:
    """pgloader's load of the same file, when pgloader is installed (it is not part of the project)."""
    pgloader = shutil.which("pgloader")
    if pgloader is None:
        pytest.skip("pgloader is not on PATH: no pgloader comparison in this session")
    benchmark.pedantic(
        lambda: subprocess.run(
            [pgloader, str(export_1x), pgloader_uri(pg_uri)], check=True, capture_output=True
        ),
        rounds=1,
        iterations=1,
    )
