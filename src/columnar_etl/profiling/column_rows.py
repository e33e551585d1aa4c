"""The profile query's row per column (code NULL), folded from its rows per code
(:func:`with_column_rows`, :func:`folded_codes_sql`): how each column of the query folds
(:data:`BOUNDS` and the counts), the text bounds folded in Python (:func:`column_text_bounds`), and
the order Python reads the rows in (:func:`profile_row_order`)."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

from columnar_etl.profiling.epoch_aggregates import (
    MIN_POSITIVE_INTEGER,
    OPEN_END_BOUNDS,
    OPEN_END_CELLS,
    STAND_IN_CELLS,
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
from columnar_etl.profiling.number_text import UNGROUPED
from columnar_etl.profiling.profile_codes import EXAMPLES

#: The profile query's bounds of a column's values, in the query's order: each named for the aggregate
#: (``min`` / ``max``) that takes it, and that also folds it over the column's codes.
BOUNDS = (
    "min_day_first",
    "max_day_first",
    "min_month_first",
    "max_month_first",
    "min_number",
    "max_number",
    "min_integer",
    "max_integer",
    "max_day_part",
    "max_duration_part",
    "min_grouped",
    "max_grouped",
    "min_scale",
    "max_scale",
    "max_digits",
    "max_whole",
    "max_real_digits",
    "min_text",
    "max_text",
    "min_value_bytes",
    "max_value_bytes",
    "min_separator",
    "max_separator",
)


#: The type of the profile query's ``token_cells``: each null token of a code, trimmed, its cells and
#: their bytes as read.
TOKEN_CELLS_TYPE = "STRUCT(token VARCHAR, cells BIGINT, bytes BIGINT)[]"

#: The profile query's columns after ``idx`` and ``code``, each with how a column's row (code NULL)
#: folds it from the column's coded rows (see :func:`with_column_rows`).
_COLUMN_ROW = {
    "cells": "sum(cells)",
    "distinct_values": "sum(distinct_values)",
    "bytes": "sum(bytes)",
    # The smallest of the smallest: the same list min(value, 5) gives over all the column's values
    # (no NULL in it; NULL when the column has no value).
    "examples": "CASE WHEN count(examples) > 0 "
    f"THEN list_slice(list_sort(flatten(list(examples))), 1, {EXAMPLES}) END",
    "max_value_cells": "max(max_value_cells)",
    "token_cells": "CASE WHEN count(token_cells) > 0 "
    "THEN list_sort(flatten(list(token_cells) FILTER (WHERE token_cells IS NOT NULL))) END",
    **{bound: f"{bound[:3]}({bound})" for bound in BOUNDS},
    UNGROUPED: f"sum({UNGROUPED})",
    LINE_ENDED: f"sum({LINE_ENDED})",
    LINE_ENDED_LINES: f"sum({LINE_ENDED_LINES})",
    LINES: f"sum({LINES})",
    SPACE_PADDED: f"sum({SPACE_PADDED})",
    START_PADDED: f"sum({START_PADDED})",
    **{bound: f"{bound[:3]}({bound})" for bound in PADDED_WIDTH_BOUNDS},
    MIN_POSITIVE_INTEGER: f"min({MIN_POSITIVE_INTEGER})",
    INDENTED: f"sum({INDENTED})",
    BREAK_PADDED: f"sum({BREAK_PADDED})",
    PARAGRAPH_INDENTED: f"sum({PARAGRAPH_INDENTED})",
    **{bound: f"{bound[:3]}({bound})" for bound in OPEN_END_BOUNDS},
    **{
        cells: f"CASE WHEN count({cells}) > 0 "
        f"THEN flatten(list({cells}) FILTER (WHERE {cells} IS NOT NULL)) END"
        for cells in (OPEN_END_CELLS, STAND_IN_CELLS)
    },
}


#: The text of a column's values that its row (code NULL) leaves NULL: its examples (nothing reads
#: them: each code's are shown) and its text bounds (:func:`column_text_bounds`, folded in Python from
#: the codes' own). Folding them in DuckDB copied every long value held in them several times over
#: (the aggregates' states, the lists flattened and sorted) in memory its limit does not count: four
#: TEXT cells of 6-9 MB among 10,000 short rows, `profile` 754-779 MB of RSS.
UNFOLDED = ("examples", "min_text", "max_text")


def column_text_bounds(groups: Collection[Mapping[str, Any]]) -> dict[str, Any]:
    """A column's ``min_text`` and ``max_text`` from its rows of the profile query (:func:`with_column_rows`
    leaves them NULL in the column's row): the least and greatest of its codes' own. The same values
    DuckDB's ``min`` and ``max`` give: a VARCHAR compares by its UTF-8 bytes, a Python ``str`` by its
    code points, the same order."""
    bounds: dict[str, Any] = {}
    for key, pick in (("min_text", min), ("max_text", max)):
        values = [g[key] for g in groups if g["code"] is not None and g[key] is not None]
        bounds[key] = pick(values) if values else None
    return bounds


def with_column_rows(coded: str) -> str:
    """``coded`` (the profile query's aggregates grouped by ``idx`` and code: ``idx``, ``code``, then
    the columns of :data:`_COLUMN_ROW`, matched by name: a query may list them in any order) and one
    more row per column, code NULL: the same
    figures over all its codes, folded from its coded rows by DuckDB (the bounds of some values, such
    as a year-0 date, have no Python equivalent to compare in Python), but for those of
    :data:`UNFOLDED`: NULL (see there).

    These were ``GROUPING SETS ((idx, code), (idx))``, which aggregates every value twice; folding the
    few coded rows instead gives the same rows (``test_column_rows_fold_as_grouping_sets_count``) and
    took 0.38 s where the grouping sets took 0.44 s, on the 1M-row narrow table's 3.2M distinct
    values (two threads). Unordered (see :func:`profile_row_order`): over a table of counted cells, an
    ORDER BY of these few rows made DuckDB run the whole aggregate on one thread (1M-row narrow export:
    1.0 s -> 0.3 s).
    """
    folded = ", ".join(
        f"{'NULL' if name in UNFOLDED else expr} AS {name}" for name, expr in _COLUMN_ROW.items()
    )
    return (
        f"SELECT * FROM (WITH coded_groups AS MATERIALIZED (\n{coded}\n) SELECT * FROM coded_groups "
        f"UNION ALL BY NAME SELECT idx, NULL AS code, {folded} FROM coded_groups GROUP BY idx) AS column_rows"
    )


def folded_codes_sql(coded: str) -> str:
    """``coded``, a relation of the profile query's rows of codes (:func:`.sql.table_profile_sql` without
    column rows) over disjoint sets of a table's distinct values (each value in one), as one row per
    (column, code): its rows folded as :func:`with_column_rows` folds a column's. The same rows as
    one query over all the values gives; :func:`with_column_rows` of them gives the profile query's."""
    folded = ", ".join(f"{expr} AS {name}" for name, expr in _COLUMN_ROW.items())
    return f"SELECT idx, code, {folded} FROM {coded} GROUP BY idx, code"


def profile_row_order(row: Mapping[str, Any]) -> tuple[int, int]:
    """Sort key of the profile query's rows: by column index, a column's bounds (code NULL) first,
    then its codes; the queries leave the order to Python (see :func:`.sql.table_profile_sql`)."""
    return int(row["idx"]), -1 if row["code"] is None else int(row["code"])
