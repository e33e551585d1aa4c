"""``python -m columnar_etl`` and the ``columnar-etl`` console script.

:func:`main` starts, first of all, what a command needs and can run while the command line's own
modules import (typer, rich, pydantic: 0.5-0.6 s, mostly holding the GIL): for a command that
opens DuckDB, the one signature check of the SQLite extension (see
:func:`~columnar_etl.source.duckdb_reader.connect_duckdb`; 0.2-0.3 s of hashing outside the GIL); for ``run``
and ``preflight``, the export's integrity check, largest records and identity
(:mod:`columnar_etl.source.early`). Then
it hands over to :func:`columnar_etl.cli.main`.

Python's cyclic garbage collector is off while the command line and the command's own stage import:
the imports allocate a few hundred thousand objects and no garbage, and each full collection during
them walks all of those objects again. Then they are frozen (:func:`gc.freeze`): later collections
leave them alone. From process start to the start of :func:`~columnar_etl.pipeline.runner.run` for
``run`` on the wide benchmark export (the early threads running beside, as always): 1.18-1.21 s ->
1.06-1.07 s of wall, medians of 10 and 20 interleaved fresh processes (2026-12-01).

PyArrow imports NumPy, and NumPy starts OpenBLAS's pool of a thread per core, whose threads spin
waiting for work. Nothing here uses BLAS: a command starts the pool with one thread (no thread of
its own) unless ``OPENBLAS_NUM_THREADS`` says otherwise. A fresh ``import pyarrow`` then 0.3 s of
sleep, medians of 20 interleaved: 464 -> 351 ms of CPU; in a wide ``run`` the pool's threads took
~1.3 % of the machine's samples (``perf``), CPU a CPU-bound run's stages lose.
"""

from __future__ import annotations

import os
import signal
import sys

#: Ctrl-C and SIGTERM that arrived while this module imported, before :func:`main` put its handler in
#: place: the command stops as soon as main starts (exit 1, one line), not with the signal's default.
_EARLY: list[int] = []

#: The signals that stop a command as Ctrl-C does: SIGTERM, and SIGHUP (the terminal or the ssh session
#: it ran in closed) unless the parent ignores it (``nohup``: then it is ignored still). SIGHUP's
#: default ended a run mid-load with exit 129, its run.json `running`, and with ``--json`` no object.
_HANGUP = getattr(signal, "SIGHUP", None)
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM) + (
    (_HANGUP,) if _HANGUP is not None and signal.getsignal(_HANGUP) is not signal.SIG_IGN else ()
)


def _noted(signum: int, frame: object) -> None:
    # Only noted: a KeyboardInterrupt raised during the import would end the process with a traceback.
    _EARLY.append(signum)


# First thing when this module is the program (`columnar-etl`, `python -m columnar_etl`), not when a
# test or a notebook imports it: the imports below took ~10 ms in which SIGTERM ended the process as
# its default does (exit 143, no line). Python's own start-up, before any of this, stays so.
if __name__ == "__main__" or os.path.basename(sys.argv[0]).startswith("columnar-etl"):
    for _stop in STOP_SIGNALS:
        signal.signal(_stop, _noted)

import contextlib  # noqa: E402  (after the handler above, on purpose)
import gc  # noqa: E402
import importlib  # noqa: E402
import json  # noqa: E402
import threading  # noqa: E402
from collections.abc import Callable  # noqa: E402
from pathlib import Path  # noqa: E402

from columnar_etl.process import exit_now  # noqa: E402

#: The commands that open DuckDB with the SQLite extension, first thing or nearly.
DUCKDB_COMMANDS = frozenset({"run", "preflight", "profile", "clean", "load"})
#: The commands whose first work on the export may start early (see :mod:`columnar_etl.source.early`):
#: its integrity check, and for ``run`` its identity too.
EARLY_COMMANDS = frozenset({"run", "preflight"})
_HELP = frozenset({"--help", "-h", "--version"})
#: The stage a command imports first thing: imported here, with the command line (see the docstring).
#: Not ``run``'s: a run writes its record first (``running``), then imports its stage (0.3-0.5 s, more
#: on a busy machine), so a run killed meanwhile leaves a record (``cli.run_commands._stage``).
STAGE_MODULES: dict[str, str] = {}
#: What the command line's ``--json`` flag is spelt (``columnar_etl.cli.app.JSON_FLAG``).
JSON_FLAG = "--json"
#: The global options that take a value (``--target URI``), and the commands that are groups.
_VALUED_GLOBALS = frozenset({"--config", "--target", "--pg-dir", "--log-level"})
_GROUPS = frozenset({"backup", "schemas", "pg", "runs", "templates"})


