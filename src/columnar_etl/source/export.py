"""Read-only access to the SQLite export, through DuckDB and its sqlite_scanner extension
(:mod:`.duckdb_reader`), attached as it is or through a private copy (:mod:`.readable`).

The export is attached ``READ_ONLY`` with ``sqlite_all_varchar`` on: the declared SQLite types lie (a
``TIMESTAMP`` column holds ``20/05/2025 8:42``), so every value arrives as text and the profiler decides
what it really is. The declared types are read from SQLite's own catalogue, as evidence only.
"""

from __future__ import annotations

import sqlite3
import tempfile
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from itertools import pairwise
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

import duckdb

if TYPE_CHECKING:
    import pyarrow as pa

from columnar_etl.errors import SourceError
from columnar_etl.leftovers import temporary_prefix
from columnar_etl.pg.identifiers import quote_ident, quote_literal
from columnar_etl.rules import NUL
from columnar_etl.source.catalogue import read_catalogue
from columnar_etl.source.cells import (
    CLASSES_COLUMN,
    ROWID_COLUMN,
    ColumnRead,
    EncodingFallback,
    class_column,
    decoded_sql,
    hex_column,
    holds_negative_zero,
    invalid_utf8_sql,
    long_cell_sql,
    real_text_sql,
    target_real_text_sql,
)
from columnar_etl.source.duckdb_reader import SOURCE_ALIAS, attached
from columnar_etl.source.private_copy import PrivateCopy
from columnar_etl.source.readable import readable, snapshot_readable
from columnar_etl.source.reader_names import ReaderNames, reader_names
from columnar_etl.source.schema_objects import SourceIndex
from columnar_etl.source.side_files import wal_mode
from columnar_etl.source.sqlite_file import (
    check_file,
    connect_read_only,
    is_lock_error,
    read_error,
    short_reason,
)
from columnar_etl.source.sqlite_names import unknown_name_hint
from columnar_etl.source.sqlite_scans import SqliteScans
from columnar_etl.source.tables import SourceTable
from columnar_etl.source.virtual_tables import DOCUMENTS_ARE

#: Rows DuckDB hands over at once (its vector), whatever batch size a reader asks for: a read of fewer
#: rows per batch (long rows) is made as runs of that many rowids, a query each (:meth:`Source._runs`).
VECTOR_ROWS = 2048
#: A table of at most this many cells (estimated rows x columns read) is read whole by the cleaner,
#: through the shared read transaction (:meth:`Source.small_reads`): it fits in memory many times over.
SMALL_READ_CELLS = 100_000
#: Queries one shared read transaction serves before it is renewed (:meth:`Source.small_reads`): an old
#: DuckDB transaction keeps what later ones dropped (the profile's counted cells) from being freed.
SHARED_READS = 64
#: Shared read transactions a source keeps at most (:meth:`Source.small_reads`): one per thread that
#: reads at once (the profile counts small tables on two threads), not one per thread ever started
#: (each table's read-ahead has a thread of its own).
SHARED_TRANSACTIONS = 2


