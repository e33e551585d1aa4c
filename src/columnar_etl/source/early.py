"""Work on the export started before the command line has even imported: read-only, outside the GIL.

While ``columnar-etl run`` imports its command line (~0.7 s, one core, mostly holding the GIL), the
other core is free. :func:`start` (called by ``__main__`` for the commands that check the export first)
uses it for what the preflight and the run ask of the export first and what is mostly SQLite's or
hashlib's own work: the integrity check (``PRAGMA quick_check``), the largest record of each table
(SQLite's ``dbstat``, for the preflight's ``source_cells``) and the export's identity (sha256).
:func:`taken` hands a result over when it was computed from the same file (same device, inode, size
and modification time, before and after the work and when asked), and otherwise computes it there
and then, as without an early start. Nothing here ever opens the export for writing.
"""

from __future__ import annotations

import os
import re
import sqlite3
import threading
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path
from typing import Any, TypeVar

from columnar_etl.pg.identifiers import quote_ident
from columnar_etl.source.collations import stand_in_collations
from columnar_etl.source.side_files import side_file

T = TypeVar("T")

#: The work :func:`start` may do, by name: each a function of the export's path.
INTEGRITY, IDENTITY, RECORDS = "integrity", "identity", "records"

#: What tells one state of a file from another (see :func:`signature`).
Signature = tuple[int, int, int, int]
_started: dict[tuple[str, str], tuple[Signature, Future[Any]]] = {}
_lock = threading.Lock()


#: SQLite's words for a function a statement calls and it lacks: ``unknown function: slugify()`` (a
#: VIRTUAL generated column's), ``no such function: slugify``.
_MISSING_FUNCTION = re.compile(r"(?:unknown|no such) function: ([^\s()]+)")


def quick_check(path: Path) -> list[str]:
    """SQLite's ``PRAGMA quick_check(5)`` of ``path``, opened read-only: its rows (``["ok"]`` when
    sound); SQLite's error when it cannot check (a lock, not a database).

    A VIRTUAL generated column may call a function only the writing application defines
    (``GENERATED ALWAYS AS (slugify(title))``): quick_check computes it, and SQLite here refuses the
    whole check ("unknown function: slugify()"), though the file is sound and every stored column
    reads (the reader leaves such a column out, with a warning). Each such function gets a stand-in
    that returns NULL, and the check runs again; what the stand-in's NULLs make of the constraints
    of a table calling it (``NULL value in posts.slug``, ``CHECK constraint failed in posts``) is no
    damage of the file, and is not reported.

    SQLite 3.40's quick_check (not its integrity_check) reports ``NULL value in tag_map.item_id`` for
    every row of a WITHOUT ROWID table whose PRIMARY KEY lists its columns in another order than the
    table (``PRIMARY KEY (tag_id, item_id)``), though no value is NULL. A NULL finding is read back
    (one probe of the column's ``typeof()`` per such column); when the rows hold no NULL there, the
    file is checked again by ``integrity_check``, whose findings stand (unless a collation stand-in
    is in play, which integrity_check would hold an index to: the findings the rows contradict are
    then only left out)."""
    con = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True, timeout=0)
    try:
        # quick_check does not hold an index to its collation's order (integrity_check does), so a
        # byte-order stand-in of a collation only the writing application has lets it check the rest.
        collations = stand_in_collations(con)
        stood_in: list[str] = []
        found = _checked(con, "quick_check", stood_in)
        unheld = _unheld_nulls(con, found)
        if unheld and not collations:
            found = _checked(con, "integrity_check", stood_in)
            unheld = _unheld_nulls(con, found)
        if stood_in or unheld:
            found = _without(found, unheld | _stand_in_findings(con, stood_in))
        return found
    finally:
        con.close()


def _checked(con: sqlite3.Connection, pragma: str, stood_in: list[str]) -> list[str]:
    """``PRAGMA <pragma>(5)``'s rows, a stand-in given to each function SQLite lacks (``stood_in``
    collects their names, lower case)."""
    while True:
        try:
            return [str(row[0]) for row in con.execute(f"PRAGMA {pragma}(5)")]
        except sqlite3.OperationalError as exc:
            missing = _MISSING_FUNCTION.search(str(exc))
            if missing is None or missing.group(1).lower() in stood_in:
                raise
            stood_in.append(missing.group(1).lower())
            con.create_function(missing.group(1), -1, _no_value, deterministic=True)


def _no_value(*_: Any) -> None:
    """A stand-in of a function only the writing application defines: no value."""
    return None


