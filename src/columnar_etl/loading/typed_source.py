"""STAND-IN for the cleaner: typed Arrow straight from the export through DuckDB casts.

Until ``columnar_etl.cleaning`` hands its typed stream to the loader, ``columnar-etl load SOURCE``, the
load tests and the load benchmark need typed batches (timestamp[us], date32, int64, decimal128(18,s),
float64, bool, string). This reads the export (read-only, as :mod:`columnar_etl.source.export` does) and
``TRY_CAST``\\ s each column to the type it is given: values DuckDB cannot parse as they are (day-first
dates, ``Yes`` / ``No``, ``1,5``) become NULL, which is exactly what the cleaner exists to avoid. Text
keeps its values, NUL bytes removed (PostgreSQL text cannot hold them).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

import pyarrow as pa

from columnar_etl.models import Profile
from columnar_etl.pg.identifiers import quote_ident
from columnar_etl.source.export import Source

#: Per table, per column: the inferred type and, for numeric, its scale.
ColumnTypes = Mapping[str, Mapping[str, tuple[str, int | None]]]

_DUCKDB_TYPES = {
    "integer": "BIGINT",
    "double": "DOUBLE",
    "boolean": "BOOLEAN",
    "date": "DATE",
    "timestamp": "TIMESTAMP",
}


def types_from_profile(profile: Profile) -> dict[str, dict[str, tuple[str, int | None]]]:
    """The profile's inferred type (and numeric scale) of every column."""
    return {
        name: {column.name: (column.inferred_type, column.max_scale) for column in table.columns.values()}
        for name, table in profile.tables.items()
    }


def cast_expression(column: str, inferred: str, scale: int | None) -> str:
    """The DuckDB expression reading ``column`` (text) as ``inferred``."""
    q = quote_ident(column)
    if inferred == "numeric":
        return f"TRY_CAST(trim({q}) AS DECIMAL(18, {min(max(scale or 0, 0), 18)}))"
    if inferred in _DUCKDB_TYPES:
        return f"TRY_CAST(trim({q}) AS {_DUCKDB_TYPES[inferred]})"
    return f"replace({q}, chr(0), '')"


def typed_readers(
    src: Source, types: ColumnTypes, *, batch_size: int = 65_536
) -> dict[str, pa.RecordBatchReader]:
    """One typed RecordBatchReader per table of ``types`` (columns absent from ``types`` stay text)."""
    readers = {}
    for table, columns in types.items():
        names = src.table(table).column_names
        exprs = ", ".join(
            f"{cast_expression(name, *columns.get(name, ('text', None)))} AS {quote_ident(name)}"
            for name in names
        )
        sql = f"SELECT {exprs} FROM {src.relation_sql(table)} AS t"
        readers[table] = _lazy_reader(src, sql, batch_size)
    return readers


def _lazy_reader(src: Source, sql: str, batch_size: int) -> pa.RecordBatchReader:
    # DuckDB runs a query up to its first batch when the reader is made; deferring that to the first
    # pull lets it happen in whichever thread consumes the stream (the loader reads ahead in one).
    schema = src.connection.cursor().sql(sql).limit(0).to_arrow_table().schema

    def batches() -> Iterator[pa.RecordBatch]:
        # A cursor per stream: several tables are read at once from one Source.
        yield from src.connection.cursor().sql(sql).to_arrow_reader(batch_size)

    return pa.RecordBatchReader.from_batches(schema, batches())
