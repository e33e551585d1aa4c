"""Benchmark fixtures: generated exports cached under .benchmarks/data, the tests' PostgreSQL fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest

from columnar_etl.export_generator import generate_export
from tests.conftest import pg_server_uri, pg_uri  # noqa: F401  (shared session server)

CACHE = Path(__file__).resolve().parents[1] / ".benchmarks" / "data"


def cached_export(scale: float, seed: int = 1, dirt: str = "prod") -> Path:
    """A generated export of ``scale``, made once and reused (generation is deterministic by seed)."""
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"export_s{scale:g}_seed{seed}_{dirt}.db"
    if not path.exists():
        generate_export(path, scale=scale, seed=seed, dirt=dirt)
    return path


@pytest.fixture(scope="session")
def export_1x() -> Path:
    """The scale-1.0 export: 260,130 rows (tickets 10,939 / comments 108,129 / timesheets 141,062)."""
    return cached_export(1.0)
