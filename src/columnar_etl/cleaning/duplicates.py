"""Exact duplicate rows (``duplicates = "remove"``): which rows of a batch are extra copies.

DuckDB lists, once per table, the distinct rows that occur more than once (one GROUP BY over every
column; it spills to disk rather than grow past its memory limit). Wide rows (long text) are first
narrowed to candidates: only rows whose digest (:func:`row_digest_sql`) occurs more than once are
grouped by their values, so the grouping holds 16 bytes per row, not the row (grouping every wide
row by value ran out of DuckDB's memory limit at 40x). The listed rows are kept
outside the process, in a DuckDB database file of their own that DuckDB writes them to
(:class:`CopyFilter`; a listing small enough is then held instead); the cleaner
matches each batch against them (a Polars join on every column, NULL equal to NULL, of the batch's
rows whose row hash a listed row has, against those listed rows, fetched by their numbers) and keeps
the first occurrence of each; a boolean per listed row remembers which were seen in earlier batches.
The process holds ~16 bytes per listed row (its hash and number), never the rows themselves; rows
that differ in any column never match (a digest only picks candidates: rows are copies when their
values are equal).
"""

from __future__ import annotations

import contextlib
import itertools
import tempfile
import threading
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import duckdb
import polars as pl
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from columnar_etl.errors import CleanError
from columnar_etl.leftovers import temporary_prefix
from columnar_etl.pg.identifiers import quote_ident, quote_literal
from columnar_etl.source.cells import (
    GROUP_COLUMNS_LIMIT,
    HELPER_PREFIX,
    ROW_DIGEST_BYTES,
    ColumnRead,
    class_column,
    frame_name,
    framed,
    hex_column,
    row_digest_sql,
    row_text_sql,
)
from columnar_etl.source.duckdb_reader import ALLOCATOR_SETTINGS
from columnar_etl.source.export import Source

# Helper names under the prefix no export column may carry (refused when the export is opened).
_GROUP = f"{HELPER_PREFIX}copy_group"
_POSITION = f"{HELPER_PREFIX}position"
_DIGEST = f"{HELPER_PREFIX}row_hash"
#: Listed rows hashed at once (see :meth:`CopyFilter.extra_copies`), and read or stored at once.
DIGEST_ROWS = 65_536
#: Bytes of listed rows (Arrow's count) held in the process (a Polars frame); past it they are kept in
#: a DuckDB database file of their own (:class:`CopyFilter`). A held listing costs several times its
#: Arrow bytes in RSS (the frame, its digests, the joins' tables: a 2.5M-row export of four columns,
#: 40 % copies, 1M listed rows of 92 MB: 701 MB held, 572 stored); a stored one costs CPU (1M rows,
#: 400K listed rows of 37 MB: ~11.5 s CPU held, ~14.5 s stored): below this, the listing is held.
HELD_BYTES = 48 * 1024 * 1024
#: The memory cap of that database (its blocks stay in its file past it), per column it stores and at
#: least :data:`LISTED_MEMORY_FLOOR`: DuckDB takes memory per column before any row arrives.
LISTED_COLUMN_BYTES = 512 * 1024
LISTED_MEMORY_FLOOR = 32 * 1024 * 1024
_LISTED = "listed_rows"
_LISTED_FILE = "listed.duckdb"
_LISTED_PARQUET = "listed.parquet"
_WANTED = "wanted_groups"
_PART = "listed_part"


