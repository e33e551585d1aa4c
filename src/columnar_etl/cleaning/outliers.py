"""Numeric outliers: flagged and reported, never changed.

Rule (Tukey's fences): a ``numeric`` or ``double`` value is an outlier when it lies outside
``[Q1 - k * IQR, Q3 + k * IQR]``, where Q1/Q3 are the quartiles of the column's finite numbers and
``k`` is ``outlier_iqr_factor`` (default 3, Tukey's "far out"; 0 turns flagging off). Integer columns
are ids, references and counts, where a large value is not suspicious, so they are not judged. A
column whose IQR is 0 (one value dominates) is not judged either: every other value would be flagged.

The quartiles need the whole column before the first batch is judged, so they come from DuckDB
queries over the source table (the same text the cleaner reads, with a comma decimal read as a point).
They are DuckDB's ``quantile_cont`` (linear interpolation between the two order statistics around
``(n - 1) * p``). ``quantile_cont`` holds every value it is given, in memory DuckDB's memory limit
does not cap (~16 bytes a value: 5.6M x 2 for the timesheets of the 40x export, ~170 MiB beside the
batches being cleaned). So the columns are held a few at a time, in scans of at most ``hold_bytes``
of values each. A table whose single column holds more values than that has its quartiles found by
**bracketing** instead (:func:`_bracketed_quartiles`), the same order statistics in two scans: the
first counts each column's values and places each quartile by ``approx_quantile`` (a t-digest, a
few KB a column) between two bounds :data:`BRACKET` of the values apart on each side; the second
counts the values below each bracket and the values inside it, by value (a grouping within DuckDB's
memory limit, of 0.8 % of the values at most). The wanted order statistics lie inside their
bracket unless the t-digest missed by more than its margin: a column whose bracket missed is
bracketed again :data:`WIDEN` times wider, then, if that missed too, counted by value whole (one
grouping of every distinct value, with their running counts: :func:`_counted_sql`). A column the
profile counted few distinct values in (hours, rates, versions: the cleaner's hint) is counted so
from the start, in one scan instead of two (:func:`quartile_scans`). Same values, bit for bit,
whichever way. Counting every value was the only way before: the quartiles of 10M rows of two
near-distinct doubles took 8.5 s (9.6 s of CPU) and raised the process's peak RSS to 955 MB (a
window over 10M groups); bracketed, 4.3-4.7 s (5.1 s of CPU) and 149 MB, ~100 MB of it DuckDB's
before the query.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

import duckdb
import polars as pl

from columnar_etl.pg.identifiers import quote_ident, quote_literal
from columnar_etl.planning.plan import TablePlan
from columnar_etl.profiling.value_text import minus_read_sql, trimmed_sql
from columnar_etl.rules.numbers import MINUS_SIGN
from columnar_etl.source.cells import ColumnRead
from columnar_etl.source.duckdb_reader import SOURCE_ALIAS, query_errors
from columnar_etl.source.export import SMALL_READ_CELLS, Source

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
#: Half a bracket's width, as a share of the column's values (:func:`_bracketed_quartiles`): the
#: t-digest's rank error on 10M near-distinct doubles was under 0.05 %, a quarter of it.
BRACKET = 0.002
#: A bracket that missed its quartile is tried again this many times wider, once.
WIDEN = 8
#: Memory one value counted inside a bracket takes (its group in DuckDB, its row in Python), measured
#: (10M doubles: 37,395 values in 10 MB; 196,365 in 34 MB).
BRACKET_VALUE_BYTES = 256


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
    return _in_scans(columns, hold_bytes // max(1, rows * HELD_VALUE_BYTES))


def _in_scans(columns: Sequence[str], per_scan: int) -> list[list[str]]:
    """``columns`` in order, ``per_scan`` to a scan (one at least)."""
    per_scan = max(1, per_scan)
    return [list(columns[start : start + per_scan]) for start in range(0, len(columns), per_scan)]


#: How the quartiles of a scan's columns are found (see the module's docstring).
Way = Literal["held", "counted", "bracketed"]


def bracketed_scans(columns: Sequence[str], rows: int, hold_bytes: int) -> list[list[str]]:
    """``columns`` in scans whose brackets (:func:`_bracketed_quartiles`: at most ``2 * BRACKET`` of the
    ``rows`` values a quartile, counted by value) take at most ``hold_bytes`` (a column a scan at least)."""
    per_column = math.ceil(rows * 2 * BRACKET * len(QUARTILES)) * BRACKET_VALUE_BYTES
    return _in_scans(columns, hold_bytes // max(1, per_column))


def counted_scans(columns: Sequence[str], distinct: Mapping[str, int], hold_bytes: int) -> list[list[str]]:
    """Those of ``columns`` with few enough ``distinct`` values (the profile's count) to be counted by
    value in one scan, in scans whose distinct values take at most ``hold_bytes`` together."""
    scans: list[list[str]] = []
    room = 0
    for name in columns:
        if name not in distinct:
            continue
        need = (distinct[name] + 1) * BRACKET_VALUE_BYTES
        if need > hold_bytes:
            continue
        if not scans or need > room:
            scans.append([])
            room = hold_bytes
        scans[-1].append(name)
        room -= need
    return scans


def quartile_scans(
    columns: Sequence[str], rows: int, hold_bytes: int, distinct: Mapping[str, int]
) -> list[tuple[list[str], Way]]:
    """``columns`` in scans, each with the way its quartiles are found: held by ``quantile_cont``
    when one column's values fit ``hold_bytes`` (:func:`held_scans`); else counted by value where the
    profile counted few ``distinct`` values (one scan, a grouping of a few rows), bracketed otherwise
    (two scans, a few values held: :func:`_bracketed_quartiles`)."""
    if not columns:
        return []
    if not counted_by_value(rows, len(columns), hold_bytes):
        return [(scan, "held") for scan in held_scans(columns, rows, hold_bytes)]
    counted = counted_scans(columns, distinct, hold_bytes)
    few = {name for scan in counted for name in scan}
    bracketed = bracketed_scans([name for name in columns if name not in few], rows, hold_bytes)
    return [(scan, "counted") for scan in counted] + [(scan, "bracketed") for scan in bracketed if scan]


def outlier_fences(
    src: Source,
    plan: TablePlan,
    factor: float,
    native: Collection[str] = (),
    *,
    hold_bytes: int = HOLD_BYTES,
    valid_utf8: Collection[str] = (),
    unpadded: Collection[str] = (),
    distinct: Mapping[str, int] | None = None,
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
    ``distinct``: per column, how many distinct values a profile of every row counted in it (at least
    as many as its numbers): a table past ``hold_bytes`` has the quartiles of its columns of few
    values counted by value in one scan, the others' bracketed in two (:func:`quartile_scans`).
    """
    names = judged_columns(plan)
    if factor <= 0 or not names:
        return {}
    texts = [name for name in names if name not in native]
    numbers = [name for name in names if name in native]
    rows = src.table(plan.name).estimated_rows

    def scans(columns: list[str]) -> list[tuple[list[str], Way]]:
        return quartile_scans(columns, rows, hold_bytes, distinct or {})

    found: dict[str, Sequence[float] | None] = {}
    memory_hint = "raise profile_memory_limit, or set outlier_iqr_factor = 0"
    with query_errors(src.path, plan.name, "outlier quartiles", memory_hint=memory_hint):
        planned = {c.name: c for c in plan.columns}
        for scanned, way in scans(texts):
            parsed, parts = [], []
            for index, name in enumerate(scanned):
                # As the cleaner reads them: a leading U+2212 as '-' (minus_sign; a byte test first on
                # a column read untrimmed, one anchored regex on a trimmed one: its trimming expression
                # once), digit groups removed, a decimal comma a point.
                if name in unpadded:
                    text = minus_read_sql(quote_ident(name))
                else:
                    trimmed = trimmed_sql(quote_ident(name))
                    text = f"regexp_replace({trimmed}, {quote_literal('^' + MINUS_SIGN)}, '-')"
                if (separator := planned[name].digit_groups) is not None:
                    text = f"replace({text}, {quote_literal(separator)}, '')"
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
            if rows * len(scanned) <= SMALL_READ_CELLS:
                # A small table's scan on the shared cursor: no SQLite connection (and parse of the
                # export's whole schema) of its own (see Source.small_reads).
                with src.small_reads() as shared:
                    found |= _scan_quartiles(shared, scan, scanned, way)
                continue
            # Closed after its scan: an open cursor keeps its last aggregate's states (quantile_cont's
            # values, ~100 MB for the scans of 20 columns of 600,000 rows) until the source is closed.
            cursor = src.cursor()
            try:
                found |= _scan_quartiles(cursor, scan, scanned, way)
            finally:
                cursor.close()
        for scanned, way in scans(numbers):
            parts = [
                f"CASE WHEN isfinite({quote_ident(name)}) THEN {quote_ident(name)} END AS x{index}"
                for index, name in enumerate(scanned)
            ]
            scan = f"SELECT {', '.join(parts)} FROM {SOURCE_ALIAS}.{quote_ident(plan.name)}"
            cursor = src.typed_cursor()
            try:
                found |= _scan_quartiles(cursor, scan, scanned, way)
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
    cursor: duckdb.DuckDBPyConnection, scan: str, columns: list[str], way: Way
) -> dict[str, Sequence[float] | None]:
    """Q1 and Q3 of each of ``columns`` (``x0``, ``x1`` ... of ``scan``) found the ``way`` given: held
    by ``quantile_cont``, counted by value (:func:`_counted_sql`) or bracketed
    (:func:`_bracketed_quartiles`); None for a column with no value."""
    if way == "held":
        listed = ", ".join(f"quantile_cont(x{i}, {list(QUARTILES)})" for i in range(len(columns)))
        row = cursor.execute(f"SELECT {listed} FROM ({scan})").fetchone() or ()
        return dict(zip(columns, row, strict=True))
    if way == "counted":
        found: dict[str, Sequence[float] | None] = dict.fromkeys(columns)
        return found | _counted_quartiles(
            columns, cursor.execute(_counted_sql(scan, len(columns))).fetchall()
        )
    return _bracketed_quartiles(cursor, scan, columns)


