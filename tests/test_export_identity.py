"""The export's identity ("already loaded?") is what SQLite reads: the main file plus committed WAL frames."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from columnar_etl.config import Settings
from columnar_etl.pipeline.runner import run
from columnar_etl.source.identity import export_identity, file_checksum

from .conftest import pg_query, run_settings


@pytest.fixture
def settings(tmp_path: Path, pg_uri: str) -> Settings:
    return run_settings(tmp_path, pg_uri)


def _wal_export(folder: Path, orders: int, *, newer: int) -> Path:
    """An export in WAL mode whose last ``newer`` rows are committed in its -wal file only.

    The writer's files are copied while it is still open (no checkpoint has run), the way a backup
    tool or a copy from a live server catches them.
    """
    folder.mkdir()
    live = folder / "live.db"
    con = sqlite3.connect(live, isolation_level=None)
    con.execute("PRAGMA journal_mode = WAL")
    con.execute("PRAGMA wal_autocheckpoint = 0")
    con.execute("CREATE TABLE orders (id INTEGER PRIMARY KEY, subject TEXT)")
    con.executemany("INSERT INTO orders VALUES (?, ?)", [(i, f"order {i}") for i in range(orders)])
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the first rows are in the main file
    con.execute("BEGIN")
    con.executemany(
        "INSERT INTO orders VALUES (?, ?)", [(i, f"order {i}") for i in range(orders, orders + newer)]
    )
    con.execute("COMMIT")
    export = folder / "export.db"
    shutil.copy(live, export)
    if newer:
        shutil.copy(folder / "live.db-wal", folder / "export.db-wal")
    con.close()
    return export


def _bytes_of(path: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(path.parent.iterdir())
        if p.name.startswith(path.name)
    }


def test_identity_of_a_file_without_wal_is_its_checksum(tmp_path: Path) -> None:
    export = _wal_export(tmp_path / "a", 10, newer=0)
    assert not Path(f"{export}-wal").exists()
    assert export_identity(export) == file_checksum(export)


def test_uncommitted_and_stale_wal_bytes_do_not_change_the_identity(tmp_path: Path) -> None:
    export = _wal_export(tmp_path / "a", 10, newer=5)
    wal = Path(f"{export}-wal")
    before = export_identity(export)
    assert before != file_checksum(export)
    page_size = int.from_bytes(wal.read_bytes()[8:12], "big")
    # A frame of another WAL generation (other salts) after the last commit: SQLite ignores it.
    with open(wal, "ab") as handle:
        handle.write(b"\x00\x00\x00\x02" + b"\x00" * 4 + b"\xff" * 16 + b"\x01" * page_size)
    assert export_identity(export) == before


def test_a_wal_export_with_newer_committed_rows_is_not_already_loaded(
    settings: Settings, tmp_path: Path, pg_uri: str
) -> None:
    first = _wal_export(tmp_path / "first", 300, newer=0)
    assert run(first, settings=settings, mode="simple").exit_code == 0  # done (the templates: a note)
    assert pg_query(pg_uri, "SELECT count(*) FROM servicedesk.orders") == [(300,)]

    # The same main file, now with 500 newer orders committed in its -wal: a new export.
    export = _wal_export(tmp_path / "second", 300, newer=500)
    assert file_checksum(export) == file_checksum(first)  # the old check could not tell them apart
    before = _bytes_of(export)
    result = run(export, settings=settings, mode="simple")
    assert (result.exit_code, result.record.outcome) == (2, "warn"), result.record.error
    assert "drift: orders: row count 300 → 800" in result.record.warnings  # preflight warns of the WAL too
    assert pg_query(pg_uri, "SELECT count(*), max(id) FROM servicedesk.orders") == [(800, 799)]
    after = _bytes_of(export)
    assert {k: v for k, v in after.items() if not k.endswith("-shm")} == before  # read-only, WAL kept

    again = run(export, settings=settings, mode="simple")
    assert again.record.outcome == "already_loaded"
