"""Gate 1: profile every row of the export; compare with the raw read of the same tables (same session).

Targets (issue #4): scale 1.0 < 1 s on 2 cores and ≤ 3× the raw read (test_bench_copy.py's
``test_read_all_tables_to_arrow``); at scale 10 linear time, and bounded memory (peak RSS).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pytest_benchmark.fixture import BenchmarkFixture

from benchmarks.conftest import PeakRss, cached_export
from columnar_etl import profile


def test_profile_scale_1(benchmark: BenchmarkFixture, export_1x: Path) -> None:
    result = benchmark.pedantic(lambda: profile(export_1x), rounds=3, iterations=1, warmup_rounds=1)
    assert sum(t.row_count for t in result.tables.values()) == 260_130


@pytest.mark.slow
def test_profile_scale_10(benchmark: BenchmarkFixture) -> None:
    path = cached_export(10.0)
    with PeakRss() as rss:
        result = benchmark.pedantic(lambda: profile(path), rounds=1, iterations=1)
    benchmark.extra_info["peak_rss_mb"] = round(rss.peak / 2**20)
    assert sum(t.row_count for t in result.tables.values()) == 2_601_300
