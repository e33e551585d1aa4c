"""What one PostgreSQL row can hold (docs: Appendix K "PostgreSQL Limits"; default 8192-byte pages).

- A table has at most :data:`~columnar_etl.pg.identifiers.MAX_TABLE_COLUMNS` columns (``CREATE TABLE``
  says "tables can have at most 1600 columns").
- A row must fit in one heap page: at most :data:`MAX_ROW_BYTES` bytes, header included ("row is too
  big: size 8168, maximum size 8160"). A value of a variable-length type (text, numeric, bytea) may
  move out of the row (TOAST), leaving a pointer of 18 bytes, but a short one stays in it; a
  fixed-width value (bigint, double precision, timestamp, date, boolean) always stays. The docs' own
  example: 1600 ``int`` columns take 6400 bytes and fit, 1600 ``bigint`` take 12800 and do not.

:func:`least_row_bytes` is the fewest bytes a row of values of the given types takes: the header and
each fixed-width value at its alignment, a variable-length value at its shortest (one byte). A row it
finds wider than :data:`MAX_ROW_BYTES` cannot be stored, whatever its values. A row holding a NULL has
a longer header (:func:`header_bytes`: a bit per column), so a NULL can make a row wider.
"""

from __future__ import annotations

from collections.abc import Iterable

#: PostgreSQL's most bytes in one row (``MaxHeapTupleSize``): an 8192-byte page less its 24-byte
#: header and the row's 4-byte line pointer, rounded down to 8.
MAX_ROW_BYTES = 8160
#: A row's header (23 bytes, aligned to 8) when it holds no NULL (one that does adds a bitmap: a bit
#: per column).
ROW_HEADER_BYTES = 24
#: Bytes and alignment of a value of each fixed-width type the plan gives (``pg_type``); every other
#: type is of variable length: one byte at least (a short value's one-byte header), not aligned.
FIXED_WIDTHS: dict[str, tuple[int, int]] = {
    "bigint": (8, 8),
    "double precision": (8, 8),
    "timestamp": (8, 8),
    "timestamptz": (8, 8),
    "date": (4, 4),
    "time": (8, 8),
    "boolean": (1, 1),
}


def header_bytes(columns: int, nulls: bool) -> int:
    """A row's header: 23 bytes, and a bit per column of the table when the row holds a NULL, to 8."""
    return -(-(23 + (-(-columns // 8) if nulls else 0)) // 8) * 8


def least_row_bytes(types: Iterable[str], header: int = ROW_HEADER_BYTES) -> int:
    """The fewest bytes a row holding a value of each of ``types`` (PostgreSQL type names, in column
    order) after a ``header`` of that many bytes takes in a heap page. A row that also holds other
    columns' values takes more: a value only pushes the next ones further."""
    offset = header
    for name in types:
        size, align = FIXED_WIDTHS.get(name, (1, 1))
        offset = -(-offset // align) * align + size
    return offset
