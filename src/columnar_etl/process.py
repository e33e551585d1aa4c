"""Ending the process without the interpreter's teardown (the console script's last step)."""

from __future__ import annotations

import atexit
import contextlib
import os
import sys
from typing import NoReturn


def exit_now(status: int) -> NoReturn:
    """End the process with ``status`` without the interpreter's teardown: a thread may still be inside
    DuckDB (C++), and the teardown under it aborted the process ("terminate called without an active
    exception", -SIGABRT). The exit handlers run and the output is flushed first."""
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    os._exit(status)
