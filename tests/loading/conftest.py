"""Inputs for the loader tests: typed Arrow versions of generated exports, and looks into the target.

The typed tables are what the real cleaner hands the loader (``columnar_etl.clean``: profile, plan,
Polars cleaning), materialised once per session: they are small, and every test loads them afresh.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pyarrow as pa
import pytest

from columnar_etl.config import Settings, load_settings
from columnar_etl.pg.connect import connect
from columnar_etl.pipeline.clean import clean
from export_generator import generate_export
from export_generator.schema import TABLES

from ..conftest import SMALL_FIXTURE, pg_query

TABLE_NAMES = [spec.name for spec in TABLES]
KEYS = {spec.name: [spec.primary_key] for spec in TABLES}


def typed_tables(path: Path) -> dict[str, pa.Table]:
    """Every table of the export at ``path`` as the real cleaner produces it (typed Arrow, in memory)."""
    cleaned = clean(path, settings=load_settings())
    assert cleaned.data is not None
    return dict(cleaned.data)


@pytest.fixture(scope="session")
def v1_tables() -> dict[str, pa.Table]:
    """The committed small fixture (109 / 1,081 / 1,411 rows), typed."""
    return typed_tables(SMALL_FIXTURE)


@pytest.fixture(scope="session")
def v2_export(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A second, larger export (scale 0.02, another seed): "next quarter"."""
    path = tmp_path_factory.mktemp("exports") / "next_quarter.db"
    generate_export(path, scale=0.02, seed=3)
    return path


@pytest.fixture(scope="session")
def v2_tables(v2_export: Path) -> dict[str, pa.Table]:
    """``v2_export``, typed."""
    return typed_tables(v2_export)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Settings with backups in the test's directory and short lock waits."""
    return load_settings(backup_dir=tmp_path / "backups", pg_dir=tmp_path / "pg", target_lock_wait=10)


def version_schemas(uri: str, base: str = "servicedesk") -> list[str]:
    """Every schema of the target named like a version (or canary) of ``base``, sorted."""
    rows = pg_query(
        uri,
        f"SELECT nspname FROM pg_namespace WHERE nspname LIKE '{base}\\_%' ORDER BY nspname",
    )
    return [row[0] for row in rows]


def live_target(uri: str, base: str = "servicedesk") -> set[str]:
    """The schemas the views of ``base`` read from (one, unless something is badly wrong)."""
    rows = pg_query(
        uri,
        "SELECT DISTINCT t.table_schema FROM information_schema.view_table_usage t "
        f"WHERE t.view_schema = '{base}'",
    )
    return {row[0] for row in rows}


def counts(uri: str, schema: str = "servicedesk") -> dict[str, int]:
    """Row counts of the three tables as seen through ``schema``."""
    return {name: pg_query(uri, f'SELECT count(*) FROM "{schema}"."{name}"')[0][0] for name in TABLE_NAMES}


def runs(uri: str) -> list[tuple[str, str, str | None, str | None]]:
    """``(mode, status, version_schema, error)`` of every ledger run, oldest first."""
    rows = pg_query(
        uri, "SELECT mode, status, version_schema, error FROM columnar_etl.runs ORDER BY started, run_id"
    )
    return [(row[0], row[1], row[2], row[3]) for row in rows]


@contextmanager
def held_table_lock(uri: str, table: str, mode: str) -> Iterator[None]:
    """Hold ``mode`` on ``table`` in an open transaction of another connection."""
    holder = connect(uri)
    cursor = holder.cursor()
    try:
        cursor.execute(f"LOCK TABLE {table} IN {mode} MODE")
        cursor.fetchall()
        yield
    finally:
        cursor.close()
        holder.rollback()
        holder.close()
