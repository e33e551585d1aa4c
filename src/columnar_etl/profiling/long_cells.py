"""Profiling a table of long cells (HTML bodies, logs, files kept as text) within ``profile_memory_limit``.

DuckDB hands SQLite's rows over 2,048 to a vector, and every query over the cells holds a vector of
them, and copies of it (decoded, trimmed), at once: a table of 1,372 rows of ~80 KB of text each held
all 110 MB of them in one vector, beside the count of its distinct values, and ran out of 256 MB
however few threads and however much the aggregate spilled (a vector cannot spill). So when a table
ran out of memory even alone, on one thread, its profile reads its long cells apart; so does, from its
first attempt, a table holding a row of more than :func:`read_bytes` (see ``profile.profile``: five
rows of a 15 MB TEXT and a 15 MB BLOB ran out of memory four times, at up to 2.4 GB of RSS):

1. One read of every cell, in which SQLite hands a cell longer than :func:`long_bytes` over as its
   size only (its class letter a capital, :attr:`ColumnRead.long_bytes`): the other cells are counted
   as always (:func:`.distinct_values.distinct_cells_sql`), each long one is listed by its column and rowid.
2. The long cells, read a column at a time and a few rows at a time (each read about
   :func:`read_bytes` of one column's, by rowid range: a row of several is never read whole), are
   counted by their size and MD5 (:func:`.distinct_values.blob_label_sql`, as BLOBs always are): a BLOB's
   label is its counted value, a TEXT value's is only what tells its copies apart.
3. One cell of each distinct long TEXT value, read again a column and a few at a time (by rowid), is
   profiled by the same query as every other value, with its count (without DuckDB's ``in_clause``
   optimizer: see :data:`LONG_VALUE_OPTIMIZERS_OFF`); the rows of its codes are folded into those
   of the short values after each read (:func:`.column_rows.folded_codes_sql`: the sets of values are
   disjoint), their examples and text bounds in Python (:class:`_HeldTexts`), so that at most a few
   of the long values are held per code, once each.

The figures are those of one query over every cell, unless two different long TEXT values of one
column and size share their MD5 (a chance of about 2^-128 per pair). A single cell still has to fit
in memory whole (with its copies), and the table needs a rowid (a WITHOUT ROWID table cannot be read
a few rows at a time by range: it fails as before).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from duckdb import DuckDBPyConnection

from columnar_etl.pg.identifiers import quote_ident
from columnar_etl.profiling.column_rows import UNFOLDED, folded_codes_sql, with_column_rows
from columnar_etl.profiling.distinct_values import blob_label_sql, distinct_cells_sql
from columnar_etl.profiling.profile_codes import EXAMPLES
from columnar_etl.profiling.sql import table_profile_sql
from columnar_etl.source.cells import (
    CLASSES_COLUMN,
    ROWID_COLUMN,
    ColumnRead,
    EncodingFallback,
    long_cell_sql,
)
from columnar_etl.source.export import Source

#: Rows in one of DuckDB's vectors (its ``STANDARD_VECTOR_SIZE``): what one read hands over at once.
VECTOR_ROWS = 2048
#: A read of long cells holds about ``profile_memory_limit`` / this many bytes of them: the query over
#: them holds several copies (the bytes, the decoded and the trimmed text, the count's), and the
#: counting of the short values beside them. The export of 110 MB of text in 1,372 rows, profile at
#: 256 MB, two fresh processes each: 16 (16 MB reads) peaked at 609-650 MB of RSS, 32 at 500-507 MB
#: (the earlier attempts' own peak) for 1-2 s more CPU, 64 no lower for 2 s more again.
READ_SHARE = 32
#: Batches of long values profiled by one query (a SQLite read each, one after the other on one thread):
#: planning the profile query costs about as much as profiling a batch, but each read's values stay
#: with the process until its query ends. The 110 MB export's whole profile at 256 MB, two fresh
#: processes each: a query per batch 8.4-9.4 s of CPU at 500-507 MB of RSS; 4 a query 7.0-7.4 s at
#: 543-547 MB; 8, 6.2-6.3 s at 568-572 MB; 16, 6.4 s at 600-604 MB (1 GB, read the usual way:
#: 3.4-3.8 s at 570-599 MB). A batch holding a value of more than ``read_bytes`` / this many bytes is a
#: query of its own (:func:`_queries`): eight batches of 1-10 MB logs (~100 MB) ran out of 256 MB.
READS_PER_QUERY = 8
#: DuckDB optimizers a query over long values runs without (see :func:`long_text_rows`).
LONG_VALUE_OPTIMIZERS_OFF = "join_order,build_side_probe_side,in_clause"
#: A cell is long above this many bytes at least (below, whatever the table's width).
MIN_LONG_BYTES = 256


def read_bytes(limit: int) -> int:
    """Bytes of long cells one read hands over (``limit``: ``profile_memory_limit`` in bytes)."""
    return max(1, limit // READ_SHARE)


def long_bytes(limit: int, columns: int) -> int:
    """The size above which a cell of a table of ``columns`` read as text is long: a vector of the
    others (2,048 rows) then holds at most about :func:`read_bytes`."""
    return max(MIN_LONG_BYTES, read_bytes(limit) // (VECTOR_ROWS * max(1, columns)))


def long_text_rows(
    src: Source,
    table: str,
    columns: list[str],
    positions: list[int],
    real_digits: list[bool],
    *,
    limit: int,
    null_tokens: list[str],
    fallback: EncodingFallback,
    dated: list[int],
    cells: str,
    untrimmed: list[int] | None = None,
    kept_empty: list[int] | None = None,
    timed: list[int] | None = None,
    clocked: list[int] | None = None,
    open_ended: list[int] | None = None,
) -> list[dict[str, Any]]:
    """The profile query's rows (:func:`.sql.table_profile_sql`) of ``columns`` of ``table`` (at
    ``positions`` in it; ``real_digits`` as :attr:`ColumnRead.real_digits` for each), with its long
    cells read apart (see the module). ``cells`` (the name of a DuckDB table) is left holding the
    counted short cells, each long BLOB's label and, for a column with long TEXT, a row of class
    ``l`` (value NULL) per distinct long value: no column of long text is kept for the reference
    search (:func:`.reference_rows.kept_values_sql`); its working tables are named after it. ``limit``:
    ``profile_memory_limit`` in bytes; ``dated``, ``untrimmed``, ``kept_empty``, ``timed``, ``clocked``,
    ``open_ended``: as :func:`.sql.table_profile_sql`'s."""
    info = src.table(table)
    if info.rowid is None:
        raise ValueError(f"table {table!r} has no rowid: its long cells cannot be read apart")
    alias = quote_ident(info.rowid[0])
    over = long_bytes(limit, len(columns))
    cursor = src.connection.cursor()
    working = ("long", "ids", "groups", "coded", "folded")
    longs, ids, groups, coded, folded = (quote_ident(f"{cells}_{part}") for part in working)
    cells = quote_ident(cells)
    try:
        # 1. Every cell; a long one as its size, listed by (column, rowid).
        reads = [
            ColumnRead(
                column, with_class=True, as_bytes=True, real_digits=digits, long_bytes=over, hide_long=True
            )
            for column, digits in zip(columns, real_digits, strict=True)
        ]
        relation = src.relation_sql(table, reads=reads, class_string=True, with_rowid=True)
        counted = distinct_cells_sql(relation, columns, None, positions, rowid=ROWID_COLUMN)
        cursor.execute(f"CREATE OR REPLACE TABLE {cells} AS {counted}")
        cursor.execute(
            f"CREATE OR REPLACE TABLE {longs} AS SELECT idx, lower(cls) AS cls, r, "
            f"CAST(decode(v) AS BIGINT) AS bytes FROM {cells} WHERE cls IN ('T', 'B')"
        )
        cursor.execute(f"DELETE FROM {cells} WHERE cls IN ('T', 'B')")
        cursor.execute(f"ALTER TABLE {cells} DROP COLUMN r")
        # 2. The long cells by their label, a column at a time, a few rows at a time: a read holds one
        # column's cells only (a row of several long values is never read whole).
        places = sorted(
            {int(idx) for (idx,) in cursor.execute(f"SELECT DISTINCT idx FROM {longs}").fetchall()}
        )
        cursor.execute(
            f"CREATE OR REPLACE TABLE {ids} (idx INTEGER, cls VARCHAR, r BIGINT, label BLOB, bytes BIGINT)"
        )
        wide = {place: columns[positions.index(place)] for place in places}
        for place, column in wide.items():
            read = [ColumnRead(column, with_class=True, as_bytes=True, long_bytes=over)]
            long_cell = long_cell_sql(quote_ident(column), over)
            for low, high in _ranges(src, f"(SELECT * FROM {longs} WHERE idx = {place})", read_bytes(limit)):
                relation = src.relation_sql(
                    table,
                    reads=read,
                    class_string=True,
                    with_rowid=True,
                    where=f"{alias} BETWEEN {low} AND {high} AND {long_cell}",
                )
                cursor.execute(
                    f"INSERT INTO {ids} SELECT idx, lower(cls), r, {blob_label_sql('raw')}, "
                    f"octet_length(raw) FROM ({_unnested(relation, [column], [place])}) AS long_cells "
                    "WHERE cls IN ('T', 'B')"
                )
        cursor.execute(
            f"CREATE OR REPLACE TABLE {groups} AS SELECT idx, cls, label, count(*) AS weight, min(r) AS r, "
            f"any_value(bytes) AS bytes FROM {ids} GROUP BY idx, cls, label"
        )
        cursor.execute(f"DROP TABLE {ids}")
        cursor.execute(f"INSERT INTO {cells} SELECT idx, cls, label, weight FROM {groups} WHERE cls = 'b'")

        # 3. The short values' codes, then each distinct long TEXT value's, a few at a time.
        def coded_sql(distinct: str) -> str:
            return table_profile_sql(
                "",
                ["cells"],
                null_tokens,
                None,
                fallback,
                distinct=distinct,
                dated=dated,
                untrimmed=untrimmed or (),
                kept_empty=kept_empty or (),
                column_rows=False,
                timed=timed or (),
                clocked=clocked or (),
                open_ended=open_ended or (),
            )

        cursor.execute(f"CREATE OR REPLACE TABLE {coded} AS {coded_sql(f'SELECT * FROM {cells}')}")
        held = _HeldTexts(cursor, coded)
        held.take()
        texts = f"(SELECT * FROM {groups} WHERE cls = 't')"
        # DuckDB guesses a SQLite read holds a row or so and would build the join's hash table of the
        # long values read: in the order written, the hash table is the groups' (this cursor only).
        # Its in_clause optimizer makes each of the profile query's `k IN (...)` tests a join, each
        # holding its copy of the rows' values: one 15 MB value took ~200 MB of RSS, ~20 MB without.
        cursor.execute(f"SET disabled_optimizers = '{LONG_VALUE_OPTIMIZERS_OFF}'")
        for place, column in wide.items():
            read = [ColumnRead(column, with_class=True, as_bytes=True, long_bytes=over)]
            batches = list(_batches(src, f"(SELECT * FROM {texts} WHERE idx = {place})", read_bytes(limit)))
            for query in _queries(batches, read_bytes(limit)):
                # Each batch a SQLite read of its own (a vector holds its rows only), several in one
                # query; each read holds this column's cells only.
                parts = [
                    _unnested(
                        src.relation_sql(
                            table, reads=read, class_string=True, with_rowid=True, rowids=rowids
                        ),
                        [column],
                        [place],
                    )
                    for rowids in query
                ]
                values = (
                    f"SELECT c.idx, 't' AS cls, c.raw AS v, g.weight FROM ({' UNION ALL '.join(parts)}) "
                    f"AS c JOIN {texts} AS g ON g.idx = c.idx AND g.r = c.r WHERE c.cls = 'T'"
                )
                cursor.execute(f"INSERT INTO {coded} {coded_sql(values)}")
                # Folded now: each read's codes would add up otherwise; the long values in them
                # (examples, text bounds) are folded in Python first (see _HeldTexts).
                held.take()
                cursor.execute(f"CREATE OR REPLACE TABLE {folded} AS {folded_codes_sql(coded)}")
                cursor.execute(f"DROP TABLE {coded}")
                cursor.execute(f"ALTER TABLE {folded} RENAME TO {coded}")
        cursor.execute("RESET disabled_optimizers")
        cursor.execute(f"INSERT INTO {cells} SELECT idx, 'l', NULL, weight FROM {groups} WHERE cls = 't'")
        result = cursor.execute(with_column_rows(f"SELECT * FROM {coded}"))
        header = [d[0] for d in result.description or []]
        return [held.put(dict(zip(header, row, strict=True))) for row in result.fetchall()]
    finally:
        for part in (longs, ids, groups, coded, folded):
            cursor.execute(f"DROP TABLE IF EXISTS {part}")


