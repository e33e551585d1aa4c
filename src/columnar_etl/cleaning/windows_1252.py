"""The cleaner's side of rule ``windows_1252`` (:mod:`columnar_etl.rules.windows_1252`): a column of
Windows-1252 text read as Latin-1 (``ColumnPlan.windows_1252``, as the profile found and read it) has
its C1 controls replaced by their Windows-1252 characters before it is trimmed, each changed cell
audited ``windows_1252``."""

from __future__ import annotations

import polars as pl

from columnar_etl.rules.windows_1252 import WINDOWS_1252_C1

#: The C1 controls the rule replaces, and their characters, in one order.
_CONTROLS = list(WINDOWS_1252_C1)
_CHARACTERS = list(WINDOWS_1252_C1.values())
#: Any of them (a Rust regular expression: a class of the characters themselves).
_ANY_CONTROL = "[" + "".join(_CONTROLS) + "]"


def repaired_text(text: pl.Expr) -> pl.Expr:
    """``text`` with each C1 control Windows-1252 defines replaced by its character (one pass)."""
    return text.str.replace_many(_CONTROLS, _CHARACTERS)


def holds_controls(text: pl.Expr) -> pl.Expr:
    """``text`` holds a C1 control the rule replaces: the cell :func:`repaired_text` changes."""
    return text.str.contains(_ANY_CONTROL)
