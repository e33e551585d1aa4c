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

Two more ways the output can fail a command that did its work: a write the file system refuses (``>
/dev/full``, a full disk or an I/O error under a redirect: ENOSPC, EIO) and a character the output's
encoding cannot carry (a non-UTF-8 locale, ``LC_ALL=C`` without Python's UTF-8 mode: a table named
``票据``). Either raised out of the command's last print, after a `run` had loaded and recorded its
outcome: exit 1 ("nothing live changed") with "OSError: [Errno 28] ..." or "UnicodeEncodeError ..."
while run.json said done, exit 0. Now a character the encoding lacks is written as its backslash
escape (as Python writes stderr), and a refused write is kept (:attr:`ClosedOutputGuard.refused`) and
said once on stderr as the command ends (:func:`output_refused_code`).
"""

from __future__ import annotations

import codecs
import contextlib
import os
import sys
from typing import Any, TextIO

from columnar_etl.errors import OUTCOME_DECIDED


class ClosedOutputGuard:
    """A text stream that writes to ``stream`` until its reader goes away, then to ``os.devnull``.

    Everything else is the wrapped stream's (``encoding``, ``isatty``, ``fileno``, ``buffer``, ...).
    """

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        #: The first write the file system refused (ENOSPC, EIO: not a reader gone); later output is
        #: dropped, and the command's end says it (:func:`output_refused_code`).
        self.refused: OSError | None = None

    def write(self, text: str) -> int:
        """Write ``text``; nothing is said when the reader has gone."""
        try:
            return self._stream.write(text)
        except BrokenPipeError:
            self._to_devnull()
        except OSError as exc:
            self._refuse(exc)
        return len(text)

    def flush(self) -> None:
        """Flush; nothing is said when the reader has gone."""
        try:
            self._stream.flush()
        except BrokenPipeError:
            self._to_devnull()
        except OSError as exc:
            self._refuse(exc)

    def _refuse(self, exc: OSError) -> None:
        if self.refused is None:
            self.refused = exc
        self._to_devnull()  # what is still buffered goes nowhere, not into a second error

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
    """Wrap ``sys.stdout`` and ``sys.stderr`` (``2>&1 | head`` closes both) in :class:`ClosedOutputGuard`;
    an output whose encoding is not UTF-8 writes what it cannot carry as backslash escapes."""
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is not None and not isinstance(stream, ClosedOutputGuard):
            _escape_what_it_cannot_encode(stream)
            setattr(sys, name, ClosedOutputGuard(stream))


def _escape_what_it_cannot_encode(stream: TextIO) -> None:
    """``stream`` writes a character its encoding lacks as ``\\u7968`` (Python's own choice for stderr),
    never an error: names and values of any script reach a console of any locale."""
    with contextlib.suppress(AttributeError, LookupError, TypeError, ValueError, OSError):
        if codecs.lookup(stream.encoding).name != "utf-8" and stream.errors in ("strict", "surrogateescape"):
            stream.reconfigure(errors="backslashreplace")  # type: ignore[attr-defined]


def output_refused_code(code: int) -> int:
    """The exit code of a command ending with ``code`` whose standard output the file system refused
    (``> /dev/full``), having said so in one line on stderr; ``code`` itself when the output was written.

    A command that recorded its outcome (``run``, ``load``, ``cutover`` ...: run.json holds its exit
    code) keeps its code, and the line is a warning: what it did is done. Any other command's output is
    its result: lost, a code that said "done" (0, 2) becomes 1.
    """
    stdout = sys.stdout
    if not isinstance(stdout, ClosedOutputGuard):
        return code
    stdout.flush()  # what is still buffered meets the refusal now, not in the exit's silent flush
    refused = stdout.refused
    if refused is None:
        return code
    reason = refused.strerror or type(refused).__name__
    if OUTCOME_DECIDED.is_set():
        line = (
            f"warning: stdout: cannot write the output: {reason} (hint: the outcome is the exit code, "
            "and the run record (runs/<run_id>/run.json) holds it whole)"
        )
    else:
        line = f"error: stdout: cannot write the output: {reason} (hint: write it where there is room)"
        code = 1 if code in (0, 2) else code
    with contextlib.suppress(Exception):
        print(line, file=sys.stderr, flush=True)  # noqa: T201
    return code
