"""The export as a SQLite file: what it is before anything opens it, how it is opened read-only, and what a
failed read means (a writer's lock told apart from damage, each with its hint); row counts by SQLite.

Standard library only (and the package's errors, quoting, and the source's collations and side files):
``__main__``'s early thread imports it before the command line is parsed.
"""

from __future__ import annotations

import os
import re
import sqlite3
import stat
import sys
from pathlib import Path
from typing import Any

from columnar_etl.errors import EtlError, SourceError
from columnar_etl.pg.identifiers import quote_ident
from columnar_etl.source.collations import stand_in_collations
from columnar_etl.source.side_files import JOURNAL_MAGIC, file_state_error

SQLITE_MAGIC = b"SQLite format 3\x00"


_HEADER_SIZE = 100


#: The first bytes of what an export is sent as, when it is not the SQLite file itself.
_ARCHIVE_MAGICS = {
    b"\x1f\x8b": "gzip",
    b"PK\x03\x04": "zip",
    b"BZh": "bzip2",
    b"\xfd7zXZ\x00": "xz",
    b"\x28\xb5\x2f\xfd": "zstd",
    b"7z\xbc\xaf\x27\x1c": "7-Zip",
}


#: SQLite's own files that are not a SQLite 3 database: their first bytes (fileformat2.html; SQLite 2's
#: btree.c ``zMagicHeader``), what they are, and what to do.
_SQLITE_KIN = {
    b"** This file contains an SQLite 2.1 database **": (
        ": an SQLite 2 database",
        "convert it first with SQLite 2's shell: sqlite OLD.db .dump | sqlite3 NEW.db",
    ),
    bytes.fromhex("377f0682"): (
        ": a SQLite -wal file, not the database",
        "give the database file; its -wal belongs beside it (the same name plus -wal)",
    ),
    bytes.fromhex("377f0683"): (
        ": a SQLite -wal file, not the database",
        "give the database file; its -wal belongs beside it (the same name plus -wal)",
    ),
    JOURNAL_MAGIC: (
        ": a SQLite rollback journal, not the database",
        "give the database file; its -journal belongs beside it (the same name plus -journal)",
    ),
}


_NOT_SQLITE_HINTS = {
    **dict(_SQLITE_KIN.values()),
    **{
        f": a {kind} archive": f"unpack it first (the {kind} archive holds the export) and run on the .db"
        for kind in _ARCHIVE_MAGICS.values()
    },
    ": a text file": "this is text (a CSV or SQL dump?): import it into SQLite first "
    "(sqlite3 x.db '.import ...')",
    "": "expected a SQLite export (.db); an encrypted one (SQLCipher) must be decrypted first "
    "(sqlcipher's sqlcipher_export into a plain database)",
}


def _what_it_is(header: bytes) -> str:
    """``: a gzip archive``, ``: an SQLite 2 database``, ``: a text file``, or ``""`` (unknown:
    encrypted, damaged, anything)."""
    for magic, (kind, _) in _SQLITE_KIN.items():
        if header.startswith(magic):
            return kind
    for magic, kind in _ARCHIVE_MAGICS.items():
        if header.startswith(magic):
            return f": a {kind} archive"
    for cut in range(4):  # the 100 bytes read may end inside a character of a text file
        try:
            text = header[: len(header) - cut].decode("utf-8").removeprefix("\ufeff")
        except UnicodeDecodeError:
            continue
        if text and all(char.isprintable() or char in "\t\r\n" for char in text):
            return ": a text file"
        break
    return ""


