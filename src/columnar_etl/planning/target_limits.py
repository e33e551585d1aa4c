"""The tables a plan types too wide for a PostgreSQL table, found before anything is loaded.

A table of more columns than PostgreSQL takes, or whose every row holds more fixed-width values than
one row can (:mod:`columnar_etl.pg.row_limits`), failed only at the load's ``CREATE TABLE`` or
``COPY`` (exit 1, nothing live changed), after the profile and the cleaning. The plan's types say how
wide the row is; the profile says which columns hold a value in every row (every row read, each a
valid value of the type the profile gave it: no NULL, blank, null token or value quarantined). A row
holds a value in every column, or a NULL in one at least (its header then grows by a bit per column),
and the values of those columns either way: a table refused here has no row PostgreSQL can store. One
not refused may still hold such a row (its nullable columns all holding values): the load then fails
at its COPY as before (exit 1, nothing live changed).
"""

from __future__ import annotations

from dataclasses import dataclass

from columnar_etl.models import Profile
from columnar_etl.pg.identifiers import MAX_TABLE_COLUMNS, WIDE_TABLE_HINT
from columnar_etl.pg.row_limits import MAX_ROW_BYTES, header_bytes, least_row_bytes
from columnar_etl.planning.plan import ColumnPlan, Plan, TablePlan


@dataclass(frozen=True)
class TooWide:
    """One table PostgreSQL cannot hold as planned: why, and what the operator can do."""

    table: str
    message: str
    hint: str
    #: What was counted (columns, or a row's bytes) and PostgreSQL's most.
    value: int = 0
    limit: int = 0


def too_wide(plan: Plan, profiled: Profile | None) -> list[TooWide]:
    """Every table of ``plan`` PostgreSQL cannot hold: more columns written than
    :data:`~columnar_etl.pg.identifiers.MAX_TABLE_COLUMNS`, or every row of it wider than
    :data:`MAX_ROW_BYTES` (at their planned types, counting the columns ``profiled`` finds a value in on
    every row). Without a profile of every row, only the columns are counted."""
    found: list[TooWide] = []
    for name, table in plan.tables.items():
        count = len(table.columns)
        if count > MAX_TABLE_COLUMNS:
            found.append(
                TooWide(
                    name,
                    f"{count:,} columns to load: a PostgreSQL table holds at most {MAX_TABLE_COLUMNS:,}",
                    WIDE_TABLE_HINT,
                    count,
                    MAX_TABLE_COLUMNS,
                )
            )
            continue
        least = _least_row(table, profiled)
        if least > MAX_ROW_BYTES:
            found.append(
                TooWide(
                    name,
                    f"each of its rows takes {least} bytes at least ({_types(list(table.columns))}), "
                    f"PostgreSQL stores at most {MAX_ROW_BYTES} in one row (an 8 KB page)",
                    f'{WIDE_TABLE_HINT}, or load some of its columns as text (type = "text" in '
                    "[columns]: a short value takes its length and a byte, a long one moves out of the row)",
                    least,
                    MAX_ROW_BYTES,
                )
            )
    return found


def _least_row(table: TablePlan, profiled: Profile | None) -> int:
    """The fewest bytes any row of ``table`` takes in PostgreSQL (0: not known, no profile of every
    row). A row holds a value in every column, or a NULL in one at least, which costs the header a bit
    per column; either way it holds the columns the profile found a value in on every row."""
    present = _always_present(table, profiled)
    if not present:
        return 0
    count = len(table.columns)
    full = least_row_bytes(column.pg_type for column in table.columns)
    if len(present) == count:
        return full
    some_null = least_row_bytes((c.pg_type for c in present), header_bytes(count, nulls=True))
    return min(full, some_null)


def _always_present(table: TablePlan, profiled: Profile | None) -> list[ColumnPlan]:
    """The columns of ``table`` the profile found a valid value in on every row, at the type it gave
    them (a column typed by an override, masked, or read as written is left out: its values may
    differ), in column order; none when the profile did not read every row."""
    if profiled is None or profiled.sample is not None:
        return []
    found = profiled.tables.get(table.name)
    if found is None or found.sampled_rows is not None or found.row_count == 0:
        return []
    columns = []
    for column in table.columns:
        seen = found.columns.get(column.name)
        if (
            seen is not None
            and column.origin == "profile"
            and column.mask is None
            and not column.as_written
            and seen.row_count == found.row_count
            and seen.valid_count == found.row_count
        ):
            columns.append(column)
    return columns


def _types(columns: list[ColumnPlan]) -> str:
    counts: dict[str, int] = {}
    for column in columns:
        counts[column.pg_type] = counts.get(column.pg_type, 0) + 1
    return ", ".join(f"{kind} ×{count}" for kind, count in sorted(counts.items(), key=lambda kv: -kv[1]))
