"""The export *file* as operators receive it (test data only): the same rows in files SQLite writes in
its different states and formats, and files that are no SQLite database at all.

Every builder writes :data:`ROWS` (two tables, values of each storage class, non-ASCII text) with
Python's ``sqlite3`` into a file in one state SQLite documents (https://sqlite.org/fileformat2.html,
wal.html, pragma.html, lockingv3.html), so a test knows every cell from :func:`expected` alone:

- :func:`wal_uncommitted_to_main`: WAL mode, the rows of the second batch committed but only in the
  ``-wal`` file (no checkpoint: the files copied while the writer's connection is open, as a writer that
  crashed or is still running leaves them), with or without its ``-shm``;
- :func:`hot_journal`: rollback-journal mode, a writer that crashed mid-transaction: pages of the
  unfinished transaction already in the main file, the hot ``-journal`` beside it holding the committed
  pages (what SQLite rolls back on the next read-write open);
- :func:`persisted_journal`: ``journal_mode=PERSIST`` leaves its ``-journal`` after every commit, its
  header zeroed: no hot journal (lockingv3.html, "hot journals");
- :func:`with_pragmas`: ``encoding`` UTF-16le/be, page sizes 512 and 65536, ``auto_vacuum``, a big
  freelist, ``user_version`` / ``application_id``, schema format 1 (``legacy_file_format``);
- :func:`truncated`, :func:`encrypted_like`, :func:`corrupt_schema`: damaged or unreadable files.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import shutil
import sqlite3
import subprocess
from collections.abc import Sequence
from pathlib import Path
from typing import Any

DDL = [
    "CREATE TABLE tickets (id INTEGER PRIMARY KEY, subject TEXT, priority INTEGER, score REAL, "
    "attachment BLOB)",
    "CREATE TABLE comments (id INTEGER PRIMARY KEY, ticket_id INTEGER REFERENCES tickets(id), body TEXT)",
]

SUBJECTS = ("Drucker läuft nicht", "Заявка №7", "客户无法登录", "naïve café 🎫", "plain ascii")


def ticket(i: int) -> tuple[Any, ...]:
    """Row ``i`` of ``tickets``: an INTEGER key, non-ASCII TEXT, INTEGER, REAL, BLOB (some NULL)."""
    return (
        i,
        f"{SUBJECTS[i % len(SUBJECTS)]} #{i}",
        i % 4 + 1,
        round(i * 1.25 + 0.5, 2),
        None if i % 3 == 0 else bytes([i % 256, 0, 255, (i * 7) % 256]),
    )


def comment(i: int) -> tuple[Any, ...]:
    return (i, i % 40 + 1, f"Antwort {i}: ok ✓")


#: The rows of the first batch (in every builder's file) and the second (in the ``-wal`` only, or of a
#: transaction that never committed).
FIRST, SECOND = range(1, 41), range(41, 61)


def expected(
    tickets: Sequence[int] = FIRST, comments: Sequence[int] = range(1, 81)
) -> dict[str, list[tuple]]:
    """The rows a faithful reader of the file finds, per table."""
    return {"tickets": [ticket(i) for i in tickets], "comments": [comment(i) for i in comments]}


def _insert(con: sqlite3.Connection, tickets: Sequence[int], comments: Sequence[int]) -> None:
    con.executemany("INSERT INTO tickets VALUES (?, ?, ?, ?, ?)", [ticket(i) for i in tickets])
    con.executemany("INSERT INTO comments VALUES (?, ?, ?)", [comment(i) for i in comments])


def with_pragmas(path: Path, *pragmas: str) -> Path:
    """:data:`DDL` and the first batch, the ``pragmas`` set first (``encoding``, ``page_size``,
    ``auto_vacuum``, ``legacy_file_format`` only take effect on a new, empty file)."""
    con = sqlite3.connect(path, isolation_level=None)
    for pragma in pragmas:
        con.execute(f"PRAGMA {pragma}")
    con.execute("BEGIN")
    for statement in DDL:
        con.execute(statement)
    _insert(con, FIRST, range(1, 81))
    con.execute("COMMIT")
    con.close()
    return path


def big_freelist(path: Path) -> Path:
    """The rows, and a dropped table of ~2 MB whose pages are now on the freelist (no VACUUM)."""
    with_pragmas(path)
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("CREATE TABLE scratch (x BLOB)")
    con.executemany("INSERT INTO scratch VALUES (?)", [(bytes(4000),) for _ in range(500)])
    con.execute("DROP TABLE scratch")
    con.close()
    return path


def wal_uncommitted_to_main(path: Path, *, shm: bool = True) -> Path:
    """WAL mode: the first batch checkpointed into the main file, the second committed in the ``-wal``
    only. The files are copied while the writer's connection is still open (closing it would
    checkpoint): the state a running or crashed writer leaves. Without ``shm`` no ``-shm`` is copied."""
    work = path.with_name(path.name + ".writer")
    work.mkdir()
    live = work / "live.db"
    con = sqlite3.connect(live, isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA wal_autocheckpoint=0")
    con.execute("BEGIN")
    for statement in DDL:
        con.execute(statement)
    _insert(con, FIRST, range(1, 81))
    con.execute("COMMIT")
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.execute("BEGIN")
    _insert(con, SECOND, range(81, 101))
    con.execute("UPDATE tickets SET subject = subject || ' (geändert)' WHERE id = 1")
    con.execute("COMMIT")
    shutil.copyfile(live, path)
    shutil.copyfile(live.with_name("live.db-wal"), path.with_name(path.name + "-wal"))
    if shm:
        shutil.copyfile(live.with_name("live.db-shm"), path.with_name(path.name + "-shm"))
    con.close()
    shutil.rmtree(work)
    return path


def wal_expected() -> dict[str, list[tuple]]:
    """What :func:`wal_uncommitted_to_main`'s files hold for SQLite: both batches, ticket 1 changed."""
    rows = expected(tuple(FIRST) + tuple(SECOND), range(1, 101))
    first = rows["tickets"][0]
    rows["tickets"][0] = (first[0], f"{first[1]} (geändert)", *first[2:])
    return rows