#: What a path that is no regular file is (``stat``'s kinds), as an error line names it.
_SPECIAL_FILES = (
    (stat.S_ISFIFO, "a pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)

#: What to do about an export given as a pipe (``<(zcat export.db.gz)``, a FIFO) or a device.
STREAM_HINT = (
    "SQLite reads a database by pages at any offset, not as a stream: write it to a file first "
    "(zcat export.db.gz > export.db) and give that file's path"
)


def special_file(path: str | Path) -> str | None:
    """What ``path`` is when it is no regular file nor a directory (``a pipe (FIFO)``, ``a socket``,
    ``a character device``, ``a block device``); None for a regular file, a directory, or a path that
    cannot be looked at. ``stat`` only: a FIFO is never opened (an open for reading waits for a writer,
    for ever when none comes, and a read takes the bytes meant for whoever reads it next)."""
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return None
    return next((kind for test, kind in _SPECIAL_FILES if test(mode)), None)


def check_not_special(path: str | Path) -> None:
    """:class:`SourceError` when ``path`` is a pipe, a socket or a device (:func:`special_file`).

    Until 2026-12-07 a FIFO with no writer hung every command (an open waits for a writer), and
    process substitution's pipe (``run <(zcat export.db.gz)``) was "empty (0 bytes)" (h341)."""
    kind = special_file(path)
    if kind is not None:
        raise SourceError(f"source is {kind}, not a SQLite file", path=Path(path), hint=STREAM_HINT)


def check_file(path: Path) -> None:
    """:class:`SourceError` when ``path`` is no SQLite file as it lies: missing, a directory, a pipe or
    a device, unreadable, empty, another kind of file, or truncated."""
    if not path.exists():
        raise SourceError("source file not found", path=path, hint="check the path")
    if path.is_dir():
        raise SourceError(
            "source is a directory, not a SQLite file", path=path, hint="give the path of the export file"
        )
    check_not_special(path)
    try:
        with open(path, "rb") as handle:
            header = handle.read(_HEADER_SIZE)
    except PermissionError as exc:
        raise SourceError(
            "permission denied reading the source file", path=path, hint="make it readable by this user"
        ) from exc
    except OSError as exc:
        raise SourceError(
            f"cannot read the source file: {exc.strerror}", path=path, hint="check the file and its disk"
        ) from exc
    if not header:
        raise SourceError("source file is empty (0 bytes)", path=path, hint="the export did not finish?")
    if not header.startswith(SQLITE_MAGIC):
        raise SourceError(
            f"not a SQLite database (bad file header{_what_it_is(header)})",
            path=path,
            hint=_NOT_SQLITE_HINTS.get(_what_it_is(header), "expected a SQLite export (.db)"),
        )
    if len(header) < _HEADER_SIZE:
        raise SourceError(
            "SQLite file is truncated (incomplete header)", path=path, hint="copy the export again"
        )
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65_536 if page_size == 1 else page_size
    page_count = int.from_bytes(header[28:32], "big")
    # The in-header page count is valid when the change counters agree (SQLite >= 3.7.0 writes both).
    if header[24:28] == header[92:96] and page_count and os.path.getsize(path) < page_size * page_count:
        raise SourceError(
            f"SQLite file is truncated: {os.path.getsize(path)} bytes, header says "
            f"{page_count} pages of {page_size}",
            path=path,
            hint="copy the export again",
        )


#: Seconds a read of the export's catalogue waits for a writer's lock (SQLite's busy timeout).
READ_BUSY_TIMEOUT = 5.0


def locked_error(
    path: str | Path,
    *,
    waited: float,
    table: str | None = None,
    setting: str | None = None,
    error: type[EtlError] = SourceError,
) -> EtlError:
    """The one error for an export that a writer keeps locked for more than ``waited`` seconds.

    ``setting`` names the setting that sets the wait, when one does (the hint then mentions it).
    """
    hint = "retry when the program writing the export has finished"
    return error(
        f"the SQLite file is locked by another process: a writer held it for more than {waited:g} s",
        path=path,
        table=table,
        hint=f"{hint}, or raise {setting}" if setting else hint,
    )


def is_lock_error(exc: BaseException) -> bool:
    """True when ``exc`` (from SQLite or DuckDB's sqlite_scanner) means "locked", not "damaged"."""
    code = getattr(exc, "sqlite_errorcode", None) if isinstance(exc, sqlite3.Error) else None
    if code is not None:
        return (code & 0xFF) in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
    # DuckDB's, or an error raised without SQLite's code: SQLite's messages for both.
    return "database is locked" in str(exc) or "database table is locked" in str(exc)


def read_error(
    exc: BaseException,
    path: str | Path,
    *,
    table: str | None = None,
    message: str = "cannot read table",
    hint: str | None = None,
) -> EtlError:
    """:class:`SourceError` for a failed read of the export: :func:`locked_error` when it was a lock;
    without a ``hint``, the one that fits the cause (:func:`read_hint`)."""
    if is_lock_error(exc):
        return locked_error(path, waited=READ_BUSY_TIMEOUT, table=table)
    state = file_state_error(exc, Path(path), table=table)
    if state is not None:
        return state
    return SourceError(
        f"{message}: {short_reason(exc)}", path=path, table=table, hint=hint or read_hint(exc, Path(path))
    )


#: SQLite's own words (``sqlite3_errstr``, and its corruption reports) for a file it cannot read as a
#: database: damage, whatever query asked.
_DAMAGE_WORDS = (
    "database disk image is malformed",
    "file is not a database",
    "malformed database schema",
    "database corruption",
)


#: SQLite's and the system's words for a read the disk or the file system refused.
_IO_WORDS = ("disk I/O error", "unable to open database file", "No space left on device")


#: The hint of a failed query of a file that shows no sign of damage.
QUERY_FAILED_HINT = (
    "the file shows no damage (SQLite did not call it malformed; its header and size agree): it is "
    "columnar-etl's query of it that failed; run again with --debug and report the error"
)


def read_hint(exc: BaseException, path: Path) -> str:
    """What to do about a failed read of the export, from cheap evidence of its cause, most certain
    first: SQLite calling the file malformed (damage), an I/O error (the disk), the file's header and
    size (:func:`check_file`: a file truncated or replaced since it was opened), else the query itself
    failed (a DuckDB error of binding, converting or planning our SQL, an Arrow error of our batches),
    not the file: before, every one of these said "the file may be corrupt". A full ``PRAGMA
    quick_check`` reads the whole file, so it is named for the damaged case, not run."""
    text = str(exc)
    if any(word in text for word in _DAMAGE_WORDS):
        return (
            "the file is damaged (SQLite says so): copy the export again; "
            "sqlite3 <file> 'PRAGMA quick_check' lists the damage"
        )
    # DuckDB's error classes, without importing DuckDB here (the catalogue serves --help's preflight):
    # an error of DuckDB's is only raised once DuckDB is imported.
    duckdb = sys.modules.get("duckdb")
    duckdb_io = duckdb is not None and isinstance(exc, duckdb.IOException)
    if any(word in text for word in _IO_WORDS) or isinstance(exc, OSError) or duckdb_io:
        return "check the file, its disk and the free space of the temporary directory"
    try:
        check_file(path)
    except SourceError as changed:
        return f"the file is no longer what was opened: {changed.message}; copy the export again"
    return QUERY_FAILED_HINT


#: Longest reason an error line keeps of an engine's message.
REASON_CHARS = 300


def short_reason(exc: BaseException) -> str:
    """The engine's reason for ``exc`` on one line: without the SQL DuckDB quotes when SQLite could not
    prepare a read (``Failed to prepare query "<SQL>": <reason>``, the SQL unescaped; a wide table's
    read is hundreds of kilobytes of it) or its ``LINE n:`` pointer, at most :data:`REASON_CHARS` long."""
    text = re.split(r"\s*LINE \d+:", str(exc), maxsplit=1)[0]
    prefix = 'Failed to prepare query "'
    if text.startswith(prefix) and '": ' in text:
        text = "SQLite could not prepare the read: " + text.rsplit('": ', 1)[1]
    text = " ".join(text.split())
    return text if len(text) <= REASON_CHARS else text[: REASON_CHARS - 1] + "…"


def declared_columns(con: sqlite3.Connection, table: str) -> list[tuple[Any, ...]]:
    """``PRAGMA table_info``'s rows of ``table`` (cid, name, type, notnull, dflt_value, pk) with its
    generated columns, which ``table_info`` does not list: ``table_xinfo``'s rows but a virtual table's
    hidden ones (hidden 1). Every column a UNIQUE constraint, an index or a foreign key may name."""
    rows = con.execute(f"PRAGMA table_xinfo({quote_ident(table)})").fetchall()
    return [tuple(row[:6]) for row in rows if row[6] != 1]


def connect_read_only(path: Path, *, stand_ins: bool = True) -> sqlite3.Connection:
    """A SQLite connection that cannot write (``mode=ro``): the export is never modified.

    ``stand_ins``: with a byte-order stand-in of each collating sequence the schema names and SQLite
    lacks (:func:`~columnar_etl.source.collations.stand_in_collations`), so that a ``count(*)`` choosing
    an index on a ``COLLATE unicase`` column is not refused."""
    try:
        con = sqlite3.connect(
            f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False, timeout=READ_BUSY_TIMEOUT
        )
    except sqlite3.Error as exc:
        raise read_error(exc, path, message="cannot open the SQLite file", hint="check the file") from exc
    if stand_ins:
        # A file that cannot be read (not a database, say) fails where it is read, with its own error;
        # a locked one fails here, once it has waited READ_BUSY_TIMEOUT: the read would wait again.
        try:
            stand_in_collations(con)
        except sqlite3.DatabaseError as exc:
            if is_lock_error(exc):
                con.close()
                raise read_error(exc, path) from exc
    return con


def count_rows(path: Path, table: str) -> int:
    con = connect_read_only(path)
    try:
        return table_rows(con, path, table)
    finally:
        con.close()


def largest_records(path: Path) -> dict[str, int] | None:
    """Each b-tree's largest record (a row's header and values, bytes) as SQLite's ``dbstat`` reads it
    from the pages' cell headers, by the name of its table or index; None when the SQLite of Python
    was built without ``dbstat`` (or cannot read the schema). It reads every page once (overflow
    chains too) and decodes no value: the wide export of 91 MB in 0.03-0.04 s warm (2026-12-04; 0.25 s
    once on a more loaded machine), where a scan of every cell's length took 4.4 s. A writer's lock
    is raised, not taken for a missing ``dbstat`` (which would have every table's cells measured)."""
    con = connect_read_only(path, stand_ins=False)
    try:
        rows = con.execute("SELECT name, mx_payload FROM dbstat WHERE aggregate = TRUE").fetchall()
    except sqlite3.OperationalError as exc:
        if is_lock_error(exc):
            raise read_error(exc, path) from exc
        return None
    finally:
        con.close()
    return {str(name): int(most or 0) for name, most in rows}


def table_rows(con: sqlite3.Connection, path: Path, table: str) -> int:
    try:
        (count,) = con.execute(f"SELECT count(*) FROM {quote_ident(table)}").fetchone() or (0,)
        return int(count)
    except sqlite3.DatabaseError as exc:
        raise read_error(
            exc, path, table=table, message="SQLite file is corrupt", hint="copy the export again"
        ) from exc
