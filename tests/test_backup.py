"""Backups of the source (SQLite online backup API) and of target schemas (real pg_dump / pg_restore)."""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import shutil
import sqlite3
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit, urlunsplit

import pyarrow as pa
import pytest
from typer.testing import CliRunner

from columnar_etl.backups import (
    backup_target,
    create_backup,
    list_backups,
    parse_age,
    prune_backups,
    restore_backup,
    restore_target,
    verify_backup,
)
from columnar_etl.backups import sqlite_backup as sqlite_backup_module
from columnar_etl.backups.manifest import BackupManifest
from columnar_etl.cli import app
from columnar_etl.config import Settings, load_settings
from columnar_etl.errors import BackupError, SourceError, UsageError
from columnar_etl.loading.adbc import copy_tables_atomically
from columnar_etl.pg.identifiers import quote_ident
from columnar_etl.pg.tools import _feed, find_pg_tool, libpq_invocation, restore_as_script
from columnar_etl.source.identity import source_state

from .conftest import SqliteFactory, pg_query, uri_with_database

runner = CliRunner()
DAMAGED_HINT = "the backup is damaged or was changed; use another one (columnar-etl backup list)"


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return load_settings(backup_dir=tmp_path / "backups", sqlite_busy_timeout=0.1)


@pytest.fixture
def export(make_sqlite: SqliteFactory) -> Path:
    return make_sqlite(
        {
            "tickets": (
                'CREATE TABLE tickets (id INTEGER, "TKT-Created Time" TIMESTAMP)',
                [(i, f"{i % 28 + 1}/05/2025 8:42") for i in range(50)],
            ),
            "comments": (
                "CREATE TABLE comments (id INTEGER, body TEXT)",
                [(i, "x" * 100) for i in range(200)],
            ),
        }
    )


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def rows_of(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    con = sqlite3.connect(path)
    try:
        names = [
            r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        ]
        return {
            name: con.execute(f"SELECT * FROM {quote_ident(name)} ORDER BY rowid").fetchall()
            for name in names
        }
    finally:
        con.close()


def flip_one_byte(path: Path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x01
    path.write_bytes(bytes(data))


# --- source backups ---------------------------------------------------------------------------------


def test_create_writes_the_copy_a_sha256sum_sidecar_and_a_manifest(export: Path, settings: Settings) -> None:
    before = (sha256(export), export.stat().st_mtime_ns)
    result = create_backup(export, settings=settings)
    path = result.path
    assert path.parent == settings.backup_dir
    assert re.fullmatch(r"export\.db\.\d{8}_\d{6}", path.name)
    assert path.name.endswith(result.manifest.created_utc.strftime("%Y%m%d_%H%M%S"))
    digest = sha256(path)
    assert (path.parent / f"{path.name}.sha256").read_text() == f"{digest}  {path.name}\n"
    manifest = json.loads((path.parent / f"{path.name}.json").read_text())
    assert manifest["kind"] == "sqlite"
    assert manifest["sha256"] == digest
    assert manifest["size"] == path.stat().st_size
    assert manifest["origin"] == str(export.resolve())
    assert manifest["tables"] == {"tickets": {"rows": 50}, "comments": {"rows": 200}}
    assert rows_of(path) == rows_of(export)
    assert (sha256(export), export.stat().st_mtime_ns) == before  # the source is never written
    assert json.loads(json.dumps(result.to_dict()))["sha256"] == digest  # run records store this
    assert not list(settings.backup_dir.glob(".*"))  # no temp file left behind


def test_a_copy_of_the_export_in_the_state_its_digest_was_taken_in_is_not_hashed_again(
    export: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    hashed: list[Path] = []
    hash_file = sqlite_backup_module.file_checksum

    def counted(path: Any, algorithm: str = "sha256") -> str:
        hashed.append(Path(path))
        return hash_file(path, algorithm)

    monkeypatch.setattr(sqlite_backup_module, "file_checksum", counted)
    known = (source_state(export), sha256(export))
    result = create_backup(export, settings=settings, known=known)
    assert hashed == []  # the run's identity of the export is the copy's digest
    assert result.manifest.sha256 == sha256(result.path) == known[1]
    assert verify_backup(result.path).ok

    # Written to since its digest was taken: the copy is hashed, and its digest is the new bytes'.
    with sqlite3.connect(export) as con:
        con.execute("INSERT INTO tickets (id) VALUES (10001)")
    con.close()
    changed = create_backup(export, settings=settings, known=known)
    assert len(hashed) == 1 and hashed[0].parent == settings.backup_dir
    assert changed.manifest.sha256 == sha256(changed.path) != known[1]
    assert verify_backup(changed.path).ok


def test_backups_in_the_same_second_never_overwrite(
    export: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    frozen = datetime(2025, 5, 20, 8, 42, 0, tzinfo=UTC)

    class FrozenClock(datetime):
        @classmethod
        def now(cls, tz: Any = None) -> Any:
            return frozen

    monkeypatch.setattr(sqlite_backup_module, "datetime", FrozenClock)
    names = [create_backup(export, settings=settings).path.name for _ in range(3)]
    assert names == [
        "export.db.20250520_084200",
        "export.db.20250520_084200_1",
        "export.db.20250520_084200_2",
    ]
    assert all(verify_backup(settings.backup_dir / name).ok for name in names)


def test_a_backup_while_a_writer_is_active_is_the_last_commit(export: Path, settings: Settings) -> None:
    writer = sqlite3.connect(export, isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("INSERT INTO comments VALUES (999, 'not committed yet')")
        result = create_backup(export, settings=settings)
        writer.execute("COMMIT")
    finally:
        writer.close()
    assert result.manifest.tables["comments"] == {"rows": 200}
    assert len(rows_of(result.path)["comments"]) == 200
    assert len(rows_of(export)["comments"]) == 201
    assert verify_backup(result.path).ok


def test_a_byte_copy_holds_the_read_lock_so_no_writer_commits_during_it(
    export: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_copy = sqlite_backup_module.shutil.copyfile
    refused: list[str] = []

    def copy_while_a_writer_tries(source: Any, destination: Any) -> Any:
        # A writer trying to commit in the middle of the copy must wait for the backup's read lock.
        writer = sqlite3.connect(export, timeout=0.05, isolation_level=None)
        try:
            writer.execute("BEGIN IMMEDIATE")
            writer.execute("INSERT INTO comments VALUES (999, 'written during the copy')")
            try:
                writer.execute("COMMIT")
            except sqlite3.OperationalError as exc:
                refused.append(str(exc))
                writer.execute("ROLLBACK")
        finally:
            writer.close()
        return real_copy(source, destination)

    monkeypatch.setattr(sqlite_backup_module.shutil, "copyfile", copy_while_a_writer_tries)
    result = create_backup(export, settings=settings)
    assert refused == ["database is locked"]
    assert result.manifest.tables["comments"] == {"rows": 200}
    assert sha256(result.path) == sha256(export)  # the file's bytes, as committed
    # The lock is released with the copy: the writer commits now.
    with sqlite3.connect(export) as writer:
        writer.execute("INSERT INTO comments VALUES (999, 'after the copy')")
    assert len(rows_of(export)["comments"]) == 201


def test_a_wal_database_is_copied_with_its_last_commits(
    make_sqlite: SqliteFactory, settings: Settings
) -> None:
    path = make_sqlite({"t": ("CREATE TABLE t (x INTEGER)", [(1,), (2,)])}, name="wal.db")
    holder = sqlite3.connect(path)  # kept open: its commits stay in the -wal file, not checkpointed
    holder.execute("PRAGMA journal_mode=WAL")
    holder.execute("INSERT INTO t VALUES (3)")
    holder.commit()
    try:
        assert Path(f"{path}-wal").stat().st_size > 0
        result = create_backup(path, settings=settings)
    finally:
        holder.close()
    assert result.manifest.tables["t"] == {"rows": 3}
    assert sorted(rows_of(result.path)["t"]) == [(1,), (2,), (3,)]


def test_an_exclusive_lock_makes_the_backup_fail_after_the_busy_timeout(
    export: Path, settings: Settings
) -> None:
    writer = sqlite3.connect(export, isolation_level=None)
    try:
        writer.execute("BEGIN EXCLUSIVE")
        with pytest.raises(BackupError) as info:
            create_backup(export, settings=settings)
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert str(info.value) == (
        f"file {export}: the SQLite file is locked by another process: a writer held it for more than 0.1 s "
        "(hint: retry when the program writing the export has finished, or raise sqlite_busy_timeout)"
    )
    assert list(settings.backup_dir.iterdir()) == []


def test_backup_of_a_file_that_is_not_sqlite(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "export.db"
    path.write_text("id,name\n")
    with pytest.raises(SourceError, match=r"not a SQLite database \(bad file header: a text file\)"):
        create_backup(path, settings=settings)
    with pytest.raises(SourceError, match="source file not found"):
        create_backup(tmp_path / "missing.db", settings=settings)


def test_verify_reports_every_step(export: Path, settings: Settings) -> None:
    backup = create_backup(export, settings=settings).path
    result = verify_backup(backup)
    assert result.ok
    assert [(step.name, step.ok) for step in result.steps] == [
        ("manifest", True),
        ("size", True),
        ("checksum", True),
        ("integrity", True),
        ("tables", True),
    ]
    assert result.steps[-1].detail == "2 tables, 250 rows as recorded"


def test_one_corrupt_byte_fails_verify_and_restore_refuses_it(
    export: Path, settings: Settings, tmp_path: Path
) -> None:
    backup = create_backup(export, settings=settings).path
    recorded = sha256(backup)
    flip_one_byte(backup, backup.stat().st_size - 10)  # inside a data page: SQLite itself may not notice
    result = verify_backup(backup)
    assert not result.ok
    assert result.problems == [
        f"checksum mismatch: the file's sha256 is {sha256(backup)[:16]}…, "
        f"the manifest records {recorded[:16]}…"
    ]
    destination = tmp_path / "restored.db"
    with pytest.raises(BackupError) as info:
        restore_backup(backup, destination)
    assert str(info.value) == (
        f"file {backup}: refusing to restore a backup that fails verification: checksum mismatch: "
        f"the file's sha256 is {sha256(backup)[:16]}…, the manifest records {recorded[:16]}… "
        f"(hint: {DAMAGED_HINT})"
    )
    assert not destination.exists()

    cli = runner.invoke(app, ["backup", "verify", str(backup)])
    assert cli.exit_code == 1
    assert cli.stderr.startswith(
        f"error: file {backup}: the backup fails verification: checksum mismatch: the file's sha256 is "
    )
    # With --json it exited 1 with no line on stderr and no outcome in the object (every other non-zero
    # --json object carries it).
    as_json = runner.invoke(app, ["backup", "verify", str(backup), "--json"])
    assert as_json.exit_code == 1
    printed = json.loads(as_json.stdout)
    assert (printed["outcome"], printed["exit_code"], printed["ok"]) == ("failed", 1, False)
    assert as_json.stderr == cli.stderr and len(cli.stderr.splitlines()) == 1


def test_a_damaged_page_also_fails_the_integrity_check(export: Path, settings: Settings) -> None:
    backup = create_backup(export, settings=settings).path
    flip_one_byte(backup, 4096 + 3)  # the cell count of page 2, a b-tree page
    problems = verify_backup(backup).problems
    assert problems[0].startswith("checksum mismatch: ")
    assert any(problem.startswith("PRAGMA integrity_check: ") for problem in problems[1:]), problems


def test_a_changed_row_count_is_named(export: Path, settings: Settings) -> None:
    backup = create_backup(export, settings=settings).path
    manifest_path = backup.parent / f"{backup.name}.json"
    manifest = json.loads(manifest_path.read_text())
    manifest["tables"]["comments"]["rows"] = 201
    manifest["tables"]["gone"] = {"rows": 1}
    manifest_path.write_text(json.dumps(manifest))
    assert verify_backup(backup).problems == [
        "tables differ from the manifest: comments has 200 rows, the manifest records 201; "
        "table gone is missing"
    ]


def test_a_backup_without_manifest_does_not_verify(export: Path, settings: Settings) -> None:
    backup = create_backup(export, settings=settings).path
    (backup.parent / f"{backup.name}.json").unlink()
    result = verify_backup(backup)
    assert result.problems == [f"no manifest {backup.name}.json next to the backup"]
    with pytest.raises(BackupError, match="backup file not found"):
        verify_backup(backup.parent / "nope")


def test_restore_gives_identical_tables_and_checksum(
    export: Path, settings: Settings, tmp_path: Path
) -> None:
    backup = create_backup(export, settings=settings)
    destination = tmp_path / "restored" / "export.db"
    result = restore_backup(backup.path, destination)
    assert sha256(destination) == backup.manifest.sha256 == result.sha256
    assert rows_of(destination) == rows_of(export)
    assert result.to_dict()["tables"] == {"tickets": 50, "comments": 200}
    assert result.replaced is False


def test_restore_never_overwrites_without_force(export: Path, settings: Settings, tmp_path: Path) -> None:
    backup = create_backup(export, settings=settings).path
    destination = tmp_path / "existing.db"
    destination.write_bytes(b"precious")
    with pytest.raises(BackupError) as info:
        restore_backup(backup, destination)
    assert str(info.value) == (
        f"file {destination}: the restore destination exists already "
        "(hint: pass --force to replace it, or choose another path)"
    )
    assert destination.read_bytes() == b"precious"
    # A stale journal of the replaced file would be applied to the restored one: --force removes it.
    journal = destination.with_name("existing.db-journal")
    journal.write_bytes(b"stale")
    result = restore_backup(backup, destination, force=True)
    assert result.replaced is True
    assert sha256(destination) == sha256(backup)
    assert not journal.exists()


def test_cli_create_list_restore(export: Path, tmp_path: Path) -> None:
    backups = tmp_path / "bk"
    created = runner.invoke(app, ["backup", "create", str(export), "--dir", str(backups), "--json"])
    assert created.exit_code == 0, created.output
    path = Path(json.loads(created.stdout)["path"])
    (backups / "export.db.20200101_000000").write_bytes(b"no manifest")
    listed = runner.invoke(app, ["backup", "list", "--dir", str(backups), "--verify", "--json"])
    assert listed.exit_code == 0, listed.output
    data = json.loads(listed.stdout)
    assert [(entry["path"], entry["ok"], entry["rows"]) for entry in data["backups"]] == [
        (str(path), True, 250)
    ]
    assert data["incomplete"] == [str(backups / "export.db.20200101_000000")]
    restored = tmp_path / "restored.db"
    done = runner.invoke(app, ["backup", "restore", str(path), "--to", str(restored)])
    assert done.exit_code == 0, done.output
    assert sha256(restored) == sha256(path)
    again = runner.invoke(app, ["backup", "restore", str(path), "--to", str(restored)])
    assert again.exit_code == 1
    assert "the restore destination exists already (hint: pass --force" in again.stderr


# --- retention --------------------------------------------------------------------------------------


def backdate(backup: Path, created: datetime) -> None:
    """Set the creation time the manifest records (what retention goes by)."""
    manifest_path = backup.parent / f"{backup.name}.json"
    manifest = json.loads(manifest_path.read_text())
    manifest["created_utc"] = created.isoformat()
    manifest_path.write_text(json.dumps(manifest))


def files_of(backup: Path) -> list[Path]:
    return [backup, backup.parent / f"{backup.name}.sha256", backup.parent / f"{backup.name}.json"]


def test_prune_removes_only_expired_backups(export: Path, settings: Settings) -> None:
    now = datetime(2025, 6, 1, tzinfo=UTC)
    backups = [create_backup(export, settings=settings).path for _ in range(4)]
    ages = [timedelta(days=40), timedelta(days=30, seconds=1), timedelta(days=30), timedelta(days=10)]
    for backup, age in zip(backups, ages, strict=True):
        backdate(backup, now - age)
    result = prune_backups(older_than="30d", now=now, settings=settings)
    assert result.removed == backups[:2]  # strictly older than the cutoff
    assert sorted(result.kept) == sorted(backups[2:])  # exactly at the cutoff is not expired
    assert result.newest_good == {f"sqlite:{export.resolve()}": backups[3]}
    assert not any(path.exists() for backup in backups[:2] for path in files_of(backup))
    assert all(path.exists() for backup in backups[2:] for path in files_of(backup))


def test_prune_keeps_the_newest_good_backup_however_old(export: Path, settings: Settings) -> None:
    now = datetime(2025, 6, 1, tzinfo=UTC)
    old, older_good, newest_bad = (create_backup(export, settings=settings).path for _ in range(3))
    for backup, days in ((old, 90), (older_good, 80), (newest_bad, 70)):
        backdate(backup, now - timedelta(days=days))
    flip_one_byte(newest_bad, 200)
    sizes = old.stat().st_size + newest_bad.stat().st_size
    dry = prune_backups(older_than=timedelta(days=30), now=now, dry_run=True, settings=settings)
    assert (dry.removed, dry.kept) == ([old, newest_bad], [older_good])
    assert newest_bad.exists()  # a dry run deletes nothing
    result = prune_backups(now=now, settings=settings)  # retention_days = 30 by default
    assert result.kept == [older_good]
    assert result.removed == [old, newest_bad]
    assert result.freed_bytes == sizes
    assert [entry.manifest.path for entry in list_backups(settings=settings).backups] == [older_good]


def test_prune_keeps_backups_of_each_source_separately(
    make_sqlite: SqliteFactory, settings: Settings
) -> None:
    now = datetime(2025, 6, 1, tzinfo=UTC)
    a = make_sqlite({"t": ("CREATE TABLE t (x)", [(1,)])}, name="a.db")
    b = make_sqlite({"t": ("CREATE TABLE t (x)", [(1,)])}, name="b.db")
    backups = [create_backup(path, settings=settings).path for path in (a, a, b)]
    for days, backup in zip((100, 99, 98), backups, strict=True):
        backdate(backup, now - timedelta(days=days))
    result = prune_backups(now=now, settings=settings)
    assert result.removed == [backups[0]]
    assert sorted(result.kept) == sorted(backups[1:])


def test_cli_prune(export: Path, tmp_path: Path) -> None:
    backups = tmp_path / "bk"
    settings = load_settings(backup_dir=backups)
    first, second = (create_backup(export, settings=settings).path for _ in range(2))
    backdate(first, datetime.now(UTC) - timedelta(days=31))
    backdate(second, datetime.now(UTC) - timedelta(days=31))
    result = runner.invoke(app, ["backup", "prune", "--older-than", "30d", "--dir", str(backups)])
    assert result.exit_code == 0, result.output
    assert f"removed {first}" in result.stdout
    assert "removed 1 backup(s)" in result.stdout
    assert second.exists() and not first.exists()


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("30d", timedelta(days=30)),
        ("12h", timedelta(hours=12)),
        ("2w", timedelta(weeks=2)),
        ("7", timedelta(7)),
    ],
)
def test_parse_age(text: str, age: timedelta) -> None:
    assert parse_age(text) == age


def test_parse_age_refuses_nonsense() -> None:
    with pytest.raises(UsageError) as info:
        parse_age("a month")
    assert str(info.value) == "cannot read the age 'a month' (hint: write it like 30d, 12h or 2w)"


# --- target backups ---------------------------------------------------------------------------------

VERSION_SCHEMA = "servicedesk_v20250520_084200"


def load_version_schema(uri: str) -> None:
    """A loaded version schema: typed columns, names as the export wrote them."""
    tickets = pa.table(
        {
            "TKT-ID": pa.array(range(1, 1001), pa.int64()),
            "TKT-Created Time": pa.array(
                [datetime(2025, 5, 1) + timedelta(minutes=i) for i in range(1000)], pa.timestamp("us")
            ),
            "Hours": pa.array([i / 4 for i in range(1000)], pa.float64()),
            "Cost": pa.array([Decimal(i) / 100 for i in range(1000)], pa.decimal128(12, 2)),
            "Closed?": pa.array([i % 2 == 0 for i in range(1000)], pa.bool_()),
            "Subject": pa.array([f"printer {i}" if i % 7 else None for i in range(1000)], pa.string()),
        }
    )
    comments = pa.table({"id": pa.array(range(300), pa.int32()), "body": pa.array(["ok"] * 300)})
    copy_tables_atomically(uri, VERSION_SCHEMA, {"tickets": tickets, "comments": comments})


def schema_shape(uri: str, schema: str) -> dict[str, Any]:
    columns = pg_query(
        uri,
        "SELECT table_name, column_name, data_type, numeric_precision, numeric_scale "
        f"FROM information_schema.columns WHERE table_schema = '{schema}' "
        "ORDER BY table_name, ordinal_position",
    )
    counts = {
        table: pg_query(uri, f"SELECT count(*) FROM {quote_ident(schema)}.{quote_ident(table)}")[0][0]
        for table in ("tickets", "comments")
    }
    digest = pg_query(
        uri, f"SELECT md5(string_agg(t::text, '|' ORDER BY \"TKT-ID\")) FROM {schema}.tickets t"
    )
    return {"columns": columns, "counts": counts, "tickets_md5": digest[0][0]}


def test_pg_dump_drop_pg_restore_round_trip(pg_uri: str, settings: Settings) -> None:
    load_version_schema(pg_uri)
    before = schema_shape(pg_uri, VERSION_SCHEMA)
    assert before["counts"] == {"tickets": 1000, "comments": 300}

    backup = backup_target(VERSION_SCHEMA, uri=pg_uri, settings=settings)
    database = pg_uri.split("?")[0].rsplit("/", 1)[1]
    assert re.fullmatch(rf"{database}\.{VERSION_SCHEMA}\.\d{{8}}_\d{{6}}\.dump", backup.path.name)
    assert (backup.path.parent / f"{backup.path.name}.sha256").read_text() == (
        f"{sha256(backup.path)}  {backup.path.name}\n"
    )
    manifest = backup.manifest
    assert manifest.kind == "pg_dump"
    assert manifest.tables["tickets"]["rows"] == 1000
    assert manifest.tables["tickets"]["columns"][:2] == [
        ["TKT-ID", "bigint"],
        ["TKT-Created Time", "timestamp without time zone"],
    ]
    assert manifest.extra["schema"] == VERSION_SCHEMA
    assert backup.path.read_bytes()[:5] == b"PGDMP"  # the custom format
    assert verify_backup(backup.path, settings=settings).ok

    pg_query(pg_uri, f"DROP SCHEMA {VERSION_SCHEMA} CASCADE")
    restored = restore_target(backup.path, uri=pg_uri, settings=settings)
    assert schema_shape(pg_uri, VERSION_SCHEMA) == before
    assert restored.to_dict()["tables"] == manifest.tables
    assert restored.schema == VERSION_SCHEMA and restored.created_database is False


def test_restore_target_into_a_fresh_database(pg_uri: str, settings: Settings) -> None:
    load_version_schema(pg_uri)
    before = schema_shape(pg_uri, VERSION_SCHEMA)
    backup = backup_target(VERSION_SCHEMA, uri=pg_uri, settings=settings)
    fresh = f"restored_{backup.path.stat().st_ino}"
    try:
        result = restore_target(backup.path, uri=pg_uri, database=fresh, settings=settings)
        assert (result.database, result.created_database) == (fresh, True)
        assert schema_shape(uri_with_database(pg_uri, fresh), VERSION_SCHEMA) == before
    finally:
        pg_query(pg_uri, f"DROP DATABASE IF EXISTS {quote_ident(fresh)} WITH (FORCE)")


def test_restore_target_refuses_an_existing_schema(pg_uri: str, settings: Settings) -> None:
    load_version_schema(pg_uri)
    backup = backup_target(VERSION_SCHEMA, uri=pg_uri, settings=settings).path
    with pytest.raises(BackupError) as info:
        restore_target(backup, uri=pg_uri, settings=settings)
    assert info.value.message.startswith(f"schema '{VERSION_SCHEMA}' exists already in postgresql://")
    assert info.value.hint == "restore into a fresh database with --database NAME, or drop the schema first"


@pytest.mark.parametrize("into_database", [False, True])
def test_a_restore_interrupted_while_it_checks_what_it_restored_leaves_nothing(
    pg_uri: str, settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, into_database: bool
) -> None:
    # Fuzz (SIGTERM 0.65-0.78 s into `backup target-restore` of a 78K-row version): exit 1,
    # "interrupted: nothing live changed", but pg_restore had committed: the schema stayed, unchecked
    # against the manifest, and the next restore refused it ("exists already").
    from columnar_etl.backups import pg_backup

    load_version_schema(pg_uri)
    backup = backup_target(VERSION_SCHEMA, uri=pg_uri, settings=settings).path
    pg_query(pg_uri, f"DROP SCHEMA {VERSION_SCHEMA} CASCADE")
    real = pg_backup.describe_schema

    def interrupted(cursor: Any, schema: str) -> Any:
        raise KeyboardInterrupt  # as the signal's handler raises it, while the rows are counted

    monkeypatch.setattr(pg_backup, "describe_schema", interrupted)
    database = f"restored_{tmp_path.name[-8:]}".lower().replace("-", "_") if into_database else None
    with pytest.raises(KeyboardInterrupt):
        restore_target(backup, uri=pg_uri, database=database, settings=settings)
    assert pg_query(pg_uri, f"SELECT count(*) FROM pg_namespace WHERE nspname = '{VERSION_SCHEMA}'") == [(0,)]
    if database is not None:
        assert pg_query(pg_uri, f"SELECT count(*) FROM pg_database WHERE datname = '{database}'") == [(0,)]
    monkeypatch.setattr(pg_backup, "describe_schema", real)
    restored = restore_target(backup, uri=pg_uri, settings=settings)  # nothing in the way of the next one
    assert restored.tables["tickets"]["rows"] == 1000


def test_a_corrupt_dump_is_refused(pg_uri: str, settings: Settings) -> None:
    load_version_schema(pg_uri)
    backup = backup_target(VERSION_SCHEMA, uri=pg_uri, settings=settings).path
    flip_one_byte(backup, backup.stat().st_size // 2)
    pg_query(pg_uri, f"DROP SCHEMA {VERSION_SCHEMA} CASCADE")
    with pytest.raises(BackupError, match="refusing to restore a backup that fails verification: checksum"):
        restore_target(backup, uri=pg_uri, settings=settings)
    assert pg_query(pg_uri, f"SELECT count(*) FROM pg_namespace WHERE nspname = '{VERSION_SCHEMA}'") == [(0,)]


def test_dump_of_a_missing_schema(pg_uri: str, settings: Settings) -> None:
    with pytest.raises(BackupError) as info:
        backup_target("nope", uri=pg_uri, settings=settings)
    assert info.value.message.startswith("schema 'nope' does not exist in postgresql://")
    # The hint named `columnar-etl schemas`, a group that only prints its help (exit 64).
    assert info.value.hint == "columnar-etl schemas list shows the version schemas"


def test_a_schema_of_views_on_another_schema_is_not_dumped_as_if_it_could_be_restored(
    pg_uri: str, settings: Settings
) -> None:
    # Was: `backup target --schema servicedesk` (the stable schema, views on the live version) made a
    # dump of "0 tables, 0 rows" that `backup verify` passed and that no `backup target-restore` could
    # restore (pg_restore: relation "servicedesk_v….tickets" does not exist), not even into a fresh
    # database; `backup prune` could keep it as a database's newest good backup.
    load_version_schema(pg_uri)
    pg_query(pg_uri, "CREATE SCHEMA servicedesk")
    pg_query(pg_uri, f"CREATE VIEW servicedesk.tickets AS SELECT * FROM {VERSION_SCHEMA}.tickets")
    with pytest.raises(BackupError) as info:
        backup_target("servicedesk", uri=pg_uri, settings=settings)
    assert info.value.message == (
        f"schema 'servicedesk' holds no table, only views of the tables of {VERSION_SCHEMA}: "
        "a dump of it restores nowhere without them"
    )
    assert (
        info.value.hint == f"dump the schema they read: columnar-etl backup target --schema {VERSION_SCHEMA}"
    )
    assert not settings.backup_dir.exists() or not list(settings.backup_dir.iterdir())
    # An empty schema, and one holding tables, are dumped as before.
    pg_query(pg_uri, "CREATE SCHEMA nothing_yet")
    assert backup_target("nothing_yet", uri=pg_uri, settings=settings).manifest.tables == {}
    assert "tickets" in backup_target(VERSION_SCHEMA, uri=pg_uri, settings=settings).manifest.tables


def test_a_sqlite_backup_is_not_restored_into_postgres(export: Path, pg_uri: str, settings: Settings) -> None:
    backup = create_backup(export, settings=settings).path
    with pytest.raises(BackupError, match="this is a backup of a SQLite file, not of a target schema"):
        restore_target(backup, uri=pg_uri, settings=settings)


def test_cli_target_backup_and_restore(pg_uri: str, tmp_path: Path) -> None:
    load_version_schema(pg_uri)
    backups = tmp_path / "bk"
    made = runner.invoke(
        app,
        ["--target", pg_uri, "backup", "target", "--schema", VERSION_SCHEMA, "--dir", str(backups), "--json"],
    )
    assert made.exit_code == 0, made.output
    dump = json.loads(made.stdout)["path"]
    pg_query(pg_uri, f"DROP SCHEMA {VERSION_SCHEMA} CASCADE")
    restored = runner.invoke(app, ["--target", pg_uri, "backup", "target-restore", dump])
    assert restored.exit_code == 0, restored.output
    assert f"restored schema {VERSION_SCHEMA} into database " in restored.stdout
    assert pg_query(pg_uri, f"SELECT count(*) FROM {VERSION_SCHEMA}.tickets") == [(1000,)]


def test_cli_target_restore_into_a_database_whose_name_needs_quoting_in_a_uri(
    pg_uri: str, tmp_path: Path
) -> None:
    # Was exit 1 "cannot connect to postgresql://…/restored "q" …: unexpected spaces found": the
    # database was created, then named unencoded in the URI of the restore (and dropped again).
    load_version_schema(pg_uri)
    made = runner.invoke(
        app, ["--target", pg_uri, "backup", "target", "--schema", VERSION_SCHEMA, "--dir", str(tmp_path)]
    )
    assert made.exit_code == 0, made.output
    fresh = f'restored "q" {uuid.uuid4().hex[:6]} 1/2 #%20?'
    dump = next(tmp_path.glob("*.dump"))
    try:
        restored = runner.invoke(
            app, ["--target", pg_uri, "backup", "target-restore", str(dump), "--database", fresh]
        )
        assert restored.exit_code == 0, restored.output
        assert f"restored schema {VERSION_SCHEMA} into database {fresh}: " in restored.stdout
        there = urlunsplit(urlsplit(pg_uri)._replace(path="/" + quote(fresh, safe="")))
        assert pg_query(there, f"SELECT count(*) FROM {VERSION_SCHEMA}.tickets") == [(1000,)]
    finally:
        pg_query(pg_uri, f"DROP DATABASE IF EXISTS {quote_ident(fresh)} WITH (FORCE)")


def test_the_password_travels_in_the_environment_not_the_command_line() -> None:
    uri, env = libpq_invocation("postgresql://loader:s3cr%40t@db.example:5433/sd?sslmode=require")
    assert uri == "postgresql://loader@db.example:5433/sd?sslmode=require"
    assert env["PGPASSWORD"] == "s3cr@t"
    uri, env = libpq_invocation("postgresql://loader@db/sd?password=hunter2&sslmode=require")
    assert uri == "postgresql://loader@db/sd?sslmode=require"
    assert env["PGPASSWORD"] == "hunter2"
    uri, _ = libpq_invocation("postgresql://postgres:@/postgres?host=/tmp/pg")
    assert uri == "postgresql://postgres@/postgres?host=/tmp/pg"


def test_manifest_round_trips(export: Path, settings: Settings) -> None:
    made = create_backup(export, settings=settings).manifest
    read = BackupManifest.read(made.path)
    assert read.to_dict() == made.to_dict()


def test_backup_create_refuses_a_bad_source_as_every_command_does(tmp_path: Path, export: Path) -> None:
    # It said "source file not found" for a directory, "bad file header" for an empty file, and
    # "error: DatabaseError: database disk image is malformed (hint: run again with --debug ...)" for a
    # damaged one (truncated or a page overwritten), where the other commands name the file and say why.
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    folder = tmp_path / "folder.db"
    folder.mkdir()
    truncated = tmp_path / "truncated.db"
    truncated.write_bytes(export.read_bytes()[:4096])
    damaged = tmp_path / "damaged.db"
    data = bytearray(export.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    assert len(data) >= 2 * page_size  # a second page to damage
    data[page_size : page_size + 200] = b"\xff" * 200
    damaged.write_bytes(bytes(data))
    backups = tmp_path / "backups"
    expected = {
        empty: "source file is empty (0 bytes) (hint: the export did not finish?)",
        folder: "source is a directory, not a SQLite file (hint: give the path of the export file)",
        truncated: "SQLite file is truncated: ",
        damaged: "cannot copy the SQLite file: database disk image is malformed "
        "(hint: check the file with columnar-etl preflight)",
    }
    for source, said in expected.items():
        result = runner.invoke(app, ["backup", "create", str(source), "--dir", str(backups)])
        assert result.exit_code == 1, result.output
        assert result.stderr.startswith(f"error: file {source}: {said}"), result.stderr
        assert len(result.stderr.splitlines()) == 1
    assert not backups.exists() or list(backups.iterdir()) == []


def _restore_script(dump: Path, settings: Settings) -> bytes:
    """The script pg_restore writes for ``dump`` (the test's own reading of it)."""
    tool = find_pg_tool("pg_restore", bin_dir=settings.pg_bin_dir)
    return subprocess.run([str(tool.path), "--file=-", str(dump)], capture_output=True, check=True).stdout


def test_a_restore_as_a_script_drops_only_the_opening_sets_the_server_does_not_know(
    pg_uri: str, settings: Settings
) -> None:
    # The way a dump is restored into a server older than pg_restore (see the next test): the script,
    # less `SET transaction_timeout = 0;` when the server does not know the parameter, into psql.
    load_version_schema(pg_uri)
    before = schema_shape(pg_uri, VERSION_SCHEMA)
    dump = backup_target(VERSION_SCHEMA, uri=pg_uri, settings=settings).path
    script = _restore_script(dump, settings)
    known = frozenset(str(name) for (name,) in pg_query(pg_uri, "SELECT name FROM pg_settings"))
    unset = b"SET transaction_timeout = 0;\n"
    assert unset in script.splitlines(keepends=True)  # pg_restore 17 and later write it
    fed = io.BytesIO()
    _feed(io.BytesIO(script), fed, known - {"transaction_timeout"})  # a server of 16 or older
    assert fed.getvalue() == b"".join(line for line in script.splitlines(keepends=True) if line != unset)
    fed = io.BytesIO()
    _feed(io.BytesIO(script), fed, known | {"transaction_timeout"})  # one of 17 or later
    assert fed.getvalue() == script

    tool = find_pg_tool("pg_restore", bin_dir=settings.pg_bin_dir)
    dbname, env = libpq_invocation(pg_uri)
    hint = "nothing was restored"
    # The schema is there: psql stops at the first error, and its one transaction leaves it as it was.
    with pytest.raises(BackupError, match=rf'^psql failed: .*schema "{VERSION_SCHEMA}" already exists'):
        restore_as_script(tool, dump, dbname=dbname, env=env, known=known, hint=hint)
    assert schema_shape(pg_uri, VERSION_SCHEMA) == before
    pg_query(pg_uri, f"DROP SCHEMA {VERSION_SCHEMA} CASCADE")
    restore_as_script(tool, dump, dbname=dbname, env=env, known=known, hint=hint)
    assert schema_shape(pg_uri, VERSION_SCHEMA) == before


def _older_postgres() -> Path | None:
    """The bin directory of a PostgreSQL server older than 17 installed on this machine (Debian's
    /usr/lib/postgresql/N/bin), or None."""
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda path: path.parent.parent.name)
    older = [
        path.parent
        for path in found
        if path.parent.parent.name.isdigit() and int(path.parent.parent.name) < 17
    ]
    return older[-1] if older else None


@pytest.fixture
def older_server_uri() -> Iterator[str]:
    """A PostgreSQL server older than 17 (older than the embedded server's pg_dump and pg_restore),
    made for the test in a directory of its own and removed after; skipped where none is installed."""
    bin_dir = _older_postgres()
    if bin_dir is None:
        pytest.skip("no PostgreSQL server older than 17 installed (Debian: apt-get install postgresql-15)")
    here = Path(tempfile.mkdtemp(prefix="columnar_etl_old_pg_"))
    here.chmod(0o777)
    as_user = ["runuser", "-u", "pgserver", "--"] if os.geteuid() == 0 else []
    port = 5400 + uuid.uuid4().int % 500
    data = here / "data"
    try:
        subprocess.run(
            [
                *as_user,
                str(bin_dir / "initdb"),
                "-D",
                str(data),
                "-U",
                "postgres",
                "-A",
                "trust",
                "-E",
                "UTF8",
            ],
            capture_output=True,
            check=True,
        )
        subprocess.run(
            [
                *as_user,
                str(bin_dir / "pg_ctl"),
                "-D",
                str(data),
                "-o",
                f"-k {data} -c listen_addresses='' -p {port}",
                "-l",
                str(here / "log"),
                "-w",
                "start",
            ],
            capture_output=True,
            check=True,
        )
        yield f"postgresql://postgres@/postgres?host={data}&port={port}"
    finally:
        subprocess.run(
            [*as_user, str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
            capture_output=True,
        )
        shutil.rmtree(here, ignore_errors=True)


def test_a_dump_restores_into_a_server_older_than_pg_restore(
    older_server_uri: str, settings: Settings
) -> None:
    # Was: "pg_restore failed: ... unrecognized configuration parameter "transaction_timeout"": the
    # embedded server's pg_restore 18 sets it first thing, and PostgreSQL 16 and older do not know it,
    # so no version dumped from such a target could be restored (the rollback of last resort).
    load_version_schema(older_server_uri)
    before = schema_shape(older_server_uri, VERSION_SCHEMA)
    dump = backup_target(VERSION_SCHEMA, uri=older_server_uri, settings=settings).path
    pg_query(older_server_uri, f"DROP SCHEMA {VERSION_SCHEMA} CASCADE")
    restored = restore_target(dump, uri=older_server_uri, settings=settings)
    assert schema_shape(older_server_uri, VERSION_SCHEMA) == before
    assert restored.to_dict()["tables"] == BackupManifest.read(dump).tables


@pytest.fixture
def read_only_dir(tmp_path: Path) -> Iterator[Path]:
    """A directory on a read-only mount (a bind mount of itself, ``ro``): a file system that refuses
    every write, as a full or read-only disk does. Needs the right to mount (root in a container)."""
    directory = tmp_path / "read_only"
    directory.mkdir()
    mounted = subprocess.run(
        ["mount", "--bind", "-o", "ro", str(directory), str(directory)], capture_output=True, check=False
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a read-only directory here: {mounted.stderr.decode().strip()}")
    try:
        yield directory
    finally:
        subprocess.run(["umount", str(directory)], capture_output=True, check=True)


def test_a_backup_or_restore_into_a_read_only_directory_says_so_and_names_it(
    export: Path, settings: Settings, read_only_dir: Path, pg_uri: str, tmp_path: Path
) -> None:
    # On a read-only file system even the unlink of a missing partial file fails (EROFS): the cleanup in
    # `finally` replaced the write's own error with "OSError: [Errno 30] Read-only file system:
    # '.../.export.db.<owner>.partial' (hint: run again with --debug for the traceback)"; and pg_dump's
    # "could not open output file" was hinted as the schema's permissions or a lock.
    with pytest.raises(BackupError) as made:
        create_backup(export, settings=settings, backup_dir=read_only_dir)
    assert made.value.message == "cannot write the backup in this directory: Read-only file system"
    assert made.value.path == str(read_only_dir)
    created = runner.invoke(app, ["backup", "create", str(export), "--dir", str(read_only_dir)])
    assert created.exit_code == 1
    assert created.stderr == (
        f"error: file {read_only_dir}: cannot write the backup in this directory: Read-only file system "
        "(hint: set backup_dir to a directory this user can write (setting backup_dir))\n"
    )
    good = create_backup(export, settings=settings)
    with pytest.raises(BackupError) as restored:
        restore_backup(good.path, read_only_dir / "again.db")
    assert restored.value.message == "cannot write the restored file: Read-only file system"
    assert restored.value.path == str(read_only_dir)
    pg_query(pg_uri, "CREATE SCHEMA kept")
    pg_query(pg_uri, "CREATE TABLE kept.t AS SELECT 1 AS x")
    dumped = runner.invoke(
        app, ["--target", pg_uri, "backup", "target", "--schema", "kept", "--dir", str(read_only_dir)]
    )
    assert dumped.exit_code == 1
    (line,) = dumped.stderr.splitlines()
    assert "could not open output file" in line and "Read-only file system" in line, line
    assert line.endswith(
        "(hint: the backup directory refuses the dump's file (read-only, full, or not this user's): set "
        "backup_dir to a directory this user can write, with room)"
    ), line
    assert list(read_only_dir.iterdir()) == []
