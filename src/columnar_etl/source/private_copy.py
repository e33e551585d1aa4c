"""A private, read-only copy of the export, for a reader whose SQLite cannot read the export as it is.

DuckDB's sqlite_scanner bundles an older SQLite (3.38.1 with DuckDB 1.5), and SQLite parses a file's
whole schema before any read: one view, trigger or index written in newer SQL (a view's ``FULL OUTER
JOIN``, a trigger's ``IS DISTINCT FROM``: SQLite 3.39) fails every read of every table. Such objects
hold no data (views and triggers are not loaded, indexes are rebuilt from the profile), so the export
is then read through a copy made by Python's own, newer SQLite with SQLite's backup API (the main file
and the committed frames of its ``-wal``, one snapshot), the objects dropped from the COPY, never from
the export. Nothing else changes: the export's identity, its backup and the "already loaded" check
are the original file's. The same copy serves names the readers cannot take (renamed in it,
:mod:`.reader_names`) and WITHOUT ROWID tables kept in the order of a collating sequence only the
writing application has (rebuilt in it without that collation, :meth:`PrivateCopy.rebuild`).

A WAL-mode export is always read through such a copy (:attr:`PrivateCopy.snapshot`): DuckDB's SQLite
never opens it. Two SQLite libraries in one process (Python's and the one inside sqlite_scanner) must
not share a WAL database (https://sqlite.org/howtocorrupt.html, 2.2.1): POSIX locks belong to the
process, so each library takes the other's connections for none and, as "first" connection, truncates
the ``-shm`` the other has mapped. The process then dies of SIGBUS: ``run`` did in 3 of 12 tries on a
copied live file, its backup (Python's SQLite) reading the export beside the profile (DuckDB's), with
no run.json written (until 2026-12-04). The copy is in rollback-journal mode and
has no ``-shm``; Python's SQLite alone reads the export.

Otherwise a copy is made only when the reader refuses the export (a normal export costs nothing). It
is read-only once made, and is removed when its last reader is done. :func:`shared_copy` has the
stages of one run (preflight, profile, dry run, cleaning) read one copy, made in the run's directory
on first need and removed when the run ends, however it ends; outside one, each
:func:`~columnar_etl.source.export.open_source` makes its own in a temporary directory, removed when
that source is closed.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
import threading
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from columnar_etl.errors import SourceError
from columnar_etl.leftovers import temporary_prefix
from columnar_etl.observability.logs import get_logger
from columnar_etl.pg.identifiers import quote_ident
from columnar_etl.source.collations import binary_in_place_of, collation_names, stand_in_collations
from columnar_etl.source.schema_objects import UnparsedObject, refused_without_collations
from columnar_etl.source.side_files import export_bytes
from columnar_etl.source.sqlite_file import connect_read_only, read_error

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
    #: Each table rebuilt in the copy without a collating sequence SQLite here lacks, with why
    #: (:meth:`rebuild`); by its name in the copy.
    rebuilt: dict[str, str] = field(default_factory=dict)
    #: Each table :meth:`rebuild` could not rebuild, with why: not read.
    not_rebuilt: dict[str, str] = field(default_factory=dict)
    #: Made because the export is in WAL mode, which DuckDB's SQLite never opens (see the module).
    snapshot: bool = False
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
            with _one_transaction(con):
                for table, renamed in columns.items():
                    for old, new in renamed.items():
                        renaming = f"RENAME COLUMN {quote_ident(old)} TO {quote_ident(new)}"
                        con.execute(f"ALTER TABLE {quote_ident(table)} {renaming}")
                for old, new in tables.items():
                    con.execute(f"ALTER TABLE {quote_ident(old)} RENAME TO {quote_ident(new)}")
        finally:
            con.close()

    def rebuild(self, table: str) -> None:
        """Rebuild ``table``, a WITHOUT ROWID table kept in the order of a collating sequence SQLite here
        lacks, with ``BINARY`` in its place (:func:`~columnar_etl.source.collations.binary_in_place_of`),
        so that the reader's SQLite, which cannot be given a stand-in of it, reads the table: recorded in
        :attr:`rebuilt`, or in :attr:`not_rebuilt` with why not (the copy's table is then as the
        export's, and is not read). One transaction; the export keeps its table as it is."""
        con = sqlite3.connect(self.path, isolation_level=None)
        try:
            missing = stand_in_collations(con)  # to read the rows in their order, and parse the schema
            (sql,) = con.execute(
                "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
            ).fetchone()
            named = sorted(name for name in collation_names(str(sql)) if name in missing)
            why = _not_rebuildable(con, table)
            if why is None:
                _rebuild_without(con, table, missing)
        except sqlite3.Error as exc:
            why = str(exc)
        finally:
            con.close()
        if why is None and (refused := refused_without_collations(self.path, table)) is not None:
            why = f"the reader's SQLite still refuses it ({refused})"  # not seen
        if why is not None:
            self.not_rebuilt[table] = (
                f"it could not be rebuilt without it in the reader's private copy: {why}"
            )
            return
        self.rebuilt[table] = (
            f"kept in the order of {', '.join(map(repr, named))}, a collating sequence only the application "
            "that wrote the export defines and no other SQLite has (DuckDB's cannot even scan the table): "
            "read through the reader's private copy, where it was rebuilt with BINARY in its place (the "
            "same columns, declared types, constraints and rows; the export itself is unchanged); the "
            "collation is not carried to the target, whose keys compare as bytes, as the other columns "
            "declared with it do"
        )

    def seal(self) -> None:
        """Make the copy read-only: from now on it is only read."""
        self.path.chmod(0o400)
        get_logger(stage="source").info(
            "the export is read through a private copy",
            copy=str(self.path),
            dropped=sorted(self.dropped),
            rebuilt=sorted(self.rebuilt),
        )


def _not_rebuildable(con: sqlite3.Connection, table: str) -> str | None:
    """Why :meth:`PrivateCopy.rebuild` leaves ``table`` as it is, or None: a table with a rowid (its
    rowids would have to be kept too; only a generated column can make one unreadable without the
    collation, as a WITHOUT ROWID table with one can be), or with a generated column, whose values
    the collation may decide (``upper(name) = 'X' COLLATE unicase``): computed again in byte order,
    they would not be the application's."""
    info = con.execute(f"PRAGMA table_xinfo({quote_ident(table)})").fetchall()
    if any(row[6] in (2, 3) for row in info):
        return "it has a generated column, whose values the collation may decide"
    for _seq, index, _unique, origin, _partial in con.execute(f"PRAGMA index_list({quote_ident(table)})"):
        if origin == "pk":
            # A WITHOUT ROWID table's primary key holds its other columns; a rowid table's holds the
            # rowid (column -1).
            keyed = con.execute(f"PRAGMA index_xinfo({quote_ident(index)})").fetchall()
            if all(row[1] != -1 for row in keyed):
                return None
    return "it is not a WITHOUT ROWID table (the reader's SQLite would need the collation for another reason)"


def _rebuild_without(con: sqlite3.Connection, table: str, missing: list[str]) -> None:
    """Rebuild the WITHOUT ROWID ``table`` (without generated columns) of ``con``'s database with
    ``BINARY`` in place of the collations ``missing``, in one transaction (rolled back on failure).

    The table is set aside under a new name, its twin created under its own name from its own
    statement, the rows copied, the original dropped. The renaming is SQLite's legacy one, which
    rewrites the table's own statement and nothing else: views, triggers and other tables' REFERENCES
    keep naming the table by its name, which the twin takes. CHECK constraints are not evaluated: the
    rows are the export's as they are, and a CHECK may compare by the collation."""
    set_aside = f"columnar_etl_collated_{uuid.uuid4().hex}"  # a name no table of the export has
    quoted, aside = quote_ident(table), quote_ident(set_aside)
    info = con.execute(f"PRAGMA table_xinfo({quoted})").fetchall()
    columns = ", ".join(quote_ident(str(row[1])) for row in info)
    con.execute("PRAGMA foreign_keys = OFF")
    con.execute("PRAGMA legacy_alter_table = ON")
    con.execute("PRAGMA ignore_check_constraints = ON")
    with _one_transaction(con):
        con.execute(f"ALTER TABLE {quoted} RENAME TO {aside}")
        (sql,) = con.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (set_aside,)
        ).fetchone()
        head = f"CREATE TABLE {aside}"
        if not str(sql).startswith(head):  # not seen: SQLite writes the new name so, quoted
            raise sqlite3.OperationalError(f"its statement reads {str(sql)[:60]!r}… once renamed")
        con.execute(f"CREATE TABLE {quoted}{binary_in_place_of(str(sql)[len(head) :], missing)}")
        if con.execute(f"PRAGMA table_xinfo({quoted})").fetchall() != info:  # a COLLATE inside a literal
            raise sqlite3.OperationalError("its columns read otherwise once rewritten")
        # Every key is unique under BINARY too: the rows' keys are unique under the application's
        # collation, and strings equal byte for byte are equal under any collation (equality is
        # reflexive), so keys unequal under it are unequal byte for byte. A uniqueness conflict here
        # would take a "collation" under which a string differs from itself: then the INSERT fails
        # and the table is left out with SQLite's reason, as before. The values go in with the same
        # declared types, whose affinity they already have: each arrives as stored.
        con.execute(f"INSERT INTO {quoted} ({columns}) SELECT {columns} FROM {aside}")
        con.execute(f"DROP TABLE {aside}")


