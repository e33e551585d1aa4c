"""``python -m columnar_etl`` and the ``columnar-etl`` console script.

:func:`main` starts, first of all, what a command needs and can run while the command line's own
modules import (typer, rich, pydantic: ~0.35 s of CPU, mostly holding the GIL): for a command that
opens DuckDB, the one signature check of the SQLite extension (see
:func:`~columnar_etl.source.export.connect_duckdb`; 0.2-0.3 s of hashing outside the GIL). Then it
hands over to :func:`columnar_etl.cli.main`.
"""

from __future__ import annotations

import contextlib
import sys
import threading

#: The commands that open DuckDB with the SQLite extension, first thing or nearly.
DUCKDB_COMMANDS = frozenset({"run", "preflight", "profile", "clean", "load"})
_HELP = frozenset({"--help", "-h", "--version"})


def main() -> None:
    """Console-script entry point (see the module docstring)."""
    words = set(sys.argv[1:])
    if words & DUCKDB_COMMANDS and not words & _HELP:
        threading.Thread(target=_check_extension, name="columnar_etl-extension", daemon=True).start()
    from columnar_etl.cli import main as cli_main  # deliberate: after the check started

    cli_main()


def _check_extension() -> None:
    # A problem with the extension is the command's to report, when it opens DuckDB itself.
    with contextlib.suppress(Exception):
        from columnar_etl.source.export import connect_duckdb  # deliberate: in this thread

        connect_duckdb().close()


if __name__ == "__main__":
    main()
