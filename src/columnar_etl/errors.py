"""One exception tree for everything the tool can refuse or fail at.

The CLI catches :class:`EtlError` once, at the top, and prints ``str(error)``: one line naming the
file / table / column involved, followed by a hint on what to do next. Library callers get the same
object with the context as attributes (``.table``, ``.column``, ``.hint``, ``.path``).
"""

from __future__ import annotations

import contextlib
import errno
import threading
from collections.abc import Iterator
from enum import IntEnum
from pathlib import Path
from typing import Literal


class ExitCode(IntEnum):
    """The exit codes of every ``columnar-etl`` command (one table: README, ``--help``, docs/cli.md)."""

    DONE = 0
    ERROR = 1
    WARN = 2
    GATE = 3
    USAGE = 64


#: code, outcome word (as in ``--json`` output and run.json), meaning. The one table of exit codes.
EXIT_CODE_TABLE: tuple[tuple[ExitCode, str, str], ...] = (
    (ExitCode.DONE, "done", "done"),
    (ExitCode.ERROR, "failed", "error; nothing live changed"),
    (
        ExitCode.WARN,
        "warn",
        "done with warnings (values quarantined, rows removed, templates not applicable, drift, "
        "a step after the cutover failed)",
    ),
    (
        ExitCode.GATE,
        "halted",
        "halted or refused by a gate (preflight, circuit breaker, quality gate, validation, template "
        "regression); nothing live changed",
    ),
    (ExitCode.USAGE, "usage", "usage error (unknown option, bad value, missing argument); nothing ran"),
)

#: The outcome word of each exit code.
OUTCOMES: dict[int, str] = {int(code): word for code, word, _ in EXIT_CODE_TABLE}


def exit_code_lines() -> list[str]:
    """The exit-code table as plain lines (``0  done``), for ``--help`` and the docs."""
    return [f"{int(code):<3} {word:<7} {meaning}" for code, word, meaning in EXIT_CODE_TABLE]


#: Set when the command line is told to stop (Ctrl-C, SIGTERM: see ``__main__``). An interrupt that
#: lands inside a library's call (ADBC pulling the cleaned batches, DuckDB running a query) comes
#: back as that library's error, not as ``KeyboardInterrupt``: this says what it was.
INTERRUPTED = threading.Event()
#: Set once a command's outcome is decided: what is left is writing its record and printing it. An
#: interrupt then only sets :data:`INTERRUPTED` (see ``__main__``): it would otherwise cut the record's
#: last write short (run.json left "running") or end the process with exit 1 ("nothing live changed")
#: after a commit the record says happened. Cleared when a run or a recorded command starts.
OUTCOME_DECIDED = threading.Event()


def raise_if_interrupted() -> None:
    """Raise ``KeyboardInterrupt`` when the command line was told to stop (:data:`INTERRUPTED`) and the
    outcome is not decided yet: called just before a commit that would change what is live.

    The signal handler (``__main__``) raises at once, but Python drops an exception raised while the
    main thread runs a weakref callback or a ``__del__``: it prints "Exception ignored" and goes on.
    A SIGTERM landing in an import's module-lock callback so was lost, and the load committed and
    exited 2 (CI, 2026-12-02). The flag stays set: checked before the commit, the interrupt holds."""
    if INTERRUPTED.is_set() and not OUTCOME_DECIDED.is_set():
        raise KeyboardInterrupt


#: Set while the main thread runs a native call that calls Python code back (Polars collecting a frame
#: with a Python expression: :func:`interrupts_held`). An interrupt then only sets :data:`INTERRUPTED`
#: (see ``__main__``), and is raised as the call returns: raised inside the Python code, Polars
#: panicked over it, and Rust printed its panic and a backtrace of ~100 frames on stderr before the
#: interrupt's line (CI, 2026-12-07).
INTERRUPTS_HELD = threading.Event()


@contextlib.contextmanager
def interrupts_held() -> Iterator[None]:
    """Hold an interrupt of the main thread (:data:`INTERRUPTS_HELD`) while the block runs, and raise
    it as the block ends (:func:`raise_if_interrupted`). Another thread's block holds nothing: a
    signal's handler runs on the main thread only, and Python code another thread runs for a native
    call is never interrupted by it. The wait is the block's: one batch's collect."""
    if threading.current_thread() is not threading.main_thread() or INTERRUPTS_HELD.is_set():
        yield
        return
    INTERRUPTS_HELD.set()
    try:
        yield
    finally:
        INTERRUPTS_HELD.clear()
    raise_if_interrupted()


def interrupt_of_panic(exc: BaseException) -> bool:
    """Whether ``exc`` is a Rust library's panic over the interrupt a Python function it called got:
    pyo3's ``PanicException`` (a ``BaseException``, past every ``except Exception``): Polars unwraps a
    Python UDF's result, and SIGTERM or Ctrl-C landing in one panicked it, a traceback of 100 frames and
    no JSON object."""
    return type(exc).__name__ == "PanicException" and (
        INTERRUPTED.is_set() or "KeyboardInterrupt" in str(exc)
    )


