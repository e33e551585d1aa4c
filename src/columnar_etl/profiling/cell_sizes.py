"""The largest cells of an export, measured by SQLite before any command reads one of them.

A cell of tens of MB (a pasted log, an attachment) costs the profile many times its size: DuckDB's
query over it holds several copies of it (decoded, trimmed, shaped), and a table of such cells first ran
out of ``profile_memory_limit`` in each of the profile's attempts before its long cells were read apart,
at 0.8-1.8 GB of RSS. A cell PostgreSQL cannot store at all (over 1 GB in one field, or a row over 1 GB:
PostgreSQL builds a row in one allocation of at most 1 GB) failed only at the load's COPY, after the
profile and the cleaning. So before a cell is read (:func:`refuse_large_cells`: in a run by its
preflight, the ``source_cells`` check, before the backup; else by the profile, or by ``clean --plan``
and ``copy-raw``, which profile nothing; once a process for the same file: the profile of a run
whose preflight found it free of such cells does not measure again, a file written to since is):

- each table's largest record is read from the pages' cell headers (SQLite's ``dbstat``), and only a
  table holding a record over ``max_cell_size`` has its cells and rows measured (bytes as SQLite
  stores them: UTF-8 or UTF-16 text, a BLOB's bytes, a number's text) by one SQLite query
  (:func:`largest_cells`); an export no larger than ``max_cell_size`` (its file and WAL) is not read;
- a cell or row PostgreSQL cannot store, or a cell over ``max_cell_size``, is refused
  (:func:`refuse_oversized`: :class:`~columnar_etl.errors.CellTooLarge`, exit 3), naming its table,
  column, rowid and size.

A TEXT cell that is not valid UTF-8 grows when decoded by the encoding fallback (up to 3 bytes a byte
under cp1252): measured here as stored, it can still pass and fail at the COPY (exit 1, nothing live
changed) when it is within a third of PostgreSQL's limit.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from columnar_etl.config import memory_bytes
from columnar_etl.errors import CellTooLarge
from columnar_etl.pg.identifiers import quote_ident, quote_literal
from columnar_etl.source.cells import EncodingFallback
from columnar_etl.source.duckdb_reader import SOURCE_ALIAS
from columnar_etl.source.early import RECORDS, signature, taken
from columnar_etl.source.export import Source, open_source
from columnar_etl.source.side_files import export_bytes, side_file
from columnar_etl.source.sqlite_file import largest_records

#: PostgreSQL's largest allocation (``MaxAllocSize``, 1 GB - 1): a field's value with its 4-byte
#: header, and a whole row (header and values) as the COPY builds it, must each fit in one.
PG_MAX_ALLOC = 0x3FFF_FFFF
#: The most bytes one TEXT or BYTEA value can hold (its 4-byte length header takes the rest).
PG_FIELD_BYTES = PG_MAX_ALLOC - 4
#: A row's header, its NULL bitmap (a bit a column, at most 1,600 columns) and a varlena header a
#: value, with room to spare: a row whose values take more than ``PG_MAX_ALLOC`` less this cannot be built.
ROW_OVERHEAD_BYTES = 24 + 200


@dataclass(frozen=True)
class LargestCells:
    """A table's largest cell and largest row, as SQLite stores them (bytes)."""

    table: str
    #: Column of the largest cell (None: no column) and its bytes.
    column: str | None
    bytes: int
    #: The bytes of the row whose cells take the most together (0: not measured).
    row_bytes: int

    def row_limit(self, columns: int) -> int:
        """The most bytes of values a row of ``columns`` columns can hold in PostgreSQL."""
        return PG_MAX_ALLOC - ROW_OVERHEAD_BYTES - 4 * columns


def largest_cells(src: Source, table: str, *, rows: bool = True) -> LargestCells:
    """``table``'s largest cell and (``rows``) row, measured by SQLite in one scan (the rowid of each
    is found by a second query when refused, see :func:`refuse_oversized`)."""
    info = src.table(table)
    columns = [column.name for column in info.columns]
    if not columns:
        return LargestCells(table, None, 0, 0)
    sizes = [_size_sql(name) for name in columns]
    maxima = ", ".join(f"max({size})" for size in sizes)
    total = f"max({' + '.join(sizes)})" if rows else "0"
    row = _sqlite(src, f"SELECT {maxima}, {total} FROM {quote_ident(table)}")[0]
    most = [int(value or 0) for value in row[:-1]]
    place = max(range(len(columns)), key=lambda index: most[index])
    return LargestCells(table, columns[place], most[place], int(row[-1] or 0))


def _size_sql(column: str) -> str:
    """SQLite SQL: the bytes of the cell ``column`` as stored (0 for NULL). A BLOB's ``length`` of the
    column itself is read from the record's header, its value never loaded; a TEXT value is."""
    name = quote_ident(column)
    text = f"coalesce(length(CAST({name} AS BLOB)), 0)"
    return f"CASE WHEN typeof({name}) = 'blob' THEN length({name}) ELSE {text} END"


