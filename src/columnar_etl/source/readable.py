"""The export attached so that DuckDB's SQLite can read it: as it is, or through a private copy
(:mod:`.private_copy`) with the names its readers cannot take renamed, the tables kept in a missing
collation's order rebuilt, and the views, triggers and indexes its older SQLite cannot parse dropped; a
WAL-mode export always through a snapshot copy."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import duckdb

from columnar_etl.errors import SourceError
from columnar_etl.source.duckdb_reader import attached, reader_refusal, reader_version
from columnar_etl.source.private_copy import PrivateCopy, copy_to_read, make_private_copy
from columnar_etl.source.reader_names import ReaderNames
from columnar_etl.source.schema_objects import UnparsedObject, schema_too_new, unparsed_object
from columnar_etl.source.sqlite_file import short_reason


def readable(
    con: duckdb.DuckDBPyConnection, path: Path, renamed: ReaderNames, rebuild: list[str]
) -> tuple[duckdb.DuckDBPyConnection, PrivateCopy | None]:
    """``con`` (the export attached) when DuckDB's SQLite parses the export's schema, no name is to
    be ``renamed`` and no table to ``rebuild`` (the catalogue's
    :attr:`~columnar_etl.source.catalogue.Catalogue.collation_keyed`, by their names as read); else a
    connection to a private copy with those names renamed, those tables rebuilt without the collation
    DuckDB's SQLite lacks and without the views, triggers and indexes it cannot parse, and that copy
    (:mod:`~columnar_etl.source.private_copy`). The schema check is the one read a normal export costs.

    A table whose own CREATE TABLE it cannot parse (a CHECK, a DEFAULT, a generated column in newer
    SQL) is :func:`~columnar_etl.source.schema_objects.schema_too_new`'s error: dropping it would drop data,
    and rewriting it would change its definition. Any other failure is the first read's to report,
    with its own diagnosis (read_hint)."""
    refusal = reader_refusal(con)
    unparsed = unparsed_object(path, refusal) if refusal is not None else None
    if unparsed is None and not renamed and not rebuild:
        return con, None
    version = reader_version(con)
    con.close()
    if unparsed is not None and not unparsed.dataless:
        raise schema_too_new(path, unparsed, version) from refusal
    return _attached_copy(path, renamed, rebuild, unparsed, version)


def snapshot_readable(
    path: Path, renamed: ReaderNames, rebuild: list[str]
) -> tuple[duckdb.DuckDBPyConnection, PrivateCopy]:
    """A connection to a private snapshot copy of the WAL-mode export ``path`` (file and ``-wal``, made
    by Python's SQLite), and that copy: DuckDB's SQLite never opens a WAL-mode export, whose ``-shm``
    two SQLite libraries in one process would each truncate under the other (SIGBUS; see
    :mod:`~columnar_etl.source.private_copy`). The copy is then as :func:`readable`'s: names
    ``renamed``, tables ``rebuild``-t, and the views, triggers and indexes DuckDB's SQLite cannot parse
    dropped (their check is run on the copy)."""
    return _attached_copy(path, renamed, rebuild, None, None)


def _attached_copy(
    path: Path,
    renamed: ReaderNames,
    rebuild: list[str],
    first: UnparsedObject | None,
    version: str | None,
) -> tuple[duckdb.DuckDBPyConnection, PrivateCopy]:
    """The private copy of ``path`` (:func:`_private_copy`, shared by :func:`.private_copy.copy_to_read`)
    attached, and that copy; released again if it cannot be attached."""
    copy = copy_to_read(
        path, lambda directory: _private_copy(path, renamed, rebuild, first, version, directory)
    )
    try:
        return attached(copy.path, path), copy
    except BaseException:
        copy.release()
        raise


def _private_copy(
    path: Path,
    renamed: ReaderNames,
    rebuild: list[str],
    first: UnparsedObject | None,
    version: str | None,
    directory: Path | None,
) -> PrivateCopy:
    """A private copy of ``path`` with the names ``renamed``, the tables ``rebuild`` (named as read)
    rebuilt without the collations SQLite lacks (:meth:`PrivateCopy.rebuild`), and without ``first``
    and every other view, trigger or index DuckDB's SQLite (``version``) then names as one it cannot
    parse (it names one at a time), each dropped with why;
    :func:`~columnar_etl.source.schema_objects.schema_too_new`'s error (and no copy) when it names a table.
    With no ``version`` the export was never read by DuckDB (a WAL-mode export, :func:`snapshot_readable`):
    the copy's schema is checked first, the version read from the copy."""
    copy = make_private_copy(path, directory, snapshot=version is None)
    try:
        if renamed:
            _rename_in_copy(copy, path, renamed)
        for table in rebuild:
            copy.rebuild(table)
        unparsed: UnparsedObject | None = first
        if version is None:
            con = attached(copy.path, path)
            try:
                refusal = reader_refusal(con)
                version = reader_version(con) if refusal is not None else ""
            finally:
                con.close()
            unparsed = unparsed_object(copy.path, refusal) if refusal is not None else None
        while unparsed is not None:
            if not unparsed.dataless or unparsed.name in copy.dropped:
                raise schema_too_new(path, unparsed, version)
            try:
                copy.drop(unparsed, _dropped_why(unparsed, version))
            except sqlite3.Error as exc:  # not seen; the manual way out is then the answer
                raise schema_too_new(path, unparsed, version) from exc
            con = attached(copy.path, path)
            try:
                refusal = reader_refusal(con)
            finally:
                con.close()
            unparsed = unparsed_object(copy.path, refusal) if refusal is not None else None
        copy.seal()
    except BaseException:
        copy.release()
        raise
    return copy


def _rename_in_copy(copy: PrivateCopy, path: Path, renamed: ReaderNames) -> None:
    """Rename ``renamed``'s tables and columns in ``copy``. SQLite's ALTER TABLE rewrites every view and
    trigger naming them, and stops at one it cannot (one naming a table or column the export lacks):
    those hold no data and are not loaded, so the copy is then renamed without its views and triggers.
    A refusal after that names the first renamed table or column, with what the operator can do."""
    try:
        copy.rename(renamed.tables, renamed.columns)
        return
    except sqlite3.Error:
        pass
    why = (
        "a view or trigger holds no data and is not loaded: dropped from the reader's private copy, "
        "whose names SQLite could not rewrite with it in place (the export itself is unchanged)"
    )
    con = sqlite3.connect(copy.path)
    try:
        kinds = "('view', 'trigger')"
        objects = con.execute(f"SELECT type, name FROM sqlite_master WHERE type IN {kinds}").fetchall()
    finally:
        con.close()
    try:
        for kind, name in objects:
            copy.drop(UnparsedObject(str(name), str(kind), "renaming"), why)
        copy.rename(renamed.tables, renamed.columns)
    except sqlite3.Error as exc:
        table = next(iter(renamed.columns), None) or next(iter(renamed.tables))
        column = next(iter(renamed.columns.get(table, {})), None)
        raise SourceError(
            f"the reader cannot take this name, and SQLite could not rename it in the reader's private "
            f"copy: {short_reason(exc)}",
            path=path,
            table=table,
            column=column,
            hint="load a copy of the export with the name changed (ALTER TABLE ... RENAME ...); "
            "the export itself is never changed",
        ) from exc


def _dropped_why(unparsed: UnparsedObject, version: str) -> str:
    holds = {
        "view": "a view holds no data of its own and is not loaded",
        "trigger": "a trigger holds no data and is not copied",
        "index": "an index holds no data of its own; the target's keys and indexes come from the profile",
    }[unparsed.kind]
    article = "an" if unparsed.kind == "index" else "a"
    return (
        f"{article} {unparsed.kind} in SQL the reader's SQLite {version} (DuckDB's sqlite_scanner) "
        f"cannot parse ({unparsed.reason}): the export was read through a private copy without it "
        f"({holds}); the export itself is unchanged"
    )
