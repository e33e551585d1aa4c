"""Gate 0 on a healthy setup: every check against the scale-1.0 export and the session's PostgreSQL."""

from __future__ import annotations

from pathlib import Path

from pytest_benchmark.fixture import BenchmarkFixture

from columnar_etl.config import load_settings
from columnar_etl.gates.preflight import preflight


def test_preflight_scale_1(
    benchmark: BenchmarkFixture, export_1x: Path, pg_server_uri: str, tmp_path: Path
) -> None:
    """Target: < 2 s on a healthy setup (issue #7)."""
    settings = load_settings(backup_dir=tmp_path, min_memory_gb=0.5, fail_memory_gb=0.1)
    result = benchmark.pedantic(
        lambda: preflight(export_1x, settings=settings, target=pg_server_uri), rounds=3, iterations=1
    )
    assert result.status in ("pass", "warn")
