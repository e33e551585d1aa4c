"""Profiling of INTEGER and REAL columns from DuckDB's typed SQLite scan: numbers, no text in between.

The profile query (:mod:`.sql`) reads every cell as text and shapes it. A column whose every cell
is INTEGER (or NULL) needs none of that: SQLite's text of an INTEGER cell is its digits, whose shape
is INTEGER (a null token aside) and whose only possible flags are those of ``'0'`` and ``'1'``. Such a
column is read by DuckDB's typed scan (``sqlite_all_varchar`` off: a column DuckDB types ``BIGINT``
arrives as int64), its distinct values are counted as numbers, and :func:`native_profile_sql` gives
*the same rows* the profile query gives for the same cells: same codes, counts, bytes, examples and
bounds, so :func:`.folded_figures.fold_groups` and :func:`.inference.infer_column` see no difference.

Which columns hold INTEGER cells only is not known before a full scan, and SQLite's ``typeof`` of every
cell costs a scan of its own. The typed scan checks it instead: it reads a ``BIGINT`` column's
INTEGER and NULL cells, and fails on the first cell of any other class (DuckDB's
``TypeMismatchException`` naming the column). That column is then profiled from its text, as before
(:func:`mismatched_column`).

A column of REAL affinity (declared ``REAL``, ``FLOAT``, ``DOUBLE``) holds no INTEGER cell (SQLite
stores an integer given to it as a REAL), so DuckDB's ``DOUBLE`` scan of it, which fails on TEXT and
BLOB, reads REAL cells only (or NULL). Its doubles are counted the same way, and each distinct one
shaped as the text query shapes a REAL cell (see :func:`.distinct_values.distinct_cells_sql`): its shortest
text that reads back as the same double, ``-0.0`` as ``0.0``. (A column of NUMERIC affinity can hold INTEGER
cells, which the ``DOUBLE`` scan would read as doubles without a word: it stays with the text query.)
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

import duckdb

from columnar_etl.pg.identifiers import quote_ident, quote_literal
from columnar_etl.profiling.column_rows import TOKEN_CELLS_TYPE, with_column_rows
from columnar_etl.profiling.distinct_values import in_places, shortest_text_sql
from columnar_etl.profiling.epoch_aggregates import (
    MIN_POSITIVE_INTEGER,
    day_part_sql,
    duration_part_sql,
    open_end_sql,
)
from columnar_etl.profiling.layout_aggregates import (
    BREAK_PADDED,
    INDENTED,
    LINE_ENDED,
    LINE_ENDED_LINES,
    LINES,
    PADDED_WIDTH_BOUNDS,
    PARAGRAPH_INDENTED,
    SPACE_PADDED,
    START_PADDED,
)
from columnar_etl.profiling.number_text import UNGROUPED, exponent_scale_sql
from columnar_etl.profiling.profile_codes import CLASS_FACTOR, EXAMPLES, SHAPE_FACTOR, Flag, StorageClass
from columnar_etl.rules import BOOLEAN_FALSE_DIGIT, BOOLEAN_TRUE_DIGIT, Shape
from columnar_etl.rules.dates import COMPACT_TIMESTAMP_FORMAT, NAMED_COMPACT_TIMESTAMP_RANGE
from columnar_etl.source.cells import sqlite_affinity
from columnar_etl.source.duckdb_reader import SOURCE_ALIAS
from columnar_etl.source.export import Source

#: The DuckDB type of a column its typed SQLite scan reads as INTEGER cells only (or fails).
NATIVE_INTEGER_TYPE = "BIGINT"
#: The DuckDB type of a column of REAL affinity its typed scan reads as REAL cells only (or fails).
NATIVE_REAL_TYPE = "DOUBLE"
#: Most columns :func:`native_distinct_sql` counts in grouping sets: ``grouping()`` is a 64-bit mask.
MAX_GROUPING_COLUMNS = 63
#: Bounds of SQLite's INTEGER (a signed 64-bit integer).
_INT64 = (-(2**63), 2**63 - 1)


def integer_tokens(null_tokens: list[str]) -> list[int]:
    """The null tokens that are the text of some INTEGER cell (``'0'``, ``'-1'``; not ``'007'``)."""
    found = []
    for token in null_tokens:
        try:
            number = int(token)
        except ValueError:
            continue
        if str(number) == token and _INT64[0] <= number <= _INT64[1]:
            found.append(number)
    return found


def native_distinct_sql(
    scan: str,
    positions: list[int],
    columns: list[str],
    reals: Collection[str] = (),
    unique: Collection[str] = (),
) -> str:
    """``(idx, v, w, weight)``: the distinct values of each of ``columns`` (at ``positions`` of its
    table: ``idx``), counted; ``scan``, a typed scan giving ``columns``. A column in ``reals`` (read as
    ``DOUBLE``) has its values in ``w`` (``v`` NULL), any other (``BIGINT``) in ``v`` (``w`` NULL); NULL
    is a value too.

    An integer column in ``unique`` holds a different value on every row and no NULL (SQLite's rowid
    alias): each row is its own value, counted once, with no grouping. (On the 1M-row narrow benchmark
    table, whose ``id`` is one, the counting took 0.42-0.46 s of wall and 0.80-0.82 s of CPU where
    grouping it too took 0.50-0.53 s and 0.96-1.0 s; its other figures are computed as before.)
    """
    singles = [
        (position, name)
        for position, name in zip(positions, columns, strict=True)
        if name in unique and name not in reals
    ]
    if not singles:
        return _grouped_distinct_sql(scan, positions, columns, reals)
    rest = [pair for pair in zip(positions, columns, strict=True) if pair not in singles]
    rows = "unique_typed_rows"
    parts = (
        [_grouped_distinct_sql(f"SELECT * FROM {rows}", [p for p, _ in rest], [n for _, n in rest], reals)]
        if rest
        else []
    )
    parts += [
        f"SELECT {position} AS idx, CAST({quote_ident(name)} AS {NATIVE_INTEGER_TYPE}) AS v, "
        f"CAST(NULL AS {NATIVE_REAL_TYPE}) AS w, CAST(1 AS BIGINT) AS weight FROM {rows}"
        for position, name in singles
    ]
    return f"WITH {rows} AS ({scan}) {' UNION ALL '.join(parts)}"


def _grouped_distinct_sql(scan: str, positions: list[int], columns: list[str], reals: Collection[str]) -> str:
    """:func:`native_distinct_sql` of columns counted by grouping.

    One grouping set per column: each is grouped by its own value alone, in one pass over the scan.
    (Unnesting every row into ``(idx, v)`` pairs and grouping by both took 0.73 s where this takes
    0.51-0.57 s, on the four integer columns of the 1M-row narrow benchmark table: 2M distinct values.)
    ``grouping()`` is a bit mask of the columns a set does *not* group by, the first column's bit
    highest: it tells the sets apart, NULL groups included. In a column's set the other columns are
    NULL, so the first non-NULL of all of them is that column's value (NULL for its NULL group).
    """
    values = [quote_ident(name) for name in columns]
    integers = [quote_ident(name) for name in columns if name not in reals]
    doubles = [quote_ident(name) for name in columns if name in reals]
    if len(values) > MAX_GROUPING_COLUMNS:
        indexes = ", ".join(
            str(position)
            for position, name in sorted(zip(positions, columns, strict=True), key=lambda p: p[1] in reals)
        )
        nulls = ["NULL"] * len(doubles), ["NULL"] * len(integers)
        return (
            f"SELECT idx, v, w, count(*) AS weight FROM (SELECT unnest([{indexes}]) AS idx, "
            f"unnest([{', '.join([*integers, *nulls[0]])}]::BIGINT[]) AS v, "
            f"unnest([{', '.join([*nulls[1], *doubles])}]::DOUBLE[]) AS w "
            f"FROM ({scan}) AS typed_rows) AS cells GROUP BY idx, v, w"
        )
    every = (1 << len(values)) - 1
    mask = f"grouping({', '.join(values)})"
    which = " ".join(
        f"WHEN {every ^ (1 << (len(values) - 1 - i))} THEN {position}" for i, position in enumerate(positions)
    )

    def first(names: list[str], kind: str) -> str:
        return (
            f"CAST(NULL AS {kind})"
            if not names
            else names[0]
            if len(names) == 1
            else f"coalesce({', '.join(names)})"
        )

    sets = ", ".join(f"({name})" for name in values)
    return (
        f"SELECT CASE {mask} {which} END AS idx, {first(integers, NATIVE_INTEGER_TYPE)} AS v, "
        f"{first(doubles, NATIVE_REAL_TYPE)} AS w, count(*) AS weight "
        f"FROM ({scan}) AS typed_rows GROUP BY GROUPING SETS ({sets})"
    )


def native_profile_sql(
    distinct: str,
    null_tokens: list[str],
    reals: Collection[int] = (),
    *,
    integers: bool = True,
    materialize: bool = True,
    timed: Collection[int] = (),
    open_ended: Collection[int] = (),
) -> str:
    """The profile query's rows (:func:`.sql.table_profile_sql`) for columns of INTEGER cells, and of
    REAL cells (those at positions ``reals``), from ``distinct`` (a query giving
    :func:`native_distinct_sql`'s rows); ``integers``: whether any column is not REAL. With both kinds
    the counted values are read twice: ``distinct`` is then materialized first, unless ``materialize``
    is False (a ``distinct`` that reads a table). ``timed``: the positions of the integer columns
    whose 14-digit integers are read as compact timestamps (:func:`.marked_places.named_compact_places`);
    ``open_ended``: those whose integers may be epoch instants (:func:`.epoch_aggregates.open_end_sql`).

    Each value as the text path sees it: an integer's digits ``t`` (SQLite's text of an int64, DuckDB's
    too), its shape (NULL, a null token, else INTEGER), its flags (``'1'``: a true word and 0/1,
    ``'0'``: 0/1), its number (the double of its digits, which is the double of the integer: both round
    to nearest). A double's shortest text (:func:`.distinct_values.shortest_text_sql`: ``-0.0`` is ``0.0``),
    its shape (NULL, a null token, an exponent when the text has an ``e``, ``inf`` and ``-inf`` other text,
    else a decimal), no flag, its number itself. An integer of a ``timed`` column within
    :data:`~columnar_etl.rules.dates.NAMED_COMPACT_TIMESTAMP_RANGE` that is a valid compact timestamp is
    parsed as the text query parses it (its date flags and bounds).
    """
    in_reals = in_places(reals)
    kinds = [(False, f"NOT {in_reals}" if reals else "true")] if integers else []
    kinds += [(True, in_reals)] if reals else []
    once = materialize and len(kinds) > 1
    source = "counted" if once else f"({distinct}) AS counted"
    parts = [
        _kind_profile_sql(
            f"SELECT idx, {'w' if real else 'v'} AS v, weight FROM {source} WHERE {rows}",
            null_tokens,
            real,
            () if real else timed,
            () if real else open_ended,
        )
        for real, rows in kinds
    ]
    union = " UNION ALL ".join(parts)
    return f"WITH counted AS MATERIALIZED ({distinct}) {union}" if once else union


def _kind_profile_sql(
    distinct: str,
    null_tokens: list[str],
    real: bool,
    timed: Collection[int] = (),
    open_ended: Collection[int] = (),
) -> str:
    """:func:`native_profile_sql` for one kind of column: ``distinct`` gives ``(idx, v, weight)``."""
    # No date but a timed column's compact timestamps (an INTEGER or REAL cell is no other date shape).
    parsed = "CAST(NULL AS TIMESTAMP)"
    if real:
        text = shortest_text_sql("v")
        listed = ", ".join(map(quote_literal, null_tokens))
        null_like = f"WHEN list_contains([{listed}], t) THEN {Shape.NULL_LIKE:d} " if null_tokens else ""
        shape = (
            f"CASE WHEN v IS NULL THEN {Shape.NULL:d} {null_like}WHEN isinf(v) THEN {Shape.REAL_INFINITY:d} "
            f"WHEN contains(t, 'e') THEN {Shape.EXPONENT:d} ELSE {Shape.DECIMAL:d} END"
        )
        storage = f"CASE WHEN v IS NULL THEN {StorageClass.NULL:d} ELSE {StorageClass.REAL:d} END"
        flags = "0"
        number = f"CASE WHEN k IN ({Shape.DECIMAL:d}, {Shape.EXPONENT:d}) THEN v END"
        # An exponent's fraction digits count as the text query counts them (sql.exponent_scale_sql).
        scale = (
            f"min(CASE WHEN k = {Shape.DECIMAL:d} THEN strlen(t) - strpos(t, '.') END) AS min_scale, "
            f"max(CASE WHEN k = {Shape.DECIMAL:d} THEN strlen(t) - strpos(t, '.') "
            f"WHEN k = {Shape.EXPONENT:d} THEN {exponent_scale_sql('t')} END) AS max_scale"
        )
        digits = "CAST(NULL AS BIGINT) AS max_digits"
        # Not counted: a column this scan reads as doubles has REAL affinity, so its declared type
        # claims a double, never a decimal, and lossless._written_decimals (a declared decimal's REAL
        # cells) never asks (counting each distinct double's digits cost a 1M-row table of two REAL
        # columns 0.3 s of CPU). The text query counts them (sql.real_digits_sql).
        real_digits = "CAST(NULL AS BIGINT) AS max_real_digits"
        integer_bounds = (
            "CAST(NULL AS HUGEINT) AS min_integer, CAST(NULL AS HUGEINT) AS max_integer, "
            "CAST(NULL AS INTEGER) AS max_day_part, CAST(NULL AS INTEGER) AS max_duration_part"
        )
    else:
        text = "CAST(v AS VARCHAR)"
        tokens = integer_tokens(null_tokens)
        listed = ", ".join(map(str, tokens))
        null_like = f"WHEN list_contains([{listed}], v) THEN {Shape.NULL_LIKE:d} " if tokens else ""
        shape = f"CASE WHEN v IS NULL THEN {Shape.NULL:d} {null_like}ELSE {Shape.INTEGER:d} END"
        storage = f"CASE WHEN v IS NULL THEN {StorageClass.NULL:d} ELSE {StorageClass.INTEGER:d} END"
        flags = (
            f"CASE t WHEN '{BOOLEAN_TRUE_DIGIT}' THEN {Flag.TRUE_WORD + Flag.ZERO_ONE:d} "
            f"WHEN '{BOOLEAN_FALSE_DIGIT}' THEN {Flag.ZERO_ONE:d} ELSE 0 END"
        )
        if timed:
            low, high = (int(bound) for bound in NAMED_COMPACT_TIMESTAMP_RANGE)
            parsed = (
                f"CASE WHEN v BETWEEN {low} AND {high} AND {in_places(timed)} "
                f"THEN try_strptime(t, {quote_literal(COMPACT_TIMESTAMP_FORMAT)}) END"
            )
            compact = Flag.VALID_DAY_FIRST + Flag.VALID_MONTH_FIRST + Flag.COMPACT_TIME
            flags += f" + CASE WHEN d IS NOT NULL THEN {compact:d} ELSE 0 END"
        number = f"CASE WHEN k = {Shape.INTEGER:d} THEN CAST(v AS DOUBLE) END"
        # An INTEGER cell has no decimal (no scale).
        scale = (
            f"min(CASE WHEN k = {Shape.INTEGER:d} THEN 0 END) AS min_scale, CAST(NULL AS BIGINT) AS max_scale"
        )
        # The most digits are those of the smallest or the largest integer (the largest magnitude), so
        # two integer bounds give them: measuring every value's text (a trimmed copy of it per value)
        # cost 0.10 s of 0.20 s on the narrow table's rowid alias (1M values).
        unsigned = [
            f"strlen(ltrim(CAST({edge}(CASE WHEN k = {Shape.INTEGER:d} THEN v END) AS VARCHAR), '-'))"
            for edge in ("min", "max")
        ]
        digits = f"greatest({', '.join(unsigned)}) AS max_digits"
        real_digits = "CAST(NULL AS BIGINT) AS max_real_digits"  # no REAL cell
        # Exact, as sql.table_profile_sql's: n is a double, which rounds an integer beyond 2^53.
        integer_bounds = ", ".join(
            [
                *(
                    f"CAST({edge}(CASE WHEN k = {Shape.INTEGER:d} THEN v END) AS HUGEINT) AS {edge}_integer"
                    for edge in ("min", "max")
                ),
                day_part_sql(f"CASE WHEN k = {Shape.INTEGER:d} THEN v END"),
                duration_part_sql(f"CASE WHEN k = {Shape.INTEGER:d} THEN v END"),
            ]
        )
    texted = f"SELECT idx, weight, v, {text} AS t FROM ({distinct}) AS distinct_values"
    shaped = f"SELECT idx, weight, v, t, {shape} AS k, {parsed} AS d FROM ({texted}) AS texted"
    coded = (
        f"SELECT idx, weight, v, t, k, d, {number} AS n, "
        f"({storage} * {CLASS_FACTOR} + k)::BIGINT * {SHAPE_FACTOR} + {flags} AS code "
        f"FROM ({shaped}) AS shaped"
    )
    # The profile query's aggregates, on what an INTEGER or REAL cell can be: no date but a compact
    # timestamp (read alike in either order).
    positive = f"min(CASE WHEN k = {Shape.INTEGER:d} AND v > 0 THEN v END)"
    aggregates = [
        "idx",
        "code",
        "sum(weight) AS cells",
        "count(t) AS distinct_values",
        "sum(weight * strlen(t)) AS bytes",
        f"min(t, {EXAMPLES}) AS examples",
        "max(weight) AS max_value_cells",
        f"CAST(NULL AS {TOKEN_CELLS_TYPE}) AS token_cells",  # no null token is an INTEGER or REAL cell
        "min(d) AS min_day_first",
        "max(d) AS max_day_first",
        "min(d) AS min_month_first",
        "max(d) AS max_month_first",
        "min(n) AS min_number",
        "max(n) AS max_number",
        integer_bounds,
        "CAST(NULL AS DOUBLE) AS min_grouped",
        "CAST(NULL AS DOUBLE) AS max_grouped",
        scale,
        digits,
        # A REAL cell's column is a double, an INTEGER's digits are max_digits: no decimal to measure.
        "CAST(NULL AS BIGINT) AS max_whole",
        real_digits,
        f"min(CASE WHEN k > {Shape.NULL_LIKE:d} THEN t END) AS min_text",
        f"max(CASE WHEN k > {Shape.NULL_LIKE:d} THEN t END) AS max_text",
        # Numbers have no word form (text_patterns.WORD_FORMS): their lengths decide nothing.
        "CAST(NULL AS BIGINT) AS min_value_bytes",
        "CAST(NULL AS BIGINT) AS max_value_bytes",
        "CAST(NULL AS INTEGER) AS min_separator",  # an INTEGER or REAL cell has no digit groups
        "CAST(NULL AS INTEGER) AS max_separator",
        # A column of INTEGER or REAL cells alone has no comma groups: none is written otherwise.
        f"CAST(NULL AS HUGEINT) AS {UNGROUPED}",
        # Nor padding: no line break ends a number (layout_aggregates.line_ended_sql).
        f"CAST(NULL AS HUGEINT) AS {LINE_ENDED}",
        f"CAST(NULL AS HUGEINT) AS {LINE_ENDED_LINES}",
        f"CAST(NULL AS HUGEINT) AS {LINES}",
        f"CAST(NULL AS HUGEINT) AS {SPACE_PADDED}",
        f"CAST(NULL AS HUGEINT) AS {START_PADDED}",
        *(f"CAST(NULL AS BIGINT) AS {bound}" for bound in PADDED_WIDTH_BOUNDS),
        # The least integer above 0 (sql.MIN_POSITIVE_INTEGER); a REAL cell is none.
        f"CAST({'NULL' if real else positive} AS HUGEINT) AS {MIN_POSITIVE_INTEGER}",
        f"CAST(NULL AS HUGEINT) AS {INDENTED}",
        f"CAST(NULL AS HUGEINT) AS {BREAK_PADDED}",
        f"CAST(NULL AS HUGEINT) AS {PARAGRAPH_INDENTED}",
        # The stand-ins for no end beside epoch integers (a REAL cell is none).
        open_end_sql(f"CASE WHEN k = {Shape.INTEGER:d} THEN v END", open_ended),
    ]
    return with_column_rows(f"SELECT {', '.join(aggregates)} FROM ({coded}) AS coded GROUP BY idx, code")


def mismatched_column(message: str, columns: list[str]) -> str | None:
    """The one of ``columns`` a typed scan's ``TypeMismatchException`` (``message``) names, else None."""
    named = [name for name in columns if f'column "{name}"' in message]
    return named[0] if len(named) == 1 else None


