"""Profiling of INTEGER columns from DuckDB's typed SQLite scan: numbers, no text in between.

The profile query (:mod:`.sql`) reads every cell as text and shapes it. A column whose every cell
is INTEGER (or NULL) needs none of that: SQLite's text of an INTEGER cell is its digits, whose shape
is INTEGER (a null token aside) and whose only possible flags are those of ``'0'`` and ``'1'``. Such a
column is read by DuckDB's typed scan (``sqlite_all_varchar`` off: a column DuckDB types ``BIGINT``
arrives as int64), its distinct values are counted as numbers, and :func:`native_profile_sql` gives
*the same rows* the profile query gives for the same cells: same codes, counts, bytes, examples and
bounds, so :func:`.profile.fold_groups` and :func:`.profile.infer_column` see no difference.

Which columns hold INTEGER cells only is not known before a full scan, and SQLite's ``typeof`` of every
cell costs a scan of its own. The typed scan checks it instead: it reads a ``BIGINT`` column's
INTEGER and NULL cells, and fails on the first cell of any other class (DuckDB's
``TypeMismatchException`` naming the column). That column is then profiled from its text, as before
(:func:`mismatched_column`).
"""

from __future__ import annotations

from columnar_etl.pg.identifiers import quote_ident
from columnar_etl.profiling.sql import CLASS_FACTOR, EXAMPLES, SHAPE_FACTOR, Flag, StorageClass
from columnar_etl.rules import BOOLEAN_FALSE_DIGIT, BOOLEAN_TRUE_DIGIT, Shape

#: The DuckDB type of a column its typed SQLite scan reads as INTEGER cells only (or fails).
NATIVE_INTEGER_TYPE = "BIGINT"
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


def native_distinct_sql(scan: str, positions: list[int], columns: list[str]) -> str:
    """``(idx, v, weight)``: the distinct values ``v`` (BIGINT; NULL too) of each of ``columns`` (at
    ``positions`` of its table: ``idx``), counted; ``scan``, a typed scan giving ``columns``."""
    indexes = ", ".join(str(position) for position in positions)
    values = ", ".join(quote_ident(name) for name in columns)
    return (
        f"SELECT idx, v, count(*) AS weight FROM (SELECT unnest([{indexes}]) AS idx, "
        f"unnest([{values}]) AS v FROM ({scan}) AS typed_rows) AS cells GROUP BY idx, v"
    )


def native_profile_sql(distinct: str, null_tokens: list[str]) -> str:
    """The profile query's rows (:func:`.sql.table_profile_sql`) for columns of INTEGER cells, from
    ``distinct`` (a query giving :func:`native_distinct_sql`'s rows).

    Each value as the text path sees it: its digits ``t`` (SQLite's text of an int64, DuckDB's too), its
    shape (NULL, a null token, else INTEGER), its flags (``'1'``: a true word and 0/1, ``'0'``: 0/1), its
    number (the double of its digits, which is the double of the integer: both round to nearest).
    """
    tokens = integer_tokens(null_tokens)
    listed = ", ".join(map(str, tokens))
    null_like = f"WHEN list_contains([{listed}], v) THEN {Shape.NULL_LIKE:d} " if tokens else ""
    shaped = (
        "SELECT idx, weight, v, CAST(v AS VARCHAR) AS t, "
        f"CASE WHEN v IS NULL THEN {Shape.NULL:d} {null_like}ELSE {Shape.INTEGER:d} END AS k "
        f"FROM ({distinct}) AS distinct_values"
    )
    storage = f"CASE WHEN v IS NULL THEN {StorageClass.NULL:d} ELSE {StorageClass.INTEGER:d} END"
    flags = (
        f"CASE t WHEN '{BOOLEAN_TRUE_DIGIT}' THEN {Flag.TRUE_WORD + Flag.ZERO_ONE:d} "
        f"WHEN '{BOOLEAN_FALSE_DIGIT}' THEN {Flag.ZERO_ONE:d} ELSE 0 END"
    )
    coded = (
        f"SELECT idx, weight, t, k, CASE WHEN k = {Shape.INTEGER:d} THEN CAST(v AS DOUBLE) END AS n, "
        f"({storage} * {CLASS_FACTOR} + k) * {SHAPE_FACTOR} + {flags} AS code "
        f"FROM ({shaped}) AS shaped"
    )
    # The profile query's aggregates, on what an INTEGER cell can be: no date, no decimal (no scale).
    aggregates = [
        "idx",
        "code",
        "sum(weight) AS cells",
        "count(t) AS distinct_values",
        "sum(weight * strlen(t)) AS bytes",
        f"min(t, {EXAMPLES}) AS examples",
        "CAST(NULL AS TIMESTAMP) AS min_day_first",
        "CAST(NULL AS TIMESTAMP) AS max_day_first",
        "CAST(NULL AS TIMESTAMP) AS min_month_first",
        "CAST(NULL AS TIMESTAMP) AS max_month_first",
        "min(n) AS min_number",
        "max(n) AS max_number",
        "CAST(NULL AS BIGINT) AS max_scale",
        f"max(CASE WHEN k = {Shape.INTEGER:d} THEN length(ltrim(t, '+-')) END) AS max_digits",
        f"min(CASE WHEN k > {Shape.NULL_LIKE:d} THEN t END) AS min_text",
        f"max(CASE WHEN k > {Shape.NULL_LIKE:d} THEN t END) AS max_text",
    ]
    return (
        f"SELECT {', '.join(aggregates)} FROM ({coded}) AS coded "
        "GROUP BY GROUPING SETS ((idx, code), (idx)) ORDER BY idx, code NULLS FIRST"
    )


def mismatched_column(message: str, columns: list[str]) -> str | None:
    """The one of ``columns`` a typed scan's ``TypeMismatchException`` (``message``) names, else None."""
    named = [name for name in columns if f'column "{name}"' in message]
    return named[0] if len(named) == 1 else None
