"""Per-batch costs of observability: what every stage pays for each Arrow batch it streams.

Run with ``pytest benchmarks/test_bench_observability.py --benchmark-enable``. The baseline is an empty
method call measured in the same run, so the figures read as "so many empty calls".
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pytest_benchmark.fixture import BenchmarkFixture

from columnar_etl.observability.health import HealthSampler
from columnar_etl.observability.metrics import RunMetrics
from columnar_etl.observability.progress import progress


class _Empty:
    def tick(self, rows: int) -> None:
        return None


@pytest.mark.benchmark(group="per-batch")
def test_baseline_empty_call(benchmark: BenchmarkFixture) -> None:
    benchmark(_Empty().tick, 65_536)


@pytest.mark.benchmark(group="per-batch")
def test_tick_without_sampling(benchmark: BenchmarkFixture, tmp_path: Path) -> None:
    # An interval no run reaches: every call takes the cheap path.
    sampler = HealthSampler(tmp_path, interval_rows=2**62)
    assert benchmark(sampler.tick, 1) is None


@pytest.mark.benchmark(group="per-batch")
def test_progress_advance_when_silent(benchmark: BenchmarkFixture) -> None:
    with progress(None, "bench", enabled=False) as bar:
        benchmark(bar.advance, 65_536)


@pytest.mark.benchmark(group="per-batch")
def test_observe_rows(benchmark: BenchmarkFixture) -> None:
    metrics = RunMetrics()
    benchmark(metrics.observe_rows, "clean", "tickets", 65_536)


@pytest.mark.benchmark(group="sampling")
def test_sample(benchmark: BenchmarkFixture, tmp_path: Path) -> None:
    sampler = HealthSampler(tmp_path, metrics=RunMetrics())
    sample = benchmark(sampler.sample)
    assert sample.rss_bytes > 0
