"""The ``columnar-etl`` command line: argument parsing and rendering only; the work is in the library.

Every :class:`~columnar_etl.errors.EtlError` is caught once, in :class:`~columnar_etl.cli.app.EtlGroup`,
and printed as one line ``error: <where>: <what> (hint: <what to do>)`` on stderr with the error's exit
code (1 unless the error says otherwise); ``--debug`` lets the traceback through instead. Exit codes
follow the one table in :data:`columnar_etl.errors.EXIT_CODE_TABLE` (0 done, 1 error, 2 warnings, 3
gate, 64 usage). Every command takes the global options before or after it
(:func:`~columnar_etl.cli.app.with_global_options`). Each module below registers one group of commands
on :data:`app`; :mod:`columnar_etl.cli.reference` renders docs/cli.md from them.
"""

from __future__ import annotations

import gc
import sys
import threading
import traceback

from columnar_etl.cli import (  # noqa: F401  (each module registers its commands)
    clean_commands,
    gate0_commands,
    load_commands,
    pg_commands,
    profile_commands,
    run_commands,
    source_commands,
    templates_commands,
)
from columnar_etl.cli.app import app
from columnar_etl.cli.closed_output import guard_standard_streams, output_refused_code
from columnar_etl.errors import EtlError
from columnar_etl.process import exit_now

__all__ = ["app", "main"]

#: The exit code typer gives a command Ctrl-C (or SIGTERM, see ``__main__``) interrupted outside the
#: command's own handling: it exits 1 instead, with the one line ("error; nothing live changed"; a run
#: interrupted after its commit returns 2 by itself).
INTERRUPTED = 130


def main() -> None:
    """Console-script entry point. Ends the process itself once a command is done (see :func:`_end`)."""
    guard_standard_streams()  # `columnar-etl ... | head` ends quietly, with the command's own code
    try:
        app()  # typer ends every command with SystemExit
    except SystemExit as ended:
        if ended.code == INTERRUPTED:
            # typer turned a KeyboardInterrupt that came outside the command's own handling (while
            # click parsed the command line, or while a failure's line was being printed) into exit
            # 130, printing nothing: the entry point (``__main__.main``) prints the one line and exits 1.
            raise KeyboardInterrupt from None
        code = ended.code
        if code is None or isinstance(code, int):  # an output the file system refused: said, and its code
            code = output_refused_code(code or 0)
        # The process ends next. Python's shutdown tears down every module and frees every object left
        # (Polars, PyArrow, DuckDB and ADBC leave many): 0.1 s after a `run` on a busy 2-core machine,
        # 0.3-1 s more with the cycle collector. Nothing of ours waits for it: every file is written
        # and closed by now, so once the exit handlers ran and the output is flushed, the process ends.
        gc.freeze()
        _end(code)
        raise SystemExit(code) from None
    except EtlError as exc:
        # --debug let it through for its traceback; the exit code stays the documented one (a gate's
        # refusal 3, a usage error 64), not the 1 Python gives any uncaught exception.
        traceback.print_exc()
        gc.freeze()
        _end(exc.exit_code)
        raise SystemExit(exc.exit_code) from None
    finally:
        # Frozen objects are skipped by the shutdown's cycle collector (when the process does shut down).
        gc.freeze()


def _end(code: object) -> None:
    """Exit with ``code`` as :class:`SystemExit` would, without the interpreter's teardown; returns
    (for the usual shutdown) when a thread is still running, which that shutdown waits for."""
    if any(t.is_alive() and not t.daemon for t in threading.enumerate() if t is not threading.main_thread()):
        return
    if code is None:
        status = 0
    elif isinstance(code, int):
        status = code
    else:  # sys.exit("message"): the message on stderr, exit 1
        print(code, file=sys.stderr)  # noqa: T201
        status = 1
    exit_now(status)
