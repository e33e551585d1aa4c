"""A private, read-only copy of the export, for a reader whose SQLite cannot parse the export's schema.

DuckDB's sqlite_scanner bundles an older SQLite (3.38.1 with DuckDB 1.5), and SQLite parses a file's
whole schema before any read: one view, trigger or index written in newer SQL (a view's ``FULL OUTER
JOIN``, a trigger's ``IS DISTINCT FROM``: SQLite 3.39) fails every read of every table. Such objects
hold no data (views and triggers are not loaded, indexes are rebuilt from the profile), so the export
is then read through a copy made by Python's own, newer SQLite with SQLite's backup API (the main file
and the committed frames of its ``-wal``, one snapshot), the objects dropped from the COPY, never from
the export. Nothing else changes: the export's identity, its backup and the "already loaded" check
are the original file's.

A copy is made only when the reader refuses the export (a normal export costs nothing), is read-only
once made, and is removed when its last reader is done. :func:`shared_copy` has the stages of one run
(preflight, profile, dry run, cleaning) read one copy, made in the run's directory on first need and
removed when the run ends, however it ends; outside one, each
:func:`~columnar_etl.source.export.open_source` makes its own in a temporary directory, removed when
that source is closed.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from columnar_etl.errors import SourceError
from columnar_etl.leftovers import temporary_prefix
from columnar_etl.observability.logs import get_logger
from columnar_etl.pg.identifiers import quote_ident
from columnar_etl.source.catalogue import UnparsedObject, connect_read_only, read_error
from columnar_etl.source.collations import stand_in_collations
from columnar_etl.source.side_files import export_bytes

#: A copy's name: hidden, and ending ``.tmp`` so that a killed run's is removed with its other
#: temporary files (:func:`~columnar_etl.pipeline.record.mark_interrupted_runs`).
COPY_PREFIX, COPY_SUFFIX = ".reader-copy-", ".tmp"
#: Bytes a copy leaves free on its file system, beyond its own size.
FREE_SPACE_RESERVE = 64 << 20


@dataclass(eq=False)
class PrivateCopy:
    """A copy of ``source`` the reader reads instead, without the objects in :attr:`dropped`."""

    source: Path
    path: Path
    #: Each object dropped from the copy (not from the export), with why.
    dropped: dict[str, str] = field(default_factory=dict)
    #: The temporary directory made for it alone: removed with it.
    _directory: Path | None = field(default=None, repr=False)
    _users: int = field(default=1, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def acquire(self) -> PrivateCopy:
        """One more reader: the copy stays until each has called :meth:`release`."""
        with self._lock:
            self._users += 1
        return self

    def release(self) -> None:
        """One reader done; the last one removes the copy."""
        with self._lock:
            self._users -= 1
            last = self._users == 0
        if last:
            self.remove()

    def remove(self) -> None:
        """Remove the copy (and the SQLite files beside it, and its own directory) now."""
        for suffix in ("", "-journal", "-wal", "-shm"):
            Path(f"{self.path}{suffix}").unlink(missing_ok=True)
        if self._directory is not None:
            shutil.rmtree(self._directory, ignore_errors=True)
        get_logger(stage="source").debug("private copy removed", copy=str(self.path))

    def drop(self, unparsed: UnparsedObject, why: str) -> None:
        """Drop the view, trigger or index ``unparsed`` from the copy (the export keeps it)."""
        con = sqlite3.connect(self.path, isolation_level=None)
        try:
            con.execute(f"DROP {unparsed.kind.upper()} {quote_ident(unparsed.name)}")
        finally:
            con.close()
        self.dropped[unparsed.name] = why

    def rename(self, tables: dict[str, str], columns: dict[str, dict[str, str]]) -> None:
        """Rename ``columns`` (per export table, {export name: new name}), then ``tables`` ({export name:
        new name}) in the copy, by SQLite's ``ALTER TABLE``, which rewrites the keys, references, views
        and triggers naming them too (the export keeps its names). One transaction."""
        con = sqlite3.connect(self.path, isolation_level=None)
        try:
            stand_in_collations(con)  # ALTER TABLE parses the whole schema, an application's collations too
            con.execute("BEGIN")
            for table, renamed in columns.items():
                for old, new in renamed.items():
                    renaming = f"RENAME COLUMN {quote_ident(old)} TO {quote_ident(new)}"
                    con.execute(f"ALTER TABLE {quote_ident(table)} {renaming}")
            for old, new in tables.items():
                con.execute(f"ALTER TABLE {quote_ident(old)} RENAME TO {quote_ident(new)}")
            con.execute("COMMIT")
        except BaseException:
            if con.in_transaction:
                con.execute("ROLLBACK")
            raise
        finally:
            con.close()

    def seal(self) -> None:
        """Make the copy read-only: from now on it is only read."""
        self.path.chmod(0o400)
        get_logger(stage="source").info(
            "the export is read through a private copy", copy=str(self.path), dropped=sorted(self.dropped)
        )


def make_private_copy(source: Path, directory: Path | None = None) -> PrivateCopy:
    """A copy of ``source`` (and the committed frames of its ``-wal``) in ``directory`` (default: a new
    temporary directory), by SQLite's backup API over a read-only connection: the export's bytes and
    modification time do not change. :class:`SourceError` when the file system has no room for it."""
    needed = export_bytes(source)
    owned = None
    if directory is None:
        owned = directory = Path(tempfile.mkdtemp(prefix=temporary_prefix("reader")))
    try:
        free = shutil.disk_usage(directory).free
        if free - FREE_SPACE_RESERVE < needed:
            raise SourceError(
                f"the reader's SQLite cannot parse the export's schema and there is no room for the "
                f"private copy it would read instead: {(needed + FREE_SPACE_RESERVE) / 2**20:,.1f} MiB "
                f"needed in {directory}, {free / 2**20:,.1f} MiB free",
                path=source,
                hint="free some space there (a run's copy is in runs_dir, any other's in TMPDIR)",
            )
        handle, name = tempfile.mkstemp(prefix=COPY_PREFIX, suffix=COPY_SUFFIX, dir=directory)
        os.close(handle)
    except BaseException:
        if owned is not None:
            shutil.rmtree(owned, ignore_errors=True)
        raise
    copy = PrivateCopy(source, Path(name), _directory=owned)
    try:
        reader = connect_read_only(source)
        try:
            written = sqlite3.connect(copy.path, isolation_level=None)
            try:
                # pages=-1: the whole database in one step, under one read transaction: one snapshot.
                reader.backup(written, pages=-1)
                # A WAL export's copy would be a WAL database too: its readers would write a -shm.
                written.execute("PRAGMA journal_mode=DELETE")
            finally:
                written.close()
        finally:
            reader.close()
    except sqlite3.Error as exc:
        copy.remove()
        raise read_error(exc, source, message="cannot make the reader's private copy") from exc
    except BaseException:
        copy.remove()
        raise
    return copy


@dataclass(eq=False)
class _Share:
    """One copy for every reader of an export within a :func:`shared_copy` block."""

    directory: Path | None
    lock: threading.Lock = field(default_factory=threading.Lock)
    copy: PrivateCopy | None = None
    #: The block has ended: a reader that found it just before makes a copy of its own.
    ended: bool = False


#: The :func:`shared_copy` blocks open, per export (its real path), innermost last.
_SHARES: dict[Path, list[_Share]] = {}
_SHARES_LOCK = threading.Lock()


def _key(source: Path) -> Path:
    return Path(os.path.realpath(source))


@contextmanager
def shared_copy(source: str | Path, directory: Path | None = None) -> Iterator[None]:
    """Within the block, every reader of ``source`` needing a private copy reads one, made by the first
    (in ``directory``, default a temporary directory) and removed when the block ends and its last
    reader is closed. Costs nothing when none is needed. Any thread's readers share it."""
    key, share = _key(Path(source)), _Share(directory)
    with _SHARES_LOCK:
        _SHARES.setdefault(key, []).append(share)
    try:
        yield
    finally:
        with _SHARES_LOCK:
            shares = _SHARES[key]
            shares.remove(share)
            if not shares:
                del _SHARES[key]
        with share.lock:
            share.ended = True
            if share.copy is not None:
                share.copy.release()


def copy_to_read(source: Path, make: Callable[[Path | None], PrivateCopy]) -> PrivateCopy:
    """The copy a reader of ``source`` reads, acquired for it (it calls :meth:`PrivateCopy.release`
    when done): the innermost :func:`shared_copy` block's, made by ``make(directory)`` if it is the
    first; outside any block, a new one of its own (``make(None)``)."""
    with _SHARES_LOCK:
        shares = _SHARES.get(_key(source))
        share = shares[-1] if shares else None
    if share is None:
        return make(None)
    with share.lock:  # a second reader waits for the first one's copy rather than make another
        if share.ended:
            return make(None)
        if share.copy is None:
            share.copy = make(share.directory)  # the block's own use, released when it ends
        return share.copy.acquire()