def hot_journal(path: Path) -> Path:
    """Rollback-journal mode and a writer that crashed mid-transaction: the files copied while its
    transaction is open, after its cache spilled changed pages into the main file (a 10-page cache and
    more changes than fit). The ``-journal`` is hot: SQLite rolls it back on the next read-write open,
    and what the file holds for it is :func:`expected` (the first batch)."""
    work = path.with_name(path.name + ".writer")
    work.mkdir()
    live = work / "live.db"
    with_pragmas(live, "page_size=1024")
    con = sqlite3.connect(live, isolation_level=None)
    con.execute("PRAGMA cache_size=10")
    con.execute("BEGIN")
    con.execute("UPDATE tickets SET subject = 'lost ' || subject")
    con.executemany("INSERT INTO comments VALUES (?, 1, ?)", [(1000 + i, "x" * 900) for i in range(200)])
    shutil.copyfile(live, path)
    shutil.copyfile(live.with_name("live.db-journal"), path.with_name(path.name + "-journal"))
    con.execute("ROLLBACK")
    con.close()
    shutil.rmtree(work)
    return path


def persisted_journal(path: Path) -> Path:
    """``journal_mode=PERSIST``: after the commit the ``-journal`` stays, its header zeroed (not hot)."""
    return with_pragmas(path, "journal_mode=PERSIST")


def linked_wal_writer(directory: Path) -> tuple[Path, sqlite3.Connection]:
    """``directory/current.db -> directory/real/app.db``, and the connection of the application writing
    it in WAL mode (kept open, no automatic checkpoint), the tables made and the first tickets in."""
    (directory / "real").mkdir()
    real, link = directory / "real" / "app.db", directory / "current.db"
    link.symlink_to(real)
    writer = sqlite3.connect(real, isolation_level=None)
    writer.execute("PRAGMA journal_mode=WAL")
    writer.execute("PRAGMA wal_autocheckpoint=0")
    for statement in DDL:
        writer.execute(statement)
    _insert(writer, FIRST, ())
    return link, writer