@dataclass
class _SharedReads:
    """One shared read transaction of :meth:`Source.small_reads`: its cursor (None: not open), its
    uses so far, and the lock of the thread using it."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    cursor: duckdb.DuckDBPyConnection | None = None
    uses: int = 0

    def end(self) -> None:
        """End the transaction (it wrote nothing: a rollback) and close its cursor; hold ``lock``."""
        cursor, self.cursor = self.cursor, None
        if cursor is None:
            return
        try:
            cursor.execute("ROLLBACK")
        except duckdb.Error:
            pass  # already ended by the error that got here, or the source is closing
        finally:
            cursor.close()


#: Columns per ``printf`` of the storage-class string: SQLite's functions take at most 127 arguments
#: (``SQLITE_MAX_FUNCTION_ARG``), the format string included.
PRINTF_ARGUMENTS = 100
#: Bytes above what DuckDB's tables hold that :meth:`Source.release_memory` lowers its limit to.
RELEASED_FLOOR = 1_000_000


@dataclass
class Source:
    """An open, read-only SQLite export. Use :func:`open_source`, preferably as a context manager."""

    path: Path
    tables: dict[str, SourceTable]
    connection: duckdb.DuckDBPyConnection = field(repr=False)
    #: How TEXT that is not valid UTF-8 is decoded (see :func:`decoded_sql`).
    encoding_fallback: EncodingFallback = "cp1252"
    #: Tables of the file left out as a virtual table's storage, each with what it belongs to
    #: (:func:`~columnar_etl.source.virtual_tables.internal_tables`): never profiled, cleaned or loaded.
    internal: dict[str, str] = field(default_factory=dict)
    #: Virtual tables whose module this SQLite lacks (or that it cannot scan), each with why, their data
    #: arriving nowhere else: not profiled, cleaned or loaded (the run warns).
    unreadable: dict[str, str] = field(default_factory=dict)
    #: Full-text indexes this SQLite cannot read whose documents load all the same (their ``content=``
    #: table, or their own copy of them), each with why: not loaded, as the export's own indexes are
    #: not copied, and no warning (:attr:`~columnar_etl.source.catalogue.Catalogue.full_text`).
    full_text: dict[str, str] = field(default_factory=dict)
    #: Generated columns DuckDB's SQLite cannot compute, per table, each with why: not read (the run
    #: warns); the table's other columns are.
    unreadable_columns: dict[str, dict[str, str]] = field(default_factory=dict)
    #: The export's views, each with why it is not loaded (a view holds no data of its own).
    views: dict[str, str] = field(default_factory=dict)
    #: The indexes of the tables read here (the export's CREATE INDEX and UNIQUE constraints).
    indexes: tuple[SourceIndex, ...] = ()
    #: The export's triggers, each with the table it acts on: not copied (the profile says so).
    triggers: dict[str, str] = field(default_factory=dict)
    #: The file's text encoding (``PRAGMA encoding``). In a UTF-16 database SQLite hands a BLOB to a
    #: text reader decoded as UTF-16 text, so the reads take its bytes in hex instead.
    text_encoding: str = "UTF-8"
    #: The private copy DuckDB reads instead of the export, when its SQLite cannot parse a view, trigger
    #: or index of the export's schema, cannot take a name, or cannot scan a WITHOUT ROWID table kept in
    #: an application's own collation (:mod:`~columnar_etl.source.private_copy`); None: the export.
    private_copy: PrivateCopy | None = field(default=None, repr=False)
    #: The export's tables and columns read (and loaded) under another name, its own being one the
    #: readers cannot take (:mod:`~columnar_etl.source.reader_names`); renamed in :attr:`private_copy`.
    renamed: ReaderNames = field(default_factory=ReaderNames)
    _aliases: list[str] = field(default_factory=lambda: [SOURCE_ALIAS], repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _spill: tempfile.TemporaryDirectory[str] | None = field(default=None, repr=False)
    _memory_limit: str | None = field(default=None, repr=False)
    _cursors: list[duckdb.DuckDBPyConnection] = field(default_factory=list, repr=False)
    #: The transactions of :meth:`small_reads`.
    _shared: tuple[_SharedReads, ...] = field(
        default_factory=lambda: tuple(_SharedReads() for _ in range(SHARED_TRANSACTIONS)), repr=False
    )
    #: What scans of the export's tables in SQLite itself find, each done once (:class:`.SqliteScans`).
    scans: SqliteScans = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.scans = SqliteScans(self)

    @property
    def read_path(self) -> Path:
        """The file the rows are read from: the export, or its :attr:`private_copy`."""
        return self.private_copy.path if self.private_copy is not None else self.path

    @property
    def read_as_snapshot(self) -> bool:
        """Is the export in WAL mode, its rows read from a private snapshot copy (file and ``-wal``)?"""
        return self.private_copy is not None and self.private_copy.snapshot

    @property
    def dropped_for_reader(self) -> dict[str, str]:
        """The views, triggers and indexes dropped from the :attr:`private_copy`, each with why."""
        return dict(self.private_copy.dropped) if self.private_copy is not None else {}

    @property
    def rebuilt_for_reader(self) -> dict[str, str]:
        """The tables read from the :attr:`private_copy` rebuilt there without a collating sequence only
        the writing application has (:meth:`PrivateCopy.rebuild`), each with why; by their names here."""
        return dict(self.private_copy.rebuilt) if self.private_copy is not None else {}

    def table(self, name: str) -> SourceTable:
        """The table called ``name``; :class:`SourceError` naming the file and table when absent."""
        try:
            return self.tables[name]
        except KeyError:
            raise SourceError(
                "no such table in the source",
                path=self.path,
                table=name,
                hint=unknown_name_hint(name, self.tables),
            ) from None

    def relation_sql(
        self,
        table: str,
        parts: int = 1,
        reads: list[ColumnRead] | None = None,
        *,
        class_string: bool = False,
        with_rowid: bool = False,
        rowids: Sequence[int] | None = None,
        where: str | None = None,
    ) -> str:
        """A DuckDB relation of ``table``, each column delivered as its :class:`ColumnRead` says.

        Default: every column as valid UTF-8 text (an invalid TEXT value decoded by the source's
        encoding fallback, a REAL with SQLite's 15 digits unless ``real_digits``). The rows are read by
        SQLite itself (``sqlite_query``), which is what lets a read ask for a cell's storage class or a
        REAL's 17 digits. With ``parts`` > 1 the relation is a ``UNION ALL`` of that many rowid
        ranges, each read through its own attachment of the file, so DuckDB scans and computes them on
        several threads at once (DuckDB would read a 141K-row table, and compute everything above it,
        on one core). Same rows, same values; the order across parts is not kept (aggregates do not need it).
        With ``class_string`` the storage classes of the ``with_class`` columns come as one column,
        :data:`CLASSES_COLUMN`, a letter per column in order, instead of a column each.
        ``with_rowid`` adds each row's rowid as :data:`ROWID_COLUMN` (in one part, the rows then come
        in rowid order); ``rowids`` reads only the rows
        with those rowids (SQLite finds each by its B-tree: the cost is the rows read, not the table).
        Both need a table with a rowid (:attr:`TableInfo.rowid`).
        ``where`` (SQLite SQL over the table's columns) keeps only the rows meeting it, chosen by
        SQLite itself: the others are never rendered or handed over.
        """
        info = self.table(table)
        reads = reads if reads is not None else [ColumnRead(name) for name in info.column_names]
        self._check_columns(table, [read.name for read in reads])
        if (with_rowid or rowids is not None) and info.rowid is None:
            raise SourceError("the table has no rowid", path=self.path, table=table)
        if not reads:
            return f"(SELECT * FROM {SOURCE_ALIAS}.{quote_ident(table)})"
        inner: list[str] = []
        outer: list[str] = []
        # One SQLite column holds every needed storage class, a letter per column: far cheaper to hand
        # over than a typeof() column each.
        # A UTF-16 database hands a BLOB to a text reader decoded as UTF-16 text (0xFF becomes U+FFFD):
        # its cells come as their bytes in hex, turned back into bytes by a reader that wants bytes.
        utf16 = self.text_encoding.upper() != "UTF-8"
        classed = [
            index
            for index, read in enumerate(reads)
            if read.with_class or read.with_hex or read.reals_as_target or (utf16 and read.as_bytes)
        ]
        declared = {c.name: c.declared_type for c in info.columns}
        asked = [read.name for read in reads if read.blob_numerals]
        numerals = self.scans.numeral_blobs(table, asked) if asked else {}
        for index, read in enumerate(reads):
            column, value = quote_ident(read.name), f"c{index}"
            kind = f"substr(k, {classed.index(index) + 1}, 1)" if index in classed else ""
            # Only a column that can hold a -0.0 asks for them (the first such read scans the table).
            signed = read.signed_zeros and holds_negative_zero(declared[read.name])
            negative = self.scans.negative_zeros(table).get(read.name) if signed else None
            cell = real_text_sql(column, negative) if read.real_digits else column
            if read.blob_numerals and read.name in numerals:
                # Every BLOB of the column is a numeral's ASCII text: it is read as that text.
                cell = f"CASE WHEN typeof({column}) = 'blob' THEN CAST({column} AS TEXT) ELSE {cell} END"
            if utf16:
                cell = f"CASE WHEN typeof({column}) = 'blob' THEN hex({column}) ELSE {cell} END"
            if read.long_bytes is not None and read.hide_long:
                cell = (
                    f"CASE WHEN {long_cell_sql(column, read.long_bytes)} "
                    f"THEN length(CAST({column} AS BLOB)) ELSE {cell} END"
                )
            inner.append(f"{cell} AS {value}")
            if read.as_bytes and utf16:
                # A long BLOB's letter is a capital (ColumnRead.long_bytes); a hidden one is its size.
                blob = f"{kind} = 'B'" if read.long_bytes is not None and not read.hide_long else "false"
                bytes_ = f"CASE WHEN {kind} = 'b' OR {blob} THEN unhex({value}) ELSE encode({value}) END"
                outer.append(f"{bytes_} AS {quote_ident(read.name)}")
            elif read.as_bytes:
                outer.append(f"encode({value}) AS {quote_ident(read.name)}")
            else:
                text = decoded_sql(value, self.encoding_fallback) if read.decode else value
                if read.reals_as_target:
                    text = f"CASE WHEN {kind} = 'r' THEN {target_real_text_sql(value)} ELSE {text} END"
                outer.append(f"{text} AS {quote_ident(read.name)}")
            if read.with_class and not class_string:
                outer.append(f"{kind} AS {quote_ident(class_column(index))}")
            if read.with_hex:
                invalid = f"{kind} = 't' AND {invalid_utf8_sql(value)}"
                if not read.as_bytes:  # a BLOB read as text: its bytes too (ColumnRead.with_hex)
                    invalid = f"{kind} = 'b' OR ({invalid})"
                outer.append(
                    f"CASE WHEN {invalid} THEN hex(encode({value})) END AS {quote_ident(hex_column(index))}"
                )
        if classed:
            # One printf of N one-letter strings: cheaper in SQLite than N substr() concatenated. A
            # SQLite function takes at most 127 arguments: a wider table's are several, concatenated.
            printfs = []
            for first in range(0, len(classed), PRINTF_ARGUMENTS):
                chunk = classed[first : first + PRINTF_ARGUMENTS]
                types = ", ".join(
                    _class_sql(reads[i], reads[i].blob_numerals and reads[i].name in numerals) for i in chunk
                )
                printfs.append(f"printf('{'%.1s' * len(chunk)}', {types})")
            inner.append(f"{' || '.join(printfs)} AS k")
            if class_string:
                outer.append(f"k AS {quote_ident(CLASSES_COLUMN)}")
        elif (
            parts <= 1
            and rowids is None
            and where is None
            and not any(read.real_digits or read.name in info.generated for read in reads)
            and (info.scan_rowid or not with_rowid)
            and info.scannable
            and not utf16
            and not any(read.blob_numerals and read.name in numerals for read in reads)
        ):
            # Nothing SQLite must compute: DuckDB's own scan of the attached table.
            selected = ", ".join(f"{quote_ident(read.name)} AS c{index}" for index, read in enumerate(reads))
            if with_rowid:
                selected += ", rowid AS r"
                outer.append(f"CAST(r AS BIGINT) AS {quote_ident(ROWID_COLUMN)}")
            scan = f"SELECT {selected} FROM {SOURCE_ALIAS}.{quote_ident(table)}"
            return f"(SELECT {', '.join(outer)} FROM ({scan}))"
        if info.rowid is not None and with_rowid:
            inner.append(f"{info.rowid[0]} AS r")
            outer.append(f"CAST(r AS BIGINT) AS {quote_ident(ROWID_COLUMN)}")
        selected = ", ".join(inner)
        if rowids is not None and info.rowid is not None:
            listed = ", ".join(str(int(rowid)) for rowid in sorted(set(rowids))) or "NULL"
            where = f"{info.rowid[0]} IN ({listed})" + (f" AND ({where})" if where is not None else "")
            parts = 1
        if parts <= 1 or info.rowid is None:
            query = f"SELECT {selected} FROM {quote_ident(table)}"
            query += f" WHERE ({where})" if where is not None else ""
            if with_rowid and info.rowid is not None:
                # In rowid order, as the native scan zipped with this read delivers its rows: asked for
                # columns an index covers (a UNIQUE column of mixed storage classes read with its
                # classes), SQLite scans that index instead, in the index's order.
                query += f" ORDER BY {info.rowid[0]}"
            ranges = [f"SELECT * FROM sqlite_query({quote_literal(SOURCE_ALIAS)}, {quote_literal(query)})"]
        else:
            alias, low, high = info.rowid
            bounds = [low - 1 + (high - low + 1) * i // parts for i in range(parts + 1)]
            ranges = []
            for attachment, (after, last) in zip(self.attachments(parts), pairwise(bounds), strict=True):
                # The first range starts at the lowest rowid itself: one below it is no int64 when it is
                # -2**63, and SQLite reads such a literal as a REAL that equals -2**63 (the row was lost).
                start = f"{alias} >= {low}" if after == low - 1 else f"{alias} > {after}"
                query = f"SELECT {selected} FROM {quote_ident(table)} WHERE {start} AND {alias} <= {last}" + (
                    f" AND ({where})" if where is not None else ""
                )
                ranges.append(
                    f"SELECT * FROM sqlite_query({quote_literal(attachment)}, {quote_literal(query)})"
                )
        return f"(SELECT {', '.join(outer)} FROM ({' UNION ALL '.join(ranges)}))"

    def _check_columns(self, table: str, wanted: list[str]) -> None:
        known = self.table(table).column_names
        missing = [name for name in wanted if name not in known]
        if missing:
            raise SourceError("no such column in the source", path=self.path, table=table, column=missing[0])

    def limit_memory(self, limit: str) -> None:
        """Cap DuckDB's memory at ``limit`` (``"256MB"``); past it, aggregates spill to a private
        temporary directory, removed on :meth:`close` (or, after a SIGKILL, by the next process making
        one: :func:`~columnar_etl.leftovers.temporary_prefix`)."""
        if self._spill is None:
            self._spill = tempfile.TemporaryDirectory(prefix=temporary_prefix("duckdb"))
        self.connection.execute(f"SET temp_directory = {quote_literal(self._spill.name)}")
        self.connection.execute(f"SET memory_limit = {quote_literal(limit)}")
        self._memory_limit = limit

    @property
    def memory_limit(self) -> str | None:
        """The cap :meth:`limit_memory` set (None: DuckDB's default)."""
        return self._memory_limit

    def release_memory(self) -> None:
        """Hand back to the system the memory DuckDB keeps after its last query: the buffers of an
        aggregate (a GROUP BY of every row, quartiles counted by value) stay with the database, up
        to its cap, though no query holds them (``duckdb_memory()`` shows none), until the limit is
        lowered. Only when no query runs on this source: a running one would lose its memory.

        The limit is lowered to what DuckDB's own tables hold (``duckdb_memory()``: the profile's kept
        values), so they stay where they are; should even that not be freed (a block of each of many
        small tables stays pinned), nothing is released: only memory, never a result, is at stake."""
        if self._memory_limit is None:
            return  # only a capped source (the profile's, the cleaner's side source) runs such aggregates
        (held,) = self.connection.execute(
            "SELECT coalesce(sum(memory_usage_bytes), 0) FROM duckdb_memory()"
        ).fetchone() or (0,)
        try:
            self.connection.execute(f"SET memory_limit = '{int(held) + RELEASED_FLOOR} bytes'")
        except duckdb.OutOfMemoryException:
            pass
        finally:
            self.connection.execute(f"SET memory_limit = {quote_literal(self._memory_limit)}")

    def attachments(self, count: int) -> list[str]:
        """``count`` aliases of the export, attaching more (read-only) as needed.

        One per part of a split scan: each attachment has its own SQLite connection, so no SQLite
        handle is ever used by two threads at once. Call it before starting threads that read
        split relations, so no ATTACH runs while they do.
        """
        with self._lock:
            for index in range(len(self._aliases), count):
                alias = f"{SOURCE_ALIAS}_{index}"
                attached = quote_literal(str(self.read_path.resolve()))
                self.connection.execute(f"ATTACH {attached} AS {alias} (TYPE sqlite, READ_ONLY)")
                self._aliases.append(alias)
            return self._aliases[:count]

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """A DuckDB cursor of its own (for one thread's queries) that :meth:`interrupt` reaches."""
        cursor = self.connection.cursor()
        with self._lock:
            self._cursors.append(cursor)
        return cursor

    @contextmanager
    def small_reads(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor for a small read, kept in a DuckDB transaction shared by such reads (one thread
        at a time each; :data:`SHARED_TRANSACTIONS` of them).

        DuckDB's sqlite_scanner opens a SQLite connection per transaction, and SQLite parses the
        file's whole schema on a connection's first query: ~1 ms at 300 tables, ~2.6 ms at 1,000, paid
        by every query of a cursor of its own. An export of many small tables paid it ~4 times a
        table (its cells counted, its read, its outlier quartiles), quadratic in tables. Queries in one
        transaction share one connection. Only for reads fetched whole inside the block (no stream may
        outlive it) that write nothing to DuckDB (other cursors would not see it before the
        transaction ends). A transaction is renewed every :data:`SHARED_READS` uses and after an
        error; it reads the export as any cursor does (SQLite's own transaction is per statement).
        """
        shared = next((reads for reads in self._shared if reads.lock.acquire(blocking=False)), None)
        if shared is None:
            shared = self._shared[0]
            shared.lock.acquire()
        try:
            try:
                if shared.cursor is None:
                    shared.cursor = self.cursor()
                    shared.uses = 0
                    # Its BEGIN too can run out of memory (a 2 KiB allocation, with queries of other
                    # threads at the limit) after opening the transaction, which that failure aborts:
                    # ended here like a failed read, not left for the next read to find aborted.
                    shared.cursor.execute("BEGIN TRANSACTION")
                yield shared.cursor
            except BaseException:
                shared.end()
                raise
            shared.uses += 1
            if shared.uses >= SHARED_READS:
                shared.end()
        finally:
            shared.lock.release()

    def end_small_reads(self) -> None:
        """End the transactions of :meth:`small_reads` now (the next use begins another).

        DuckDB frees what later transactions drop (a profile's counted cells) only once every older
        transaction has ended: a caller about to drop many tables ends them first."""
        for shared in self._shared:
            with shared.lock:
                shared.end()

    def interrupt(self) -> None:
        """Stop every query running on the source's connection and cursors: each raises DuckDB's
        ``InterruptException`` (a streamed read, at its next batch). An idle cursor is unaffected.

        DuckDB must not be closed under a running query (that aborts the process): interrupt, wait for
        the threads to leave their queries, then :meth:`close`.
        """
        with self._lock:
            connections = [self.connection, *self._cursors]
        for connection in connections:
            try:
                connection.interrupt()
            except duckdb.Error:  # a cursor already closed has nothing to stop
                continue

    def read_batches(
        self,
        table: str,
        *,
        batch_size: int = 65_536,
        columns: list[str] | None = None,
        reads: list[ColumnRead] | None = None,
        strip_nul: bool = False,
        native: Sequence[str] = (),
    ) -> pa.RecordBatchReader:
        """Stream ``table`` as Arrow record batches of at most ``batch_size`` rows.

        Each column as its :class:`ColumnRead` in ``reads`` says (default: every column of ``columns``,
        or all of them, as text; see :meth:`relation_sql`). Rows come in SQLite's rowid order, so
        repeated reads see the same order. ``strip_nul`` removes NUL bytes from every text value
        (PostgreSQL text cannot hold them), done by DuckDB in the scan.

        ``native``: columns read as their declared type says (:meth:`native_types`: BIGINT, DOUBLE),
        straight from SQLite's values instead of as text; only for columns whose every cell is of the
        storage class that type reads (a full profile says so), else the read fails. They are read by a
        scan of their own, zipped with the text read row by row (rowids checked).
        """
        info = self.table(table)
        if reads is None:
            reads = [ColumnRead(name) for name in (columns if columns is not None else info.column_names)]
        if native:
            if not info.scan_rowid or strip_nul:
                raise SourceError(
                    "a native read needs a rowid table with no column named rowid",
                    path=self.path,
                    table=table,
                )
            wanted = set(native)
            try:
                return self._native_reader(
                    table,
                    [r for r in reads if r.name not in wanted],
                    [r.name for r in reads if r.name in wanted],
                    batch_size,
                    positions=[i for i, r in enumerate(reads) if r.name not in wanted],
                )
            except duckdb.Error as exc:
                raise read_error(exc, self.path, table=table) from exc
        text_reads = reads

        def select(where: str | None) -> str:
            relation = self.relation_sql(table, reads=text_reads, where=where)
            if strip_nul:
                exprs = [
                    f"replace({quote_ident(r.name)}, chr({ord(NUL)}), '') AS {quote_ident(r.name)}"
                    if not r.as_bytes
                    else quote_ident(r.name)
                    for r in text_reads
                ]
                relation = f"(SELECT {', '.join(exprs)} FROM {relation})"
            return f"SELECT * FROM {relation}"

        try:
            return self._runs(table, select, batch_size)
        except duckdb.Error as exc:
            raise read_error(exc, self.path, table=table) from exc

    def _runs(self, table: str, select: Callable[[str | None], str], batch_size: int) -> pa.RecordBatchReader:
        """The rows of ``select(where)`` (a DuckDB query over :meth:`relation_sql` ``where``, SQLite SQL
        or None for every row), as a reader of batches of at most ``batch_size`` rows, on a cursor of
        its own (several tables can be read at once from one Source).

        DuckDB hands SQLite's rows over :data:`VECTOR_ROWS` at a time, whatever the batch size: a table
        whose rows are long (a small ``batch_size``: ``batch_bytes`` over its average row) held a
        vector of them beside the batches (1,372 rows of ~80 KB text: 110 MB, where a batch was
        about 8 MiB). Its rows are read as runs of ``batch_size`` rowids instead, in rowid order, a
        query each, SQLite finding where each run ends by its rowid B-tree."""
        import pyarrow as pa  # deliberate: the preflight and the profile never need it (see run())

        info = self.table(table)
        # Never fewer than the table has (see SourceTable.estimated_rows); a table without a rowid is
        # not counted for it (a count(*) of a big one would cost more than any read it spares).
        known = info.rowid is not None or "row_count" in info.__dict__
        rows = info.estimated_rows if known else SMALL_READ_CELLS + 1
        if rows <= batch_size and rows * max(1, len(info.columns)) <= SMALL_READ_CELLS:
            # A small table in one read, on the shared cursor (see small_reads): one batch, as the
            # stream below would make of it.
            with self.small_reads() as shared:
                whole = shared.sql(select(None)).to_arrow_table()
            return pa.RecordBatchReader.from_batches(
                whole.schema, whole.combine_chunks().to_batches(max_chunksize=batch_size)
            )
        cursor = self.cursor()
        if batch_size >= VECTOR_ROWS or info.rowid is None:
            return cursor.sql(select(None)).to_arrow_reader(batch_size)
        schema = cursor.sql(select("0")).to_arrow_reader(batch_size).schema

        def runs() -> Iterator[pa.RecordBatch]:
            for where in self.rowid_runs(table, batch_size, cursor=cursor):
                yield from cursor.sql(select(where)).to_arrow_reader(batch_size)

        return pa.RecordBatchReader.from_batches(schema, runs())

    def rowid_runs(
        self,
        table: str,
        per_run: int,
        *,
        where: str = "1",
        cursor: duckdb.DuckDBPyConnection,
        attachment: str = SOURCE_ALIAS,
    ) -> Iterator[str]:
        """SQLite conditions that select the rows of ``table`` meeting ``where`` (SQLite SQL) as runs of
        at most ``per_run`` rows each, in rowid order, every row in one run. Each run's last rowid is
        found by ``cursor`` (through ``attachment``) when the run is asked for, by SQLite's rowid
        B-tree: the caller reads a run before asking for the next."""
        info = self.table(table)
        if info.rowid is None:
            raise SourceError("the table has no rowid", path=self.path, table=table)
        alias = info.rowid[0]
        after = "1"
        while True:
            # The rowid ending the run: the per_run-th after the last run's (none: the rest).
            end = (
                f"SELECT {alias} FROM {quote_ident(table)} WHERE ({where}) AND {after} "
                f"ORDER BY {alias} LIMIT 1 OFFSET {per_run - 1}"
            )
            found = cursor.execute(
                f"SELECT * FROM sqlite_query({quote_literal(attachment)}, {quote_literal(end)})"
            ).fetchone()
            last = None if found is None else int(found[0])
            yield f"({where}) AND {after}" + ("" if last is None else f" AND {alias} <= {last}")
            if last is None:
                return
            after = f"{alias} > {last}"

    def native_types(self, table: str, columns: Sequence[str]) -> dict[str, str]:
        """The DuckDB type each of ``columns`` gets when read natively (``BIGINT``, ``DOUBLE``,
        ``VARCHAR``, ``DATE`` ...: from its declared type), without reading a row; ``""`` for a
        generated column, which DuckDB's scan does not read (it is read through SQLite only)."""
        self._check_columns(table, list(columns))
        generated = self.table(table).generated
        scanned = [c for c in columns if c not in generated]
        found = dict.fromkeys(columns, "")
        if not scanned:
            return found
        cursor = self.typed_cursor()
        try:
            selected = ", ".join(quote_ident(c) for c in scanned)
            types = cursor.sql(f"SELECT {selected} FROM {SOURCE_ALIAS}.{quote_ident(table)} LIMIT 0").types
        finally:
            cursor.close()
        found.update({column: str(kind) for column, kind in zip(scanned, types, strict=True)})
        return found

    def scans_in_rowid_order(self, table: str, columns: Sequence[str]) -> bool:
        """Whether SQLite reads ``SELECT rowid, <columns> FROM table`` (DuckDB's own scan of them) in
        rowid order: not when an index holds every one of them (each index entry holds the rowid too),
        which SQLite may then scan instead, in the index's order (h42's fuzz: an index of two other
        columns, with ANALYZE's statistics, was scanned for the INTEGER PRIMARY KEY alone). SQLite's
        own plan says so."""
        selected = ", ".join(["rowid", *map(quote_ident, columns)])
        # The file DuckDB reads: a private copy has not the indexes it was read without.
        con = connect_read_only(self.read_path)
        try:
            plan = con.execute(f"EXPLAIN QUERY PLAN SELECT {selected} FROM {quote_ident(table)}").fetchall()
        except sqlite3.Error:
            return False  # not known: not assumed
        finally:
            con.close()
        return not any(" INDEX " in f" {row[-1]} " for row in plan)

    def typed_cursor(self) -> duckdb.DuckDBPyConnection:
        """A cursor whose scans of the attached export deliver each column as its declared type says
        (DuckDB's SQLite scan: an INTEGER column as BIGINT, a REAL one as DOUBLE, read from SQLite's own
        values with no text in between). It fails on a cell that does not fit that type, so it is only
        for columns a full profile found of one storage class."""
        cursor = self.cursor()
        cursor.execute("SET sqlite_all_varchar = false")
        return cursor

    def _native_reader(
        self,
        table: str,
        text_reads: list[ColumnRead],
        native: list[str],
        batch_size: int,
        *,
        positions: list[int],
    ) -> pa.RecordBatchReader:
        """The text read of ``text_reads`` and a native scan of ``native``, zipped row by row into one
        reader (text columns first); :class:`SourceError` if the scans ever disagree on a row's rowid.
        ``positions``: each text read's place among all the reads, which names its helper columns."""
        import pyarrow as pa  # deliberate: the preflight and the profile never need it (see run())

        selected = ", ".join(["rowid", *map(quote_ident, native)])
        scan = f"SELECT {selected} FROM {SOURCE_ALIAS}.{quote_ident(table)}"
        typed = self.typed_cursor().sql(scan).to_arrow_reader(batch_size)
        text: pa.RecordBatchReader | None = None
        if text_reads:

            def select(where: str | None) -> str:
                relation = self.relation_sql(table, reads=text_reads, with_rowid=True, where=where)
                return f"SELECT * FROM {relation}"

            text = self._runs(table, select, batch_size)
        # A helper column is named after its read's place among all the reads, not the text ones.
        renamed = {class_column(i): class_column(p) for i, p in enumerate(positions)}
        renamed |= {hex_column(i): hex_column(p) for i, p in enumerate(positions)}
        fields = [
            f.with_name(renamed.get(f.name, f.name))
            for f in (text.schema if text else [])
            if f.name != ROWID_COLUMN
        ]
        fields += [f for f in typed.schema if f.name != "rowid"]
        schema = pa.schema(fields)

        def differ() -> SourceError:
            return SourceError(
                "the native and the text read of the table differ in rows",
                path=self.path,
                table=table,
                hint="is the export being written to? run again on a copy",
            )

        def zipped() -> Iterator[pa.RecordBatch]:
            if text is None:
                for batch in typed:
                    yield pa.RecordBatch.from_arrays(batch.columns[1:], schema=schema)
                return
            left: pa.RecordBatch | None = None
            right: pa.RecordBatch | None = None
            texts, numbers = iter(text), iter(typed)
            while True:
                if left is None or left.num_rows == 0:
                    left = next(texts, None)
                if right is None or right.num_rows == 0:
                    right = next(numbers, None)
                if left is None or right is None:
                    if (left is not None and left.num_rows) or (right is not None and right.num_rows):
                        raise differ()
                    return
                rows = min(left.num_rows, right.num_rows)
                a, b = left.slice(0, rows), right.slice(0, rows)
                if not a.column(ROWID_COLUMN).equals(b.column(0)):
                    raise differ()
                columns = [c for f, c in zip(a.schema, a.columns, strict=True) if f.name != ROWID_COLUMN]
                yield pa.RecordBatch.from_arrays([*columns, *b.columns[1:]], schema=schema)
                left, right = left.slice(rows), right.slice(rows)

        return pa.RecordBatchReader.from_batches(schema, zipped())

    def iter_batches(self, table: str, *, batch_size: int = 65_536) -> Iterator[pa.RecordBatch]:
        """Like :meth:`read_batches` but as a plain iterator, wrapping read errors in :class:`SourceError`."""
        import pyarrow as pa  # deliberate: the preflight and the profile never need it (see run())

        reader = self.read_batches(table, batch_size=batch_size)
        try:
            yield from reader
        except (duckdb.Error, pa.ArrowException) as exc:
            raise read_error(exc, self.path, table=table) from exc

    def close(self) -> None:
        """Detach the export and close DuckDB (and remove its spill directory, if any); the private copy
        is removed when no other source reads it."""
        self.end_small_reads()
        self.connection.close()
        with self._lock:
            self._cursors.clear()
        if self._spill is not None:
            self._spill.cleanup()
        if self.private_copy is not None:
            copy, self.private_copy = self.private_copy, None
            copy.release()

    def __enter__(self) -> Source:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready description of the export."""
        return {
            "path": str(self.path),
            "tables": [table.to_dict() for table in self.tables.values()],
            "internal_tables": dict(self.internal),
            "unreadable_tables": dict(self.unreadable),
            "full_text_not_loaded": dict(self.full_text),
            "unreadable_columns": {name: dict(why) for name, why in self.unreadable_columns.items()},
            "views_not_loaded": dict(self.views),
            "dropped_for_reader": self.dropped_for_reader,
            "rebuilt_for_reader": self.rebuilt_for_reader,
            "renamed_for_reader": self.renamed.records(),
        }


def _class_sql(read: ColumnRead, numerals: bool = False) -> str:
    """SQLite SQL: the storage class of ``read``'s cell (``typeof``), in capitals for a long one
    (:attr:`ColumnRead.long_bytes`). ``numerals``: the column's BLOB cells are read as the numerals they
    spell (:meth:`.SqliteScans.numeral_blobs`): such a cell is ``text``, or ``decoded`` for a read asking
    them apart (:attr:`ColumnRead.numerals_apart`)."""
    column = quote_ident(read.name)
    kind = f"typeof({column})"
    if numerals:
        kind = (
            f"CASE WHEN {kind} = 'blob' THEN '{'decoded' if read.numerals_apart else 'text'}' ELSE {kind} END"
        )
    if read.long_bytes is None:
        return kind
    long = long_cell_sql(column, read.long_bytes)
    return f"CASE WHEN {long} THEN upper({kind}) ELSE {kind} END"


def _columns_the_reader_computes(
    con: duckdb.DuckDBPyConnection, tables: dict[str, SourceTable]
) -> tuple[dict[str, SourceTable], dict[str, dict[str, str]]]:
    """``tables`` without the generated columns DuckDB's SQLite cannot read, and those, each with why.

    A VIRTUAL generated column is computed by SQLite on every read, with the functions of the SQLite
    that reads: one calling a math function (``sqrt``, ``ln``, ``floor``: SQLite 3.35's, where the
    build enables them) or one newer than the reader's SQLite is refused ("unknown function"), and so
    was the read of the whole table (the run failed in the profile, exit 1). Its values are not in the
    file: the table's stored columns load, the column is named in a warning. One prepared, empty read
    per generated column (``LIMIT 0``), only in tables that have one."""
    alias = quote_literal(SOURCE_ALIAS)
    left_out: dict[str, dict[str, str]] = {}
    kept: dict[str, SourceTable] = {}
    for name, table in tables.items():
        refused: dict[str, str] = {}
        for column in (c for c in table.columns if c.generated):
            query = f"SELECT {quote_ident(column.name)} FROM {quote_ident(name)} LIMIT 0"
            try:
                con.execute(f"SELECT * FROM sqlite_query({alias}, {quote_literal(query)})").fetchall()
            except duckdb.Error as exc:
                # SQLite's words for a function it lacks ("unknown function: sqrt()", "no such
                # function"); anything else (a lock, damage) is the read's to report.
                if " function" not in str(exc) or is_lock_error(exc):
                    continue
                refused[column.name] = (
                    f"a generated column the reader's SQLite (DuckDB's sqlite_scanner) cannot compute "
                    f"({short_reason(exc)}): its values are not stored in the file; recreate it on the "
                    "target from its expression in the export's CREATE TABLE"
                )
        if refused and len(refused) < len(table.columns):
            left_out[name] = refused
            table = replace(table, columns=tuple(c for c in table.columns if c.name not in refused))
        kept[name] = table
    return kept, left_out


def open_source(path: str | Path, encoding_fallback: EncodingFallback = "cp1252") -> Source:
    """Open a SQLite export read-only: check it, read its catalogue, attach it to DuckDB.

    ``encoding_fallback`` decodes TEXT values that are not valid UTF-8 (see :func:`decoded_sql`).

    Raises :class:`SourceError` with the file named for a missing, unreadable, empty, non-SQLite or
    corrupt file. Neither the file's bytes nor its mtime change. When DuckDB's SQLite cannot parse a
    view, trigger or index of the export's schema, the rows are read from a private copy without them
    (:attr:`Source.private_copy`, removed on :meth:`Source.close`; one per
    :func:`~columnar_etl.source.private_copy.shared_copy` block); a table's CREATE TABLE it cannot
    parse is refused (:func:`~columnar_etl.source.schema_objects.schema_too_new`). A WITHOUT ROWID table
    kept in the order of a collating sequence only the writing application has is read from that copy
    too, rebuilt there without it (:attr:`Source.rebuilt_for_reader`); one that cannot be is left out
    (:attr:`Source.unreadable`). A WAL-mode export is always read from such a copy, a snapshot of its
    file and ``-wal`` (:attr:`Source.read_as_snapshot`): DuckDB's SQLite never opens it.
    """
    path = Path(path)
    check_file(path)
    catalogue = read_catalogue(path)
    tables = catalogue.tables
    if not tables:
        raise SourceError("the source has no tables", path=path, hint="is this the right export file?")
    # An empty name (DuckDB and PostgreSQL cannot write it) or one of the readers' own helper columns'
    # (DuckDB matches names case-insensitively: __CLEAN_CLASSES shadows __clean_classes) is read, and
    # loaded, under a name of its own, renamed in the private copy (never in the export).
    others = [
        *catalogue.internal,
        *catalogue.unreadable,
        *catalogue.full_text,
        *catalogue.views,
        *catalogue.triggers,
    ]
    renamed = reader_names(tables, [*others, *(index.name for index in catalogue.indexes)])
    rebuild = [renamed.table(name) for name in catalogue.collation_keyed]
    copy: PrivateCopy | None
    if wal_mode(path):
        con, copy = snapshot_readable(path, renamed, rebuild)
    else:
        con, copy = readable(attached(path, path), path, renamed, rebuild)
    unreadable, full_text = dict(catalogue.unreadable), dict(catalogue.full_text)
    if copy is not None:
        # Every read of rows (counts included) is of the copy: one snapshot.
        tables = {name: replace(table, path=copy.path) for name, table in renamed.applied(tables).items()}
        for name, why in copy.not_rebuilt.items():  # left out, as before the copy rebuilt such tables
            del tables[name]
            export_name = renamed.export_table(name)
            unreadable[export_name] = f"{catalogue.collation_keyed[export_name]}; {why}"
            # A full-text index whose documents were this table's: its data no longer arrives.
            for index, documents in catalogue.documents.items():
                if documents == export_name and index in full_text:
                    unreadable[index] = (
                        f"{full_text.pop(index).split(DOCUMENTS_ARE)[0]}{DOCUMENTS_ARE} {export_name!r}, "
                        "which is not loaded either"
                    )
    try:
        tables, unreadable_columns = _columns_the_reader_computes(con, tables)
    except BaseException:
        con.close()
        if copy is not None:
            copy.release()
        raise
    return Source(
        path=path,
        tables=tables,
        unreadable_columns=unreadable_columns,
        connection=con,
        encoding_fallback=encoding_fallback,
        internal=catalogue.internal,
        unreadable=unreadable,
        full_text=full_text,
        views=catalogue.views,
        indexes=tuple(_renamed_index(index, renamed) for index in catalogue.indexes),
        triggers={name: renamed.table(table) for name, table in catalogue.triggers.items()},
        text_encoding=catalogue.encoding,
        private_copy=copy,
        renamed=renamed,
    )


def _renamed_index(index: SourceIndex, renamed: ReaderNames) -> SourceIndex:
    """``index`` naming its table and columns as the reader knows them."""
    if not renamed:
        return index
    columns = tuple(None if c is None else renamed.column(index.table, c) for c in index.columns)
    return replace(index, table=renamed.table(index.table), columns=columns)
