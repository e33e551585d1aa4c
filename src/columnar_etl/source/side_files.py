"""The files SQLite keeps beside an export (``-wal``, ``-shm``, ``-journal``), where SQLite looks for them.

SQLite's unix VFS names them after the database's full path with symbolic links resolved: an export
reached through a link (``current.db -> /data/app.db``) has its WAL at ``/data/app.db-wal``, never
beside the link. Every look at them goes through :func:`side_file`, so the WAL's committed rows, a hot
journal and the export's identity are those SQLite reads (until 2026-12-03 a link's WAL went unseen:
rows committed to it since the last run were "already loaded", helper h73).
"""

from __future__ import annotations

import os
from pathlib import Path

from columnar_etl.errors import SourceError

#: The first bytes of every rollback journal SQLite writes (https://sqlite.org/fileformat2.html).
JOURNAL_MAGIC = bytes.fromhex("d9d505f920a163d7")

#: What to do about a hot journal (the preflight's lock check and the catalogue say it alike). A
#: read-only reader cannot roll it back (SQLite: SQLITE_READONLY_ROLLBACK), and rolling it back in place
#: would write to the export: on a copy of both files, SQLite does it on the copy's first read-write open.
HOT_JOURNAL_HINT = (
    "if a writer is still at work, wait until it has finished; if it crashed, copy the file and its "
    "-journal together to another directory, open the copy once read-write (sqlite3 COPY 'PRAGMA "
    "quick_check' rolls the unfinished transaction back) and run on the copy"
)

#: What to do about a WAL-mode export SQLite cannot open in place for want of its ``-shm``/``-wal``.
WAL_DIRECTORY_HINT = (
    "copy the file with its -wal (and -shm) together to a directory this user can write and run on "
    "the copy, or let this user write to the export's directory"
)


def side_file(path: str | Path, suffix: str) -> Path:
    """The ``suffix`` file (``-wal``, ``-shm``, ``-journal``) SQLite keeps for the database at ``path``:
    beside the file a symbolic link points to, as SQLite names it."""
    return Path(os.path.realpath(path) + suffix)


def export_bytes(path: str | Path) -> int:
    """Bytes of what SQLite reads of the export: the file and its ``-wal`` (whose frames a backup copies
    into pages of its own: a WAL export's rows may be nearly all there). 0 when there is no file."""
    total = 0
    for part in (Path(path), side_file(path, "-wal")):
        try:
            total += part.stat().st_size
        except OSError:
            continue
    return total


def journal_is_hot(path: str | Path) -> bool:
    """Does the export's rollback journal hold a transaction SQLite would roll back (a "hot" journal)?

    SQLite's own test (lockingv3.html, "hot journals"; pager.c ``hasHotJournal``): the journal exists, is
    not empty and its first byte is not zero. ``journal_mode=PERSIST`` keeps the journal after every
    commit with its header zeroed, and ``TRUNCATE`` leaves it empty: neither is hot, the file is the last
    commit. Whether a live writer still holds the lock is the caller's question (a lock probe)."""
    try:
        with open(side_file(path, "-journal"), "rb") as handle:
            first = handle.read(1)
    except OSError:
        return False
    return first not in (b"", b"\x00")


#: SQLite's extended result codes of an intact file a read-only reader cannot open as it lies
#: (https://sqlite.org/rescode.html): a hot journal it may not roll back; a WAL-mode file whose -shm
#: (and -wal) it cannot create beside it, or whose -shm it cannot use.
_READONLY_ROLLBACK, _READONLY_CANTINIT, _READONLY_DIRECTORY, _CANTOPEN = 776, 1288, 1544, 14


def file_state_error(exc: BaseException, path: Path, *, table: str | None = None) -> SourceError | None:
    """The error for an intact export SQLite will not read as it lies, or None for any other failure.

    Until 2026-12-03 both said "SQLite file is corrupt: attempt to write a readonly database (hint:
    copy the export again)", which sent the operator after damage there is none of (helper h73):

    - a hot ``-journal`` (a writer crashed, or is mid-transaction): SQLite must roll it back first,
      which a read-only reader never does (``SQLITE_READONLY_ROLLBACK``);
    - a WAL-mode export (header byte 18 = 2) in a directory this user cannot write: even a reader needs
      its ``-shm`` (and ``-wal``) beside it, and cannot create them (``SQLITE_READONLY_DIRECTORY``,
      ``SQLITE_CANTOPEN`` with a ``-wal`` but no ``-shm``, ``SQLITE_READONLY_CANTINIT``)."""
    # Python's sqlite3 errors carry SQLite's extended code; not imported here (the command line imports
    # this module for every command, --help too).
    code = getattr(exc, "sqlite_errorcode", None)
    if code == _READONLY_ROLLBACK:
        return SourceError(
            f"a hot rollback journal {side_file(path, '-journal').name} is beside the file: a write "
            "transaction is open, or its writer crashed (SQLite must roll it back before the file can be "
            "read, which a read-only reader never does)",
            path=path,
            table=table,
            hint=HOT_JOURNAL_HINT,
        )
    if (
        code in (_READONLY_CANTINIT, _READONLY_DIRECTORY, _CANTOPEN)
        and wal_mode(path)
        and _shm_unwritable(path)
    ):
        return SourceError(
            "a WAL-mode export SQLite cannot open where it lies: even a reader needs its "
            f"{side_file(path, '-shm').name} (and -wal) beside it, and this user cannot create or "
            "write them in that directory",
            path=path,
            table=table,
            hint=WAL_DIRECTORY_HINT,
        )
    return None


def _shm_unwritable(path: Path) -> bool:
    """Can this user not create the export's ``-shm``, or not write the one there (as SQLite needs)?"""
    shm = side_file(path, "-shm")
    if shm.exists():
        return not os.access(shm, os.W_OK)
    return not os.access(shm.parent, os.W_OK)


def wal_mode(path: str | Path) -> bool:
    """Is the export a WAL-mode database (its header's write version 2)? Read from the first bytes of
    the file (a link followed), no SQLite connection opened: False when it cannot be read."""
    try:
        with open(path, "rb") as handle:
            header = handle.read(20)
    except OSError:
        return False
    return header[18:19] == b"\x02"
