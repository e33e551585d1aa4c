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

__all__ = ["app", "main"]


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    finally:
        # The process ends next. Python's shutdown runs the cycle collector over every object left
        # (Polars, PyArrow, DuckDB and ADBC leave many): 0.3-1 s after a `run`. Frozen objects are
        # skipped by it; they are still freed, atexit handlers and thread joins still run.
        gc.freeze()
