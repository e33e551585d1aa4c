"""Cells of a date column that hold no date: MySQL's zero date and a DEFAULT no calendar has, null-like."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from columnar_etl.config import ColumnOverride
from columnar_etl.models import DATE_TYPES, ColumnProfile
from columnar_etl.profiling.affinity import declared_family
from columnar_etl.profiling.blanks import literal_default
from columnar_etl.profiling.profile_codes import (
    DATE_SHAPE_BY_CODE,
    EXAMPLES,
    NUMBER_SHAPES,
    Flag,
    StorageClass,
    make_code,
    split_code,
)
from columnar_etl.rules import Shape
from columnar_etl.source.tables import SourceColumn


def never_set_default(
    column: SourceColumn, groups: list[dict[str, Any]], override: ColumnOverride | None
) -> tuple[list[dict[str, Any]], tuple[str, int, bool] | None]:
    """``groups`` (a column's rows of the profile query) with the cells holding the column's declared
    DEFAULT counted null-like where that DEFAULT is no date: the column is declared a date or
    timestamp, its DEFAULT is a text literal written as a date that no calendar has
    (``'0000-01-01T00:00:00.000Z'``, year 0: SpatiaLite's ``geometry_columns_time`` rows are created
    holding it in each of their times, and only the ones that happened are ever set) or as no date at
    all (``'now()'``, ``'CURRENT_TIMESTAMP'``: an ORM given SQL's current time as a string quotes it, and
    SQLite stores the text in each row inserted without the column: no time was recorded), and the cells
    of that text's code are that text alone. Such a DEFAULT is what ``0000-00-00 00:00:00`` is to
    MySQL: no date, NULL by the null-token rule (audited), not an impossible or unparseable date
    quarantined (a table's column of them halted the run). The rows unchanged and None otherwise: a
    column no DEFAULT or a valid one declares keeps such text an impossible or unparseable date, and so
    does one whose operator sets its reading (``override``). The third item: the DEFAULT is written as
    a date (of no calendar)."""
    token, _ = literal_default(column.default)
    if (
        override is not None
        or not token
        or declared_family(column.declared_type) not in ("date", "timestamp")
    ):
        return groups, None
    both = Flag.VALID_DAY_FIRST | Flag.VALID_MONTH_FIRST
    rows: list[dict[str, Any]] = []
    cells = 0
    dated = False
    for row in groups:
        if row["code"] is not None:
            storage, shape, bits = split_code(int(row["code"]))
            if (
                storage == StorageClass.TEXT
                and (shape in DATE_SHAPE_BY_CODE or shape == Shape.OTHER)
                and not bits & both
                and int(row["distinct_values"]) == 1
                and [str(value) for value in row["examples"] or []] == [token]
            ):
                cells += int(row["cells"])
                dated = shape in DATE_SHAPE_BY_CODE
                row = {**row, "code": make_code(storage, Shape.NULL_LIKE, bits)}
        rows.append(row)
    return (rows, (token, cells, dated)) if cells else (groups, None)


#: The value a column declared a date or timestamp holds for MySQL's zero date where its schema says
#: ``DEFAULT 0`` (SQLite stores the INTEGER 0, not the text ``0000-00-00 00:00:00``).
ZERO_DATE_TOKEN = "0"


def zero_dates_read(
    column: SourceColumn, infer: Callable[[dict[str, Any]], ColumnProfile], agg: dict[str, Any]
) -> ColumnProfile:
    """The column's profile (``infer`` of ``agg``: :func:`.inference._infer_column`), its MySQL zero
    dates read as such (:func:`_zero_dates_as_null_like`)."""
    inferred = infer(agg)
    zeros = _zero_dates_as_null_like(column, inferred, agg)
    if zeros is None:
        return inferred
    reread = infer(zeros[0])
    if reread.inferred_type != inferred.inferred_type:
        return inferred
    reread.zero_dates = [ZERO_DATE_TOKEN]
    reread.notes.append(
        f"{zeros[1]:,} {'cell holds' if zeros[1] == 1 else 'cells hold'} {ZERO_DATE_TOKEN} in a column "
        f"declared {column.declared_type} whose other values are dates: MySQL's zero date as SQLite "
        "stores a DEFAULT 0, no date: NULL (rule null_like_to_null, as 0000-00-00 00:00:00)"
    )
    return reread


def _zero_dates_as_null_like(
    column: SourceColumn, inferred: ColumnProfile, agg: dict[str, Any]
) -> tuple[dict[str, Any], int] | None:
    """``agg`` with the column's ``0`` cells counted null-like, and how many they are, where they are
    MySQL's zero date: the column is declared a date or timestamp (``DATETIME DEFAULT 0``, Bacula's
    ``EndTime`` of a job still running), reads as one (its other values are dates: ``inferred``), and
    holds no other number. None otherwise: epoch integers beside 0 (a column of numbers, whose note
    says "0 for no date"), integers counting days, an undeclared column (nothing says its 0 is a date;
    beside date text it stays text, every value as written), or 0s that are most of the column (it
    does not read as dates)."""
    if declared_family(column.declared_type) not in ("date", "timestamp") or column.counts_from is not None:
        return None
    if inferred.inferred_type not in DATE_TYPES or inferred.as_written is not None:
        return None
    codes: dict[int, int] = {}
    zeros = numbers = 0
    for code, count in (agg["codes"] or {}).items():
        storage, shape, bits = split_code(int(code))
        if shape in NUMBER_SHAPES:
            numbers += count
        if shape == Shape.INTEGER and bits & Flag.ZERO_ONE and not bits & Flag.TRUE_WORD:
            zeros += count
            code = make_code(storage, Shape.NULL_LIKE, bits & ~int(Flag.ZERO_ONE))
        codes[int(code)] = codes.get(int(code), 0) + count
    if not zeros or numbers != zeros:
        return None
    examples = sorted({*(agg.get("ex_null_like") or []), ZERO_DATE_TOKEN})[:EXAMPLES]
    return {**agg, "codes": codes, "ex_null_like": examples}, zeros
