"""Work on the export started before the command line has even imported: read-only, outside the GIL.

While ``columnar-etl run`` imports its command line (~0.7 s, one core, mostly holding the GIL), the
other core is free. :func:`start` (called by ``__main__`` for the commands that check the export first)
uses it for what the preflight and the run ask of the export first and what is mostly SQLite's or
hashlib's own work: the integrity check (``PRAGMA quick_check``) and the export's identity (sha256).
:func:`taken` hands a result over when it was computed from the same file (same device, inode, size
and modification time, before and after the work and when asked), and otherwise computes it there
and then, as without an early start. Nothing here ever opens the export for writing.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path
from typing import Any, TypeVar

from columnar_etl.source.collations import stand_in_collations
from columnar_etl.source.side_files import side_file

T = TypeVar("T")

#: The work :func:`start` may do, by name: each a function of the export's path.
INTEGRITY, IDENTITY = "integrity", "identity"

#: What tells one state of a file from another (see :func:`signature`).
Signature = tuple[int, int, int, int]
_started: dict[tuple[str, str], tuple[Signature, Future[Any]]] = {}
_lock = threading.Lock()


def quick_check(path: Path) -> list[str]:
    """SQLite's ``PRAGMA quick_check(5)`` of ``path``, opened read-only: its rows (``["ok"]`` when
    sound); SQLite's error when it cannot check (a lock, not a database)."""
    con = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True, timeout=0)
    try:
        # quick_check does not hold an index to its collation's order (integrity_check does), so a
        # byte-order stand-in of a collation only the writing application has lets it check the rest.
        stand_in_collations(con)
        return [str(row[0]) for row in con.execute("PRAGMA quick_check(5)")]
    finally:
        con.close()


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
