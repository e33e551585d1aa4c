"""The floor: raw DuckDB → Arrow → ADBC COPY of the scale-1.0 export, no profiling or cleaning.

Every later stage is reported as a ratio to these figures, measured in the same session (the machines
are shared and noisy, so absolute seconds from different runs are not comparable).
"""

from __future__ import annotations

from pathlib import Path

from pytest_benchmark.fixture import BenchmarkFixture

from columnar_etl.pipeline.raw import copy_raw
from columnar_etl.source.export import open_source

ROWS_1X = 260_130


def test_read_all_tables_to_arrow(benchmark: BenchmarkFixture, export_1x: Path) -> None:
    """DuckDB's scan of every table of the export into Arrow: the read half of the floor."""

    def read() -> int:
        with open_source(export_1x) as src:
            return sum(src.read_batches(name).read_all().num_rows for name in src.tables)

    assert benchmark.pedantic(read, rounds=3, iterations=1) == ROWS_1X


def test_raw_copy_floor(benchmark: BenchmarkFixture, export_1x: Path, pg_uri: str) -> None:
    """DuckDB → Arrow → ADBC COPY of every table as text, one transaction: the floor."""

    def copy() -> int:
        return copy_raw(export_1x, pg_uri, schema="floor").copy.total_rows

    assert benchmark.pedantic(copy, rounds=3, iterations=1, warmup_rounds=1) == ROWS_1X
