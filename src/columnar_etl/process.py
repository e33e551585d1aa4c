"""This process and others: when one started, whether one is gone, and ending this one without the
interpreter's teardown (the console script's last step)."""

from __future__ import annotations

import atexit
import contextlib
import functools
import os
import re
import sys
import time
from pathlib import Path
from typing import NoReturn, overload

#: How far apart two readings of one process's start time in epoch seconds may be (clock ticks, the
#: whole-second boot time of psutil), where it is not known since boot (no ``/proc``).
SAME_PROCESS_SECONDS = 1.0
#: Where Linux says which boot this is: a random UUID, new at each boot, the same in every container.
BOOT_ID = Path("/proc/sys/kernel/random/boot_id")


def exit_now(status: int) -> NoReturn:
    """End the process with ``status`` without the interpreter's teardown: a thread may still be inside
    DuckDB (C++), and the teardown under it aborted the process ("terminate called without an active
    exception", -SIGABRT). The exit handlers run and the output is flushed first."""
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    os._exit(status)


@functools.cache
def boot_id() -> str | None:
    """This boot of the machine: the first 8 hex digits of the kernel's boot id; None without one (not
    Linux)."""
    try:
        found = BOOT_ID.read_text()[:8]
    except OSError:
        return None
    return found if re.fullmatch("[0-9a-f]{8}", found) else None


def _start_ticks(pid: int | None) -> int | None:
    """When this process (or process ``pid``) started, in clock ticks since boot (field 22 of
    ``/proc/<pid>/stat``); None when that process is gone, or there is no ``/proc`` (not Linux)."""
    try:
        with open(f"/proc/{'self' if pid is None else pid}/stat", "rb") as stat:
            return int(stat.read().rsplit(b")", 1)[1].split()[19])  # the name may hold ") "
    except (OSError, ValueError, IndexError):
        return None


def process_boot_start(pid: int | None = None) -> str | None:
    """When this process (or process ``pid``) started, by what no step of the wall clock moves:
    ``<boot>-<ticks>``, this boot (:func:`boot_id`) and the clock ticks since it. Equal for one process
    however often it is read, and for no other process of any boot. None when that process is gone, or
    where there is no ``/proc`` (then :func:`process_started` tells, to a second)."""
    boot = boot_id()
    ticks = None if boot is None else _start_ticks(pid)
    return None if ticks is None else f"{boot}-{ticks}"


@overload
def process_started() -> float: ...
@overload
def process_started(pid: int) -> float | None: ...
def process_started(pid: int | None = None) -> float | None:
    """When this process (or process ``pid``) started, in epoch seconds: to the clock tick (10 ms) on
    Linux; None when process ``pid`` is gone.

    From ``/proc/<pid>/stat`` and the clock since boot; elsewhere psutil's start time, whose boot time
    is a whole second only. Either depends on the wall clock when it is read: two readings of one
    process differ by a step of that clock between them (:func:`process_boot_start` does not).
    """
    linux = Path("/proc/self/stat").is_file()
    ticks = _start_ticks(pid) if linux else None
    if ticks is not None:
        with contextlib.suppress(OSError, AttributeError, ValueError):
            return time.time() - time.clock_gettime(time.CLOCK_BOOTTIME) + ticks / os.sysconf("SC_CLK_TCK")
    elif linux and pid is not None:
        return None  # Linux, and that process is gone
    import psutil  # type: ignore[import-untyped]  # deliberate: not on Linux only; keeps --help light

    try:
        return float(psutil.Process(pid).create_time())
    except psutil.Error:
        return None


def process_gone(pid: int, started: str | float | None) -> bool:
    """True when process ``pid`` (of this host) no longer exists, or its pid is now another process's:
    one started at another moment than ``started``, as it was read while the process ran. That is
    :func:`process_boot_start`'s ``<boot>-<ticks>``, compared exactly (of another boot: gone, whatever
    has the pid now); else epoch seconds (:func:`process_started`), more than
    :data:`SAME_PROCESS_SECONDS` apart; None when not known: then only its existence tells.

    In a container where every command gets the same pid, or after a reboot, a killed process's pid is
    soon someone else's: the start time tells them apart. False for what cannot be judged (a pid
    below 1 names no single process; a boot start where this system has no boot id)."""
    if pid < 1:
        return False
    if isinstance(started, str):
        boot = boot_id()
        if boot is None:
            return False
        if started.split("-", 1)[0] != boot:
            return True  # a process of an earlier boot: none of them runs
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:  # exists, owned by someone else: its start time still tells
        pass
    except OverflowError:  # no such pid can exist, nor be judged
        return False
    if isinstance(started, str):
        now_boot = process_boot_start(pid)
        return now_boot is not None and now_boot != started
    now = process_started(pid)
    # A second apart at least: both are computed from the clock since boot, to the clock tick.
    return started is not None and now is not None and abs(now - started) > SAME_PROCESS_SECONDS