def _stand_in_findings(con: sqlite3.Connection, stood_in: list[str]) -> set[str]:
    """What the stand-ins' NULLs make of the constraints of a table whose CREATE TABLE calls a
    function of ``stood_in``: a generated column's ``NULL value in posts.slug`` and ``CHECK
    constraint failed in posts``."""
    if not stood_in:
        return set()
    calls = re.compile(r"\b(?:" + "|".join(map(re.escape, stood_in)) + r")\s*\(", re.IGNORECASE)
    computed: set[str] = set()
    for name, sql in con.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'").fetchall():
        if not sql or not calls.search(sql):
            continue
        computed.add(f"CHECK constraint failed in {name}")
        for row in con.execute(f"PRAGMA table_xinfo({quote_ident(name)})").fetchall():
            if row[6] in (2, 3):  # hidden 2: VIRTUAL generated, 3: STORED
                computed.add(f"NULL value in {name}.{row[1]}")
    return computed


def _lines(found: list[str]) -> list[str]:
    """The findings of a check's rows (several packed in one row, one a line, under a banner)."""
    return [line.strip() for row in found for line in row.splitlines() if line.strip()]


def _unheld_nulls(con: sqlite3.Connection, found: list[str]) -> set[str]:
    """The ``NULL value in <table>.<column>`` findings of ``found`` whose column holds no NULL."""
    nulls = {line for line in _lines(found) if line.startswith("NULL value in ")}
    if not nulls:
        return set()
    unheld: set[str] = set()
    for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
        for row in con.execute(f"PRAGMA table_xinfo({quote_ident(name)})").fetchall():
            line = f"NULL value in {name}.{row[1]}"
            if line not in nulls or row[6] == 2:  # a VIRTUAL column's value is computed, not read
                continue
            # typeof(), not IS NULL: SQLite answers "NOT NULL column IS NULL" from the schema, unread.
            where = f"typeof({quote_ident(row[1])}) = 'null'"
            probe = f"SELECT EXISTS (SELECT 1 FROM {quote_ident(name)} WHERE {where})"
            if con.execute(probe).fetchone() == (0,):
                unheld.add(line)
    return unheld


def _without(found: list[str], dropped: set[str]) -> list[str]:
    """``found`` without the findings in ``dropped`` (``["ok"]`` when none is left)."""
    kept = []
    for row in found:
        lines = [line for line in row.splitlines() if line.strip() not in dropped]
        if any(line.strip() and not line.startswith("***") for line in lines):
            kept.append("\n".join(lines))
    return kept or ["ok"]


def _key(path: Path) -> str:
    return str(Path(path).resolve())


def signature(path: Path) -> Signature | None:
    """What tells one state of the file from another: device, inode, size, modification time."""
    try:
        found = os.stat(path)
    except OSError:
        return None
    return (found.st_dev, found.st_ino, found.st_size, found.st_mtime_ns)


def start(path: Path, work: dict[str, Callable[[Path], Any]]) -> None:
    """Do ``work`` (name → function of the path) on ``path``, each piece in a thread of its own (the
    last in this one): both read the whole file, mostly outside the GIL, so at 40x (3.7 GB) one after
    the other would take twice as long as side by side.

    Skipped when a writer may be at work (a ``-journal`` or ``-wal`` file beside it): the preflight's
    lock check decides first then, as it always does. A result stands only if the file did not change
    while it was computed.
    """
    if any(side_file(path, suffix).exists() for suffix in ("-journal", "-wal")):
        return
    before = signature(path)
    if before is None:
        return
    futures: dict[str, Future[Any]] = {name: Future() for name in work}
    with _lock:  # every piece is registered before any runs: an ask never misses one that started
        for name, future in futures.items():
            _started[(name, _key(path))] = (before, future)
    pieces = [(futures[name], function) for name, function in work.items()]
    for future, function in pieces[:-1]:
        args = (path, before, future, function)
        threading.Thread(target=_compute, args=args, name="columnar_etl-early", daemon=True).start()
    if pieces:
        _compute(path, before, *pieces[-1])


def _compute(path: Path, before: Signature, future: Future[Any], function: Callable[[Path], Any]) -> None:
    try:
        value = function(path)
    except BaseException as exc:  # the command computes it again, and reports its own error
        future.set_exception(exc)
        return
    if signature(path) != before:
        future.set_exception(RuntimeError("the export changed while it was read"))
    else:
        future.set_result(value)


def taken(name: str, path: Path, compute: Callable[[], T]) -> T:
    """The early result of ``name`` for ``path`` (waited for when still being computed) when it was
    computed from the file as it is now; else ``compute()``. Each early result is handed over once."""
    with _lock:
        found = _started.pop((name, _key(path)), None)
    if found is not None:
        before, future = found
        # A failed early piece is computed again below, where an error is the command's to report.
        if future.exception() is None and signature(path) == before:
            result: T = future.result()
            return result
    return compute()