@contextmanager
def _one_transaction(con: sqlite3.Connection) -> Iterator[None]:
    """``con`` (in autocommit mode) in one transaction: committed at the end, rolled back on any error."""
    con.execute("BEGIN")
    try:
        yield
        con.execute("COMMIT")
    except BaseException:
        if con.in_transaction:
            con.execute("ROLLBACK")
        raise


#: Why a copy is read, as its want of room is reported: the reader refuses the export as it is, or
#: (a :attr:`PrivateCopy.snapshot`) the export is in WAL mode (see the module).
_WHY = {
    False: "the reader's SQLite cannot read the export as it is",
    True: "the export is in WAL mode, and DuckDB's SQLite reads such a file only through a private "
    "snapshot copy (two SQLite libraries in one process must not share a WAL file)",
}


def make_private_copy(source: Path, directory: Path | None = None, *, snapshot: bool = False) -> PrivateCopy:
    """A copy of ``source`` (and the committed frames of its ``-wal``) in ``directory`` (default: a new
    temporary directory), by SQLite's backup API over a read-only connection: the export's bytes and
    modification time do not change. ``snapshot``: made because the export is in WAL mode
    (:attr:`PrivateCopy.snapshot`). :class:`SourceError` when the file system has no room for it,
    saying why a copy is read."""
    needed = export_bytes(source)
    owned = None
    if directory is None:
        owned = directory = Path(tempfile.mkdtemp(prefix=temporary_prefix("reader")))
    try:
        free = shutil.disk_usage(directory).free
        if free - FREE_SPACE_RESERVE < needed:
            raise SourceError(
                f"{_WHY[snapshot]}, and there is no room for the private copy it would read instead: "
                f"{(needed + FREE_SPACE_RESERVE) / 2**20:,.1f} MiB "
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
    copy = PrivateCopy(source, Path(name), snapshot=snapshot, _directory=owned)
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