class _HeldTexts:
    """The text of long values in the codes' rows of the DuckDB table ``coded`` (examples, text
    bounds: :data:`.column_rows.UNFOLDED`), folded in Python as :func:`.column_rows.folded_codes_sql` folds
    them.

    Folded by DuckDB, each fold copied every long value held (the aggregates' states, the lists
    flattened and sorted) in memory its limit does not count: five 15 MB values of one column ran
    out of 256 MB in the fold. Python keeps one object of each value (an example, a bound), the
    smallest :data:`.profile_codes.EXAMPLES` and the bounds of each code: the same values, the same order (a
    VARCHAR compares by its UTF-8 bytes, a ``str`` by its code points)."""

    def __init__(self, cursor: DuckDBPyConnection, coded: str) -> None:
        self.cursor = cursor
        self.coded = coded
        self.texts: dict[tuple[int, int], dict[str, Any]] = {}

    def _fold(
        self, idx: int, code: int, examples: list[str] | None, low: str | None, high: str | None
    ) -> None:
        held = self.texts.setdefault((idx, code), dict.fromkeys(UNFOLDED))
        if examples is not None:
            held["examples"] = sorted([*(held["examples"] or []), *examples])[:EXAMPLES]
        if low is not None and (held["min_text"] is None or low < held["min_text"]):
            held["min_text"] = low
        if high is not None and (held["max_text"] is None or high > held["max_text"]):
            held["max_text"] = high
        # A bound equal to an example is held once (a long value is often both).
        for name in ("min_text", "max_text"):
            held[name] = next((v for v in held["examples"] or [] if v == held[name]), held[name])

    def take(self) -> None:
        """Fold the text of ``coded``'s rows into what is held, and leave it NULL there."""
        names = ", ".join(UNFOLDED)
        found = self.cursor.execute(f"SELECT idx, code, {names} FROM {self.coded}").fetchall()
        for idx, code, examples, low, high in found:
            self._fold(int(idx), int(code), examples, low, high)
        nulls = ", ".join(f"{name} = NULL" for name in UNFOLDED)
        self.cursor.execute(f"UPDATE {self.coded} SET {nulls}")

    def put(self, row: dict[str, Any]) -> dict[str, Any]:
        """``row`` of the profile query with the text held for its code (a column's row keeps NULL)."""
        if row["code"] is not None:
            row.update(self.texts.get((int(row["idx"]), int(row["code"])), {}))
        return row