def _drained(items: list[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    """The items of ``items`` in order, each taken out of the list as it is given."""
    items.reverse()
    while items:
        yield items.pop()


def _row_digest(columns: list[str]) -> pl.Expr:
    """A 64-bit hash of each row's values (seed fixed: the listed rows and every batch agree)."""
    return pl.struct(columns).hash(seed=0).alias(_DIGEST)


def duplicated_rows_sql(
    relation: str, columns: list[str], compared: list[str], *, digest: str | None = None
) -> str:
    """The distinct rows (``compared`` columns) occurring more than once in ``relation``.

    Rows are equal when every one of ``columns`` is; when ``compared`` leaves some out (columns the
    cleaner does not read, masked with ``drop``), a listed row must stand for one source row only, so
    a row that differs from another in a left-out column is never taken for its copy.

    ``digest`` (SQL of a value equal for equal rows, :func:`row_digest_sql`) first narrows the rows
    grouped by value to those whose digest occurs more than once: every set of copies is among them,
    and rows whose digests merely collide are told apart by the grouping by value that follows.
    Past :data:`GROUP_COLUMNS_LIMIT` columns, see :func:`copy_texts_sql` instead.
    """
    every = ", ".join(map(quote_ident, columns))
    shown = ", ".join(map(quote_ident, compared))
    n, groups, h = (f"{HELPER_PREFIX}{name}" for name in ("n", "groups", "digest"))
    if digest is not None:
        # Two scans of the source, but neither holds whole rows: the first keeps 16 bytes per row.
        repeated = f"SELECT {digest} AS {h} FROM {relation} GROUP BY {h} HAVING count(*) > 1"
        relation = f"(SELECT * FROM {relation} WHERE {digest} IN ({repeated}))"
    return (
        f"WITH full_ AS (SELECT {every}, count(*) AS {n} FROM {relation} GROUP BY {every}), "
        f"shown_ AS (SELECT {shown}, sum({n}) AS {n}, count(*) AS {groups} FROM full_ GROUP BY {shown}) "
        f"SELECT {shown} FROM shown_ WHERE {groups} = 1 AND {n} > 1"
    )


def copy_texts_sql(relation: str, columns: list[str], compared: list[str]) -> str:
    """:func:`duplicated_rows_sql` for rows of many columns (past :data:`GROUP_COLUMNS_LIMIT`): each
    listed row as one text of its ``compared`` values (:func:`row_text_sql`, one-to-one), the rows
    grouped by such texts instead of by each column. No digest narrows them first: DuckDB would join
    the whole rows to the repeated digests, and a join of rows of ~2,000 columns runs out of its cap as
    a GROUP BY of them does (the texts spill past it)."""
    n, whole, part = (f"{HELPER_PREFIX}{name}" for name in ("n", "row_text", "shown_text"))
    texts = f"SELECT {row_text_sql(columns)} AS {whole}, {row_text_sql(compared)} AS {part} FROM {relation}"
    full = f"SELECT any_value({part}) AS {part}, count(*) AS {n} FROM ({texts}) GROUP BY {whole}"
    return f"SELECT {part} FROM ({full}) GROUP BY {part} HAVING count(*) = 1 AND sum({n}) > 1"


def _listed_by_text(
    cursor: duckdb.DuckDBPyConnection,
    relation: str,
    columns: list[str],
    compared: list[str],
) -> pa.Table:
    """The rows :func:`copy_texts_sql` lists, with their values: the first row of each text, found by
    a scan in batches. DuckDB itself runs out of its cap joining or grouping rows of ~2,000 columns
    (it allocates per column before any row arrives), so the texts are matched outside it."""
    listed = cursor.execute(copy_texts_sql(relation, columns, compared)).to_arrow_table()
    texts = listed.column(0).combine_chunks()
    part = f"{HELPER_PREFIX}shown_text"
    shown = ", ".join(map(quote_ident, compared))
    reader = cursor.execute(
        f"SELECT {shown}, {row_text_sql(compared)} AS {part} FROM {relation}"
    ).to_arrow_reader()
    found = (
        [batch.filter(pc.is_in(batch.column(part), value_set=texts)) for batch in reader]
        if len(texts)
        else []
    )
    rows = pa.Table.from_batches(found, schema=reader.schema).combine_chunks()
    if rows.num_rows:
        # The first row of each text (all of them hold the same values).
        position = f"{HELPER_PREFIX}position"
        numbered = rows.append_column(position, pa.array(range(rows.num_rows), pa.int64()))
        first = numbered.group_by(part, use_threads=False).aggregate([(position, "min")])[f"{position}_min"]
        rows = rows.take(pc.take(first, pc.sort_indices(first)))
    return rows.drop_columns([part])


def _surely_held(most: int, row_bytes: int, columns: int) -> bool:
    """True when a listing of at most ``most`` rows of ``columns`` columns, of ``row_bytes`` source
    bytes on average, is held (:data:`HELD_BYTES`; Arrow adds an offset or more per cell)."""
    return most * (row_bytes + 8 * columns) <= HELD_BYTES


def _write_listing(
    cursor: duckdb.DuckDBPyConnection, sql: str, columns: list[str]
) -> tempfile.TemporaryDirectory[str]:
    """A new private directory holding the rows ``sql`` selects (its ``columns``, under their
    :func:`frame_name`) in a Parquet file (:data:`_LISTED_PARQUET`), written by ``cursor``'s database
    itself at its memory cap. (Written to a DuckDB database file instead, numbered, a 400,000-row
    listing took +1 s of CPU; Parquet costs what the rows' Arrow did.)"""
    directory = tempfile.TemporaryDirectory(prefix=temporary_prefix("copies"))
    named = ", ".join(f"{quote_ident(name)} AS {quote_ident(frame_name(name))}" for name in columns)
    target = quote_literal(str(Path(directory.name) / _LISTED_PARQUET))
    try:
        cursor.execute(f"COPY (SELECT {named} FROM ({sql})) TO {target} (FORMAT parquet)")
    except BaseException:
        directory.cleanup()
        raise
    return directory


class CopyFilter:
    """Marks the rows of each batch (read in order) that repeat a row seen before, in this or an
    earlier batch: all but the first of each set of exact copies.

    The listed rows (each distinct row that occurs more than once, numbered from 0) are held in a
    Polars frame up to :data:`HELD_BYTES`; past it they are kept in a DuckDB database file of their own,
    in a temporary directory, at a small memory cap (rows of more than ``GROUP_COLUMNS_LIMIT`` columns
    stay held: DuckDB takes memory per column). The process then holds only each listed row's 64-bit
    hash and number and a boolean "seen": held in Polars, 1.6M listed rows of four columns (a 4M-row
    export, 40 % copies) took ~300 MB through every batch.

    Each batch is first narrowed by a digest of its rows (Polars' hash of the row, equal for rows the
    join takes as equal: NULL, NaN and -0.0 included) to the rows whose digest a listed row has; only
    those are joined by value, against the listed rows of those digests (fetched by their numbers).
    Joining every batch by value against every listed row rebuilt a hash table of all of them per
    batch: a million listed rows (2M rows, half of them copies) cost ~240 MB of RSS and 2.5 s of CPU
    over 20 batches, the digests ~6 MB and 0.5 s. A digest only picks candidates: rows are copies
    when their values are equal.

    ``duplicated``: the listed rows (a frame, a table or Arrow batches, their columns named as the
    batches' after :func:`framed`). Call :meth:`close` when done with a filter (a stored listing's
    directory also goes when the filter is garbage-collected).
    """

    def __init__(
        self,
        duplicated: pl.DataFrame | pa.Table | Iterable[pa.RecordBatch] | None,
        *,
        written: tempfile.TemporaryDirectory[str] | None = None,
        columns: Sequence[str] = (),
    ) -> None:
        """``duplicated``: the listed rows; or None with ``written``, a directory whose database
        (:func:`_write_listing`) holds them under ``columns``: the filter's from then on (removed on
        :meth:`close`)."""
        self._lock = threading.Lock()
        self._rows: pl.DataFrame | None = None
        self._directory = written
        self._db: duckdb.DuckDBPyConnection | None = None
        self.columns: list[str] = list(columns)
        self.height = 0
        try:
            if duplicated is None:
                self._take_written()
            else:
                if isinstance(duplicated, pl.DataFrame):
                    duplicated = duplicated.to_arrow(compat_level=pl.CompatLevel.oldest())
                batches = (
                    duplicated.to_batches(DIGEST_ROWS) if isinstance(duplicated, pa.Table) else duplicated
                )
                self._take(iter(batches))
        except BaseException:
            self.close()
            raise
        self._seen = pl.Series("seen", [False] * self.height, dtype=pl.Boolean)
        self._digests: pl.DataFrame | None = None
        self._schema: dict[str, pl.DataType] = {}

    def _take(self, batches: Iterator[pa.RecordBatch]) -> None:
        """Hold the listed rows, or store them once they take more than :data:`HELD_BYTES`."""
        held: list[pa.RecordBatch] = []
        held_bytes = 0
        for batch in batches:
            named = framed(batch)
            if not self.columns:
                self.columns = list(named.schema.names)
            held.append(named)
            self.height += named.num_rows
            held_bytes += named.nbytes
            if held_bytes > HELD_BYTES and len(self.columns) <= GROUP_COLUMNS_LIMIT:
                # The held batches leave the list as they are stored: none outlives its INSERT.
                self._store(itertools.chain(_drained(held), map(framed, batches)))
                return
        self._hold(held)

    def _take_written(self) -> None:
        """Hold the listed rows of the directory's Parquet file (:func:`_write_listing`) when they
        take :data:`HELD_BYTES` or less; else store them in the directory's database, numbered. The
        file is removed either way."""
        assert self._directory is not None
        written = Path(self._directory.name) / _LISTED_PARQUET
        held: list[pa.RecordBatch] = []
        held_bytes = 0
        with pq.ParquetFile(written) as listing:
            for batch in listing.iter_batches(DIGEST_ROWS, columns=self.columns, use_threads=False):
                held.append(batch)
                held_bytes += batch.nbytes
                if held_bytes > HELD_BYTES:
                    break
        if held_bytes > HELD_BYTES:
            del held
            db = self._connect()
            shown = ", ".join(map(quote_ident, self.columns))
            # row_number() OVER () streams (no sort, nothing held): each listed row gets a number.
            number = f"row_number() OVER () - 1 AS {quote_ident(_GROUP)}"
            db.execute(
                f"CREATE TABLE {_LISTED} AS SELECT {shown}, {number} "
                f"FROM read_parquet({quote_literal(str(written))})"
            )
            written.unlink()
            (self.height,) = db.execute(f"SELECT count(*) FROM {_LISTED}").fetchone() or (0,)
            return
        self.close()
        self._directory = None
        self._hold(held)

    def _hold(self, held: list[pa.RecordBatch]) -> None:
        """Hold ``held`` (the listed rows, framed) in the process, numbered in order."""
        self.height = 0
        if held:
            rows = pl.from_arrow(pa.Table.from_batches(held))
            assert isinstance(rows, pl.DataFrame)
            self._rows = rows.with_row_index(_GROUP).cast({_GROUP: pl.Int64})
            self.height = rows.height

    def _connect(self) -> duckdb.DuckDBPyConnection:
        """Open the listing's database in its directory (made here if there is none yet), at a small
        memory cap (see :data:`LISTED_COLUMN_BYTES`)."""
        if self._directory is None:
            self._directory = tempfile.TemporaryDirectory(prefix=temporary_prefix("copies"))
        memory = max(LISTED_MEMORY_FLOOR, LISTED_COLUMN_BYTES * (len(self.columns) + 1))
        self._db = duckdb.connect(
            str(Path(self._directory.name) / _LISTED_FILE),
            config={
                **ALLOCATOR_SETTINGS,
                "memory_limit": f"{memory} bytes",
                "threads": 1,
                "temp_directory": self._directory.name,
                "autoinstall_known_extensions": False,
                "autoload_known_extensions": False,
            },
        )
        return self._db

    def _store(self, batches: Iterable[pa.RecordBatch]) -> None:
        """Write ``batches`` to a table of listed rows in a database of their own, numbered in order."""
        db = self._connect()
        self.height = 0
        for batch in batches:
            if not batch.num_rows:
                continue
            numbers = pa.array(range(self.height, self.height + batch.num_rows), pa.int64())
            db.register(_PART, pa.Table.from_batches([batch]).append_column(_GROUP, numbers))
            try:
                verb = f"INSERT INTO {_LISTED}" if self.height else f"CREATE TABLE {_LISTED} AS"
                db.execute(f"{verb} SELECT * FROM {_PART}")
            finally:
                db.unregister(_PART)
            self.height += batch.num_rows

    @property
    def stored(self) -> bool:
        """True when the listed rows are kept in a database file, not in the process."""
        return self._directory is not None

    def close(self) -> None:
        """Close a stored listing's database and remove its directory (idempotent)."""
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None
            if self._directory is not None:
                self._directory.cleanup()

    def listed_rows(self) -> pl.DataFrame:
        """Every listed row, in their numbers' order (all of them in memory: for a small listing)."""
        frames = list(self._slices())
        return pl.concat(frames).sort(_GROUP).drop(_GROUP) if frames else pl.DataFrame()

    def _slices(self) -> Iterator[pl.DataFrame]:
        """The listed rows with their numbers, a slice of :data:`DIGEST_ROWS` at a time (stored: in
        no given order; an ORDER BY would sort every stored row)."""
        if self._rows is not None:
            for start in range(0, self._rows.height, DIGEST_ROWS):
                yield self._rows.slice(start, DIGEST_ROWS).cast(self._schema)  # type: ignore[arg-type]
        elif self.height:
            yield from self._query(f"SELECT * FROM {_LISTED}")

    def _fetch(self, numbers: pl.Series) -> pl.DataFrame:
        """The listed rows of ``numbers`` (distinct), with their numbers, in the batches' types."""
        if self._rows is not None:
            return self._rows.gather(numbers).cast(self._schema)  # type: ignore[arg-type]
        group = quote_ident(_GROUP)
        sql = f"SELECT * FROM {_LISTED} WHERE {group} IN (SELECT {group} FROM {_WANTED})"
        empty = pl.DataFrame(schema={**self._schema, _GROUP: pl.Int64})
        return pl.concat([*self._query(sql, numbers.cast(pl.Int64).to_frame(_GROUP).to_arrow()), empty])

    def _query(self, sql: str, wanted: pa.Table | None = None) -> Iterator[pl.DataFrame]:
        """The stored rows ``sql`` selects (from ``listed_rows``, and ``wanted_groups`` when
        ``wanted`` is given), a slice at a time, cast to the batches' types."""
        with self._lock:
            if self._db is None:
                raise CleanError("the copy filter was closed")
            cursor = self._db.cursor()
            try:
                if wanted is not None:
                    cursor.register(_WANTED, wanted)
                for batch in cursor.execute(sql).to_arrow_reader(DIGEST_ROWS):
                    frame = pl.from_arrow(batch)
                    assert isinstance(frame, pl.DataFrame)
                    yield frame.cast(self._schema)  # type: ignore[arg-type]
            finally:
                cursor.close()

    @classmethod
    def of(
        cls,
        src: Source,
        table: str,
        compared: list[str],
        reads: list[ColumnRead] | None = None,
        *,
        row_bytes: int = 0,
        rowids: Sequence[int] | None = None,
        release: bool = False,
    ) -> CopyFilter | None:
        """The filter for ``table`` (None when it has no exact duplicate rows); ``reads`` say how the
        cleaner reads the compared columns, so the listed rows match its batches value for value.
        Rows of more than :data:`ROW_DIGEST_BYTES` source bytes on average (``row_bytes``) are first
        narrowed to candidates by a digest of their values (see :func:`duplicated_rows_sql`).

        ``reads`` come in the order of the cleaner's batches (columns it does not read may follow):
        a read ``with_class`` adds its cells' storage classes, named by that position
        (:func:`class_column`) as in the batches, and cells are then equal when their values and
        classes are (TEXT ``''`` and BLOB ``x''`` read alike as bytes; they are not copies); a read
        ``with_hex`` adds the raw bytes of its invalid text (:func:`hex_column`), compared too.

        ``rowids``: the rows that have a copy, every one of them (the profile's list, see
        ``TableProfile.copy_rows``); only those rows are read, by rowid, and grouped. Rows outside it
        have no copy, so the listing is the same as a scan's, at the cost of the listed rows only.

        ``release``: hand DuckDB's memory back (:meth:`Source.release_memory`) once the rows are
        listed, before they are framed for Polars; only when no other query runs on ``src`` (the
        cleaner's side source). The GROUP BY of every row leaves its buffers with the database, up
        to its cap: 2M rows, a million of them listed, peaked at ~640 MB with them still held. The
        listing is then written by ``src`` to a file of its own first (:func:`_write_listing`), and
        read once they are let go.
        """
        info = src.table(table)
        columns = info.column_names
        if not columns or not compared:
            return None
        given = {read.name: read for read in reads or []}
        # Each storage class column: its column, its name in the source relation and in the batches.
        classes = [
            (read.name, class_column(columns.index(read.name)), class_column(position))
            for position, read in enumerate(reads or [])
            if read.with_class
        ]
        # And each raw-bytes column of a column with invalid text: the TEXT b'caf\xe9' decodes to the
        # 'café' another row holds as UTF-8, but the two cells differ, so the rows are no copies.
        classes += [
            (read.name, hex_column(columns.index(read.name)), hex_column(position))
            for position, read in enumerate(reads or [])
            if read.with_hex
        ]
        listed = rowids is not None and info.rowid is not None and list(compared) == columns
        relation = src.relation_sql(
            table,
            reads=[given.get(name, ColumnRead(name)) for name in columns],
            rowids=rowids if listed else None,
        )
        if classes:
            renamed = [f"{quote_ident(inner)} AS {quote_ident(outer)}" for _, inner, outer in classes]
            relation = f"(SELECT {', '.join([*map(quote_ident, columns), *renamed])} FROM {relation})"
            shown = set(compared)
            compared = [*compared, *(outer for name, _, outer in classes if name in shown)]
            columns = [*columns, *(outer for _, _, outer in classes)]
        digest = row_digest_sql(columns) if row_bytes > ROW_DIGEST_BYTES and not listed else None
        # Closed after its query: an open cursor keeps its last aggregate's states (the GROUP BY of
        # every row, up to the source's memory cap) until the source is closed, through the clean.
        cursor = src.cursor()
        written: tempfile.TemporaryDirectory[str] | None = None
        try:
            if len(columns) > GROUP_COLUMNS_LIMIT:
                copies = cls(_listed_by_text(cursor, relation, columns, compared))
            else:
                sql = duplicated_rows_sql(relation, columns, compared, digest=digest)
                # At most half the rows named as having a copy are listed.
                small = listed and _surely_held(len(rowids or ()) // 2, row_bytes, len(columns))
                if release and not small:
                    # No other query runs on src: DuckDB writes the listing to a file of its own at
                    # src's cap, read once src let go of the GROUP BY's buffers. Streamed into the
                    # process, the listing's first HELD_BYTES (and the database it moves to) stacked
                    # on them: 2M rows, a million listed, 563-604 MB; written first, 526-532 MB.
                    written = _write_listing(cursor, sql, compared)
                else:
                    # Streamed to the filter's database a slice at a time, never whole in the process.
                    copies = cls(cursor.execute(sql).to_arrow_reader(DIGEST_ROWS))
        except duckdb.OutOfMemoryException as exc:
            raise CleanError(
                "listing exact duplicate rows ran out of memory",
                path=src.path,
                table=table,
                hint='raise profile_memory_limit, or set duplicates = "keep"',
            ) from exc
        finally:
            cursor.close()
            if release:
                # Never in place of the listing's own error (an interrupted clean closes the source).
                with contextlib.suppress(duckdb.Error):
                    src.release_memory()
        if written is not None:
            copies = cls(None, written=written, columns=[frame_name(name) for name in compared])
        if copies.height == 0:
            copies.close()
            return None
        return copies

    def extra_copies(self, batch: pa.RecordBatch) -> pl.Series:
        """True for each row of ``batch`` that is an extra copy of an earlier row."""
        if not self.height:
            return pl.Series("extra_copy", [False] * batch.num_rows, dtype=pl.Boolean)
        raw = pl.from_arrow(framed(batch).select(self.columns))
        assert isinstance(raw, pl.DataFrame)
        if self._digests is None:
            # The listed rows come from the same source relation; cast to the batch's types (as each
            # fetch is), hashed a slice at a time: the hash of a struct of every listed row at once
            # took ~120 bytes a row (1.6M rows of four text columns: +190 MB); a row's hash is its own.
            # The numbers are copied (UInt64) as they are kept: taken as they are, each stored slice's
            # column keeps the whole slice DuckDB handed over alive (Arrow's C interface frees a batch
            # with its last column): 1.6M listed rows of four columns, +270 MB through every batch.
            self._schema = dict(raw.schema)
            numbers = pl.col(_GROUP).cast(pl.UInt64)
            self._digests = pl.concat(
                [part.select(_row_digest(self.columns), numbers) for part in self._slices()]
            )
        numbered = raw.with_row_index(_POSITION)
        near = numbered.select(_POSITION, _row_digest(self.columns)).join(self._digests, on=_DIGEST)
        candidates = numbered.gather(near.get_column(_POSITION).unique())
        listed_near = self._fetch(near.get_column(_GROUP).unique())
        found = candidates.join(listed_near, on=self.columns, how="inner", nulls_equal=True)
        matched = (
            numbered.select(_POSITION)
            .join(found.select(_POSITION, _GROUP), on=_POSITION, how="left")
            .sort(_POSITION)
            .get_column(_GROUP)
        )
        listed = matched.is_not_null()
        if not listed.any():
            return listed
        earlier = self._seen.gather(matched.fill_null(0))
        extra = listed & (earlier | ~matched.is_first_distinct())
        self._seen.scatter(matched.drop_nulls().unique(), True)
        return extra.alias("extra_copy")
