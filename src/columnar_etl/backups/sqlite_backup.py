"""Copies of the SQLite source, made under SQLite's own locking, and their restore.

A database in rollback-journal mode (the usual export) is copied byte for byte while a read
transaction holds its SHARED lock, under which no writer can change the file: the copy is the last
commit. A WAL-mode database, or one with a journal beside it, goes through SQLite's online backup API
instead, which copies page by page under one read transaction (a plain file copy of a file being
written can tear). The source is opened ``mode=ro``: it is never written. A finished copy is
fsynced, checksummed, and only then given its final name (``<source name>.<YYYYMMDD_HHMMSS>`` in UTC),
so a crash never leaves a half-written file under a backup's name.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from columnar_etl.atomic import fsync_file
from columnar_etl.backups.manifest import (
    BackupManifest,
    BackupResult,
    cannot_write,
    partial_path,
    publish_unique,
    remove_partial,
)
from columnar_etl.backups.verify import sqlite_row_counts, verify_backup
from columnar_etl.config import Settings, load_settings
from columnar_etl.errors import BackupError, SourceError
from columnar_etl.source.identity import SourceState, file_checksum, source_state
from columnar_etl.source.side_files import export_bytes, file_state_error, side_file
from columnar_etl.source.sqlite_file import check_file, locked_error


class _WriterHoldsLock(Exception):
    """Raised from the backup progress callback to abandon a copy blocked by an exclusive lock."""


def create_backup(
    source: str | Path,
    *,
    backup_dir: str | Path | None = None,
    settings: Settings | None = None,
    known: tuple[SourceState, str] | None = None,
) -> BackupResult:
    """Copy the SQLite ``source`` to ``<backup_dir>/<name>.<YYYYMMDD_HHMMSS>`` with sha256 and manifest.

    ``backup_dir`` defaults to ``settings.backup_dir``. Two backups in the same second get ``_1``,
    ``_2`` ... suffixes, never overwriting. A writer holding an exclusive lock for longer than
    ``settings.sqlite_busy_timeout`` makes this fail; one holding an ordinary write transaction does not
    (the copy is the last committed state).

    ``known``: the export's state (:func:`~columnar_etl.source.identity.source_state`) and the sha256
    of its bytes in that state (a run's identity of it, taken just before). A byte copy made while the
    export is still in that state (looked at under SQLite's lock, as a load's commit looks before it
    commits) holds those bytes: that digest is the copy's, and the copy is not read back to hash it
    again (the wide bench export: 91 MB, ~0.05 s of CPU). Otherwise the copy is hashed.
    """
    started = time.perf_counter()
    settings = settings or load_settings()
    source = Path(source)
    directory = Path(backup_dir) if backup_dir is not None else settings.backup_dir
    _check_source(source)
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise cannot_write(directory, exc) from exc
    size = export_bytes(source)  # the copy holds the -wal's committed pages too
    free = shutil.disk_usage(directory).free
    if free < size:
        raise BackupError(
            f"not enough free disk for the backup: {free:,} bytes free, the source has {size:,} "
            "(with its -wal)",
            path=directory,
            hint="free some space or set backup_dir to another disk",
        )
    created = datetime.now(UTC)
    tmp = partial_path(directory, source.name)
    try:
        try:
            state = known[0] if known is not None else None
            copied = _copy_file_under_read_lock(
                source, tmp, busy_timeout=settings.sqlite_busy_timeout, state=state
            )
            counts, unchanged = copied if copied is not None else (None, False)
            if counts is None:
                counts = _copy_with_backup_api(source, tmp, busy_timeout=settings.sqlite_busy_timeout)
        except sqlite3.DatabaseError as exc:  # a damaged file ("database disk image is malformed")
            if not os.access(directory, os.W_OK):  # SQLite could not create the copy
                raise cannot_write(directory, exc) from exc
            raise _cannot_copy(source, exc) from exc
        except OSError as exc:  # the byte copy's write
            raise cannot_write(directory, exc) from exc
        fsync_file(tmp)
        digest = known[1] if known is not None and unchanged else file_checksum(tmp, "sha256")
        final = publish_unique(tmp, directory, source.name, created)
    finally:
        remove_partial(tmp)
    manifest = BackupManifest(
        kind="sqlite",
        path=final,
        created_utc=created,
        size=final.stat().st_size,
        sha256=digest,
        origin=str(source.resolve()),
        tables={name: {"rows": rows} for name, rows in counts.items()},
    )
    manifest.write()
    return BackupResult(manifest=manifest, seconds=time.perf_counter() - started)


def _check_source(source: Path) -> None:
    """The same checks, and words, as every other command's (missing, a directory, empty, not SQLite,
    truncated)."""
    check_file(source)


def _cannot_copy(source: Path, exc: sqlite3.Error) -> SourceError:
    # An intact file SQLite will not read as it lies (a hot journal, a WAL file in a read-only
    # directory) is said as every command says it, not as a copy that failed.
    state = file_state_error(exc, source)
    if state is not None:
        return state
    return SourceError(
        f"cannot copy the SQLite file: {exc}", path=source, hint="check the file with columnar-etl preflight"
    )


def _copy_file_under_read_lock(
    source: Path, destination: Path, *, busy_timeout: float, state: SourceState | None = None
) -> tuple[dict[str, int], bool] | None:
    """Copy ``source``'s bytes into ``destination`` while holding SQLite's SHARED lock on it; the row
    counts of the copy, and whether ``source`` was in ``state`` under that lock (False without one).
    None (nothing copied) when that would not be a snapshot: a WAL-mode database (its last commits may
    live in the ``-wal`` file) or a journal beside the file.

    In rollback-journal mode a writer must hold the EXCLUSIVE lock to change the database file, which
    it cannot get while a reader holds SHARED: under that lock the file is exactly the last commit, and
    a byte copy of it (the kernel's, no page-by-page pager work) is as consistent as the backup API's.
    """
    if any(side_file(source, suffix).exists() for suffix in ("-wal", "-journal")):
        return None
    reader = sqlite3.connect(
        f"{source.resolve().as_uri()}?mode=ro", uri=True, timeout=busy_timeout, isolation_level=None
    )
    try:
        if str(reader.execute("PRAGMA journal_mode").fetchone()[0]).lower() == "wal":
            return None
        reader.execute("BEGIN")
        reader.execute("SELECT count(*) FROM sqlite_master").fetchone()  # takes the SHARED lock
        try:
            unchanged = state is not None and source_state(source) == state
            shutil.copyfile(source, destination)
        finally:
            reader.execute("ROLLBACK")
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise locked_error(
                source, waited=busy_timeout, setting="sqlite_busy_timeout", error=BackupError
            ) from None
        raise _cannot_copy(source, exc) from exc
    finally:
        reader.close()
    copy = sqlite3.connect(destination)
    try:
        return sqlite_row_counts(copy), unchanged
    finally:
        copy.close()


def _copy_with_backup_api(source: Path, destination: Path, *, busy_timeout: float) -> dict[str, int]:
    """Copy ``source`` into the new file ``destination``; the row counts of the copy (the snapshot)."""
    src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True, timeout=busy_timeout)
    dst = sqlite3.connect(destination)

    def give_up_when_busy(status: int, remaining: int, total: int) -> None:
        # Each step has already waited `busy_timeout` (the connection's busy handler) when it says BUSY.
        if status in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
            raise _WriterHoldsLock

    try:
        # pages=-1: the whole database in one step, i.e. under one read transaction: one snapshot.
        src.backup(dst, pages=-1, progress=give_up_when_busy)
        return sqlite_row_counts(dst)
    except _WriterHoldsLock:
        raise locked_error(
            source, waited=busy_timeout, setting="sqlite_busy_timeout", error=BackupError
        ) from None
    except sqlite3.DatabaseError as exc:
        raise _cannot_copy(source, exc) from exc
    finally:
        dst.close()
        src.close()


@dataclass
class RestoreResult:
    """What :func:`restore_backup` did."""

    backup: Path
    destination: Path
    sha256: str
    replaced: bool
    tables: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "backup": str(self.backup),
            "destination": str(self.destination),
            "sha256": self.sha256,
            "replaced": self.replaced,
            "tables": dict(self.tables),
            "seconds": round(self.seconds, 4),
        }


def restore_backup(
    backup: str | Path, to: str | Path, *, force: bool = False, settings: Settings | None = None
) -> RestoreResult:
    """Verify ``backup``, then copy it to ``to`` (atomically; byte-identical, same sha256).

    Refuses a backup that fails verification, and an existing ``to`` unless ``force``. With ``force``
    the SQLite side files of the replaced database (``-journal``, ``-wal``, ``-shm``) are removed too:
    left behind, SQLite would apply them to the restored file and corrupt it.
    """
    started = time.perf_counter()
    backup, destination = Path(backup), Path(to)
    verification = verify_backup(backup, settings=settings)
    verification.raise_for_problems("restore")
    manifest = verification.manifest
    assert manifest is not None  # a verified backup has one
    if manifest.kind != "sqlite":
        raise BackupError(
            f"this is a {manifest.kind} backup of a target schema, not of a SQLite file",
            path=backup,
            hint="restore it with columnar-etl backup target-restore",
        )
    if destination.is_dir():
        raise BackupError("the restore destination is a directory", path=destination, hint="name a file")
    existed = destination.exists()
    if existed and not force:
        raise BackupError(
            "the restore destination exists already",
            path=destination,
            hint="pass --force to replace it, or choose another path",
        )
    destination.parent.mkdir(parents=True, exist_ok=True)
    tmp = partial_path(destination.parent, destination.name)
    try:
        try:
            shutil.copyfile(backup, tmp)
            fsync_file(tmp)
        except OSError as exc:  # the destination's directory refuses the copy (read-only, full)
            raise BackupError(
                f"cannot write the restored file: {exc.strerror or exc}",
                path=destination.parent,
                hint="restore --to a directory this user can write, with room",
            ) from exc
        digest = file_checksum(tmp, "sha256")
        # Verified a moment ago; a changed checksum now means the file changed under us.
        if digest != manifest.sha256:
            raise BackupError("the backup changed while it was being restored", path=backup, hint="retry")
        for suffix in ("-journal", "-wal", "-shm"):
            destination.with_name(destination.name + suffix).unlink(missing_ok=True)
        os.replace(tmp, destination)
    finally:
        remove_partial(tmp)
    return RestoreResult(
        backup=backup,
        destination=destination,
        sha256=digest,
        replaced=existed,
        tables={name: int(info["rows"]) for name, info in manifest.tables.items()},
        seconds=time.perf_counter() - started,
    )
