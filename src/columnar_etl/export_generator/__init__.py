"""Deterministic synthetic help-desk exports with known dirt, and the truth about them.

``generate_export("x.db", scale=0.01, seed=42, dirt="prod")`` writes ``x.db`` (SQLite: tickets,
comments, timesheets, with export-style column names and declared types that lie) and
``x.truth.json`` (exact dirt counts and the expected statistics after cleaning). Tests of the
profiler and the cleaner assert against that truth.
"""

from .schema import DIRT_KINDS, DIRT_LEVELS, NULL_TOKENS, TABLES, ColumnSpec, TableSpec
from .truth import ColumnTruth, TableTruth, Truth, truth_path_for
from .writer import generate_export

__all__ = [
    "DIRT_KINDS",
    "DIRT_LEVELS",
    "NULL_TOKENS",
    "TABLES",
    "ColumnSpec",
    "ColumnTruth",
    "TableSpec",
    "TableTruth",
    "Truth",
    "generate_export",
    "truth_path_for",
]