def main() -> None:
    """Console-script entry point (see the module docstring)."""
    # SIGTERM (a service manager's stop, `kill`) and SIGHUP (see STOP_SIGNALS) end a command as Ctrl-C
    # does: what it was doing is rolled back or recorded (a run's run.json says so) instead of the
    # process vanishing mid-write.
    sys.unraisablehook = _quiet_interrupts
    try:
        # Inside the try: a signal the moment its handler is in place raises there, and is caught.
        for stop in STOP_SIGNALS:
            signal.signal(stop, _interrupted)
        if _EARLY:  # a signal while this module imported: the command stops before it starts
            _interrupted(_EARLY[0], None)
        _start()
    except (KeyboardInterrupt, ImportError) as exc:
        # Before the command line's own handling is in place (while it imports), or after it (as the
        # process ends): still the one line and exit 1, not a traceback and Python's 130 / -SIGINT.
        # An extension module whose initialisation the interrupt ended raises ImportError instead.
        from columnar_etl.errors import INTERRUPTED, interrupted_error  # deliberate: standard library only

        if isinstance(exc, ImportError) and not INTERRUPTED.is_set():
            raise

        ended = interrupted_error()
        app = sys.modules.get("columnar_etl.cli.app")
        if JSON_FLAG in sys.argv[1:] and not (app is not None and getattr(app, "_printed", [0])[0]):
            # `--json` promises one object on stdout whatever the outcome: the command line's own is
            # not there yet (it prints it once it parsed the command), so this is the one.
            command = command_words(sys.argv[1:])
            error = {**ended.to_dict(), "stage": command, "error": "KeyboardInterrupt"}
            printed = {"outcome": "failed", "exit_code": 1, "command": command, "error": error}
            sys.stdout.write(json.dumps(printed, indent=2) + "\n")
            sys.stdout.flush()
        sys.stderr.write(f"error: {ended.one_line()}\n")
        exit_now(1)


def command_words(words: list[str]) -> str:
    """The command a command line names (``cutover``, ``schemas prune``), read without the command
    line's parser: the words that are not options, nor the value of a global option."""
    found: list[str] = []
    taking_value = False
    for word in words:
        if taking_value:
            taking_value = False
        elif word in _VALUED_GLOBALS:
            taking_value = True
        elif not word.startswith("-"):
            found.append(word)
            if len(found) == 2 or found[0] not in _GROUPS:
                break
    return " ".join(found)


def _start() -> None:
    """:func:`main` once the interrupt handlers are in place."""
    gc.disable()
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    words = set(sys.argv[1:])
    if words & DUCKDB_COMMANDS and not words & _HELP:
        threading.Thread(target=_check_extension, name="columnar_etl-extension", daemon=True).start()
        commands = words & EARLY_COMMANDS
        if len(commands) == 1 and (export := early_export(sys.argv[1:])) is not None:
            args = (export, commands.pop())
            threading.Thread(target=_early, args=args, name="columnar_etl-early", daemon=True).start()
    try:
        from columnar_etl.cli import main as cli_main  # deliberate: after the check started

        stages = sorted(STAGE_MODULES[word] for word in words & STAGE_MODULES.keys())
        if len(stages) == 1 and not words & _HELP:
            # A failure is the command's to report, when it imports the module itself.
            with contextlib.suppress(Exception):
                importlib.import_module(stages[0])
            # ...but not an interrupt that an extension module's initialisation turned into
            # ImportError: the command would start as if none had come.
            from columnar_etl.errors import INTERRUPTED  # deliberate: standard library only

            if INTERRUPTED.is_set():
                raise KeyboardInterrupt
    finally:
        gc.freeze()
        gc.enable()
    cli_main()