def native_candidates(src: Source, table: str) -> tuple[list[str], list[str]]:
    """The columns of ``table`` DuckDB's typed scan reads as ``BIGINT`` (from their declared types), and
    those of REAL affinity it reads as ``DOUBLE``. None in a table that scan cannot read
    (:attr:`~columnar_etl.source.catalogue.SourceTable.scannable`): all its columns are read as text."""
    info = src.table(table)
    if not info.scannable:
        return [], []
    types = src.native_types(table, info.column_names)
    integers = [name for name in info.column_names if types[name] == NATIVE_INTEGER_TYPE]
    reals = [
        column.name
        for column in info.columns
        if types[column.name] == NATIVE_REAL_TYPE and sqlite_affinity(column.declared_type) == "REAL"
    ]
    return integers, reals


def native_rows(
    src: Source,
    table: str,
    null_tokens: list[str],
    candidates: list[str],
    keep: str,
    reals: Collection[str] = (),
    unique: Collection[str] = (),
    timed: Collection[str] = (),
    open_ended: Collection[str] = (),
) -> tuple[list[dict[str, Any]], list[str]]:
    """The profile query's rows for those of ``candidates`` (:func:`native_candidates`) whose cells are
    all INTEGER (or NULL; those in ``reals`` all REAL), from one typed scan, and those columns' names
    (in table order). With ``keep`` (a table name), their counted values stay in it for the reference
    search's kept values (:func:`.reference_rows.kept_native_sql` keeps the integers). ``unique``: the
    table's rowid alias, if any (see :func:`native_distinct_sql`). ``timed``: the columns whose
    14-digit integers are read as compact timestamps (see :func:`native_profile_sql`); ``open_ended``:
    those whose integers may be epoch instants (:func:`.epoch_aggregates.open_end_sql`).

    A column the scan names as holding another class is left out, and the scan runs again without it.
    """
    names = src.table(table).column_names
    native = list(candidates)
    if not native:
        return [], []
    cursor = src.typed_cursor()
    try:
        while native:
            scan = f"SELECT {', '.join(map(quote_ident, native))} FROM {SOURCE_ALIAS}.{quote_ident(table)}"
            positions = [names.index(name) for name in native]
            distinct = native_distinct_sql(scan, positions, native, reals, unique)
            doubles = [position for position, name in zip(positions, native, strict=True) if name in reals]
            try:
                if keep:
                    cursor.execute(f"CREATE OR REPLACE TABLE {keep} AS {distinct}")
                    distinct = f"SELECT * FROM {keep}"
                integers = len(doubles) < len(native)
                stamped = [
                    position for position, name in zip(positions, native, strict=True) if name in timed
                ]
                ended = [
                    position for position, name in zip(positions, native, strict=True) if name in open_ended
                ]
                profiled = native_profile_sql(
                    distinct,
                    null_tokens,
                    doubles,
                    integers=integers,
                    materialize=not keep,
                    timed=stamped,
                    open_ended=ended,
                )
                result = cursor.execute(profiled)
            except (duckdb.TypeMismatchException, UnicodeDecodeError) as exc:
                # A cell of another class (TEXT in a column declared INTEGER): that column is read as
                # text. (The error quotes the cell: TEXT that is not UTF-8 fails to become a message,
                # and the column is then unknown: every column is read as text.)
                mismatched = mismatched_column(str(exc), native)
                if mismatched is None:
                    return [], []
                native.remove(mismatched)
                continue
            header = [d[0] for d in result.description or []]
            return [dict(zip(header, row, strict=True)) for row in result.fetchall()], native
        return [], []
    finally:
        cursor.close()