def truncated(path: Path) -> Path:
    """The rows' file cut after its first two pages: the header (with the page count) intact."""
    with_pragmas(path, "page_size=1024")
    data = path.read_bytes()
    path.write_bytes(data[:2048])
    return path


def encrypted_like(path: Path) -> Path:
    """What SQLCipher writes: the first 16 bytes a random salt, the rest ciphertext (no SQLite magic)."""
    path.write_bytes(bytes((i * 131 + 17) % 256 for i in range(4096 * 4)))
    return path


def corrupt_schema(path: Path) -> Path:
    """The rows' file with ``sqlite_master``'s page (page 1, after the 100-byte header) overwritten."""
    with_pragmas(path, "page_size=1024")
    data = bytearray(path.read_bytes())
    data[100:1024] = bytes((i * 37) % 256 for i in range(924))
    path.write_bytes(bytes(data))
    return path


def _literal(value: Any) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, bytes):
        return f"X'{value.hex()}'"
    if isinstance(value, str):
        return "'" + value.replace("'", "''") + "'"
    return repr(value)


def schema_format_1(path: Path) -> Path:
    """The rows as an old SQLite (before 3.3.0) wrote them: schema format 1 (header bytes 44-47), no
    compact 0/1 integers in records. Written by the system's SQLite library through its C API with
    ``SQLITE_DBCONFIG_LEGACY_FILE_FORMAT`` on (Python's ``sqlite3`` has no ``setconfig`` before 3.12)."""
    lib = ctypes.CDLL(ctypes.util.find_library("sqlite3") or "libsqlite3.so.0")
    handle = ctypes.c_void_p()
    if lib.sqlite3_open(str(path).encode(), ctypes.byref(handle)) != 0:
        raise OSError(f"cannot create {path}")
    try:
        legacy, was = 1016, ctypes.c_int()  # SQLITE_DBCONFIG_LEGACY_FILE_FORMAT
        lib.sqlite3_db_config(handle, legacy, ctypes.c_int(1), ctypes.byref(was))
        rows = expected()
        inserts = [
            f"INSERT INTO {table} VALUES ({', '.join(_literal(v) for v in row)})"
            for table, values in rows.items()
            for row in values
        ]
        script = ";\n".join(["BEGIN", *DDL, *inserts, "COMMIT"]) + ";"
        if lib.sqlite3_exec(handle, script.encode(), None, None, None) != 0:
            raise OSError(f"cannot write {path}")
    finally:
        lib.sqlite3_close(handle)
    return path


def sqlite2(path: Path) -> Path:
    """The first page of a file SQLite 2 wrote: its magic text (btree.c ``zMagicHeader``), then binary."""
    path.write_bytes(b"** This file contains an SQLite 2.1 database **\x00" + bytes(1024 - 48))
    return path


def wal_file_alone(path: Path) -> Path:
    """The ``-wal`` of :func:`wal_uncommitted_to_main` sent instead of the database (the wrong file)."""
    wal_uncommitted_to_main(path.with_name("sent.db"))
    shutil.copyfile(path.with_name("sent.db-wal"), path)
    return path


def reserved_bytes(path: Path) -> Path:
    """The rows in a file with 8 reserved bytes at the end of every page (header byte 20), as the
    checksum VFS or a decrypted SQLCipher file leaves them: SQLite's shell sets it on an empty file
    (``.filectrl reserve_bytes``), then reads the rows' SQL dump."""
    shell = shutil.which("sqlite3")
    if shell is None:
        raise FileNotFoundError("the sqlite3 shell")
    donor = with_pragmas(path.with_name("donor.db"))
    con = sqlite3.connect(donor)
    dump = "\n".join(con.iterdump())
    con.close()
    subprocess.run(
        [shell, str(path), ".filectrl reserve_bytes 8", ".read /dev/stdin"], input=dump, text=True, check=True
    )
    return path