def _quiet_interrupts(unraisable: sys.UnraisableHookArgs) -> None:
    """``sys.unraisablehook``: an interrupt Python could not raise where the signal landed (a ``__del__``,
    a weakref callback, a C extension's call of Python code that cannot fail) is not printed: the flag
    the handler set (``INTERRUPTED``) ends the command with its one line. Anything else as Python's own
    hook prints it. (A SIGTERM landing in a settings validator's regex printed "Exception ignored in"
    and a traceback before the error line; CI, 2026-12-06.)"""
    if isinstance(unraisable.exc_value, KeyboardInterrupt):
        return
    sys.__unraisablehook__(unraisable)


def _interrupted(signum: int, frame: object) -> None:
    from columnar_etl.errors import INTERRUPTED, INTERRUPTS_HELD, OUTCOME_DECIDED  # deliberate: stdlib only

    INTERRUPTED.set()
    # Once the outcome is decided, the record is being written and printed: let it end. While a
    # native call runs Python code back (interrupts_held), its end raises the interrupt.
    if OUTCOME_DECIDED.is_set() or INTERRUPTS_HELD.is_set():
        return
    if _in_import_locks(frame):
        # Raised inside the import system's own lock code (the main thread waiting for a module another
        # thread imports: the early threads import DuckDB beside it), KeyboardInterrupt left a module
        # lock counted as held, and the process hung for good (about 1 start in 15 with SIGTERM at the
        # early thread's first read of the export). The signal comes again a moment later, to land
        # once the main thread is out of it.
        again = threading.Timer(_AGAIN_SECONDS, os.kill, (os.getpid(), signum))
        again.daemon = True
        again.start()
        return
    raise KeyboardInterrupt


#: How soon a signal that landed in the import system's lock code comes again (see _interrupted).
_AGAIN_SECONDS = 0.02
#: The import system's own code (frozen in CPython): its functions hold and count module locks.
_IMPORT_LOCK_CODE = frozenset({"<frozen importlib._bootstrap>"})


def _in_import_locks(frame: object) -> bool:
    """Whether ``frame``, the main thread's where a signal landed, is the import system's own code."""
    code = getattr(frame, "f_code", None)
    return code is not None and code.co_filename in _IMPORT_LOCK_CODE


def early_export(words: list[str]) -> Path | None:
    """The export a command line names: its one argument that is a SQLite file (None: not one)."""
    # The command line imports it anyway: nothing is added, only moved earlier.
    from columnar_etl.source.sqlite_file import SQLITE_MAGIC  # deliberate: only for these commands

    found = []
    for word in words:
        # Only a regular file is opened: a FIFO's open waits for a writer (for ever when none comes,
        # before any error could be said), and a pipe's bytes read here are lost to the command
        # (`run <(zcat export.db.gz)`): the command says what such a path is (h341).
        if word.startswith("-") or not os.path.isfile(word):
            continue
        with contextlib.suppress(OSError), open(word, "rb") as handle:
            if handle.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC:
                found.append(Path(word))
    return found[0] if len(found) == 1 else None


def _early(export: Path, command: str) -> None:
    with contextlib.suppress(Exception):  # the command does the work itself, and reports its errors
        # These import nothing but the standard library (and the package's errors, quoting and the
        # source's side files: the same).
        from columnar_etl.source import early  # deliberate: in this thread
        from columnar_etl.source.identity import export_identity  # deliberate: in this thread
        from columnar_etl.source.sqlite_file import largest_records  # deliberate: in this thread

        work: dict[str, Callable[[Path], object]] = {
            early.RECORDS: largest_records,
            early.INTEGRITY: early.quick_check,
        }
        if command == "run":
            work[early.IDENTITY] = export_identity
        early.start(export, work)


def _check_extension() -> None:
    # A problem with the extension is the command's to report, when it opens DuckDB itself.
    with contextlib.suppress(Exception):
        # The reader's whole module, as before its connection moved out of it: imported here, beside the
        # command line's imports, as the command imports it anyway.
        from columnar_etl.source import export  # noqa: F401  # deliberate: in this thread
        from columnar_etl.source.duckdb_reader import connect_duckdb  # deliberate: in this thread

        connect_duckdb().close()


if __name__ == "__main__":
    main()