class EtlError(Exception):
    """Root of every error the tool raises on purpose.

    ``message`` says what went wrong; the optional context says where (``path``, ``table``,
    ``column``) and ``hint`` says what the user can do about it. ``exit_code`` is what the CLI exits
    with (1 unless a subclass says otherwise).
    """

    exit_code: int = ExitCode.ERROR

    def __init__(
        self,
        message: str,
        *,
        path: str | Path | None = None,
        table: str | None = None,
        column: str | None = None,
        hint: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = str(path) if path is not None else None
        self.table = table
        self.column = column
        self.hint = hint

    def where(self) -> str:
        """The context as ``file x.db, table "t", column "c"`` (empty when there is none)."""
        parts: list[str] = []
        if self.path is not None:
            parts.append(f"file {self.path}")
        if self.table is not None:
            parts.append(f"table {self.table!r}")
        if self.column is not None:
            parts.append(f"column {self.column!r}")
        return ", ".join(parts)

    def one_line(self) -> str:
        """The message as the CLI prints it: ``<where>: <message> (hint: <hint>)``, on one line."""
        where = self.where()
        text = f"{where}: {self.message}" if where else self.message
        if self.hint:
            text = f"{text} (hint: {self.hint})"
        return " ".join(text.split())

    def __str__(self) -> str:
        return self.one_line()

    def to_dict(self) -> dict[str, str | int | None]:
        """The error as JSON-ready data (for run records and ``--json`` output)."""
        return {
            "error": type(self).__name__,
            "message": self.message,
            "path": self.path,
            "table": self.table,
            "column": self.column,
            "hint": self.hint,
            "exit_code": self.exit_code,
        }


def failure_outcome(exc: BaseException) -> Literal["halted", "failed"]:
    """What a command, stage or ledger row that ``exc`` ended is: ``halted`` when a gate refused
    (exit 3), ``failed`` for any other error (exit 1)."""
    return "halted" if isinstance(exc, EtlError) and exc.exit_code == ExitCode.GATE else "failed"


def interrupted_error() -> EtlError:
    """The error of a command that Ctrl-C (or SIGTERM) stopped before it changed anything (exit 1)."""
    return EtlError("interrupted: nothing live changed", hint="run again")


class ConfigError(EtlError):
    """A setting is missing, of the wrong type, or contradicts another one."""


class UsageError(EtlError):
    """An argument is out of its range or malformed: refused before anything runs (exit 64)."""

    exit_code = 64


class SourceError(EtlError):
    """The SQLite source cannot be read: missing, not SQLite, corrupt, empty, unreadable, no such table."""


class TargetError(EtlError):
    """The PostgreSQL target cannot be reached, authenticated against, or used."""


class ProfileHalt(EtlError):
    """The circuit breaker stopped the run: the data is too damaged to load safely."""

    exit_code = ExitCode.GATE


class TableTooWide(EtlError):
    """A table the plan types wider than PostgreSQL holds (too many columns, rows over a page): refused
    by the gate before anything is cleaned or loaded; nothing live changed (exit 3)."""

    exit_code = ExitCode.GATE


class CellTooLarge(EtlError):
    """A cell (or row) of the export too large to move: over PostgreSQL's 1 GB a field or a row, or over
    ``max_cell_size``. Refused before the profile reads it; nothing live changed (exit 3)."""

    exit_code = ExitCode.GATE


class CleanError(EtlError):
    """Cleaning could not produce its output (unwritable destination, policy ``fail`` hit, ...)."""


class LoadError(EtlError):
    """Loading into PostgreSQL failed; the version being loaded was rolled back."""


class CutoverRefused(LoadError):
    """A check refused a cutover (a dashboard template would break): nothing live changed (exit 3)."""

    exit_code = ExitCode.GATE


class Declined(EtlError):
    """The operator declined at a confirmation prompt: refused, as by a gate; nothing ran (exit 3)."""

    exit_code = ExitCode.GATE


class PreflightFailed(EtlError):
    """A Gate 0 environment check failed: the gate refused the run (exit 3)."""

    exit_code = ExitCode.GATE


class BackupError(EtlError):
    """A backup could not be made, verified or restored."""


#: What a file system answers a write it has no room for: full, over a quota, or over the process's file
#: size limit (``ulimit -f``: EFBIG, with SIGXFSZ ignored).
NO_ROOM = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG})


def no_room_hint(what: str, elsewhere: str) -> str:
    """The hint of a write of ``what`` (``it``, ``the backup``) the file system refused for room
    (:data:`NO_ROOM`), its last way out ``elsewhere`` (where else to write)."""
    return (
        f"the file system has no room for {what} (full, a quota, or a file size limit: ulimit -f): free some "
        f"space or raise the limit, or {elsewhere}"
    )


def file_not_written(exc: BaseException) -> EtlError | None:
    """The error of a write to a file the file system refused for room (:data:`NO_ROOM`), naming the
    file ``exc`` names (see :func:`~columnar_etl.atomic.write_text_atomically`); None for any other
    exception. Was: "OSError: [Errno 27] File too large", no file, hint "run again with --debug"."""
    if not isinstance(exc, OSError) or exc.errno not in NO_ROOM or not isinstance(exc.filename, str):
        return None
    error = EtlError(
        f"cannot write the file: {exc.strerror or exc}",
        path=exc.filename,
        hint=no_room_hint("it", "write to another directory (runs_dir, backup_dir)"),
    )
    error.__cause__ = exc  # --debug's traceback shows the write that failed
    return error
