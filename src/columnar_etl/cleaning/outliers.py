"""Numeric outliers: flagged and reported, never changed.

Rule (Tukey's fences): a ``numeric`` or ``double`` value is an outlier when it lies outside
``[Q1 - k * IQR, Q3 + k * IQR]``, where Q1/Q3 are the quartiles of the column's finite numbers and
``k`` is ``outlier_iqr_factor`` (default 3, Tukey's "far out"; 0 turns flagging off). Integer columns
are ids, references and counts, where a large value is not suspicious, so they are not judged. A
column whose IQR is 0 (one value dominates) is not judged either: every other value would be flagged.

The quartiles need the whole column before the first batch is judged, so they come from one DuckDB
aggregate over the source table (the same text the cleaner reads, with a comma decimal read as a point).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

import duckdb
import polars as pl

from columnar_etl.errors import SourceError
from columnar_etl.pg.identifiers import quote_ident
from columnar_etl.planning.plan import TablePlan
from columnar_etl.profiling.sql import trimmed_sql
from columnar_etl.source.cells import ColumnRead
from columnar_etl.source.export import SOURCE_ALIAS, Source

EXAMPLES = 5


@dataclass(frozen=True)
class Fence:
    """The accepted range of one column's values."""

    low: float
    high: float
    q1: float
    q3: float


def outlier_fences(
    src: Source, plan: TablePlan, factor: float, native: Collection[str] = ()
) -> dict[str, Fence]:
    """Per numeric/double column of ``plan``, its fence (columns with no spread are left out).

    Columns in ``native`` (read as numbers by the cleaner, see ``Source.read_batches``) are read as
    numbers here too, by DuckDB's typed scan: their quartiles are those of the very values cleaned.
    """
    names = [c.name for c in plan.columns if c.type in ("numeric", "double")]
    if factor <= 0 or not names:
        return {}
    texts = [name for name in names if name not in native]
    numbers = [name for name in names if name in native]
    found: dict[str, tuple[float, float] | None] = {}
    try:
        if texts:
            parts = []
            for index, name in enumerate(texts):
                number = f"try_cast(replace({trimmed_sql(quote_ident(name))}, ',', '.') AS DOUBLE)"
                parts.append(f"CASE WHEN isfinite({number}) THEN {number} END AS x{index}")
            # Only these columns are read: SQLite hands over no other column (a wide table of free
            # text costs most of its scan in columns the quartiles never look at).
            relation = src.relation_sql(plan.name, reads=[ColumnRead(name) for name in texts])
            sql = f"SELECT {_quartiles(len(texts))} FROM (SELECT {', '.join(parts)} FROM {relation})"
            found |= dict(zip(texts, src.cursor().execute(sql).fetchone() or (), strict=True))
        if numbers:
            parts = [
                f"CASE WHEN isfinite({quote_ident(name)}) THEN {quote_ident(name)} END AS x{index}"
                for index, name in enumerate(numbers)
            ]
            scan = f"SELECT {', '.join(parts)} FROM {SOURCE_ALIAS}.{quote_ident(plan.name)}"
            cursor = src.typed_cursor()
            try:
                row = cursor.execute(f"SELECT {_quartiles(len(numbers))} FROM ({scan})").fetchone() or ()
            finally:
                cursor.close()
            found |= dict(zip(numbers, row, strict=True))
    except duckdb.Error as exc:
        raise SourceError(f"outlier quartiles failed: {exc}", path=src.path, table=plan.name) from exc
    fences = {}
    for name in names:
        pair = found.get(name)
        if not pair:
            continue
        q1, q3 = float(pair[0]), float(pair[1])
        spread = q3 - q1
        if spread > 0:
            fences[name] = Fence(q1 - factor * spread, q3 + factor * spread, q1, q3)
    return fences


def _quartiles(columns: int) -> str:
    return ", ".join(f"quantile_cont(x{i}, [0.25, 0.75])" for i in range(columns))


def outside(value: pl.Expr, fence: Fence) -> pl.Expr:
    """The value lies outside the fence (NULL is never an outlier)."""
    number = value.cast(pl.Float64)
    return ((number < fence.low) | (number > fence.high)).fill_null(False)