def _sqlite(src: Source, query: str) -> list[tuple[Any, ...]]:
    """``query`` run by SQLite itself on the export (its rows)."""
    sql = f"SELECT * FROM sqlite_query({quote_literal(SOURCE_ALIAS)}, {quote_literal(query)})"
    return [tuple(row) for row in src.connection.cursor().execute(sql).fetchall()]


def _rowid(src: Source, table: str, condition: str) -> int | None:
    """The rowid of the first row of ``table`` meeting ``condition`` (SQLite SQL); None without one."""
    info = src.table(table)
    if info.rowid is None:
        return None
    alias = info.rowid[0]
    found = _sqlite(src, f"SELECT {alias} FROM {quote_ident(table)} WHERE {condition} LIMIT 1")
    return int(found[0][0]) if found else None


#: The exports this process found free of any cell over a limit, by the state of the file (its own and
#: its WAL's device, inode, size and modification time): the least limit checked and the largest record
#: found. The next check of the same file under that limit or a larger one (the profile of a run whose
#: preflight made it) is not made again; a file written to since is checked again.
_PASSED: dict[tuple[object, ...], tuple[int, int]] = {}
#: Each b-tree's largest record (:func:`export_records`) by the state of the file it was read from.
_RECORDS: dict[tuple[object, ...], dict[str, int] | None] = {}


def _state(path: Path) -> tuple[object, ...] | None:
    """What tells one state of the export at ``path`` from another (None: no file)."""
    own = signature(path)
    return None if own is None else (str(path.resolve()), own, signature(side_file(path, "-wal")))


def _passed(path: Path, most: int) -> int | None:
    """The largest record of the export at ``path`` when this process found it, as it is now, free of
    any cell over ``most`` bytes already; else None."""
    state = _state(path)
    found = _PASSED.get(state) if state is not None else None
    return found[1] if found is not None and found[0] <= most else None


def _remember(path: Path, state: tuple[object, ...] | None, most: int, largest: int) -> None:
    """The whole export, in ``state`` when its check began, holds no cell over ``most`` bytes."""
    if state is not None and _state(path) == state:
        _PASSED[state] = (most, largest)


def export_records(path: Path) -> dict[str, int] | None:
    """:func:`~columnar_etl.source.sqlite_file.largest_records` of the export at ``path``: the result
    started early (:mod:`columnar_etl.source.early`, while ``run`` or ``preflight`` imported) when it is
    of the file as it is now, else read now; read once a process for one state of the file (the
    preflight's check, the profile's check and its choice of the tables read apart share it)."""
    state = _state(path)
    if state is not None and state in _RECORDS:
        return _RECORDS[state]
    records = taken(RECORDS, path, partial(largest_records, path))
    if state is not None and _state(path) == state:
        _RECORDS[state] = records
    return records


def records_over(src: Source, smallest: int) -> dict[str, int] | None:
    """:func:`export_records`, or none (``{}``) when the export (file and WAL) holds no more than
    ``smallest`` bytes: no record is then larger, and the file is not read."""
    if export_bytes(src.path) <= smallest:  # no record is longer than the file and its WAL
        return {}
    return export_records(src.path)


def _smallest(most: int) -> int:
    """The fewest bytes a record must hold to hold a cell over ``most`` bytes, or a row PostgreSQL
    cannot build."""
    return min(most, PG_MAX_ALLOC - ROW_OVERHEAD_BYTES)


def may_hold(path: Path, most: int) -> bool:
    """Whether the export at ``path`` (its file and WAL) holds more than ``most`` bytes, or more than a
    row PostgreSQL can build: only then can a cell or row of it be refused, and is it read at all."""
    return export_bytes(path) > _smallest(most)


def measured(
    src: Source, tables: list[str], smallest: int, records: dict[str, int] | None
) -> dict[str, LargestCells]:
    """:func:`largest_cells` of each of ``tables`` whose largest record (``records``, of the export's
    b-trees by the export's names; None: unknown, each table measured) is over ``smallest`` bytes (the
    least size that matters to the caller) or PostgreSQL's row limit: a cell is no longer than its
    row's record."""
    smallest = _smallest(smallest)
    # A row's values can pass PostgreSQL's limit only in a record of about as many bytes (a number's
    # text, as measured, is at most ~20 bytes longer than in the record: 64 KB for 1,600 of them).
    rows = PG_MAX_ALLOC - ROW_OVERHEAD_BYTES - 2**16

    def record(table: str, unknown: int) -> int:
        return unknown if records is None else records.get(src.renamed.export_table(table), unknown)

    return {
        table: largest_cells(src, table, rows=record(table, rows + 1) > rows)
        for table in tables
        if record(table, smallest + 1) > smallest
    }


