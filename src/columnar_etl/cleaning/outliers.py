"""Numeric outliers: flagged and reported, never changed.

Rule (Tukey's fences): a ``numeric`` or ``double`` value is an outlier when it lies outside
``[Q1 - k * IQR, Q3 + k * IQR]``, where Q1/Q3 are the quartiles of the column's finite numbers and
``k`` is ``outlier_iqr_factor`` (default 3, Tukey's "far out"; 0 turns flagging off). Integer columns
are ids, references and counts, where a large value is not suspicious, so they are not judged. A
column whose IQR is 0 (one value dominates) is not judged either: every other value would be flagged.

The quartiles need the whole column before the first batch is judged, so they come from one DuckDB
query over the source table (the same text the cleaner reads, with a comma decimal read as a point).
They are DuckDB's ``quantile_cont`` (linear interpolation between the two order statistics around
``(n - 1) * p``). ``quantile_cont`` holds every value it is given, in memory DuckDB's memory limit
does not cap (~16 bytes a value: 5.6M x 2 for the timesheets of the 40x export, ~170 MiB beside the
batches being cleaned). So the columns are held a few at a time, in scans of at most ``hold_bytes``
of values each; a table whose single column holds more values than that has its quartiles computed
from each column's distinct values and their counts instead: a grouping, which DuckDB keeps within
its memory limit (it spills), holding one row per distinct value (a handful for hours, rates and
versions). Same values, bit for bit. The grouping is no bargain when nearly every value is distinct:
20 comma-decimal columns of 600,000 rows (12M values, nearly all distinct) took 23 s of CPU and
~350 MB of RSS, beyond DuckDB's 256 MB cap, in one grouping; 3 s and ~50 MB in seven scans of
three columns held each. So a table whose columns can be held a few at a time is.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Sequence
from dataclasses import dataclass

import duckdb
import polars as pl

from columnar_etl.pg.identifiers import quote_ident
from columnar_etl.planning.plan import TablePlan
from columnar_etl.profiling.sql import trimmed_sql
from columnar_etl.source.cells import ColumnRead
from columnar_etl.source.export import SOURCE_ALIAS, Source, query_errors

EXAMPLES = 5


@dataclass(frozen=True)
class Fence:
    """The accepted range of one column's values."""

    low: float
    high: float
    q1: float
    q3: float


#: Memory ``quantile_cont`` takes per value it holds (a double, and its vectors' growth), measured.
HELD_VALUE_BYTES = 16
#: Default ``hold_bytes`` of :func:`outlier_fences`: an eighth of the default ``profile_memory_limit``
#: (2M values: the 1M-row narrow benchmark table's two doubles are held, the 40x timesheets counted).
HOLD_BYTES = 32_000_000


def judged_columns(plan: TablePlan) -> list[str]:
    """The columns of ``plan`` whose values are judged: its ``numeric`` and ``double`` ones."""
    return [c.name for c in plan.columns if c.type in ("numeric", "double")]


def counted_by_value(rows: int, columns: int, hold_bytes: int) -> bool:
    """True when the quartiles of ``columns`` columns of ``rows`` rows are counted by value: held one
    by one, the values of even one column would take more than ``hold_bytes``."""
    return columns > 0 and rows * HELD_VALUE_BYTES > hold_bytes


