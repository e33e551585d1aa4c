"""Temporaries named after the process that owns them, and the sweep of those a killed process left.

A process killed with SIGKILL (the OOM killer, ``kill -9``, a container stop) runs no ``finally``: its
DuckDB spill directory (GBs on a large export), its half-written backup, its private copy of the export
and its stored listing of duplicate rows stayed for ever. So the name of each such temporary says who
owns it (:func:`owner_tag`: this host, the pid, and the moment that process started, so that a reused
pid is not taken for the owner: on Linux the boot and the clock ticks since it, which a step of the wall
clock does not move), and the next process that would make one first removes those whose owner is gone
(:func:`sweep_leftovers`). Never one whose owner lives (two runs may work at once), nor another host's
(a shared directory: its pids are not ours to judge), nor anything not named exactly so.
docs/runbook.md, "Temporary files, and what a killed process leaves", lists them.
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
import shutil
import socket
import stat
import tempfile
from pathlib import Path
from typing import Literal

from columnar_etl.observability.logs import get_logger
from columnar_etl.process import process_boot_start, process_gone, process_started

#: ``<host>-<pid>-<start>``: 8 hex of the host name's sha256, the pid, and when that process started:
#: ``<boot>-<ticks>`` on Linux (:func:`~columnar_etl.process.process_boot_start`: the boot and the clock
#: ticks since it, which no step of the wall clock moves), else (and in names made before 2026-12-04)
#: epoch milliseconds (:func:`~columnar_etl.process.process_started`).
OWNER = (
    r"(?P<host>[0-9a-f]{8})-(?P<pid>[1-9][0-9]{0,9})-"
    r"(?:(?P<boot_start>[0-9a-f]{8}-[0-9]{1,20})|(?P<started>[0-9]{1,16}))"
)
#: The private directories made in the temporary directory (``TMPDIR``): DuckDB's spill directory, the
#: reader's private copy of an export outside a run, the cleaner's stored listing of duplicate rows.
TemporaryKind = Literal["duckdb", "reader", "copies"]


def host_tag() -> str:
    """This host in a temporary's name: the first 8 hex digits of its name's sha256."""
    return hashlib.sha256(socket.gethostname().encode()).hexdigest()[:8]


def owner_tag() -> str:
    """This process as the owner in a temporary's name (:data:`OWNER`)."""
    return _owner_tag(os.getpid())  # per pid: a forked child is an owner of its own


@functools.cache
def _owner_tag(pid: int) -> str:
    started = process_boot_start() or str(round(process_started() * 1000))
    return f"{host_tag()}-{pid}-{started}"


def owned_names(before: str, after: str) -> re.Pattern[str]:
    """The names ``<before><owner tag><after>`` (``before`` and ``after``: regular expressions), whole."""
    return re.compile(f"{before}{OWNER}{after}")


@functools.cache
def temporary_names(kind: TemporaryKind) -> re.Pattern[str]:
    """The names of :func:`temporary_prefix`'s directories of ``kind``: ``columnar_etl-<kind>-<owner>-``
    and the 8 characters (``[a-z0-9_]``) :mod:`tempfile` ends such a name with."""
    return owned_names(re.escape(f"columnar_etl-{kind}-"), r"-[a-z0-9_]{8}")


def temporary_prefix(kind: TemporaryKind) -> str:
    """The start of the name of a new private directory of ``kind`` in the temporary directory, for
    :func:`tempfile.mkdtemp` or :class:`tempfile.TemporaryDirectory`: ``columnar_etl-<kind>-<owner>-``.
    The directories of ``kind`` that killed processes left there are removed first."""
    sweep_leftovers(Path(tempfile.gettempdir()), temporary_names(kind))
    return f"columnar_etl-{kind}-{owner_tag()}-"


def sweep_leftovers(directory: Path, names: re.Pattern[str]) -> list[Path]:
    """Remove each entry of ``directory`` whose whole name ``names`` (from :func:`owned_names`) matches
    and whose owner is gone: a process of this host that no longer runs, or whose pid is now another
    process's, or one of an earlier boot (:func:`~columnar_etl.process.process_gone`). Each removal is
    logged (path and bytes); what was removed is returned.

    Best effort: an entry that cannot be removed (another user's) is logged and left; one another
    process removes first is skipped; a symbolic link or other special file is never followed or
    removed. An unreadable or missing ``directory`` has nothing to sweep."""
    host = host_tag()
    removed: list[Path] = []
    try:
        entries = list(os.scandir(directory))
    except OSError:
        return removed
    for entry in entries:
        found = names.fullmatch(entry.name)
        if found is None or found["host"] != host:
            continue
        pid = int(found["pid"])
        started = found["boot_start"] or int(found["started"]) / 1000
        if not process_gone(pid, started):
            continue
        path = Path(entry.path)
        try:
            size = _remove(path)
        except FileNotFoundError:
            continue
        except OSError as exc:
            get_logger().warning(
                "cannot remove a temporary left by a killed process", path=str(path), error=str(exc)
            )
            continue
        if size is not None:
            get_logger().info(
                "removed a temporary left by a killed process", path=str(path), bytes=size, pid=pid
            )
            removed.append(path)
    return removed


def _remove(path: Path) -> int | None:
    """Remove the directory tree or regular file ``path``; its bytes. None (nothing removed) for any
    other kind of entry: a symbolic link named like ours is not followed."""
    status = os.lstat(path)
    if stat.S_ISREG(status.st_mode):
        path.unlink()
        return status.st_size
    if not stat.S_ISDIR(status.st_mode):
        return None
    size = 0
    for root, _dirs, files in os.walk(path):
        for name in files:
            try:
                size += os.lstat(os.path.join(root, name)).st_size
            except FileNotFoundError:
                continue
    shutil.rmtree(path)  # FileNotFoundError: another process sweeps it at the same moment
    return size
