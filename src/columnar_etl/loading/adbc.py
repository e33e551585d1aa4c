"""The COPY path: Arrow record batches into PostgreSQL through the ADBC driver, all-or-nothing.

``adbc_ingest`` streams Arrow into PostgreSQL with ``COPY ... FROM STDIN (FORMAT binary)``. With
autocommit off, ``CREATE SCHEMA`` and every table's COPY share one transaction: either every table of
the set exists with all its rows afterwards, or none does (the schema included).
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeAlias

import pyarrow as pa

from columnar_etl.errors import LoadError
from columnar_etl.pg.connect import transaction
from columnar_etl.pg.identifiers import MAX_TABLE_COLUMNS, WIDE_TABLE_HINT, quote_ident
from columnar_etl.pg.server_errors import error_hint, first_line, pg_error_text, server_message

# Anything adbc_ingest can stream: a table, a reader, or an iterable of batches (wrapped below).
ArrowData: TypeAlias = "pa.Table | pa.RecordBatchReader | pa.RecordBatch | Iterable[pa.RecordBatch]"

#: Bytes of Arrow data per batch handed to the driver's COPY (:func:`copy_slices`).
COPY_SLICE_BYTES = 64 * 1024
#: At least this many bytes of a slice per column (:func:`copy_slices`): the driver's cost per batch
#: grows with its columns.
COPY_SLICE_BYTES_PER_COLUMN = 2 * 1024


@dataclass
class CopyResult:
    """What one all-or-nothing COPY of several tables did."""

    schema: str
    rows: dict[str, int] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)
    total_seconds: float = 0.0

    @property
    def total_rows(self) -> int:
        """Rows copied over all tables."""
        return sum(self.rows.values())

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "schema": self.schema,
            "rows": dict(self.rows),
            "seconds": {name: round(value, 4) for name, value in self.seconds.items()},
            "total_rows": self.total_rows,
            "total_seconds": round(self.total_seconds, 4),
        }


def copy_tables(
    conn: Any,
    schema: str,
    tables: Mapping[str, ArrowData],
    *,
    replace_schema: bool = False,
    create_schema: bool = True,
) -> CopyResult:
    """COPY each Arrow source into ``schema.<table>`` on ``conn``, inside the caller's transaction.

    The schema is created (dropped first when ``replace_schema``) unless ``create_schema`` is False
    (it exists already, e.g. from an earlier call in the same transaction). Nothing is committed here: use
    :func:`copy_tables_atomically`, or commit / roll back ``conn`` yourself. Any failure raises
    :class:`LoadError` naming the table, after which the caller must roll back.
    """
    import adbc_driver_manager

    result = CopyResult(schema=schema)
    started = time.perf_counter()
    cursor = conn.cursor()
    try:
        try:
            if replace_schema:
                cursor.execute(f"DROP SCHEMA IF EXISTS {quote_ident(schema)} CASCADE")
        except adbc_driver_manager.Error as exc:  # its owner's, or a DBA's event trigger refusing
            raise LoadError(
                f"cannot drop schema {schema!r} to replace it: {server_message(exc) or first_line(exc)}",
                hint=error_hint(
                    exc, "nothing was committed, the schema is as it was: may this role drop it (its owner)?"
                ),
            ) from exc
        try:
            if create_schema or replace_schema:
                cursor.execute(f"CREATE SCHEMA {quote_ident(schema)}")
        except adbc_driver_manager.Error as exc:
            raise LoadError(
                f"cannot create schema {schema!r}: {server_message(exc) or first_line(exc)}",
                hint=error_hint(
                    exc, "does the schema exist already, and may this role CREATE on the database?"
                ),
            ) from exc
        for table, data in tables.items():
            table_started = time.perf_counter()
            try:
                arrow = copy_slices(data)
                if len(arrow.schema) > MAX_TABLE_COLUMNS:
                    raise LoadError(
                        f"{table} has {len(arrow.schema):,} columns: a PostgreSQL table holds at most "
                        f"{MAX_TABLE_COLUMNS:,}",
                        table=table,
                        hint=WIDE_TABLE_HINT,
                    )
                declared = declared_columns(arrow.schema)
                if declared is not None:
                    # The plan's exact types (numeric(18,2), not the plain numeric ADBC would create).
                    cursor.execute(f"CREATE TABLE {quote_ident(schema)}.{quote_ident(table)} ({declared})")
                mode = "append" if declared is not None else "create"
                rows = cursor.adbc_ingest(table, arrow, mode=mode, db_schema_name=schema)
            except (adbc_driver_manager.Error, pa.ArrowException) as exc:
                hint = "nothing was committed; fix the data or the target and run again"
                if "row is too big" in str(exc):
                    # Numbers, dates and short text stay in the row (8 bytes a double); only long
                    # values move out of it: ~1,000 number columns fill a row (h42's fuzz).
                    hint = f"nothing was committed; a PostgreSQL row holds ~8 kB of them: {WIDE_TABLE_HINT}"
                elif "has no equivalent in encoding" in str(exc):
                    # A database not in UTF8 (ENCODING 'LATIN1' ...): `preflight` names every such column.
                    hint = (
                        "nothing was committed; the target database's encoding lacks a character of this "
                        "table's text: load into a database created with ENCODING 'UTF8' (columnar-etl "
                        "preflight names the columns)"
                    )
                raise LoadError(
                    # The server's message, not the driver's text around it ("IO: [libpq] Failed to
                    # create table: ERROR:  ...": its own CREATE TABLE carries no fields of the server's).
                    f"COPY into {schema}.{table} failed: {pg_error_text(exc)}",
                    table=table,
                    hint=error_hint(exc, hint),
                ) from exc
            result.rows[table] = int(rows)
            result.seconds[table] = time.perf_counter() - table_started
    finally:
        cursor.close()
    result.total_seconds = time.perf_counter() - started
    return result


def copy_tables_atomically(
    uri: str, schema: str, tables: Mapping[str, ArrowData], *, replace_schema: bool = False
) -> CopyResult:
    """Create ``schema`` and COPY every table into it in ONE transaction: all of it lands or none.

    On any error (bad value, lost connection, a reader that raises) the transaction is rolled back, so
    the schema does not exist afterwards (or, with ``replace_schema``, the old one is still there).
    """
    with transaction(uri) as conn:
        return copy_tables(conn, schema, tables, replace_schema=replace_schema)


#: Field metadata naming the PostgreSQL type a column is created with (set by the cleaner's schema).
PG_TYPE_KEY = b"pg_type"


def declared_columns(schema: pa.Schema) -> str | None:
    """``"a" numeric(18,2), "b" text``: the column list of a table whose every field names its
    PostgreSQL type in its metadata (:data:`PG_TYPE_KEY`); None when any does not (ADBC then creates
    the table from the Arrow types)."""
    types = [(field.metadata or {}).get(PG_TYPE_KEY) for field in schema]
    if not schema or any(t is None for t in types):
        return None
    return ", ".join(
        f"{quote_ident(field.name)} {t.decode()}" for field, t in zip(schema, types, strict=True) if t
    )


def renamed(reader: pa.RecordBatchReader, mapping: Mapping[str, str]) -> pa.RecordBatchReader:
    """``reader`` with its columns renamed through ``mapping`` (unchanged when it is the identity)."""
    names = [mapping.get(name, name) for name in reader.schema.names]
    if names == reader.schema.names:
        return reader
    schema = pa.schema([field.with_name(name) for field, name in zip(reader.schema, names, strict=True)])
    return pa.RecordBatchReader.from_batches(schema, (batch.rename_columns(names) for batch in reader))


def copy_slices(
    data: ArrowData, slice_bytes: int = COPY_SLICE_BYTES, per_column: int = COPY_SLICE_BYTES_PER_COLUMN
) -> pa.RecordBatchReader:
    """``data`` as a reader of batches of about ``slice_bytes`` each (zero-copy slices), for COPY.

    The driver writes a whole batch into one COPY buffer and only then sends it (``PQputCopyData``,
    blocking until the socket takes it): with a batch of megabytes the client writes while PostgreSQL
    waits, then PostgreSQL parses while the client waits. A batch that fits in the socket's buffer
    lets the client write the next one while PostgreSQL parses this one. The cleaned batches of the
    benchmark exports, already in memory, COPYed into the embedded server over its unix socket, two
    runs each: 1M-row narrow table 0.99-1.05 s -> 0.62 s; wide export 0.67-0.75 s -> 0.45 s; the same
    CPU on both sides (128 KiB slices: 0.66 s and 0.52-0.54 s; 1 MiB: no gain). In a whole ``run``
    (medians of 6 interleaved), clean+load: narrow 1.95 -> 1.67 s, wide 1.89 -> 1.72 s; less than
    alone, as the cleaner keeps the other core busy.

    The driver also pays per batch and column (~1 us: each column's view of the batch): a slice holds
    at least ``per_column`` bytes per column. A 500-column table of 20,000 rows
    (153 MB of text) sliced at 64 KiB, ~9 rows a slice: 1.9 s of the client's CPU; at 1 MiB (~130 rows),
    0.92 s (the whole table as one batch: 0.84 s).
    """
    reader = as_reader(None, data)
    slice_bytes = max(slice_bytes, per_column * len(reader.schema))

    def sliced() -> Iterator[pa.RecordBatch]:
        for batch in reader:
            rows = batch.num_rows
            step = max(1, slice_bytes * rows // batch.nbytes) if rows and batch.nbytes else max(1, rows)
            for start in range(0, max(rows, 1), step):
                yield batch.slice(start, step)

    return pa.RecordBatchReader.from_batches(reader.schema, sliced())


def as_reader(table: str | None, data: ArrowData) -> pa.RecordBatchReader:
    """Any accepted input (Table, RecordBatch, reader, iterable of batches) as a RecordBatchReader;
    ``table`` names the input in the error.

    An iterable must yield at least one batch (it carries the schema); pass a reader or a Table to
    load a table with no rows.
    """
    if isinstance(data, pa.RecordBatchReader):
        return data
    if isinstance(data, pa.Table | pa.RecordBatch):
        whole = data.to_batches() if isinstance(data, pa.Table) else [data]
        return pa.RecordBatchReader.from_batches(data.schema, whole)
    batches: Iterator[pa.RecordBatch] = iter(data)
    first = next(batches, None)
    if first is None:
        raise LoadError(
            "no record batches (not even an empty one carrying the schema)",
            table=table,
            hint="pass a pyarrow RecordBatchReader or Table for a table without rows",
        )

    def chain() -> Iterator[pa.RecordBatch]:
        yield first
        yield from batches

    return pa.RecordBatchReader.from_batches(first.schema, chain())
