"""The whole quarter: ``run`` on the scale-1.0 export (260,130 rows) into PostgreSQL, per stage.

Target (issue #8): ≤ 10 s on 2 cores; the old system took 27 minutes. Compare with the raw COPY floor
(test_bench_copy.py) measured in the same session.
"""

from __future__ import annotations

from pathlib import Path

from pytest_benchmark.fixture import BenchmarkFixture

from columnar_etl.config import load_settings
from columnar_etl.pipeline.runner import run


def test_run_scale_1(benchmark: BenchmarkFixture, export_1x: Path, pg_uri: str, tmp_path: Path) -> None:
    settings = load_settings(
        target=pg_uri, runs_dir=tmp_path / "runs", backup_dir=tmp_path / "backups", min_memory_gb=0.5
    )
    results = []

    def once() -> int:
        result = run(export_1x, settings=settings, mode="simple", force=True)
        assert result.exit_code in (0, 2), result.record.error
        results.append(result)
        return sum(rows["out"] for rows in result.record.rows.values())

    assert benchmark.pedantic(once, rounds=3, iterations=1) == 260_130
    fastest = min(results, key=lambda r: sum(stage.seconds for stage in r.record.stages))
    benchmark.extra_info["stages"] = {stage.name: round(stage.seconds, 3) for stage in fastest.record.stages}
