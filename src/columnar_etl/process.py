"""This process and others: when one started, whether one is gone, and ending this one without the
interpreter's teardown (the console script's last step)."""

from __future__ import annotations

import atexit
import contextlib
import os
import sys
import time
from pathlib import Path
from typing import NoReturn, overload

#: How far apart two readings of one process's start time may be (clock ticks, wall-clock steps).
SAME_PROCESS_SECONDS = 1.0


def exit_now(status: int) -> NoReturn:
    """End the process with ``status`` without the interpreter's teardown: a thread may still be inside
    DuckDB (C++), and the teardown under it aborted the process ("terminate called without an active
    exception", -SIGABRT). The exit handlers run and the output is flushed first."""
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    os._exit(status)


@overload
def process_started() -> float: ...
@overload
def process_started(pid: int) -> float | None: ...
def process_started(pid: int | None = None) -> float | None:
    """When this process (or process ``pid``) started, in epoch seconds: to the clock tick (10 ms) on
    Linux; None when process ``pid`` is gone.

    From ``/proc/<pid>/stat`` and the clock since boot; elsewhere psutil's start time, whose boot time
    is a whole second only.
    """
    try:
        with open(f"/proc/{'self' if pid is None else pid}/stat", "rb") as stat:
            ticks = int(stat.read().rsplit(b")", 1)[1].split()[19])  # field 22, starttime
        return time.time() - time.clock_gettime(time.CLOCK_BOOTTIME) + ticks / os.sysconf("SC_CLK_TCK")
    except FileNotFoundError:
        if pid is not None and Path("/proc/self/stat").is_file():
            return None  # Linux, and that process is gone
    except (OSError, AttributeError, ValueError, IndexError):
        pass
    import psutil  # type: ignore[import-untyped]  # deliberate: not on Linux only; keeps --help light

    try:
        return float(psutil.Process(pid).create_time())
    except psutil.Error:
        return None


def process_gone(pid: int, started: float | None) -> bool:
    """True when process ``pid`` (of this host) no longer exists, or its pid is now another process's:
    one started at another moment than ``started`` (epoch seconds, as :func:`process_started` read it
    while the process ran; None when not known: then only its existence tells).

    In a container where every command gets the same pid, or after a reboot, a killed process's pid is
    soon someone else's: the start time tells them apart. False for what cannot be judged (a pid
    below 1 names no single process)."""
    if pid < 1:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:  # exists, owned by someone else: its start time still tells
        pass
    except OverflowError:  # no such pid can exist, nor be judged
        return False
    now = process_started(pid)
    # A second apart at least: both are computed from the clock since boot, to the clock tick.
    return started is not None and now is not None and abs(now - started) > SAME_PROCESS_SECONDS