def refuse_large_cells(src: Source, tables: list[str], max_cell_size: str) -> int | None:
    """The check every command makes before it reads the cells of ``tables``: raise
    :class:`CellTooLarge` (exit 3) for the first cell over ``max_cell_size`` (the setting) or
    PostgreSQL's limits (:func:`refuse_oversized`). Returns the export's largest record as SQLite's
    ``dbstat`` read it (without ``dbstat``: the largest cell measured), or None when the export is no
    larger than ``max_cell_size`` and so was not read. ``run`` makes it in its preflight (the
    ``source_cells`` check, :func:`refuse_large_cells_in`), before the backup, and its profile finds it
    made (:data:`_PASSED`); ``profile``, ``load`` and ``clean`` in the profile; ``clean --plan`` and
    ``copy-raw``, which profile nothing, before they read the export."""
    most = memory_bytes(max_cell_size)
    if not may_hold(src.path, most):  # no cell is longer than the file and its WAL
        return None
    remembered = _passed(src.path, most)
    if remembered is not None:
        return remembered
    state = _state(src.path)
    records = export_records(src.path)
    sizes = measured(src, tables, most, records)
    refuse_oversized(src, sizes, most, max_cell_size)
    if records is None:
        largest = max((found.bytes for found in sizes.values()), default=0)
    else:
        largest = max(records.values(), default=0)
    if set(src.tables) <= set(tables):
        _remember(src.path, state, most, largest)
    return largest


def refuse_large_cells_in(
    path: Path,
    max_cell_size: str,
    tables: Collection[str] | None = None,
    encoding_fallback: EncodingFallback = "cp1252",
) -> int | None:
    """:func:`refuse_large_cells` of ``tables`` (default: every table) of the export at ``path``, for a
    caller that has not opened it: opened only when a record of it (:func:`export_records`) may hold a
    cell over the limit, so a check that finds none costs a read of SQLite's page headers. A name the
    export lacks is left to the reader that asks for it."""
    most = memory_bytes(max_cell_size)
    if not may_hold(path, most):
        return None
    remembered = _passed(path, most)
    if remembered is not None:
        return remembered
    state = _state(path)
    records = export_records(path)
    largest = max(records.values(), default=0) if records is not None else None
    if largest is not None and largest <= _smallest(most):
        _remember(path, state, most, largest)  # no b-tree holds a record that large: nothing to measure
        return largest
    with open_source(path, encoding_fallback) as src:
        names = list(src.tables) if tables is None else [name for name in tables if name in src.tables]
        return refuse_large_cells(src, names, max_cell_size)


def refuse_oversized(src: Source, sizes: dict[str, LargestCells], most: int, setting: str) -> None:
    """Raise :class:`CellTooLarge` (exit 3) for the first cell PostgreSQL cannot store (over
    :data:`PG_FIELD_BYTES`), row it cannot build (:meth:`LargestCells.row_limit`), or cell over
    ``most`` bytes (``max_cell_size``, written as ``setting``), naming table, column, rowid and size."""
    for table, found in sizes.items():
        info = src.table(table)
        if found.column is not None and (found.bytes > PG_FIELD_BYTES or found.bytes > most):
            rowid = _rowid(src, table, f"{_size_sql(found.column)} = {found.bytes}")
            where = f", rowid {rowid}" if rowid is not None else ""
            if found.bytes > PG_FIELD_BYTES:
                message = (
                    f"a cell of {found.bytes:,} bytes{where}: PostgreSQL stores at most "
                    f"{PG_FIELD_BYTES:,} bytes in one field"
                )
                hint = "leave the column out of the export, or split or shorten the value at the source"
            else:
                message = f"a cell of {found.bytes:,} bytes{where}, over max_cell_size ({setting})"
                hint = (
                    "a cell takes 10-30 times its size in memory while it is profiled and cleaned: raise "
                    "max_cell_size and profile_memory_limit together if the machine has that memory, or "
                    "leave the column out of the export"
                )
            raise CellTooLarge(message, path=src.path, table=table, column=found.column, hint=hint)
        limit = found.row_limit(len(info.columns))
        if found.row_bytes > limit:
            total = " + ".join(_size_sql(column.name) for column in info.columns)
            rowid = _rowid(src, table, f"{total} = {found.row_bytes}")
            where = f" (rowid {rowid})" if rowid is not None else ""
            raise CellTooLarge(
                f"a row{where} of {found.row_bytes:,} bytes of values: PostgreSQL builds a row in one "
                f"allocation of at most {PG_MAX_ALLOC:,} bytes ({limit:,} of values for this table)",
                path=src.path,
                table=table,
                hint="leave some of its large columns out of the export, or split the row at the source",
            )
