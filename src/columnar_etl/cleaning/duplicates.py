"""Exact duplicate rows (``duplicates = "remove"``): which rows of a batch are extra copies.

DuckDB lists, once per table, the distinct rows that occur more than once (one GROUP BY over every
column; it spills to disk rather than grow past its memory limit). Wide rows (long text) are first
narrowed to candidates: only rows whose digest (:func:`row_digest_sql`) occurs more than once are
grouped by their values, so the grouping holds 16 bytes per row, not the row (grouping every wide
row by value ran out of DuckDB's memory limit at 40x). The cleaner then matches each
batch against that list (a Polars join on every column, NULL equal to NULL, of the batch's rows whose
row hash a listed row has, against those listed rows: see :class:`CopyFilter`) and keeps the first
occurrence of each; a boolean per listed row remembers which were seen in earlier batches. Memory
grows with the number of duplicated rows, never with the table; rows that differ in any column never
match (a digest only picks candidates: rows are copies when their values are equal).
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence

import duckdb
import polars as pl
import pyarrow as pa
import pyarrow.compute as pc

from columnar_etl.errors import CleanError
from columnar_etl.pg.identifiers import quote_ident
from columnar_etl.source.cells import (
    GROUP_COLUMNS_LIMIT,
    HELPER_PREFIX,
    ROW_DIGEST_BYTES,
    ColumnRead,
    class_column,
    framed,
    hex_column,
    row_digest_sql,
    row_text_sql,
)
from columnar_etl.source.export import Source

# Helper names under the prefix no export column may carry (refused when the export is opened).
_GROUP = f"{HELPER_PREFIX}copy_group"
_POSITION = f"{HELPER_PREFIX}position"
_DIGEST = f"{HELPER_PREFIX}row_hash"
#: Listed rows hashed at once (see :meth:`CopyFilter.extra_copies`).
DIGEST_ROWS = 65_536


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


class CopyFilter:
    """Marks the rows of each batch (read in order) that repeat a row seen before, in this or an
    earlier batch: all but the first of each set of exact copies.

    Each batch is first narrowed by a digest of its rows (Polars' hash of the row, equal for rows the
    join takes as equal: NULL, NaN and -0.0 included) to the rows whose digest a listed row has; only
    those are joined by value, against the listed rows of those digests. Joining every batch by value
    against every listed row rebuilt a hash table of all of them per batch: a million listed rows
    (2M rows, half of them copies) cost ~240 MB of RSS and 2.5 s of CPU over 20 batches, the digests
    ~6 MB and 0.5 s. A digest only picks candidates: rows are copies when their values are equal.
    """

    def __init__(self, duplicated: pl.DataFrame) -> None:
        self.columns = list(duplicated.columns)
        self._rows = duplicated.with_row_index(_GROUP)
        self._seen = pl.Series("seen", [False] * duplicated.height, dtype=pl.Boolean)
        self._digests: pl.DataFrame | None = None

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
        cleaner's side source). The GROUP BY of every row leaves its buffers with the database, up to
        its cap: 2M rows, a million of them listed, peaked at ~640 MB with them still held.
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
        try:
            if len(columns) > GROUP_COLUMNS_LIMIT:
                arrow = _listed_by_text(cursor, relation, columns, compared)
            else:
                sql = duplicated_rows_sql(relation, columns, compared, digest=digest)
                arrow = cursor.execute(sql).to_arrow_table()
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
        if arrow.num_rows == 0:
            return None
        duplicated = pl.from_arrow(framed(arrow))
        assert isinstance(duplicated, pl.DataFrame)
        return cls(duplicated)

    def extra_copies(self, batch: pa.RecordBatch) -> pl.Series:
        """True for each row of ``batch`` that is an extra copy of an earlier row."""
        raw = pl.from_arrow(framed(batch).select(self.columns))
        assert isinstance(raw, pl.DataFrame)
        if self._digests is None:
            # The listed rows come from the same source relation; cast them to the batch's types once.
            self._rows = self._rows.cast(dict(raw.schema))  # type: ignore[arg-type]
            # Hashed a slice at a time: the hash of a struct of every listed row at once took ~120
            # bytes a row (1.6M rows of four text columns: +190 MB at the first batch, the 4M-row
            # export of 40 % copies by a given plan 1,227 -> 906 MB); a row's hash is its own.
            self._digests = pl.concat(
                [
                    self._rows.slice(start, DIGEST_ROWS).select(_row_digest(self.columns), _GROUP)
                    for start in range(0, max(1, self._rows.height), DIGEST_ROWS)
                ]
            )
        numbered = raw.with_row_index(_POSITION)
        near = numbered.select(_POSITION, _row_digest(self.columns)).join(self._digests, on=_DIGEST)
        candidates = numbered.gather(near.get_column(_POSITION).unique())
        listed_near = self._rows.gather(near.get_column(_GROUP).unique())
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