def held_scans(columns: Sequence[str], rows: int, hold_bytes: int) -> list[list[str]]:
    """``columns`` in scans whose values (``rows`` each), held one by one, take at most ``hold_bytes``
    (one scan for them all when they fit; a column a scan of its own at least)."""
    per_scan = max(1, hold_bytes // max(1, rows * HELD_VALUE_BYTES))
    return [list(columns[start : start + per_scan]) for start in range(0, len(columns), per_scan)]


def outlier_fences(
    src: Source,
    plan: TablePlan,
    factor: float,
    native: Collection[str] = (),
    *,
    hold_bytes: int = HOLD_BYTES,
    valid_utf8: Collection[str] = (),
    unpadded: Collection[str] = (),
) -> dict[str, Fence]:
    """Per numeric/double column of ``plan``, its fence (columns with no spread are left out).

    Columns in ``native`` (read as numbers by the cleaner, see ``Source.read_batches``) are read as
    numbers here too, by DuckDB's typed scan: their quartiles are those of the very values cleaned.
    ``hold_bytes``: the most memory the values of one scan may take held one by one (rows x columns
    x :data:`HELD_VALUE_BYTES`); more columns are held in several scans (:func:`held_scans`), and a
    table of more rows than one column's values may hold is counted by value, within DuckDB's memory
    limit (see the module's docstring). ``valid_utf8``: columns the profile found only valid UTF-8 in, read
    without the check and decoding of every cell (as the cleaner reads them); ``unpadded``: columns it
    found no value padded with whitespace in, read untrimmed (trimming them changes nothing, and its
    expression is most of what planning the query costs: 80 columns of a 400-column table, 2-3 s).
    """
    names = judged_columns(plan)
    if factor <= 0 or not names:
        return {}
    texts = [name for name in names if name not in native]
    numbers = [name for name in names if name in native]
    rows = src.table(plan.name).estimated_rows

    def scans(columns: list[str]) -> list[list[str]]:
        if counted_by_value(rows, len(columns), hold_bytes):
            return [columns] if columns else []
        return held_scans(columns, rows, hold_bytes)

    found: dict[str, Sequence[float] | None] = {}
    memory_hint = "raise profile_memory_limit, or set outlier_iqr_factor = 0"
    with query_errors(src.path, plan.name, "outlier quartiles", memory_hint=memory_hint):
        hold = not counted_by_value(rows, len(names), hold_bytes)
        planned = {c.name: c for c in plan.columns}
        for scanned in scans(texts):
            parsed, parts = [], []
            for index, name in enumerate(scanned):
                text = quote_ident(name) if name in unpadded else trimmed_sql(quote_ident(name))
                parsed.append(f"try_cast(replace({text}, ',', '.') AS DOUBLE) AS n{index}")
                parts.append(f"CASE WHEN isfinite(n{index}) THEN n{index} END AS x{index}")
            # Only these columns are read: SQLite hands over no other column (a wide table of free
            # text costs most of its scan in columns the quartiles never look at). REAL cells with all
            # their digits, as the cleaner reads them (SQLite's own text keeps 15: other quartiles).
            reads = [
                ColumnRead(name, decode=name not in valid_utf8, real_digits=planned[name].reals)
                for name in scanned
            ]
            relation = src.relation_sql(plan.name, reads=reads)
            scan = f"SELECT {', '.join(parts)} FROM (SELECT {', '.join(parsed)} FROM {relation})"
            # Closed after its scan: an open cursor keeps its last aggregate's states (quantile_cont's
            # values, ~100 MB for the scans of 20 columns of 600,000 rows) until the source is closed.
            cursor = src.cursor()
            try:
                found |= _scan_quartiles(cursor, scan, scanned, hold=hold)
            finally:
                cursor.close()
        for scanned in scans(numbers):
            parts = [
                f"CASE WHEN isfinite({quote_ident(name)}) THEN {quote_ident(name)} END AS x{index}"
                for index, name in enumerate(scanned)
            ]
            scan = f"SELECT {', '.join(parts)} FROM {SOURCE_ALIAS}.{quote_ident(plan.name)}"
            cursor = src.typed_cursor()
            try:
                found |= _scan_quartiles(cursor, scan, scanned, hold=hold)
            finally:
                cursor.close()
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


#: The quartiles of a fence.
QUARTILES = (0.25, 0.75)


def _scan_quartiles(
    cursor: duckdb.DuckDBPyConnection, scan: str, columns: list[str], *, hold: bool
) -> dict[str, Sequence[float] | None]:
    """Q1 and Q3 of each of ``columns`` (``x0``, ``x1`` ... of ``scan``), by ``quantile_cont`` when
    ``hold``, else counted by value (:func:`_counted_sql`); None for a column with no value."""
    if hold:
        listed = ", ".join(f"quantile_cont(x{i}, {list(QUARTILES)})" for i in range(len(columns)))
        row = cursor.execute(f"SELECT {listed} FROM ({scan})").fetchone() or ()
        return dict(zip(columns, row, strict=True))
    return dict(_counted_quartiles(columns, cursor.execute(_counted_sql(scan, len(columns))).fetchall()))


def _positions(count: int, p: float) -> tuple[int, int, float]:
    """DuckDB's ``quantile_cont`` at ``p`` of ``count`` values: the order statistics (0-based) below
    and above ``(count - 1) * p``, and the fraction of the way between them."""
    rank = (count - 1) * p
    return math.floor(rank), math.ceil(rank), rank - math.floor(rank)


def _counted_sql(scan: str, columns: int) -> str:
    """Per column of ``scan`` (DOUBLE columns ``x0``, ``x1`` ...; NULL for no value), the distinct
    values that hold the order statistics the quartiles need: rows ``(column, value, first, past,
    count)``, the value standing at the 0-based positions ``first`` up to ``past`` of the column's
    ``count`` values.

    The values are counted by value (a grouping, which spills past DuckDB's memory limit), never
    held one by one; only the values at the wanted positions leave DuckDB.
    """
    listed = ", ".join(f"x{i}" for i in range(columns))
    # Every position either quartile interpolates between, exactly as _positions computes them.
    wanted = " OR ".join(
        f"(first <= {edge}((n - 1) * {p}) AND {edge}((n - 1) * {p}) < past)"
        for p in QUARTILES
        for edge in ("floor", "ceil")
    )
    return (
        f"WITH cells AS (SELECT unnest(range({columns})) AS i, unnest([{listed}]) AS x FROM ({scan})), "
        "counted AS (SELECT i, x, count(*) AS c FROM cells WHERE x IS NOT NULL GROUP BY i, x), "
        "placed AS (SELECT i, x, sum(c) OVER (PARTITION BY i ORDER BY x ROWS UNBOUNDED PRECEDING) AS past, "
        "sum(c) OVER (PARTITION BY i) AS n, c FROM counted) "
        f"SELECT i, x, first, past, n FROM (SELECT *, past - c AS first FROM placed) WHERE {wanted}"
    )


def _counted_quartiles(
    names: list[str], rows: list[tuple[int, float, int, int, int]]
) -> dict[str, tuple[float, float]]:
    """Q1 and Q3 of each of ``names`` (in the order of the scan's columns) from :func:`_counted_sql`'s
    rows, interpolated as DuckDB's ``quantile_cont`` does (``lo * (1 - d) + hi * d``, bit for bit);
    a column with no value is left out."""
    by_column: dict[int, list[tuple[float, int, int]]] = {}
    counts: dict[int, int] = {}
    for i, x, first, past, n in rows:
        by_column.setdefault(int(i), []).append((float(x), int(first), int(past)))
        counts[int(i)] = int(n)
    found = {}
    for index, held in by_column.items():

        def at(position: int, held: list[tuple[float, int, int]] = held) -> float:
            return next(x for x, first, past in held if first <= position < past)

        pair = []
        for p in QUARTILES:
            low, high, fraction = _positions(counts[index], p)
            pair.append(at(low) if low == high else at(low) * (1.0 - fraction) + at(high) * fraction)
        found[names[index]] = (pair[0], pair[1])
    return found


def outside(value: pl.Expr, fence: Fence) -> pl.Expr:
    """The value lies outside the fence (NULL is never an outlier)."""
    number = value.cast(pl.Float64)
    return ((number < fence.low) | (number > fence.high)).fill_null(False)