def _bracketed_quartiles(
    cursor: duckdb.DuckDBPyConnection, scan: str, columns: list[str]
) -> dict[str, Sequence[float] | None]:
    """:func:`_scan_quartiles` without holding the values: each quartile found inside a bracket of
    values around DuckDB's ``approx_quantile`` of it (see the module's docstring). A column whose
    bracket missed its order statistics is bracketed :data:`WIDEN` times wider, then counted by value
    (:func:`_counted_sql`); a column with no value is None."""
    shares = [
        min(1.0, max(0.0, p + sign * width))
        for p in QUARTILES
        for width in (BRACKET, BRACKET * WIDEN)
        for sign in (-1, 1)
    ]
    listed = ", ".join(f"count(x{i}), approx_quantile(x{i}, {shares})" for i in range(len(columns)))
    first = cursor.execute(f"SELECT {listed} FROM ({scan})").fetchone() or ()
    counts = {index: int(first[2 * index]) for index in range(len(columns))}
    # Per column, per quartile: the bracket's bounds (narrow, then wide).
    bounds = {
        index: [(first[2 * index + 1][4 * j : 4 * j + 4]) for j in range(len(QUARTILES))]
        for index in range(len(columns))
        if counts[index]
    }
    found: dict[str, Sequence[float] | None] = {name: None for name in columns}
    left = list(bounds)
    for narrow in (True, False):
        if not left:
            break
        brackets = {
            index: [(b[0], b[1]) if narrow else (b[2], b[3]) for b in bounds[index]] for index in left
        }
        counted = cursor.execute(_bracket_sql(scan, brackets)).fetchall()
        missed = []
        for index in left:
            pair = _quartiles_inside(
                counts[index], brackets[index], [r[1:] for r in counted if r[0] == index]
            )
            if pair is None:
                missed.append(index)
            else:
                found[columns[index]] = pair
        left = missed
    if left:
        names = [columns[index] for index in left]
        renamed = ", ".join(f"x{index} AS x{position}" for position, index in enumerate(left))
        rows = cursor.execute(_counted_sql(f"SELECT {renamed} FROM ({scan})", len(left))).fetchall()
        found |= _counted_quartiles(names, rows)
    return found


