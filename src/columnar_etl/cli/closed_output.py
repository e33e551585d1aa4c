"""A command whose output is closed early (``columnar-etl --help | head -3``) ends quietly.

Python turns the closed pipe into :class:`BrokenPipeError` on the next write or flush; uncaught, click
exits 1 and an unforeseen one would be ``error: BrokenPipeError ...`` on stderr. ``git`` and ``ls`` end
quietly instead (killed by SIGPIPE). Resetting SIGPIPE to its default would do the same here, but it
would also kill the process when a socket closes under it (the PostgreSQL connection), which Python's
documentation warns against (https://docs.python.org/3/library/signal.html#note-on-sigpipe). Its
recipe instead: point the closed descriptor at ``os.devnull`` and go on. Here that happens at the
first write or flush that meets the closed pipe, so the command still does all its work and exits
with its own code (a ``run`` whose reader went away still loads, records and cuts over as it would:
its outcome is what it did, not what its reader kept reading).
"""

from __future__ import annotations

import contextlib
import os
import sys
from typing import Any, TextIO


class ClosedOutputGuard:
    """A text stream that writes to ``stream`` until its reader goes away, then to ``os.devnull``.

    Everything else is the wrapped stream's (``encoding``, ``isatty``, ``fileno``, ``buffer``, ...).
    """

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        """Write ``text``; nothing is said when the reader has gone."""
        try:
            return self._stream.write(text)
        except BrokenPipeError:
            self._to_devnull()
            return len(text)

    def flush(self) -> None:
        """Flush; nothing is said when the reader has gone."""
        try:
            self._stream.flush()
        except BrokenPipeError:
            self._to_devnull()

    def _to_devnull(self) -> None:
        # The descriptor now writes to /dev/null: what is still buffered (and every later write, by us,
        # rich, click or the interpreter's last flush) goes there without a second error.
        with contextlib.suppress(OSError, ValueError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            try:
                os.dup2(devnull, self._stream.fileno())
            finally:
                os.close(devnull)
            self._stream.flush()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def guard_standard_streams() -> None:
    """Wrap ``sys.stdout`` and ``sys.stderr`` (``2>&1 | head`` closes both) in :class:`ClosedOutputGuard`."""
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is not None and not isinstance(stream, ClosedOutputGuard):
            setattr(sys, name, ClosedOutputGuard(stream))