def _unnested(relation: str, columns: list[str], places: list[int]) -> str:
    """DuckDB: ``relation``'s cells of ``columns`` (at ``places`` in their table) as
    ``(idx, cls, raw, r)``, ``r`` the row's rowid."""
    indexes = ", ".join(map(str, places))
    values = ", ".join(quote_ident(column) for column in columns)
    return (
        f"SELECT unnest([{indexes}]) AS idx, unnest(str_split({quote_ident(CLASSES_COLUMN)}, '')) AS cls, "
        f"unnest([{values}]) AS raw, {quote_ident(ROWID_COLUMN)} AS r FROM {relation} AS long_rows"
    )


def _bucketed(rows: str, most: int) -> str:
    """DuckDB: the rowids ``r`` of ``rows`` (``(r, bytes)`` and more), each with its ``bucket``: rows in
    rowid order, cut into runs of about ``most`` of those bytes (a row of more is a run of its own),
    and the ``longest`` of its values."""
    sizes = f"SELECT r, sum(bytes) AS b, max(bytes) AS longest FROM {rows} GROUP BY r"
    return (
        f"SELECT r, longest, (sum(b) OVER (ORDER BY r) - b) // {int(most)} AS bucket FROM ({sizes}) AS sizes"
    )


def _ranges(src: Source, longs: str, most: int) -> Iterator[tuple[int, int]]:
    """Rowid ranges of the rows of ``longs`` (``(idx, cls, r, bytes)``), in order, each of about
    ``most`` bytes of them."""
    sql = f"SELECT min(r), max(r) FROM ({_bucketed(longs, most)}) AS rows GROUP BY bucket ORDER BY 1"
    for low, high in src.connection.cursor().execute(sql).fetchall():
        yield int(low), int(high)


def _batches(src: Source, groups: str, most: int) -> Iterator[tuple[list[int], int]]:
    """The rowids of ``groups``' rows (``r``: a row holding one of each distinct long value), in
    lists of about ``most`` bytes of those values, each with the bytes of its longest value."""
    sql = (
        f"SELECT list(r ORDER BY r), max(longest) FROM ({_bucketed(groups, most)}) AS rows "
        "GROUP BY bucket ORDER BY min(r)"
    )
    for rowids, longest in src.connection.cursor().execute(sql).fetchall():
        yield [int(rowid) for rowid in rowids], int(longest)


def _queries(batches: list[tuple[list[int], int]], most: int) -> Iterator[list[list[int]]]:
    """``batches`` (:func:`_batches`: rowids, the longest value's bytes) as the reads of each query: at
    most :data:`READS_PER_QUERY`, and a read holding a value of more than ``most`` / that many bytes
    is a query of its own (``most``: :func:`read_bytes`)."""
    query: list[list[int]] = []
    for rowids, longest in batches:
        alone = longest * READS_PER_QUERY > most
        if query and (alone or len(query) == READS_PER_QUERY):
            yield query
            query = []
        query.append(rowids)
        if alone:
            yield query
            query = []
    if query:
        yield query
