"""Environment variables of the settings' prefix that name no setting (``COLUMNAR_ETL_BACKUPDIR``).

An unknown key in the TOML file is refused naming the nearest valid one; the environment cannot be held
to that: the prefix also holds the variables of this project's own tests and tools, and a shell may
carry variables of another version. A misspelled one was ignored without a word, its setting left at
its default (a backup directory the operator meant to move, a target the run never went to). It is
said instead, in one note naming the variable and the nearest setting's, and still ignored.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Mapping

from columnar_etl.config import ENV_PREFIX, Settings

#: The prefix's variables that are no setting but this project's own: the tests' server
#: (``TEST_PG_URI``), the thorough property tests (``THOROUGH``), the quarter sequences' seeds and log.
TOOL_VARIABLES = frozenset({"TEST_PG_URI", "THOROUGH", "QUARTER_SEEDS", "QUARTER_LOG"})


def unknown_variables(environ: Mapping[str, str] | None = None) -> list[tuple[str, str | None]]:
    """Each variable of ``environ`` (default: the process's) with the settings' prefix that names no
    setting nor one of :data:`TOOL_VARIABLES`, with the variable of the nearest setting (None when no
    setting is near), sorted by name. Settings read their variables case-insensitively, as here."""
    environ = os.environ if environ is None else environ
    fields = list(Settings.model_fields)
    found = []
    for variable in environ:
        if not variable.upper().startswith(ENV_PREFIX):
            continue
        name = variable[len(ENV_PREFIX) :].lower()
        if name in fields or name.upper() in TOOL_VARIABLES:
            continue
        # Compared without underscores too: BACKUPDIR is backup_dir, the word joined.
        joined = {field.replace("_", ""): field for field in fields}
        close = difflib.get_close_matches(name.replace("_", ""), list(joined), n=1)
        near = joined[close[0]] if close else None
        found.append((variable, f"{ENV_PREFIX}{near.upper()}" if near else None))
    return sorted(found)


def unknown_variable_notes(environ: Mapping[str, str] | None = None) -> list[str]:
    """One line per :func:`unknown_variables` entry, to show where the operator reads warnings."""
    return [
        f"environment variable {variable} names no setting and is ignored"
        + (f"; did you mean {near}?" if near else " (see docs/configuration.md)")
        for variable, near in unknown_variables(environ)
    ]
