"""Deterministic synthetic help-desk exports with known dirt, and the truth about them.

``generate_export("x.db", scale=0.01, seed=42, dirt="prod")`` writes ``x.db`` (SQLite: tickets,
comments, timesheets, with export-style column names and declared types that lie) and
``x.truth.json`` (exact dirt counts and the expected statistics after cleaning). Tests of the
profiler and the cleaner assert against that truth.

Other shapes (``--shape`` of ``data/fixtures/generate.py``) test what must not depend on the help-desk
names: :func:`generate_wide_export` (36 ticket columns, long text, other key and reference names, exact
duplicate rows) and :func:`generate_random_export` (everything drawn); each writes a
:class:`ShapeTruth` (keys, duplicates, references, kinds of values) beside the file.
"""

from .random_shape import RandomSpec, draw_random_spec, generate_random_export
from .schema import DIRT_KINDS, DIRT_LEVELS, NULL_TOKENS, TABLES, ColumnSpec, TableSpec
from .shapes import SHAPES, ShapeTruth
from .truth import ColumnTruth, TableTruth, Truth, truth_path_for
from .wide import generate_wide_export
from .writer import generate_export

__all__ = [
    "DIRT_KINDS",
    "DIRT_LEVELS",
    "NULL_TOKENS",
    "SHAPES",
    "TABLES",
    "ColumnSpec",
    "ColumnTruth",
    "RandomSpec",
    "ShapeTruth",
    "TableSpec",
    "TableTruth",
    "Truth",
    "draw_random_spec",
    "generate_export",
    "generate_random_export",
    "generate_wide_export",
    "truth_path_for",
]