def _bracket_sql(scan: str, brackets: Mapping[int, list[tuple[float, float]]]) -> str:
    """Per column ``i`` of ``scan`` in ``brackets`` (``x<i>``; its brackets ``[low, high]``, one per
    quartile), rows ``(i, v, below, c)``: ``c`` values equal to ``v`` for each distinct value ``v``
    inside a bracket (``below`` NULL), and for the values outside every bracket ``v`` NULL and
    ``below`` the list of the brackets each lies below (``x < low``, that is ``x <= high``)."""
    indexes = list(brackets)
    values, belows = [], []
    for index in indexes:
        x = f"x{index}"
        inside = " OR ".join(
            f"{x} BETWEEN {low!r}::DOUBLE AND {high!r}::DOUBLE" for low, high in brackets[index]
        )
        below = ", ".join(f"{x} <= {high!r}::DOUBLE" for _, high in brackets[index])
        values.append(f"CASE WHEN {inside} THEN {x} END")
        belows.append(f"CASE WHEN NOT ({inside}) THEN [{below}] END")
    # Bounds as literals in the scan's projection (a join with a table of them ran out of a 16 MB cap).
    return (
        f"SELECT i, v, below, count(*) AS c FROM (SELECT unnest({indexes}) AS i, "
        f"unnest([{', '.join(values)}]) AS v, unnest([{', '.join(belows)}]) AS below FROM ({scan})) "
        "WHERE v IS NOT NULL OR below IS NOT NULL GROUP BY ALL"
    )


def _quartiles_inside(
    count: int, brackets: list[tuple[float, float]], rows: list[tuple[float | None, list[bool] | None, int]]
) -> tuple[float, float] | None:
    """Q1 and Q3 of a column of ``count`` values from :func:`_bracket_sql`'s rows for it, interpolated
    as ``quantile_cont`` does; None when an order statistic a quartile needs lies outside its bracket."""
    values = sorted((float(v), int(c)) for v, _, c in rows if v is not None)
    pair = []
    for j, (p, (low, high)) in enumerate(zip(QUARTILES, brackets, strict=True)):
        # Below the bracket: the values outside every bracket that lie below it, and values inside
        # another bracket that lie below this one.
        position = sum(int(c) for v, below, c in rows if v is None and below is not None and below[j])
        position += sum(c for v, c in values if v < low)
        held: list[tuple[float, int, int]] = []
        for v, c in values:
            if low <= v <= high:
                held.append((v, position, position + c))
                position += c
        first, last, fraction = _positions(count, p)
        lower = next((v for v, start, past in held if start <= first < past), None)
        upper = next((v for v, start, past in held if start <= last < past), None)
        if lower is None or upper is None:
            return None
        pair.append(lower if first == last else lower * (1.0 - fraction) + upper * fraction)
    return pair[0], pair[1]


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
