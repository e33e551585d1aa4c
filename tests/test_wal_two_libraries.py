"""A WAL-mode export is never opened by DuckDB's SQLite: it is read from a private snapshot copy.

Two SQLite libraries live in one process here: Python's ``sqlite3`` (preflight, backup, catalogue) and
the one inside DuckDB's sqlite_scanner. POSIX locks belong to the process, so neither library sees the
other's connections to a WAL database: each takes itself for the first, truncates the ``-shm`` the
other has mapped, and the process dies of SIGBUS (https://sqlite.org/howtocorrupt.html, 2.2.1). Until
2026-12-04 ``run`` did so in 3 of 12 tries on a copied live file (its backup reading beside its profile),
exit 135 and no run.json; CI lost a pytest worker to it. The stress test below died within a second
each of 4 times on that code.

Expected rows come from Python's own SQLite reading the export, or from the builders' numbers.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import columnar_etl
import columnar_etl.source.private_copy as private_copy
from columnar_etl.config import load_settings
from columnar_etl.errors import SourceError
from columnar_etl.gates.preflight import preflight
from columnar_etl.source.export import open_source
from columnar_etl.source.private_copy import shared_copy

from . import export_files as files
from .test_export_files import file_state, sqlite_rows

#: Reads the export in two threads at once for a few seconds: one by DuckDB (open_source, every row of
#: every table), one by Python's SQLite (what the backup and the catalogue do); prints what each read.
STRESS = """
import json, sqlite3, sys, threading, time
from pathlib import Path
from columnar_etl.source.export import open_source

export, stop = Path(sys.argv[1]), time.monotonic() + float(sys.argv[2])
seen = {"duckdb": set(), "sqlite": set()}

def duckdb_reads():
    while time.monotonic() < stop:
        with open_source(export) as src:
            seen["duckdb"].add(tuple(sorted(
                (t, sum(b.num_rows for b in src.iter_batches(t))) for t in src.tables)))

def sqlite_reads():
    while time.monotonic() < stop:
        con = sqlite3.connect(f"{export.resolve().as_uri()}?mode=ro", uri=True)
        try:
            names = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
            seen["sqlite"].add(tuple(sorted(
                (t, con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]) for t in names)))
        finally:
            con.close()

threads = [threading.Thread(target=duckdb_reads), threading.Thread(target=sqlite_reads)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(json.dumps({k: sorted(map(list, v)) for k, v in seen.items()}))
"""


def counts(db: Path) -> list[list[object]]:
    return sorted([name, len(rows)] for name, rows in sqlite_rows(db).items())


def test_both_sqlites_reading_a_wal_export_at_once_leave_the_process_alive(tmp_path: Path) -> None:
    """The state a copied live file arrives in: frames committed only to its ``-wal``, no writer."""
    db = files.wal_uncommitted_to_main(tmp_path / "export.db")
    before = file_state(db)
    truth = [[name, len(rows)] for name, rows in sorted(files.wal_expected().items())]
    assert counts(db) == truth  # Python's SQLite reads the -wal's rows too
    package = Path(columnar_etl.__file__).parents[1]
    done = subprocess.run(
        [sys.executable, "-c", STRESS, str(db), "3"],
        capture_output=True,
        text=True,
        timeout=120,
        env={"PYTHONPATH": str(package), "PATH": "/usr/bin:/bin"},
    )
    assert done.returncode == 0, f"exit {done.returncode}: {done.stderr[-800:]}"  # -7: SIGBUS
    seen = json.loads(done.stdout.splitlines()[-1])
    assert seen == {"duckdb": [truth], "sqlite": [truth]}
    assert file_state(db) == before


def wal_closed(path: Path) -> Path:
    """A WAL-mode export its application closed cleanly: no ``-wal``, no ``-shm`` (checkpointed)."""
    return files.with_pragmas(path, "journal_mode=WAL")


def duckdb_files(src: object) -> set[str]:
    """The files the source's DuckDB connection has attached."""
    rows = src.connection.execute(  # type: ignore[attr-defined]
        "SELECT path FROM duckdb_databases() WHERE type = 'sqlite'"
    ).fetchall()
    return {str(Path(path).resolve()) for (path,) in rows}


@pytest.mark.parametrize("build", [files.wal_uncommitted_to_main, wal_closed], ids=["frames", "closed"])
def test_a_wal_export_is_read_from_a_snapshot_copy_duckdb_alone_opens(
    tmp_path: Path, build: Callable[[Path], Path]
) -> None:
    db = build(tmp_path / "export.db")
    # Any reader of a closed WAL export leaves an empty -wal beside it (SQLite's, Python's too): read first.
    truth = sqlite_rows(db)
    before = file_state(db)
    copies = tmp_path / "copies"
    copies.mkdir()
    with shared_copy(db, copies), open_source(db) as src:
        assert src.read_as_snapshot
        copy = src.read_path
        assert copy.parent == copies and copy != db
        src.attachments(2)  # the split scans' attachments read the copy too
        assert duckdb_files(src) == {str(copy.resolve())}
        with open(copy, "rb") as handle:
            assert handle.read(20)[18] == 1  # a rollback-journal file: no -shm for any reader to map
        read = {name: sum(batch.num_rows for batch in src.iter_batches(name)) for name in src.tables}
        assert not Path(f"{copy}-shm").exists() and not Path(f"{copy}-wal").exists()
    assert read == {name: len(rows) for name, rows in truth.items()}
    assert list(copies.iterdir()) == []  # removed when the block and its last reader ended
    assert file_state(db) == before


def test_an_export_in_rollback_journal_mode_is_attached_as_it_is(tmp_path: Path) -> None:
    db = files.with_pragmas(tmp_path / "export.db", "journal_mode=DELETE")
    with open_source(db) as src:
        assert (src.read_as_snapshot, src.private_copy, src.read_path) == (False, None, db)
        assert duckdb_files(src) == {str(db.resolve())}


def test_the_preflight_says_a_wal_export_is_read_from_a_snapshot(tmp_path: Path, pg_uri: str) -> None:
    db = files.wal_uncommitted_to_main(tmp_path / "export.db")
    settings = load_settings(
        backup_dir=tmp_path / "backups", runs_dir=tmp_path / "runs", min_memory_gb=0, fail_memory_gb=0
    )
    readable = preflight(db, settings=settings, target=pg_uri).check("source_readable")
    assert readable.status == "pass"
    assert readable.message == (
        "2 tables, 160 rows, "
        f"{db.stat().st_size / 1e6:,.1f} MB; in WAL mode: DuckDB reads a private snapshot copy of its "
        "file and -wal (the export itself is unchanged)"
    )


def test_no_room_for_a_wal_exports_snapshot_says_why_one_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = files.wal_uncommitted_to_main(tmp_path / "export.db")
    before = file_state(db)
    monkeypatch.setattr(private_copy, "FREE_SPACE_RESERVE", 1 << 60)  # more than any disk has free
    with pytest.raises(SourceError) as info:
        open_source(db)
    message = str(info.value)
    assert message.startswith(f"file {db}: the export is in WAL mode, and DuckDB's SQLite reads such a file")
    assert "there is no room for the private copy it would read instead" in message
    assert "hint: free some space there" in message
    assert file_state(db) == before
