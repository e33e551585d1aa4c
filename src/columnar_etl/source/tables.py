"""A table of the export and its columns as SQLite declares them (``PRAGMA table_xinfo``): names, declared
types, keys, generated columns, the rowid; the row count on first use."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from columnar_etl.source.sqlite_file import count_rows


@dataclass(frozen=True)
class SourceColumn:
    """A column as SQLite's schema declares it (declared type and default are evidence, not truth)."""

    name: str
    declared_type: str
    not_null: bool
    default: str | None
    primary_key: bool
    #: A column of a primary key of several columns (``PRIMARY KEY (name, at, step)``): alone it names no
    #: row, so its values are read as any column's (a key of one column is an identifier, whatever its
    #: name: its integers are never epoch moments).
    composite_key: bool = False
    #: A generated column (``GENERATED ALWAYS AS (...)``, stored or virtual): SQLite computes its values,
    #: which a SELECT reads like any other column's and which are loaded as such. DuckDB's own scan of
    #: the attached table does not know it: it is read through SQLite (``sqlite_query``) only.
    generated: bool = False
    #: The instant its numbers count seconds from when the file's format says so (``"2001-01-01"``: an
    #: Apple Core Data store's date attribute, see :func:`core_data_dates`); its numbers are then never
    #: read as Unix epochs or compact dates: they are kept as the numbers they are.
    counts_from: str | None = None
    #: The values a ``CHECK (column IN ('N', 'P', 'Y'))`` of its table allows it (:func:`declared_choices`),
    #: or None: the application's own list of its values, which no type inference may contradict (a
    #: listed ``P`` beside ``N`` and ``Y`` is no boolean).
    choices: tuple[str, ...] | None = None
    #: The value column of a name/value table (:func:`setting_values`: ``value`` beside a declared
    #: unique ``name``, ``key`` or ``option_name``): each row's value is another setting's, of a kind
    #: its name says, so numbers written as TEXT there are the text they are.
    setting_value: bool = False

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "name": self.name,
            "declared_type": self.declared_type,
            "not_null": self.not_null,
            "default": self.default,
            "primary_key": self.primary_key,
            "generated": self.generated,
        }


@dataclass(frozen=True)
class SourceTable:
    """A table of the export: its columns as declared and its row count (counted when first asked)."""

    name: str
    columns: tuple[SourceColumn, ...]
    path: Path
    #: A name reaching SQLite's rowid (``rowid``, ``_rowid_`` or ``oid``, whichever no column shadows) and
    #: the lowest and highest rowid; None for a WITHOUT ROWID table or when every alias is shadowed.
    rowid: tuple[str, int, int] | None = None
    #: The columns (table, column) holding this table's rowids, its rows' only identity
    #: (:func:`rowid_references`); when any, the table is read with its rowid as a column of its own,
    #: :data:`ROWID_KEY` (first), its key.
    rowid_referrers: tuple[tuple[str, str], ...] = ()

    @property
    def generated(self) -> set[str]:
        """The generated columns (:attr:`SourceColumn.generated`), which DuckDB's own scan cannot read."""
        return {column.name for column in self.columns if column.generated}

    @property
    def scannable(self) -> bool:
        """Whether DuckDB's own scan of the table reads its rows as they are: not when a column is named
        ``rowid`` (in any case), which the scan takes for SQLite's rowid (one holding text read no row
        at all, or failed on its first). Such a table is read through SQLite's own queries only."""
        return all(column.name.lower() != "rowid" for column in self.columns)

    @property
    def scan_rowid(self) -> bool:
        """Whether DuckDB's own scan of the table gives SQLite's rowid as ``rowid``: a table with a rowid
        and no column of that name (in any case; an export from Oracle has its ``ROWID``), which the
        scan would give instead. Otherwise the rowid is read by SQLite, under :attr:`rowid`'s alias."""
        return self.rowid is not None and self.rowid[0] == "rowid"

    @cached_property
    def row_count(self) -> int:
        """Rows in the table: ``count(*)`` by SQLite, once, on first use.

        Not at open: SQLite walks the whole table for it (1-2 s for a 5M-row table), and most
        callers (the profile, the streams) count the rows they read anyway.
        """
        return count_rows(self.path, self.name)

    @property
    def estimated_rows(self) -> int:
        """The row count if already known, else the rowid span (exact unless rows were deleted).

        A span longer than the file has bytes cannot be the count (every row takes bytes): rowids
        chosen by the exporting system (64-bit ids, timestamps) are spread thin. The rows are then
        counted: planned by the span, a table of 100K rows with such ids was profiled alone, all as
        text (0.25-0.30 s; counted, beside the others and typed: 0.14-0.16 s)."""
        if "row_count" in self.__dict__ or self.rowid is None:
            return self.row_count
        span = self.rowid[2] - self.rowid[1] + 1
        try:
            size = self.path.stat().st_size
        except OSError:
            return span
        return self.row_count if span > size else span

    @property
    def column_names(self) -> list[str]:
        """Column names in declaration order."""
        return [column.name for column in self.columns]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "name": self.name,
            "row_count": self.row_count,
            "columns": [column.to_dict() for column in self.columns],
        }
